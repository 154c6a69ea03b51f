import { ApiError, isProblem } from './problem';
import { newIdempotencyKey } from './idempotencyKey';

const BASE = '/api/v1';

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

// A 401 from these paths is an answer ("not signed in", "wrong password", "already signed
// out"), not a session lost in the middle of work.
const SESSION_PROBES = new Set(['/auth/me', '/auth/login', '/auth/logout']);
const WRONG_PASSWORD = 'invalid_credentials';

let onUnauthorized: () => void = () => undefined;

/** Registers what happens when the session turns out to be gone (the app goes to /login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies and crashes answer with HTML or nothing; the status alone must do.
  }
  return new ApiError(response.status, isProblem(body) ? body : null);
}

/** Calls the JSON API under /api/v1 with the session cookie; throws ApiError on failure. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  // Grid workers retry on poor networks; the server deduplicates POSTs by this key.
  if (method === 'POST') headers['Idempotency-Key'] = newIdempotencyKey();

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, null);
  }

  if (!response.ok) {
    const error = await readProblem(response);
    if (error.status === 401 && !SESSION_PROBES.has(path) && error.code !== WRONG_PASSWORD) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
