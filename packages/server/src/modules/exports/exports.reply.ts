import type { FastifyReply } from 'fastify';
import type { ExportOutcome, ProducedFile } from './exports.service.js';

/** A produced file as an attachment, with its export id, row count and SHA-256 in headers. */
export function sendExportFile(reply: FastifyReply, file: ProducedFile) {
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-export-id', file.exportId)
    .header('x-export-rows', String(file.rows))
    .header('x-export-sha256', file.sha256)
    .send(file.bytes);
}

/** 200 with the file, or 202 with the request that now waits for approval. */
export function sendExportOutcome(reply: FastifyReply, outcome: ExportOutcome) {
  return 'file' in outcome ? sendExportFile(reply, outcome.file) : reply.status(202).send(outcome.request);
}
