import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import JSZip from 'jszip';
import { validateResidentId } from '@shoutu/domain';

const ID_CANDIDATE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Every text of a workbook: cells, shared strings, headers and footers, properties — each XML part with its tags removed. */
async function xlsxText(bytes: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await Promise.all(
    Object.values(zip.files)
      .filter((entry) => !entry.dir && /\.(xml|rels)$/.test(entry.name))
      .map((entry) => entry.async('string')),
  );
  return parts
    .map((xml) => xml.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, name: string) => XML_ENTITIES[name.toLowerCase()] ?? (name[1]?.toLowerCase() === 'x' ? String.fromCodePoint(parseInt(name.slice(2), 16)) : String.fromCodePoint(Number(name.slice(1))))))
    .join('\n');
}

/** The text a reader of the PDF sees, page by page (PDF.js, the engine of Firefox's viewer). */
async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    // PDF.js cuts a run of text wherever the writer kerned or positioned it ("2022-07-1" + "0"); pieces
    // that touch on one line are one word again, so that a split number cannot slip past the scan.
    let text = '';
    let end: { x: number; y: number } | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [, , , , x, y] = item.transform as number[];
      const touches = end !== null && Math.abs(y! - end.y) < 0.5 && Math.abs(x! - end.x) < 1;
      text += (touches ? '' : ' ') + item.str;
      end = { x: x! + item.width, y: y! };
    }
    pages.push(text);
  }
  await pdf.destroy();
  return pages.join('\n');
}

/** A response body as the text a person opening it would read: CSV decoded, XLSX unzipped, PDF extracted. */
export async function readableText(contentType: string, payload: string | Buffer): Promise<string> {
  if (typeof payload === 'string') return payload;
  if (contentType.startsWith('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')) return xlsxText(payload);
  if (contentType.startsWith('application/pdf')) return pdfText(payload);
  return payload.toString('utf8');
}

/** Full resident ID numbers (with a valid check character) and full mobile numbers in a text. */
export function personalDataIn(text: string): { ids: string[]; mobiles: string[] } {
  return {
    ids: [...text.matchAll(ID_CANDIDATE)].map((m) => m[0]).filter((candidate) => validateResidentId(candidate).ok),
    mobiles: [...text.matchAll(MOBILE)].map((m) => m[0]),
  };
}

/**
 * An exported file may carry full identifiers only when the audit trail holds an unmasked export of
 * exactly these bytes: the scanner trusts the audit row, not a header the route could set.
 */
async function isAuditedUnmaskedExport(app: FastifyInstance, reply: FastifyReply, bytes: Buffer): Promise<boolean> {
  if (!reply.getHeader('x-export-sha256')) return false;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const rows = await app.services.db.kysely.selectFrom('audit_log').select('detail').where('object_type', '=', 'export').where('detail', 'like', `%${sha256}%`).execute();
  return rows.some((row) => {
    const detail = JSON.parse(row.detail ?? '{}') as { sha256?: string; unmasked?: boolean };
    return detail.sha256 === sha256 && detail.unmasked === true;
  });
}

/**
 * SECURITY.md row 16: no response to a default role carries a full resident ID number or mobile
 * number — JSON, CSV, XLSX or PDF; only an audited unmask may. Installed on every test app, it turns
 * such a response into a 500, so the test that made the call fails at the place the leak happens.
 */
export function installPersonalDataScanner(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // Operator endpoints (/metrics) print byte counts that look like phone numbers; personal data lives under /api.
    if (!request.url.startsWith('/api/') || request.url.includes('/unmask')) return payload;
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const { ids, mobiles } = personalDataIn(await readableText(String(reply.getHeader('content-type') ?? ''), payload));
    if (ids.length === 0 && mobiles.length === 0) return payload;
    if (Buffer.isBuffer(payload) && (await isAuditedUnmaskedExport(app, reply, payload))) return payload;
    throw new Error(`Personal data in the response to ${request.method} ${request.url}: ${ids.length} ID number(s), ${mobiles.length} mobile number(s)`);
  });
}
