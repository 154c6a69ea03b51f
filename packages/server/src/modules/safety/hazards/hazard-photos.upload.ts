import type { FastifyRequest } from 'fastify';
import { AppError, fieldError } from '../../../http/errors.js';

/** What @fastify/multipart throws, by code. */
const TOO_LARGE = 'FST_REQ_FILE_TOO_LARGE';
const LIMITS = ['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT'];

/**
 * The one photo of a multipart/form-data request, as bytes, read in full but never past the size
 * limit: another content type is 415, more than one part, no file or an empty one is 400, a file
 * over the limit 413 — all before anything is stored.
 */
export async function readOnePhoto(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  let photo: Buffer | null = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } })) {
      if (part.type !== 'file' || part.fieldname !== 'file') throw new AppError('photo_required');
      photo = await part.toBuffer();
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code === TOO_LARGE) throw new AppError('photo_too_large');
    if (code !== undefined && LIMITS.includes(code)) throw new AppError('photo_required');
    // A body that is not well-formed multipart (cut off, bad boundary) is the client's fault.
    throw new AppError('validation_failed', [fieldError('file', 'invalid')]);
  }
  if (photo === null || photo.length === 0) throw new AppError('photo_required');
  return photo;
}
