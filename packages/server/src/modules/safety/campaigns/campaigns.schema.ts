import { CHECKLIST_TEMPLATE_CODES } from '@shoutu/domain';
import { Type, type Static, type TSchema } from 'typebox';
import { Page, PageQuery } from '../../../http/pagination.js';
import { RegionCode } from '../../regions/regions.schema.js';
import { INDUSTRY_CODE_PATTERN } from '../industries/industries.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day of China’s calendar, YYYY-MM-DD' });
const Percent = Nullable(Type.Integer({ minimum: 0, maximum: 100 }));

export const CampaignPhase = Type.Enum(['planned', 'active', 'ended']);

const ScopeInput = Type.Object(
  {
    industries: Type.Array(Type.String({ pattern: INDUSTRY_CODE_PATTERN }), { maxItems: 50, uniqueItems: true, description: 'GB/T 4754 codes, taken as prefixes; empty: any industry' }),
    regions: Type.Array(RegionCode, { maxItems: 100, uniqueItems: true, description: 'Region subtrees inside the campaign’s region; empty: all of it' }),
    enterpriseIds: Type.Array(Id, { maxItems: 1000, uniqueItems: true, description: 'Enterprises named one by one, added to those the industries and regions select' }),
  },
  { additionalProperties: false },
);

const TargetsInput = Type.Object(
  {
    inspectedPct: Percent,
    closedPct: Percent,
  },
  { additionalProperties: false, description: 'Whole percent: enterprises in scope inspected by a regulator; hazards found that are closed' },
);

const editable = {
  title: Type.String({ minLength: 1, maxLength: 100 }),
  description: Nullable(Type.String({ maxLength: 4000 })),
  templateCode: Type.Enum(CHECKLIST_TEMPLATE_CODES, { description: 'The checklist the campaign’s inspections use' }),
  scope: ScopeInput,
  startsOn: Day,
  endsOn: Day,
  targets: TargetsInput,
};

export const CreateCampaignBody = Type.Object(
  {
    ...editable,
    description: Type.Optional(editable.description),
    regionCode: Type.Optional({ ...RegionCode, description: 'The organising level: a region of your ground; default the smallest region holding your ground' }),
  },
  { additionalProperties: false },
);
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    version: Type.Optional(Type.Integer({ minimum: 1 })),
    title: Type.Optional(editable.title),
    description: Type.Optional(editable.description),
    templateCode: Type.Optional(editable.templateCode),
    scope: Type.Optional(editable.scope),
    startsOn: Type.Optional(editable.startsOn),
    endsOn: Type.Optional(editable.endsOn),
    targets: Type.Optional(editable.targets),
  },
  { additionalProperties: false },
);
export type UpdateCampaignBody = Static<typeof UpdateCampaignBody>;

const NamedEnterprise = Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()], { description: 'null when the enterprise lies outside your ground' }) });

export const Campaign = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Nullable(Type.String()),
  organizerRegionCode: Type.String({ description: 'The organising level; the campaign applies to its whole subtree, so the regions below read it too' }),
  organizerRegionName: Nullable(Type.String()),
  templateCode: editable.templateCode,
  scope: Type.Object({ industries: Type.Array(Type.String()), regions: Type.Array(Type.String()), enterprises: Type.Array(NamedEnterprise) }),
  startsOn: Type.String(),
  endsOn: Type.String(),
  phase: CampaignPhase,
  targets: Type.Object({ inspectedPct: Percent, closedPct: Percent }),
  unitId: Nullable(Type.String()),
  editable: Type.Boolean({ description: 'Whether you may change it: your ground holds its organising region and you may organise campaigns' }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});
export type Campaign = Static<typeof Campaign>;

export const CampaignList = Page(Campaign);
export const CampaignParams = Type.Object({ id: Id });
export const CampaignListQuery = Type.Object({ ...PageQuery, phase: Type.Optional(CampaignPhase) }, { additionalProperties: false });
export type CampaignListQuery = Static<typeof CampaignListQuery>;

const Figures = {
  inScope: Type.Integer({ description: 'Enterprises in scope' }),
  inspected: Type.Integer({ description: 'Of those, inspected by a regulator in the campaign' }),
  selfInspected: Type.Integer({ description: 'Of those, with a self-inspection in the campaign' }),
  hazardsFound: Type.Integer(),
  hazardsClosed: Type.Integer(),
  hazardsOverdue: Type.Integer({ description: 'Open and past their deadline now' }),
  inspectedPct: Nullable(Type.Number({ description: 'Percent, one decimal, rounded down' })),
  closedPct: Nullable(Type.Number()),
  inspectedMet: Nullable(Type.Boolean({ description: 'null without a target or without anything to measure' })),
  closedMet: Nullable(Type.Boolean()),
};
export const CampaignProgress = Type.Object({
  campaignId: Type.String(),
  regionCode: Type.String({ description: 'The region broken down into its child regions' }),
  total: Type.Object(Figures),
  rows: Type.Array(Type.Object({ regionCode: Type.String(), name: Type.String(), ...Figures })),
});
export type CampaignProgress = Static<typeof CampaignProgress>;
export const ProgressQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

export const ScopedEnterprise = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionCode: Type.String(),
  industryCode: Type.String(),
  industryName: Type.String(),
  lastInspectedAt: Nullable(Type.String({ description: 'Latest regulator inspection in the campaign' })),
  hazardsFound: Type.Integer(),
  hazardsOpen: Type.Integer(),
});
export const ScopedEnterpriseList = Page(ScopedEnterprise);
export const ScopedEnterpriseQuery = Type.Object(
  { ...PageQuery, regionCode: Type.Optional(RegionCode), inspected: Type.Optional(Type.Boolean({ description: 'false: only those no regulator has inspected in the campaign yet' })) },
  { additionalProperties: false },
);
export type ScopedEnterpriseQuery = Static<typeof ScopedEnterpriseQuery>;
