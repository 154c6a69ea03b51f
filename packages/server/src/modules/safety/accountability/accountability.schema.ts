import { ACCOUNTABILITY_MEASURE_CODES, ACCOUNTABILITY_STATUSES, ACCOUNTABILITY_SUBJECT_KINDS, ACCOUNTABILITY_TRIGGER_KINDS, REPORTING_LEVELS } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Label = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD (China)' });

export const SubjectKind = Type.Enum(ACCOUNTABILITY_SUBJECT_KINDS, { description: 'person or unit' });
export const TriggerKind = Type.Enum(ACCOUNTABILITY_TRIGGER_KINDS, { description: 'accident 事故, overdue_major_hazard 重大隐患逾期, late_accident_report 事故迟报, other 其他' });
export const Measure = Type.Enum(ACCOUNTABILITY_MEASURE_CODES, {
  description: 'reminder_talk 谈话提醒, criticism 批评教育, written_self_examination 责令检查, circulated_criticism 通报批评, admonishment 诫勉, reorganization 改组 (units), organizational_adjustment 组织调整, organizational_handling 组织处理, disciplinary_sanction 纪律处分',
});
export const Status = Type.Enum(ACCOUNTABILITY_STATUSES, { description: 'investigating 核查中, decided 已作出决定, dismissed 不予问责, executed 已执行, revoked 已撤销' });

export const EvidenceEvent = Type.Object({
  at: Type.String(),
  who: Nullable(Type.String({ description: 'Who acted or who owed the step' })),
  what: Label,
  detail: Nullable(Type.String()),
  /** The step came late or is overdue. */
  late: Type.Boolean(),
});
export type EvidenceEvent = Static<typeof EvidenceEvent>;
export const EvidencePack = Type.Object({
  title: Type.String(),
  link: Nullable(Type.String({ description: 'The page of the item in the web app' })),
  events: Type.Array(EvidenceEvent),
});
export type EvidencePack = Static<typeof EvidencePack>;

export const Suggestion = Type.Object({
  subjectKind: SubjectKind,
  name: Type.String(),
  post: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  basis: Label,
});
export type Suggestion = Static<typeof Suggestion>;

export const Candidate = Type.Object({
  key: Type.String({ description: 'kind:id[:part]; decided once, never proposed again' }),
  kind: TriggerKind,
  kindLabel: Label,
  triggerId: Type.String(),
  triggerPart: Nullable(Type.String()),
  regionCode: Type.String(),
  title: Type.String(),
  dueAt: Type.String({ description: 'When the duty fell due' }),
  doneAt: Nullable(Type.String({ description: 'When it was done at last, if it was' })),
  lateMinutes: Type.Integer({ description: 'How late, in minutes: done late by, or overdue by now' }),
  suggestions: Type.Array(Suggestion, { description: 'Who the responsibility chain names for it' }),
  evidence: EvidencePack,
});
export type Candidate = Static<typeof Candidate>;
export const CandidateList = Type.Object({
  now: Type.String(),
  overdueDays: Type.Integer(),
  lookbackDays: Type.Integer(),
  items: Type.Array(Candidate),
});
export const CandidateQuery = Type.Object(
  {
    kind: Type.Optional(Type.Union([Type.Literal('overdue_major_hazard'), Type.Literal('late_accident_report')])),
    overdueDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365, description: 'Major hazards overdue by more than this many days; the configured default otherwise' })),
    lookbackDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Accidents that happened within this many days (365 by default)' })),
  },
  { additionalProperties: false },
);
export type CandidateQuery = Static<typeof CandidateQuery>;

export const AccountabilityRecord = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  subjectKind: SubjectKind,
  subjectName: Type.String({ description: 'A person is masked (surname only)' }),
  subjectPost: Nullable(Type.String()),
  subjectUnit: Nullable(Type.String()),
  triggerKind: TriggerKind,
  triggerKindLabel: Label,
  triggerId: Nullable(Type.String()),
  triggerPart: Nullable(Type.String()),
  triggerSummary: Type.String(),
  facts: Type.String(),
  measure: Nullable(Measure),
  measureLabel: Nullable(Label),
  decidedBy: Nullable(Type.String()),
  decidedOn: Nullable(Type.String()),
  status: Status,
  statusLabel: Label,
  statusNote: Nullable(Type.String()),
  nextStatuses: Type.Array(Status),
  isDemo: Type.Boolean(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type AccountabilityRecord = Static<typeof AccountabilityRecord>;
export const AccountabilityRecordDetail = Type.Object({ ...AccountabilityRecord.properties, evidence: EvidencePack });
export type AccountabilityRecordDetail = Static<typeof AccountabilityRecordDetail>;
export const RecordPage = Page(AccountabilityRecord);

const DecisionFields = {
  measure: Type.Optional(Nullable(Measure)),
  decidedBy: Type.Optional(Nullable(Type.String({ maxLength: 100, description: 'The organ that decided, e.g. 市纪委监委' }))),
  decidedOn: Type.Optional(Nullable(Day)),
  statusNote: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};

export const CreateRecordBody = Type.Object(
  {
    triggerKind: TriggerKind,
    triggerId: Type.Optional(Id),
    triggerPart: Type.Optional(Type.Enum(REPORTING_LEVELS, { description: 'The regulator level of a late accident report' })),
    regionCode: Type.Optional(RegionCode),
    subjectKind: SubjectKind,
    subjectName: Type.String({ minLength: 1, maxLength: 100 }),
    subjectPost: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    subjectUnit: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    facts: Type.String({ minLength: 1, maxLength: 4000 }),
    status: Type.Union([Type.Literal('investigating'), Type.Literal('decided'), Type.Literal('dismissed')], { description: 'Open for investigation, or decide at once' }),
    ...DecisionFields,
  },
  { additionalProperties: false, description: 'triggerId names the accident or hazard (not for other); triggerPart the level of a late report; regionCode only for other' },
);
export type CreateRecordBody = Static<typeof CreateRecordBody>;

export const UpdateRecordBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    status: Type.Optional(Status),
    facts: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    ...DecisionFields,
  },
  { additionalProperties: false },
);
export type UpdateRecordBody = Static<typeof UpdateRecordBody>;

export const RecordListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(Status),
    triggerKind: Type.Optional(TriggerKind),
    regionCode: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type RecordListQuery = Static<typeof RecordListQuery>;
export const RecordParams = Type.Object({ id: Id });
