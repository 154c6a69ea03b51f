import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { EnterprisesRepository } from './enterprises.repository.js';
import type { EnterpriseFilterInput } from './enterprises.schema.js';
import { toFilter, type EnterprisesService } from './enterprises.service.js';
import { SCALE_LABELS } from './enterprises.xlsx.js';

export const MAX_EXPORT_ROWS = 100_000;
const PAGE = 1_000;

const COLUMNS: Array<{ header: string; width: number }> = [
  { header: '统一社会信用代码', width: 24 },
  { header: '企业名称', width: 32 },
  { header: '行业代码', width: 10 },
  { header: '行业名称', width: 28 },
  { header: '所在村（社区）代码', width: 16 },
  { header: '所在村（社区）', width: 22 },
  { header: '所在园区', width: 20 },
  { header: '企业规模', width: 10 },
  { header: '涉及危险化学品', width: 14 },
  { header: '有重大危险源', width: 12 },
  { header: '主要负责人（脱敏）', width: 16 },
  { header: '主要负责人手机（脱敏）', width: 20 },
  { header: '安全管理人员（脱敏）', width: 16 },
  { header: '安全管理人员手机（脱敏）', width: 22 },
  { header: '监管部门', width: 36 },
  { header: '最近检查时间（UTC）', width: 22 },
];

export interface ExportFile {
  bytes: Buffer;
  rows: number;
  sha256: string;
  fileName: string;
}

/**
 * Export of the current filter (SECURITY.md row 18): contacts stay masked, the first row and
 * the page header and footer carry who exported it, when and under which request, and the audit
 * row holds the row count and the file's SHA-256, written before the file leaves the server.
 */
export async function exportEnterprises(service: EnterprisesService, audit: AuditService, ctx: RequestContext, query: EnterpriseFilterInput): Promise<ExportFile> {
  const actor = ctx.actor!;
  // data:export opens the route; what may be exported is still what the caller may read.
  if (!actor.permissions.includes('enterprises:read')) throw forbidden();
  const now = ctx.now();
  const watermark = `exported by ${actor.username} at ${now.toISOString()}, request ${ctx.requestId}`;
  const chunks: Buffer[] = [];
  const hash = createHash('sha256');
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    hash.update(chunk);
  });
  const finished = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '守土 Shoutu';
  const sheet = workbook.addWorksheet('企业档案', {
    headerFooter: { oddHeader: `&L${watermark}`, oddFooter: `&L${watermark}&R&P / &N` },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const mark = sheet.addRow([`导出人 ${actor.username}（${actor.displayName}），导出时间 ${now.toISOString()}，请求编号 ${ctx.requestId}。联系人已脱敏，仅限工作使用，不得外传。 / ${watermark}`]);
  mark.font = { bold: true, color: { argb: 'FFC00000' } };
  mark.commit();
  const header = sheet.addRow(COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.commit();

  const filter = toFilter(ctx, query);
  const repo = new EnterprisesRepository(ctx.db);
  const regions = new RegionsRepository(ctx.db);
  const units = service.units();
  let rows = 0;
  let after: [string, string] | undefined;
  for (;;) {
    const page = await repo.list(filter, { limit: PAGE, ...(after ? { after } : {}) });
    if (rows + page.length > MAX_EXPORT_ROWS) throw new AppError('validation_failed', [fieldError('filter', 'too_many_rows')]);
    const names = new Map((await regions.byCodes([...new Set(page.map((row) => row.region_code))])).map((region) => [region.code, region.name]));
    for (const enterprise of await service.present(ctx.db, page, units)) {
      sheet
        .addRow([
          enterprise.creditCode,
          enterprise.name,
          enterprise.industryCode,
          enterprise.industryName,
          enterprise.regionCode,
          names.get(enterprise.regionCode) ?? '',
          enterprise.park ?? '',
          enterprise.scale ? SCALE_LABELS[enterprise.scale] : '',
          enterprise.hazardousChemicals ? '是' : '否',
          enterprise.majorHazardSource ? '是' : '否',
          enterprise.principalName ?? '',
          enterprise.principalPhone ?? '',
          enterprise.safetyOfficerName ?? '',
          enterprise.safetyOfficerPhone ?? '',
          enterprise.supervisors.map((unit) => unit.name).join('、'),
          enterprise.lastInspectedAt ?? '',
        ])
        .commit();
    }
    rows += page.length;
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    after = [last.name, last.id];
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  const bytes = Buffer.concat(chunks);
  const sha256 = hash.digest('hex');
  await ctx.db.transaction().execute((trx) =>
    audit.record(trx, ctx, { action: 'enterprise.export', objectType: 'enterprise', detail: { format: 'xlsx', rows, sha256, filter: query, requestId: ctx.requestId } }),
  );
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return { bytes, rows, sha256, fileName: `企业档案-${stamp}.xlsx` };
}
