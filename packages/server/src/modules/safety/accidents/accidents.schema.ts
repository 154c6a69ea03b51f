import { ACCIDENT_CONTEXTS, ACCIDENT_GRADES, ACCIDENT_TYPES, REPORTING_LEVELS } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { INDUSTRY_CODE_PATTERN } from '../industries/industries.js';


export const Label = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 date-time with its offset, e.g. 2026-03-02T09:30:00+08:00' });
export const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Count = Type.Integer({ minimum: 0, maximum: 1_000_000 });
const Yuan = Type.Integer({ minimum: 0, maximum: 1_000_000_000_000_000, description: 'Whole yuan (元), not 万元' });
export const Grade = Type.Enum(ACCIDENT_GRADES, { description: 'Order 493 art. 3: extraordinarily_serious 特别重大, serious 重大, relatively_serious 较大, ordinary 一般' });
export const Level = Type.Enum(REPORTING_LEVELS, { description: 'Regulator level: county, city, province, state_council' });
const Context = Type.Enum(ACCIDENT_CONTEXTS, { description: 'road_traffic and fire have the 7-day supplementary window (art. 13)' });
const TypeCode = Type.String({ minLength: 1, maxLength: 40, description: `GB 6441-86 category: ${ACCIDENT_TYPES.map((t) => `${t.code} ${t['zh-CN']}`).join(', ')}` });
const IndustryCode = Type.String({ pattern: INDUSTRY_CODE_PATTERN, description: 'GB/T 4754 code, e.g. C26' });
export const ReportingStatus = Type.Enum(['on_time', 'late', 'pending', 'overdue']);

const FigureProperties = {
  deaths: Type.Integer(),
  seriousInjuries: Type.Integer({ description: 'Serious injuries, acute industrial poisoning included' }),
  missing: Type.Integer(),
  directLossYuan: Type.Integer(),
  grade: Grade,
  gradeLabel: Label,
};

const AccidentProperties = {
  id: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String({ description: 'The place from the county level down, e.g. 海州区 洪门街道 红旗社区居委会' })),
  occurredAt: Type.String(),
  learnedAt: Type.String(),
  type: Type.String(),
  typeLabel: Label,
  context: Context,
  enterpriseId: Nullable(Type.String()),
  enterpriseName: Nullable(Type.String()),
  industryCode: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  reporter: Nullable(Type.String()),
  /** The figures as now corrected. */
  ...FigureProperties,
  firstReported: Type.Object({ ...FigureProperties, recordedAt: Type.String() }, { description: 'The figures as first reported' }),
  revisionCount: Type.Integer({ description: '1 for a report never revised' }),
  supplementaryWindowEndsAt: Type.String({ description: 'Casualty changes are reported until this instant (art. 13)' }),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  updatedAt: Type.String(),
  version: Type.Integer(),
};
export const Accident = Type.Object(AccidentProperties);
export type Accident = Static<typeof Accident>;

export const LevelDeadline = Type.Object({
  level: Level,
  /** Who owes this report: the unit for the county's, the level below for each next one. */
  owedBy: Type.Union([Type.Literal('unit'), Level]),
  dueAt: Type.String(),
  reportedAt: Nullable(Type.String()),
  status: ReportingStatus,
});

export const Revision = Type.Object({
  seq: Type.Integer(),
  ...FigureProperties,
  reason: Nullable(Type.String()),
  recordedAt: Type.String(),
  recordedBy: Nullable(Type.String()),
});

export const AccidentDetail = Type.Object({
  ...AccidentProperties,
  /** The instant the statuses below were computed at. */
  now: Type.String(),
  reporting: Type.Object({
    chain: Type.Array(Level, { description: 'Levels the grade requires (art. 10), lowest first' }),
    levels: Type.Array(LevelDeadline),
    /** Reports still owed (pending or overdue), in order. */
    owed: Type.Array(LevelDeadline),
    /** Reports recorded for levels the grade does not require (越级上报 or a grade lowered since). */
    beyondChain: Type.Array(Type.Object({ level: Level, reportedAt: Type.String() })),
  }),
  supplementaryWindowOpen: Type.Boolean(),
  revisions: Type.Array(Revision),
  investigation: Type.Object({
    dueAt: Type.String({ description: '60 days after the accident plus approved extensions (art. 29)' }),
    extensionDays: Type.Integer(),
    extensions: Type.Array(Type.Object({ days: Type.Integer(), approvedBy: Type.String(), reason: Type.String(), recordedAt: Type.String(), recordedBy: Nullable(Type.String()) })),
    submittedAt: Nullable(Type.String()),
    status: ReportingStatus,
  }),
  reply: Type.Object({
    dueAt: Nullable(Type.String({ description: '15 days after the investigation report (30 for extraordinarily serious), art. 32' })),
    repliedAt: Nullable(Type.String()),
    status: Type.Union([ReportingStatus, Type.Literal('awaiting_report')]),
  }),
});
export type AccidentDetail = Static<typeof AccidentDetail>;

export const CreateAccidentBody = Type.Object(
  {
    occurredAt: Instant,
    learnedAt: Type.Optional(Instant),
    regionCode: RegionCode,
    type: TypeCode,
    context: Type.Optional(Context),
    enterpriseId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
    industryCode: Type.Optional(Nullable(IndustryCode)),
    deaths: Count,
    seriousInjuries: Count,
    missing: Type.Optional(Count),
    directLossYuan: Yuan,
    summary: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
    reporter: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  },
  { additionalProperties: false },
);
export type CreateAccidentBody = Static<typeof CreateAccidentBody>;

export const ReviseAccidentBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    deaths: Count,
    seriousInjuries: Count,
    missing: Count,
    directLossYuan: Yuan,
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type ReviseAccidentBody = Static<typeof ReviseAccidentBody>;

export const LevelReportBody = Type.Object({ level: Level, reportedAt: Instant }, { additionalProperties: false });
export type LevelReportBody = Static<typeof LevelReportBody>;

export const InvestigationExtensionBody = Type.Object(
  {
    days: Type.Integer({ minimum: 1, maximum: 60, description: 'All extensions together at most 60 days (art. 29)' }),
    approvedBy: Type.String({ minLength: 2, maxLength: 100, description: 'The government (and the person) that approved it' }),
    reason: Type.String({ minLength: 2, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type InvestigationExtensionBody = Static<typeof InvestigationExtensionBody>;

export const InvestigationReportBody = Type.Object({ submittedAt: Instant }, { additionalProperties: false });
export const ReplyBody = Type.Object({ repliedAt: Instant }, { additionalProperties: false });

export const AccidentListQuery = Type.Object(
  {
    ...PageQuery,
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    grade: Type.Optional(Grade),
    regionCode: Type.Optional(RegionCode),
    type: Type.Optional(TypeCode),
  },
  { additionalProperties: false },
);
export type AccidentListQuery = Static<typeof AccidentListQuery>;

export const AccidentList = Page(Accident);
export const AccidentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const ObligationsQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

export const Obligation = Type.Object({
  accidentId: Type.String(),
  regionCode: Type.String(),
  occurredAt: Type.String(),
  grade: Grade,
  gradeLabel: Label,
  type: Type.String(),
  typeLabel: Label,
  enterpriseName: Nullable(Type.String()),
  /** report: the unit to the county; escalation: a level to the next; then the investigation report and the government's reply. */
  kind: Type.Enum(['report', 'escalation', 'investigation', 'reply']),
  level: Nullable(Level),
  owedBy: Type.Union([Type.Literal('unit'), Type.Literal('investigation_team'), Type.Literal('government'), Level]),
  dueAt: Type.String(),
  status: Type.Enum(['overdue', 'due_soon']),
  /** Overdue items go up to the level above the one that owes them. */
  escalate: Type.Boolean(),
});
export const ObligationList = Type.Object({
  now: Type.String(),
  counts: Type.Object({ overdue: Type.Integer(), dueSoon: Type.Integer() }),
  items: Type.Array(Obligation),
});
export type Obligation = Static<typeof Obligation>;
