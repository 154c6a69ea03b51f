import { CHECKLIST_TEMPLATE_CODES } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

export const TemplateCode = Type.Enum(CHECKLIST_TEMPLATE_CODES);
export const InspectionKind = Type.Enum(['regulator', 'self']);
export const ItemResult = Type.Enum(['pass', 'fail', 'na']);

export const ChecklistTemplate = Type.Object({
  code: TemplateCode,
  name: Localized,
  source: Type.String(),
  failedItemGrade: Type.Enum(['general', 'major'], { description: 'The grade of the hazard a failed item becomes' }),
  items: Type.Array(Type.Object({ number: Type.Integer(), text: Localized, source: Nullable(Type.String()), verify: Type.Boolean({ description: '[verify]: from a secondary copy, awaiting a check against the original' }) })),
});
export const ChecklistTemplateList = Type.Object({ items: Type.Array(ChecklistTemplate) });

const InspectionSummaryProperties = {
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  templateCode: TemplateCode,
  kind: InspectionKind,
  inspectedAt: Type.String(),
  inspectorName: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  campaignId: Nullable(Type.String({ description: 'The special rectification campaign it was made for' })),
  itemCount: Type.Integer(),
  failedCount: Type.Integer(),
  createdAt: Type.String(),
};
export const InspectionSummary = Type.Object(InspectionSummaryProperties);
export type InspectionSummary = Static<typeof InspectionSummary>;

export const Inspection = Type.Object({
  ...InspectionSummaryProperties,
  items: Type.Array(Type.Object({ number: Type.Integer(), text: Type.String({ description: 'The item as it read on the day' }), result: ItemResult, note: Nullable(Type.String()), hazardId: Nullable(Type.String()) })),
});
export type Inspection = Static<typeof Inspection>;

export const InspectionList = Page(InspectionSummary);
export const InspectionParams = Type.Object({ id: Id });
export const InspectionItemParams = Type.Object({ id: Id, number: Type.Integer({ minimum: 1, maximum: 1000 }) });

export const InspectionListQuery = Type.Object(
  { ...PageQuery, enterpriseId: Type.Optional(Id), regionCode: Type.Optional(RegionCode), kind: Type.Optional(InspectionKind), campaignId: Type.Optional(Id) },
  { additionalProperties: false },
);
export type InspectionListQuery = Static<typeof InspectionListQuery>;

export const CreateInspectionBody = Type.Object(
  {
    enterpriseId: Id,
    templateCode: TemplateCode,
    kind: InspectionKind,
    inspectedAt: Type.String({ format: 'date-time', description: 'ISO 8601 with its offset; not in the future' }),
    items: Type.Array(
      Type.Object({ number: Type.Integer({ minimum: 1, maximum: 1000 }), result: ItemResult, note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 200, description: 'Every item of the template once: pass, fail, or na where it does not apply' },
    ),
    note: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    campaignId: Type.Optional(Nullable({ ...Id, description: 'A campaign (专项整治) you read whose scope holds the enterprise, on a day of its period, with its checklist; its hazards belong to it too' })),
    createHazards: Type.Optional(Type.Boolean({ description: 'true: every failed item becomes a hazard in the same step' })),
  },
  { additionalProperties: false },
);
export type CreateInspectionBody = Static<typeof CreateInspectionBody>;

export const ItemHazardBody = Type.Object(
  {
    description: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'Defaults to the item and its note' })),
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    photos: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type ItemHazardBody = Static<typeof ItemHazardBody>;
