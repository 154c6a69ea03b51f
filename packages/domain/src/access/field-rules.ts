import { permissionsOf, type Permission, type Role } from './roles.js';

/**
 * Field-level rules (OWASP API3:2023, SECURITY.md row 9): which fields of a resource a role may
 * not write, and which a restricted role may read. A route names the resource its body writes
 * and where the resource appears in its answer; the server refuses a body with a forbidden field
 * (403 `field_forbidden` naming it) and strips the fields a role may not read from the answer.
 *
 * Roles grant: a user may write a field when any of their roles that holds the route's permission
 * may, and reads what the least restricted of those roles reads.
 */
export const FIELD_RESOURCES = ['person', 'person_registration', 'enterprise'] as const;
export type FieldResource = (typeof FIELD_RESOURCES)[number];

/** Every field of the body. */
export const ALL_FIELDS = '*';

export interface FieldRule {
  /** What the resource is, for the documentation and the test names. */
  description: string;
  /** Fields each role may not write; a role not named writes every field its permission allows. */
  writeForbidden: Partial<Record<Role, readonly string[]>>;
  /** The only fields a role reads; a role not named reads every field the answer carries. */
  readOnly: Partial<Record<Role, readonly string[]>>;
}

/** The person's classification and clinical dates are the epidemiologists' to set, not the grid's. */
const CLINICAL = ['onsetDate', 'sampleDate', 'reportDate'] as const;

export const FIELD_RULES: Readonly<Record<FieldResource, FieldRule>> = {
  person: {
    description: 'a person under management as read and as changed (PATCH)',
    writeForbidden: {
      // The grid keeps contact details and arrival facts; the category (and its reason), the
      // assigned grid worker and the clinical dates come from the district's epidemiologists.
      grid_worker: ['category', 'categoryReason', 'gridWorkerId', ...CLINICAL],
      // A checkpoint registers arrivals; it never edits a person.
      checkpoint_officer: [ALL_FIELDS],
    },
    readOnly: {
      // A checkpoint needs to know who stands in front of it (masked) and the travel decision, nothing more.
      // (`visible` says whether the caller may open a member of a chain: about the caller, not the person.)
      checkpoint_officer: ['id', 'name', 'idNumber', 'isDemo', 'visible'],
    },
  },
  person_registration: {
    description: 'the body that registers a person (POST /persons, a contact named by a case)',
    writeForbidden: {
      grid_worker: ['gridWorkerId', ...CLINICAL],
      // Persons reach the register from a checkpoint only through an arrival, which records the origin.
      checkpoint_officer: [ALL_FIELDS],
    },
    readOnly: {},
  },
  enterprise: {
    description: 'an enterprise of the register as written (POST, PATCH)',
    writeForbidden: {
      // Who supervises an enterprise and how hazardous it is are the regulator's findings, never
      // the enterprise's own: even if its officer is later let update its contacts.
      enterprise_officer: ['creditCode', 'industryCode', 'regionCode', 'hazardousChemicals', 'majorHazardSource', 'supervisorUnitIds'],
      grid_worker: ['creditCode', 'industryCode', 'regionCode', 'hazardousChemicals', 'majorHazardSource', 'supervisorUnitIds'],
    },
    readOnly: {},
  },
};

/** Fields that carry no content of their own and are never forbidden (the optimistic-lock version). */
const ALWAYS_WRITABLE = new Set(['version']);

/** The roles that speak for the user on a route: those holding its permission (all, if none or no permission). */
function actingRoles(roles: readonly Role[], permission?: Permission | string): readonly Role[] {
  if (!permission) return roles;
  const holding = roles.filter((role) => permissionsOf([role]).includes(permission as Permission));
  return holding.length > 0 ? holding : roles;
}

function forbids(rule: FieldRule, role: Role, field: string): boolean {
  const fields = rule.writeForbidden[role];
  return fields !== undefined && (fields.includes(ALL_FIELDS) || fields.includes(field));
}

/** The fields of a body that none of the user's acting roles may write, in the body's order. */
export function forbiddenWrites(resource: FieldResource, roles: readonly Role[], fields: readonly string[], permission?: Permission | string): string[] {
  const rule = FIELD_RULES[resource];
  const acting = actingRoles(roles, permission);
  if (acting.length === 0) return [];
  return fields.filter((field) => !ALWAYS_WRITABLE.has(field) && acting.every((role) => forbids(rule, role, field)));
}

/** The fields the user may read of a resource, or null when nothing is withheld. */
export function readableFields(resource: FieldResource, roles: readonly Role[], permission?: Permission | string): ReadonlySet<string> | null {
  const rule = FIELD_RULES[resource];
  const acting = actingRoles(roles, permission);
  if (acting.length === 0 || acting.some((role) => rule.readOnly[role] === undefined)) return null;
  return new Set(acting.flatMap((role) => rule.readOnly[role] ?? []));
}
