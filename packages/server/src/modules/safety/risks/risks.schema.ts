import { RISK_LEVELS } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const RiskLevel = Type.Enum(RISK_LEVELS);
export const RiskMethod = Type.Enum(['LS', 'LEC']);

/**
 * LS: likelihood and severity, each 1–5. LEC: L, E and C from the Graham–Kinney scales (the
 * domain's LEC_*_SCALE). Which fields a method needs, and which values they may take, is checked
 * by the domain's assessment.
 */
const assessmentFields = {
  method: RiskMethod,
  likelihood: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  severity: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  l: Type.Optional(Type.Number({ description: 'LEC L: 10, 6, 3, 1, 0.5, 0.2 or 0.1' })),
  e: Type.Optional(Type.Number({ description: 'LEC E: 10, 6, 3, 2, 1 or 0.5' })),
  c: Type.Optional(Type.Number({ description: 'LEC C: 100, 40, 15, 7, 3 or 1' })),
};
export const AssessmentInput = Type.Object(assessmentFields, { additionalProperties: false });
export type AssessmentInput = Static<typeof AssessmentInput>;

const Inputs = Type.Object({
  likelihood: Type.Optional(Type.Number()),
  severity: Type.Optional(Type.Number()),
  l: Type.Optional(Type.Number()),
  e: Type.Optional(Type.Number()),
  c: Type.Optional(Type.Number()),
});

const Bands = Type.Object({ red: Type.Number(), orange: Type.Number(), yellow: Type.Number() }, { additionalProperties: false });

export const RiskThresholds = Type.Object({
  regionCode: Nullable(Type.String({ description: 'Where these bands are set; null: the documented defaults' })),
  source: Type.String(),
  lec: Bands,
  ls: Bands,
  version: Type.Integer({ description: '0 while the defaults apply' }),
});
export type RiskThresholds = Static<typeof RiskThresholds>;

export const ThresholdsQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

export const PutThresholdsBody = Type.Object(
  {
    regionCode: RegionCode,
    version: Type.Optional(Type.Integer({ minimum: 0, description: 'The version read; 0 to replace the defaults' })),
    source: Type.String({ minLength: 1, maxLength: 500, description: 'Where the bands come from (the province’s document)' }),
    lec: Bands,
    ls: Bands,
  },
  { additionalProperties: false },
);
export type PutThresholdsBody = Static<typeof PutThresholdsBody>;

const RiskPointProperties = {
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  place: Type.String(),
  hazardFactors: Type.String(),
  accidentTypes: Type.Array(Type.String(), { description: 'GB 6441 accident type codes' }),
  controlMeasures: Type.String(),
  responsiblePerson: Nullable(Type.String({ description: 'masked: surname only' })),
  method: RiskMethod,
  inputs: Inputs,
  score: Type.Number(),
  level: RiskLevel,
  thresholdsSource: Type.String(),
  assessedAt: Type.String(),
  retiredAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
};
export const RiskPoint = Type.Object(RiskPointProperties);
export type RiskPoint = Static<typeof RiskPoint>;

export const RiskAssessment = Type.Object({
  id: Type.String(),
  method: RiskMethod,
  inputs: Inputs,
  score: Type.Number(),
  level: RiskLevel,
  thresholds: Type.Object({ source: Type.String(), lec: Bands, ls: Bands }),
  note: Nullable(Type.String()),
  assessedAt: Type.String(),
  assessedByName: Nullable(Type.String()),
});

export const RiskPointDetail = Type.Object({ ...RiskPointProperties, assessments: Type.Array(RiskAssessment, { description: 'Newest first: the level history' }) });
export type RiskPointDetail = Static<typeof RiskPointDetail>;

export const RiskPointList = Page(RiskPoint);
export const RiskPointParams = Type.Object({ id: Id });

export const RiskPointListQuery = Type.Object(
  { ...PageQuery, enterpriseId: Type.Optional(Id), regionCode: Type.Optional(RegionCode), level: Type.Optional(RiskLevel) },
  { additionalProperties: false },
);
export type RiskPointListQuery = Static<typeof RiskPointListQuery>;

const editable = {
  place: Type.String({ minLength: 1, maxLength: 200 }),
  hazardFactors: Type.String({ minLength: 1, maxLength: 2000 }),
  accidentTypes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, uniqueItems: true }),
  controlMeasures: Type.String({ minLength: 1, maxLength: 4000 }),
  responsiblePerson: Nullable(Type.String({ maxLength: 50 })),
};

export const CreateRiskPointBody = Type.Object(
  {
    enterpriseId: Id,
    ...editable,
    responsiblePerson: Type.Optional(editable.responsiblePerson),
    assessment: AssessmentInput,
  },
  { additionalProperties: false },
);
export type CreateRiskPointBody = Static<typeof CreateRiskPointBody>;

export const UpdateRiskPointBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    place: Type.Optional(editable.place),
    hazardFactors: Type.Optional(editable.hazardFactors),
    accidentTypes: Type.Optional(editable.accidentTypes),
    controlMeasures: Type.Optional(editable.controlMeasures),
    responsiblePerson: Type.Optional(editable.responsiblePerson),
  },
  { additionalProperties: false },
);
export type UpdateRiskPointBody = Static<typeof UpdateRiskPointBody>;

export const AssessBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), ...assessmentFields, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type AssessBody = Static<typeof AssessBody>;

export const RetireQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

const LevelCounts = { red: Type.Integer(), orange: Type.Integer(), yellow: Type.Integer(), blue: Type.Integer() };
export const RiskOverview = Type.Object({
  regionCode: Type.String(),
  total: Type.Object(LevelCounts),
  children: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), ...LevelCounts })),
  enterprises: Type.Array(Type.Object({ enterpriseId: Type.String(), name: Type.String(), ...LevelCounts }), { description: 'The most at risk first (red, then orange…), at most 20' }),
});
export type RiskOverview = Static<typeof RiskOverview>;
export const RiskOverviewQuery = Type.Object({ regionCode: Type.Optional(RegionCode), enterpriseId: Type.Optional(Id) }, { additionalProperties: false });
