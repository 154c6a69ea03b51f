import { useMutation } from '@tanstack/react-query';
import { authApi } from '../api/auth.api';

/** Asks the server for a new TOTP secret; it stays pending until a code from it is confirmed. */
export function useTotpSetup() {
  return useMutation({ mutationFn: authApi.totpSetup });
}
