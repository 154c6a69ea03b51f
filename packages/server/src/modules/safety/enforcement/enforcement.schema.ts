import { ENFORCEMENT_MEASURE_KINDS, ENFORCEMENT_STATUSES, MAX_FINE_YUAN } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day of China’s calendar, YYYY-MM-DD' });

export const EnforcementStatus = Type.Enum(ENFORCEMENT_STATUSES, { description: 'investigating 立案调查 → decided 已作出决定 → executed 执行完毕 → closed 结案; never back' });
export const MeasureKind = Type.Enum(ENFORCEMENT_MEASURE_KINDS, { description: 'order_rectify 责令限期整改, fine 罚款, suspension 责令停产停业整顿, other' });

export const Violation = Type.Object(
  {
    description: Type.String({ minLength: 1, maxLength: 1000 }),
    legalBasis: Type.String({ minLength: 1, maxLength: 500, description: 'The provision broken, e.g. 《安全生产法》第四十一条' }),
  },
  { additionalProperties: false },
);

export const Measure = Type.Object(
  {
    kind: MeasureKind,
    description: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    deadline: Type.Optional(Nullable({ ...Day, description: 'order_rectify: rectify by this day' })),
    amountYuan: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: MAX_FINE_YUAN, description: 'fine: whole yuan' }))),
    startsOn: Type.Optional(Nullable({ ...Day, description: 'suspension: first day' })),
    endsOn: Type.Optional(Nullable({ ...Day, description: 'suspension: last day' })),
  },
  { additionalProperties: false },
);
export type Measure = Static<typeof Measure>;

const editable = {
  inspectionId: Nullable(Id),
  hazardIds: Type.Array(Id, { maxItems: 50, uniqueItems: true, description: 'Hazards of the same enterprise' }),
  caseNumber: Nullable(Type.String({ maxLength: 100, description: 'The decision’s document number' })),
  status: EnforcementStatus,
  violations: Type.Array(Violation, { maxItems: 50 }),
  measures: Type.Array(Measure, { maxItems: 20 }),
  decidedBy: Nullable(Type.String({ maxLength: 100, description: 'The authority that decided' })),
  decidedOn: Nullable(Day),
};

export const CreateEnforcementBody = Type.Object(
  {
    enterpriseId: Id,
    inspectionId: Type.Optional(editable.inspectionId),
    hazardIds: Type.Optional(editable.hazardIds),
    caseNumber: Type.Optional(editable.caseNumber),
    status: Type.Optional(editable.status),
    violations: Type.Optional(editable.violations),
    measures: Type.Optional(editable.measures),
    decidedBy: Type.Optional(editable.decidedBy),
    decidedOn: Type.Optional(editable.decidedOn),
  },
  { additionalProperties: false },
);
export type CreateEnforcementBody = Static<typeof CreateEnforcementBody>;

export const UpdateEnforcementBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    inspectionId: Type.Optional(editable.inspectionId),
    hazardIds: Type.Optional(editable.hazardIds),
    caseNumber: Type.Optional(editable.caseNumber),
    status: Type.Optional(editable.status),
    violations: Type.Optional(editable.violations),
    measures: Type.Optional(editable.measures),
    decidedBy: Type.Optional(editable.decidedBy),
    decidedOn: Type.Optional(editable.decidedOn),
  },
  { additionalProperties: false },
);
export type UpdateEnforcementBody = Static<typeof UpdateEnforcementBody>;

export const EnforcementCase = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  inspectionId: Nullable(Type.String()),
  hazardIds: Type.Array(Type.String()),
  caseNumber: Nullable(Type.String()),
  status: EnforcementStatus,
  violations: Type.Array(Type.Object({ description: Type.String(), legalBasis: Type.String() })),
  measures: Type.Array(
    Type.Object({
      kind: MeasureKind,
      description: Nullable(Type.String()),
      deadline: Nullable(Type.String()),
      amountYuan: Nullable(Type.Integer()),
      startsOn: Nullable(Type.String()),
      endsOn: Nullable(Type.String()),
    }),
  ),
  fineTotalYuan: Type.Integer(),
  decidedBy: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type EnforcementCase = Static<typeof EnforcementCase>;

export const EnforcementList = Page(EnforcementCase);
export const EnforcementParams = Type.Object({ id: Id });
export const EnforcementListQuery = Type.Object(
  {
    ...PageQuery,
    enterpriseId: Type.Optional(Id),
    regionCode: Type.Optional(RegionCode),
    status: Type.Optional(EnforcementStatus),
    measure: Type.Optional(Type.Enum(['order_rectify', 'fine', 'suspension'], { description: 'Only cases with an order to rectify, a fine, or a suspension' })),
  },
  { additionalProperties: false },
);
export type EnforcementListQuery = Static<typeof EnforcementListQuery>;
