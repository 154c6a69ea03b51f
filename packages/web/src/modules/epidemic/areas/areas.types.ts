import type { LocalizedText } from '../../../i18n/localized';

export type AreaLevel = 'low' | 'medium' | 'high';

export interface AreaDesignation {
  id: string;
  regionCode: string;
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
  regionCode: string;
  level: AreaLevel;
  effectiveFrom: string;
  reason: string;
}
