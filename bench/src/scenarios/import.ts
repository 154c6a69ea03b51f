import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PersonSealing } from '@shoutu/server/modules/epidemic/persons/persons.sealing.js';
import type { FieldCrypto } from '@shoutu/server/privacy/field-crypto.js';
import { communities, idNumber, phone, pickCategory, rng, weightedPicker } from '../data.js';
import { progress } from '../progress.js';
import type { Figure } from '../report.js';
import { round } from '../stats.js';
import type { ScenarioContext } from './context.js';

/** Rows per request: the route accepts 50,000 rows and 32 MB; 10,000 rows are about 0.9 MB. */
const CHUNK = 10_000;
const HEADER = 'name,idNumber,phone,gridCode,category,address,onsetDate,lastExposureDate,sampleDate,reportDate';

interface Row {
  name: string;
  idNumber: string;
  phone: string;
  gridCode: string;
  category: string;
  address: string;
  onsetDate: string;
  lastExposureDate: string;
  sampleDate: string;
  reportDate: string;
}

export function generatePersons(count: number, grids: string[], offset = 0): Row[] {
  const random = rng(7);
  const grid = weightedPicker(grids, random, 0.9);
  const rows: Row[] = [];
  for (let i = 0; i < count; i += 1) {
    const n = offset + i;
    const category = pickCategory(random);
    const contact = category === 'close_contact' || category === 'secondary_contact';
    const sampled = category === 'confirmed' || category === 'asymptomatic';
    rows.push({
      name: `测试${n}`,
      idNumber: idNumber(n),
      phone: phone(n),
      gridCode: grid(),
      category,
      address: `海州区测试路${n % 500}号`,
      onsetDate: '',
      lastExposureDate: contact ? `2022-10-${String(20 + (n % 10)).padStart(2, '0')}` : '',
      sampleDate: sampled ? '2022-10-29' : '',
      reportDate: '2022-10-30',
    });
  }
  return rows;
}

function toCsv(rows: Row[]): string {
  return `${HEADER}\n${rows.map((r) => `${r.name},${r.idNumber},${r.phone},${r.gridCode},${r.category},${r.address},${r.onsetDate},${r.lastExposureDate},${r.sampleDate},${r.reportDate}`).join('\n')}\n`;
}

const BARE_COLUMNS = ['id', 'region_code', 'name', 'id_number', 'phone', 'address', 'category', 'onset_date', 'last_exposure_date', 'sample_date', 'report_date', 'status', 'created_at'] as const;
const bareValues = (r: Row, i: number, at: string) => [`bare-${i}`, r.gridCode, r.name, r.idNumber, r.phone, r.address, r.category, r.onsetDate || null, r.lastExposureDate || null, r.sampleDate || null, r.reportDate || null, 'managed', at];

/** The same rows, plaintext, into a scratch table: one prepared statement in one transaction (SQLite, WAL, synchronous=FULL like the app). */
function bareSqlite(rows: Row[]): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-bench-bare-'));
  const db = new Database(path.join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`create table persons_bare (id text primary key, region_code text not null, name text not null, id_number text not null unique, phone text not null, address text, category text not null, onset_date text, last_exposure_date text, sample_date text, report_date text, status text not null, created_at text not null)`);
    const insert = db.prepare(`insert into persons_bare (${BARE_COLUMNS.join(',')}) values (${BARE_COLUMNS.map(() => '?').join(',')})`);
    const at = new Date().toISOString();
    const start = process.hrtime.bigint();
    db.transaction(() => {
      rows.forEach((r, i) => insert.run(...bareValues(r, i, at)));
    })();
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** PostgreSQL: one multi-row insert per 5,000 rows from unnest() arrays, standing in for COPY (no pg-copy-streams in the stack). */
async function barePostgres(url: string, rows: Row[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`create table persons_bare (id text primary key, region_code text not null, name text not null, id_number text not null unique, phone text not null, address text, category text not null, onset_date date, last_exposure_date date, sample_date date, report_date date, status text not null, created_at timestamptz not null)`);
    const at = new Date().toISOString();
    const types = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'date', 'date', 'date', 'date', 'text', 'timestamptz'];
    const sql = `insert into persons_bare (${BARE_COLUMNS.join(',')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`;
    const start = process.hrtime.bigint();
    await client.query('begin');
    for (let i = 0; i < rows.length; i += 5000) {
      const columns: unknown[][] = BARE_COLUMNS.map(() => []);
      rows.slice(i, i + 5000).forEach((r, j) => bareValues(r, i + j, at).forEach((v, k) => columns[k]!.push(v)));
      await client.query(sql, columns);
    }
    await client.query('commit');
    return Number(process.hrtime.bigint() - start) / 1e9;
  } finally {
    await client.query('drop table if exists persons_bare').catch(() => undefined);
    await client.end();
  }
}

/**
 * The privacy work alone, in this process, no database: what registering a person must do to its
 * identifiers (SECURITY.md row 14, decision 0020): a new data key wrapped under the master key,
 * the name, ID number, phone and address sealed with AES-256-GCM, the keyed hashes of the ID
 * number and the phone. Its rate is a ceiling no import that stores these rows can pass.
 */
function sealingOnly(crypto: FieldCrypto, rows: Row[]): number {
  const sealing = new PersonSealing(crypto);
  const start = process.hrtime.bigint();
  rows.forEach((r, i) => sealing.seal({ name: r.name, idNumber: r.idNumber, phone: r.phone, address: r.address }, undefined, `sealed-${i}`));
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function importScenario(ctx: ScenarioContext): Promise<Figure[]> {
  const count = Math.round(ctx.args.scale * 100_000);
  const grids = await communities(ctx.env.db, '320706');
  const rows = generatePersons(count, grids);
  const cookie = await ctx.cookie('haizhou');

  progress.start('import: CSV through the API', count);
  let seconds = 0;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const body = toCsv(chunk);
    const start = process.hrtime.bigint();
    const response = await fetch(`${ctx.env.url}/api/v1/persons/import`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' }, body });
    const text = await response.text();
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    if (response.status !== 201) {
      progress.stop();
      throw new Error(`import chunk ${i / CHUNK}: ${response.status} ${text.slice(0, 600)}`);
    }
    progress.increment(chunk.length);
  }
  progress.stop();
  ctx.state.persons += count;

  progress.start('import: bare insert baseline', 1);
  const bareSeconds = ctx.env.db.dialect === 'sqlite' ? bareSqlite(rows) : await barePostgres(ctx.env.db.url, rows);
  progress.stop();

  progress.start('import: sealing only (no database)', 1);
  const sealRate = Math.round(count / sealingOnly(ctx.env.crypto, rows));
  progress.stop();

  const rate = Math.round(count / seconds);
  const bareRate = Math.round(count / bareSeconds);
  const ratio = round(rate / bareRate, 3);
  const ceiling = round(sealRate / bareRate, 3);
  return [
    {
      scenario: 'import',
      figure: `CSV import of ${count} persons (${CHUNK}-row requests; validation, encryption, keyed hash, history, plan, audit)`,
      value: rate,
      unit: 'rows/s',
      baseline: { label: ctx.env.db.dialect === 'sqlite' ? 'bare prepared insert, one transaction' : 'bare unnest insert per 5,000 rows (for COPY)', value: bareRate },
      ratio,
      goal: '≥ 40 % of bare',
      met: ratio >= 0.4,
    },
    {
      scenario: 'import',
      figure: `sealing alone of the same ${count} persons, one core, no database (data key wrapped, four AES-256-GCM fields, two keyed hashes): the ceiling of any import that encrypts them`,
      value: sealRate,
      unit: 'rows/s',
      baseline: { label: ctx.env.db.dialect === 'sqlite' ? 'bare prepared insert, one transaction' : 'bare unnest insert per 5,000 rows (for COPY)', value: bareRate },
      ratio: ceiling,
      goal: 'the import goal is reachable only if ≥ 0.4',
      met: ceiling >= 0.4,
    },
  ];
}
