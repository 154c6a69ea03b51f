import { CERTIFICATE_KINDS } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { Id } from './courses.schema.js';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ maxLength: 10, description: 'A calendar day, YYYY-MM-DD' });

export const CertificateKind = Type.Enum([...CERTIFICATE_KINDS]);
export const CertificateStatus = Type.Union([Type.Literal('valid'), Type.Literal('expiring'), Type.Literal('expired')]);

export const Certificate = Type.Object({
  id: Type.String(),
  kind: CertificateKind,
  ownerKind: Type.Union([Type.Literal('enterprise'), Type.Literal('unit')]),
  enterpriseId: Nullable(Type.String()),
  unitId: Nullable(Type.String()),
  ownerName: Nullable(Type.String({ description: 'The enterprise or the unit' })),
  regionCode: Type.String(),
  holderName: Type.String({ description: 'masked: surname only' }),
  holderIdNumber: Type.String({ description: 'masked: first 6 and last 4' }),
  certificateNo: Nullable(Type.String({ description: 'masked' })),
  operationType: Nullable(Type.String({ description: '作业类别 of a special-operation certificate, or the post' })),
  issuingAuthority: Nullable(Type.String()),
  issuedOn: Type.String(),
  expiresOn: Type.String(),
  reviewDueOn: Nullable(Type.String({ description: 'Next review (复审) of a special-operation certificate' })),
  lastReviewedOn: Nullable(Type.String()),
  dueOn: Type.String({ description: 'The earlier of expiry and review' }),
  due: Type.Union([Type.Literal('expiry'), Type.Literal('review')]),
  status: CertificateStatus,
  daysLeft: Type.Integer({ description: 'dueOn − today (China); negative once past' }),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Certificate = Static<typeof Certificate>;

export const CertificateList = Page(Certificate);
export const CertificateParams = Type.Object({ id: Id });

export const CertificateListQuery = Type.Object(
  {
    ...PageQuery,
    status: Type.Optional(CertificateStatus),
    kind: Type.Optional(CertificateKind),
    enterpriseId: Type.Optional(Id),
    unitId: Type.Optional(Id),
    regionCode: Type.Optional(RegionCode),
  },
  { additionalProperties: false },
);
export type CertificateListQuery = Static<typeof CertificateListQuery>;

export const AlertsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });

export const CertificateAlerts = Type.Object({
  today: Type.String({ description: 'The day in China the statuses are computed for' }),
  windowDays: Type.Integer({ description: 'A certificate is expiring this many days before its due date' }),
  expiring: Type.Integer(),
  expired: Type.Integer(),
  items: Type.Array(Certificate, { description: 'Expired and expiring certificates, the earliest due first' }),
  nextCursor: Nullable(Type.String()),
});
export type CertificateAlerts = Static<typeof CertificateAlerts>;

export const SearchBody = Type.Object({ idNumber: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false });
export const SearchResult = Type.Object({ items: Type.Array(Certificate) });

const holderFields = {
  holderName: Type.String({ minLength: 1, maxLength: 50 }),
  holderIdNumber: Type.String({ minLength: 1, maxLength: 40, description: 'Resident ID number (GB 11643); stored encrypted' }),
  certificateNo: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  operationType: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
  issuingAuthority: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
};

export const CreateCertificateBody = Type.Object(
  {
    kind: CertificateKind,
    ...holderFields,
    issuedOn: Day,
    expiresOn: Type.Optional(Day),
    reviewDueOn: Type.Optional(Nullable(Day)),
    enterpriseId: Type.Optional(Id),
    unitId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreateCertificateBody = Static<typeof CreateCertificateBody>;

export const UpdateCertificateBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1, description: 'The version read; 428 without it, 409 when stale' })),
    holderName: Type.Optional(holderFields.holderName),
    holderIdNumber: Type.Optional(holderFields.holderIdNumber),
    certificateNo: holderFields.certificateNo,
    operationType: holderFields.operationType,
    issuingAuthority: holderFields.issuingAuthority,
    issuedOn: Type.Optional(Day),
    expiresOn: Type.Optional(Day),
    reviewDueOn: Type.Optional(Nullable(Day)),
    reviewedOn: Type.Optional(Type.String({ maxLength: 10, description: 'A review (复审) passed on this day: the next one follows by the rule unless reviewDueOn is given' })),
  },
  { additionalProperties: false },
);
export type UpdateCertificateBody = Static<typeof UpdateCertificateBody>;
