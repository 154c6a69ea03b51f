import { Type, type Static } from 'typebox';
import { RegionCode } from '../../regions/regions.schema.js';

const Days = (description: string) => Type.Integer({ description });

const Settings = {
  cityEscalationAfterDays: Days('Calendar days an overdue hazard stays escalated to its county before it goes to the city'),
  acceptanceWait: Type.Object(
    {
      generalWorkingDays: Days('Working days the acceptor has to accept or send back a general hazard’s rectification'),
      majorWorkingDays: Days('The same for a major hazard (assessment and on-site review)'),
    },
    { additionalProperties: false },
  ),
  listing: Type.Object(
    {
      publishWithinWorkingDays: Days('挂牌督办: the listing is public within this many working days'),
      delistingPublishWithinWorkingDays: Days('The delisting after acceptance is public within this many working days'),
      extensionRequestLeadWorkingDays: Days('An extension is asked for at least this many working days before the deadline'),
      extensionDecisionWithinWorkingDays: Days('The listing department decides on an extension within this many working days'),
      source: Type.String({ maxLength: 500, description: 'The local rule these limits come from' }),
      verify: Type.Boolean({ description: 'The limits come from a secondary source and await checking' }),
    },
    { additionalProperties: false },
  ),
};

export const HazardSettings = Type.Object({
  regionCode: Type.Union([Type.String(), Type.Null()], { description: 'Where these settings are made; null: the documented defaults' }),
  ...Settings,
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer({ description: '0 while the defaults apply' }),
});
export type HazardSettingsResponse = Static<typeof HazardSettings>;

export const HazardSettingsQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

export const PutHazardSettingsBody = Type.Object(
  {
    regionCode: RegionCode,
    version: Type.Optional(Type.Integer({ minimum: 0, description: 'The version read; 0 to replace the defaults' })),
    ...Settings,
  },
  { additionalProperties: false },
);
export type PutHazardSettingsBody = Static<typeof PutHazardSettingsBody>;
