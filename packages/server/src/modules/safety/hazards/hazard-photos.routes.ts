import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContentStore } from '../../../files/content-store.js';
import { HazardPhoto, HazardPhotoParams } from './hazard-photos.schema.js';
import { HazardPhotosService } from './hazard-photos.service.js';
import { readOnePhoto } from './hazard-photos.upload.js';
import { HazardParams } from './hazards.schema.js';

export const hazardPhotosRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const maxBytes = app.config.files.photoMaxBytes;
  // Multipart is parsed in this scope only; nothing is written to temporary files.
  await app.register(multipart, { throwFileSizeLimit: true, limits: { fileSize: maxBytes, files: 1 } });
  const service = new HazardPhotosService(app.services.audit, new ContentStore(app.config.files.dir), app.services.db.kysely);
  const tags = ['hazards'];

  app.post(
    '/hazards/:id/photos',
    {
      // Content decides: the same bytes are stored once, so a retried upload costs a row, not a file.
      config: { permission: 'hazards:manage', idempotent: false },
      schema: {
        tags,
        summary: `Upload one photo of the hazard as the \`file\` field of multipart/form-data: JPEG, PNG or WebP by its content (415 otherwise), at most ${maxBytes} bytes (413); a rectification submission then names its id`,
        consumes: ['multipart/form-data'],
        params: HazardParams,
        response: { 201: HazardPhoto },
      },
    },
    async (request, reply) => reply.status(201).send(await service.upload(request.ctx, request.params.id, () => readOnePhoto(request, maxBytes))),
  );

  app.get(
    '/hazards/:id/photos/:photoId',
    { config: { permission: 'hazards:read' }, schema: { tags, summary: 'The bytes of a photo of a hazard in your ground, with its content type; never cached', params: HazardPhotoParams } },
    async (request, reply) => {
      const photo = await service.file(request.ctx, request.params.id, request.params.photoId);
      return reply.type(photo.mime).header('content-disposition', 'inline').send(photo.bytes);
    },
  );
};
