import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { transmissionChains, type ContactExposure } from './clusters.js';

const exposure = (sourceId: string, targetId: string, date = '2022-07-01'): ContactExposure => ({ sourceId, targetId, date });
/** Writes "A>B C>D" as exposures. */
const graph = (text: string): ContactExposure[] =>
  text
    .split(' ')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [s = '', t = ''] = pair.split('>');
      return exposure(s, t);
    });

describe('transmission chains', () => {
  it('follows a chain A → B → C and keeps an unconnected person as a cluster of one', () => {
    expect(transmissionChains(graph('A>B B>C'), ['A', 'B', 'C', 'D'])).toEqual({
      clusters: [
        { id: 'A', members: ['A', 'B', 'C'], indexCaseId: 'A', size: 3, generations: { A: 0, B: 1, C: 2 } },
        { id: 'D', members: ['D'], indexCaseId: 'D', size: 1, generations: { D: 0 } },
      ],
    });
  });

  it.each<[string, string, Record<string, string>, string, Record<string, number>]>([
    ['two sources of one case are both generation 0; the earlier-dated is the index', 'A>C B>C', { A: '2022-07-02', B: '2022-07-01' }, 'B', { A: 0, B: 0, C: 1 }],
    ['without dates the smaller id is the index', 'A>C B>C', {}, 'A', { A: 0, B: 0, C: 1 }],
    ['a dated person comes before an undated one', 'A>C B>C', { B: '2022-07-05' }, 'B', { A: 0, B: 0, C: 1 }],
    ['a person exposed by someone is never the index while someone unexposed exists', 'B>A', { A: '2022-06-01', B: '2022-07-01' }, 'B', { A: 1, B: 0 }],
    ['a cycle nobody feeds starts at its earliest member', 'X>Y Y>Z Z>X', { Y: '2022-07-01', X: '2022-07-03' }, 'Y', { X: 2, Y: 0, Z: 1 }],
    ['a generation is the fewest exposures from a source', 'A>B B>C C>D E>D', { A: '2022-07-01', E: '2022-07-02' }, 'A', { A: 0, B: 1, C: 2, D: 1, E: 0 }],
    ['a cycle fed by no source is numbered from its earliest member', 'A>B C>D D>C D>B', {}, 'A', { A: 0, B: 1, C: 0, D: 1 }],
    ['self-exposure is ignored', 'A>A A>B', {}, 'A', { A: 0, B: 1 }],
    ['repeated exposures count once', 'A>B A>B B>A', {}, 'A', { A: 0, B: 1 }],
  ])('%s', (_what, text, dates, indexCaseId, generations) => {
    const { clusters } = transmissionChains(graph(text), [], new Map(Object.entries(dates)));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.indexCaseId).toBe(indexCaseId);
    expect(clusters[0]?.generations).toEqual(generations);
  });

  it('includes people named only in exposures, and lists members by generation then id', () => {
    const { clusters } = transmissionChains(graph('P>Z P>M M>B'), ['M']);
    expect(clusters[0]?.members).toEqual(['P', 'M', 'Z', 'B']);
  });

  it('lists clusters largest first, then by index case date', () => {
    const { clusters } = transmissionChains(graph('A>B C>D E>F E>G'), [], new Map([['C', '2022-07-01'], ['A', '2022-07-02']]));
    expect(clusters.map((c) => c.id)).toEqual(['E', 'C', 'A']);
  });

  it('keeps an id like __proto__ as an ordinary key', () => {
    const { clusters } = transmissionChains(graph('__proto__>constructor'), []);
    expect(clusters[0]?.generations).toEqual(Object.fromEntries([['__proto__', 0], ['constructor', 1]]));
    expect(Object.keys(clusters[0]?.generations ?? {})).toEqual(['__proto__', 'constructor']);
  });

  it('handles a 1,000-person cluster with cycles in well under 100 ms', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `P${String(i).padStart(4, '0')}`);
    const exposures: ContactExposure[] = [];
    // A tree three wide (each person exposes the next three), plus back-edges that make cycles.
    ids.forEach((id, i) => {
      for (let k = 1; k <= 3; k++) {
        const target = ids[3 * i + k];
        if (target !== undefined) exposures.push(exposure(id, target));
      }
      const back = ids[Math.floor(i / 2)];
      if (i % 5 === 0 && back !== undefined && i > 0) exposures.push(exposure(id, back));
    });
    const started = performance.now();
    const { clusters } = transmissionChains(exposures, ids);
    const elapsed = performance.now() - started;
    expect(clusters).toHaveLength(1);
    expect(clusters[0]?.size).toBe(1000);
    expect(clusters[0]?.indexCaseId).toBe('P0000');
    expect(Math.max(...Object.values(clusters[0]?.generations ?? {}))).toBe(6);
    expect(elapsed).toBeLessThan(100);
  });

  describe('properties', () => {
    const id = fc.integer({ min: 0, max: 40 }).map((n) => `p${n}`);
    const inputs = fc.record({
      personIds: fc.array(id, { maxLength: 30 }),
      exposures: fc.array(fc.record({ sourceId: id, targetId: id, date: fc.constant('2022-07-01') }), { maxLength: 60 }),
      dates: fc.array(fc.tuple(id, fc.constantFrom('2022-07-01', '2022-07-02', '2022-07-03')), { maxLength: 20 }),
    });

    it('puts every person in exactly one cluster, with consistent size and generations', () => {
      fc.assert(
        fc.property(inputs, ({ personIds, exposures, dates }) => {
          const { clusters } = transmissionChains(exposures, personIds, new Map(dates));
          const everyone = new Set([...personIds, ...exposures.flatMap((e) => [e.sourceId, e.targetId])]);
          const listed = clusters.flatMap((c) => c.members);
          expect(listed).toHaveLength(everyone.size);
          expect(new Set(listed)).toEqual(everyone);
          for (const c of clusters) {
            expect(c.size).toBe(c.members.length);
            expect(Object.keys(c.generations).sort()).toEqual([...c.members].sort());
            expect(c.members).toContain(c.indexCaseId);
            expect(c.generations[c.indexCaseId]).toBe(0);
            for (const g of Object.values(c.generations)) expect(g).toBeGreaterThanOrEqual(0);
          }
        }),
      );
    });

    it('keeps both ends of every exposure in the same cluster', () => {
      fc.assert(
        fc.property(inputs, ({ personIds, exposures }) => {
          const { clusters } = transmissionChains(exposures, personIds);
          const clusterOf = new Map(clusters.flatMap((c) => c.members.map((m) => [m, c.id] as const)));
          for (const e of exposures) expect(clusterOf.get(e.sourceId)).toBe(clusterOf.get(e.targetId));
        }),
      );
    });

    it('gives every member of generation n > 0 an exposer of generation n − 1, and picks an unexposed index case when there is one', () => {
      fc.assert(
        fc.property(inputs, ({ personIds, exposures, dates }) => {
          const { clusters } = transmissionChains(exposures, personIds, new Map(dates));
          const real = exposures.filter((e) => e.sourceId !== e.targetId);
          for (const c of clusters) {
            const gen = (p: string): number => c.generations[p] ?? -1;
            for (const m of c.members) {
              if (gen(m) > 0) expect(real.some((e) => e.targetId === m && gen(e.sourceId) === gen(m) - 1)).toBe(true);
            }
            const unexposed = c.members.filter((m) => !real.some((e) => e.targetId === m));
            if (unexposed.length > 0) expect(unexposed).toContain(c.indexCaseId);
          }
        }),
      );
    });
  });
});
