import { Type, type Static, type TSchema } from 'typebox';

const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region code: district (6), town (9) or community (12)' });

export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'fatigue', 'loss_of_smell_taste', 'shortness_of_breath', 'diarrhea', 'other'] as const;
export type Symptom = (typeof SYMPTOMS)[number];
export const TEST_RESULTS = ['negative', 'positive', 'pending'] as const;

/** What the grid shows of a person: masked name, category and grid. */
export const PersonBriefSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String({ description: 'Masked: surname only' })),
  category: Type.String(),
  status: Type.String(),
  gridCode: Type.String(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
});

export const RecordFollowupBody = Type.Object(
  {
    date: Type.Optional(Day),
    temperature: Type.Optional(Nullable(Type.Number({ minimum: 34, maximum: 43, description: 'Body temperature, °C' }))),
    symptoms: Type.Optional(Type.Array(Type.Union(SYMPTOMS.map((s) => Type.Literal(s))), { maxItems: SYMPTOMS.length, uniqueItems: true })),
    testTaken: Type.Boolean({ description: 'A nucleic-acid sample was taken that day' }),
    testResult: Type.Optional(Nullable(Type.Union(TEST_RESULTS.map((r) => Type.Literal(r))))),
    sampledAt: Type.Optional(Nullable(Type.String({ format: 'date-time', description: 'Sampling instant with its offset' }))),
    note: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type RecordFollowupBody = Static<typeof RecordFollowupBody>;

export const Followup = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  date: Type.String(),
  temperature: Nullable(Type.Number()),
  symptoms: Type.Array(Type.String()),
  testTaken: Type.Boolean(),
  testResult: Nullable(Type.String()),
  sampledAt: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Followup = Static<typeof Followup>;
export const FollowupList = Type.Object({ items: Type.Array(Followup) });

export const ReleaseBody = Type.Object({ version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const ReleaseResult = Type.Object({ personId: Type.String(), status: Type.Literal('released'), releasedOn: Type.String(), edition: Type.String(), endDate: Nullable(Type.String()) });

export const TodayQuery = Type.Object(
  {
    gridCode: Type.Optional(RegionCode),
    date: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type TodayQuery = Static<typeof TodayQuery>;

const Escalation = Type.Union([Type.Literal('community'), Type.Literal('town'), Type.Literal('district')]);

export const FollowupsToday = Type.Object({
  date: Type.String(),
  due: Type.Array(
    Type.Object({
      person: PersonBriefSchema,
      measure: Type.String(),
      planDay: Type.Integer({ description: 'Day of the plan (the start date is day 0)' }),
      endDate: Nullable(Type.String()),
      testDueToday: Type.Boolean(),
      followedUp: Type.Boolean({ description: 'A follow-up is recorded for the day' }),
    }),
  ),
  releaseDue: Type.Array(
    Type.Object({
      person: PersonBriefSchema,
      endDate: Nullable(Type.String()),
      canRelease: Type.Boolean(),
      reasons: Type.Array(Type.String({ description: 'period_not_over | tests_missing | positive_test | negative_tests_too_close' })),
    }),
  ),
  missedYesterday: Type.Array(
    Type.Object({
      person: PersonBriefSchema,
      measure: Type.String(),
      consecutiveDays: Type.Integer({ description: 'Days missed in a row, up to yesterday' }),
      escalatedTo: Escalation,
    }),
  ),
});
export type FollowupsToday = Static<typeof FollowupsToday>;

export const MissedQuery = Type.Object({ regionCode: Type.Optional(RegionCode), date: Type.Optional(Day) }, { additionalProperties: false });
export type MissedQuery = Static<typeof MissedQuery>;

const MissedCounts = { due: Type.Integer(), missed: Type.Integer(), community: Type.Integer(), town: Type.Integer(), district: Type.Integer() };
export const MissedFollowups = Type.Object({
  regionCode: Type.String(),
  date: Type.String({ description: 'The day counted (yesterday by default)' }),
  ...MissedCounts,
  children: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), ...MissedCounts })),
});
export type MissedFollowups = Static<typeof MissedFollowups>;

export const PersonParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const Alert = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'key_area_arrival | listed_arrival | positive_test' }),
  gridCode: Type.String(),
  person: Nullable(PersonBriefSchema),
  detail: Type.Record(Type.String(), Type.Unknown()),
  status: Type.String(),
  createdAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
});
export type Alert = Static<typeof Alert>;
export const AlertList = Type.Object({ items: Type.Array(Alert) });
export const AlertQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('acknowledged')])),
    gridCode: Type.Optional(RegionCode),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AlertQuery = Static<typeof AlertQuery>;
