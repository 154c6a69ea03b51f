import { Type } from 'typebox';

const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code of the authenticator app' });

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    totp: Type.Optional(TotpCode),
  },
  { additionalProperties: false },
);

export const TotpSetup = Type.Object({
  secret: Type.String({ description: 'base32, for typing into the authenticator app' }),
  otpauthUrl: Type.String({ description: 'otpauth://totp/… URI, usually shown as a QR code' }),
});

export const TotpConfirmBody = Type.Object({ code: TotpCode }, { additionalProperties: false });

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
    /** 'enrol' while an admin must set up TOTP before anything else (SECURITY.md row 4). */
    secondFactor: Type.Union([Type.Literal('not_required'), Type.Literal('enrol'), Type.Literal('verified')]),
    ground: GroundView,
  },
);
