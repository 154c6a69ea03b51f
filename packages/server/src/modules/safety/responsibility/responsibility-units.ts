import { isWithinGround, type ResponsibilityUnitKind } from '@shoutu/domain';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, type FieldError } from '../../../http/errors.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { UnitsRepository } from '../../units/units.repository.js';
import type { EnterprisesService } from '../enterprises/enterprises.service.js';

export interface UnitInput {
  unitKind: ResponsibilityUnitKind;
  unitId?: string | null | undefined;
  unitName?: string | null | undefined;
  regionCode?: string | null | undefined;
}

export interface ResolvedUnit {
  unitKind: ResponsibilityUnitKind;
  unitId: string | null;
  unitName: string;
  regionCode: string;
}

/**
 * The unit a duty list or letter belongs to, found in the caller's ground: a department or an
 * enterprise by id (its name and region follow from the register), any other unit by name and
 * region. Field errors go into `errors`; null when the unit could not be resolved.
 */
export class ResponsibilityUnits {
  constructor(private readonly enterprises: EnterprisesService) {}

  async resolve(ctx: RequestContext, input: UnitInput, errors: FieldError[]): Promise<ResolvedUnit | null> {
    if (input.unitKind === 'department' || input.unitKind === 'enterprise') {
      if (!input.unitId) {
        errors.push(fieldError('unitId', 'required'));
        return null;
      }
      return input.unitKind === 'department' ? this.department(ctx, input.unitId, errors) : this.enterprise(ctx, input.unitId, errors);
    }
    const name = input.unitName?.trim() ?? '';
    if (name.length < 2) errors.push(fieldError('unitName', name === '' ? 'required' : 'too_short'));
    const code = input.regionCode ?? null;
    if (code === null) errors.push(fieldError('regionCode', 'required'));
    else if (!isWithinGround(code, ctx.actor!.ground)) errors.push(fieldError('regionCode', 'outside_ground'));
    else if (!(await new RegionsRepository(ctx.db).byCode(code))) errors.push(fieldError('regionCode', 'unknown_region'));
    if (errors.length || code === null) return null;
    return { unitKind: input.unitKind, unitId: null, unitName: name, regionCode: code };
  }

  private async department(ctx: RequestContext, id: string, errors: FieldError[]): Promise<ResolvedUnit | null> {
    const unit = await new UnitsRepository(ctx.db).byId(id);
    if (!unit) errors.push(fieldError('unitId', 'invalid'));
    else if (unit.kind !== 'department') errors.push(fieldError('unitId', 'not_a_department'));
    else return { unitKind: 'department', unitId: unit.id, unitName: unit.name, regionCode: unit.region_code };
    return null;
  }

  private async enterprise(ctx: RequestContext, id: string, errors: FieldError[]): Promise<ResolvedUnit | null> {
    try {
      const enterprise = await this.enterprises.get(ctx, id);
      return { unitKind: 'enterprise', unitId: enterprise.id, unitName: enterprise.name, regionCode: enterprise.regionCode };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      errors.push(fieldError('unitId', 'invalid'));
      return null;
    }
  }
}

/** This year in China (UTC+8): letters and the chain answer for it. */
export function chinaYear(now: Date): number {
  return new Date(now.getTime() + 8 * 3_600_000).getUTCFullYear();
}

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
