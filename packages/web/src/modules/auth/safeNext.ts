/** The in-app path to return to after sign-in; anything that could leave the app becomes "/". */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}
