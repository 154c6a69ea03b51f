import type { Migration } from 'kysely';
import type { Dialect } from '../../db/database.js';
import { enterprisesMigration } from './enterprises/enterprises.migration.js';
import { accidentsMigration } from './accidents/accidents.migration.js';
import { hazardsMigration } from './hazards/hazards.migration.js';
import { responsibilityMigration } from './responsibility/responsibility.migration.js';
import { accountabilityMigration } from './accountability/accountability.migration.js';
import { trainingMigration } from './training/training.migration.js';
import { hazardSettingsMigration } from './hazards/hazard-settings.migration.js';
import { hazardPhotosMigration } from './hazards/hazard-photos.migration.js';
import { hazardListIndexesMigration } from './hazards/hazards.list-indexes.migration.js';
import { hazardCountsMigration } from './hazards/hazard-counts.migration.js';
import { hazardOverdueOrderMigration } from './hazards/hazards.overdue-order.migration.js';
import { hazardInboxMigration } from './hazards/hazard-inbox.migration.js';
import { listOrderIndexesMigration } from './list-order-indexes.migration.js';
import { hazardJobIndexesMigration } from './hazards/hazards.job-indexes.migration.js';
import { campaignsMigration } from './campaigns/campaigns.migration.js';
import { enforcementMigration } from './enforcement/enforcement.migration.js';

/** Migrations of the safety capability, named '<NNNN>-safety-<what>' so they sort after the foundation's. */
export function safetyMigrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0002-safety-enterprises': enterprisesMigration(dialect),
    '0003-safety-hazards': hazardsMigration(dialect),
    '0004-safety-accidents': accidentsMigration(dialect),
    '0009-safety-responsibility': responsibilityMigration(dialect),
    '0010-safety-accountability': accountabilityMigration(dialect),
    '0011-safety-training': trainingMigration(dialect),
    '0005-safety-hazard-photos': hazardPhotosMigration(dialect),
    '0006-safety-settings': hazardSettingsMigration(dialect),
    '0012-safety-hazard-list-indexes': hazardListIndexesMigration(),
    '0013-safety-hazard-counts': hazardCountsMigration(dialect),
    '0014-safety-hazard-overdue-order': hazardOverdueOrderMigration(),
    '0015-safety-hazard-inbox': hazardInboxMigration(dialect),
    '0016-safety-list-order-indexes': listOrderIndexesMigration(),
    '0017-safety-hazard-job-indexes': hazardJobIndexesMigration(),
    '0007-safety-campaigns': campaignsMigration(dialect),
    '0008-safety-enforcement': enforcementMigration(dialect),
  };
}
