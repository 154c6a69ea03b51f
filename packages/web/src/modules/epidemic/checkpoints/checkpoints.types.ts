import type { PersonBrief } from '../followups/followups.types';
import type { Person } from '../persons/persons.types';

export const CHECKPOINT_KINDS = ['airport', 'station', 'port', 'highway_exit'] as const;
export const TRANSPORTS = ['flight', 'train', 'ship', 'car', 'bus', 'other'] as const;
export type AreaLevel = 'low' | 'medium' | 'high';

export interface Checkpoint {
  id: string;
  name: string;
  kind: (typeof CHECKPOINT_KINDS)[number];
  regionCode: string;
  isDemo: boolean;
}

export interface ArrivalInput {
  idNumber: string;
  name?: string;
  phone?: string;
  gridCode: string;
  address?: string | null;
  originRegionCode?: string | null;
  originText: string;
  originLevel?: AreaLevel;
  originLocalInfection?: boolean;
  arrivalDate: string;
  transport: (typeof TRANSPORTS)[number];
  tripNo?: string | null;
  itinerary?: ItineraryEntryInput[];
}

/** A place the traveller was at before arriving: what they say, and a named place when it is one. */
export interface ItineraryEntryInput {
  date: string;
  text: string;
  regionCode?: string;
  placeId?: string;
}

export interface ItineraryEntry {
  date: string;
  text: string;
  regionCode: string | null;
  placeId: string | null;
  level: AreaLevel;
}

export interface Arrival {
  id: string;
  checkpointId: string;
  gridCode: string;
  person: PersonBrief | null;
  originRegionCode: string | null;
  originText: string;
  originLevel: AreaLevel;
  originLocalInfection: boolean;
  arrivalDate: string;
  transport: string;
  tripNo: string | null;
  itinerary: ItineraryEntry[];
  createdAt: string;
}

export interface ArrivalRegistered {
  arrival: Arrival;
  keyArea: boolean;
  listed: boolean;
  person: Person | null;
  personCreated: boolean;
  alertId: string | null;
}

/** A gate device's API token as listed: never the token itself. */
export interface DeviceToken {
  id: string;
  checkpointId: string;
  name: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
}

/** The answer to issuing: the only time the token is shown. */
export interface IssuedDeviceToken extends DeviceToken {
  token: string;
}
