/**
 * `npm run bench`: figures, not pass/fail. The machines are shared and noisy, so targets are
 * read off the printed numbers (and ratios within one run), never asserted in tests.
 */
import { statSync, existsSync } from 'node:fs';
import fc from 'fast-check';
import { diagnose } from '../../src/core/diagnose';
import { parseReport, type Report } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function benchDiagnose(): void {
  const raw = fc.sample(reportArbitrary, { numRuns: 10_000, seed: 42 });
  const reports: Report[] = raw.map((input) => {
    const parsed = parseReport(input);
    if (!parsed.ok) throw new Error(`generated an invalid report: ${JSON.stringify(parsed.errors)}`);
    return parsed.report;
  });
  const now = new Date('2025-11-27T12:00:00Z');
  const history = reports.slice(0, 20);
  for (const report of reports.slice(0, 1000)) diagnose(report, history, now); // warm-up
  const times: number[] = [];
  for (const report of reports) {
    const start = process.hrtime.bigint();
    diagnose(report, history, now);
    times.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  times.sort((a, b) => a - b);
  console.log(
    `diagnose(): ${reports.length} random valid reports, 20-entry history — ` +
      `p50 ${percentile(times, 50).toFixed(1)} µs, p99 ${percentile(times, 99).toFixed(1)} µs (target p99 < 200 µs)`,
  );
}

function benchBundles(): void {
  const bundles: [string, number | undefined][] = [
    ['dist/extension.js', 150 * 1024],
    ['dist/cli.js', undefined],
  ];
  for (const [file, target] of bundles) {
    if (!existsSync(file)) {
      console.log(`${file}: missing (run npm run build)`);
      continue;
    }
    const size = statSync(file).size;
    console.log(`${file}: ${(size / 1024).toFixed(1)} KB${target ? ` (target < ${target / 1024} KB)` : ''}`);
  }
}

benchDiagnose();
benchBundles();
