import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../../../db/database.js';

/** '0005-safety-hazard-photos': who uploaded which photo to which hazard; the bytes are in the content store. */
export function hazardPhotosMigration(dialect: Dialect): Migration {
  const codeType = dialect === 'postgres' ? sql`text collate "C"` : sql`text`;
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('hazard_photos')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('hazard_id', 'text', (c) => c.notNull().references('hazards.id'))
        .addColumn('region_code', codeType, (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('uploaded_by', 'text')
        .addColumn('uploaded_by_name', 'text')
        .addColumn('uploaded_at', 'text', (c) => c.notNull())
        .execute();
      // A hazard's photos in upload order; whether a stored file is still referenced, by its hash.
      await db.schema.createIndex('hazard_photos_hazard').on('hazard_photos').columns(['hazard_id', 'uploaded_at']).execute();
      await db.schema.createIndex('hazard_photos_sha256').on('hazard_photos').column('sha256').execute();
    },
  };
}
