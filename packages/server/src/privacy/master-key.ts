import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * The master key comes from SHOUTU_MASTER_KEY (base64, 32 bytes) or from a key file outside the
 * database. Only demo mode creates the file by itself; a production install must be given a key,
 * because a lost key means the personal data it protects is lost too.
 */
export function loadMasterKey(options: { envKey: string | undefined; keyFile: string; createIfMissing: boolean }): Buffer {
  if (options.envKey) {
    const key = Buffer.from(options.envKey, 'base64');
    if (key.length !== 32) throw new Error('SHOUTU_MASTER_KEY must be 32 bytes, base64-encoded');
    return key;
  }
  if (fs.existsSync(options.keyFile)) {
    const key = Buffer.from(fs.readFileSync(options.keyFile, 'utf8').trim(), 'base64');
    if (key.length !== 32) throw new Error(`${options.keyFile} must hold 32 bytes, base64-encoded`);
    return key;
  }
  if (!options.createIfMissing) {
    throw new Error(`No master key: set SHOUTU_MASTER_KEY or create ${options.keyFile} (e.g. \`openssl rand -base64 32\`)`);
  }
  fs.mkdirSync(path.dirname(options.keyFile), { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(options.keyFile, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}
