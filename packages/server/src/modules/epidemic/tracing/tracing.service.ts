import { randomUUID } from 'node:crypto';
import { transmissionChains, validateResidentId, type ContactExposure, type TransmissionCluster } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { fieldError, invalid, notFound } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { PersonBrief, PersonsDirectory } from '../persons/persons.directory.js';
import { chinaToday } from '../persons/persons.input.js';
import { TracingRepository } from './tracing.repository.js';
import type { ChainGraph, ClusterList, ClusterQuery, Exposure, RegisterContactBody, RegisterContactResult } from './tracing.schema.js';
import type { ExposureTable } from './tracing.tables.js';

/** More than this many persons in one answer is no longer a graph anyone can read. */
export const MAX_CHAIN_MEMBERS = 5_000;

type Edge = { id: string; source_person_id: string; target_person_id: string; setting: string; exposure_date: string };

function toExposure(row: Pick<ExposureTable, 'id' | 'source_person_id' | 'target_person_id' | 'setting' | 'exposure_date' | 'region_code' | 'created_at'>): Exposure {
  return { id: row.id, sourcePersonId: row.source_person_id, targetPersonId: row.target_person_id, setting: row.setting, date: row.exposure_date, gridCode: row.region_code, createdAt: row.created_at };
}

function toDomain(edges: readonly Edge[]): ContactExposure[] {
  return edges.map((e) => ({ sourceId: e.source_person_id, targetId: e.target_person_id, date: e.exposure_date }));
}

/** The day a person counts from: onset, else report (the domain's `firstDates`). */
function firstDateOf(brief: PersonBrief | undefined): string | null {
  return brief?.onsetDate ?? brief?.reportDate ?? null;
}

/**
 * Members added per day: a member joins on the day of their earliest exposure in the chain, a
 * member nobody exposed on their own first date (else their first exposure of someone else).
 */
function growthOf(members: readonly string[], edges: readonly Edge[], briefs: ReadonlyMap<string, PersonBrief>) {
  const joined = new Map<string, string>();
  const earliest = (map: Map<string, string>, id: string, date: string) => {
    const current = map.get(id);
    if (current === undefined || date < current) map.set(id, date);
  };
  const exposedOn = new Map<string, string>();
  const exposingOn = new Map<string, string>();
  for (const e of edges) {
    earliest(exposedOn, e.target_person_id, e.exposure_date);
    earliest(exposingOn, e.source_person_id, e.exposure_date);
  }
  for (const id of members) {
    const date = exposedOn.get(id) ?? firstDateOf(briefs.get(id)) ?? exposingOn.get(id);
    if (date !== undefined) joined.set(id, date);
  }
  const perDay = new Map<string, number>();
  for (const date of joined.values()) perDay.set(date, (perDay.get(date) ?? 0) + 1);
  let total = 0;
  return [...perDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, added]) => ({ date, added, total: (total += added) }));
}

function generationCount(cluster: TransmissionCluster): number {
  let highest = 0;
  for (const g of Object.values(cluster.generations)) highest = Math.max(highest, g);
  return highest + 1;
}

/** Contact tracing (流调): exposures between persons, chains of transmission and clusters. */
export class TracingService {
  constructor(
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly directory: PersonsDirectory,
  ) {}

  /**
   * Registers a contact of a case in one step: the contact is found by ID number or registered
   * (as a close contact from the exposure day, through the persons service), then the exposure is
   * recorded with its audit row. Telling the same exposure twice records it once.
   */
  async registerContact(ctx: RequestContext, caseId: string, body: RegisterContactBody): Promise<RegisterContactResult> {
    const source = (await this.directory.briefs(ctx.db, [caseId], { names: false })).get(caseId);
    if (!source) throw notFound();
    if (body.date > chinaToday(ctx.now())) throw invalid(fieldError('date', 'out_of_range'));
    const id = validateResidentId(body.idNumber, ctx.now());
    if (id.ok && (await this.directory.listing(ctx.db, this.directory.idNumberHash(id.value)))?.id === caseId) throw invalid(fieldError('idNumber', 'same_person'));

    const category = body.category ?? 'close_contact';
    const { person, created: personCreated } = await this.directory.findOrRegister(
      ctx,
      {
        name: body.name,
        idNumber: body.idNumber,
        phone: body.phone,
        gridCode: body.gridCode,
        category,
        lastExposureDate: body.date,
        ...(body.address !== undefined ? { address: body.address } : {}),
      },
      category === 'close_contact' ? '流调判定为密切接触者' : '流调判定为密接的密接',
    );

    const repo = new TracingRepository(ctx.db);
    const existing = await repo.same(caseId, person.id, body.date, body.setting);
    if (existing) return { exposure: toExposure(existing), exposureCreated: false, person, personCreated };
    const at = ctx.now().toISOString();
    const row = {
      id: randomUUID(),
      region_code: person.gridCode,
      source_person_id: caseId,
      target_person_id: person.id,
      setting: body.setting,
      exposure_date: body.date,
      note_enc: body.note ? this.crypto.encrypt(body.note, 'exposures.note') : null,
      recorded_by: ctx.actor?.id ?? null,
      is_demo: 0,
      created_at: at,
    };
    const inserted = await ctx.db.transaction().execute(async (trx) => {
      if (!(await new TracingRepository(trx).insert(row))) return false;
      await this.audit.record(trx, ctx, {
        action: 'exposure.create',
        objectType: 'exposure',
        objectId: row.id,
        detail: { sourcePersonId: caseId, targetPersonId: person.id, setting: body.setting, date: body.date, personCreated },
      });
      return true;
    });
    // A concurrent request recorded the same exposure first.
    if (!inserted) return { exposure: toExposure((await repo.same(caseId, person.id, body.date, body.setting))!), exposureCreated: false, person, personCreated };
    return { exposure: toExposure(row), exposureCreated: true, person, personCreated };
  }

  /** The chain of transmission the person belongs to, as far as the caller's ground shows it. */
  async chain(ctx: RequestContext, personId: string): Promise<ChainGraph> {
    const visible = await this.directory.briefs(ctx.db, [personId], { names: false });
    if (!visible.has(personId)) throw notFound();
    const repo = new TracingRepository(ctx.db);
    const reached = await repo.componentMembers(personId, MAX_CHAIN_MEMBERS + 1);
    const truncated = reached.length > MAX_CHAIN_MEMBERS;
    const members = truncated ? reached.slice(0, MAX_CHAIN_MEMBERS) : reached;
    const inChain = new Set(members);
    // Independent reads: on PostgreSQL they go out together on separate connections.
    const [reachedEdges, briefs] = await Promise.all([repo.edgesFrom(members), this.directory.briefs(ctx.db, members)]);
    const edges = reachedEdges.filter((e) => inChain.has(e.target_person_id));
    const firstDates = new Map<string, string>();
    for (const [id, brief] of briefs) {
      const date = firstDateOf(brief);
      if (date !== null) firstDates.set(id, date);
    }
    const { clusters } = transmissionChains(toDomain(edges), members, firstDates);
    // A truncated chain may fall apart into pieces; the one holding the person is shown.
    const cluster = clusters.find((c) => c.generations[personId] !== undefined)!;
    const clusterMembers = new Set(cluster.members);
    const clusterEdges = edges.filter((e) => clusterMembers.has(e.source_person_id));
    return {
      clusterId: cluster.id,
      indexCaseId: cluster.indexCaseId,
      focusPersonId: personId,
      size: cluster.size,
      generations: generationCount(cluster),
      nodes: cluster.members.map((id) => {
        const brief = briefs.get(id);
        return {
          id,
          name: brief?.name ?? null,
          category: brief?.category ?? null,
          status: brief?.status ?? null,
          gridCode: brief?.gridCode ?? null,
          generation: cluster.generations[id] ?? 0,
          isIndexCase: id === cluster.indexCaseId,
          visible: brief !== undefined,
          firstDate: firstDateOf(brief),
        };
      }),
      edges: clusterEdges.map((e) => ({ source: e.source_person_id, target: e.target_person_id, setting: e.setting, date: e.exposure_date })),
      growth: growthOf(cluster.members, clusterEdges, briefs),
      truncated,
    };
  }

  /** Clusters in a region subtree (the whole ground by default), largest first. */
  async clusters(ctx: RequestContext, query: ClusterQuery): Promise<ClusterList> {
    const edges = await new TracingRepository(ctx.db).edgesIn(query.regionCode ?? null, query.since ?? null);
    const ids = new Set<string>();
    for (const e of edges) ids.add(e.source_person_id).add(e.target_person_id);
    const briefs = await this.directory.briefs(ctx.db, [...ids], { names: false });
    const firstDates = new Map<string, string>();
    for (const [id, brief] of briefs) {
      const date = firstDateOf(brief);
      if (date !== null) firstDates.set(id, date);
    }
    const clusters = transmissionChains(toDomain(edges), [], firstDates).clusters.filter((c) => c.size >= (query.minSize ?? 2));
    const page = clusters.slice(0, query.limit ?? 50);
    const indexCases = await this.directory.briefs(ctx.db, page.map((c) => c.indexCaseId));
    const clusterOf = new Map<string, string>();
    for (const c of page) for (const m of c.members) clusterOf.set(m, c.id);
    const edgesOf = new Map<string, Edge[]>();
    for (const e of edges) {
      const id = clusterOf.get(e.source_person_id);
      if (id === undefined) continue;
      const list = edgesOf.get(id);
      if (list) list.push(e);
      else edgesOf.set(id, [e]);
    }
    return {
      total: clusters.length,
      items: page.map((c) => {
        const own = edgesOf.get(c.id) ?? [];
        const categories: Record<string, number> = {};
        for (const m of c.members) {
          const category = briefs.get(m)?.category ?? 'outside_ground';
          categories[category] = (categories[category] ?? 0) + 1;
        }
        const dates = own.map((e) => e.exposure_date).sort();
        const index = indexCases.get(c.indexCaseId);
        return {
          id: c.id,
          indexCaseId: c.indexCaseId,
          indexCase: index ? { name: index.name, category: index.category, gridCode: index.gridCode } : null,
          size: c.size,
          generations: generationCount(c),
          firstDate: dates[0] ?? null,
          lastDate: dates.at(-1) ?? null,
          categories,
          growth: growthOf(c.members, own, briefs),
        };
      }),
    };
  }
}
