import { Type, type Static } from 'typebox';

export const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'GB/T 2260 / statistics division code' });

export const Region = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county'), Type.Literal('town'), Type.Literal('community'), Type.Literal('zone')]),
    parentCode: Type.Union([Type.String(), Type.Null()]),
    childCount: Type.Integer(),
  },
);
export type Region = Static<typeof Region>;

export const RegionListQuery = Type.Object({ parent: Type.Optional(RegionCode) }, { additionalProperties: false });
export const RegionParams = Type.Object({ code: RegionCode });
export const RegionList = Type.Object({ items: Type.Array(Region) });
