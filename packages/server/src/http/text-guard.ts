import type { FastifyInstance } from 'fastify';
import { AppError, fieldError } from './errors.js';

/**
 * Text a client sends must be storable as it was sent (SECURITY.md row 26): a NUL character
 * cannot be stored in PostgreSQL text (the write would fail as a server error), and a lone UTF-16
 * surrogate (`"\ud800"` in JSON) has no UTF-8 form, so the database would silently store U+FFFD
 * instead. Both are refused with 400 naming the field, in path parameters, query strings and bodies.
 */
export function registerTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    for (const [root, value] of [['', request.params], ['', request.query], ['body', request.body]] as const) {
      const field = badTextAt(value, root);
      if (field !== null) throw new AppError('validation_failed', [fieldError(field || 'body', 'invalid')]);
    }
  });
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/**
 * The path of the first string (or key) that is not storable, or null. Iterative: a body may nest
 * arrays thousands deep within the size limit, and the walk must not overflow the stack on it.
 */
function badTextAt(root: unknown, rootPath: string): string | null {
  const stack: Array<[unknown, string]> = [[root, rootPath]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (!isStorableText(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((inner, i) => stack.push([inner, join(path, String(i))]));
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!isStorableText(key)) return join(path, 'key');
        stack.push([inner, join(path, key)]);
      }
    }
  }
  return null;
}

const join = (path: string, key: string) => (path === '' || path === 'body' ? key : `${path}.${key}`);
