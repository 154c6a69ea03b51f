export interface CoverageItem {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
  industryCode: string;
  industryName: string;
  lastInspectedAt: string | null;
}

/** One county-level region of the "three musts" report. */
export interface CoverageRegion {
  regionCode: string;
  regionName: string | null;
  enterprises: number;
  unsupervised: number;
  notInspected: number;
  unsupervisedItems: CoverageItem[];
  notInspectedItems: CoverageItem[];
}

export interface CoverageReport {
  months: number;
  inspectedSince: string;
  totals: { enterprises: number; unsupervised: number; notInspected: number };
  regions: CoverageRegion[];
}

export interface IndustrySupervision {
  items: Array<{ industryPrefix: string; industryName: string; units: Array<{ id: string; name: string; jurisdictionCode: string }> }>;
  version: string;
}

export interface IndustrySupervisionPut {
  version: string;
  items: Array<{ industryPrefix: string; unitIds: string[] }>;
}
