import fc from 'fast-check';
import { isStorableText } from '../http/text-guard.js';

/**
 * fast-check arbitraries read from a route's JSON schema (the TypeBox objects are JSON Schema):
 * values that fit the schema's shape, so that a request gets past validation into the service,
 * and hostile values of every kind a client can send (SECURITY.md row 26).
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Strings an attacker or a broken client sends: injection, markup, traversal, control characters, odd Unicode. */
export const HOSTILE_STRINGS: readonly string[] = [
  "' OR '1'='1",
  "1'; DROP TABLE persons; --",
  '" OR ""="',
  "admin'--",
  '1 UNION SELECT password_hash FROM users',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(document.cookie)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '/etc/passwd\u0000.png',
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u0007\u001b[31mred\u001b[0m',
  '\r\nSet-Cookie: shoutu_session=stolen',
  '\u202eexe.txt',
  '\ufeff\u200b\u200d',
  '\ud800',
  'x\udfffy',
  '𠮷野家'.repeat(30),
  '${7*7}{{7*7}}#{7*7}',
  '__proto__',
  'constructor',
  '=cmd|\' /C calc\'!A0',
  '@SUM(1+1)*cmd',
  'null',
  'NaN',
  '-1',
  '1e309',
  '',
  ' ',
  '320706\n320703',
  '2022-02-30',
  '9999-12-31T23:59:59.999Z',
  '0000-00-00',
];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [null, true, false, 0, -1, 1.5, 2 ** 53 + 2, -1e308, 1e308, [], [null], {}, { $gt: '' }, { __proto__: null, toString: 1 }, 'x'.repeat(5000)];

const hostileString = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ minLength: 201, maxLength: 6000 }));

/** Anything at all: a hostile string, a value of a wrong type, or a random JSON value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(hostileString, fc.constantFrom(...WRONG_TYPES), fc.jsonValue({ maxDepth: 3 }));

const DATE = fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

function branches(schema: JsonSchema): JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

/** A value that fits the schema's shape (patterns, formats, bounds), built to reach the service. */
export function fitting(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const options = branches(schema);
  if (options) return fc.oneof(...options.map((s) => fitting(s, depth + 1)));
  if (schema.allOf) return fitting(Object.assign({}, ...schema.allOf), depth + 1);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 100_000, noNaN: true, noDefaultInfinity: true });
    case 'string':
      return fittingString(schema);
    case 'array': {
      if (depth > 4 || !schema.items) return fc.constant([]);
      const max = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(fitting(schema.items, depth + 1), { minLength: Math.min(schema.minItems ?? 0, max), maxLength: max });
    }
    case 'object':
      return fittingObject(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function fittingString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? Infinity));
  switch (schema.format) {
    case 'date':
      return DATE.map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return DATE.map((d) => d.toISOString());
    case 'uuid':
      return fc.uuid();
  }
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, 200);
  return fc.oneof(
    fc.string({ minLength: min, maxLength: max, unit: 'grapheme' }),
    fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length >= min && s.length <= max && isStorableText(s))),
  );
}

function fittingObject(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = fitting(property, depth + 1);
  // Optional keys come and go at random.
  return fc.record(record, { requiredKeys: (schema.required ?? []).filter((name) => name in properties) }) as fc.Arbitrary<Record<string, unknown>>;
}

export interface HostileBody {
  value: unknown;
  /** What was done to the fitting body, for the failure message. */
  mutation: string;
}

/**
 * A body for an object schema with one kind of damage: a field of the wrong type or a hostile
 * string, a required field left out, an unknown field, or a fitting body with hostile strings
 * wherever strings go. The route's own validator decides later whether it must be refused.
 */
export function hostileBody(schema: JsonSchema): fc.Arbitrary<HostileBody> {
  const properties = Object.keys(schema.properties ?? {});
  const base = fitting(schema) as fc.Arbitrary<Record<string, unknown>>;
  const damaged: Array<fc.Arbitrary<HostileBody>> = [
    fc.tuple(base, fc.string({ minLength: 1, maxLength: 20 }), hostileValue).map(([value, key, extra]) => ({ value: { ...value, [`x_${key}`]: extra }, mutation: `unknown field x_${key}` })),
    hostileValue.map((value) => ({ value, mutation: 'body replaced' })),
    base.map((value) => ({ value: deepHostile(value), mutation: 'strings replaced by hostile ones' })),
  ];
  if (properties.length > 0) {
    damaged.push(
      fc.tuple(base, fc.constantFrom(...properties), hostileValue).map(([value, key, bad]) => ({ value: { ...value, [key]: bad }, mutation: `field ${key} damaged` })),
      fc.tuple(base, fc.constantFrom(...properties), fc.constantFrom(...HOSTILE_STRINGS)).map(([value, key, bad]) => ({ value: { ...value, [key]: bad }, mutation: `field ${key} hostile string` })),
    );
  }
  if ((schema.required ?? []).length > 0) {
    damaged.push(
      fc.tuple(base, fc.constantFrom(...schema.required!)).map(([value, key]) => {
        const copy = { ...value };
        delete copy[key];
        return { value: copy, mutation: `required ${key} left out` };
      }),
    );
  }
  return fc.oneof(...damaged);
}

let hostileIndex = 0;
/** Replaces every string in a value by a hostile one (deterministically cycling through the list). */
function deepHostile(value: unknown): unknown {
  if (typeof value === 'string') return HOSTILE_STRINGS[hostileIndex++ % HOSTILE_STRINGS.length];
  if (Array.isArray(value)) return value.map(deepHostile);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepHostile(v)]));
  return value;
}

/** Percent-encodes the UTF-8 bytes of any string (a lone surrogate goes as the bytes Node makes of it). */
function encode(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).padStart(2, '0').toUpperCase()}`)).join('');
}

/** A query string built from the schema's keys (and strangers) with hostile values; arrays repeat the key. */
export function hostileQuery(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const keys = Object.keys(schema?.properties ?? {});
  const key = keys.length > 0 ? fc.oneof(fc.constantFrom(...keys), fc.constantFrom('__proto__', 'constructor', 'x[y]', 'limit[]')) : fc.constantFrom('__proto__', 'q', 'x[y]');
  const value = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS), fc.constantFrom('%ff', '%00', '%zz', '%', '1'.repeat(300)), fc.string({ maxLength: 30 }));
  const pair = fc.tuple(key, value, fc.boolean()).map(([k, v, raw]) => `${encode(k)}=${raw && /^%/.test(v) ? v : encode(v)}`);
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
}

/** A value for a path parameter: traversal, injection, an encoded NUL, a very long or an empty-looking id. */
export const hostileParam: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s !== '')).map(encode),
  fc.constantFrom('..%2f..%2fetc%2fpasswd', '%2e%2e', '%00', '%ff%fe', '%zz', 'a'.repeat(2000), '%20', '~', '1e309', '-1', '0', "'"),
  fc.string({ minLength: 1, maxLength: 40 }).map(encode),
);
