import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from './page';

/**
 * A cursor-paged list flattened for a table with a "load more" button. When the key changes (a
 * new filter), the rows shown stay under the table's spinner until the new first page arrives:
 * dropping them showed "no data" for a moment, which reads as an answer.
 */
export function useCursorList<T>(queryKey: QueryKey, fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return {
    items: query.data?.pages.flatMap((page) => page.items) ?? [],
    isLoading: query.isLoading || query.isPlaceholderData,
    isError: query.isError,
    error: query.error,
    // The previous filter's cursor must not page the new one.
    hasMore: query.hasNextPage && !query.isPlaceholderData,
    isLoadingMore: query.isFetchingNextPage,
    loadMore: () => void query.fetchNextPage(),
    refetch: () => void query.refetch(),
  };
}
