import { api } from '../../../app/api/client';
import { PAGE_SIZE, type Page } from '../../../app/api/page';
import type { User, UserCreate, UserPatch } from './users.types';

export const userKeys = {
  all: ['users'] as const,
  list: (q: string) => ['users', 'list', q] as const,
};

export const usersApi = {
  list: (q: string, cursor: string | null) => api<Page<User>>('/users', { query: { limit: PAGE_SIZE, cursor, q } }),
  create: (user: UserCreate) => api<User>('/users', { method: 'POST', body: user }),
  update: (id: string, patch: UserPatch) => api<User>(`/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch }),
  resetPassword: (id: string, password: string) =>
    api<void>(`/users/${encodeURIComponent(id)}/reset-password`, { method: 'POST', body: { password } }),
};
