import { useCursorList } from '../../../app/api/useCursorList';
import { userKeys, usersApi } from './users.api';

export function useUsers(q: string) {
  return useCursorList(userKeys.list(q), (cursor) => usersApi.list(q, cursor));
}
