import { Type, type Static } from 'typebox';

const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region subtree (district, town or grid); your whole ground by default' });
const Level = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);

export const DashboardQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });
export type DashboardQuery = Static<typeof DashboardQuery>;

const Decisions = { total: Type.Integer(), denied: Type.Integer(), alerted: Type.Integer(), allowed: Type.Integer() };

/**
 * The epidemic figures of a ground for today, each summed from maintained counters (decision
 * 0017): its cost does not grow with the number of persons. Every figure has a list behind it.
 */
export const Dashboard = Type.Object({
  date: Type.String({ description: 'Today in China' }),
  regionCode: Type.String({ description: 'The region the figures cover: the one asked for, or the smallest region holding your ground' }),
  /** Persons under management and released, in all. */
  totals: Type.Object({ managed: Type.Integer(), released: Type.Integer() }),
  byCategory: Type.Array(Type.Object({ category: Type.String(), managed: Type.Integer(), released: Type.Integer() })),
  byMeasure: Type.Array(Type.Object({ measure: Type.String({ description: 'hospital | centralized_quarantine | home_quarantine | health_monitoring' }), count: Type.Integer() }), {
    description: 'Persons under each measure today by their plans',
  }),
  /** Persons under management per region one level below `regionCode` (counties of a city, towns of a county…). */
  byArea: Type.Object({
    level: Type.Union([Type.Literal('county'), Type.Literal('town'), Type.Literal('community')]),
    items: Type.Array(Type.Object({ regionCode: Type.String(), managed: Type.Integer(), byCategory: Type.Record(Type.String(), Type.Integer()) })),
  }),
  newPerDay: Type.Array(Type.Object({ date: Type.String(), count: Type.Integer() }), { description: 'Registrations per day, the last 30 days' }),
  followups: Type.Object({
    dueToday: Type.Integer({ description: 'Persons under a measure today: each needs a follow-up' }),
    doneToday: Type.Integer(),
    outstandingToday: Type.Integer(),
    dueYesterday: Type.Integer(),
    missedYesterday: Type.Integer(),
  }),
  releases: Type.Object({
    dueToday: Type.Integer({ description: 'Persons whose measure period ended today or earlier and who are not released' }),
    dueTomorrow: Type.Integer({ description: 'Persons whose measure period ends tomorrow' }),
  }),
  travelChecks: Type.Object({ ...Decisions, byDay: Type.Array(Type.Object({ date: Type.String(), ...Decisions }), { description: 'The last 7 days' }) }),
  riskAreas: Type.Object({
    active: Type.Integer({ description: 'Designations in force today whose current level is medium or high' }),
    byLevel: Type.Object({ high: Type.Integer(), medium: Type.Integer(), low: Type.Integer() }),
    items: Type.Array(
      Type.Object({ id: Type.String(), regionCode: Type.String(), placeName: Type.Union([Type.String(), Type.Null()]), level: Level, designatedLevel: Level, effectiveFrom: Type.String() }),
      { description: 'The active ones, highest first (at most 10)' },
    ),
  }),
});
export type Dashboard = Static<typeof Dashboard>;
