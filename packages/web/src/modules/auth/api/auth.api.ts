import { api } from '../../../app/api/client';
import { isApiError } from '../../../app/api/problem';
import type { Credentials, Me, PasswordChange, SystemInfo, TotpSetup } from './auth.types';

export const authKeys = {
  me: ['auth', 'me'] as const,
  systemInfo: ['system', 'info'] as const,
};

export const authApi = {
  systemInfo: () => api<SystemInfo>('/system/info'),

  /** The signed-in user, or null when there is no session. */
  me: async (): Promise<Me | null> => {
    try {
      return await api<Me>('/auth/me');
    } catch (error) {
      if (isApiError(error, 401)) return null;
      throw error;
    }
  },

  login: (credentials: Credentials) => api<Me>('/auth/login', { method: 'POST', body: credentials }),
  logout: () => api<void>('/auth/logout', { method: 'POST' }),
  changePassword: (change: PasswordChange) => api<void>('/auth/password', { method: 'POST', body: change }),
  totpSetup: () => api<TotpSetup>('/auth/totp/setup', { method: 'POST' }),
  totpConfirm: (code: string) => api<void>('/auth/totp/confirm', { method: 'POST', body: { code } }),
};
