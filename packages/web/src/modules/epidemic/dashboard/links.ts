/** The lists behind the dashboard's figures, opened with the figure's filter in the URL. */
type Params = Record<string, string | undefined>;

function withQuery(path: string, params: Params): string {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export const dashboardLinks = {
  persons: (params: { category?: string; status?: 'managed' | 'released'; regionCode?: string; registeredOn?: string }) => withQuery('/epidemic/persons', params),
  followups: (params: { tab: 'due' | 'release' | 'missed'; measure?: string; pending?: '1'; date?: string; gridCode?: string }) => withQuery('/epidemic/followups', params),
  travelChecks: (params: { day?: string; decision?: 'deny' | 'alert' | 'allow' }) => withQuery('/epidemic/travel-checks', params),
  areas: (params: { regionCode?: string; active?: '1' }) => withQuery('/epidemic/areas', params),
};
