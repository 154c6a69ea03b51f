import {
  AliasNode,
  ColumnNode,
  IdentifierNode,
  JoinNode,
  OnConflictNode,
  OperationNodeTransformer,
  PrimitiveValueListNode,
  TableNode,
  ValueListNode,
  ValueNode,
  WhereNode,
  sql,
  type ColumnUpdateNode,
  type DeleteQueryNode,
  type InsertQueryNode,
  type KyselyPlugin,
  type OperationNode,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type SelectQueryNode,
  type UnknownRow,
  type UpdateQueryNode,
} from 'kysely';
import { isWithinGround, regionPrefix, type Ground } from '@shoutu/domain';
import type { Dialect } from './database.js';
import { EPIDEMIC_GROUNDED_TABLES } from '../modules/epidemic/epidemic.tables.js';
import { SAFETY_GROUNDED_TABLES } from '../modules/safety/safety.tables.js';
import { EXPORTS_GROUNDED_TABLES } from '../modules/exports/exports.tables.js';

/**
 * Grounded tables and the column that places each row in the region tree. A table listed here
 * is scoped by the caller's ground in every SELECT, UPDATE, DELETE and INSERT that goes through
 * a request's database handle, whichever module wrote the query: a module cannot forget it.
 */
export const GROUNDED_TABLES: Readonly<Record<string, string>> = {
  regions: 'code',
  units: 'region_code',
  // An account is visible to an admin whose ground holds the account's whole ground.
  users: 'home_region_code',
  ...SAFETY_GROUNDED_TABLES,
  ...EPIDEMIC_GROUNDED_TABLES,
  ...EXPORTS_GROUNDED_TABLES,
};

export class GroundViolation extends Error {
  constructor(readonly table: string, readonly regionCode: unknown) {
    super(`write to ${table} outside the caller's ground`);
  }
}

/** A region subtree is a range of codes: every descendant of prefix p sorts in [p, p + '~'). */
function subtreeRanges(ground: Ground): Array<[string, string]> {
  return ground.regionCodes.map((code) => {
    const prefix = regionPrefix(code);
    return [prefix, `${prefix}~`];
  });
}

/**
 * How much of a table SQLite's planner should take each bound of a region range to keep: a hint,
 * not a measurement. The city keeps everything (1.0). A district's range is taken as wide (0.9
 * per bound, ~80 %), so that any key of its own — an id, an ID-number hash, a deadline — is
 * preferred to it: a district may hold most of a table (in the benchmark all 100,000 persons are in
 * 海州区), and at 0.41 per bound (a sixth, its share of the city's districts) SQLite checked 500
 * ID-number hashes of an import by walking the whole district (118 ms a batch at 100,000 persons,
 * against 1 ms by the hash index). Towns (0.3) and communities (0.1) are narrow enough to be the
 * key when nothing better is asked for. A deployment serves one city (DESIGN.md).
 */
function boundLikelihood(prefix: string): string {
  if (prefix.length <= 4) return '1.0';
  if (prefix.length <= 6) return '0.9';
  if (prefix.length <= 9) return '0.3';
  return '0.1';
}

/**
 * SQLite's planner guesses that any range cuts a table to a sixteenth, so without STAT4 samples
 * (which `pragma optimize` does not collect) it drove a city-wide `id in (…)` or `deadline < ?`
 * read through the region index: every row of the city, 24 ms for 500 persons by id and 220 ms
 * for a 1,000-person chain at 100,000 persons, against 2–3 ms by the right index. `likelihood()`
 * changes only the planner's estimate, never the rows. PostgreSQL keeps histograms and needs no hint.
 */
function groundCondition(ranges: Array<[string, string]>, qualifier: string, column: string, dialect: Dialect): OperationNode {
  if (ranges.length === 0) return sql`1 = 0`.toOperationNode();
  const ref = sql.ref(`${qualifier}.${column}`);
  const parts = ranges.map(([lo, hi]) => {
    if (dialect !== 'sqlite') return sql`(${ref} >= ${lo} and ${ref} < ${hi})`;
    const perBound = sql.raw(boundLikelihood(lo));
    return sql`(likelihood(${ref} >= ${lo}, ${perBound}) and likelihood(${ref} < ${hi}, ${perBound}))`;
  });
  return sql`(${sql.join(parts, sql` or `)})`.toOperationNode();
}

/** Name the query uses for a grounded table (its alias or its own name), or null. */
function groundedReference(node: OperationNode): { table: string; qualifier: string } | null {
  if (AliasNode.is(node) && TableNode.is(node.node) && IdentifierNode.is(node.alias)) {
    const table = node.node.table.identifier.name;
    return table in GROUNDED_TABLES ? { table, qualifier: node.alias.name } : null;
  }
  if (TableNode.is(node)) {
    const table = node.table.identifier.name;
    return table in GROUNDED_TABLES ? { table, qualifier: table } : null;
  }
  return null;
}

function andWhere(where: WhereNode | undefined, condition: OperationNode): WhereNode {
  return where ? WhereNode.cloneWithOperation(where, 'And', condition) : WhereNode.create(condition);
}

class GroundTransformer extends OperationNodeTransformer {
  constructor(
    private readonly ground: Ground,
    private readonly dialect: Dialect,
  ) {
    super();
  }

  private condition(ref: { table: string; qualifier: string }): OperationNode {
    return groundCondition(subtreeRanges(this.ground), ref.qualifier, GROUNDED_TABLES[ref.table]!, this.dialect);
  }

  /** A region written by UPDATE or upsert must lie in the ground too, or a row could be moved out of it. */
  private checkUpdates(ref: { table: string }, updates: readonly ColumnUpdateNode[] | undefined): void {
    const column = GROUNDED_TABLES[ref.table]!;
    for (const update of updates ?? []) {
      if (!ColumnNode.is(update.column) || update.column.column.name !== column) continue;
      const value = ValueNode.is(update.value) ? update.value.value : undefined;
      if (typeof value !== 'string' || !isWithinGround(value, this.ground)) throw new GroundViolation(ref.table, value);
    }
  }

  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const transformed = super.transformSelectQuery(node);
    let where = transformed.where;
    for (const from of transformed.from?.froms ?? []) {
      const ref = groundedReference(from);
      if (ref) where = andWhere(where, this.condition(ref));
    }
    const joins = transformed.joins?.map((join) => {
      const ref = groundedReference(join.table);
      return ref ? JoinNode.cloneWithOn(join, this.condition(ref)) : join;
    });
    return { ...transformed, where, ...(joins ? { joins } : {}) };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const transformed = super.transformUpdateQuery(node);
    const ref = transformed.table ? groundedReference(transformed.table) : null;
    if (!ref) return transformed;
    this.checkUpdates(ref, transformed.updates);
    return { ...transformed, where: andWhere(transformed.where, this.condition(ref)) };
  }

  protected override transformDeleteQuery(node: DeleteQueryNode): DeleteQueryNode {
    const transformed = super.transformDeleteQuery(node);
    let where = transformed.where;
    for (const from of transformed.from.froms) {
      const ref = groundedReference(from);
      if (ref) where = andWhere(where, this.condition(ref));
    }
    return { ...transformed, where };
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const transformed = super.transformInsertQuery(node);
    const ref = groundedReference(transformed.into ?? transformed);
    if (!ref) return transformed;
    const column = GROUNDED_TABLES[ref.table]!;
    const index = transformed.columns?.findIndex((c) => c.column.name === column) ?? -1;
    const rows = transformed.values && 'values' in transformed.values ? (transformed.values.values as readonly OperationNode[]) : [];
    if (index < 0 || rows.length === 0) throw new GroundViolation(ref.table, undefined);
    for (const row of rows) {
      const value = PrimitiveValueListNode.is(row)
        ? row.values[index]
        : ValueListNode.is(row) && ValueNode.is(row.values[index]!)
          ? (row.values[index] as ValueNode).value
          : undefined;
      if (typeof value !== 'string' || !isWithinGround(value, this.ground)) throw new GroundViolation(ref.table, value);
    }
    const conflict = transformed.onConflict;
    if (!conflict?.updates) return transformed;
    // ON CONFLICT DO UPDATE changes the row already there, which may belong to another district.
    this.checkUpdates(ref, conflict.updates);
    return { ...transformed, onConflict: OnConflictNode.cloneWithUpdateWhere(conflict, this.condition(ref)) };
  }
}

export class GroundScopePlugin implements KyselyPlugin {
  private readonly transformer: GroundTransformer;
  constructor(ground: Ground, dialect: Dialect) {
    this.transformer = new GroundTransformer(ground, dialect);
  }
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
