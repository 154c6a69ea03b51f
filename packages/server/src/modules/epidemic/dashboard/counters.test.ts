import { computeMeasurePlan, type MeasurePlan } from '@shoutu/domain';
import { describe, expect, it } from 'vitest';
import { CounterDeltas, measureOn, personDeltas, type PersonFacts } from './counters.js';

function planOf(facts: Parameters<typeof computeMeasurePlan>[0]): MeasurePlan {
  const result = computeMeasurePlan(facts);
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

const GRID = '320706001001';
// 9th edition: 7 days centralized (to day 7), then 3 days of health monitoring (days 8–10).
const contact: PersonFacts = {
  regionCode: GRID,
  category: 'close_contact',
  status: 'managed',
  createdAt: '2022-08-01T01:00:00.000Z',
  reportDate: '2022-08-01',
  plan: planOf({ category: 'close_contact', lastExposureDate: '2022-08-01' }),
};

/** The value of each series on a day, as the dashboard sums it from the cells. */
function valueOn(deltas: CounterDeltas, series: string, day: string, key?: string): number {
  return deltas
    .entries()
    .filter(({ cell }) => cell.series === series && cell.day <= day && (key === undefined || cell.key === key))
    .reduce((sum, { n }) => sum + n, 0);
}

describe('dashboard counters of a person', () => {
  it('counts a registration once by grid and category, and on the day of registration in China', () => {
    const cells = personDeltas(null, contact, new Set(), '2022-08-02').entries();
    expect(cells).toContainEqual({ cell: { series: 'managed', day: '', regionCode: GRID, key: 'close_contact' }, n: 1 });
    expect(cells).toContainEqual({ cell: { series: 'registered', day: '2022-08-01', regionCode: GRID, key: '' }, n: 1 });
    // A close contact is no new infection.
    expect(cells.some(({ cell }) => cell.series === 'new_infection')).toBe(false);
  });

  it.each([
    ['2022-07-31', null],
    ['2022-08-01', 'centralized_quarantine'],
    ['2022-08-08', 'centralized_quarantine'],
    ['2022-08-09', 'health_monitoring'],
    ['2022-08-11', 'health_monitoring'],
    ['2022-08-12', null],
  ])('puts the person under the measure of the plan on %s', (day, measure) => {
    const deltas = personDeltas(null, contact, new Set(), day);
    expect(measureOn(contact.plan, day)).toBe(measure);
    for (const key of ['centralized_quarantine', 'health_monitoring']) expect(valueOn(deltas, 'measure', day, key)).toBe(key === measure ? 1 : 0);
    // Release is due from the plan's last day on.
    expect(valueOn(deltas, 'release_due', day)).toBe(day >= '2022-08-11' ? 1 : 0);
  });

  it('takes a released person off the measures and the releases due, but not off the registrations', () => {
    const released = { ...contact, status: 'released' as const };
    const deltas = personDeltas(contact, released, new Set(), '2022-08-12');
    const both = new CounterDeltas();
    both.merge(personDeltas(null, contact, new Set(), '2022-08-12'));
    both.merge(deltas);
    expect(valueOn(both, 'measure', '2022-08-05')).toBe(0);
    expect(valueOn(both, 'release_due', '2022-08-20')).toBe(0);
    expect(valueOn(both, 'registered', '2022-08-01')).toBe(1);
    expect(both.entries()).toContainEqual({ cell: { series: 'released', day: '', regionCode: GRID, key: 'close_contact' }, n: 1 });
    expect(valueOn(both, 'managed', '')).toBe(0);
  });

  it('moves a follow-up mark with the person when their grid changes, and drops it once released', () => {
    const moved = { ...contact, regionCode: '320706001002' };
    const cells = personDeltas(contact, moved, new Set(['2022-08-05']), '2022-08-05').entries();
    expect(cells).toContainEqual({ cell: { series: 'followed_up', day: '2022-08-05', regionCode: GRID, key: '' }, n: -1 });
    expect(cells).toContainEqual({ cell: { series: 'followed_up', day: '2022-08-05', regionCode: '320706001002', key: '' }, n: 1 });
    const released = personDeltas(contact, { ...contact, status: 'released' }, new Set(['2022-08-04', '2022-08-05']), '2022-08-05').entries();
    expect(released.filter(({ cell }) => cell.series === 'followed_up').map(({ n }) => n)).toEqual([-1, -1]);
  });

  it('counts a confirmed case as a new infection on the report day, and moves it when the category changes', () => {
    const confirmed = { ...contact, category: 'confirmed', reportDate: '2022-08-03', plan: planOf({ category: 'confirmed', sampleDate: '2022-08-03' }) };
    const cells = personDeltas(contact, confirmed, new Set(), '2022-08-03').entries();
    expect(cells).toContainEqual({ cell: { series: 'new_infection', day: '2022-08-03', regionCode: GRID, key: '' }, n: 1 });
    expect(cells).toContainEqual({ cell: { series: 'managed', day: '', regionCode: GRID, key: 'close_contact' }, n: -1 });
    // In hospital until released: the measure never ends and no release day is due.
    const deltas = personDeltas(null, confirmed, new Set(), '2022-09-30');
    expect(valueOn(deltas, 'measure', '2022-09-30', 'hospital')).toBe(1);
    expect(valueOn(deltas, 'release_due', '2022-09-30')).toBe(0);
  });

  it('changes nothing when nothing counted changed', () => {
    expect(personDeltas(contact, { ...contact }, new Set(['2022-08-05']), '2022-08-05').size).toBe(0);
  });
});
