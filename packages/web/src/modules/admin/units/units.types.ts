export type UnitKind = 'department' | 'zone';

/** A department (部门) with the matters it supervises, or a functional zone (功能区). */
export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  /** The region the unit belongs to: a city department, a district's bureau. */
  regionCode: string;
  matters: string[];
  /** For a functional zone: the regions it covers. */
  memberRegionCodes: string[];
  version: number;
}

export interface UnitCreate {
  name: string;
  kind: UnitKind;
  regionCode: string;
  matters: string[];
  memberRegionCodes: string[];
}

export interface UnitPatch {
  version: number;
  name?: string;
  matters?: string[];
  memberRegionCodes?: string[];
}
