import { Type, type Static } from 'typebox';
import { PLACE_KINDS } from './areas.tables.js';

const Kind = Type.Union(PLACE_KINDS.map((k) => Type.Literal(k)));

export const NamedPlace = Type.Object({
  id: Type.String(),
  regionCode: Type.String({ description: 'The community (12 digits) that holds the place' }),
  name: Type.String(),
  kind: Type.String({ description: PLACE_KINDS.join(' | ') }),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
});
export type NamedPlace = Static<typeof NamedPlace>;
export const NamedPlaceList = Type.Object({ items: Type.Array(NamedPlace) });

export const CreatePlaceBody = Type.Object(
  {
    regionCode: Type.String({ pattern: '^\\d{12}$', description: 'The community (村/社区) that holds the place' }),
    name: Type.String({ minLength: 2, maxLength: 60, description: 'e.g. 海州区某某农贸市场, 某小区 5 号楼' }),
    kind: Kind,
  },
  { additionalProperties: false },
);
export type CreatePlaceBody = Static<typeof CreatePlaceBody>;

export const PlaceQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$' })),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 30, description: 'Part of the name' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
  },
  { additionalProperties: false },
);
export type PlaceQuery = Static<typeof PlaceQuery>;
