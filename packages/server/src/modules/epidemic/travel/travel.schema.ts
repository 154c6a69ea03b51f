import { Type, type Static } from 'typebox';

const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

export const TravelCheckBody = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 40, description: 'Resident ID number; sent in the body, never the URL, and kept only as its keyed hash' }),
    destination: Type.String({ pattern: '^[0-9A-Za-z_-]{2,20}$', description: 'Destination region code (e.g. 110000 Beijing) or another destination key of the travel rules' }),
    date: Type.Optional(Day),
    checkpointId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "The checkpoint checking; the check is logged under its region. A gate device's token implies its checkpoint" })),
  },
  { additionalProperties: false },
);
export type TravelCheckBody = Static<typeof TravelCheckBody>;

export const TravelReason = Type.Object({
  code: Type.String({ description: 'category_denied | area_level_denied | local_infection_denied | category_alert | area_level_alert | local_infection_alert' }),
  ruleId: Type.String(),
  ruleName: Localized,
  ruleSource: Type.String(),
  /** The rule comes from a secondary source and is to be checked ([verify]). */
  verify: Type.Boolean(),
  message: Localized,
});

export const TravelCheckResult = Type.Object({
  id: Type.String(),
  decision: Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('alert')]),
  reasons: Type.Array(TravelReason),
  destination: Type.String(),
  date: Type.String(),
  checkedAt: Type.String(),
});
export type TravelCheckResult = Static<typeof TravelCheckResult>;

export const DenialsQuery = Type.Object({ from: Type.Optional(Day), to: Type.Optional(Day) }, { additionalProperties: false });
export type DenialsQuery = Static<typeof DenialsQuery>;

const Counts = { total: Type.Integer(), denied: Type.Integer(), alerted: Type.Integer(), allowed: Type.Integer() };
export const Denials = Type.Object({
  from: Type.String(),
  to: Type.String(),
  ...Counts,
  byDay: Type.Array(Type.Object({ date: Type.String(), ...Counts })),
});
export type Denials = Static<typeof Denials>;

/** The log of checks (出行核验记录), as the dashboard's "checks and denials today" opens it: who was checked is never shown. */
export const TravelCheckListQuery = Type.Object(
  {
    day: Type.Optional(Day),
    decision: Type.Optional(Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('alert')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type TravelCheckListQuery = Static<typeof TravelCheckListQuery>;

export const TravelCheckEntry = Type.Object({
  id: Type.String(),
  regionCode: Type.String({ description: 'Where the check was made: the checkpoint\'s region, or the checking officer\'s' }),
  checkpointId: Type.Union([Type.String(), Type.Null()]),
  destination: Type.String(),
  travelDate: Type.String(),
  checkDay: Type.String(),
  decision: Type.Union([Type.Literal('allow'), Type.Literal('deny'), Type.Literal('alert')]),
  reasons: Type.Array(Type.Object({ code: Type.String(), ruleId: Type.String() })),
  checkedBy: Type.Union([Type.String(), Type.Null()]),
  deviceTokenId: Type.Union([Type.String(), Type.Null()], { description: "The gate device's token, when a device made the check" }),
  checkedAt: Type.String(),
});
export const TravelCheckList = Type.Object({ items: Type.Array(TravelCheckEntry), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export type TravelCheckList = Static<typeof TravelCheckList>;
