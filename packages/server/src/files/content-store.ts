import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

const SHA256 = /^[0-9a-f]{64}$/;

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Uploaded files outside the database, each stored once under its SHA-256
 * (`<root>/<collection>/<first two hex digits>/<sha256>`): the same content uploaded twice, to one
 * hazard or to two, is one file. Rows in the database name the hash; the ground is checked on the
 * row, never on the path, so a file is served only through its row.
 */
export class ContentStore {
  constructor(readonly root: string) {}

  pathOf(collection: string, sha256: string): string {
    if (!SHA256.test(sha256) || !/^[a-z0-9-]+$/.test(collection)) throw new Error('Not a content address');
    return path.join(this.root, collection, sha256.slice(0, 2), sha256);
  }

  /**
   * Writes the bytes unless the same content is already there; answers their hash and whether
   * this call created the file. Written to a temporary name, flushed, then renamed, so a reader
   * never sees half a file and a crash leaves at most a stray temporary file.
   */
  async put(collection: string, bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
    const sha256 = sha256Of(bytes);
    const target = this.pathOf(collection, sha256);
    if (await exists(target)) return { sha256, created: false };
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
    const handle = await fs.open(temporary, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      // The same content arriving twice at once: the second rename replaces identical bytes.
      await fs.rename(temporary, target);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return { sha256, created: true };
  }

  read(collection: string, sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(collection, sha256));
  }

  async remove(collection: string, sha256: string): Promise<void> {
    await fs.rm(this.pathOf(collection, sha256), { force: true });
  }

  /** Every stored file of a collection, as its hash, in hash order (for backups). */
  async list(collection: string): Promise<string[]> {
    const dir = path.join(this.root, collection);
    if (!(await exists(dir))) return [];
    const hashes: string[] = [];
    for (const prefix of (await fs.readdir(dir)).sort()) {
      for (const name of (await fs.readdir(path.join(dir, prefix))).sort()) if (SHA256.test(name)) hashes.push(name);
    }
    return hashes;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
