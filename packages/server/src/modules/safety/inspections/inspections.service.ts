import { randomUUID } from 'node:crypto';
import { hazardGradeForFailedItem, type HazardSource } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { CampaignsService } from '../campaigns/campaigns.service.js';
import { withEnterpriseNames } from '../enterprises/enterprise-names.repository.js';
import type { EnterpriseLookup, EnterpriseRef } from '../hazards/enterprise-lookup.js';
import { mayRecordInspection } from '../hazards/hazards.policy.js';
import type { HazardDetail } from '../hazards/hazards.schema.js';
import { hazardScope, type HazardsService } from '../hazards/hazards.service.js';
import { checklistTemplate, CHECKLIST_TEMPLATES, type ChecklistTemplate } from './checklist-templates.js';
import { InspectionsRepository, type InspectionRow } from './inspections.repository.js';
import type { CreateInspectionBody, Inspection, InspectionListQuery, InspectionSummary, ItemHazardBody } from './inspections.schema.js';
import type { InspectionItemTable, InspectionKind } from './inspections.tables.js';

function summary(row: InspectionRow): InspectionSummary {
  return {
    id: row.id,
    enterpriseId: row.enterprise_id,
    enterpriseName: row.enterprise_name,
    regionCode: row.region_code,
    templateCode: row.template_code,
    kind: row.kind,
    inspectedAt: row.inspected_at,
    inspectorName: row.inspector_name,
    unitId: row.unit_id,
    note: row.note,
    campaignId: row.campaign_id,
    itemCount: row.item_count,
    failedCount: row.failed_count,
    createdAt: row.created_at,
  };
}

/** A regulator's finding is a regulator-inspection hazard; the enterprise's own, a self-inspection one. */
function hazardSource(kind: InspectionKind): HazardSource {
  return kind === 'regulator' ? 'regulator_inspection' : 'self_inspection';
}

/** What a failed item's hazard says unless the caller words it: the item, and what the inspector noted. */
function failedItemDescription(item: Pick<InspectionItemTable, 'number' | 'item_text' | 'note'>): string {
  return `第${item.number}项：${item.item_text}${item.note ? `\n检查记录：${item.note}` : ''}`;
}

/** Every item of the template exactly once, and only items of the template. */
function checkItems(template: ChecklistTemplate, items: CreateInspectionBody['items']): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<number>();
  items.forEach((item, index) => {
    if (!template.items.some((t) => t.number === item.number)) errors.push(fieldError(`items.${index}.number`, 'unknown_checklist_item'));
    else if (seen.has(item.number)) errors.push(fieldError(`items.${index}.number`, 'duplicate_item'));
    seen.add(item.number);
  });
  if (errors.length === 0 && seen.size !== template.items.length) errors.push(fieldError('items', 'checklist_incomplete'));
  return errors;
}

/** Inspections (排查 / 检查) against checklist templates; failed items become hazards. */
export class InspectionsService {
  constructor(
    private readonly audit: AuditService,
    private readonly enterprises: EnterpriseLookup,
    private readonly hazards: HazardsService,
    private readonly campaigns: CampaignsService,
  ) {}

  templates() {
    return { items: [...CHECKLIST_TEMPLATES] };
  }

  async list(ctx: RequestContext, query: InspectionListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const rows = await new InspectionsRepository(ctx.db).list(
      {
        ...scope(ctx),
        ...(query.enterpriseId !== undefined ? { enterpriseId: query.enterpriseId } : {}),
        ...(query.regionCode !== undefined ? { regionCode: query.regionCode } : {}),
        ...(query.kind !== undefined ? { kind: query.kind } : {}),
        ...(query.campaignId !== undefined ? { campaignId: query.campaignId } : {}),
      },
      { limit: limit + 1, ...(after ? { after } : {}) },
    );
    const page = rows.slice(0, limit);
    // The cursor follows the inspections read, also when one of them is left out for its enterprise.
    const last = page[page.length - 1];
    const named = await withEnterpriseNames(ctx.db, page);
    return { items: named.map(summary), nextCursor: rows.length > limit && last ? encodeCursor([last.inspected_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Inspection> {
    const repo = new InspectionsRepository(ctx.db);
    const row = await repo.byId(id, scope(ctx));
    if (!row) throw notFound();
    const items = await repo.items(id);
    return { ...summary(row), items: items.map((item) => ({ number: item.number, text: item.item_text, result: item.result, note: item.note, hazardId: item.hazard_id })) };
  }

  async create(ctx: RequestContext, body: CreateInspectionBody): Promise<Inspection> {
    const enterprise = await this.enterprises.find(ctx, body.enterpriseId);
    if (!enterprise) throw invalid(fieldError('enterpriseId', 'invalid'));
    const actor = ctx.actor!;
    if (!mayRecordInspection(actor, body.kind, enterprise.id)) throw forbidden();
    const template = checklistTemplate(body.templateCode);
    const errors = checkItems(template, body.items);
    const inspectedAt = new Date(body.inspectedAt);
    if (inspectedAt.getTime() > ctx.now().getTime()) errors.push(fieldError('inspectedAt', 'in_future'));
    const campaignId = body.campaignId ?? null;
    if (campaignId !== null) errors.push(...(await this.campaigns.checkInspection(ctx, campaignId, { enterpriseId: enterprise.id, templateCode: template.code, inspectedAt })));
    if (errors.length > 0) throw invalid(...errors);

    const id = randomUUID();
    const at = inspectedAt.toISOString();
    const textOf = new Map(template.items.map((item) => [item.number, item.text['zh-CN']]));
    const items: InspectionItemTable[] = [...body.items]
      .sort((a, b) => a.number - b.number)
      .map((item) => ({ inspection_id: id, number: item.number, region_code: enterprise.regionCode, item_text: textOf.get(item.number)!, result: item.result, note: item.note?.trim() || null, hazard_id: null }));
    const failed = items.filter((item) => item.result === 'fail');
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new InspectionsRepository(trx);
      await repo.insert(
        {
          id,
          region_code: enterprise.regionCode,
          enterprise_id: enterprise.id,
          template_code: template.code,
          kind: body.kind,
          inspected_at: at,
          inspector_id: actor.id,
          inspector_name: actor.displayName,
          unit_id: actor.ground.departmentId ?? null,
          note: body.note?.trim() || null,
          campaign_id: campaignId,
          item_count: items.length,
          failed_count: failed.length,
          created_at: ctx.now().toISOString(),
        },
        items,
      );
      const hazardIds: string[] = [];
      if (body.createHazards === true) {
        for (const item of failed) {
          const hazardId = await this.hazards.insertFound(trx, ctx, this.foundHazard(enterprise, { id, kind: body.kind, campaignId }, template, item, {}, at));
          await repo.linkHazard(id, item.number, hazardId);
          hazardIds.push(hazardId);
        }
      }
      // The "three musts" report counts supervision: an enterprise's own self-inspection does not make it inspected.
      if (body.kind === 'regulator') await repo.markEnterpriseInspected(enterprise.id, at);
      await this.audit.record(trx, ctx, {
        action: 'inspection.create',
        objectType: 'inspection',
        objectId: id,
        detail: { enterpriseId: enterprise.id, templateCode: template.code, kind: body.kind, inspectedAt: at, failed: failed.map((item) => item.number), hazardIds },
      });
    });
    return this.get(ctx, id);
  }

  /** POST /inspections/:id/items/:number/hazard: a failed item becomes a hazard in one step. */
  async itemToHazard(ctx: RequestContext, id: string, number: number, body: ItemHazardBody): Promise<HazardDetail> {
    const repo = new InspectionsRepository(ctx.db);
    const inspection = await repo.byId(id, scope(ctx));
    if (!inspection) throw notFound();
    if (!mayRecordInspection(ctx.actor!, inspection.kind, inspection.enterprise_id)) throw forbidden();
    const item = await repo.item(id, number);
    if (!item) throw notFound();
    if (item.result !== 'fail') throw new AppError('inspection_item_not_failed');
    if (item.hazard_id !== null) throw new AppError('inspection_item_has_hazard');
    const enterprise = await this.enterprises.find(ctx, inspection.enterprise_id);
    if (!enterprise) throw notFound();
    const template = checklistTemplate(inspection.template_code);
    const hazardId = await ctx.db.transaction().execute(async (trx) => {
      const hazardId = await this.hazards.insertFound(trx, ctx, this.foundHazard(enterprise, { id, kind: inspection.kind, campaignId: inspection.campaign_id }, template, item, body, inspection.inspected_at));
      if ((await new InspectionsRepository(trx).linkHazard(id, number, hazardId)) === 0) throw new AppError('inspection_item_has_hazard');
      return hazardId;
    });
    return this.hazards.get(ctx, hazardId);
  }

  private foundHazard(
    enterprise: EnterpriseRef,
    inspection: { id: string; kind: InspectionKind; campaignId: string | null },
    template: ChecklistTemplate,
    item: Pick<InspectionItemTable, 'number' | 'item_text' | 'note'>,
    wording: ItemHazardBody,
    foundAt: string,
  ) {
    return {
      enterprise,
      grade: hazardGradeForFailedItem(template.code, item.number),
      source: hazardSource(inspection.kind),
      description: wording.description?.trim() || failedItemDescription(item),
      place: wording.place?.trim() || null,
      photos: (wording.photos ?? []).map((p) => p.trim()).filter((p) => p !== ''),
      foundAt,
      inspectionId: inspection.id,
      inspectionItemNumber: item.number,
      // A hazard found in a campaign's inspection belongs to the campaign.
      campaignId: inspection.campaignId,
    };
  }
}

function scope(ctx: RequestContext) {
  const { onlyEnterpriseId } = hazardScope(ctx);
  return onlyEnterpriseId ? { onlyEnterpriseId } : {};
}
