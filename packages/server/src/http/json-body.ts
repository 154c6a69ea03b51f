import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8 (SECURITY.md row 26). Fastify's own parser decodes leniently,
 * so invalid bytes would silently turn into U+FFFD and be stored as if the client had sent them.
 */
export function registerStrictJsonParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new AppError('malformed_json'), undefined);
      return;
    }
    parseJson(request, text, done);
  });
}
