import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { fieldError, type FieldError } from '../../../http/errors.js';
import { TrainingDirectoryRepository, type AccountRow } from './training-directory.repository.js';
import type { AttendanceGroupKind, SessionTargets } from './training.tables.js';

/** One account a session requires, where its row is grounded and whom it counts for. */
export interface RosterMember {
  userId: string;
  regionCode: string;
  groupKind: AttendanceGroupKind;
  groupId: string;
}

/** An attendee counts for their department, else their enterprise, else the region of their account. */
function groupOf(account: AccountRow): { groupKind: AttendanceGroupKind; groupId: string } {
  if (account.department_id !== null) return { groupKind: 'unit', groupId: account.department_id };
  if (account.enterprise_id !== null) return { groupKind: 'enterprise', groupId: account.enterprise_id };
  return { groupKind: 'region', groupId: account.home_region_code };
}

/**
 * The roster (应参训名单) a set of targets makes: the named accounts and every enabled account of
 * the named units, each once. `db` is the organiser's scoped handle, so units and accounts outside
 * their ground are "not found" and refused.
 */
export async function rosterOf(db: Kysely<Database>, raw: SessionTargets): Promise<{ targets: SessionTargets; members: RosterMember[]; errors: FieldError[] }> {
  const targets = { unitIds: [...new Set(raw.unitIds)], userIds: [...new Set(raw.userIds)] };
  const directory = new TrainingDirectoryRepository(db);
  const errors: FieldError[] = [];
  const units = await directory.units(targets.unitIds);
  if (units.length !== targets.unitIds.length) errors.push(fieldError('targets.unitIds', 'invalid'));
  const accounts = await directory.accounts(targets.userIds, targets.unitIds);
  const found = new Set(accounts.map((account) => account.id));
  if (targets.userIds.some((id) => !found.has(id))) errors.push(fieldError('targets.userIds', 'invalid'));
  if (errors.length === 0 && accounts.length === 0) errors.push(fieldError('targets', 'no_attendees'));
  const members = accounts.map((account) => ({ userId: account.id, regionCode: account.home_region_code, ...groupOf(account) }));
  return { targets, members, errors };
}
