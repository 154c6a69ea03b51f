import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import { seedDemoAreas, type DemoPlaceArea } from '../areas/areas.demo.js';
import { NEW_INFECTION_CATEGORIES } from '../areas/infections.js';
import { seedDemoCheckpoints } from '../checkpoints/checkpoints.demo.js';
import { rebuildEpidemicCounters } from '../dashboard/counters.service.js';
import { AlertsService } from '../followups/alerts.service.js';
import { shiftDay } from '../followups/calendar.js';
import { seedDemoFollowups } from '../followups/followups.demo.js';
import { FollowupsService } from '../followups/followups.service.js';
import { PersonsDirectory, type PersonBrief } from '../persons/persons.directory.js';
import { TracingRepository } from './tracing.repository.js';
import { EXPOSURE_SETTINGS } from './tracing.tables.js';

/** Clusters of the demo: a large one and a small one in 海州区, one in 连云区. */
const DEMO_CLUSTERS = [
  { district: '320706', sizes: [20, 6], areaLevel: 'medium' as const },
  { district: '320703', sizes: [8], areaLevel: 'high' as const },
];

/** Each member but the index case was exposed by an earlier one: a tree three wide. */
const BRANCHING = 3;

const INFECTIONS = new Set<string>(NEW_INFECTION_CATEGORIES);

function startOf(p: PersonBrief): string {
  return p.onsetDate ?? p.sampleDate ?? p.lastExposureDate ?? p.arrivalDate ?? p.reportDate ?? '2022-07-01';
}

/**
 * The demo of the epidemic operations (labelled 演示), over the demo persons already seeded:
 * exposures linking them into clusters, the checkpoints with the arrivals from key areas, daily
 * follow-ups over the persons' plans, and a medium- and a high-risk area where the clusters
 * began; then the dashboard's counters of all of it. Called once from seedDemo, inside its
 * transaction, after the persons.
 */
export async function seedDemoTracing(db: Kysely<Database>, audit: AuditService, crypto: FieldCrypto, now: Date) {
  const directory = new PersonsDirectory(audit, crypto);
  const alerts = new AlertsService(audit, crypto, directory);
  const persons = await directory.demoPersons(db);
  const at = now.toISOString();
  const exposures = [];
  const areas: Array<{ regionCode: string; level: 'medium' | 'high'; from: string }> = [];
  let place: DemoPlaceArea | null = null;
  let setting = 0;
  for (const { district, sizes, areaLevel } of DEMO_CLUSTERS) {
    const pool = persons.filter((p) => p.gridCode.startsWith(district)).sort((a, b) => (startOf(a) < startOf(b) ? -1 : startOf(a) > startOf(b) ? 1 : a.id < b.id ? -1 : 1));
    const used = new Set<string>();
    for (const [n, size] of sizes.entries()) {
      // Each cluster starts at the earliest infection not yet in one and takes the persons after it.
      const start = pool.findIndex((p) => !used.has(p.id) && INFECTIONS.has(p.category));
      if (start < 0) continue;
      const members = pool.slice(start).filter((p) => !used.has(p.id)).slice(0, size);
      if (members.length < 2) continue;
      for (const m of members) used.add(m.id);
      // The day each member was exposed: never before the day their source was.
      const exposedOn = new Map([[members[0]!.id, startOf(members[0]!)]]);
      for (let i = 1; i < members.length; i += 1) {
        const source = members[Math.floor((i - 1) / BRANCHING)]!;
        const target = members[i]!;
        const sourceDay = exposedOn.get(source.id)!;
        const date = startOf(target) > sourceDay ? startOf(target) : sourceDay;
        exposedOn.set(target.id, date);
        exposures.push({
          id: `demo-exposure-${exposures.length + 1}`,
          region_code: target.gridCode,
          source_person_id: source.id,
          target_person_id: target.id,
          setting: EXPOSURE_SETTINGS[setting++ % EXPOSURE_SETTINGS.length]!,
          exposure_date: date,
          note_enc: null,
          recorded_by: null,
          is_demo: 1,
          created_at: at,
        });
      }
      if (n === 0) areas.push({ regionCode: members[0]!.gridCode.slice(0, 9), level: areaLevel, from: startOf(members[0]!) });
      // The first cluster's index case went to a market in their community: a named place, high risk two days on.
      if (n === 0 && place === null) place = { community: members[0]!.gridCode, level: 'high', from: shiftDay(startOf(members[0]!), 2) };
    }
  }
  await new TracingRepository(db).insertMany(exposures);
  const checkpoints = await seedDemoCheckpoints(db, crypto, directory, alerts, now);
  const managed = (await directory.managedIn(db, null)).filter((p) => p.isDemo);
  const followups = await seedDemoFollowups(db, managed, new FollowupsService(audit, crypto, directory, alerts), now);
  const riskAreas = await seedDemoAreas(db, areas, place, now);
  // The demo rows above were written directly: the dashboard's counters are counted from them.
  await rebuildEpidemicCounters(db, now);
  return { exposures: exposures.length, checkpoints, followups, riskAreas };
}
