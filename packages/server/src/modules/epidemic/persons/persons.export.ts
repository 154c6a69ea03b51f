import { findCategory, maskAddress, maskMobile, maskName, maskResidentId } from '@shoutu/domain';
import { Type, type Static } from 'typebox';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { ExportOptions } from '../../exports/exports.schema.js';
import type { ExportKind } from '../../exports/exports.kinds.js';
import type { ExportColumn } from '../../exports/formats/document.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { chinaDayRange, chinaToday } from './persons.input.js';
import { toMeasurePlan } from './persons.measures.js';
import { PersonsRepository, type PersonListFilter } from './persons.repository.js';
import { ListFilters } from './persons.schema.js';
import { PersonSealing } from './persons.sealing.js';

/** The list's filters and the export's options; an exact ID or phone search is never exported. */
export const PersonExportBody = Type.Object(
  { category: ListFilters.category, status: ListFilters.status, regionCode: ListFilters.regionCode, registeredOn: ListFilters.registeredOn, ...ExportOptions },
  { additionalProperties: false },
);
export type PersonExportBody = Static<typeof PersonExportBody>;
export type PersonExportFilter = Pick<PersonExportBody, 'category' | 'status' | 'regionCode' | 'registeredOn'>;

/** The export's filter as the repository's, exactly as the list applies it. */
function repositoryFilter({ registeredOn, ...filter }: PersonExportFilter): Omit<PersonListFilter, 'limit'> {
  return { ...filter, ...(registeredOn ? chinaDayRange(registeredOn) : {}) };
}

const PAGE = 500;
/** The labels the web app shows for the measures. */
const MEASURES: Record<string, string> = { hospital: '医院隔离治疗', centralized_quarantine: '集中隔离医学观察', home_quarantine: '居家隔离医学观察', health_monitoring: '居家健康监测', none: '无管控措施' };
const STATUSES: Record<string, string> = { managed: '管控中', released: '已解除管控' };
const SEXES: Record<string, string> = { male: '男', female: '女' };

function columns(unmasked: boolean): ExportColumn[] {
  const suffix = unmasked ? '' : '（脱敏）';
  return [
    { header: `姓名${suffix}`, width: 10 },
    { header: `身份证号码${suffix}`, width: 21 },
    { header: `手机号码${suffix}`, width: 14 },
    { header: `住址${suffix}`, width: 18 },
    { header: '性别', width: 5 },
    { header: '出生年份', width: 8 },
    { header: '网格（村/社区）代码', width: 15 },
    { header: '网格（村/社区）', width: 16 },
    { header: '人员类别', width: 14 },
    { header: '状态', width: 9 },
    { header: '发病日期', width: 12 },
    { header: '末次暴露日期', width: 12 },
    { header: '采样日期', width: 12 },
    { header: '报告日期', width: 12 },
    { header: '抵达日期', width: 12 },
    { header: '当前管控措施', width: 16 },
    { header: '措施截止日期', width: 12 },
    { header: '登记时间（UTC）', width: 22 },
  ];
}

/** The person list as an export kind (SECURITY.md row 18): a list of persons, so long ones wait for approval. */
export function personsExportKind(crypto: FieldCrypto): ExportKind<PersonExportFilter> {
  const sealing = new PersonSealing(crypto);
  return {
    kind: 'persons',
    action: 'person.export',
    title: '管控人员名单',
    readPermission: 'persons:read',
    unmaskPermission: 'persons:unmask',
    personal: true,
    formats: ['csv', 'xlsx', 'pdf'],
    count: (ctx, filter) => new PersonsRepository(ctx.db).count(repositoryFilter(filter)),
    columns,
    async *rows(ctx, filter, unmasked) {
      const repo = new PersonsRepository(ctx.db);
      const regions = new RegionsRepository(ctx.db);
      const today = chinaToday(ctx.now());
      let after: [string, string] | undefined;
      for (;;) {
        const page = await repo.list({ ...repositoryFilter(filter), limit: PAGE, ...(after ? { after } : {}) });
        if (page.length === 0) return;
        const plans = await repo.currentPlans(page.map((row) => row.id));
        const names = new Map((await regions.byCodes([...new Set(page.map((row) => row.region_code))])).map((region) => [region.code, region.name]));
        yield page.map((row) => {
          const identity = sealing.open(row);
          const plan = plans.get(row.id);
          const measure = plan ? toMeasurePlan(plan, today) : null;
          return [
            unmasked ? identity.name : maskName(identity.name),
            unmasked ? identity.idNumber : maskResidentId(identity.idNumber),
            unmasked ? identity.phone : maskMobile(identity.phone),
            identity.address === null ? '' : unmasked ? identity.address : maskAddress(identity.address),
            SEXES[row.sex] ?? row.sex,
            String(row.birth_year),
            row.region_code,
            names.get(row.region_code) ?? '',
            findCategory(row.category)?.name['zh-CN'] ?? row.category,
            STATUSES[row.status] ?? row.status,
            row.onset_date ?? '',
            row.last_exposure_date ?? '',
            row.sample_date ?? '',
            row.report_date ?? '',
            row.arrival_date ?? '',
            measure ? (MEASURES[measure.measure] ?? measure.measure) : '',
            measure?.endDate ?? '',
            row.created_at,
          ];
        });
        const last = page[page.length - 1]!;
        if (page.length < PAGE) return;
        after = [last.created_at, last.id];
      }
    },
  };
}
