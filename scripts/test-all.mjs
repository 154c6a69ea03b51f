#!/usr/bin/env node
// `npm test`: type-check, then the unit and integration suites (SQLite and PostgreSQL), the crash
// test, then the browser suite against the built app; ends with one plain summary line over all of them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const results = path.join(os.tmpdir(), `shoutu-test-${process.pid}`);
fs.mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`=== ${label} failed (exit ${status})`);
    ok = false;
  }
  return status === 0;
}

function vitest(label, config, name) {
  const output = path.join(results, `${name}.json`);
  run(label, 'npx', ['vitest', 'run', '--config', config, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`]);
  if (!fs.existsSync(output)) {
    ok = false;
    return;
  }
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  if (report.numTotalTests === 0) {
    console.error(`=== ${label} ran no test`);
    ok = false;
  }
}

if (run('type-check', 'npm', ['run', 'typecheck'])) {
  vitest('unit and integration tests (SQLite and PostgreSQL)', 'vitest.config.ts', 'unit');
  // Uses the packages' dist, which the type-check has just built.
  run('crash test: SIGKILL during bulk imports (SQLite and PostgreSQL)', 'node', ['scripts/crash-test.mjs']);
  if (run('build', 'npm', ['run', 'build'])) vitest('browser tests (Chromium)', 'e2e/vitest.config.ts', 'e2e');
}
// A skipped test is a test that did not run: CI must not pass without it.
if (totals.skipped > 0) ok = false;
console.log(`\nshoutu: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(ok && totals.failed === 0 ? 0 : 1);
