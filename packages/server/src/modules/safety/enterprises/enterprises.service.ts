import { randomUUID } from 'node:crypto';
import { isWithinGround, validateCreditCode } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { IndustrySupervisionService } from '../industries/industry-supervision.service.js';
import { EnterpriseContacts, type ContactInput } from './enterprise-contacts.js';
import { checkCreditCode, checkIndustry, checkSupervisors, checkText, RegionLookup, type Checked } from './enterprise-rules.js';
import { EnterprisesRepository, isUniqueViolation, type EnterpriseFilter, type EnterpriseRow } from './enterprises.repository.js';
import type { CreateEnterpriseBody, Enterprise, EnterpriseFilterInput, UpdateEnterpriseBody } from './enterprises.schema.js';
import type { EnterpriseTable } from './enterprises.tables.js';
import { servesGround, SupervisingUnits } from './supervising-units.js';

export type SupervisorRef = Enterprise['supervisors'][number];

/** The caller's ground narrowed further: an enterprise officer sees their own enterprise only. */
export function enterpriseScope(ctx: RequestContext): EnterpriseFilter {
  const onlyId = ctx.actor?.ground.enterpriseId;
  return onlyId ? { onlyId } : {};
}

/** The query's filters as the repository takes them: `q` is an exact credit code when it is one, else part of the name. */
export function toFilter(ctx: RequestContext, input: EnterpriseFilterInput): EnterpriseFilter {
  const filter: EnterpriseFilter = { ...enterpriseScope(ctx) };
  if (input.q !== undefined && input.q.trim() !== '') {
    const code = validateCreditCode(input.q);
    if (code.ok) filter.creditCode = code.value;
    else filter.nameContains = input.q.trim();
  }
  if (input.regionCode !== undefined) filter.regionCode = input.regionCode;
  if (input.industry !== undefined) filter.industry = input.industry.toUpperCase();
  if (input.park !== undefined) filter.park = input.park.trim();
  if (input.hazardousChemicals !== undefined) filter.hazardousChemicals = input.hazardousChemicals;
  if (input.majorHazardSource !== undefined) filter.majorHazardSource = input.majorHazardSource;
  return filter;
}

function unwrap<T>(checked: Checked<T>, errors: FieldError[]): T | undefined {
  if (checked.ok) return checked.value;
  errors.push(checked.error);
  return undefined;
}

/** The enterprise register (企业档案): reads within the ground, writes in one transaction with their audit row. */
export class EnterprisesService {
  private readonly contacts: EnterpriseContacts;

  constructor(
    private readonly audit: AuditService,
    crypto: FieldCrypto,
    private readonly systemDb: Kysely<Database>,
    private readonly mapping: IndustrySupervisionService,
  ) {
    this.contacts = new EnterpriseContacts(crypto);
  }

  units(): SupervisingUnits {
    return new SupervisingUnits(this.systemDb);
  }

  /** Rows as the API answers them: contacts masked, supervising departments named. */
  async present(db: Kysely<Database>, rows: EnterpriseRow[], units = this.units()): Promise<Enterprise[]> {
    const links = await new EnterprisesRepository(db).supervisorLinks(rows.map((row) => row.id));
    const departments = await units.departments();
    const byEnterprise = new Map<string, SupervisorRef[]>();
    for (const link of links) {
      const unit = departments.get(link.unit_id);
      if (!unit) continue;
      const list = byEnterprise.get(link.enterprise_id) ?? [];
      list.push({ id: unit.id, name: unit.name, jurisdictionCode: unit.region_code });
      byEnterprise.set(link.enterprise_id, list);
    }
    return rows.map((row) => ({
      id: row.id,
      creditCode: row.credit_code,
      name: row.name,
      industryCode: row.industry_code,
      industryName: row.industry_name,
      regionCode: row.region_code,
      park: row.park,
      scale: row.scale,
      hazardousChemicals: row.hazardous_chemicals === 1,
      majorHazardSource: row.major_hazard_source === 1,
      ...this.contacts.masked(row),
      supervisors: byEnterprise.get(row.id) ?? [],
      lastInspectedAt: row.last_inspected_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }));
  }

  async list(ctx: RequestContext, query: EnterpriseFilterInput & { limit?: number; cursor?: string }) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new EnterprisesRepository(ctx.db).list(toFilter(ctx, query), { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.present(ctx.db, page), nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Enterprise> {
    const row = await new EnterprisesRepository(ctx.db).byId(id, enterpriseScope(ctx));
    if (!row) throw notFound();
    return (await this.present(ctx.db, [row]))[0]!;
  }

  async parks(ctx: RequestContext) {
    return { items: await new EnterprisesRepository(ctx.db).parks(enterpriseScope(ctx)) };
  }

  /** Departments the caller may name as supervisors: those inside the ground and those above it. */
  async supervisingUnits(ctx: RequestContext) {
    const ground = ctx.actor!.ground;
    const departments = [...(await this.units().departments()).values()].filter((unit) => servesGround(unit, ground));
    departments.sort((a, b) => a.region_code.localeCompare(b.region_code) || a.name.localeCompare(b.name, 'zh-CN'));
    return { items: departments.map((unit) => ({ id: unit.id, name: unit.name, jurisdictionCode: unit.region_code, withinGround: isWithinGround(unit.region_code, ground) })) };
  }

  async create(ctx: RequestContext, body: CreateEnterpriseBody): Promise<Enterprise> {
    const errors: FieldError[] = [];
    const creditCode = unwrap(checkCreditCode(body.creditCode), errors);
    const name = unwrap(checkText(body.name, 'name', 100), errors);
    const industry = unwrap(checkIndustry(body.industryCode), errors);
    const regions = new RegionLookup(ctx.db);
    await regions.load([body.regionCode]);
    const regionCode = unwrap(regions.check(body.regionCode, ctx.actor!.ground), errors);
    const contacts = this.contacts.encrypt(pickContacts(body));
    errors.push(...contacts.errors);
    const units = this.units();
    if (body.supervisorUnitIds && regionCode) errors.push(...checkSupervisors(body.supervisorUnitIds, await units.departments(), regionCode));
    if (errors.length || !creditCode || !name || !industry || !regionCode) throw new AppError('validation_failed', errors);

    const now = ctx.now().toISOString();
    const row: EnterpriseTable = {
      id: randomUUID(),
      credit_code: creditCode,
      name,
      industry_code: industry.code,
      industry_name: industry.name,
      region_code: regionCode,
      park: blankToNull(body.park),
      scale: body.scale ?? null,
      hazardous_chemicals: body.hazardousChemicals ? 1 : 0,
      major_hazard_source: body.majorHazardSource ? 1 : 0,
      principal_name: contacts.columns.principal_name ?? null,
      principal_phone: contacts.columns.principal_phone ?? null,
      safety_officer_name: contacts.columns.safety_officer_name ?? null,
      safety_officer_phone: contacts.columns.safety_officer_phone ?? null,
      last_inspected_at: null,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    // Read before the transaction: on SQLite the unscoped handle shares the one connection the transaction holds.
    const supervisors = body.supervisorUnitIds ?? (await this.mapping.defaultSupervisors(ctx.db, units))(row.industry_code, row.region_code);
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new EnterprisesRepository(trx);
      if ((await repo.insertNew([row])).size === 0) throw new AppError('conflict', [fieldError('creditCode', 'credit_code_registered')]);
      await repo.insertSupervisors(supervisors.map((unitId) => ({ id: randomUUID(), enterprise_id: row.id, unit_id: unitId, created_at: now })));
      await this.audit.record(trx, ctx, {
        action: 'enterprise.create',
        objectType: 'enterprise',
        objectId: row.id,
        detail: { creditCode: row.credit_code, name: row.name, regionCode: row.region_code, industryCode: row.industry_code, supervisors, supervisorsFrom: body.supervisorUnitIds ? 'request' : 'industry_mapping' },
      });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateEnterpriseBody): Promise<Enterprise> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await new EnterprisesRepository(ctx.db).byId(id, enterpriseScope(ctx));
    if (!current) throw notFound();
    const errors: FieldError[] = [];
    const changes: Partial<EnterpriseTable> = {};
    if (body.creditCode !== undefined) changes.credit_code = unwrap(checkCreditCode(body.creditCode), errors);
    if (body.name !== undefined) changes.name = unwrap(checkText(body.name, 'name', 100), errors);
    if (body.industryCode !== undefined) {
      const industry = unwrap(checkIndustry(body.industryCode), errors);
      if (industry) Object.assign(changes, { industry_code: industry.code, industry_name: industry.name });
    }
    if (body.regionCode !== undefined) {
      const regions = new RegionLookup(ctx.db);
      await regions.load([body.regionCode]);
      changes.region_code = unwrap(regions.check(body.regionCode, ctx.actor!.ground), errors);
    }
    if (body.park !== undefined) changes.park = blankToNull(body.park);
    if (body.scale !== undefined) changes.scale = body.scale;
    if (body.hazardousChemicals !== undefined) changes.hazardous_chemicals = body.hazardousChemicals ? 1 : 0;
    if (body.majorHazardSource !== undefined) changes.major_hazard_source = body.majorHazardSource ? 1 : 0;
    const contacts = this.contacts.encrypt(pickContacts(body));
    errors.push(...contacts.errors);
    Object.assign(changes, contacts.columns);

    const regionCode = changes.region_code ?? current.region_code;
    const units = this.units();
    const repo = new EnterprisesRepository(ctx.db);
    const supervisors = body.supervisorUnitIds ?? (changes.region_code ? (await repo.supervisorLinks([id])).map((link) => link.unit_id) : undefined);
    if (supervisors && !errors.some((e) => e.field === 'regionCode')) errors.push(...checkSupervisors(supervisors, await units.departments(), regionCode));
    if (errors.length) throw new AppError('validation_failed', errors);

    const now = ctx.now().toISOString();
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new EnterprisesRepository(trx);
      try {
        if ((await repo.updateVersioned(id, body.version!, { ...changes, updated_at: now })) === 0) throw new AppError('version_conflict');
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('conflict', [fieldError('creditCode', 'credit_code_registered')]);
        throw error;
      }
      if (body.supervisorUnitIds) {
        await repo.deleteSupervisors(id);
        await repo.insertSupervisors(body.supervisorUnitIds.map((unitId) => ({ id: randomUUID(), enterprise_id: id, unit_id: unitId, created_at: now })));
      }
      await this.audit.record(trx, ctx, { action: 'enterprise.update', objectType: 'enterprise', objectId: id, detail: { fields: Object.keys(body).filter((k) => k !== 'version') } });
    });
    return this.get(ctx, id);
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function pickContacts(body: ContactInput): ContactInput {
  const { principalName, principalPhone, safetyOfficerName, safetyOfficerPhone } = body;
  return Object.fromEntries(Object.entries({ principalName, principalPhone, safetyOfficerName, safetyOfficerPhone }).filter(([, v]) => v !== undefined));
}
