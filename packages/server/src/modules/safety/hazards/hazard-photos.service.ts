import { randomUUID } from 'node:crypto';
import { sniffPhotoType } from '@shoutu/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import type { ContentStore } from '../../../files/content-store.js';
import type { RequestContext } from '../../../http/context.js';
import { AppError, notFound } from '../../../http/errors.js';
import type { AuditService } from '../../audit/audit.service.js';
import { HazardPhotosRepository, type HazardPhotoRow } from './hazard-photos.repository.js';
import type { HazardPhoto } from './hazard-photos.schema.js';
import { presentPhoto } from './hazards.present.js';
import { HazardsRepository } from './hazards.repository.js';
import { hazardScope } from './hazards.service.js';

/** The content store's collection for hazard photos. */
export const HAZARD_PHOTOS = 'hazard-photos';

/**
 * Photos of a hazard (发现及整改前后照片): the bytes in the content store under their SHA-256, the row
 * (hazard, region, hash, type, size, uploader, time) in `hazard_photos`, grounded by the hazard's
 * region; a rectification submission names the ids of photos uploaded before it.
 */
export class HazardPhotosService {
  constructor(
    private readonly audit: AuditService,
    private readonly store: ContentStore,
    private readonly systemDb: Kysely<Database>,
  ) {}

  /**
   * Stores a photo of a hazard in the caller's ground; the type comes from the bytes alone. The
   * hazard is checked before the upload is read, so a foreign one is 404 whatever was sent.
   */
  async upload(ctx: RequestContext, hazardId: string, read: () => Promise<Buffer>): Promise<HazardPhoto> {
    const hazard = await new HazardsRepository(ctx.db).byId(hazardId, hazardScope(ctx));
    if (!hazard) throw notFound();
    if (hazard.status === 'closed') throw new AppError('hazard_closed');
    const bytes = await read();
    const mime = sniffPhotoType(bytes);
    if (mime === null) throw new AppError('photo_type_not_allowed');

    const { sha256, created } = await this.store.put(HAZARD_PHOTOS, bytes);
    const actor = ctx.actor!;
    const row: HazardPhotoRow = {
      id: randomUUID(),
      hazard_id: hazard.id,
      region_code: hazard.region_code,
      sha256,
      mime,
      bytes: bytes.length,
      uploaded_by: actor.id,
      uploaded_by_name: actor.displayName,
      uploaded_at: ctx.now().toISOString(),
    };
    try {
      await ctx.db.transaction().execute(async (trx) => {
        await new HazardPhotosRepository(trx).insert(row);
        await this.audit.record(trx, ctx, { action: 'hazard.photo_upload', objectType: 'hazard', objectId: hazard.id, detail: { photoId: row.id, sha256, mime, bytes: row.bytes } });
      });
    } catch (error) {
      // A failed write leaves nothing: the file goes too, unless another row already names the same content.
      if (created && !(await new HazardPhotosRepository(this.systemDb).isReferenced(sha256))) await this.store.remove(HAZARD_PHOTOS, sha256);
      throw error;
    }
    return presentPhoto(row);
  }

  /** The bytes of a photo of a hazard the caller may see; anything else is 404. */
  async file(ctx: RequestContext, hazardId: string, photoId: string): Promise<{ mime: string; bytes: Buffer }> {
    const hazard = await new HazardsRepository(ctx.db).byId(hazardId, hazardScope(ctx));
    if (!hazard) throw notFound();
    const row = await new HazardPhotosRepository(ctx.db).byId(hazard.id, photoId);
    if (!row) throw notFound();
    return { mime: row.mime, bytes: await this.store.read(HAZARD_PHOTOS, row.sha256) };
  }
}
