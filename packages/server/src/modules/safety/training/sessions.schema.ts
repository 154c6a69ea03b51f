import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { CourseKind, Id } from './courses.schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Instant = Type.String({ maxLength: 40, description: 'ISO 8601 date-time with its offset, e.g. 2026-03-21T09:00:00+08:00' });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day in China, YYYY-MM-DD' });
const Minutes = Type.Integer({ minimum: 1, maximum: 1440 });

export const SessionMode = Type.Union([Type.Literal('in_person'), Type.Literal('online')]);
export const AttendanceStatus = Type.Union([Type.Literal('attended'), Type.Literal('partial'), Type.Literal('absent')]);
export const GroupKind = Type.Union([Type.Literal('unit'), Type.Literal('enterprise'), Type.Literal('region')]);

export const Tally = Type.Object({
  required: Type.Integer({ description: 'On the roster' }),
  attended: Type.Integer({ description: 'Watched at least the required minutes' }),
  partial: Type.Integer(),
  absent: Type.Integer(),
  rate: Nullable(Type.Number({ description: 'attended / required; null when nobody is required' })),
});

export const SessionCourse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  source: Type.String(),
  kind: CourseKind,
  durationMinutes: Type.Integer(),
  link: Nullable(Type.String()),
  fileRef: Nullable(Type.String()),
});

const sessionFields = {
  id: Type.String(),
  title: Type.String(),
  course: SessionCourse,
  mode: SessionMode,
  place: Nullable(Type.String()),
  startsAt: Type.String(),
  endsAt: Nullable(Type.String()),
  requiredMinutes: Type.Integer({ description: 'Minutes that make an attendance' }),
  organiserName: Nullable(Type.String({ description: "The organising department, or the organiser's region" })),
  isDemo: Type.Boolean(),
};

export const MyAttendance = Type.Object({
  watchedMinutes: Type.Integer(),
  status: AttendanceStatus,
  attendedAt: Nullable(Type.String()),
  recordedAt: Nullable(Type.String()),
  version: Type.Integer({ description: 'Send it back when recording minutes' }),
});

/** A session in the caller's ground, with its tally. */
export const Session = Type.Object({
  ...sessionFields,
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  tally: Type.Object(Tally.properties),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Session = Static<typeof Session>;

/**
 * A session the caller is on the roster of, wherever it is organised: what they need to attend it
 * and their own record, never the roster. It names the organiser rather than carrying its region.
 */
export const InvitedSession = Type.Object({ ...sessionFields, myAttendance: MyAttendance });
export type InvitedSession = Static<typeof InvitedSession>;

export const Attendee = Type.Object({
  userId: Type.String(),
  displayName: Nullable(Type.String()),
  groupKind: GroupKind,
  groupId: Type.String(),
  groupName: Nullable(Type.String()),
  watchedMinutes: Type.Integer(),
  status: AttendanceStatus,
  attendedAt: Nullable(Type.String()),
  recordedAt: Nullable(Type.String()),
  version: Type.Integer(),
});
export type Attendee = Static<typeof Attendee>;

export const SessionTargetsView = Type.Object({
  units: Type.Array(Type.Object({ id: Type.String(), name: Nullable(Type.String()) })),
  accounts: Type.Array(Type.Object({ id: Type.String(), displayName: Nullable(Type.String()) })),
});

export const SessionDetail = Type.Object({
  ...sessionFields,
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  tally: Nullable(Type.Object(Tally.properties, { description: 'Null for an invitee from outside the ground' })),
  targets: Nullable(SessionTargetsView),
  roster: Nullable(Type.Array(Attendee, { description: 'Who must attend and what each watched; null for an invitee from outside the ground' })),
  myAttendance: Nullable(MyAttendance),
  canManage: Type.Boolean({ description: 'The caller may change the session and record for others' }),
  canRecord: Type.Boolean({ description: 'The caller is on the roster and the session has started' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type SessionDetail = Static<typeof SessionDetail>;

export const SessionList = Page(Session);
export const InvitedSessionList = Page(InvitedSession);
export const SessionParams = Type.Object({ id: Id });

export const SessionListQuery = Type.Object(
  {
    ...PageQuery,
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    courseId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SessionListQuery = Static<typeof SessionListQuery>;

export const MySessionsQuery = Type.Object(
  { ...PageQuery, pending: Type.Optional(Type.Boolean({ description: 'true: only sessions the caller has not yet attended in full' })) },
  { additionalProperties: false },
);
export type MySessionsQuery = Static<typeof MySessionsQuery>;

const Targets = Type.Object(
  {
    unitIds: Type.Array(Id, { maxItems: 200, description: 'Departments whose accounts must attend' }),
    userIds: Type.Array(Id, { maxItems: 500, description: 'Single accounts that must attend' }),
  },
  { additionalProperties: false },
);

export const CreateSessionBody = Type.Object(
  {
    courseId: Id,
    title: Type.Optional(Type.String({ maxLength: 200, description: "The course's title when left out" })),
    mode: SessionMode,
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    startsAt: Instant,
    endsAt: Type.Optional(Nullable(Instant)),
    requiredMinutes: Type.Optional(Minutes),
    regionCode: Type.Optional(RegionCode),
    targets: Targets,
  },
  { additionalProperties: false },
);
export type CreateSessionBody = Static<typeof CreateSessionBody>;

export const UpdateSessionBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; 428 without it, 409 when stale' })),
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    mode: Type.Optional(SessionMode),
    place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    startsAt: Type.Optional(Instant),
    endsAt: Type.Optional(Nullable(Instant)),
    requiredMinutes: Type.Optional(Minutes),
    targets: Type.Optional(Targets),
  },
  { additionalProperties: false },
);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const RecordAttendanceBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: "The attendance row's version read; 428 without it, 409 when stale" })),
    watchedMinutes: Type.Integer({ minimum: 0, maximum: 1440, description: 'All the minutes watched so far (not an increment)' }),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type RecordAttendanceBody = Static<typeof RecordAttendanceBody>;

export const RatesQuery = Type.Object(
  { sessionId: Type.Optional(Id), from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);
export type RatesQuery = Static<typeof RatesQuery>;

export const AttendanceRates = Type.Object({
  sessions: Type.Integer({ description: 'Sessions counted' }),
  total: Tally,
  items: Type.Array(Type.Object({ groupKind: GroupKind, groupId: Type.String(), name: Nullable(Type.String()), ...Tally.properties })),
});
export type AttendanceRates = Static<typeof AttendanceRates>;

export const AttendeeCandidates = Type.Object({
  units: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), members: Type.Integer({ description: 'Accounts of the unit in your ground' }) })),
  accounts: Type.Array(Type.Object({ id: Type.String(), displayName: Type.String(), unitName: Nullable(Type.String()) })),
});
export type AttendeeCandidates = Static<typeof AttendeeCandidates>;
