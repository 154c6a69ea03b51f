import { Type, type Static } from 'typebox';
import { PageQuery, Page } from '../../../http/pagination.js';

/** A calendar day in China, YYYY-MM-DD. */
const Day = Type.String({ format: 'date', description: 'Calendar day, YYYY-MM-DD' });
const OptionalDay = Type.Optional(Type.Union([Day, Type.Null()]));
const CategoryCode = Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', description: 'Category code, e.g. close_contact (the set is data)' });
const GridCode = Type.String({ pattern: '^\\d{12}$', description: '12-digit community / village code of the grid' });
const Name = Type.String({ minLength: 1, maxLength: 50 });
const Address = Type.String({ minLength: 1, maxLength: 200 });

const Localized = Type.Object({ 'zh-CN': Type.String(), en: Type.String() });

const Measure = Type.String({ description: 'hospital | centralized_quarantine | home_quarantine | health_monitoring | none' });

export const MeasureStep = Type.Object({
  measure: Measure,
  from: Type.String(),
  to: Type.Union([Type.String(), Type.Null()], { description: 'Last day (inclusive); null: until the release condition is met' }),
});

export const MeasureTest = Type.Object({
  day: Type.Integer({ description: 'Days after the start date (day 0)' }),
  date: Type.String(),
  setting: Measure,
});

/**
 * The measure plan computed from the policy edition in force on the start date (the domain's
 * computeMeasurePlan): nobody types an end date. Kept as computed; later plans supersede it.
 */
export const MeasurePlan = Type.Object({
  id: Type.String(),
  edition: Type.String(),
  editionName: Localized,
  editionSource: Type.String(),
  category: Type.String(),
  /** The measure in force today (the first one before it starts, the last one after it ends). */
  measure: Measure,
  /** Where today falls: before day 0, within the plan, or after its end date (release due). */
  phase: Type.Union([Type.Literal('upcoming'), Type.Literal('active'), Type.Literal('ended')]),
  startField: Type.String({ description: 'Which date is day 0: lastExposureDate, arrivalDate, sampleDate, onsetDate or reportDate' }),
  from: Type.String({ description: 'The start date, day 0' }),
  to: Type.Union([Type.String(), Type.Null()]),
  endDate: Type.Union([Type.String(), Type.Null()], { description: 'Last day of the plan; null when it ends on a release condition' }),
  steps: Type.Array(MeasureStep),
  tests: Type.Array(MeasureTest),
  release: Type.Union([Type.Object({ negativeTests: Type.Integer(), hoursApart: Type.Number(), fromDay: Type.Optional(Type.Integer()) }), Type.Null()]),
  /** The rule applied comes from a secondary source and is to be checked ([verify] in RULES.md). */
  verify: Type.Boolean(),
  computedAt: Type.String(),
  supersededAt: Type.Union([Type.String(), Type.Null()]),
});
export type MeasurePlan = Static<typeof MeasurePlan>;

/** A person as every default response shows them: identifiers masked (SECURITY.md row 16). */
const PersonProperties = {
  id: Type.String(),
  name: Type.String({ description: 'Masked: surname only' }),
  idNumber: Type.String({ description: 'Masked: first 6 and last 4' }),
  phone: Type.String({ description: 'Masked: first 3 and last 4' }),
  address: Type.Union([Type.String(), Type.Null()], { description: 'Masked: first characters only' }),
  sex: Type.Union([Type.Literal('male'), Type.Literal('female')]),
  birthYear: Type.Integer(),
  gridCode: Type.String(),
  gridWorkerId: Type.Union([Type.String(), Type.Null()]),
  category: Type.String(),
  onsetDate: Type.Union([Type.String(), Type.Null()]),
  lastExposureDate: Type.Union([Type.String(), Type.Null()]),
  sampleDate: Type.Union([Type.String(), Type.Null()]),
  reportDate: Type.Union([Type.String(), Type.Null()]),
  arrivalDate: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('managed'), Type.Literal('released')]),
  isDemo: Type.Boolean(),
  measurePlan: Type.Union([MeasurePlan, Type.Null()]),
  /** Why there is no plan: missing_start_date, no_edition_in_force or category_not_managed. */
  planProblem: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
};
export const Person = Type.Object(PersonProperties);
export type Person = Static<typeof Person>;

export const CategoryChange = Type.Object({
  category: Type.String(),
  fromCategory: Type.Union([Type.String(), Type.Null()]),
  changedBy: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  at: Type.String(),
});

export const PersonDetail = Type.Object({ ...PersonProperties, categoryHistory: Type.Array(CategoryChange), previousPlans: Type.Array(MeasurePlan) });
export type PersonDetail = Static<typeof PersonDetail>;

const PersonDates = {
  onsetDate: OptionalDay,
  lastExposureDate: OptionalDay,
  sampleDate: OptionalDay,
  reportDate: OptionalDay,
  arrivalDate: OptionalDay,
};

export const CreatePersonBody = Type.Object(
  {
    name: Name,
    idNumber: Type.String({ minLength: 1, maxLength: 40 }),
    phone: Type.String({ minLength: 1, maxLength: 30 }),
    gridCode: GridCode,
    category: CategoryCode,
    address: Type.Optional(Type.Union([Address, Type.Null()])),
    gridWorkerId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    ...PersonDates,
  },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    name: Type.Optional(Name),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    address: Type.Optional(Type.Union([Address, Type.Null()])),
    gridCode: Type.Optional(GridCode),
    gridWorkerId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    category: Type.Optional(CategoryCode),
    /** Required when the category changes: kept in the category history. */
    categoryReason: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    ...PersonDates,
  },
  { additionalProperties: false },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const ListFilters = {
  category: Type.Optional(CategoryCode),
  status: Type.Optional(Type.Union([Type.Literal('managed'), Type.Literal('released')])),
  regionCode: Type.Optional(Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region subtree (district, town or grid)' })),
  registeredOn: Type.Optional(Type.String({ format: 'date', description: 'Registered on this day in China (the dashboard\'s new registrations per day)' })),
};

/** Filters in the query string carry no personal data. */
export const PersonListQuery = Type.Object({ ...PageQuery, ...ListFilters }, { additionalProperties: false });
export type PersonListQuery = Static<typeof PersonListQuery>;

/**
 * Search by an exact ID number or mobile number goes in a POST body, never the URL: URLs end up
 * in access logs and browser history (SECURITY.md row 17).
 */
export const PersonSearchBody = Type.Object(
  {
    ...ListFilters,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Exact resident ID number or mobile number' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type PersonSearchBody = Static<typeof PersonSearchBody>;

export const PersonList = Page(Person);
export const PersonParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const UnmaskBody = Type.Object({ reason: Type.String({ minLength: 2, maxLength: 200 }) }, { additionalProperties: false });

/** The plaintext identifiers, returned once per audited request. */
export const UnmaskedPerson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumber: Type.String(),
  phone: Type.String(),
  address: Type.Union([Type.String(), Type.Null()]),
});

const ImportMode = Type.Union([Type.Literal('all_or_nothing'), Type.Literal('valid_rows_only')], {
  description: 'all_or_nothing (default): any row error refuses the file (400 import_rejected) and nothing is written; valid_rows_only: the valid rows are written and the others reported',
});
export const ImportQuery = Type.Object({ mode: Type.Optional(ImportMode) }, { additionalProperties: false });
export type ImportQuery = Static<typeof ImportQuery>;

const RowError = Type.Object({ row: Type.Integer({ description: 'Row of the file as a spreadsheet shows it (the header is row 1)' }), field: Type.String(), code: Type.String(), message: Localized });

export const ImportResult = Type.Object({
  mode: ImportMode,
  imported: Type.Integer(),
  rejected: Type.Integer({ description: 'Rows not imported because of an error' }),
  errors: Type.Array(RowError, { description: 'At most 1,000, in row order' }),
  truncated: Type.Boolean(),
});
