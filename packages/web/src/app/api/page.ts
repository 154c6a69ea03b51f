/** One page of a cursor-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface ItemsResponse<T> {
  items: T[];
}

export const PAGE_SIZE = 50;
