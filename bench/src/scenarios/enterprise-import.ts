import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '@shoutu/server/modules/safety/enterprises/enterprises.import.js';
import { DATA_SHEET, IMPORT_COLUMNS, normalizeHeader, XLSX_TYPE, type ImportColumnKey } from '@shoutu/server/modules/safety/enterprises/enterprises.xlsx.js';
import { INDUSTRIES } from '@shoutu/server/modules/safety/industries/industries.data.js';
import { communities, creditCode, phone, rng, weightedPicker } from '../data.js';
import { progress } from '../progress.js';
import type { Figure } from '../report.js';
import { round } from '../stats.js';
import type { ScenarioContext } from './context.js';

/** Rows per uploaded workbook: half the route's row limit, well under its 10 MB (10,000 rows are about 0.5 MB). */
const CHUNK = Math.min(10_000, MAX_IMPORT_ROWS);
/** The regulator of 市应急管理局: enterprises:manage over the whole city. */
const USER = 'yingji';
/** Credit code bodies from here on: clear of the dashboards' generated enterprises (500,000 + i) and the demo seed. */
const CODE_OFFSET = 3_000_000;
const CHEMICAL_TOWNS = ['320703007', '320724101', '320723103'];
const OTHER_INDUSTRIES = ['C34', 'C33', 'C30', 'E48', 'G54', 'F52'];
const SCALES = ['大型', '中型', '小型', '小型', '微型', '微型'];
const SCALE_CODES: Record<string, string> = { 大型: 'large', 中型: 'medium', 小型: 'small', 微型: 'micro' };
const INDUSTRY_NAMES = new Map(INDUSTRIES.map((industry) => [industry.code, industry.name]));

type Row = Record<ImportColumnKey, string>;

function generateEnterprises(count: number, all: string[]): Row[] {
  const random = rng(13);
  const chemical = all.filter((c) => CHEMICAL_TOWNS.some((t) => c.startsWith(t)));
  const pickAny = weightedPicker(all, random, 0.7);
  const pickChemical = weightedPicker(chemical.length > 0 ? chemical : all, random, 0.5);
  const rows: Row[] = [];
  for (let i = 0; i < count; i += 1) {
    const isChemical = random() < 0.3;
    const region = isChemical ? pickChemical() : pickAny();
    rows.push({
      creditCode: creditCode(CODE_OFFSET + i, region.slice(0, 6)),
      name: `导入基准企业${i}有限公司`,
      industryCode: isChemical ? 'C26' : OTHER_INDUSTRIES[i % OTHER_INDUSTRIES.length]!,
      regionCode: region,
      park: isChemical ? '连云港石化产业基地' : '',
      scale: SCALES[Math.floor(random() * SCALES.length)]!,
      hazardousChemicals: isChemical ? '是' : '否',
      majorHazardSource: isChemical && random() < 0.2 ? '是' : '否',
      principalName: `王${i % 1000}`,
      principalPhone: phone(CODE_OFFSET + 2 * i),
      safetyOfficerName: `李${i % 1000}`,
      safetyOfficerPhone: phone(CODE_OFFSET + 2 * i + 1),
    });
  }
  return rows;
}

/** The template as the app serves it to this user, its data sheet filled from row 2 by the header texts. */
async function fillTemplate(template: ArrayBuffer, rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template);
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error(`the import template has no sheet ${DATA_SHEET}`);
  const keyOf = new Map<string, ImportColumnKey>(IMPORT_COLUMNS.map((column) => [normalizeHeader(column.header), column.key]));
  const columns: Array<[number, ImportColumnKey]> = [];
  sheet.getRow(1).eachCell((cell, index) => {
    const key = keyOf.get(normalizeHeader(String(cell.value ?? '')));
    if (!key) throw new Error(`the import template has an unknown header ${String(cell.value)}`);
    columns.push([index, key]);
  });
  if (columns.length !== IMPORT_COLUMNS.length) throw new Error(`the import template has ${columns.length} headers, expected ${IMPORT_COLUMNS.length}`);
  rows.forEach((r, i) => {
    const row = sheet.getRow(i + 2);
    for (const [index, key] of columns) row.getCell(index).value = r[key];
  });
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const BARE_COLUMNS = ['id', 'credit_code', 'name', 'industry_code', 'industry_name', 'region_code', 'park', 'scale', 'hazardous_chemicals', 'major_hazard_source', 'principal_name', 'principal_phone', 'safety_officer_name', 'safety_officer_phone', 'last_inspected_at', 'created_at', 'updated_at', 'version'] as const;
const bareValues = (r: Row, i: number, at: string) => [
  `bare-${i}`, r.creditCode, r.name, r.industryCode, INDUSTRY_NAMES.get(r.industryCode) ?? r.industryCode, r.regionCode, r.park || null, SCALE_CODES[r.scale] ?? null,
  r.hazardousChemicals === '是' ? 1 : 0, r.majorHazardSource === '是' ? 1 : 0, r.principalName, r.principalPhone, r.safetyOfficerName, r.safetyOfficerPhone, null, at, at, 1,
];
const bareTable = (codeType: string) =>
  `create table enterprises_bare (id text primary key, credit_code text not null unique, name text not null, industry_code ${codeType} not null, industry_name text not null, region_code ${codeType} not null, park text, scale text, hazardous_chemicals integer not null, major_hazard_source integer not null, principal_name text, principal_phone text, safety_officer_name text, safety_officer_phone text, last_inspected_at text, created_at text not null, updated_at text not null, version integer not null)`;

/** The same rows, plaintext, into a scratch table of the register's columns: one prepared statement in one transaction (WAL, synchronous=FULL like the app). */
function bareSqlite(rows: Row[]): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoutu-bench-bare-'));
  const db = new Database(path.join(dir, 'bare.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(bareTable('text'));
    const insert = db.prepare(`insert into enterprises_bare (${BARE_COLUMNS.join(',')}) values (${BARE_COLUMNS.map(() => '?').join(',')})`);
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

/** PostgreSQL: one multi-row insert per 5,000 rows from unnest() arrays, as the person import's baseline (standing in for COPY). */
async function barePostgres(url: string, rows: Row[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(bareTable('text collate "C"'));
    const at = new Date().toISOString();
    const types = BARE_COLUMNS.map((column) => (['hazardous_chemicals', 'major_hazard_source', 'version'].includes(column) ? 'integer' : 'text'));
    const sql = `insert into enterprises_bare (${BARE_COLUMNS.join(',')}) select * from unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(',')})`;
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
    await client.query('drop table if exists enterprises_bare').catch(() => undefined);
    await client.end();
  }
}

/**
 * Issue #3: the import rate of enterprises from an .xlsx file. The workbooks are the template the
 * app serves, filled and uploaded as a regulator would (mode valid_rows_only); every row must be
 * imported, or the run stops.
 */
export async function enterpriseImportScenario(ctx: ScenarioContext): Promise<Figure[]> {
  const count = Math.max(500, Math.round(ctx.args.scale * 5_000));
  const rows = generateEnterprises(count, await communities(ctx.env.db, '3207'));
  const cookie = await ctx.cookie(USER);

  const templateResponse = await fetch(`${ctx.env.url}/api/v1/enterprises/import-template.xlsx`, { headers: { cookie } });
  if (templateResponse.status !== 200) throw new Error(`import template: ${templateResponse.status} ${(await templateResponse.text()).slice(0, 300)}`);
  const template = await templateResponse.arrayBuffer();

  progress.start('enterprise-import: fill workbooks', Math.ceil(count / CHUNK));
  const files: Buffer[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const file = await fillTemplate(template, rows.slice(i, i + CHUNK));
    if (file.length > MAX_IMPORT_BYTES) throw new Error(`enterprise workbook of ${CHUNK} rows is ${file.length} bytes, over the route's ${MAX_IMPORT_BYTES}`);
    files.push(file);
    progress.increment();
  }
  progress.stop();

  progress.start('enterprise-import: .xlsx through the API', count);
  let seconds = 0;
  for (const [index, body] of files.entries()) {
    const expected = Math.min(CHUNK, count - index * CHUNK);
    const start = process.hrtime.bigint();
    const response = await fetch(`${ctx.env.url}/api/v1/enterprises/import?mode=valid_rows_only`, { method: 'POST', headers: { cookie, 'content-type': XLSX_TYPE }, body });
    const text = await response.text();
    seconds += Number(process.hrtime.bigint() - start) / 1e9;
    const result = response.status === 200 ? (JSON.parse(text) as { total: number; imported: number; rejected: number }) : null;
    if (!result || result.total !== expected || result.imported !== expected || result.rejected !== 0) {
      progress.stop();
      throw new Error(`enterprise import workbook ${index}: ${response.status}, expected ${expected} rows imported: ${text.slice(0, 600)}`);
    }
    progress.increment(expected);
  }
  progress.stop();

  progress.start('enterprise-import: bare insert baseline', 1);
  const bareSeconds = ctx.env.db.dialect === 'sqlite' ? bareSqlite(rows) : await barePostgres(ctx.env.db.url, rows);
  progress.stop();

  const rate = Math.round(count / seconds);
  const bareRate = Math.round(count / bareSeconds);
  return [
    {
      scenario: 'enterprise-import',
      figure: `.xlsx import of ${count} enterprises as ${USER}, valid_rows_only (${Math.min(CHUNK, count)}-row workbooks from the served template; upload, zip guard, parsing, checks, AES-GCM of four contacts, supervising departments, audit)`,
      value: rate,
      unit: 'rows/s',
      baseline: { label: ctx.env.db.dialect === 'sqlite' ? 'bare prepared insert, one transaction' : 'bare unnest insert per 5,000 rows (for COPY)', value: bareRate },
      ratio: round(rate / bareRate, 3),
    },
  ];
}
