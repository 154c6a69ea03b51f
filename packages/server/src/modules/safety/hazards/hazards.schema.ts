import { GOVERNANCE_PLAN_PARTS, HAZARD_ACTION_TYPES, HAZARD_STATUSES } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { HazardPhoto } from './hazard-photos.schema.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ maxLength: 40, description: 'ISO 8601 date-time with its offset, e.g. 2026-03-31T18:00:00+08:00' });
/** A photo: the id of one uploaded to the hazard (POST /hazards/:id/photos); older records may hold a URL. */
const Photo = Type.String({ minLength: 1, maxLength: 500 });
const Photos = Type.Array(Photo, { maxItems: 20 });

export const HazardStatus = Type.Enum(HAZARD_STATUSES);
export const HazardGrade = Type.Union([Type.Literal('general'), Type.Literal('major')]);
export const HazardSource = Type.Union([Type.Literal('regulator_inspection'), Type.Literal('self_inspection'), Type.Literal('report')]);
export const HazardActionType = Type.Enum([...HAZARD_ACTION_TYPES]);

const planParts = <T extends ReturnType<typeof Type.String>>(text: T) => Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, text])) as Record<(typeof GOVERNANCE_PLAN_PARTS)[number], T>;
/** SAWS Order 16 art. 15: the six parts of a major hazard's governance plan. */
export const GovernancePlan = Type.Object(planParts(Type.String()));
const GovernancePlanDraft = Type.Object(
  Object.fromEntries(GOVERNANCE_PLAN_PARTS.map((part) => [part, Type.Optional(Type.String({ maxLength: 4000 }))])),
  { additionalProperties: false },
);

export const Hazard = Type.Object({
  id: Type.String(),
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  inspectionId: Nullable(Type.String()),
  inspectionItemNumber: Nullable(Type.Integer()),
  campaignId: Nullable(Type.String({ description: 'The special rectification campaign (专项整治) it was found in' })),
  grade: HazardGrade,
  source: HazardSource,
  description: Type.String(),
  place: Nullable(Type.String()),
  photos: Type.Array(Type.String()),
  status: HazardStatus,
  responsibleUnit: Nullable(Type.String()),
  responsiblePerson: Nullable(Type.String({ description: 'masked: surname only' })),
  deadline: Nullable(Type.String({ description: 'The deadline in force (UTC)' })),
  originalDeadline: Nullable(Type.String({ description: 'The first deadline; extensions never move it' })),
  overdue: Type.Boolean({ description: 'Open and past its deadline now' }),
  acceptanceDueAt: Nullable(Type.String({ description: 'While awaiting acceptance: when the acceptor must have accepted or sent it back' })),
  acceptanceOverdue: Type.Boolean({ description: 'Awaiting acceptance past that time (flagged by the scheduled job)' }),
  pendingExtension: Nullable(Type.Object({ requestedDeadline: Type.String(), reason: Type.String(), requestedAt: Type.String() })),
  governancePlan: Nullable(GovernancePlan),
  rectification: Nullable(Type.Object({ evidence: Type.String(), photos: Type.Array(Type.String()), submittedAt: Type.String() })),
  acceptance: Nullable(Type.Object({ formal: Type.Boolean(), assessmentReportRef: Nullable(Type.String()), note: Nullable(Type.String()), acceptedAt: Type.String() })),
  listing: Nullable(
    Type.Object({
      unitId: Type.String(),
      unitName: Nullable(Type.String()),
      listedAt: Type.String(),
      publicationDueAt: Type.String({ description: 'The listing is public by then (working days of the time limits)' }),
      extensionRequestLatestAt: Nullable(Type.String({ description: 'The last moment an extension of the current deadline may be asked for' })),
      delistingPublicationDueAt: Nullable(Type.String({ description: 'Set on acceptance: the delisting is public by then' })),
      limitsSource: Type.String(),
      limitsVerify: Type.Boolean({ description: 'The time limits come from a secondary source and await checking' }),
    }),
  ),
  escalation: Nullable(Type.Object({ level: Type.Union([Type.Literal('county'), Type.Literal('city')]), at: Type.String() })),
  foundAt: Type.String(),
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Hazard = Static<typeof Hazard>;

export const HazardEvent = Type.Object({
  version: Type.Integer({ description: 'The hazard version this step produced; it applied to version − 1' }),
  type: Type.String({ description: "found, listed, escalated, or the state machine's event type" }),
  fromStatus: Nullable(HazardStatus),
  toStatus: HazardStatus,
  actorName: Nullable(Type.String()),
  actorKind: Type.String(),
  at: Type.String(),
  payload: Type.Record(Type.String(), Type.Unknown()),
});
export type HazardEvent = Static<typeof HazardEvent>;

export const HazardDetail = Type.Object({
  ...Hazard.properties,
  events: Type.Array(HazardEvent),
  allowedActions: Type.Array(HazardActionType, { description: 'The transitions the caller could take now' }),
  canList: Type.Boolean({ description: 'Whether the caller may list this hazard for supervision (挂牌督办)' }),
  photoFiles: Type.Array(HazardPhoto, { description: 'Photos uploaded to the hazard, oldest first; events and the rectification name them by id' }),
});
export type HazardDetail = Static<typeof HazardDetail>;

export const HazardList = Page(Hazard);
export const HazardParams = Type.Object({ id: Id });

export const HazardListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(HazardStatus),
    grade: Type.Optional(HazardGrade),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only open hazards past their deadline, longest overdue first (by deadline, then id)' })),
    acceptanceOverdue: Type.Optional(Type.Boolean({ description: 'true: only hazards left awaiting acceptance past the acceptor’s due time' })),
    enterpriseId: Type.Optional(Id),
    campaignId: Type.Optional(Id),
    regionCode: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type HazardListQuery = Static<typeof HazardListQuery>;

export const CreateHazardBody = Type.Object(
  {
    enterpriseId: Id,
    grade: HazardGrade,
    description: Type.String({ minLength: 1, maxLength: 2000 }),
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    photos: Type.Optional(Photos),
  },
  { additionalProperties: false },
);
export type CreateHazardBody = Static<typeof CreateHazardBody>;

/**
 * One body for every step; `action` names it and only its own fields may come with it. What the
 * fields must hold (a responsible person, a future deadline, a complete plan…) is the state
 * machine's to say, with its stable codes (422).
 */
export const TransitionBody = Type.Object(
  {
    action: HazardActionType,
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; 428 without it, 409 when stale' })),
    responsibleUnit: Type.Optional(Type.String({ maxLength: 100 })),
    responsiblePerson: Type.Optional(Type.String({ maxLength: 50 })),
    deadline: Type.Optional(Instant),
    governancePlan: Type.Optional(GovernancePlanDraft),
    evidence: Type.Optional(Type.String({ maxLength: 4000 })),
    photos: Type.Optional(Photos),
    formal: Type.Optional(Type.Boolean()),
    assessmentReportRef: Type.Optional(Type.String({ maxLength: 200 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    newDeadline: Type.Optional(Instant),
  },
  { additionalProperties: false },
);
export type TransitionBody = Static<typeof TransitionBody>;

export const ListingBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);
export type ListingBody = Static<typeof ListingBody>;

export const OverviewQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

const HazardCounts = {
  open: Type.Integer({ description: 'Not closed' }),
  overdue: Type.Integer({ description: 'Open and past the deadline' }),
  major: Type.Integer({ description: 'Open major hazards' }),
};
export const HazardOverview = Type.Object({
  regionCode: Type.String(),
  total: Type.Object(HazardCounts),
  children: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), ...HazardCounts })),
});
export type HazardOverview = Static<typeof HazardOverview>;

export const EscalationResult = Type.Object({
  escalated: Type.Integer(),
  toCounty: Type.Integer(),
  toCity: Type.Integer(),
});
