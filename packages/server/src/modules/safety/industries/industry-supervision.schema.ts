import { Type, type Static } from 'typebox';
import { INDUSTRY_CODE_PATTERN } from './industries.js';

export const IndustryList = Type.Object({ items: Type.Array(Type.Object({ industryCode: Type.String(), name: Type.String() })) });

const MappedUnit = Type.Object({ id: Type.String(), name: Type.String(), jurisdictionCode: Type.String() });
export const IndustrySupervision = Type.Object({
  items: Type.Array(Type.Object({ industryPrefix: Type.String(), industryName: Type.String(), units: Type.Array(MappedUnit) })),
  version: Type.String({ description: 'Send it back with PUT: a changed mapping answers 409' }),
});
export type IndustrySupervision = Static<typeof IndustrySupervision>;

export const PutIndustrySupervisionBody = Type.Object(
  {
    version: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    items: Type.Array(
      Type.Object(
        {
          industryPrefix: Type.String({ pattern: INDUSTRY_CODE_PATTERN }),
          unitIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50, uniqueItems: true }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 500 },
    ),
  },
  { additionalProperties: false },
);
export type PutIndustrySupervisionBody = Static<typeof PutIndustrySupervisionBody>;
