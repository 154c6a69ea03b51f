import { useContext } from 'react';
import type { Me } from '../api/auth.types';
import { CurrentUserContext } from '../CurrentUserContext';

/** The signed-in user, for components that render only behind the sign-in guard. */
export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser used outside the signed-in area');
  return me;
}
