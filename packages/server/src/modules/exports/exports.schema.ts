import { Type, type Static } from 'typebox';
import { Page, PageQuery } from '../../http/pagination.js';

const Format = Type.Union([Type.Literal('csv'), Type.Literal('xlsx'), Type.Literal('pdf')]);
const Reason = Type.String({ minLength: 2, maxLength: 200 });

/** The fields every list's export body adds to its filters. */
export const ExportOptions = {
  format: Format,
  unmasked: Type.Optional(Type.Boolean({ description: 'Full identifiers instead of masked ones: needs the unmask permission and a reason; audited as such' })),
  reason: Type.Optional(Type.String({ minLength: 2, maxLength: 200, description: 'What the list is for; required when unmasked, shown to the approver' })),
};
export interface ExportOptions {
  format: Static<typeof Format>;
  unmasked?: boolean;
  reason?: string;
}

const Status = Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected'), Type.Literal('downloaded'), Type.Literal('expired')]);
const Official = Type.Object({ id: Type.String(), name: Type.String() });

export const ExportRequest = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'Which list: persons, enterprises, …' }),
  title: Type.String({ description: 'The list, in Chinese' }),
  format: Format,
  filter: Type.Record(Type.String(), Type.Unknown(), { description: 'The filter of the list as requested (never personal data)' }),
  unmasked: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  status: Status,
  rowCount: Type.Integer({ description: 'Rows of the filter when requested' }),
  regionCode: Type.String({ description: "The requester's home region; approvers of a ground holding it see the request" }),
  requester: Official,
  decidedBy: Type.Union([Official, Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.Union([Type.String(), Type.Null()], { description: 'End of the download window of an approved request' }),
  producedAt: Type.Union([Type.String(), Type.Null()]),
  fileRows: Type.Union([Type.Integer(), Type.Null()]),
  fileSha256: Type.Union([Type.String(), Type.Null()]),
  /** What the caller may do with it now. */
  mine: Type.Boolean(),
  canDecide: Type.Boolean(),
  canDownload: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type ExportRequest = Static<typeof ExportRequest>;

export const ExportList = Page(ExportRequest);

export const ExportListQuery = Type.Object(
  {
    ...PageQuery,
    box: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('to_approve'), Type.Literal('decided')], { description: 'mine (default): my exports; to_approve: pending requests of others in my ground; decided: those I approved or rejected' })),
  },
  { additionalProperties: false },
);
export type ExportListQuery = Static<typeof ExportListQuery>;

export const ExportParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const DecisionBody = Type.Object(
  { version: Type.Optional(Type.Integer({ minimum: 1 })), reason: Reason },
  { additionalProperties: false },
);
export type DecisionBody = Static<typeof DecisionBody>;
