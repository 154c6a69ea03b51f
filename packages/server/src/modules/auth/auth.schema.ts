import { Type } from 'typebox';

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 256 }), newPassword: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const GroundView = Type.Object({
  regionCodes: Type.Array(Type.String()),
  regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
});

export const Me = Type.Object(
  {
    id: Type.String(),
    username: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.String()),
    permissions: Type.Array(Type.String()),
    mustChangePassword: Type.Boolean(),
    ground: GroundView,
  },
);
