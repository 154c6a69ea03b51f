import { describe, expect, it } from 'vitest';
import { ALL_FIELDS, FIELD_RESOURCES, FIELD_RULES, forbiddenWrites, readableFields } from './field-rules.js';
import { ROLES } from './roles.js';

describe('field-level rules', () => {
  it.each([
    ['person', ['grid_worker'], ['phone', 'address', 'arrivalDate'], []],
    ['person', ['grid_worker'], ['version', 'category', 'phone', 'categoryReason'], ['category', 'categoryReason']],
    ['person', ['grid_worker'], ['onsetDate', 'sampleDate', 'reportDate', 'gridWorkerId'], ['onsetDate', 'sampleDate', 'reportDate', 'gridWorkerId']],
    ['person', ['district_officer'], ['category', 'categoryReason', 'onsetDate'], []],
    ['person', ['checkpoint_officer'], ['version', 'phone', 'name'], ['phone', 'name']],
    ['person_registration', ['grid_worker'], ['name', 'idNumber', 'category', 'gridCode'], []],
    ['person_registration', ['grid_worker'], ['name', 'reportDate'], ['reportDate']],
    ['enterprise', ['enterprise_officer'], ['principalPhone', 'supervisorUnitIds', 'majorHazardSource'], ['supervisorUnitIds', 'majorHazardSource']],
    ['enterprise', ['department_regulator'], ['supervisorUnitIds', 'majorHazardSource'], []],
  ] as const)('%s written by %j: %j → refused %j', (resource, roles, fields, refused) => {
    expect(forbiddenWrites(resource, roles, fields)).toEqual(refused);
  });

  it('lets a user write a field when any role holding the route’s permission may', () => {
    expect(forbiddenWrites('person', ['grid_worker', 'town_officer'], ['category'], 'persons:manage')).toEqual([]);
    // A city leader cannot manage persons: the grid worker's rule alone decides.
    expect(forbiddenWrites('person', ['grid_worker', 'city_leader'], ['category'], 'persons:manage')).toEqual(['category']);
  });

  it('withholds from a checkpoint officer everything but the masked identity, and nothing from others', () => {
    expect([...readableFields('person', ['checkpoint_officer'])!].sort()).toEqual(['id', 'idNumber', 'isDemo', 'name', 'visible']);
    for (const role of ['district_officer', 'grid_worker', 'city_leader'] as const) expect(readableFields('person', [role])).toBeNull();
    expect(readableFields('person', ['checkpoint_officer', 'town_officer'], 'persons:read')).toBeNull();
  });

  it('names only known roles, and never forbids writing the version', () => {
    for (const resource of FIELD_RESOURCES) {
      const rule = FIELD_RULES[resource];
      for (const role of [...Object.keys(rule.writeForbidden), ...Object.keys(rule.readOnly)]) expect(ROLES).toContain(role);
      for (const role of ROLES) expect(forbiddenWrites(resource, [role], ['version'])).toEqual([]);
    }
    expect(forbiddenWrites('person', ['checkpoint_officer'], [ALL_FIELDS, 'anything'])).toEqual([ALL_FIELDS, 'anything']);
  });
});
