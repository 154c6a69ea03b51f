import { HAZARD_GRADE_LABELS, HAZARD_STATUS_LABELS } from '@shoutu/domain';
import { Type, type Static } from 'typebox';
import type { ExportKind } from '../../exports/exports.kinds.js';
import { ExportOptions } from '../../exports/exports.schema.js';
import type { ExportColumn } from '../../exports/formats/document.js';
import { HazardsRepository } from './hazards.repository.js';
import { HazardListQuery } from './hazards.schema.js';
import { hazardFilter, type HazardsService } from './hazards.service.js';

/** The list's filters (without its paging) and the export's options. */
export const HazardExportBody = Type.Object({ ...Type.Omit(HazardListQuery, ['limit', 'cursor']).properties, ...ExportOptions }, { additionalProperties: false });
export type HazardExportBody = Static<typeof HazardExportBody>;
export type HazardExportFilter = Omit<HazardExportBody, 'format' | 'unmasked' | 'reason'>;

const PAGE = 200;
const SOURCES: Record<string, string> = { regulator_inspection: '监管检查', self_inspection: '企业自查', report: '直接报告' };

const COLUMNS: ExportColumn[] = [
  { header: '企业名称', width: 28 },
  { header: '所在村（社区）代码', width: 15 },
  { header: '隐患等级', width: 14 },
  { header: '来源', width: 10 },
  { header: '隐患描述', width: 40 },
  { header: '部位', width: 16 },
  { header: '状态', width: 10 },
  { header: '整改责任单位', width: 20 },
  { header: '整改责任人（脱敏）', width: 12 },
  { header: '整改期限（UTC）', width: 20 },
  { header: '是否逾期', width: 8 },
  { header: '挂牌督办单位', width: 20 },
  { header: '发现时间（UTC）', width: 20 },
  { header: '销号时间（UTC）', width: 20 },
];

/**
 * The hazard list as an export kind (SECURITY.md row 18): its rows are hazards, the responsible
 * person stays masked and cannot be unmasked here, so it needs no approval; it is still
 * permission-checked, watermarked and audited by the exports service.
 */
export function hazardsExportKind(service: HazardsService): ExportKind<HazardExportFilter> {
  return {
    kind: 'hazards',
    action: 'hazard.export',
    title: '隐患清单',
    readPermission: 'hazards:read',
    unmaskPermission: null,
    personal: false,
    formats: ['xlsx', 'csv', 'pdf'],
    count: (ctx, filter) => new HazardsRepository(ctx.db).count(hazardFilter(ctx, filter, ctx.now())),
    columns: () => COLUMNS,
    async *rows(ctx, filter) {
      let cursor: string | undefined;
      do {
        const page = await service.list(ctx, { ...filter, limit: PAGE, ...(cursor ? { cursor } : {}) });
        yield page.items.map((hazard) => [
          hazard.enterpriseName,
          hazard.regionCode,
          HAZARD_GRADE_LABELS[hazard.grade]['zh-CN'],
          SOURCES[hazard.source] ?? hazard.source,
          hazard.description,
          hazard.place ?? '',
          HAZARD_STATUS_LABELS[hazard.status]['zh-CN'],
          hazard.responsibleUnit ?? '',
          hazard.responsiblePerson ?? '',
          hazard.deadline ?? '',
          hazard.overdue ? '是' : '否',
          hazard.listing?.unitName ?? '',
          hazard.foundAt,
          hazard.closedAt ?? '',
        ]);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}
