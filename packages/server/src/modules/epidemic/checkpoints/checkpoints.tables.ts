export const CHECKPOINT_KINDS = ['airport', 'station', 'port', 'highway_exit'] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export const TRANSPORTS = ['flight', 'train', 'ship', 'car', 'bus', 'other'] as const;
export type Transport = (typeof TRANSPORTS)[number];

/** A checkpoint (卡口) at a key place: airport, railway station, port or highway exit. */
export interface CheckpointTable {
  id: string;
  region_code: string;
  name: string;
  kind: CheckpointKind;
  is_demo: number;
  created_at: string;
  updated_at: string;
  version: number;
}

/**
 * An arrival registered at a checkpoint. Grounded by the destination grid. Only the keyed hash of
 * the ID number is kept for an arrival who is not listed (minimum necessity, PIPL art. 6): it is
 * what lets a later travel check see where the person came from.
 */
export interface ArrivalTable {
  id: string;
  region_code: string;
  checkpoint_id: string;
  /** The person under management, when the arrival is listed or was registered for coming from a key area. */
  person_id: string | null;
  id_number_hash: string;
  /** Region code of the origin when known (any level); the text is what the traveller said. */
  origin_region_code: string | null;
  origin_text_enc: string;
  /** The origin's risk level on the arrival day: the highest of the declared and the graded one. */
  origin_level: 'low' | 'medium' | 'high';
  /** The origin's county had local infections (本土疫情) while the person was there. */
  origin_local_infection: number;
  arrival_date: string;
  transport: Transport;
  /** Flight, train or ship number: whereabouts, encrypted. */
  trip_enc: string | null;
  recorded_by: string | null;
  is_demo: number;
  created_at: string;
}

/**
 * A place the arrival was in during the days before (行程): a region or a named place, with the
 * highest risk level in force there on that day. Grounded, like the arrival, by the destination
 * grid; the travel check reads it by the keyed hash of the ID number.
 */
export interface ArrivalItineraryTable {
  id: string;
  arrival_id: string;
  region_code: string;
  id_number_hash: string;
  /** The region visited (any level); the place's community when a place is named. */
  visit_region_code: string | null;
  place_id: string | null;
  /** What the traveller said, encrypted: whereabouts (PIPL art. 28). */
  text_enc: string;
  visit_date: string;
  level: 'low' | 'medium' | 'high';
  created_at: string;
}

/**
 * An API token of a gate device (闸机), bound to one checkpoint: it may call the travel check and
 * nothing else. Only the SHA-256 of the token is kept; it is shown once when issued.
 */
export interface CheckpointTokenTable {
  id: string;
  checkpoint_id: string;
  /** The checkpoint's region: the token's checks are logged and grounded there. */
  region_code: string;
  name: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface CheckpointsTables {
  checkpoints: CheckpointTable;
  arrivals: ArrivalTable;
  arrival_itinerary: ArrivalItineraryTable;
  checkpoint_tokens: CheckpointTokenTable;
}

const EPIDEMIC_ONLY = { purpose: 'epidemic_control', retention: 'epidemic' } as const;
/** Personal-data columns with purpose and retention (PIPL art. 6, 19, 28; SECURITY.md rows 19–20). */
export const CHECKPOINTS_PERSONAL_DATA = {
  arrivals: {
    id_number_hash: EPIDEMIC_ONLY,
    origin_region_code: EPIDEMIC_ONLY,
    origin_text_enc: EPIDEMIC_ONLY,
    origin_level: EPIDEMIC_ONLY,
    origin_local_infection: EPIDEMIC_ONLY,
    arrival_date: EPIDEMIC_ONLY,
    transport: EPIDEMIC_ONLY,
    trip_enc: EPIDEMIC_ONLY,
  },
  arrival_itinerary: {
    id_number_hash: EPIDEMIC_ONLY,
    visit_region_code: EPIDEMIC_ONLY,
    place_id: EPIDEMIC_ONLY,
    text_enc: EPIDEMIC_ONLY,
    visit_date: EPIDEMIC_ONLY,
    level: EPIDEMIC_ONLY,
  },
} as const;
