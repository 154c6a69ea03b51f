/** Tables of the epidemic capability; each grounded one is listed in EPIDEMIC_GROUNDED_TABLES. */
export interface EpidemicTables {}

/** Grounded tables of this capability and the column that places each row in the region tree. */
export const EPIDEMIC_GROUNDED_TABLES: Readonly<Record<string, string>> = {};
