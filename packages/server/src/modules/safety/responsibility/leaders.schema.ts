import { REGION_LEADER_POSTS } from '@shoutu/domain';
import { Type, type Static } from 'typebox';
import { PageQuery, Page } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { Label, Nullable } from './duty.schema.js';

export const LeaderPost = Type.Enum(REGION_LEADER_POSTS, { description: 'party_secretary 党委书记, government_head 政府主要负责人, deputy_safety 分管安全生产副职, deputy_other 其他班子成员' });

export const RegionLeader = Type.Object({
  id: Type.String(),
  regionCode: Type.String(),
  regionName: Nullable(Type.String()),
  postKind: LeaderPost,
  postKindLabel: Label,
  postTitle: Type.String({ description: 'The post as it is called, e.g. 分管安全生产副区长' }),
  name: Type.String({ description: "Leaders' names are public" }),
  phone: Nullable(Type.String({ description: 'masked: 138****5678' })),
  templateId: Type.String({ description: 'The shipped duty-list template of the post' }),
  sortOrder: Type.Integer(),
  isDemo: Type.Boolean(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type RegionLeader = Static<typeof RegionLeader>;
export const RegionLeaderPage = Page(RegionLeader);

const Fields = {
  postKind: LeaderPost,
  postTitle: Type.String({ minLength: 2, maxLength: 50 }),
  name: Type.String({ minLength: 2, maxLength: 50 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 20, description: 'Mainland mobile; encrypted at rest' }))),
  sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 999 })),
};
export const CreateLeaderBody = Type.Object({ regionCode: RegionCode, ...Fields }, { additionalProperties: false });
export type CreateLeaderBody = Static<typeof CreateLeaderBody>;
export const UpdateLeaderBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    postKind: Type.Optional(Fields.postKind),
    postTitle: Type.Optional(Fields.postTitle),
    name: Type.Optional(Fields.name),
    phone: Fields.phone,
    sortOrder: Fields.sortOrder,
  },
  { additionalProperties: false },
);
export type UpdateLeaderBody = Static<typeof UpdateLeaderBody>;

export const LeaderListQuery = Type.Object({ ...PageQuery, regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });
export type LeaderListQuery = Static<typeof LeaderListQuery>;
