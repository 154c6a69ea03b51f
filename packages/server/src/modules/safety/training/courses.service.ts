import { randomUUID } from 'node:crypto';
import type { Kysely, Updateable } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, fieldError, forbidden, invalid, notFound, type FieldError } from '../../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../../http/pagination.js';
import type { AuditService } from '../../audit/audit.service.js';
import { RegionsRepository } from '../../regions/regions.repository.js';
import { CoursesRepository, type CourseRow } from './courses.repository.js';
import type { Course, CourseListQuery, CreateCourseBody, UpdateCourseBody } from './courses.schema.js';
import { homeRegionOf, mayEditCourse } from './training.policy.js';
import type { TrainingCourseTable } from './training.tables.js';

/** Blank optional text is no text. */
function blankToNull(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function checkLink(link: string | null, errors: FieldError[]): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.toString();
  } catch {
    // reported below
  }
  errors.push(fieldError('link', 'invalid'));
  return null;
}

function requiredText(text: string, field: string, errors: FieldError[]): string {
  const trimmed = text.trim();
  if (trimmed === '') errors.push(fieldError(field, 'required'));
  return trimmed;
}

/**
 * The course library (课程库): videos and documents to train with. Reads see the whole library;
 * each write is one transaction with its audit row.
 */
export class CoursesService {
  /** `systemDb` names owner regions, which may lie above the caller's ground (a province's film). */
  constructor(
    private readonly audit: AuditService,
    private readonly systemDb: Kysely<Database>,
  ) {}

  async present(ctx: RequestContext, rows: CourseRow[]): Promise<Course[]> {
    const regions = await new RegionsRepository(this.systemDb).byCodes([...new Set(rows.map((row) => row.owner_region_code))]);
    const names = new Map(regions.map((region) => [region.code, region.name]));
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      source: row.source,
      kind: row.kind,
      durationMinutes: row.duration_minutes,
      link: row.link,
      fileRef: row.file_ref,
      summary: row.summary,
      ownerRegionName: names.get(row.owner_region_code) ?? null,
      canEdit: mayEditCourse(ctx.actor!, row.owner_region_code),
      isDemo: row.is_demo === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: row.version,
    }));
  }

  async list(ctx: RequestContext, query: CourseListQuery) {
    const limit = query.limit ?? 50;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    const q = query.q?.trim();
    const rows = await new CoursesRepository(ctx.db).list({ ...(q ? { q } : {}), ...(query.kind ? { kind: query.kind } : {}) }, { limit: limit + 1, ...(after ? { after } : {}) });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return { items: await this.present(ctx, page), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null };
  }

  async get(ctx: RequestContext, id: string): Promise<Course> {
    const row = await new CoursesRepository(ctx.db).byId(id);
    if (!row) throw notFound();
    return (await this.present(ctx, [row]))[0]!;
  }

  async create(ctx: RequestContext, body: CreateCourseBody): Promise<Course> {
    const errors: FieldError[] = [];
    const title = requiredText(body.title, 'title', errors);
    const source = requiredText(body.source, 'source', errors);
    const link = checkLink(blankToNull(body.link), errors);
    if (errors.length) throw invalid(...errors);
    const now = ctx.now().toISOString();
    const row: TrainingCourseTable = {
      id: randomUUID(),
      title,
      source,
      kind: body.kind,
      duration_minutes: body.durationMinutes,
      link,
      file_ref: blankToNull(body.fileRef),
      summary: blankToNull(body.summary),
      owner_region_code: homeRegionOf(ctx.actor!),
      is_demo: 0,
      created_by: ctx.actor!.id,
      created_at: now,
      updated_at: now,
      version: 1,
    };
    await ctx.db.transaction().execute(async (trx) => {
      await new CoursesRepository(trx).insert(row);
      await this.audit.record(trx, ctx, { action: 'training.course.create', objectType: 'training_course', objectId: row.id, detail: { title, source, kind: row.kind, durationMinutes: row.duration_minutes } });
    });
    return this.get(ctx, row.id);
  }

  async update(ctx: RequestContext, id: string, body: UpdateCourseBody): Promise<Course> {
    if (body.version === undefined) throw new AppError('version_required');
    const current = await new CoursesRepository(ctx.db).byId(id);
    if (!current) throw notFound();
    if (!mayEditCourse(ctx.actor!, current.owner_region_code)) throw forbidden();
    const errors: FieldError[] = [];
    const changes: Updateable<TrainingCourseTable> = {};
    if (body.title !== undefined) changes.title = requiredText(body.title, 'title', errors);
    if (body.source !== undefined) changes.source = requiredText(body.source, 'source', errors);
    if (body.kind !== undefined) changes.kind = body.kind;
    if (body.durationMinutes !== undefined) changes.duration_minutes = body.durationMinutes;
    if (body.link !== undefined) changes.link = checkLink(blankToNull(body.link), errors);
    if (body.fileRef !== undefined) changes.file_ref = blankToNull(body.fileRef);
    if (body.summary !== undefined) changes.summary = blankToNull(body.summary);
    if (errors.length) throw invalid(...errors);
    if (current.version !== body.version) throw new AppError('version_conflict');
    await ctx.db.transaction().execute(async (trx) => {
      if ((await new CoursesRepository(trx).updateVersioned(id, body.version!, { ...changes, updated_at: ctx.now().toISOString() })) === 0) throw new AppError('version_conflict');
      await this.audit.record(trx, ctx, { action: 'training.course.update', objectType: 'training_course', objectId: id, detail: { fields: Object.keys(changes), version: body.version! + 1 } });
    });
    return this.get(ctx, id);
  }
}
