import type { ExportKind } from '../../exports/exports.kinds.js';
import type { ExportColumn } from '../../exports/formats/document.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { EnterprisesRepository } from './enterprises.repository.js';
import type { EnterpriseFilterInput } from './enterprises.schema.js';
import { toFilter, type EnterprisesService } from './enterprises.service.js';
import { SCALE_LABELS } from './enterprises.xlsx.js';

const PAGE = 1_000;

const COLUMNS: ExportColumn[] = [
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

/**
 * The enterprise register as an export kind (SECURITY.md row 18): its rows are enterprises, whose
 * contacts stay masked and cannot be unmasked here, so it needs no approval; the exports service
 * still checks the permission, watermarks the file and audits its row count and hash.
 */
export function enterprisesExportKind(service: EnterprisesService): ExportKind<EnterpriseFilterInput> {
  return {
    kind: 'enterprises',
    action: 'enterprise.export',
    title: '企业档案',
    readPermission: 'enterprises:read',
    unmaskPermission: null,
    personal: false,
    formats: ['xlsx', 'csv', 'pdf'],
    count: (ctx, query) => new EnterprisesRepository(ctx.db).count(toFilter(ctx, query)),
    columns: () => COLUMNS,
    async *rows(ctx, query) {
      const filter = toFilter(ctx, query);
      const repo = new EnterprisesRepository(ctx.db);
      const regions = new RegionsRepository(ctx.db);
      const units = service.units();
      let after: [string, string] | undefined;
      for (;;) {
        const page = await repo.list(filter, { limit: PAGE, ...(after ? { after } : {}) });
        const names = new Map((await regions.byCodes([...new Set(page.map((row) => row.region_code))])).map((region) => [region.code, region.name]));
        yield (await service.present(ctx.db, page, units)).map((enterprise) => [
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
        ]);
        const last = page[page.length - 1];
        if (page.length < PAGE || !last) return;
        after = [last.name, last.id];
      }
    },
  };
}
