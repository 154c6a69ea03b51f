/** Tables of the safety capability; each grounded one is listed in SAFETY_GROUNDED_TABLES. */
export interface SafetyTables {}

/** Grounded tables of this capability and the column that places each row in the region tree. */
export const SAFETY_GROUNDED_TABLES: Readonly<Record<string, string>> = {};
