/**
 * Chains of transmission from contact tracing (流调): exposures between persons form a directed
 * graph (source exposed target); its connected pieces are the clusters. DESIGN.md "Contact tracing".
 * Everything is linear in persons + exposures and visits each person once, so cycles in the data
 * (A exposed B and B exposed A at a shared dinner) cannot make it loop.
 */

export interface ContactExposure {
  readonly sourceId: string;
  readonly targetId: string;
  readonly date: string;
}

export interface TransmissionCluster {
  /** Named after the index case, so it stays stable while the cluster grows around it. */
  readonly id: string;
  /** Ordered by generation, then id. */
  readonly members: readonly string[];
  readonly indexCaseId: string;
  readonly size: number;
  readonly generations: Readonly<Record<string, number>>;
}

/**
 * Groups persons into clusters; a person in no exposure is a cluster of one, and a person named
 * only in an exposure is included too.
 *
 * The index case is the member nobody exposed (no incoming exposure) with the earliest date in
 * `firstDates` (onset or report date, YYYY-MM-DD); members without a date come after dated ones,
 * ties go to the smaller id. When every member was exposed by another (a cycle), the earliest
 * member overall is the index case.
 *
 * A generation is the fewest exposures leading to the member from a member nobody exposed, so the
 * index case and any co-primary case are generation 0. Members reachable from none of those (a
 * cycle fed by no one) are numbered from the earliest of them, as generation 0.
 *
 * Clusters come largest first, then by their index case's date and id.
 */
export function transmissionChains(
  exposures: readonly ContactExposure[],
  personIds: readonly string[],
  firstDates: ReadonlyMap<string, string> = new Map(),
): { clusters: TransmissionCluster[] } {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const add = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const id of personIds) add(id);

  const out: number[][] = [];
  const both: number[][] = [];
  const exposed: boolean[] = [];
  const ensure = (i: number): void => {
    while (out.length <= i) {
      out.push([]);
      both.push([]);
      exposed.push(false);
    }
  };
  ensure(ids.length - 1);
  for (const e of exposures) {
    const s = add(e.sourceId);
    const t = add(e.targetId);
    ensure(Math.max(s, t));
    if (s === t) continue;
    out[s]?.push(t);
    both[s]?.push(t);
    both[t]?.push(s);
    exposed[t] = true;
  }

  // Earliest dated first, then undated, then by id: the order index cases and seeds are taken in.
  const earlier = (a: number, b: number): number => {
    const da = firstDates.get(ids[a] ?? '');
    const db = firstDates.get(ids[b] ?? '');
    if (da !== db) {
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    return compareIds(ids[a] ?? '', ids[b] ?? '');
  };

  const seen = new Uint8Array(ids.length);
  const generation = new Int32Array(ids.length).fill(-1);
  const clusters: TransmissionCluster[] = [];
  for (let start = 0; start < ids.length; start++) {
    if (seen[start] === 1) continue;
    const members = component(start, both, seen);
    members.sort(earlier);
    const roots = members.filter((m) => exposed[m] !== true);
    const indexCase = roots[0] ?? members[0] ?? start;
    numberGenerations(roots.length > 0 ? roots : [indexCase], members, out, generation);

    members.sort((a, b) => (generation[a] ?? 0) - (generation[b] ?? 0) || compareIds(ids[a] ?? '', ids[b] ?? ''));
    const memberIds = members.map((m) => ids[m] ?? '');
    const indexCaseId = ids[indexCase] ?? '';
    clusters.push({
      id: indexCaseId,
      members: memberIds,
      indexCaseId,
      size: memberIds.length,
      generations: Object.fromEntries(members.map((m) => [ids[m] ?? '', generation[m] ?? 0])),
    });
  }

  const indexOf = (c: TransmissionCluster): number => index.get(c.indexCaseId) ?? 0;
  clusters.sort((a, b) => b.size - a.size || earlier(indexOf(a), indexOf(b)));
  return { clusters };
}

/** The members of `start`'s connected piece, ignoring exposure direction. */
function component(start: number, both: readonly number[][], seen: Uint8Array): number[] {
  const members = [start];
  seen[start] = 1;
  for (let head = 0; head < members.length; head++) {
    for (const next of both[members[head] ?? 0] ?? []) {
      if (seen[next] !== 1) {
        seen[next] = 1;
        members.push(next);
      }
    }
  }
  return members;
}

/**
 * Breadth-first along exposures from all `sources` at once, then from the earliest member still
 * unnumbered until none is left. `members` is in seed order (earliest first).
 */
function numberGenerations(sources: readonly number[], members: readonly number[], out: readonly number[][], generation: Int32Array): void {
  const queue: number[] = [];
  const walk = (): void => {
    for (let head = 0; head < queue.length; head++) {
      const at = queue[head] ?? 0;
      for (const next of out[at] ?? []) {
        if (generation[next] === -1) {
          generation[next] = (generation[at] ?? 0) + 1;
          queue.push(next);
        }
      }
    }
    queue.length = 0;
  };
  for (const s of sources) {
    generation[s] = 0;
    queue.push(s);
  }
  walk();
  for (const m of members) {
    if (generation[m] !== -1) continue;
    generation[m] = 0;
    queue.push(m);
    walk();
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
