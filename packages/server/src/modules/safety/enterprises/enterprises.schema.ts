import { Type, type Static } from 'typebox';
import { PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { INDUSTRY_CODE_PATTERN } from '../industries/industries.js';

const Scale = Type.Union([Type.Literal('large'), Type.Literal('medium'), Type.Literal('small'), Type.Literal('micro')]);
const PersonName = Type.String({ minLength: 1, maxLength: 50 });
const Phone = Type.String({ minLength: 1, maxLength: 20, description: 'Mainland mobile number; stored encrypted, answered masked' });
const UnitIds = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, uniqueItems: true });

export const SupervisorRef = Type.Object({ id: Type.String(), name: Type.String(), jurisdictionCode: Type.String({ description: 'The region the department supervises: the city for a city bureau' }) });

export const Enterprise = Type.Object({
  id: Type.String(),
  creditCode: Type.String(),
  name: Type.String(),
  industryCode: Type.String(),
  industryName: Type.String(),
  regionCode: Type.String(),
  park: Type.Union([Type.String(), Type.Null()]),
  scale: Type.Union([Scale, Type.Null()]),
  hazardousChemicals: Type.Boolean(),
  majorHazardSource: Type.Boolean(),
  principalName: Type.Union([Type.String(), Type.Null()], { description: 'masked: surname only' }),
  principalPhone: Type.Union([Type.String(), Type.Null()], { description: 'masked: 138****5678' }),
  safetyOfficerName: Type.Union([Type.String(), Type.Null()], { description: 'masked: surname only' }),
  safetyOfficerPhone: Type.Union([Type.String(), Type.Null()], { description: 'masked: 138****5678' }),
  supervisors: Type.Array(SupervisorRef),
  lastInspectedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Enterprise = Static<typeof Enterprise>;

const editable = {
  creditCode: Type.String({ minLength: 1, maxLength: 40, description: 'GB 32100-2015 unified social credit code' }),
  name: Type.String({ minLength: 1, maxLength: 100 }),
  industryCode: Type.String({ minLength: 1, maxLength: 8, description: 'GB/T 4754-2017 code with its section letter, e.g. C26' }),
  regionCode: RegionCode,
  park: Type.Union([Type.String({ maxLength: 100 }), Type.Null()]),
  scale: Type.Union([Scale, Type.Null()]),
  hazardousChemicals: Type.Boolean(),
  majorHazardSource: Type.Boolean(),
  principalName: Type.Union([PersonName, Type.Null()]),
  principalPhone: Type.Union([Phone, Type.Null()]),
  safetyOfficerName: Type.Union([PersonName, Type.Null()]),
  safetyOfficerPhone: Type.Union([Phone, Type.Null()]),
  supervisorUnitIds: UnitIds,
};

export const CreateEnterpriseBody = Type.Object(
  {
    creditCode: editable.creditCode,
    name: editable.name,
    industryCode: editable.industryCode,
    regionCode: editable.regionCode,
    park: Type.Optional(editable.park),
    scale: Type.Optional(editable.scale),
    hazardousChemicals: Type.Optional(editable.hazardousChemicals),
    majorHazardSource: Type.Optional(editable.majorHazardSource),
    principalName: Type.Optional(editable.principalName),
    principalPhone: Type.Optional(editable.principalPhone),
    safetyOfficerName: Type.Optional(editable.safetyOfficerName),
    safetyOfficerPhone: Type.Optional(editable.safetyOfficerPhone),
    supervisorUnitIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20, uniqueItems: true, description: 'Omitted: the departments the industry mapping names (三个必须)' })),
  },
  { additionalProperties: false },
);
export type CreateEnterpriseBody = Static<typeof CreateEnterpriseBody>;

/** Contacts: a string replaces, null clears, an absent field keeps what is stored. */
export const UpdateEnterpriseBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    creditCode: Type.Optional(editable.creditCode),
    name: Type.Optional(editable.name),
    industryCode: Type.Optional(editable.industryCode),
    regionCode: Type.Optional(editable.regionCode),
    park: Type.Optional(editable.park),
    scale: Type.Optional(editable.scale),
    hazardousChemicals: Type.Optional(editable.hazardousChemicals),
    majorHazardSource: Type.Optional(editable.majorHazardSource),
    principalName: Type.Optional(editable.principalName),
    principalPhone: Type.Optional(editable.principalPhone),
    safetyOfficerName: Type.Optional(editable.safetyOfficerName),
    safetyOfficerPhone: Type.Optional(editable.safetyOfficerPhone),
    supervisorUnitIds: Type.Optional(editable.supervisorUnitIds),
  },
  { additionalProperties: false },
);
export type UpdateEnterpriseBody = Static<typeof UpdateEnterpriseBody>;

export const EnterpriseFilterQuery = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Name contains, or an exact credit code' })),
  regionCode: Type.Optional(RegionCode),
  industry: Type.Optional(Type.String({ pattern: INDUSTRY_CODE_PATTERN, description: 'GB/T 4754 code; matches it and its sub-codes' })),
  park: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  hazardousChemicals: Type.Optional(Type.Boolean()),
  majorHazardSource: Type.Optional(Type.Boolean()),
};
export const EnterpriseListQuery = Type.Object({ ...EnterpriseFilterQuery, ...PageQuery }, { additionalProperties: false });
export const EnterpriseExportQuery = Type.Object(EnterpriseFilterQuery, { additionalProperties: false });
export type EnterpriseFilterInput = Static<typeof EnterpriseExportQuery>;

export const EnterpriseList = Type.Object({ items: Type.Array(Enterprise), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const EnterpriseParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ParkList = Type.Object({ items: Type.Array(Type.String()) });

export const ImportMode = Type.Union([Type.Literal('all_or_nothing'), Type.Literal('valid_rows_only')]);
export const ImportQuery = Type.Object({ mode: Type.Optional(ImportMode) }, { additionalProperties: false });

const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
export const ImportRowError = Type.Object({
  row: Type.Integer({ description: 'Row number in the sheet (the header is row 1)' }),
  column: Type.String({ description: 'The column header as in the template' }),
  field: Type.String(),
  code: Type.String(),
  message: Localized,
});
export type ImportRowError = Static<typeof ImportRowError>;

export const ImportResult = Type.Object({
  mode: ImportMode,
  total: Type.Integer(),
  imported: Type.Integer(),
  rejected: Type.Integer({ description: 'Rows with at least one error' }),
  errors: Type.Array(ImportRowError, { description: 'At most 1,000; the full list is in the error report' }),
  errorsTruncated: Type.Boolean(),
  errorReportId: Type.Union([Type.String(), Type.Null()], { description: 'GET /enterprises/import-errors/{id}.xlsx' }),
});
export type ImportResult = Static<typeof ImportResult>;
export const ImportReportParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) });

export const SupervisingUnit = Type.Object({ id: Type.String(), name: Type.String(), jurisdictionCode: Type.String(), withinGround: Type.Boolean({ description: 'The department sits inside your ground (its industry links are yours to change)' }) });
export const SupervisingUnitList = Type.Object({ items: Type.Array(SupervisingUnit) });

export const CoverageQuery = Type.Object(
  {
    months: Type.Optional(Type.Integer({ minimum: 1, maximum: 120, default: 12, description: 'Not inspected within this many months' })),
    limit: Type.Optional(Type.Integer({ minimum: 0, maximum: 200, default: 20, description: 'Listed enterprises per region and list' })),
  },
  { additionalProperties: false },
);
const CoverageItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  regionCode: Type.String(),
  industryCode: Type.String(),
  industryName: Type.String(),
  lastInspectedAt: Type.Union([Type.String(), Type.Null()]),
});
export const CoverageRegion = Type.Object({
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  enterprises: Type.Integer(),
  unsupervised: Type.Integer(),
  notInspected: Type.Integer(),
  unsupervisedItems: Type.Array(CoverageItem),
  notInspectedItems: Type.Array(CoverageItem),
});
export const CoverageReport = Type.Object({
  months: Type.Integer(),
  inspectedSince: Type.String(),
  totals: Type.Object({ enterprises: Type.Integer(), unsupervised: Type.Integer(), notInspected: Type.Integer() }),
  regions: Type.Array(CoverageRegion),
});
export type CoverageReport = Static<typeof CoverageReport>;

/** all_or_nothing with errors: a problem document (422 import_has_errors) that also carries the import result. */
export const ImportRefusal = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  message: Localized,
  instance: Type.String(),
  ...ImportResult.properties,
});
