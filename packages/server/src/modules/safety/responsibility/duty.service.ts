import { randomUUID } from 'node:crypto';
import {
  dutyItemsFromTemplate,
  normalizeDutyItems,
  regionLevel,
  RESPONSIBILITY_PRINCIPLE_LABELS,
  SHIPPED_DUTY_TEMPLATES,
  shippedDutyItems,
  type DutyItemProblem,
  type DutyListItem,
  type DutyTemplate as ShippedTemplate,
  type ResponsibilityUnitKind,
} from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, invalid, notFound, type FieldError, type FieldErrorCode } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { DutyRepository, type DutyListRow, type DutyTemplateRow } from './duty.repository.js';
import type { CreateDutyListBody, CreateDutyTemplateBody, DutyList, DutyListQuery, DutyTemplate, UpdateDutyListBody, UpdateDutyTemplateBody } from './duty.schema.js';
import type { ResponsibilityUnits } from './responsibility-units.js';

type TemplateItem = DutyListItem & { verify: boolean };

const PROBLEM_CODES: Record<DutyItemProblem, FieldErrorCode> = { empty: 'required', too_many: 'out_of_range', too_short: 'too_short', too_long: 'too_long', duplicate: 'duplicate_duty' };

/** The items as stored, or a field error naming the first bad one. */
function checkedItems<T extends DutyListItem>(items: readonly T[], field: string): { items: T[] } | { error: FieldError } {
  const { items: normalized, problem } = normalizeDutyItems(items);
  if (problem) return { error: fieldError(problem.code === 'empty' || problem.code === 'too_many' ? field : `${field}/${problem.index}/text`, PROBLEM_CODES[problem.code]) };
  return { items: normalized.map((item, i) => ({ ...items[i]!, ...item })) };
}

function fromShipped(template: ShippedTemplate): DutyTemplate {
  return {
    id: template.code,
    name: template.name['zh-CN'],
    post: template.post['zh-CN'],
    principle: template.principle,
    principleLabel: { ...RESPONSIBILITY_PRINCIPLE_LABELS[template.principle] },
    unitKinds: [...template.unitKinds],
    items: shippedDutyItems(template),
    source: template.source,
    shipped: true,
    edited: false,
    updatedAt: null,
    version: 1,
  };
}

function fromRow(row: DutyTemplateRow): DutyTemplate {
  return {
    id: row.id,
    name: row.name,
    post: row.post,
    principle: row.principle,
    principleLabel: { ...RESPONSIBILITY_PRINCIPLE_LABELS[row.principle] },
    unitKinds: JSON.parse(row.unit_kinds) as ResponsibilityUnitKind[],
    items: JSON.parse(row.items) as TemplateItem[],
    source: row.source,
    shipped: row.shipped === 1,
    edited: true,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function toDutyList(row: DutyListRow): DutyList {
  return {
    id: row.id,
    regionCode: row.region_code,
    unitKind: row.unit_kind,
    unitId: row.unit_id,
    unitName: row.unit_name,
    post: row.post,
    principle: row.principle,
    principleLabel: { ...RESPONSIBILITY_PRINCIPLE_LABELS[row.principle] },
    templateId: row.template_id,
    items: JSON.parse(row.items) as DutyListItem[],
    isDemo: row.is_demo === 1,
    updatedBy: row.updated_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Templates are the city's: whoever edits them holds a whole city (or province) in their ground. */
function requireCityGround(ctx: RequestContext): void {
  if (!ctx.actor!.ground.regionCodes.some((code) => code.length === 6 && regionLevel(code) !== 'county')) throw new AppError('duty_templates_city_only');
}

/**
 * Duty-list templates and the duty lists made from them (安全生产责任清单). A list is the unit's own
 * from the moment it is made: editing a template later never rewrites it.
 */
export class DutyService {
  constructor(
    private readonly audit: AuditService,
    private readonly units: ResponsibilityUnits,
  ) {}

  /** Shipped templates (or their edited rows) in the shipped order, then the ones written here. */
  async templates(ctx: RequestContext): Promise<{ items: DutyTemplate[] }> {
    const rows = new Map((await new DutyRepository(ctx.db).templates()).map((row) => [row.id, row]));
    const shipped = SHIPPED_DUTY_TEMPLATES.map((template) => {
      const row = rows.get(template.code);
      rows.delete(template.code);
      return row ? fromRow(row) : fromShipped(template);
    });
    return { items: [...shipped, ...[...rows.values()].map(fromRow)] };
  }

  async template(ctx: RequestContext, id: string): Promise<DutyTemplate> {
    const row = await new DutyRepository(ctx.db).template(id);
    if (row) return fromRow(row);
    const shipped = SHIPPED_DUTY_TEMPLATES.find((template) => template.code === id);
    if (!shipped) throw notFound();
    return fromShipped(shipped);
  }

  async createTemplate(ctx: RequestContext, body: CreateDutyTemplateBody): Promise<DutyTemplate> {
    requireCityGround(ctx);
    const items = checkedItems(body.items.map((item) => ({ text: item.text, basis: item.basis ?? null, verify: item.verify ?? false })), 'items');
    if ('error' in items) throw invalid(items.error);
    const at = ctx.now().toISOString();
    const row = {
      id: randomUUID(),
      name: body.name.trim(),
      post: body.post.trim(),
      principle: body.principle,
      unit_kinds: JSON.stringify(body.unitKinds),
      items: JSON.stringify(items.items),
      source: body.source?.trim() || null,
      shipped: 0,
      updated_by: ctx.actor!.username,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new DutyRepository(trx).insertTemplate(row);
      await this.audit.record(trx, ctx, { action: 'duty_template.create', objectType: 'duty_template', objectId: row.id, detail: { name: row.name, post: row.post, items: items.items.length } });
    });
    return fromRow(row);
  }

  /** An unedited shipped template is version 1; its first edit writes the row that replaces it. */
  async updateTemplate(ctx: RequestContext, id: string, body: UpdateDutyTemplateBody): Promise<DutyTemplate> {
    if (body.version === undefined) throw new AppError('version_required');
    requireCityGround(ctx);
    const current = await this.template(ctx, id);
    let items: TemplateItem[] | undefined;
    if (body.items !== undefined) {
      const checked = checkedItems(body.items.map((item) => ({ text: item.text, basis: item.basis ?? null, verify: item.verify ?? false })), 'items');
      if ('error' in checked) throw invalid(checked.error);
      items = checked.items;
    }
    const at = ctx.now().toISOString();
    const changes = {
      name: body.name?.trim() ?? current.name,
      post: body.post?.trim() ?? current.post,
      principle: body.principle ?? current.principle,
      unit_kinds: JSON.stringify(body.unitKinds ?? current.unitKinds),
      items: JSON.stringify(items ?? current.items),
      source: body.source === undefined ? current.source : body.source?.trim() || null,
      updated_by: ctx.actor!.username,
      updated_at: at,
    };
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new DutyRepository(trx);
      const written = current.edited
        ? (await repo.updateTemplate(id, body.version!, changes)) === 1
        : body.version === 1 && (await repo.insertTemplate({ id, ...changes, shipped: 1, created_at: at, version: 2 }));
      if (!written) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'duty_template.update', objectType: 'duty_template', objectId: id, detail: { fields: Object.keys(body).filter((key) => key !== 'version'), fromShipped: !current.edited } });
    });
    return this.template(ctx, id);
  }

  async lists(ctx: RequestContext, query: DutyListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 3) as [string, string, string] | null;
    const filter = {
      ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
      ...(query.unitKind !== undefined ? { unitKind: query.unitKind } : {}),
      ...(query.unitId !== undefined ? { unitId: query.unitId } : {}),
      ...(query.principle !== undefined ? { principle: query.principle } : {}),
    };
    const rows = await new DutyRepository(ctx.db).lists(filter, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: page.map(toDutyList), nextCursor: rows.length > limit && last ? encodeCursor([last.region_code, last.unit_name, last.id]) : null };
  }

  async list(ctx: RequestContext, id: string): Promise<DutyList> {
    const row = await new DutyRepository(ctx.db).list(id);
    if (!row) throw notFound();
    return toDutyList(row);
  }

  /** A unit's list for one post, copied from a template. */
  async createList(ctx: RequestContext, body: CreateDutyListBody): Promise<DutyList> {
    const errors: FieldError[] = [];
    const template = await this.template(ctx, body.templateId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return null;
      throw error;
    });
    if (!template) errors.push(fieldError('templateId', 'unknown_template'));
    const unit = await this.units.resolve(ctx, body, errors);
    const post = body.post?.trim() || template?.post || '';
    if (errors.length || !template || !unit) throw invalid(...errors);
    const at = ctx.now().toISOString();
    const row = {
      id: randomUUID(),
      region_code: unit.regionCode,
      unit_kind: unit.unitKind,
      unit_id: unit.unitId,
      unit_name: unit.unitName,
      post,
      principle: template.principle,
      template_id: template.id,
      items: JSON.stringify(dutyItemsFromTemplate(template.items)),
      is_demo: 0,
      updated_by: ctx.actor!.username,
      created_at: at,
      updated_at: at,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await new DutyRepository(trx).insertList(row))) throw new AppError('conflict', [fieldError('post', 'taken')]);
      await this.audit.record(trx, ctx, { action: 'duty_list.create', objectType: 'duty_list', objectId: row.id, detail: { regionCode: row.region_code, unitKind: row.unit_kind, unitName: row.unit_name, post, templateId: template.id } });
    });
    return toDutyList(row);
  }

  async updateList(ctx: RequestContext, id: string, body: UpdateDutyListBody): Promise<DutyList> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await this.list(ctx, id);
    const changes: { post?: string; items?: string; updated_by: string; updated_at: string } = { updated_by: ctx.actor!.username, updated_at: ctx.now().toISOString() };
    if (body.post !== undefined) {
      const post = body.post.trim();
      if (post === '') throw invalid(fieldError('post', 'required'));
      changes.post = post;
    }
    if (body.items !== undefined) {
      const checked = checkedItems(body.items.map((item) => ({ text: item.text, basis: item.basis ?? null })), 'items');
      if ('error' in checked) throw invalid(checked.error);
      changes.items = JSON.stringify(checked.items);
    }
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new DutyRepository(trx).updateList(id, body.version!, changes)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'duty_list.update', objectType: 'duty_list', objectId: id, detail: { unitName: current.unitName, fields: Object.keys(body).filter((key) => key !== 'version') } });
    });
    return this.list(ctx, id);
  }

  async deleteList(ctx: RequestContext, id: string, version: number | undefined): Promise<void> {
    if (version === undefined) throw new AppError('version_required');
    const current = await this.list(ctx, id);
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new DutyRepository(trx).deleteList(id, version)) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'duty_list.delete', objectType: 'duty_list', objectId: id, detail: { unitName: current.unitName, post: current.post } });
    });
  }
}
