import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { FieldCrypto } from '../../../privacy/field-crypto.js';
import type { AuditService } from '../../audit/audit.service.js';
import type { PersonsDirectory } from '../persons/persons.directory.js';
import { AlertsRepository } from './alerts.repository.js';
import type { Alert, AlertQuery } from './followups.schema.js';
import type { AlertKind } from './followups.tables.js';

const DETAIL_FIELD = 'alerts.detail';

export interface NewAlert {
  gridCode: string;
  kind: AlertKind;
  personId: string | null;
  arrivalId?: string | null;
  /** What the grid needs to act: origin, checkpoint, category, dates; never names or ID numbers. Stored encrypted. */
  detail: Record<string, unknown>;
  isDemo?: boolean;
}

/** Alerts to the grid (预警): raised by arrivals and positive tests, acknowledged by the grid. */
export class AlertsService {
  constructor(
    private readonly audit: AuditService,
    private readonly crypto: FieldCrypto,
    private readonly directory: PersonsDirectory,
  ) {}

  /** Inside the caller's transaction, which writes the audit row of the event that raised it. */
  async raiseIn(trx: Kysely<Database>, alert: NewAlert, at: string): Promise<string> {
    const id = randomUUID();
    await new AlertsRepository(trx).insert({
      id,
      region_code: alert.gridCode,
      kind: alert.kind,
      person_id: alert.personId,
      arrival_id: alert.arrivalId ?? null,
      detail_enc: this.crypto.encrypt(JSON.stringify(alert.detail), DETAIL_FIELD),
      status: 'open',
      acknowledged_by: null,
      acknowledged_at: null,
      is_demo: alert.isDemo ? 1 : 0,
      created_at: at,
    });
    return id;
  }

  async list(ctx: RequestContext, query: AlertQuery): Promise<{ items: Alert[] }> {
    const rows = await new AlertsRepository(ctx.db).list({ limit: query.limit ?? 50, ...(query.status ? { status: query.status } : {}), ...(query.gridCode ? { regionCode: query.gridCode } : {}) });
    const persons = await this.directory.briefs(
      ctx.db,
      rows.flatMap((row) => (row.person_id ? [row.person_id] : [])),
    );
    return {
      items: rows.map((row) => {
        const person = row.person_id ? persons.get(row.person_id) : undefined;
        return {
          id: row.id,
          kind: row.kind,
          gridCode: row.region_code,
          person: person ? { id: person.id, name: person.name, category: person.category, status: person.status, gridCode: person.gridCode, isDemo: person.isDemo, version: person.version } : null,
          detail: JSON.parse(this.crypto.decrypt(row.detail_enc, DETAIL_FIELD)) as Record<string, unknown>,
          status: row.status,
          createdAt: row.created_at,
          acknowledgedAt: row.acknowledged_at,
        };
      }),
    };
  }

  async acknowledge(ctx: RequestContext, id: string): Promise<void> {
    await ctx.db.transaction().execute(async (trx) => {
      const repo = new AlertsRepository(trx);
      const alert = await repo.byId(id);
      if (!alert) throw notFound();
      if (!(await repo.acknowledge(id, ctx.actor?.id ?? null, ctx.now().toISOString()))) throw new AppError('conflict');
      await this.audit.record(trx, ctx, { action: 'alert.acknowledge', objectType: 'alert', objectId: id, detail: { kind: alert.kind } });
    });
  }
}
