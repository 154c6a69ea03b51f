import { api } from '../../app/api/client';
import { PAGE_SIZE, type Page } from '../../app/api/page';
import { ApiError, isProblem } from '../../app/api/problem';
import type { ExportBox, ExportRequest, ExportStarted } from './exports.types';

export const exportKeys = {
  all: ['exports'] as const,
  box: (box: ExportBox) => ['exports', box] as const,
};

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
function fileNameOf(response: Response): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? 'export';
}

/** Hands a file answer to the browser to save; the bytes live only in a short-lived object URL. */
async function save(response: Response): Promise<{ rows: number; fileName: string }> {
  const blob = await response.blob();
  const fileName = fileNameOf(response);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { rows: Number(response.headers.get('x-export-rows') ?? 0), fileName };
}

/** Exports are never replayed from an Idempotency-Key (a second copy would escape the audit), so none is sent. */
async function post(path: string, body?: unknown): Promise<Response> {
  try {
    return await fetch(`/api/v1${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, null);
  }
}

export const exportsApi = {
  list: (box: ExportBox, cursor: string | null) => api<Page<ExportRequest>>('/exports', { query: { box, limit: PAGE_SIZE, cursor } }),
  approve: (request: ExportRequest, reason: string) => api<ExportRequest>(`/exports/${encodeURIComponent(request.id)}/approve`, { method: 'POST', body: { version: request.version, reason } }),
  reject: (request: ExportRequest, reason: string) => api<ExportRequest>(`/exports/${encodeURIComponent(request.id)}/reject`, { method: 'POST', body: { version: request.version, reason } }),
  /** The one download of an approved export. */
  async download(id: string): Promise<{ rows: number; fileName: string }> {
    const response = await post(`/exports/${encodeURIComponent(id)}/download`);
    if (!response.ok) throw await failure(response);
    return save(response);
  },
  /** Starts a list's export: 200 brings the file, 202 the request that now waits for approval. */
  async start(path: string, body: Record<string, unknown>): Promise<ExportStarted> {
    const response = await post(path, body);
    if (!response.ok) throw await failure(response);
    if (response.status === 202) return { kind: 'request', request: (await response.json()) as ExportRequest };
    return { kind: 'file', ...(await save(response)) };
  },
};
