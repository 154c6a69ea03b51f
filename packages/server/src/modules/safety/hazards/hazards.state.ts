import type { HazardState } from '@shoutu/domain';
import type { HazardTable } from './hazards.tables.js';

type StateColumns = Pick<
  HazardTable,
  'status' | 'grade' | 'source' | 'responsible_unit' | 'responsible_person' | 'deadline' | 'original_deadline' | 'pending_extension' | 'governance_plan' | 'rectification' | 'acceptance' | 'version'
>;

function parse<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}

function json(value: unknown): string | null {
  return value === null ? null : JSON.stringify(value);
}

/** The stored row as the state machine knows it; the machine, not this file, decides what may change. */
export function toHazardState(row: StateColumns): HazardState {
  return {
    status: row.status,
    grade: row.grade,
    source: row.source,
    responsibleUnit: row.responsible_unit,
    responsiblePerson: row.responsible_person,
    deadline: row.deadline,
    originalDeadline: row.original_deadline,
    pendingExtension: parse(row.pending_extension),
    governancePlan: parse(row.governance_plan),
    rectification: parse(row.rectification),
    acceptance: parse(row.acceptance),
    version: row.version,
  };
}

/** The columns that hold a state the machine produced. */
export function stateColumns(state: HazardState): StateColumns {
  return {
    status: state.status,
    grade: state.grade,
    source: state.source,
    responsible_unit: state.responsibleUnit,
    responsible_person: state.responsiblePerson,
    deadline: state.deadline,
    original_deadline: state.originalDeadline,
    pending_extension: json(state.pendingExtension),
    governance_plan: json(state.governancePlan),
    rectification: json(state.rectification),
    acceptance: json(state.acceptance),
    version: state.version,
  };
}
