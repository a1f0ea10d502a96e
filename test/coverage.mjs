// `npm run test:coverage`: the unit suite with V8 coverage on, reported by c8 (.c8rc.json), then
// line coverage printed for src/host and src/core separately from c8's json-summary. Targets
// (issue 12): host >= 70 % from unit tests alone (the code-server suites cover the rest end to
// end), core >= 95 %. Exits 1 when either is below its target or a test fails (the figures are
// printed either way). Arguments go to mocha.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const TARGETS = { 'src/host': 70, 'src/core': 95 };

// A folder of its own per run, so two runs at once do not mix their figures.
const RUN_FOLDER = mkdtempSync(path.join(os.tmpdir(), 'card-doctor-coverage-'));
const TEMP = path.join(RUN_FOLDER, 'v8');
const REPORTS = path.join(RUN_FOLDER, 'report');
// The suite runs with V8 collecting coverage itself (c8 would report straight after, and a worker
// started from a data: URL would stop its report), then the report reads what was collected.
const run = spawnSync('npx', ['mocha', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_V8_COVERAGE: TEMP } });
// Coverage is still summarised after a failing test (the figures say what ran), but the script fails.
const suiteFailed = run.status !== 0;
// Code evaluated from data: URLs (worker bootstraps) is no file of src/ and c8 cannot map it.
for (const name of readdirSync(TEMP).filter((file) => file.endsWith('.json'))) {
  const file = path.join(TEMP, name);
  const coverage = JSON.parse(readFileSync(file, 'utf8'));
  coverage.result = coverage.result.filter((script) => script.url.startsWith('file:') || script.url.startsWith('/'));
  for (const url of Object.keys(coverage['source-map-cache'] ?? {})) if (!url.startsWith('file:')) delete coverage['source-map-cache'][url];
  writeFileSync(file, JSON.stringify(coverage));
}
const report = spawnSync('npx', ['c8', 'report', '--temp-directory', TEMP, '--reports-dir', REPORTS], { cwd: ROOT, stdio: 'inherit' });
if (report.status !== 0) process.exit(report.status ?? 1);

const summary = JSON.parse(readFileSync(path.join(REPORTS, 'coverage-summary.json'), 'utf8'));
rmSync(RUN_FOLDER, { recursive: true, force: true });
let failed = false;
console.log('\nLine coverage from the unit suite:');
for (const [folder, target] of Object.entries(TARGETS)) {
  let total = 0;
  let covered = 0;
  for (const [file, figures] of Object.entries(summary)) {
    if (file === 'total' || !path.relative(ROOT, file).startsWith(`${folder}/`)) continue;
    total += figures.lines.total;
    covered += figures.lines.covered;
  }
  const percent = total === 0 ? 0 : (100 * covered) / total;
  const ok = percent >= target;
  failed ||= !ok;
  console.log(`  ${folder}: ${percent.toFixed(1)} % of ${total} lines (target ${target} %)${ok ? '' : '  BELOW TARGET'}`);
}
if (suiteFailed) console.error(`\nThe unit suite failed (exit ${run.status}): the figures above count the tests that ran.`);
process.exit(failed || suiteFailed ? 1 : 0);
