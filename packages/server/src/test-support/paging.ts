/** A list answer of the API: a page of items and the cursor of the next page, null on the last. */
export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every item of a list, following `nextCursor` from page to page. `get` sends a GET of a path under
 * /api/v1 as the caller; `path` carries the list's filters, the limit and cursor are added here.
 */
export async function allPages<T>(get: (path: string) => Promise<{ json(): unknown }>, path: string, limit: number): Promise<T[]> {
  const items: T[] = [];
  const joiner = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  do {
    const page = (await get(`${path}${joiner}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json() as ListPage<T>;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
