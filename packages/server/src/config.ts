import path from 'node:path';

/**
 * Every setting comes from the environment (docs/operations.md lists them). Demo mode relaxes
 * nothing that protects data; it only creates labelled demo accounts and shows them on the
 * login page, and listens on the loopback address unless told otherwise.
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
  lockout: { maxFailures: number; minutes: number };
  bodyLimitBytes: number;
  logLevel: string;
  webDist: string | null;
  /** Base64 master key for personal-data encryption, or null to use `masterKeyFile`. */
  masterKey: string | null;
  masterKeyFile: string;
}

type Env = Record<string, string | undefined>;

function intSetting(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
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
      idleMinutes: intSetting(env, 'SHOUTU_SESSION_IDLE_MINUTES', 30),
      absoluteHours: intSetting(env, 'SHOUTU_SESSION_MAX_HOURS', 12),
      secureCookie: env.SHOUTU_SECURE_COOKIE === '1' || profile === 'mlps3',
    },
    lockout: {
      maxFailures: intSetting(env, 'SHOUTU_LOCKOUT_FAILURES', 5),
      minutes: intSetting(env, 'SHOUTU_LOCKOUT_MINUTES', 15),
    },
    bodyLimitBytes: intSetting(env, 'SHOUTU_BODY_LIMIT_BYTES', 256 * 1024),
    logLevel: env.SHOUTU_LOG_LEVEL ?? 'info',
    webDist: env.SHOUTU_WEB_DIST ?? null,
    masterKey: env.SHOUTU_MASTER_KEY ?? null,
    masterKeyFile: path.resolve(env.SHOUTU_MASTER_KEY_FILE ?? path.join(dataDir, 'shoutu.key')),
    ...overrides,
  };
}
