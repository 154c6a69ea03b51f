export type AreaLevel = 'low' | 'medium' | 'high';

interface Decisions {
  total: number;
  denied: number;
  alerted: number;
  allowed: number;
}

/** GET /epidemic/dashboard: today's figures of the ground, each summed from maintained counters. */
export interface EpidemicDashboard {
  date: string;
  regionCode: string;
  totals: { managed: number; released: number };
  byCategory: Array<{ category: string; managed: number; released: number }>;
  byMeasure: Array<{ measure: string; count: number }>;
  byArea: { level: 'county' | 'town' | 'community'; items: Array<{ regionCode: string; managed: number; byCategory: Record<string, number> }> };
  newPerDay: Array<{ date: string; count: number }>;
  followups: { dueToday: number; doneToday: number; outstandingToday: number; dueYesterday: number; missedYesterday: number };
  releases: { dueToday: number; dueTomorrow: number };
  travelChecks: Decisions & { byDay: Array<Decisions & { date: string }> };
  riskAreas: {
    active: number;
    byLevel: Record<AreaLevel, number>;
    items: Array<{ id: string; regionCode: string; placeName: string | null; level: AreaLevel; designatedLevel: AreaLevel; effectiveFrom: string }>;
  };
}
