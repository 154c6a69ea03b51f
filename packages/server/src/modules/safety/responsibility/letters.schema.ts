import { LETTER_STATUSES } from '@shoutu/domain';
import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { Id, Label, Nullable, UnitKind } from './duty.schema.js';

const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const LetterStatus = Type.Enum(LETTER_STATUSES, { description: 'pending 待签订, signed 已签订, returned 已退回' });

export const Letter = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer(),
  unitKind: UnitKind,
  unitId: Nullable(Type.String()),
  unitName: Type.String(),
  issuer: Type.String(),
  title: Type.String(),
  status: LetterStatus,
  statusLabel: Label,
  signedOn: Nullable(Type.String()),
  signerName: Nullable(Type.String({ description: 'masked: surname only' })),
  returnedReason: Nullable(Type.String()),
  statusChangedAt: Nullable(Type.String()),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Letter = Static<typeof Letter>;
export const LetterPage = Page(Letter);

export const CreateLetterBody = Type.Object(
  {
    year: Year,
    unitKind: UnitKind,
    unitId: Type.Optional(Nullable(Id)),
    unitName: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    regionCode: Type.Optional(Nullable(RegionCode)),
    issuer: Type.String({ minLength: 2, maxLength: 100, description: 'Who issues the letter (甲方), e.g. 连云港市人民政府' }),
    title: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type CreateLetterBody = Static<typeof CreateLetterBody>;

export const LetterStatusBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    status: LetterStatus,
    signedOn: Type.Optional(Day),
    signer: Type.Optional(Type.String({ maxLength: 50, description: 'Who signed for the unit; stored, answered masked' })),
    reason: Type.Optional(Type.String({ maxLength: 500, description: 'Why the letter was returned' })),
  },
  { additionalProperties: false },
);
export type LetterStatusBody = Static<typeof LetterStatusBody>;

export const LetterListQuery = Type.Object(
  {
    ...PageQuery,
    year: Type.Optional(Year),
    status: Type.Optional(Type.Union([LetterStatus, Type.Literal('unsigned')], { description: 'unsigned: pending or returned' })),
    regionCode: Type.Optional(RegionCode),
    unitKind: Type.Optional(UnitKind),
  },
  { additionalProperties: false },
);
export type LetterListQuery = Static<typeof LetterListQuery>;

export const LetterSummaryQuery = Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false });
export const LetterSummary = Type.Object({
  year: Type.Integer(),
  total: Type.Integer(),
  signed: Type.Integer(),
  pending: Type.Integer(),
  returned: Type.Integer(),
  signedRate: Nullable(Type.Number({ description: 'Per cent, one decimal' })),
});
