import type { Person } from '../persons/persons.types';

export const EXPOSURE_SETTINGS = ['household', 'workplace', 'transport', 'gathering', 'medical', 'other'] as const;
export type ExposureSetting = (typeof EXPOSURE_SETTINGS)[number];

export interface GrowthPoint {
  date: string;
  added: number;
  total: number;
}

export interface ClusterSummary {
  id: string;
  indexCaseId: string;
  indexCase: { name: string | null; category: string; gridCode: string } | null;
  size: number;
  generations: number;
  firstDate: string | null;
  lastDate: string | null;
  categories: Record<string, number>;
  growth: GrowthPoint[];
}

export interface ChainNode {
  id: string;
  /** Masked; null for a person outside the user's ground. */
  name: string | null;
  category: string | null;
  status: string | null;
  gridCode: string | null;
  generation: number;
  isIndexCase: boolean;
  visible: boolean;
  firstDate: string | null;
}

export interface ChainEdge {
  source: string;
  target: string;
  setting: string;
  date: string;
}

export interface ChainGraph {
  clusterId: string;
  indexCaseId: string;
  focusPersonId: string;
  size: number;
  generations: number;
  nodes: ChainNode[];
  edges: ChainEdge[];
  growth: GrowthPoint[];
  truncated: boolean;
}

export interface ContactRegistration {
  name: string;
  idNumber: string;
  phone: string;
  gridCode: string;
  address?: string | null;
  category?: 'close_contact' | 'secondary_contact';
  setting: ExposureSetting;
  date: string;
  note?: string | null;
}

export interface ContactRegistered {
  exposure: { id: string; sourcePersonId: string; targetPersonId: string; setting: string; date: string; gridCode: string; createdAt: string };
  exposureCreated: boolean;
  person: Person;
  personCreated: boolean;
}
