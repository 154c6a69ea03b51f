import { Type, type Static } from 'typebox';
import { RegionCode } from '../../regions/regions.schema.js';
import { INDUSTRY_CODE_PATTERN } from '../industries/industries.js';
import { Day, Label } from './accidents.schema.js';

const IndustryCode = Type.String({ pattern: INDUSTRY_CODE_PATTERN, description: 'GB/T 4754 code, e.g. C26' });
const Status = Type.Union([Type.Literal('both_down'), Type.Literal('one_down'), Type.Literal('none_down')], { description: '双下降 / 单下降 / 未下降' });
const Tally = Type.Object({ accidents: Type.Integer(), deaths: Type.Integer() });
const Change = Type.Object({ delta: Type.Integer(), ratio: Type.Union([Type.Number(), Type.Null()], { description: 'delta / last year; null when last year was 0' }) });
const PeriodSchema = Type.Object({ from: Type.String(), to: Type.String() });

export const AccidentTarget = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  industryCode: Type.Union([Type.String(), Type.Null()], { description: 'null: all industries' }),
  maxAccidents: Type.Integer(),
  maxDeaths: Type.Integer(),
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type AccidentTarget = Static<typeof AccidentTarget>;

const TargetUse = Type.Union([
  Type.Object({ ...AccidentTarget.properties, accidentsExceeded: Type.Boolean(), deathsExceeded: Type.Boolean() }),
  Type.Null(),
]);

const ComparisonProperties = {
  current: Tally,
  previous: Tally,
  change: Type.Object({ accidents: Change, deaths: Change }),
  status: Status,
  statusLabel: Label,
  target: TargetUse,
};

export const DoubleDecreaseQuery = Type.Object(
  {
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    regionCode: Type.Optional(RegionCode),
    asOf: Type.Optional(Day),
    industryCode: Type.Optional(IndustryCode),
  },
  { additionalProperties: false },
);
export type DoubleDecreaseQuery = Static<typeof DoubleDecreaseQuery>;

export const DoubleDecreaseReport = Type.Object({
  regionCode: Type.String(),
  regionName: Type.Union([Type.String(), Type.Null()]),
  period: PeriodSchema,
  previousPeriod: PeriodSchema,
  /** The day whose knowledge the figures reproduce; null: as corrected now. */
  asOf: Type.Union([Type.String(), Type.Null()]),
  industryCode: Type.Union([Type.String(), Type.Null()]),
  targetYear: Type.Integer(),
  ...ComparisonProperties,
  monthly: Type.Array(Type.Object({ month: Type.String(), previousMonth: Type.String(), current: Tally, previous: Tally })),
  ranking: Type.Array(Type.Object({ rank: Type.Integer(), regionCode: Type.String(), regionName: Type.String(), ...ComparisonProperties })),
});
export type DoubleDecreaseReport = Static<typeof DoubleDecreaseReport>;

export const TargetListQuery = Type.Object(
  { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })), regionCode: Type.Optional(RegionCode) },
  { additionalProperties: false },
);
export const TargetList = Type.Object({ items: Type.Array(AccidentTarget) });
export const TargetParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const CreateTargetBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    regionCode: RegionCode,
    industryCode: Type.Optional(Type.Union([IndustryCode, Type.Null()])),
    maxAccidents: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    maxDeaths: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);
export type CreateTargetBody = Static<typeof CreateTargetBody>;

export const UpdateTargetBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    maxAccidents: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
    maxDeaths: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  },
  { additionalProperties: false },
);
export type UpdateTargetBody = Static<typeof UpdateTargetBody>;
