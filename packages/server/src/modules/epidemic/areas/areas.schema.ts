import { Type, type Static, type TSchema } from 'typebox';

const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region code at any level: county (6), town (9) or community (12)' });
const Level = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);
const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

export const SetAreaLevelBody = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    placeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A named place (GET /places) instead of a region: give one of the two' })),
    level: Level,
    effectiveFrom: Day,
    reason: Type.String({ minLength: 2, maxLength: 200 }),
    edition: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Policy edition code; by default the one in force on effectiveFrom' })),
  },
  { additionalProperties: false },
);
export type SetAreaLevelBody = Static<typeof SetAreaLevelBody>;

/** The level today after the edition's automatic step-downs (the domain's nextAreaLevel). */
const CurrentLevel = Type.Object({
  level: Level,
  changedOn: Nullable(Type.String({ description: 'The day the designated level stepped down to this one' })),
  next: Nullable(Type.Object({ level: Level, on: Type.String() })),
  /** The day the step-down clock runs from: the last new infection in the area, else the designation day. */
  clockFrom: Type.String(),
  clockSource: Type.Union([Type.Literal('infection'), Type.Literal('designation')]),
  lastNewInfectionDate: Nullable(Type.String()),
  edition: Nullable(Type.String({ description: 'The edition in force on the day asked about' })),
});

export const AreaLevel = Type.Object({
  id: Type.String(),
  regionCode: Type.String({ description: "The region designated, or the named place's community" }),
  placeId: Nullable(Type.String()),
  placeName: Nullable(Type.String()),
  placeKind: Nullable(Type.String()),
  level: Level,
  effectiveFrom: Type.String(),
  effectiveTo: Nullable(Type.String()),
  edition: Type.String(),
  editionName: Localized,
  setBy: Nullable(Type.String()),
  reason: Type.String(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  current: CurrentLevel,
});
export type AreaLevel = Static<typeof AreaLevel>;

export const AreaLevelList = Type.Object({ date: Type.String(), items: Type.Array(AreaLevel) });
export type AreaLevelList = Static<typeof AreaLevelList>;

export const AreaLevelQuery = Type.Object({ date: Type.Optional(Day), regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });
export type AreaLevelQuery = Static<typeof AreaLevelQuery>;

/** Any text: a code that is no region, like one outside the ground, is simply not found. */
export const NextLevelParams = Type.Object({ regionCode: Type.String({ minLength: 1, maxLength: 64, description: 'Region code at any level' }) });
export const NextLevelQuery = Type.Object({ date: Type.Optional(Day) }, { additionalProperties: false });

export const NextLevel = Type.Object({
  regionCode: Type.String(),
  date: Type.String(),
  designation: AreaLevel,
  transitions: Type.Array(Type.Object({ from: Level, to: Level, daysWithoutNewInfection: Type.Integer() }), { description: 'Step-downs of the edition in force on the day' }),
});
export type NextLevel = Static<typeof NextLevel>;
