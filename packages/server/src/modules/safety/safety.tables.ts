import type { EnterpriseTables } from './enterprises/enterprises.tables.js';
import { ACCIDENT_GROUNDED_TABLES, type AccidentTables } from './accidents/accidents.tables.js';
import { HAZARD_GROUNDED_TABLES, type HazardTables } from './hazards/hazards.tables.js';
import { INSPECTION_GROUNDED_TABLES, type InspectionTables } from './inspections/inspections.tables.js';
import { RISK_GROUNDED_TABLES, type RiskTables } from './risks/risks.tables.js';
import { RESPONSIBILITY_GROUNDED_TABLES, type ResponsibilityTables } from './responsibility/responsibility.tables.js';
import { ACCOUNTABILITY_GROUNDED_TABLES, type AccountabilityTables } from './accountability/accountability.tables.js';
import { TRAINING_GROUNDED_TABLES, type TrainingTables } from './training/training.tables.js';
import { CAMPAIGN_GROUNDED_TABLES, type CampaignTables } from './campaigns/campaigns.tables.js';
import { ENFORCEMENT_GROUNDED_TABLES, type EnforcementTables } from './enforcement/enforcement.tables.js';

/** Tables of the safety capability; each grounded one is listed in SAFETY_GROUNDED_TABLES. */
export interface SafetyTables extends EnterpriseTables, AccidentTables, RiskTables, InspectionTables, HazardTables, ResponsibilityTables, AccountabilityTables, TrainingTables, CampaignTables, EnforcementTables {}

/** Grounded tables of this capability and the column that places each row in the region tree. */
export const SAFETY_GROUNDED_TABLES: Readonly<Record<string, string>> = {
  enterprises: 'region_code',
  ...ACCIDENT_GROUNDED_TABLES,
  ...RISK_GROUNDED_TABLES,
  ...INSPECTION_GROUNDED_TABLES,
  ...HAZARD_GROUNDED_TABLES,
  ...RESPONSIBILITY_GROUNDED_TABLES,
  ...ACCOUNTABILITY_GROUNDED_TABLES,
  ...TRAINING_GROUNDED_TABLES,
  ...CAMPAIGN_GROUNDED_TABLES,
  ...ENFORCEMENT_GROUNDED_TABLES,
};
