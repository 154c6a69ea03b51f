import type { AttendanceStatus, CertificateKind, CertificateStatus } from '@shoutu/domain';

export type { AttendanceStatus, CertificateKind, CertificateStatus };
export type CourseKind = 'video' | 'document';
export type SessionMode = 'in_person' | 'online';
export type GroupKind = 'unit' | 'enterprise' | 'region';

export interface Course {
  id: string;
  title: string;
  source: string;
  kind: CourseKind;
  durationMinutes: number;
  link: string | null;
  fileRef: string | null;
  summary: string | null;
  ownerRegionName: string | null;
  canEdit: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface CourseInput {
  title: string;
  source: string;
  kind: CourseKind;
  durationMinutes: number;
  link: string | null;
  fileRef: string | null;
  summary: string | null;
}

export interface Tally {
  required: number;
  attended: number;
  partial: number;
  absent: number;
  rate: number | null;
}

export interface SessionCourse {
  id: string;
  title: string;
  source: string;
  kind: CourseKind;
  durationMinutes: number;
  link: string | null;
  fileRef: string | null;
}

export interface MyAttendance {
  watchedMinutes: number;
  status: AttendanceStatus;
  attendedAt: string | null;
  recordedAt: string | null;
  version: number;
}

interface SessionFields {
  id: string;
  title: string;
  course: SessionCourse;
  mode: SessionMode;
  place: string | null;
  startsAt: string;
  endsAt: string | null;
  requiredMinutes: number;
  organiserName: string | null;
  isDemo: boolean;
}

/** A session organised in the caller's ground. */
export interface Session extends SessionFields {
  regionCode: string;
  regionName: string | null;
  tally: Tally;
  version: number;
}

/** A session the caller is on the roster of, wherever it is organised. */
export interface InvitedSession extends SessionFields {
  myAttendance: MyAttendance;
}

export interface Attendee {
  userId: string;
  displayName: string | null;
  groupKind: GroupKind;
  groupId: string;
  groupName: string | null;
  watchedMinutes: number;
  status: AttendanceStatus;
  attendedAt: string | null;
  recordedAt: string | null;
  version: number;
}

export interface SessionDetail extends SessionFields {
  regionCode: string;
  regionName: string | null;
  tally: Tally | null;
  targets: { units: Array<{ id: string; name: string | null }>; accounts: Array<{ id: string; displayName: string | null }> } | null;
  roster: Attendee[] | null;
  myAttendance: MyAttendance | null;
  canManage: boolean;
  canRecord: boolean;
  version: number;
}

export interface SessionInput {
  courseId: string;
  title?: string;
  mode: SessionMode;
  place: string | null;
  startsAt: string;
  endsAt: string | null;
  requiredMinutes?: number;
  targets: { unitIds: string[]; userIds: string[] };
}

export interface SessionFilter {
  from?: string;
  to?: string;
}

export interface AttendanceRates {
  sessions: number;
  total: Tally;
  items: Array<Tally & { groupKind: GroupKind; groupId: string; name: string | null }>;
}

export interface AttendeeCandidates {
  units: Array<{ id: string; name: string; members: number }>;
  accounts: Array<{ id: string; displayName: string; unitName: string | null }>;
}

export interface Certificate {
  id: string;
  kind: CertificateKind;
  ownerKind: 'enterprise' | 'unit';
  enterpriseId: string | null;
  unitId: string | null;
  ownerName: string | null;
  regionCode: string;
  /** Masked by the server: surname only. */
  holderName: string;
  /** Masked by the server: first 6 and last 4. */
  holderIdNumber: string;
  certificateNo: string | null;
  operationType: string | null;
  issuingAuthority: string | null;
  issuedOn: string;
  expiresOn: string;
  reviewDueOn: string | null;
  lastReviewedOn: string | null;
  dueOn: string;
  due: 'expiry' | 'review';
  status: CertificateStatus;
  daysLeft: number;
  isDemo: boolean;
  version: number;
}

export interface CertificateFilter {
  status?: CertificateStatus;
  kind?: CertificateKind;
  enterpriseId?: string;
  regionCode?: string;
}

export interface CertificateAlerts {
  today: string;
  windowDays: number;
  expiring: number;
  expired: number;
  items: Certificate[];
  nextCursor: string | null;
}

export interface CertificateInput {
  kind: CertificateKind;
  holderName: string;
  holderIdNumber: string;
  certificateNo?: string | null;
  operationType?: string | null;
  issuingAuthority?: string | null;
  issuedOn: string;
  expiresOn?: string;
  reviewDueOn?: string | null;
  enterpriseId?: string;
  unitId?: string;
}

export interface CertificateChange {
  version: number;
  issuingAuthority?: string | null;
  expiresOn?: string;
  reviewDueOn?: string | null;
  reviewedOn?: string;
}
