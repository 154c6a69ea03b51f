import { PersonSealing } from '@shoutu/server/modules/epidemic/persons/persons.sealing.js';
import { PersonsRepository } from '@shoutu/server/modules/epidemic/persons/persons.repository.js';
import { registrationRows } from '@shoutu/server/modules/epidemic/persons/persons.service.js';
import { TracingRepository } from '@shoutu/server/modules/epidemic/tracing/tracing.repository.js';
import type { ExposureSetting } from '@shoutu/server/modules/epidemic/tracing/tracing.tables.js';
import { communities, idNumber, phone } from '../data.js';
import { progress } from '../progress.js';
import type { Figure } from '../report.js';
import { percentile, round, timeRepeated } from '../stats.js';
import { getJson, type ScenarioContext } from './context.js';
import { analyze } from './dashboards.js';

/** ID numbers far above those of the import (n < scale × 100,000). */
const BASE = 9_000_000;

export async function chainScenario(ctx: ScenarioContext): Promise<Figure[]> {
  const grid = (await communities(ctx.env.db, '320706'))[0]!;
  const sealing = new PersonSealing(ctx.env.crypto);
  const at = new Date().toISOString();
  progress.start('chain: 1,000-person cluster', 1001);
  const rows = Array.from({ length: 1001 }, (_, i) => {
    progress.increment();
    const n = BASE + i;
    return registrationRows(sealing, { name: `链${i}`, idNumber: idNumber(n), phone: phone(n), gridCode: grid, category: i === 0 || i === 1000 ? 'confirmed' : 'close_contact', address: null, gridWorkerId: null, sex: 'male', birthYear: 1980, onsetDate: null, lastExposureDate: '2022-10-20', sampleDate: i === 0 || i === 1000 ? '2022-10-19' : null, reportDate: '2022-10-20', arrivalDate: null }, null, at);
  });
  progress.stop();
  await new PersonsRepository(ctx.env.db.kysely).insertNew(rows.map((r) => r.person));
  const ids = rows.map((r) => r.person.id);
  const cluster = ids.slice(0, 1000);
  const loner = ids[1000]!;
  // A branching tree: person i was exposed by person ⌊(i − 1) / 3⌋, plus cross links.
  const exposures = cluster.slice(1).map((id, i) => ({ id: `bench-${i}`, region_code: grid, source_person_id: cluster[Math.floor(i / 3)]!, target_person_id: id, setting: 'gathering' as ExposureSetting, exposure_date: '2022-10-20', note_enc: null, recorded_by: null, is_demo: 0, created_at: at }));
  for (let i = 10; i < 999; i += 97) exposures.push({ ...exposures[i]!, id: `bench-x${i}`, source_person_id: cluster[i]!, target_person_id: cluster[i - 7]!, setting: 'household' });
  await new TracingRepository(ctx.env.db.kysely).insertMany(exposures);
  await analyze(ctx);

  const check = await getJson(ctx, 'haizhou', `/api/v1/persons/${cluster[999]}/chain`);
  if (check.status !== 200 || check.body.size !== 1000) throw new Error(`chain probe: ${check.status} size ${check.body?.size}`);
  progress.start('chain: timing', 2);
  const samples = await timeRepeated(() => getJson(ctx, 'haizhou', `/api/v1/persons/${cluster[999]}/chain`), 30);
  progress.increment();
  const single = await timeRepeated(() => getJson(ctx, 'haizhou', `/api/v1/persons/${loner}/chain`), 30);
  progress.stop();
  const p95 = round(percentile(samples, 95));
  const base = round(percentile(single, 95));
  return [{ scenario: 'chain', figure: 'GET /persons/:id/chain, 1,000-person cluster, p95 of 30', value: p95, unit: 'ms', baseline: { label: 'chain of a lone person', value: base }, ratio: round(p95 / base, 1), goal: '≤ 100 ms', met: p95 <= 100 }];
}
