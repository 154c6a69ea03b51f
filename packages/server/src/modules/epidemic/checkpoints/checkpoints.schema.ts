import { Type, type Static, type TSchema } from 'typebox';
import { PersonBriefSchema } from '../followups/followups.schema.js';
import { Person } from '../persons/persons.schema.js';
import { CHECKPOINT_KINDS, TRANSPORTS } from './checkpoints.tables.js';

const Day = Type.String({ format: 'date', description: 'Calendar day in China, YYYY-MM-DD' });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const RegionCode = Type.String({ pattern: '^(\\d{6}|\\d{9}|\\d{12})$', description: 'Region code: 6, 9 or 12 digits' });
const Level = Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')]);

export const Checkpoint = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String({ description: CHECKPOINT_KINDS.join(' | ') }),
  regionCode: Type.String(),
  isDemo: Type.Boolean(),
  createdAt: Type.String(),
  version: Type.Integer(),
});
export type Checkpoint = Static<typeof Checkpoint>;
export const CheckpointList = Type.Object({ items: Type.Array(Checkpoint) });

export const CreateCheckpointBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 60 }),
    kind: Type.Union(CHECKPOINT_KINDS.map((k) => Type.Literal(k))),
    regionCode: RegionCode,
  },
  { additionalProperties: false },
);
export type CreateCheckpointBody = Static<typeof CreateCheckpointBody>;

export const ItineraryEntryBody = Type.Object(
  {
    date: Day,
    text: Type.String({ minLength: 1, maxLength: 100, description: 'The place as the traveller names it' }),
    regionCode: Type.Optional(RegionCode),
    placeId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'A named place (GET /places), e.g. a market designated a risk area' })),
  },
  { additionalProperties: false },
);

export const ItineraryEntry = Type.Object({
  date: Type.String(),
  text: Type.String(),
  regionCode: Nullable(Type.String()),
  placeId: Nullable(Type.String()),
  level: Level,
});

/**
 * An arrival at a checkpoint. Name and phone are needed only when the person is registered, i.e.
 * when the origin is a key area (medium or high risk on the arrival day); otherwise only the
 * keyed hash of the ID number is kept.
 */
export const RegisterArrivalBody = Type.Object(
  {
    idNumber: Type.String({ minLength: 1, maxLength: 40 }),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 30 })),
    gridCode: Type.String({ pattern: '^\\d{12}$', description: 'The grid (community / village) of the destination address' }),
    address: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    originRegionCode: Type.Optional(Nullable(RegionCode)),
    originText: Type.String({ minLength: 1, maxLength: 100, description: 'Where the person comes from, as they say it (city, county…)' }),
    originLevel: Type.Optional(Level),
    originLocalInfection: Type.Optional(Type.Boolean({ description: 'The origin county has local infections (本土疫情)' })),
    arrivalDate: Day,
    transport: Type.Union(TRANSPORTS.map((t) => Type.Literal(t))),
    tripNo: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 20, description: 'Flight, train or ship number' }))),
    itinerary: Type.Optional(
      Type.Array(ItineraryEntryBody, { maxItems: 20, description: 'Where the person was in the days before arriving (行程): a region or a named place on a day; a medium- or high-risk one makes the arrival one from a key area' }),
    ),
  },
  { additionalProperties: false },
);
export type RegisterArrivalBody = Static<typeof RegisterArrivalBody>;

export const Arrival = Type.Object({
  id: Type.String(),
  checkpointId: Type.String(),
  gridCode: Type.String(),
  person: Nullable(PersonBriefSchema),
  originRegionCode: Nullable(Type.String()),
  originText: Type.String(),
  originLevel: Level,
  originLocalInfection: Type.Boolean(),
  arrivalDate: Type.String(),
  transport: Type.String(),
  tripNo: Nullable(Type.String()),
  itinerary: Type.Array(ItineraryEntry, { description: 'With the level of each place on its day, as graded at registration' }),
  createdAt: Type.String(),
});
export type Arrival = Static<typeof Arrival>;
export const ArrivalList = Type.Object({ items: Type.Array(Arrival), nextCursor: Nullable(Type.String()) });

export const ArrivalResult = Type.Object({
  arrival: Arrival,
  /** The origin was a medium- or high-risk area on the arrival day. */
  keyArea: Type.Boolean(),
  /** The person was already under management before this arrival. */
  listed: Type.Boolean(),
  /** The person as registered or found; null when not registered, or registered outside your ground. */
  person: Nullable(Person),
  personCreated: Type.Boolean(),
  alertId: Nullable(Type.String()),
});
export type ArrivalResult = Static<typeof ArrivalResult>;

export const CheckpointParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const ArrivalListQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })), cursor: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

/** A gate device's API token as listed: never the token itself. */
export const CheckpointToken = Type.Object({
  id: Type.String(),
  checkpointId: Type.String(),
  name: Type.String(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokedBy: Nullable(Type.String()),
});
export type CheckpointToken = Static<typeof CheckpointToken>;
export const CheckpointTokenList = Type.Object({ items: Type.Array(CheckpointToken) });

/** The token is in this answer once, and nowhere else ever. */
export const IssuedCheckpointToken = Type.Object({
  ...CheckpointToken.properties,
  token: Type.String({ description: 'Send as Authorization: Bearer <token> to POST /travel-checks; shown only now' }),
});
export type IssuedCheckpointToken = Static<typeof IssuedCheckpointToken>;

export const IssueTokenBody = Type.Object({ name: Type.String({ minLength: 2, maxLength: 40, description: 'What the device is, e.g. 进站口 3 号闸机' }) }, { additionalProperties: false });
export const TokenParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), tokenId: Type.String({ minLength: 1, maxLength: 64 }) });
