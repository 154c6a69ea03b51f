import type { LocalizedText } from '../../../i18n/localized';

export type AreaLevel = 'low' | 'medium' | 'high';

export interface AreaDesignation {
  id: string;
  /** The region designated, or the named place's community. */
  regionCode: string;
  placeId: string | null;
  placeName: string | null;
  placeKind: string | null;
  level: AreaLevel;
  effectiveFrom: string;
  effectiveTo: string | null;
  edition: string;
  editionName: LocalizedText;
  setBy: string | null;
  reason: string;
  isDemo: boolean;
  createdAt: string;
  /** The level on the day asked about, after the edition's automatic step-downs. */
  current: {
    level: AreaLevel;
    changedOn: string | null;
    next: { level: AreaLevel; on: string } | null;
    clockFrom: string;
    clockSource: 'infection' | 'designation';
    lastNewInfectionDate: string | null;
    edition: string | null;
  };
}

export interface SetAreaLevel {
  /** One of the two: a region, or a named place. */
  regionCode?: string;
  placeId?: string;
  level: AreaLevel;
  effectiveFrom: string;
  reason: string;
}

export const PLACE_KINDS = ['building', 'residential_compound', 'market', 'mall', 'workplace', 'school', 'venue', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A named place inside a community (a building, a market…) that can be designated a risk area. */
export interface NamedPlace {
  id: string;
  regionCode: string;
  name: string;
  kind: PlaceKind;
  isDemo: boolean;
  createdAt: string;
}
