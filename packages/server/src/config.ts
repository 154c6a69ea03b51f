import path from 'node:path';
import { checkRetentionPolicy, type EpidemicRetentionPolicy } from '@shoutu/domain';
import { RETENTION_PERIODS } from './privacy/personal-data-tags.js';
import { DEFAULT_PHOTO_MAX_BYTES } from '@shoutu/domain';

/**
 * Every setting comes from the environment (docs/operations.md lists them). Demo mode relaxes
 * nothing that protects data; it creates labelled demo accounts and shows them on the login
 * page, listens on the loopback address unless told otherwise, and by default does not ask the
 * demo admins for a TOTP code (labelled on the login page; `SHOUTU_ADMIN_TOTP=required` restores it).
 */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  dataDir: string;
  demo: boolean;
  demoPassword: string;
  securityProfile: 'default' | 'mlps3';
  session: { idleMinutes: number; absoluteHours: number; secureCookie: boolean };
  /** Days a password is good for before its holder must change it at the next sign-in; 0 = no rotation. */
  passwordMaxAgeDays: number;
  lockout: { maxFailures: number; minutes: number };
  bodyLimitBytes: number;
  logLevel: string;
  webDist: string | null;
  /** Base64 master key for personal-data encryption, or null to use `masterKeyFile`. */
  masterKey: string | null;
  masterKeyFile: string;
  /** TOTP for the three admin roles (SECURITY.md row 4): required, except by default in demo mode. */
  adminTotp: 'required' | 'off';
  /** Days the audit trail is kept before `shoutu audit purge` may remove it (SECURITY.md row 13). */
  auditRetentionDays: number;
  /** Start even when the database's durability self-check fails (SECURITY.md row 22). */
  allowUnsafeDb: boolean;
  /** Epidemic personal data: days kept after a release (or the epidemic's end), and that end date (SECURITY.md row 19). */
  epidemicRetention: EpidemicRetentionPolicy;
  /** Hours a stored Idempotency-Key answer is replayed before it is purged (SECURITY.md row 24). */
  idempotencyRetentionHours: number;
  /** Exports (SECURITY.md row 18): rows of a list of persons above which another official approves, and hours an approval lasts. */
  exports: { approvalRows: number; downloadHours: number };
  /** A major hazard overdue by more than this many days is proposed for accountability (失职追责). */
  accountabilityOverdueDays: number;
  /** Whether `serve` runs the scheduled jobs (ops/jobs.ts); one process per installation should. */
  jobs: boolean;
  /** Uploaded files, stored by content hash outside the database (decision 0021). */
  files: { dir: string; photoMaxBytes: number };
}

/** Cybersecurity Law art. 21: network logs are kept for no less than six months. */
export const MIN_AUDIT_RETENTION_DAYS = 180;

type Env = Record<string, string | undefined>;

/**
 * The government settings of `SHOUTU_SECURITY_PROFILE=mlps3` (GB/T 22239 level 3 as commonly
 * assessed: decision 0030): shorter sessions and password rotation. A setting may be tightened
 * below these, never loosened above them.
 */
const MLPS3 = { idleMinutes: 15, absoluteHours: 8, passwordMaxAgeDays: 90 } as const;

function profileLimit(env: Env, profile: 'default' | 'mlps3', name: string, fallback: number, mlps3Ceiling: number): number {
  if (profile !== 'mlps3') return intSetting(env, name, fallback);
  const value = intSetting(env, name, mlps3Ceiling);
  if (value > mlps3Ceiling) throw new Error(`${name}=${value} is looser than the mlps3 security profile allows (at most ${mlps3Ceiling})`);
  return value;
}

function passwordMaxAge(env: Env, profile: 'default' | 'mlps3'): number {
  const value = intSetting(env, 'SHOUTU_PASSWORD_MAX_AGE_DAYS', profile === 'mlps3' ? MLPS3.passwordMaxAgeDays : 0);
  if (profile === 'mlps3' && (value === 0 || value > MLPS3.passwordMaxAgeDays)) {
    throw new Error(`SHOUTU_PASSWORD_MAX_AGE_DAYS=${value} is not allowed in the mlps3 security profile (1 to ${MLPS3.passwordMaxAgeDays})`);
  }
  return value;
}

function intSetting(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

function adminTotpSetting(env: Env, demo: boolean, profile: 'default' | 'mlps3'): Config['adminTotp'] {
  const raw = env.SHOUTU_ADMIN_TOTP;
  if (raw !== undefined && raw !== '' && raw !== 'required' && raw !== 'off') throw new Error(`SHOUTU_ADMIN_TOTP must be required or off, got "${raw}"`);
  if (profile === 'mlps3') {
    if (raw === 'off') throw new Error('SHOUTU_ADMIN_TOTP=off is not allowed in the mlps3 security profile');
    return 'required';
  }
  // Demo mode relaxes it so that the demo accounts sign in with the password shown on the login page.
  return raw === 'required' || raw === 'off' ? raw : demo ? 'off' : 'required';
}

function auditRetentionSetting(env: Env): number {
  const days = intSetting(env, 'SHOUTU_AUDIT_RETENTION_DAYS', MIN_AUDIT_RETENTION_DAYS);
  if (days < MIN_AUDIT_RETENTION_DAYS) {
    throw new Error(`SHOUTU_AUDIT_RETENTION_DAYS must be at least ${MIN_AUDIT_RETENTION_DAYS} (Cybersecurity Law art. 21: logs are kept no less than six months), got ${days}`);
  }
  return days;
}

function jobsSetting(env: Env): boolean {
  const raw = env.SHOUTU_JOBS ?? 'on';
  if (raw !== 'on' && raw !== 'off') throw new Error(`SHOUTU_JOBS must be on or off, got "${raw}"`);
  return raw === 'on';
}

/** SHOUTU_EPIDEMIC_RETENTION_DAYS (default from the personal-data tags) and SHOUTU_EPIDEMIC_END_DATE (none by default). */
function epidemicRetentionSetting(env: Env): EpidemicRetentionPolicy {
  const policy = { days: intSetting(env, 'SHOUTU_EPIDEMIC_RETENTION_DAYS', RETENTION_PERIODS.epidemic.days), epidemicEndDate: env.SHOUTU_EPIDEMIC_END_DATE || null };
  try {
    checkRetentionPolicy(policy);
  } catch (error) {
    throw new Error(`SHOUTU_EPIDEMIC_RETENTION_DAYS / SHOUTU_EPIDEMIC_END_DATE: ${(error as Error).message}`);
  }
  return policy;
}

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(env.SHOUTU_DATA_DIR ?? 'data');
  const demo = overrides.demo ?? env.SHOUTU_DEMO === '1';
  const profile = env.SHOUTU_SECURITY_PROFILE ?? 'default';
  if (profile !== 'default' && profile !== 'mlps3') throw new Error(`SHOUTU_SECURITY_PROFILE must be default or mlps3, got "${profile}"`);
  return {
    port: intSetting(env, 'SHOUTU_PORT', 8080),
    host: env.SHOUTU_HOST ?? (demo ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: env.SHOUTU_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'shoutu.db')}`,
    dataDir,
    demo,
    demoPassword: env.SHOUTU_DEMO_PASSWORD ?? 'Demo@2026',
    securityProfile: profile,
    session: {
      idleMinutes: profileLimit(env, profile, 'SHOUTU_SESSION_IDLE_MINUTES', 30, MLPS3.idleMinutes),
      absoluteHours: profileLimit(env, profile, 'SHOUTU_SESSION_MAX_HOURS', 12, MLPS3.absoluteHours),
      secureCookie: env.SHOUTU_SECURE_COOKIE === '1' || profile === 'mlps3',
    },
    passwordMaxAgeDays: passwordMaxAge(env, profile),
    lockout: {
      maxFailures: intSetting(env, 'SHOUTU_LOCKOUT_FAILURES', 5),
      minutes: intSetting(env, 'SHOUTU_LOCKOUT_MINUTES', 15),
    },
    bodyLimitBytes: intSetting(env, 'SHOUTU_BODY_LIMIT_BYTES', 256 * 1024),
    logLevel: env.SHOUTU_LOG_LEVEL ?? 'info',
    webDist: env.SHOUTU_WEB_DIST ?? null,
    masterKey: env.SHOUTU_MASTER_KEY ?? null,
    masterKeyFile: path.resolve(env.SHOUTU_MASTER_KEY_FILE ?? path.join(dataDir, 'shoutu.key')),
    adminTotp: adminTotpSetting(env, demo, profile),
    auditRetentionDays: auditRetentionSetting(env),
    allowUnsafeDb: env.SHOUTU_ALLOW_UNSAFE_DB === '1',
    epidemicRetention: epidemicRetentionSetting(env),
    idempotencyRetentionHours: intSetting(env, 'SHOUTU_IDEMPOTENCY_RETENTION_HOURS', 24),
    exports: { approvalRows: intSetting(env, 'SHOUTU_EXPORT_APPROVAL_ROWS', 1_000), downloadHours: intSetting(env, 'SHOUTU_EXPORT_DOWNLOAD_HOURS', 24) },
    accountabilityOverdueDays: intSetting(env, 'SHOUTU_ACCOUNTABILITY_OVERDUE_DAYS', 1),
    jobs: jobsSetting(env),
    files: { dir: path.resolve(env.SHOUTU_FILES_DIR ?? path.join(dataDir, 'files')), photoMaxBytes: intSetting(env, 'SHOUTU_PHOTO_MAX_BYTES', DEFAULT_PHOTO_MAX_BYTES) },
    ...overrides,
  };
}
