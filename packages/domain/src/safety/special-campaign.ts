import { isWithinRegion } from '../regions/region-code.js';
import { chinaDateOf } from './major-hazard-listing.js';

/**
 * Special rectification campaigns (专项整治, DESIGN.md "Work safety"): a level of government picks
 * enterprises by industry, by region or by name, inspects them within a period against a checklist,
 * and measures itself against targets. These are the rules the server and the web share.
 */

export interface CampaignScope {
  /** GB/T 4754 codes taken as prefixes (C26 holds C261 and C2611). Empty: any industry. */
  readonly industries: readonly string[];
  /** Region subtrees inside the campaign's region. Empty: the campaign's whole region. */
  readonly regions: readonly string[];
  /** Enterprises named one by one; in scope whatever their industry or region within the campaign's. */
  readonly enterpriseIds: readonly string[];
}

export interface ScopeCandidate {
  readonly id: string;
  readonly industryCode: string;
  readonly regionCode: string;
}

/** Whether industries or regions select enterprises; without either, only the named ones are in scope. */
export function hasScopeCriteria(scope: CampaignScope): boolean {
  return scope.industries.length > 0 || scope.regions.length > 0;
}

/**
 * An enterprise is in scope when it lies in the campaign's region and either it is named, or the
 * campaign selects by industry and region and it meets both (an empty list meaning any). Named
 * enterprises add to the selection: "every chemical enterprise, and these two warehouses".
 */
export function isInCampaignScope(campaignRegion: string, scope: CampaignScope, enterprise: ScopeCandidate): boolean {
  if (!isWithinRegion(enterprise.regionCode, campaignRegion)) return false;
  if (scope.enterpriseIds.includes(enterprise.id)) return true;
  if (!hasScopeCriteria(scope)) return false;
  const inRegions = scope.regions.length === 0 || scope.regions.some((region) => isWithinRegion(enterprise.regionCode, region));
  const inIndustries = scope.industries.length === 0 || scope.industries.some((prefix) => enterprise.industryCode.startsWith(prefix));
  return inRegions && inIndustries;
}

export type CampaignScopeProblem =
  | { readonly field: 'scope'; readonly problem: 'scope_empty' }
  | { readonly field: `scope.regions.${number}`; readonly problem: 'outside_campaign_region' };

/** A scope must select something, and its regions must lie within the campaign's region. */
export function checkCampaignScope(campaignRegion: string, scope: CampaignScope): CampaignScopeProblem[] {
  const problems: CampaignScopeProblem[] = [];
  if (!hasScopeCriteria(scope) && scope.enterpriseIds.length === 0) problems.push({ field: 'scope', problem: 'scope_empty' });
  scope.regions.forEach((region, index) => {
    if (!isWithinRegion(region, campaignRegion)) problems.push({ field: `scope.regions.${index}`, problem: 'outside_campaign_region' });
  });
  return problems;
}

/** A campaign's period in calendar days of China (UTC+8), both ends included, as `YYYY-MM-DD`. */
export interface CampaignPeriod {
  readonly startsOn: string;
  readonly endsOn: string;
}

export type CampaignPhase = 'planned' | 'active' | 'ended';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written `YYYY-MM-DD` (30 February is not one). */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export type CampaignPeriodProblem = { readonly field: 'startsOn' | 'endsOn'; readonly problem: 'invalid_date' | 'ends_before_start' };

export function checkCampaignPeriod(period: CampaignPeriod): CampaignPeriodProblem[] {
  const problems: CampaignPeriodProblem[] = [];
  if (!isCalendarDate(period.startsOn)) problems.push({ field: 'startsOn', problem: 'invalid_date' });
  if (!isCalendarDate(period.endsOn)) problems.push({ field: 'endsOn', problem: 'invalid_date' });
  if (problems.length === 0 && period.endsOn < period.startsOn) problems.push({ field: 'endsOn', problem: 'ends_before_start' });
  return problems;
}

/** Whether an instant falls on a day of the period, in China's calendar. */
export function isWithinCampaignPeriod(period: CampaignPeriod, at: Date): boolean {
  const day = chinaDateOf(at);
  return period.startsOn <= day && day <= period.endsOn;
}

export function campaignPhase(period: CampaignPeriod, now: Date): CampaignPhase {
  const today = chinaDateOf(now);
  if (today < period.startsOn) return 'planned';
  return today > period.endsOn ? 'ended' : 'active';
}

/** Targets in whole percent (0–100); null where the campaign sets none. */
export interface CampaignTargets {
  /** Share of the enterprises in scope inspected by a regulator within the campaign. */
  readonly inspectedPct: number | null;
  /** Share of the hazards found in the campaign that are closed. */
  readonly closedPct: number | null;
}

export interface CampaignFigures {
  readonly inScope: number;
  /** Enterprises in scope with at least one regulator inspection of the campaign. */
  readonly inspected: number;
  readonly hazardsFound: number;
  readonly hazardsClosed: number;
}

export interface CampaignRates {
  /** Percent with one decimal, rounded down so that a target is never shown as reached before it is; null when nothing to measure. */
  readonly inspectedPct: number | null;
  readonly closedPct: number | null;
  /** null when there is no target or nothing to measure. */
  readonly inspectedMet: boolean | null;
  readonly closedMet: boolean | null;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.floor((part * 1000) / whole) / 10;
}

/** Compared in whole numbers, so 1 of 3 against a 33 % target is met and 2 of 3 against 67 % is not. */
function met(part: number, whole: number, target: number | null): boolean | null {
  return target === null || whole === 0 ? null : part * 100 >= target * whole;
}

export function campaignRates(figures: CampaignFigures, targets: CampaignTargets): CampaignRates {
  return {
    inspectedPct: percent(figures.inspected, figures.inScope),
    closedPct: percent(figures.hazardsClosed, figures.hazardsFound),
    inspectedMet: met(figures.inspected, figures.inScope, targets.inspectedPct),
    closedMet: met(figures.hazardsClosed, figures.hazardsFound, targets.closedPct),
  };
}
