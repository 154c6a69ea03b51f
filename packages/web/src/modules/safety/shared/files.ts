import { ApiError, isProblem } from '../../../app/api/problem';

const BASE = '/api/v1';

type Query = Record<string, string | number | boolean | null | undefined>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function failure(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy's HTML page: the status alone must do.
  }
  return new ApiError(response.status, isProblem(body) ? body : null);
}

/** The file name the server suggests (RFC 6266 `filename*` first, for Chinese names). */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** Downloads a file from the API with the session cookie and hands it to the browser to save. */
export async function downloadFile(path: string, query: Query, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url(path, query), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, null);
  }
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileNameOf(response, fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Uploads a file's bytes as the request body. `accepted` lists statuses whose JSON body is an
 * answer rather than a failure (an import refused row by row still reports its rows).
 */
export async function uploadFile<T>(path: string, query: Query, file: Blob, contentType: string, accepted: number[] = []): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url(path, query), { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': contentType, Accept: 'application/json' }, body: file });
  } catch {
    throw new ApiError(0, null);
  }
  if (response.ok || accepted.includes(response.status)) return (await response.json()) as T;
  throw await failure(response);
}
