import { Type } from 'typebox';
import { ROLES } from '@shoutu/domain';
import { RegionCode } from '../regions/regions.schema.js';

const RoleCode = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Username = Type.String({ pattern: '^[a-zA-Z0-9_.-]{3,32}$' });
const DisplayName = Type.String({ minLength: 1, maxLength: 64 });
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const User = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    ground: Type.Object({
      regionCodes: Type.Array(Type.String()),
      departmentId: Type.Union([Type.String(), Type.Null()]),
      enterpriseId: Type.Union([Type.String(), Type.Null()]),
    }),
    disabled: Type.Boolean(),
    mustChangePassword: Type.Boolean(),
    lockedUntil: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    version: Type.Integer(),
  },
);

export const CreateUserBody = Type.Object(
  {
    username: Username,
    displayName: DisplayName,
    roles: Type.Array(RoleCode, { minItems: 1, maxItems: 10, uniqueItems: true }),
    regionCodes: Type.Array(RegionCode, { minItems: 1, maxItems: 50, uniqueItems: true }),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    enterpriseId: Type.Optional(Type.Union([Id, Type.Null()])),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    displayName: Type.Optional(DisplayName),
    roles: Type.Optional(Type.Array(RoleCode, { minItems: 1, maxItems: 10, uniqueItems: true })),
    regionCodes: Type.Optional(Type.Array(RegionCode, { minItems: 1, maxItems: 50, uniqueItems: true })),
    departmentId: Type.Optional(Type.Union([Id, Type.Null()])),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false });
export const UserParams = Type.Object({ id: Id });
export const UserListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    q: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export const UserList = Type.Object({ items: Type.Array(User), nextCursor: Type.Union([Type.String(), Type.Null()]) });
