import { residentIdCheckChar } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { CheckedPerson } from './persons.input.js';
import { PersonsRepository } from './persons.repository.js';
import { PersonSealing } from './persons.sealing.js';
import { registrationRows } from './persons.service.js';

/** Demo districts: 海州区 gets more persons than 连云区, so the two grounds look different. */
const DISTRICTS = [
  { code: '320706', persons: 36 },
  { code: '320703', persons: 24 },
];
const GRIDS_PER_DISTRICT = 6;

/** Categories in the order they are dealt out, weighted roughly as a real list is. */
const CATEGORY_CYCLE = [
  'close_contact', 'close_contact', 'secondary_contact', 'close_contact', 'arrival_key_area', 'asymptomatic',
  'close_contact', 'confirmed', 'secondary_contact', 'arrival_key_area', 'close_contact', 'suspected',
  'close_contact', 'other_key_group', 'asymptomatic',
];

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const ORDINALS = ['一', '二', '三', '四', '五', '六'];

/** Days from 2022-07-01, the first week of the 9th edition, to the end of November ("20 measures"). */
const FIRST_DAY = Date.UTC(2022, 6, 1);
const SPAN_DAYS = 150;

function day(offset: number): string {
  return new Date(FIRST_DAY + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A valid, obviously fictitious ID number registered in the district: check character by GB 11643-1999. */
function demoIdNumber(district: string, index: number): string {
  const birth = `${1950 + ((index * 7) % 60)}${String(1 + (index % 12)).padStart(2, '0')}${String(1 + ((index * 3) % 28)).padStart(2, '0')}`;
  const first17 = `${district}${birth}${String(900 + index).slice(-3)}`;
  return first17 + residentIdCheckChar(first17);
}

/** The dated facts a category's plan starts from, around day `start`. */
function datesFor(category: string, start: number): Pick<CheckedPerson, 'onsetDate' | 'lastExposureDate' | 'sampleDate' | 'reportDate' | 'arrivalDate'> {
  const none = { onsetDate: null, lastExposureDate: null, sampleDate: null, reportDate: day(start + 1), arrivalDate: null };
  switch (category) {
    case 'confirmed':
      return { ...none, onsetDate: day(start - 1), sampleDate: day(start) };
    case 'asymptomatic':
      return { ...none, sampleDate: day(start) };
    case 'suspected':
    case 'other_key_group':
      return { ...none, reportDate: day(start) };
    case 'arrival_key_area':
      return { ...none, arrivalDate: day(start) };
    default:
      return { ...none, lastExposureDate: day(start) };
  }
}

/**
 * About sixty labelled demo persons (is_demo = 1, names 演示甲一…) over real communities of 海州区
 * and 连云区 picked from the regions table, with dates from July to November 2022 so that the
 * 9th edition and the "20 measures" both apply. Runs inside the demo seed's transaction.
 */
export async function seedDemoPersons(db: Kysely<Database>, crypto: FieldCrypto, now: Date): Promise<number> {
  const sealing = new PersonSealing(crypto);
  const at = now.toISOString();
  const persons: CheckedPerson[] = [];
  let index = 0;
  for (const district of DISTRICTS) {
    const communities = await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 'community')
      .where('code', '>=', district.code)
      .where('code', '<', `${district.code}~`)
      .orderBy('code')
      .execute();
    if (communities.length === 0) continue;
    const stride = Math.max(1, Math.floor(communities.length / GRIDS_PER_DISTRICT));
    const grids = Array.from({ length: GRIDS_PER_DISTRICT }, (_, i) => communities[Math.min(i * stride, communities.length - 1)]!.code);
    for (let i = 0; i < district.persons; i += 1, index += 1) {
      const category = CATEGORY_CYCLE[index % CATEGORY_CYCLE.length]!;
      const idNumber = demoIdNumber(district.code, index);
      persons.push({
        name: `演示${STEMS[Math.floor(index / ORDINALS.length) % STEMS.length]}${ORDINALS[index % ORDINALS.length]}`,
        idNumber,
        phone: `1380000${String(index + 1).padStart(4, '0')}`,
        gridCode: grids[i % grids.length]!,
        category,
        address: `江苏省连云港市演示小区${(index % 20) + 1}号楼${(index % 6) + 1}单元`,
        gridWorkerId: null,
        sex: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female',
        birthYear: Number(idNumber.slice(6, 10)),
        ...datesFor(category, Math.round((index * SPAN_DAYS) / 60)),
      });
    }
  }
  const rows = persons.map((person) => registrationRows(sealing, person, null, at, { isDemo: true }));
  const repo = new PersonsRepository(db);
  await repo.insertNew(rows.map((r) => r.person));
  await repo.insertHistory(rows.map((r) => r.history));
  await repo.insertPlans(rows.flatMap((r) => (r.plan ? [r.plan] : [])));
  return rows.length;
}
