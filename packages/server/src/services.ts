import type { Config } from './config.js';
import type { Clock } from './clock.js';
import type { Db } from './db/database.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthService } from './modules/auth/auth.service.js';
import { CheckpointTokenAuth } from './modules/epidemic/checkpoints/checkpoint-tokens.service.js';
import { ExportsService } from './modules/exports/exports.service.js';
import { FieldCrypto } from './privacy/field-crypto.js';

/** The long-lived services shared by all requests; per-request state lives in RequestContext. */
export interface Services {
  db: Db;
  clock: Clock;
  audit: AuditService;
  auth: AuthService;
  crypto: FieldCrypto;
  /** Every export of a list goes through it (SECURITY.md row 18); modules register their lists. */
  exports: ExportsService;
  /** Gate devices' API tokens (Authorization: Bearer), for the routes that take them. */
  deviceTokens: CheckpointTokenAuth;
}

export function createServices(db: Db, config: Config, clock: Clock, masterKey: Buffer): Services {
  const audit = new AuditService(db.dialect);
  const crypto = new FieldCrypto(masterKey);
  return { db, clock, audit, auth: new AuthService(db.kysely, audit, config, crypto), crypto, exports: new ExportsService(db.kysely, audit, config.exports), deviceTokens: new CheckpointTokenAuth(db.kysely) };
}
