import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import { PersonSealing } from '@shoutu/server/modules/epidemic/persons/persons.sealing.js';
import { countRegistrations } from '@shoutu/server/modules/epidemic/dashboard/counters.service.js';
import { PersonsRepository } from '@shoutu/server/modules/epidemic/persons/persons.repository.js';
import { chinaToday } from '@shoutu/server/modules/epidemic/persons/persons.input.js';
import { registrationRows } from '@shoutu/server/modules/epidemic/persons/persons.service.js';
import { HazardCountsRepository } from '@shoutu/server/modules/safety/hazards/hazard-counts.repository.js';
import { EnterprisesRepository } from '@shoutu/server/modules/safety/enterprises/enterprises.repository.js';
import type { EnterpriseTable } from '@shoutu/server/modules/safety/enterprises/enterprises.tables.js';
import type { HazardTable } from '@shoutu/server/modules/safety/hazards/hazards.tables.js';
import type { InspectionTable } from '@shoutu/server/modules/safety/inspections/inspections.tables.js';
import { communities, creditCode, rng, weightedPicker } from '../data.js';
import { generateRows } from '../generate.js';
import { progress } from '../progress.js';
import type { Figure } from '../report.js';
import { percentile, round, timeRepeated } from '../stats.js';
import { generatePersons } from './import.js';
import { getJson, type ScenarioContext } from './context.js';
import { seedTravelChecks } from './travel-log.js';

/** Towns of the chemical parks (徐圩 / 石化基地, 堆沟港 / 灌南化工园区, 燕尾港 / 灌云临港产业区). */
const CHEMICAL_TOWNS = ['320703007', '320724101', '320723103'];
const DAY = 86_400_000;

/**
 * Where the scheduled jobs would have left an open hazard: past its deadline, escalated to the
 * county a day later and to the city a week after that; awaiting acceptance, due within a few
 * days of submission and flagged once that has passed.
 */
function loopState(status: string, deadline: string | null, now: number, random: () => number): Pick<HazardTable, 'escalation_level' | 'escalated_at' | 'acceptance_due_at' | 'acceptance_overdue_at'> {
  const state: ReturnType<typeof loopState> = { escalation_level: null, escalated_at: null, acceptance_due_at: null, acceptance_overdue_at: null };
  if (status === 'closed' || deadline === null) return state;
  const late = now - Date.parse(deadline);
  if (late > 8 * DAY) Object.assign(state, { escalation_level: 'city', escalated_at: new Date(Date.parse(deadline) + 8 * DAY).toISOString() });
  else if (late > DAY) Object.assign(state, { escalation_level: 'county', escalated_at: new Date(Date.parse(deadline) + DAY).toISOString() });
  if (status === 'awaiting_acceptance') {
    const due = now + Math.floor((random() * 20 - 15) * DAY);
    Object.assign(state, { acceptance_due_at: new Date(due).toISOString(), acceptance_overdue_at: due < now ? new Date(due + DAY).toISOString() : null });
  }
  return state;
}

/** Scale × 50,000 inspections over the last year, 70 % by regulators, each enterprise's in its community. */
async function seedInspections(ctx: ScenarioContext, enterprises: Insertable<EnterpriseTable>[], random: () => number): Promise<void> {
  const now = Date.now();
  await generateRows(ctx.env.db.kysely, 'generate: inspections', 'inspections', Math.round(ctx.args.scale * 50_000), (): Insertable<InspectionTable> => {
    const e = enterprises[Math.floor(random() * enterprises.length)]!;
    const at = new Date(now - Math.floor(random() * 365 * DAY)).toISOString();
    const failed = Math.floor(random() * 3);
    return {
      id: randomUUID(), region_code: e.region_code!, enterprise_id: e.id!, template_code: 'general', kind: random() < 0.7 ? 'regulator' : 'self', inspected_at: at,
      inspector_id: null, inspector_name: '基准检查员', unit_id: null, note: null, item_count: 12, failed_count: failed, campaign_id: null, created_at: at,
    };
  });
}

async function seedSafety(ctx: ScenarioContext): Promise<void> {
  const { db } = ctx.env;
  const random = rng(11);
  const all = await communities(db, '3207');
  const chemical = all.filter((c) => CHEMICAL_TOWNS.some((t) => c.startsWith(t)));
  const pickAny = weightedPicker(all, random, 0.7);
  const pickChemical = weightedPicker(chemical.length > 0 ? chemical : all, random, 0.5);
  const enterpriseCount = Math.max(50, Math.round(ctx.args.scale * 5_000));
  const hazardCount = Math.round(ctx.args.scale * 100_000);
  const at = new Date().toISOString();

  progress.start('generate: enterprises', enterpriseCount);
  const enterprises: Insertable<EnterpriseTable>[] = [];
  for (let i = 0; i < enterpriseCount; i += 1) {
    const isChemical = random() < 0.3;
    const region = isChemical ? pickChemical() : pickAny();
    enterprises.push({
      id: randomUUID(), credit_code: creditCode(500_000 + i, region.slice(0, 6)), name: `基准企业${i}有限公司`,
      industry_code: isChemical ? 'C26' : 'C34', industry_name: isChemical ? '化学原料和化学制品制造业' : '通用设备制造业',
      region_code: region, park: isChemical ? '化工园区' : null, scale: 'small', hazardous_chemicals: isChemical ? 1 : 0, major_hazard_source: isChemical && random() < 0.2 ? 1 : 0,
      principal_name: null, principal_phone: null, safety_officer_name: null, safety_officer_phone: null, last_inspected_at: null, created_at: at, updated_at: at, version: 1,
    });
  }
  const repo = new EnterprisesRepository(db.kysely);
  for (let i = 0; i < enterprises.length; i += 3000) {
    await repo.insertNew(enterprises.slice(i, i + 3000));
    progress.increment(Math.min(3000, enterprises.length - i));
  }
  progress.stop();

  // Hazards skew toward the chemical parks: a chemical enterprise is found with 6 times as many.
  const pickEnterprise = (() => {
    const weights = enterprises.map((e) => (e.hazardous_chemicals ? 6 : 1));
    const cumulative: number[] = [];
    let sum = 0;
    for (const w of weights) cumulative.push((sum += w));
    return () => {
      const x = random() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < x) lo = mid + 1;
        else hi = mid;
      }
      return enterprises[lo]!;
    };
  })();
  const now = Date.now();
  await generateRows(db.kysely, 'generate: hazards', 'hazards', hazardCount, (j): Insertable<HazardTable> => {
    const e = pickEnterprise();
    const x = random();
    const status = x < 0.55 ? 'closed' : x < 0.75 ? 'found' : x < 0.92 ? 'rectifying' : 'awaiting_acceptance';
    const found = new Date(now - Math.floor(random() * 365) * DAY).toISOString();
    const deadline = status === 'found' ? null : new Date(Date.parse(found) + 30 * DAY).toISOString();
    return {
      id: randomUUID(), region_code: e.region_code, enterprise_id: e.id, inspection_id: null, inspection_item_number: null,
      grade: random() < 0.06 ? 'major' : 'general', source: random() < 0.6 ? 'regulator_inspection' : 'self_inspection',
      description: `基准隐患${j}：安全防护设施缺失`, place: null, photos: '[]', status,
      responsible_unit: null, responsible_person: null, deadline, original_deadline: deadline,
      pending_extension: status === 'rectifying' && random() < 0.03 ? JSON.stringify({ requestedDeadline: new Date(Date.parse(deadline!) + 15 * DAY).toISOString(), reason: '基准延期申请', requestedAt: found }) : null,
      governance_plan: null, rectification: null, acceptance: null,
      listed_by_unit_id: null, listed_by_unit_name: null, listed_at: null, listing_publication_due_at: null, delisting_publication_due_at: null,
      ...loopState(status, deadline, now, random), found_at: found, found_by: null, closed_at: status === 'closed' ? deadline : null,
      created_at: found, updated_at: found, version: 1,
    };
  });
  await seedInspections(ctx, enterprises, random);
  // The rows went in around the repository, so the overview's counters are rebuilt from them.
  await new HazardCountsRepository(db.kysely).rebuild(new Date().toISOString());
  ctx.state.hazards += hazardCount;
}

/** Persons for the lists and the epidemic dashboard when the import scenario did not run: the rows a registration writes, with its dashboard counters. */
export async function seedPersons(ctx: ScenarioContext): Promise<void> {
  const target = Math.round(ctx.args.scale * 100_000);
  if (ctx.state.persons >= target) return;
  const grids = await communities(ctx.env.db, '320706');
  const rows = generatePersons(target - ctx.state.persons, grids, ctx.state.persons);
  const sealing = new PersonSealing(ctx.env.crypto);
  const at = new Date().toISOString();
  progress.start('generate: persons', rows.length);
  for (let i = 0; i < rows.length; i += 2000) {
    const regs = rows.slice(i, i + 2000).map((r) =>
      registrationRows(sealing, { name: r.name, idNumber: r.idNumber, phone: r.phone, gridCode: r.gridCode, category: r.category, address: r.address, gridWorkerId: null, sex: Number(r.idNumber[16]) % 2 === 1 ? 'male' : 'female', birthYear: Number(r.idNumber.slice(6, 10)), onsetDate: null, lastExposureDate: r.lastExposureDate || null, sampleDate: r.sampleDate || null, reportDate: r.reportDate, arrivalDate: null }, null, at),
    );
    await ctx.env.db.kysely.transaction().execute(async (trx) => {
      const repo = new PersonsRepository(trx);
      await repo.insertNew(regs.map((g) => g.person));
      await repo.insertHistory(regs.map((g) => g.history));
      await repo.insertPlans(regs.flatMap((g) => (g.plan ? [g.plan] : [])));
      await countRegistrations(trx, regs.map((g) => g.facts));
    });
    progress.increment(regs.length);
  }
  progress.stop();
  ctx.state.persons = target;
}

/** The p95 (the figure's value) and p50 of `times` (30) sequential requests after a checked first one and 3 warm-ups. */
export async function latency(ctx: ScenarioContext, user: string, path: string, times = 30, warmup = 3): Promise<{ p50: number; p95: number }> {
  const first = await getJson(ctx, user, path);
  if (first.status !== 200) throw new Error(`${path}: ${first.status} ${JSON.stringify(first.body).slice(0, 300)}`);
  const samples = await timeRepeated(() => getJson(ctx, user, path), times, warmup);
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

export async function p95(ctx: ScenarioContext, user: string, path: string): Promise<number> {
  return (await latency(ctx, user, path)).p95;
}

/** The cursor of the page reached by following nextCursor `depth` times (or the last page there is). */
async function deepCursor(ctx: ScenarioContext, user: string, path: string, depth: number): Promise<{ cursor: string | null; pages: number }> {
  let cursor: string | null = null;
  let pages = 0;
  for (let i = 0; i < depth; i += 1) {
    const page = await getJson(ctx, user, cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
    if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
    if (!page.body.nextCursor) break;
    cursor = page.body.nextCursor;
    pages += 1;
  }
  return { cursor, pages };
}

const scaleGoal = (ctx: ScenarioContext) => `scale 10 ≤ 1.5 × scale 1 (compare ${ctx.args.db} runs)`;

/**
 * In production the planner statistics are refreshed at start-up and by a scheduled job (SQLite
 * `pragma optimize`, PostgreSQL analyze); after a bulk load here the server is restarted, so it
 * starts as a server does after an upgrade: statistics refreshed, caches and heap empty.
 */
export async function analyze(ctx: ScenarioContext): Promise<void> {
  await ctx.env.server.start();
}

export async function dashboardsScenario(ctx: ScenarioContext): Promise<Figure[]> {
  if (ctx.state.hazards === 0) await seedSafety(ctx);
  await analyze(ctx);
  progress.start('dashboards: timing', 4);
  const overview = await latency(ctx, 'leader', '/api/v1/safety/hazard-overview');
  progress.increment();
  const district = await latency(ctx, 'leader', '/api/v1/safety/hazard-overview?regionCode=320703');
  progress.increment();
  // 我的待办, the regulators' first page, for the city and for a district.
  const inbox = await latency(ctx, 'yingji', '/api/v1/hazards/inbox');
  progress.increment();
  const districtInbox = await latency(ctx, 'haizhou', '/api/v1/hazards/inbox');
  progress.stop();
  const figures: Figure[] = [
    { scenario: 'dashboards', figure: `GET /safety/hazard-overview (city), ${ctx.state.hazards} hazards, p95 (p50) of 30`, value: overview.p95, p50: overview.p50, unit: 'ms', goal: `${scaleGoal(ctx)}; ≤ 50 ms at scale 10 on SQLite` },
    { scenario: 'dashboards', figure: 'GET /safety/hazard-overview?regionCode=320703 (district with a chemical park), p95 (p50) of 30', value: district.p95, p50: district.p50, unit: 'ms', goal: scaleGoal(ctx) },
    { scenario: 'dashboards', figure: 'GET /hazards/inbox (我的待办) as yingji (市应急管理局, whole city), p95 (p50) of 30', value: inbox.p95, p50: inbox.p50, unit: 'ms', goal: scaleGoal(ctx) },
    { scenario: 'dashboards', figure: 'GET /hazards/inbox (我的待办) as haizhou (海州区, a district), p95 (p50) of 30', value: districtInbox.p95, p50: districtInbox.p50, unit: 'ms', goal: scaleGoal(ctx) },
  ];
  if (ctx.args.scale >= 10 && ctx.args.db === 'sqlite') figures[0]!.met = overview.p95 <= 50;
  return figures;
}

export async function listsScenario(ctx: ScenarioContext): Promise<Figure[]> {
  if (ctx.state.hazards === 0) await seedSafety(ctx);
  await seedPersons(ctx);
  await seedTravelChecks(ctx);
  await analyze(ctx);
  const threeDaysAgo = chinaToday(new Date(Date.now() - 3 * DAY));
  const lists = [
    '/api/v1/hazards?status=found&limit=50',
    '/api/v1/hazards?grade=major&limit=50',
    '/api/v1/hazards?overdue=true&limit=50',
    '/api/v1/inspections?limit=50',
    '/api/v1/inspections?kind=self&limit=50',
    '/api/v1/persons?category=close_contact&limit=50',
    '/api/v1/persons?category=confirmed&limit=50',
    '/api/v1/travel-checks?limit=50',
    '/api/v1/travel-checks?decision=deny&limit=50',
    `/api/v1/travel-checks?day=${threeDaysAgo}&limit=50`,
  ];
  const figures: Figure[] = [];
  progress.start('lists: timing', lists.length * 2);
  for (const path of lists) {
    const first = await latency(ctx, 'leader', path);
    progress.increment();
    const { cursor, pages } = await deepCursor(ctx, 'leader', path, 20);
    const deep = cursor ? await latency(ctx, 'leader', `${path}&cursor=${encodeURIComponent(cursor)}`) : first;
    progress.increment();
    const short = path.replace('/api/v1', '');
    figures.push({ scenario: 'lists', figure: `GET ${short}, first page, p95 (p50) of 30`, value: first.p95, p50: first.p50, unit: 'ms', goal: scaleGoal(ctx) });
    figures.push({ scenario: 'lists', figure: `GET ${short}, page ${pages + 1} (after ${pages} cursors), p95 (p50) of 30`, value: deep.p95, p50: deep.p50, unit: 'ms', baseline: { label: 'first page', value: first.p95 }, ratio: round(deep.p95 / first.p95, 2), goal: scaleGoal(ctx) });
  }
  progress.stop();
  return figures;
}
