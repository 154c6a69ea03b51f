import type { AttendanceStatus, CertificateKind } from '@shoutu/domain';

export type CourseKind = 'video' | 'document';
export type SessionMode = 'in_person' | 'online';

/**
 * A course of the library (课程库): a video or a document any unit may train with, e.g. a
 * province's warning-education film. Material is not a place's row, so the library is not
 * grounded: everyone who trains reads all of it (decision 0016). `owner_region_code` is the region
 * of the account that added it, and only someone whose ground holds it may change it.
 */
export interface TrainingCourseTable {
  id: string;
  title: string;
  /** Who published it, e.g. 江苏省应急管理厅. */
  source: string;
  kind: CourseKind;
  duration_minutes: number;
  /** A web address (http or https) where it can be watched or read. */
  link: string | null;
  /** A file reference (archive number, file id) where there is no link. */
  file_ref: string | null;
  summary: string | null;
  owner_region_code: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Who must attend, as the organiser named them: units (their accounts) and single accounts. */
export interface SessionTargets {
  unitIds: string[];
  userIds: string[];
}

/**
 * A training session (培训场次): a course studied by a roster by a date, in a meeting room or
 * online. Grounded by the region that organises it.
 */
export interface TrainingSessionTable {
  id: string;
  region_code: string;
  course_id: string;
  title: string;
  mode: SessionMode;
  place: string | null;
  starts_at: string;
  ends_at: string | null;
  /** Minutes that make an attendance; the course's duration unless the organiser set another. */
  required_minutes: number;
  /** JSON SessionTargets. */
  targets: string;
  /** The organiser's department, when they act for one. */
  organiser_unit_id: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Which group an attendee counts under in the rates by unit. */
export type AttendanceGroupKind = 'unit' | 'enterprise' | 'region';

/**
 * One account on a session's roster (应参训名单) and what they watched. Grounded by the attendee's
 * home region, so their own row is inside their ground even when the session is organised above it.
 */
export interface TrainingAttendanceTable {
  id: string;
  session_id: string;
  region_code: string;
  user_id: string;
  /** Their department, their enterprise, or else their home region. */
  group_kind: AttendanceGroupKind;
  group_id: string;
  watched_minutes: number;
  status: AttendanceStatus;
  /** When the watched minutes first reached the required ones. */
  attended_at: string | null;
  recorded_by: string | null;
  recorded_at: string | null;
  created_at: string;
  version: number;
}

/**
 * A safety certificate of a person working for an enterprise or a unit. The holder's name, ID
 * number and the certificate number (for special operations it is the ID number) are encrypted
 * (`training_certificates.<column>` bound in) and answered masked; the keyed hash of the ID number
 * finds a holder's certificates. `due_on` is the domain's due date (the earlier of expiry and
 * review), kept so that lists filter expiring and expired ones by index.
 */
export interface TrainingCertificateTable {
  id: string;
  region_code: string;
  owner_kind: 'enterprise' | 'unit';
  /** The enterprise's or the unit's id: one holder has one certificate of a kind and operation there. */
  owner_id: string;
  enterprise_id: string | null;
  unit_id: string | null;
  kind: CertificateKind;
  /** 作业类别 of a special-operation certificate (e.g. 电工作业), or the post; '' when none. */
  operation_type: string;
  holder_name_enc: string;
  holder_id_number_enc: string;
  holder_id_number_hash: string;
  certificate_no_enc: string | null;
  issuing_authority: string | null;
  issued_on: string;
  expires_on: string;
  review_due_on: string | null;
  last_reviewed_on: string | null;
  due_on: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TrainingTables {
  training_courses: TrainingCourseTable;
  training_sessions: TrainingSessionTable;
  training_attendance: TrainingAttendanceTable;
  training_certificates: TrainingCertificateTable;
}

export const TRAINING_GROUNDED_TABLES = {
  training_sessions: 'region_code',
  training_attendance: 'region_code',
  training_certificates: 'region_code',
} as const;

const QUALIFICATION = { purpose: 'work_safety_record', retention: 'with_safety_record' } as const;

/** Who holds which certificate is part of the enterprise's safety record and goes with it. */
export const TRAINING_PERSONAL_DATA = {
  training_certificates: {
    holder_name_enc: QUALIFICATION,
    holder_id_number_enc: QUALIFICATION,
    holder_id_number_hash: QUALIFICATION,
    certificate_no_enc: QUALIFICATION,
  },
} as const;
