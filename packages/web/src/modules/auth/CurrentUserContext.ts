import { createContext } from 'react';
import type { Me } from './api/auth.types';

/**
 * The signed-in user as the sign-in guard last rendered it. Reading it from context rather than
 * from the query keeps the signed-in pages consistent with the guard: when the session ends,
 * the guard redirects and they unmount before they could see a missing user.
 */
export const CurrentUserContext = createContext<Me | null>(null);
