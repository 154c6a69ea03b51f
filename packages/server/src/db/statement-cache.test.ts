import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingStatements } from './statement-cache.js';

describe('cachingStatements', () => {
  const open = () => {
    const raw = new SQLite(':memory:');
    raw.exec('create table t (n integer)');
    raw.exec('insert into t values (1), (2), (3)');
    return raw;
  };

  it('hands out the same prepared statement for the same SQL', () => {
    const db = cachingStatements(open());
    expect(db.prepare('select n from t')).toBe(db.prepare('select n from t'));
    expect(db.prepare('select n from t where n = ?')).not.toBe(db.prepare('select n from t'));
  });

  it('gives a fresh statement while the cached one is still iterating', () => {
    const db = cachingStatements(open());
    const first = db.prepare('select n from t order by n');
    const iterator = first.iterate([]);
    iterator.next();
    const second = db.prepare('select n from t order by n');
    expect(second).not.toBe(first);
    expect(second.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    iterator.return?.();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const db = cachingStatements(open(), 2);
    const a = db.prepare('select 1');
    db.prepare('select 2');
    db.prepare('select 1');
    db.prepare('select 3');
    expect(db.prepare('select 1')).toBe(a);
    const two = db.prepare('select 2');
    expect(db.prepare('select 2')).toBe(two);
  });

  it('still sees schema changes made after a statement was cached', () => {
    const raw = open();
    const db = cachingStatements(raw);
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1 }]);
    raw.exec('alter table t add column m integer default 7');
    expect(db.prepare('select * from t limit 1').all([])).toEqual([{ n: 1, m: 7 }]);
  });
});
