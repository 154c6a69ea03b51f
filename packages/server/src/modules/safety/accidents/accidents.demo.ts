import { randomUUID } from 'node:crypto';
import { gradeAccident, reportingChain, type AccidentContext, type AccidentTypeCode } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { AccidentTargetsRepository } from './accident-targets.repository.js';
import { chinaDay, dayStart } from './accidents.period.js';
import { AccidentsRepository } from './accidents.repository.js';
import type { AccidentTable } from './accidents.tables.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * Demo accidents (演示) over last year and this year up to today, in real communities of the
 * city's county-level units, so that the double-decrease page has a year-on-year comparison with
 * every status among the districts: the city as a whole both down, 海州区 and 灌南县 not down.
 * Dates are relative to the seeding day; accidents later in the year than today are left out.
 */
interface DemoAccident {
  /** 0: this year, -1: last year. */
  year: 0 | -1;
  date: string;
  hour: number;
  region: string;
  type: AccidentTypeCode;
  context?: AccidentContext;
  deaths: number;
  injuries: number;
  lossYuan: number;
  industry?: string;
  enterprise?: string;
  summary: string;
  /** A supplementary report some days later. */
  revision?: { afterDays: number; deaths: number; injuries: number; lossYuan: number; reason: string };
  /** The county's report came 95 minutes after the unit learned of it (late). */
  lateCounty?: boolean;
  /** Only the county has received the report so far. */
  onlyCounty?: boolean;
  /** Logged in the platform this many days after it happened (a late report). */
  loggedAfterDays?: number;
}

const DEMO_ACCIDENTS: DemoAccident[] = [
  { year: -1, date: '01-09', hour: 10, region: '320706104001', type: 'fall_from_height', deaths: 1, injuries: 0, lossYuan: 1_200_000, industry: 'E47', enterprise: '浦南演示建设工程有限公司', summary: '脚手架作业人员未系安全带坠落' },
  { year: -1, date: '02-17', hour: 14, region: '320703007001', type: 'poisoning_or_asphyxiation', deaths: 2, injuries: 1, lossYuan: 3_500_000, industry: 'C26', enterprise: '徐圩演示新材料有限公司', summary: '储罐清理作业未检测气体，受限空间中毒窒息' },
  { year: -1, date: '03-05', hour: 9, region: '320707101200', type: 'lifting_injury', deaths: 1, injuries: 0, lossYuan: 900_000, industry: 'C31', enterprise: '赣榆演示特钢有限公司', summary: '行车吊运钢卷时吊具脱落' },
  { year: -1, date: '03-28', hour: 16, region: '320724101001', type: 'fire', context: 'fire', deaths: 0, injuries: 2, lossYuan: 2_600_000, industry: 'C26', enterprise: '灌南演示化学有限公司', summary: '原料仓库火灾' },
  { year: -1, date: '04-14', hour: 11, region: '320706010001', type: 'vehicle_injury', context: 'road_traffic', deaths: 1, injuries: 0, lossYuan: 350_000, industry: 'G54', summary: '客运车辆与行人相撞' },
  { year: -1, date: '05-06', hour: 15, region: '320723103001', type: 'other_explosion', deaths: 3, injuries: 6, lossYuan: 18_000_000, industry: 'C26', enterprise: '灌云演示化工有限公司', summary: '反应釜超温超压爆炸' },
  { year: -1, date: '05-22', hour: 8, region: '320722001001', type: 'machinery_injury', deaths: 1, injuries: 0, lossYuan: 400_000, industry: 'C30', enterprise: '东海演示石英制品有限公司', summary: '破碎机检修未停机上锁' },
  { year: -1, date: '06-10', hour: 13, region: '320771002001', type: 'electric_shock', deaths: 1, injuries: 0, lossYuan: 300_000, summary: '临时用电线路漏电' },
  { year: -1, date: '07-03', hour: 10, region: '320703001001', type: 'drowning', deaths: 1, injuries: 0, lossYuan: 150_000, industry: 'G55', enterprise: '连云港演示海运有限公司', summary: '船员靠泊作业落水' },
  { year: -1, date: '07-19', hour: 15, region: '320706100001', type: 'collapse', deaths: 1, injuries: 1, lossYuan: 800_000, industry: 'B10', enterprise: '锦屏演示矿业有限公司', summary: '采场边坡坍塌' },
  { year: -1, date: '08-08', hour: 9, region: '320724100001', type: 'vehicle_injury', context: 'road_traffic', deaths: 1, injuries: 2, lossYuan: 600_000, industry: 'G54', enterprise: '灌南演示危险货物运输有限公司', summary: '危险货物运输车辆追尾' },
  { year: -1, date: '08-27', hour: 14, region: '320707100002', type: 'object_strike', deaths: 0, injuries: 1, lossYuan: 200_000, industry: 'E47', summary: '高处坠物砸伤' },
  { year: -1, date: '09-15', hour: 10, region: '320706404002', type: 'machinery_injury', deaths: 1, injuries: 0, lossYuan: 500_000, industry: 'C34', enterprise: '海州演示机械制造有限公司', summary: '冲床防护装置失效' },
  { year: -1, date: '10-09', hour: 16, region: '320723100001', type: 'burn_or_scald', deaths: 0, injuries: 2, lossYuan: 450_000, industry: 'C17', enterprise: '伊山演示纺织有限公司', summary: '定型机导热油泄漏烫伤' },
  { year: -1, date: '11-02', hour: 11, region: '320703005001', type: 'burn_or_scald', deaths: 1, injuries: 0, lossYuan: 700_000, industry: 'C31', enterprise: '板桥演示钢铁有限公司', summary: '钢水喷溅' },
  { year: -1, date: '11-24', hour: 9, region: '320722001001', type: 'fall_from_height', deaths: 1, injuries: 0, lossYuan: 600_000, industry: 'E47', summary: '屋面作业踏穿采光板坠落' },
  { year: -1, date: '12-12', hour: 14, region: '320706001001', type: 'poisoning_or_asphyxiation', deaths: 2, injuries: 0, lossYuan: 900_000, industry: 'D45', enterprise: '海州演示燃气有限公司', summary: '管道检修燃气中毒' },

  { year: 0, date: '01-13', hour: 10, region: '320706104001', type: 'fall_from_height', deaths: 1, injuries: 0, lossYuan: 800_000, industry: 'E47', enterprise: '浦南演示建设工程有限公司', summary: '外墙保温施工吊篮坠落', lateCounty: true },
  { year: 0, date: '02-26', hour: 15, region: '320703007001', type: 'fire', context: 'fire', deaths: 0, injuries: 3, lossYuan: 5_200_000, industry: 'C26', enterprise: '徐圩演示烯烃有限公司', summary: '装置区法兰泄漏着火' },
  { year: 0, date: '03-18', hour: 9, region: '320724101001', type: 'poisoning_or_asphyxiation', deaths: 3, injuries: 2, lossYuan: 9_000_000, industry: 'C26', enterprise: '堆沟港演示精细化工有限公司', summary: '污水池清淤硫化氢中毒' },
  { year: 0, date: '04-09', hour: 14, region: '320707101200', type: 'lifting_injury', deaths: 1, injuries: 0, lossYuan: 1_100_000, industry: 'C31', enterprise: '赣榆演示特钢有限公司', summary: '起重机钢丝绳断裂' },
  { year: 0, date: '05-12', hour: 11, region: '320706010001', type: 'vehicle_injury', context: 'road_traffic', deaths: 1, injuries: 1, lossYuan: 300_000, industry: 'G54', summary: '渣土车右转碾压电动车' },
  { year: 0, date: '06-03', hour: 16, region: '320722001001', type: 'machinery_injury', deaths: 0, injuries: 1, lossYuan: 250_000, industry: 'C30', enterprise: '东海演示石英制品有限公司', summary: '皮带输送机卷入手臂' },
  { year: 0, date: '06-25', hour: 10, region: '320706404002', type: 'electric_shock', deaths: 1, injuries: 0, lossYuan: 420_000, industry: 'C38', enterprise: '海州演示电气设备有限公司', summary: '配电柜带电作业触电' },
  {
    year: 0, date: '07-21', hour: 9, region: '320723103001', type: 'vessel_explosion', deaths: 2, injuries: 8, lossYuan: 6_500_000, industry: 'C26', enterprise: '燕尾港演示染料有限公司', summary: '压力容器物理爆炸',
    revision: { afterDays: 5, deaths: 3, injuries: 9, lossYuan: 7_800_000, reason: '一名重伤人员经抢救无效死亡，一名轻伤人员转为重伤' },
  },
  { year: 0, date: '08-30', hour: 15, region: '320703001001', type: 'drowning', deaths: 1, injuries: 0, lossYuan: 120_000, industry: 'G55', enterprise: '连云港演示海运有限公司', summary: '码头系缆作业落水' },
  { year: 0, date: '09-17', hour: 10, region: '320771002001', type: 'object_strike', deaths: 0, injuries: 1, lossYuan: 180_000, summary: '货架倒塌砸伤', loggedAfterDays: 20 },
  { year: 0, date: '10-15', hour: 13, region: '320724100001', type: 'vehicle_injury', context: 'road_traffic', deaths: 1, injuries: 0, lossYuan: 260_000, industry: 'G54', enterprise: '灌南演示危险货物运输有限公司', summary: '槽罐车倒车碾压' },
  { year: 0, date: '11-10', hour: 9, region: '320706100001', type: 'collapse', deaths: 0, injuries: 2, lossYuan: 650_000, industry: 'B10', enterprise: '锦屏演示矿业有限公司', summary: '排土场局部坍塌' },
  { year: 0, date: '11-25', hour: 14, region: '320706001001', type: 'machinery_injury', deaths: 1, injuries: 0, lossYuan: 380_000, industry: 'D45', enterprise: '海州演示燃气有限公司', summary: '压缩机检修时误启动', lateCounty: true, onlyCounty: true },
];

/** Targets (控制指标) of this year: accidents and deaths. */
const DEMO_TARGETS: { region: string; accidents: number; deaths: number }[] = [
  { region: '320700', accidents: 18, deaths: 15 },
  { region: '320703', accidents: 3, deaths: 3 },
  { region: '320706', accidents: 4, deaths: 4 },
  { region: '320707', accidents: 2, deaths: 2 },
  { region: '320722', accidents: 2, deaths: 2 },
  { region: '320723', accidents: 2, deaths: 3 },
  { region: '320724', accidents: 2, deaths: 2 },
  { region: '320771', accidents: 1, deaths: 1 },
];

const iso = (ms: number) => new Date(ms).toISOString();

/** Seeds the demo accidents and this year's targets; returns how many accidents were written. */
export async function seedDemoAccidents(db: Kysely<Database>, now: Date): Promise<number> {
  const repo = new AccidentsRepository(db);
  const thisYear = Number(chinaDay(now).slice(0, 4));
  const nowMs = now.getTime();
  let written = 0;
  for (const demo of DEMO_ACCIDENTS) {
    const occurredMs = dayStart(`${thisYear + demo.year}-${demo.date}`).getTime() + demo.hour * HOUR_MS;
    const learnedMs = occurredMs + 10 * MINUTE_MS;
    const createdMs = demo.loggedAfterDays ? occurredMs + demo.loggedAfterDays * DAY_MS : learnedMs + 30 * MINUTE_MS;
    if (createdMs > nowMs) continue;
    const first = { deaths: demo.deaths, seriousInjuries: demo.injuries, directLossYuan: demo.lossYuan };
    const revised = demo.revision && occurredMs + demo.revision.afterDays * DAY_MS <= nowMs ? demo.revision : undefined;
    const current = revised ? { deaths: revised.deaths, seriousInjuries: revised.injuries, directLossYuan: revised.lossYuan } : first;
    const grade = gradeAccident(current);
    const investigationMs = occurredMs + 50 * DAY_MS;
    const replyMs = investigationMs + 10 * DAY_MS;
    const row: AccidentTable = {
      id: randomUUID(),
      region_code: demo.region,
      occurred_at: iso(occurredMs),
      occurred_on: chinaDay(new Date(occurredMs)),
      learned_at: iso(learnedMs),
      type: demo.type,
      context: demo.context ?? 'other',
      enterprise_id: null,
      enterprise_name: demo.enterprise ?? null,
      industry_code: demo.industry ?? null,
      summary: `（演示）${demo.summary}`,
      reporter: '演示·企业安全负责人',
      deaths: current.deaths,
      serious_injuries: current.seriousInjuries,
      missing: 0,
      direct_loss_yuan: current.directLossYuan,
      grade,
      revision_count: revised ? 2 : 1,
      investigation_extension_days: 0,
      investigation_submitted_at: investigationMs <= nowMs ? iso(investigationMs) : null,
      replied_at: replyMs <= nowMs ? iso(replyMs) : null,
      is_demo: 1,
      created_by: 'demo',
      created_at: iso(createdMs),
      updated_at: iso(revised ? occurredMs + revised.afterDays * DAY_MS : createdMs),
      version: revised ? 2 : 1,
    };
    await repo.insert(row);
    const firstGrade = gradeAccident(first);
    await repo.insertRevision({ id: randomUUID(), accident_id: row.id, region_code: row.region_code, seq: 1, deaths: first.deaths, serious_injuries: first.seriousInjuries, missing: 0, direct_loss_yuan: first.directLossYuan, grade: firstGrade, reason: null, recorded_by: 'demo', recorded_at: row.created_at });
    if (revised) {
      await repo.insertRevision({ id: randomUUID(), accident_id: row.id, region_code: row.region_code, seq: 2, deaths: revised.deaths, serious_injuries: revised.injuries, missing: 0, direct_loss_yuan: revised.lossYuan, grade, reason: `（演示）${revised.reason}`, recorded_by: 'demo', recorded_at: row.updated_at });
    }
    // Each level passes the report on within the hour (art. 11 allows two), the county's as configured.
    let reportedMs = learnedMs + (demo.lateCounty ? 95 : 40) * MINUTE_MS;
    for (const level of reportingChain(grade)) {
      if (reportedMs > nowMs || (demo.onlyCounty && level !== 'county')) break;
      await repo.insertLevelReport({ id: randomUUID(), accident_id: row.id, region_code: row.region_code, level, reported_at: iso(reportedMs), recorded_by: 'demo', recorded_at: iso(Math.max(reportedMs, createdMs)) });
      reportedMs += 60 * MINUTE_MS;
    }
    written += 1;
  }
  const targets = new AccidentTargetsRepository(db);
  const at = now.toISOString();
  for (const target of DEMO_TARGETS) {
    await targets.insertNew({ id: randomUUID(), region_code: target.region, year: thisYear, industry_code: '', max_accidents: target.accidents, max_deaths: target.deaths, updated_by: 'demo', created_at: at, updated_at: at, version: 1 });
  }
  return written;
}
