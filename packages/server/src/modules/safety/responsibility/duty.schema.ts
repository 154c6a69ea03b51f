import { RESPONSIBILITY_PRINCIPLES, RESPONSIBILITY_UNIT_KINDS, DUTY_LIST_LIMITS } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Label = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
export const Id = Type.String({ minLength: 1, maxLength: 64 });
export const Principle = Type.Enum(RESPONSIBILITY_PRINCIPLES, { description: 'party_government_same_duty 党政同责, one_post_two_duties 一岗双责, all_staff_post 全员岗位责任制' });
export const UnitKind = Type.Enum(RESPONSIBILITY_UNIT_KINDS, { description: 'party_committee 党委, government 人民政府, department 部门 (unitId: a department), enterprise 企业 (unitId: an enterprise), other' });
const ShortText = (maxLength: number) => Type.String({ minLength: 1, maxLength });

const ItemText = Type.String({ maxLength: DUTY_LIST_LIMITS.maxItemLength + 50 });
const Basis = Type.String({ maxLength: 300 });
export const DutyItemInput = Type.Object({ text: ItemText, basis: Type.Optional(Nullable(Basis)) }, { additionalProperties: false });
const DutyItems = Type.Array(DutyItemInput, { maxItems: DUTY_LIST_LIMITS.maxItems });

export const DutyTemplate = Type.Object({
  id: Type.String({ description: 'The shipped code (party_secretary …) or the id of a template written here' }),
  name: Type.String(),
  post: Type.String(),
  principle: Principle,
  principleLabel: Label,
  unitKinds: Type.Array(UnitKind),
  items: Type.Array(Type.Object({ text: Type.String(), basis: Nullable(Type.String()), verify: Type.Boolean({ description: 'Paraphrased from a secondary copy; to be checked against the text' }) })),
  source: Nullable(Type.String()),
  shipped: Type.Boolean({ description: 'Shipped with the platform (possibly edited here since)' }),
  edited: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type DutyTemplate = Static<typeof DutyTemplate>;
export const DutyTemplateList = Type.Object({ items: Type.Array(DutyTemplate) });

const TemplateItemInput = Type.Object({ text: ItemText, basis: Type.Optional(Nullable(Basis)), verify: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
const TemplateFields = {
  name: ShortText(100),
  post: ShortText(50),
  principle: Principle,
  unitKinds: Type.Array(UnitKind, { minItems: 1, maxItems: RESPONSIBILITY_UNIT_KINDS.length, uniqueItems: true }),
  items: Type.Array(TemplateItemInput, { maxItems: DUTY_LIST_LIMITS.maxItems }),
  source: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
};
export const CreateDutyTemplateBody = Type.Object(TemplateFields, { additionalProperties: false });
export type CreateDutyTemplateBody = Static<typeof CreateDutyTemplateBody>;
export const UpdateDutyTemplateBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; 428 without it, 409 when stale. An unedited shipped template is version 1.' })),
    name: Type.Optional(TemplateFields.name),
    post: Type.Optional(TemplateFields.post),
    principle: Type.Optional(Principle),
    unitKinds: Type.Optional(TemplateFields.unitKinds),
    items: Type.Optional(TemplateFields.items),
    source: TemplateFields.source,
  },
  { additionalProperties: false },
);
export type UpdateDutyTemplateBody = Static<typeof UpdateDutyTemplateBody>;

export const DutyList = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  unitKind: UnitKind,
  unitId: Nullable(Type.String()),
  unitName: Type.String(),
  post: Type.String(),
  principle: Principle,
  principleLabel: Label,
  templateId: Nullable(Type.String()),
  items: Type.Array(Type.Object({ text: Type.String(), basis: Nullable(Type.String()) })),
  isDemo: Type.Boolean(),
  updatedBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type DutyList = Static<typeof DutyList>;
export const DutyListPage = Page(DutyList);

export const CreateDutyListBody = Type.Object(
  {
    templateId: Id,
    unitKind: UnitKind,
    unitId: Type.Optional(Nullable(Id)),
    unitName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    regionCode: Type.Optional(Nullable(RegionCode)),
    post: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  },
  {
    additionalProperties: false,
    description: 'A department or enterprise is named by unitId (its region follows); a party committee, government or other unit by unitName and regionCode. The post defaults to the template\'s.',
  },
);
export type CreateDutyListBody = Static<typeof CreateDutyListBody>;

export const UpdateDutyListBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), post: Type.Optional(ShortText(50)), items: Type.Optional(DutyItems) },
  { additionalProperties: false },
);
export type UpdateDutyListBody = Static<typeof UpdateDutyListBody>;

export const DutyListQuery = Type.Object(
  {
    ...PageQuery,
    regionCode: Type.Optional(RegionCode),
    unitKind: Type.Optional(UnitKind),
    unitId: Type.Optional(Id),
    principle: Type.Optional(Principle),
  },
  { additionalProperties: false },
);
export type DutyListQuery = Static<typeof DutyListQuery>;

export const IdParams = Type.Object({ id: Id });
export const VersionQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });
