import { Type } from 'typebox';
import { RegionCode } from '../regions/regions.schema.js';

const Matter = Type.String({ minLength: 1, maxLength: 64 });

export const Unit = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('department'), Type.Literal('zone')]),
    regionCode: Type.String(),
    matters: Type.Array(Type.String()),
    memberRegionCodes: Type.Array(Type.String()),
    version: Type.Integer(),
  },
);

export const CreateUnitBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    kind: Type.Union([Type.Literal('department'), Type.Literal('zone')]),
    regionCode: RegionCode,
    matters: Type.Optional(Type.Array(Matter, { maxItems: 200, uniqueItems: true })),
    memberRegionCodes: Type.Optional(Type.Array(RegionCode, { maxItems: 200, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const UpdateUnitBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    matters: Type.Optional(Type.Array(Matter, { maxItems: 200, uniqueItems: true })),
    memberRegionCodes: Type.Optional(Type.Array(RegionCode, { maxItems: 200, uniqueItems: true })),
  },
  { additionalProperties: false },
);

export const UnitParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const UnitListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const UnitList = Type.Object({ items: Type.Array(Unit), nextCursor: Type.Union([Type.String(), Type.Null()]) });
