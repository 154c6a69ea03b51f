import { randomUUID } from 'node:crypto';
import { addCertificateYears, attendanceStatus, certificateDueOn, chinaDateOf, residentIdCheckChar, type CertificateKind } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import { UsersRepository } from '../../users/users.repository.js';
import { CertificateHolders } from './certificate-holders.js';
import { CertificatesRepository } from './certificates.repository.js';
import { CoursesRepository } from './courses.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import type { AttendanceGroupKind, TrainingCourseTable } from './training.tables.js';

/**
 * Demo training (every text marked 演示): the example the issue names — the provincial warning
 * film on the "3·21" explosion at 响水天嘉宜化工 (21 March 2019) watched by the city's leading group,
 * half of whom have attended — a district's session an enterprise officer is on, and certificates
 * of demo enterprises in every state (valid, expiring, expired, review due). No public address of
 * the film is known to the brief, so its link is left empty.
 */

const DAY_MS = 86_400_000;

interface DemoCourse {
  key: string;
  course: Omit<TrainingCourseTable, 'id' | 'owner_region_code' | 'is_demo' | 'created_by' | 'created_at' | 'updated_at' | 'version'>;
}

const COURSES: DemoCourse[] = [
  {
    key: 'xiangshui',
    course: {
      title: '江苏响水天嘉宜化工有限公司“3·21”特别重大爆炸事故警示教育片（演示）',
      source: '江苏省应急管理厅（演示数据）',
      kind: 'video',
      duration_minutes: 45,
      link: null,
      file_ref: null,
      summary: '2019年3月21日，盐城市响水县生态化工园区天嘉宜化工有限公司发生特别重大爆炸事故，造成78人死亡。警示教育片讲述事故经过、原因和教训。演示数据：片长为示意，未附观看链接。',
    },
  },
  {
    key: 'law',
    course: {
      title: '《中华人民共和国安全生产法》（2021年修正）专题解读（演示）',
      source: '连云港市应急管理局（演示数据）',
      kind: 'document',
      duration_minutes: 60,
      link: null,
      file_ref: '演示-培训资料-2021-001',
      summary: '全员安全生产责任制、“三管三必须”、主要负责人七项职责。演示数据。',
    },
  },
  {
    key: 'special-work',
    course: {
      title: '危险化学品企业特殊作业安全规范（GB 30871-2022）宣贯（演示）',
      source: '连云港市应急管理局（演示数据）',
      kind: 'video',
      duration_minutes: 90,
      link: null,
      file_ref: null,
      summary: '动火、受限空间等特殊作业的许可与监护。演示数据。',
    },
  },
];

/** A China day at a time of day, as UTC ISO text. */
function chinaTime(day: string, hhmm: string): string {
  return new Date(`${day}T${hhmm}:00+08:00`).toISOString();
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Fictitious ID numbers of the demo holders: sequence 97x, as the demo persons use 9xx. */
function demoIdNumber(area: string, birth: string, n: number): string {
  const first17 = `${area}${birth}97${n % 10}`;
  return first17 + residentIdCheckChar(first17);
}

interface DemoSession {
  title: string;
  course: string;
  regionCode: string;
  organiserUnit: string | null;
  mode: 'in_person' | 'online';
  place: string | null;
  daysAgo: number;
  /** username → minutes watched; the roster. */
  watched: Record<string, number>;
  targetUnits: string[];
}

const SESSIONS: DemoSession[] = [
  {
    title: '市安委会领导小组集中观看“3·21”事故警示教育片（演示）',
    course: 'xiangshui',
    regionCode: '320700',
    organiserUnit: 'city-emergency',
    mode: 'in_person',
    place: '市政府第一会议室（演示）',
    daysAgo: 7,
    watched: { leader: 45, yingji: 45, haizhou: 30, lianyun: 0 },
    targetUnits: ['city-emergency'],
  },
  {
    title: '海州区危化企业安全生产法专题学习（演示）',
    course: 'law',
    regionCode: '320706',
    organiserUnit: 'haizhou-emergency',
    mode: 'online',
    place: null,
    daysAgo: 3,
    watched: { haizhou: 60, qiye: 0, grid: 20 },
    targetUnits: [],
  },
  {
    title: '连云区特殊作业安全规范宣贯（演示）',
    course: 'special-work',
    regionCode: '320703',
    organiserUnit: 'lianyun-emergency',
    mode: 'in_person',
    place: '连云区应急管理局会议室（演示）',
    daysAgo: 10,
    watched: { lianyun: 90 },
    targetUnits: [],
  },
];

interface DemoCertificate {
  owner: 'qiye' | 'haizhou' | 'lianyun';
  kind: CertificateKind;
  name: string;
  operationType: string;
  /** Days from today to the due date: negative expired, within 90 expiring. */
  dueInDays: number;
  /** For special operations: whether the review is what falls due. */
  reviewDue?: boolean;
}

const CERTIFICATES: DemoCertificate[] = [
  { owner: 'qiye', kind: 'principal', name: '王建国', operationType: '', dueInDays: 40 },
  { owner: 'qiye', kind: 'safety_manager', name: '李秀英', operationType: '专职安全生产管理人员', dueInDays: 200 },
  { owner: 'qiye', kind: 'special_operation', name: '张伟', operationType: '电工作业', dueInDays: -5 },
  { owner: 'qiye', kind: 'special_operation', name: '刘洋', operationType: '焊接与热切割作业', dueInDays: 30, reviewDue: true },
  { owner: 'haizhou', kind: 'principal', name: '陈静', operationType: '', dueInDays: -20 },
  { owner: 'haizhou', kind: 'special_operation', name: '杨磊', operationType: '危险化学品安全作业', dueInDays: 730, reviewDue: true },
  { owner: 'lianyun', kind: 'safety_manager', name: '赵敏', operationType: '专职安全生产管理人员', dueInDays: 60 },
  { owner: 'lianyun', kind: 'principal', name: '黄涛', operationType: '', dueInDays: 500 },
];

/** Issue, expiry and review dates that put the due date `dueInDays` from today. */
function certificateDates(kind: CertificateKind, today: string, dueInDays: number, reviewDue: boolean) {
  const dueOn = addDays(today, dueInDays);
  if (kind !== 'special_operation') return { issuedOn: addCertificateYears(dueOn, -3), expiresOn: dueOn, reviewDueOn: null, lastReviewedOn: null };
  if (reviewDue) return { issuedOn: addCertificateYears(dueOn, -3), expiresOn: addCertificateYears(dueOn, 3), reviewDueOn: dueOn, lastReviewedOn: null };
  // Reviewed once at three years; what falls due now is the expiry.
  const issuedOn = addCertificateYears(dueOn, -6);
  return { issuedOn, expiresOn: dueOn, reviewDueOn: null, lastReviewedOn: addCertificateYears(issuedOn, 3) };
}

/** Runs after the field accounts are narrowed, so the enterprise officer's enterprise is known. */
export async function seedDemoTraining(db: Kysely<Database>, unitIds: ReadonlyMap<string, string>, now: Date, crypto?: FieldCrypto): Promise<void> {
  const at = now.toISOString();
  const today = chinaDateOf(now);
  const users = new UsersRepository(db);
  const courseIds = new Map<string, string>();
  for (const { key, course } of COURSES) {
    const id = randomUUID();
    courseIds.set(key, id);
    await new CoursesRepository(db).insert({ ...course, id, owner_region_code: '320700', is_demo: 1, created_by: null, created_at: at, updated_at: at, version: 1 });
  }

  const sessions = new SessionsRepository(db);
  for (const demo of SESSIONS) {
    const course = COURSES.find((c) => c.key === demo.course)!.course;
    const id = randomUUID();
    const day = addDays(today, -demo.daysAgo);
    const accounts = [];
    for (const username of Object.keys(demo.watched)) {
      const user = await users.findByUsername(username);
      if (user) accounts.push(user);
    }
    const targetUnits = demo.targetUnits.map((key) => unitIds.get(key)!);
    await sessions.insert({
      id,
      region_code: demo.regionCode,
      course_id: courseIds.get(demo.course)!,
      title: demo.title,
      mode: demo.mode,
      place: demo.place,
      starts_at: chinaTime(day, '09:00'),
      ends_at: chinaTime(day, '10:30'),
      required_minutes: course.duration_minutes,
      targets: JSON.stringify({ unitIds: targetUnits, userIds: accounts.filter((u) => !u.department_id || !targetUnits.includes(u.department_id)).map((u) => u.id) }),
      organiser_unit_id: demo.organiserUnit ? (unitIds.get(demo.organiserUnit) ?? null) : null,
      is_demo: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
    const recordedAt = chinaTime(day, '10:30');
    await sessions.insertAttendance(
      accounts.map((user) => {
        const watched = demo.watched[user.username]!;
        const status = attendanceStatus(watched, course.duration_minutes);
        const group: { kind: AttendanceGroupKind; id: string } = user.department_id ? { kind: 'unit', id: user.department_id } : user.enterprise_id ? { kind: 'enterprise', id: user.enterprise_id } : { kind: 'region', id: user.home_region_code };
        return {
          id: randomUUID(),
          session_id: id,
          region_code: user.home_region_code,
          user_id: user.id,
          group_kind: group.kind,
          group_id: group.id,
          watched_minutes: watched,
          status,
          attended_at: status === 'attended' ? recordedAt : null,
          recorded_by: watched > 0 ? user.id : null,
          recorded_at: watched > 0 ? recordedAt : null,
          created_at: at,
          version: watched > 0 ? 2 : 1,
        };
      }),
    );
  }

  if (crypto) await seedDemoCertificates(db, now, crypto);
}

async function seedDemoCertificates(db: Kysely<Database>, now: Date, crypto: FieldCrypto): Promise<void> {
  const at = now.toISOString();
  const today = chinaDateOf(now);
  const holders = new CertificateHolders(crypto);
  const qiye = await new UsersRepository(db).findByUsername('qiye');
  const owners = new Map<DemoCertificate['owner'], { id: string; region_code: string }>();
  const pick = (district: string, except?: string) =>
    db
      .selectFrom('enterprises')
      .select(['id', 'region_code'])
      .where('region_code', '>=', district)
      .where('region_code', '<', `${district}~`)
      .$if(except !== undefined, (q) => q.where('id', '!=', except!))
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
  const own = qiye?.enterprise_id ? await db.selectFrom('enterprises').select(['id', 'region_code']).where('id', '=', qiye.enterprise_id).executeTakeFirst() : undefined;
  const haizhou = await pick('320706', own?.id);
  const lianyun = await pick('320703');
  if (own) owners.set('qiye', own);
  if (haizhou) owners.set('haizhou', haizhou);
  if (lianyun) owners.set('lianyun', lianyun);
  const repo = new CertificatesRepository(db);
  let n = 0;
  for (const demo of CERTIFICATES) {
    const owner = owners.get(demo.owner);
    n += 1;
    if (!owner) continue;
    const dates = certificateDates(demo.kind, today, demo.dueInDays, demo.reviewDue ?? false);
    const idNumber = demoIdNumber(owner.region_code.slice(0, 6), `19${70 + n}0${(n % 9) + 1}1${n % 10}`, n);
    await repo.insert({
      id: randomUUID(),
      region_code: owner.region_code,
      owner_kind: 'enterprise',
      owner_id: owner.id,
      enterprise_id: owner.id,
      unit_id: null,
      kind: demo.kind,
      operation_type: demo.operationType,
      ...holders.seal(demo.name, idNumber),
      certificate_no_enc: holders.sealCertificateNo(demo.kind === 'special_operation' ? idNumber : `演示${String(32070000 + n * 137)}`),
      issuing_authority: demo.kind === 'special_operation' ? '江苏省应急管理厅（演示）' : '连云港市应急管理局（演示）',
      issued_on: dates.issuedOn,
      expires_on: dates.expiresOn,
      review_due_on: dates.reviewDueOn,
      last_reviewed_on: dates.lastReviewedOn,
      due_on: certificateDueOn(dates).dueOn,
      is_demo: 1,
      created_by: null,
      created_at: at,
      updated_at: at,
      version: 1,
    });
  }
}
