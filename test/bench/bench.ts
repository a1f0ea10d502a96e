/**
 * `npm run bench`: figures, not pass/fail. The machines are shared and noisy, so targets are
 * read off the printed numbers (and ratios within one run), never asserted in tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { appendJournalEntry, readJournalFile } from '../../src/node/journalFile';
import { diagnose } from '../../src/core/diagnose';
import { ENTRY_MARKER, formatJournalEntry, journalHeader, parseJournal, parseJournalBytes, type DatedReport } from '../../src/core/journal';
import { LETTER_KINDS, letterTemplateName } from '../../src/core/letterKinds';
import { buildLetterData, builtinLetterTemplates, createLetterRuntime, renderLetter } from '../../src/core/letters';
import { parseReport, type Report } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';
import { compileBuiltinTemplateSpecs } from '../templateLoader';
import { benchAdversarial } from './adversarial';
import { benchInterview } from './interview';
import { benchSidebarReady } from './sidebarReady';

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

const KB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The chunks `file` requires (`require("./chunk-X.js")`, as esbuild.mjs writes them), and theirs, in dist/. */
function chunksOf(file: string, found = new Set<string>()): Set<string> {
  for (const [, chunk] of readFileSync(join('dist', file), 'utf8').matchAll(/require\("\.\/(chunk-[A-Z0-9]{1,16}\.js)"\)/g)) {
    if (found.has(chunk!)) continue;
    found.add(chunk!);
    chunksOf(chunk!, found);
  }
  return found;
}

/**
 * Every file of dist/ and the .vsix. Each Node entry is shown alone and with the chunks it loads
 * (esbuild.mjs splits the code they share into dist/chunk-*.js, so each piece ships once).
 */
function benchBundles(): void {
  if (!existsSync('dist/extension.js')) {
    console.log('bundles: dist/ is missing (npm run bench builds it)');
    return;
  }
  const size = (file: string) => statSync(join('dist', file)).size;
  const entries: [string, string][] = [
    ['extension.js', 'loaded at activation, alone'],
    ['services.js', 'loaded just after activation or on first use'],
    ['letterRendering.js', 'loaded for the first letter'],
    ['templateCompiler.js', "loaded only for a person's own templates"],
    ['journalWorker.js', 'run on a worker thread for large journals'],
    ['cli.js', 'the CLI; not in the .vsix'],
  ];
  for (const [file, role] of entries) {
    if (!existsSync(join('dist', file))) {
      console.log(`dist/${file}: missing`);
      continue;
    }
    const chunks = [...chunksOf(file)];
    const loaded = chunks.reduce((sum, chunk) => sum + size(chunk), size(file));
    console.log(`dist/${file}: ${KB(size(file))}${chunks.length > 0 ? `, ${KB(loaded)} with the ${chunks.length} chunks it loads` : ''} (${role})`);
  }
  const chunks = readdirSync('dist').filter((file) => /^chunk-.*\.js$/.test(file));
  for (const chunk of chunks.sort((a, b) => size(b) - size(a))) {
    const users = entries.filter(([file]) => existsSync(join('dist', file)) && chunksOf(file).has(chunk)).map(([file]) => file.slice(0, -'.js'.length));
    console.log(`dist/${chunk}: ${KB(size(chunk))} (shared by ${users.join(', ')})`);
  }
  const webview = size('webview/webview.js');
  console.log(`dist/webview/webview.js: ${KB(webview)} (target < 60 KB)`);
  const files = readdirSync('dist', { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const total = files.reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
  const maps = files.filter((entry) => entry.name.endsWith('.map')).length;
  console.log(
    `dist/ in all: ${KB(total)} in ${files.length} files${maps > 0 ? ` (${maps} source maps: a dev build)` : ''}, ${KB(total - size('cli.js'))} without cli.js (target < 250 KB)`,
  );
  const vsix = 'card-binding-doctor.vsix';
  console.log(existsSync(vsix) ? `${vsix}: ${KB(statSync(vsix).size)} (target < 150 KB)` : `${vsix}: missing (npm run bench packages it)`);
}

/** The median of `runs` timings of `work`, in ms, after one run to warm up. */
async function medianMs(runs: number, work: () => unknown): Promise<number> {
  await work();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

/**
 * Median ms of each of `works`, run in turns (a, b, c, a, b, c…) after one warm-up round, so that
 * garbage collection left over from building the data, and the machine's other load, fall on
 * all of them alike instead of on whichever runs first.
 */
async function interleavedMediansMs(rounds: number, works: readonly (() => unknown)[]): Promise<number[]> {
  for (const work of works) await work();
  const times = works.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    for (const [index, work] of works.entries()) {
      const start = process.hrtime.bigint();
      await work();
      times[index]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.map((list) => percentile(list.sort((a, b) => a - b), 50));
}

/**
 * Writes a 10,000-entry and a 10-entry journal of random reports into `dir`, and returns a few
 * reports to append. The 10,000 reports and their text are dropped on return, so the reads below
 * run on a heap like the CLI's, not one full of this benchmark's own generated data.
 */
async function writeBenchJournals(dir: string): Promise<{ big: string; small: string; toAppend: DatedReport[] }> {
  const reports: DatedReport[] = fc.sample(reportArbitrary, { numRuns: 10_000, seed: 7 }).map((input) => {
    const parsed = parseReport(input);
    if (!parsed.ok) throw new Error(`generated an invalid report: ${JSON.stringify(parsed.errors)}`);
    return { ...parsed.report, occurredAt: parsed.report.occurredAt ?? '2025-11-27T12:00:00Z' };
  });
  const entries = reports.map((report) => formatJournalEntry(report, 'zh-cn'));
  const big = join(dir, 'big.md');
  const small = join(dir, 'small.md');
  await writeFile(big, journalHeader('zh-cn') + entries.join(''));
  await writeFile(small, journalHeader('zh-cn') + entries.slice(0, 10).join(''));
  return { big, small, toAppend: reports.slice(0, 100) };
}

async function benchJournal(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'card-doctor-bench-'));
  try {
    const { big, small, toAppend } = await writeBenchJournals(dir);
    // From disk as the CLI reads it; from bytes as the extension gets them from workspace.fs; and
    // from text, as for a journal open with unsaved edits.
    // The floor: JSON.parse of each machine line's JSON and nothing else (no finding, decoding,
    // validating or sorting), timed in the same turns, so the ratio holds on a noisy machine.
    const bytes = readFileSync(big);
    const text = bytes.toString('utf8');
    const machineJson = text.split('\n').filter((line) => line.startsWith(ENTRY_MARKER)).map((line) => line.slice(line.indexOf('{'), line.lastIndexOf('}') + 1));
    const [read = NaN, fromBytes = NaN, floor = NaN] = await interleavedMediansMs(15, [
      () => readJournalFile(big),
      () => parseJournalBytes(bytes),
      () => machineJson.map((json) => JSON.parse(json) as unknown),
    ]);
    // Apart: encoding the text allocates another 7 MB each time, and the collections that causes
    // fell on whichever read ran next.
    const [fromText = NaN] = await interleavedMediansMs(15, [() => parseJournal(text)]);
    console.log(
      `journal read: 10,000 entries (${(bytes.length / 1e6).toFixed(1)} MB) — readJournalFile ${read.toFixed(0)} ms ` +
        `(target < 100 ms); parseJournalBytes ${fromBytes.toFixed(0)} ms, ${(fromBytes / floor).toFixed(1)}× a bare JSON.parse ` +
        `of the ${machineJson.length.toLocaleString('en')} machine lines (${floor.toFixed(0)} ms); parseJournal(text) ${fromText.toFixed(0)} ms`,
    );

    // Each file is appended to 50 times; the median append is compared between the two sizes.
    const appendMedian = async (path: string) => {
      const copy = `${path}.append.md`;
      await copyFile(path, copy);
      let next = 0;
      return medianMs(50, () => appendJournalEntry(copy, toAppend[next++ % toAppend.length]!, 'zh-cn'));
    };
    const smallAppend = await appendMedian(small);
    const bigAppend = await appendMedian(big);
    console.log(
      `journal append: ${smallAppend.toFixed(2)} ms to a 10-entry journal, ${bigAppend.toFixed(2)} ms to a 10,000-entry one ` +
        `(ratio ${(bigAppend / smallAppend).toFixed(2)}; target: about 1, independent of size)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Each letter rendered 1,000 times from the precompiled built-in templates (the same specs the
 * build makes, through the runtime only), on a three-attempt journal; the last guard included.
 */
function benchLetters(): void {
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'letters', 'unionpay-debit-repeated.json'), 'utf8'));
  const parsed = (input: unknown): Report => {
    const result = parseReport(input);
    if (!result.ok) throw new Error('invalid letter fixture');
    return result.report;
  };
  const report = parsed(fixture.report);
  const history = (fixture.journal as unknown[]).map(parsed);
  const now = new Date(fixture.now);
  const templates = builtinLetterTemplates(createLetterRuntime(), compileBuiltinTemplateSpecs());
  const runs = 1000;
  const figures: string[] = [];
  for (const kind of LETTER_KINDS) {
    for (const lang of ['en', 'zh-cn'] as const) {
      const template = templates.get(letterTemplateName(kind, lang))!;
      const data = buildLetterData(kind, lang, report, history, now, fixture.sender);
      for (let i = 0; i < 100; i++) renderLetter(template, data); // warm-up
      let start = process.hrtime.bigint();
      for (let i = 0; i < runs; i++) renderLetter(template, data);
      const render = Number(process.hrtime.bigint() - start) / 1000 / runs;
      start = process.hrtime.bigint();
      for (let i = 0; i < runs; i++) buildLetterData(kind, lang, report, history, now, fixture.sender);
      const build = Number(process.hrtime.bigint() - start) / 1000 / runs;
      figures.push(`${kind}.${lang} ${render.toFixed(1)} µs (+ data ${build.toFixed(1)} µs)`);
    }
  }
  console.log(`letters: mean of ${runs.toLocaleString('en')} renders each — ${figures.join(', ')}`);
}

/** Every part in order; `tsx test/bench/bench.ts journal letters` runs only those named. */
const PARTS: Record<string, () => void | Promise<void>> = {
  diagnose: benchDiagnose,
  bundles: benchBundles,
  letters: benchLetters,
  journal: benchJournal,
  sidebar: benchSidebarReady,
  adversarial: benchAdversarial,
  interview: benchInterview,
};

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in PARTS));
  if (unknown.length > 0) throw new Error(`unknown bench part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}`);
  for (const [name, run] of Object.entries(PARTS)) if (names.length === 0 || names.includes(name)) await run();
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
