import { Type, type Static } from 'typebox';
import { Label, Nullable } from './duty.schema.js';
import { LeaderPost } from './leaders.schema.js';
import { LetterStatus } from './letters.schema.js';

export const ResponsibilityChain = Type.Object({
  enterpriseId: Type.String(),
  enterpriseName: Type.String(),
  regionCode: Type.String(),
  year: Type.Integer({ description: 'The year of the letter shown (this year in China)' }),
  supervisors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), jurisdictionCode: Type.String() }), { description: 'Supervising departments (管行业必须管安全)' }),
  regions: Type.Array(
    Type.Object({
      regionCode: Type.String(),
      name: Nullable(Type.String()),
      level: Type.String(),
      leaders: Type.Array(Type.Object({ id: Type.String(), postKind: LeaderPost, postKindLabel: Label, postTitle: Type.String(), name: Type.String(), phone: Nullable(Type.String()), templateId: Type.String() })),
    }),
    { description: 'The regions above the enterprise, community first, up to the city, each with its leaders (属地管理)' },
  ),
  enterprise: Type.Object(
    { principalName: Nullable(Type.String()), principalPhone: Nullable(Type.String()), safetyOfficerName: Nullable(Type.String()), safetyOfficerPhone: Nullable(Type.String()) },
    { description: 'The enterprise itself (主体责任), masked' },
  ),
  letter: Nullable(Type.Object({ id: Type.String(), status: LetterStatus, statusLabel: Label, signedOn: Nullable(Type.String()), issuer: Type.String() })),
  dutyLists: Type.Array(Type.Object({ id: Type.String(), post: Type.String() }), { description: "The enterprise's own duty lists" }),
});
export type ResponsibilityChain = Static<typeof ResponsibilityChain>;
