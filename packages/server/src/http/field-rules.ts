import { forbiddenWrites, readableFields, type FieldResource } from '@shoutu/domain';
import type { FastifyInstance } from 'fastify';
import { AppError, fieldError } from './errors.js';

/**
 * Where a route's body and answer meet the field-level rules (SECURITY.md row 9; the table is
 * `FIELD_RULES` in packages/domain). `write` names the resource the body writes; `read` names
 * each place in the answer where a resource appears, as a dotted path with `*` for every element
 * of an array ('' is the answer itself, 'items.*' each item of a page, 'items.*.person' the person
 * of each item).
 */
export interface RouteFields {
  write?: FieldResource;
  read?: ReadonlyArray<readonly [FieldResource, string]>;
}

export function registerFieldRules(app: FastifyInstance): void {
  // Before validation: a forbidden field is refused for being forbidden, whatever else the body holds.
  app.addHook('preValidation', async (request) => {
    const resource = request.routeOptions.config?.fields?.write;
    const actor = request.ctx?.actor;
    const body = request.body;
    if (!resource || !actor || body === null || typeof body !== 'object' || Array.isArray(body) || Buffer.isBuffer(body)) return;
    const refused = forbiddenWrites(resource, actor.roles, Object.keys(body), request.routeOptions.config.permission);
    if (refused.length > 0) throw new AppError('field_forbidden', refused.map((field) => fieldError(field, 'field_forbidden')));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const places = request.routeOptions.config?.fields?.read;
    const actor = request.ctx?.actor;
    if (!places || !actor || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    const withheld = places.flatMap(([resource, path]) => {
      const readable = readableFields(resource, actor.roles, request.routeOptions.config.permission);
      return readable ? [{ readable, path: path.split('.').filter(Boolean) }] : [];
    });
    if (withheld.length === 0) return payload;
    const body: unknown = JSON.parse(payload);
    for (const { readable, path } of withheld) keepOnly(body, path, readable);
    return JSON.stringify(body);
  });
}

/** Removes, from every object the path reaches, each key the role may not read. */
function keepOnly(value: unknown, path: readonly string[], readable: ReadonlySet<string>): void {
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = path;
  if (head === undefined) {
    if (Array.isArray(value)) return;
    for (const key of Object.keys(value)) if (!readable.has(key)) delete (value as Record<string, unknown>)[key];
    return;
  }
  if (head === '*') {
    if (Array.isArray(value)) for (const element of value) keepOnly(element, rest, readable);
    return;
  }
  keepOnly((value as Record<string, unknown>)[head], rest, readable);
}
