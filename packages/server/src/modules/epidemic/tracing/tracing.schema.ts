import { Type, type Static, type TSchema } from 'typebox';
import { Person } from '../persons/persons.schema.js';
import { EXPOSURE_SETTINGS } from './tracing.tables.js';

const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region code: district (6), town (9) or community (12)' });

export const ExposureSettingSchema = Type.Union(EXPOSURE_SETTINGS.map((s) => Type.Literal(s)), { description: EXPOSURE_SETTINGS.join(' | ') });

/**
 * A contact named on a case's page: who they are (for the persons register) and how they were
 * exposed. The contact is registered as a close contact from the exposure day, or found by the
 * ID number when already registered.
 */
export const RegisterContactBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    idNumber: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Type.String({ minLength: 1, maxLength: 30 }),
    gridCode: Type.String({ pattern: '^\\d{12}$', description: "12-digit community / village code of the contact's grid" }),
    address: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    category: Type.Optional(Type.Union([Type.Literal('close_contact'), Type.Literal('secondary_contact')], { description: 'close_contact (default) or secondary_contact' })),
    setting: ExposureSettingSchema,
    date: Day,
    note: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type RegisterContactBody = Static<typeof RegisterContactBody>;

export const Exposure = Type.Object({
  id: Type.String(),
  sourcePersonId: Type.String(),
  targetPersonId: Type.String(),
  setting: Type.String(),
  date: Type.String(),
  gridCode: Type.String(),
  createdAt: Type.String(),
});
export type Exposure = Static<typeof Exposure>;

export const RegisterContactResult = Type.Object({
  exposure: Exposure,
  /** False when the same exposure (source, contact, day, setting) was already recorded. */
  exposureCreated: Type.Boolean(),
  person: Person,
  /** False when the ID number was already registered: the same ID number is one person. */
  personCreated: Type.Boolean(),
});
export type RegisterContactResult = Static<typeof RegisterContactResult>;

export const ChainNode = Type.Object({
  id: Type.String(),
  /** Masked; null for a person outside the caller's ground, shown only as a link in the chain. */
  name: Nullable(Type.String()),
  category: Nullable(Type.String()),
  status: Nullable(Type.String()),
  gridCode: Nullable(Type.String()),
  generation: Type.Integer({ description: 'Fewest exposures from a person nobody exposed; the index case is 0' }),
  isIndexCase: Type.Boolean(),
  visible: Type.Boolean(),
  firstDate: Nullable(Type.String({ description: 'Onset, else report date' })),
});

export const ChainEdge = Type.Object({ source: Type.String(), target: Type.String(), setting: Type.String(), date: Type.String() });

export const GrowthPoint = Type.Object({ date: Type.String(), added: Type.Integer(), total: Type.Integer() });

export const ChainGraph = Type.Object({
  clusterId: Type.String({ description: 'Named after the index case' }),
  indexCaseId: Type.String(),
  focusPersonId: Type.String(),
  size: Type.Integer(),
  generations: Type.Integer({ description: 'Number of generations (the highest generation + 1)' }),
  nodes: Type.Array(ChainNode),
  edges: Type.Array(ChainEdge),
  growth: Type.Array(GrowthPoint, { description: 'Members added per day: by the day of their first exposure in the chain, or their own first date' }),
  /** The chain is larger than one answer carries; the first members reached are shown. */
  truncated: Type.Boolean(),
});
export type ChainGraph = Static<typeof ChainGraph>;

export const ClusterSummary = Type.Object({
  id: Type.String(),
  indexCaseId: Type.String(),
  indexCase: Nullable(Type.Object({ name: Nullable(Type.String()), category: Type.String(), gridCode: Type.String() })),
  size: Type.Integer(),
  generations: Type.Integer(),
  firstDate: Nullable(Type.String()),
  lastDate: Nullable(Type.String()),
  categories: Type.Record(Type.String(), Type.Integer()),
  growth: Type.Array(GrowthPoint),
});

export const ClusterList = Type.Object({ items: Type.Array(ClusterSummary), total: Type.Integer() });
export type ClusterList = Static<typeof ClusterList>;

export const ClusterQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    since: Type.Optional(Day),
    minSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 2 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type ClusterQuery = Static<typeof ClusterQuery>;

export const PersonParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
