/**
 * `npm run bench`: figures, not pass/fail. The machines are shared and noisy, so targets are
 * read off the printed numbers (and ratios within one run), never asserted in tests.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
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

/** The targets of issue 12, in bytes (KB = 1,024 bytes, as vsce and the figures above count). */
const TARGETS = { dist: 250 * 1024, vsix: 150 * 1024, webview: 60 * 1024 };

/** Where `npm run bench` reads the build; `CARD_DOCTOR_BENCH_DIST` to measure another (esbuild.mjs --outdir=). */
const DIST = process.env.CARD_DOCTOR_BENCH_DIST ?? 'dist';
const VSIX = 'card-binding-doctor.vsix';

/** The chunks `file` requires (`require("./chunk-X.js")`, as esbuild.mjs writes them), and theirs, in the build. */
function chunksOf(file: string, found = new Set<string>()): Set<string> {
  for (const [, chunk] of readFileSync(join(DIST, file), 'utf8').matchAll(/require\("\.\/(chunk-[A-Z0-9]{1,16}\.js)"\)/g)) {
    if (found.has(chunk!)) continue;
    found.add(chunk!);
    chunksOf(chunk!, found);
  }
  return found;
}

/** Each file of a zip (the .vsix) with its stored (compressed) size, from the central directory. */
function zipEntries(path: string): { name: string; size: number; stored: number }[] {
  const zip = readFileSync(path);
  // The end-of-central-directory record: the last 22 bytes when the archive has no comment (vsce writes none).
  const end = zip.length - 22;
  if (zip.readUInt32LE(end) !== 0x06054b50) throw new Error(`${path}: no end of central directory where expected`);
  const count = zip.readUInt16LE(end + 10);
  const entries: { name: string; size: number; stored: number }[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: central directory entry ${index} is malformed`);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), stored: zip.readUInt32LE(at + 20), size: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const mark = (bytes: number, target: number) => (bytes < target ? `under target < ${KB(target)}` : `OVER target < ${KB(target)} by ${KB(bytes - target)}`);

/**
 * Every file of the build, each beside the target it counts against, and the .vsix with what
 * takes its room. Each Node entry is shown alone and with the chunks it loads (esbuild.mjs splits
 * the code they share into chunk-*.js, so each piece ships once).
 */
function benchBundles(): void {
  if (!existsSync(join(DIST, 'extension.js'))) {
    console.log(`bundles: ${DIST}/ is missing (npm run bench builds it)`);
    return;
  }
  const size = (file: string) => statSync(join(DIST, file)).size;
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(DIST.length + 1));
  const total = files.reduce((sum, file) => sum + size(file), 0);
  const maps = files.filter((file) => file.endsWith('.map')).length;
  const share = (bytes: number) => `${((100 * bytes) / TARGETS.dist).toFixed(0)} % of the dist/ target`;
  const entries: [string, string][] = [
    ['extension.js', 'loaded at activation, alone; target: activation at or below a hello-world\'s (bench:activation)'],
    ['services.js', 'loaded just after activation or on first use'],
    ['letterRendering.js', 'loaded for the first letter'],
    ['templateCompiler.js', "loaded only for a person's own templates"],
    ['journalWorker.js', 'run on a worker thread for large journals'],
    ['cli.js', 'the CLI (npm bin); not in the .vsix'],
  ];
  console.log(`bundles (${DIST}/${maps > 0 ? `, a dev build: ${maps} source maps` : ', production'}):`);
  for (const [file, role] of entries) {
    if (!existsSync(join(DIST, file))) {
      console.log(`  ${file}: missing`);
      continue;
    }
    const chunks = [...chunksOf(file)];
    const loaded = chunks.reduce((sum, chunk) => sum + size(chunk), size(file));
    const withChunks = chunks.length > 0 ? `, ${KB(loaded)} with the ${chunks.length} chunk${chunks.length > 1 ? 's' : ''} it loads` : '';
    console.log(`  ${file}: ${KB(size(file))} (${share(size(file))})${withChunks} — ${role}`);
  }
  const chunks = files.filter((file) => /^chunk-[A-Z0-9]+\.js$/.test(file));
  for (const chunk of chunks.sort((a, b) => size(b) - size(a))) {
    const users = entries.filter(([file]) => existsSync(join(DIST, file)) && chunksOf(file).has(chunk)).map(([file]) => file.slice(0, -'.js'.length));
    console.log(`  ${chunk}: ${KB(size(chunk))} (${share(size(chunk))}) — shared by ${users.join(', ')}`);
  }
  const webview = size(join('webview', 'webview.js'));
  console.log(`  webview/webview.js: ${KB(webview)} (${share(webview)}) — the sidebar form's script; ${mark(webview, TARGETS.webview)}`);
  const listed = new Set([...entries.map(([file]) => file), ...chunks, join('webview', 'webview.js')]);
  for (const file of files.filter((name) => !listed.has(name))) console.log(`  ${file}: ${KB(size(file))} (${share(size(file))})`);
  console.log(`dist/ in all: ${KB(total)} in ${files.length} files — ${mark(total, TARGETS.dist)}`);

  if (!existsSync(VSIX)) {
    console.log(`${VSIX}: missing (npm run bench packages it)`);
    return;
  }
  const vsix = statSync(VSIX).size;
  // What takes the room in the package, compressed as it is stored: the code, then the rest.
  const groups = new Map<string, { stored: number; size: number; files: number }>();
  const inside = zipEntries(VSIX);
  // .vscodeignore names media/ file by file (vsce lets any `!` line win): a file added there and
  // not named is left out of the package.
  const packaged = new Set(inside.map((entry) => entry.name));
  const left = readdirSync('media', { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== 'icon.svg')
    .map((entry) => join(entry.parentPath, entry.name).split('\\').join('/'))
    .filter((file) => !packaged.has(`extension/${file}`));
  if (left.length > 0) console.log(`  NOT PACKAGED (add a line to .vscodeignore if the extension uses them): ${left.join(', ')}`);
  for (const entry of inside) {
    const name = entry.name.replace(/^extension\//, '');
    const group = name.startsWith('dist/') ? 'dist/' : name.startsWith('media/') ? 'media/' : name.startsWith('l10n/') || /^package\.nls/.test(name) ? 'translations' : name;
    const sum = groups.get(group) ?? { stored: 0, size: 0, files: 0 };
    groups.set(group, { stored: sum.stored + entry.stored, size: sum.size + entry.size, files: sum.files + 1 });
  }
  const parts = [...groups.entries()]
    .sort((a, b) => b[1].stored - a[1].stored)
    .map(([group, sum]) => `${group} ${KB(sum.stored)}${sum.files > 1 ? ` (${sum.files} files, ${KB(sum.size)} unpacked)` : ` (${KB(sum.size)} unpacked)`}`);
  console.log(`${VSIX}: ${KB(vsix)} — ${mark(vsix, TARGETS.vsix)}; compressed inside: ${parts.join(', ')}`);
}

/**
 * The first letter in a fresh process, as the extension's first "Generate appeal" pays for it:
 * loading dist/letterRendering.js (and the chunks it needs) and rendering one letter. The median
 * of several processes, each timed inside itself (Node's own start-up excluded).
 */
function benchFirstLetter(): void {
  const entry = resolve(DIST, 'letterRendering.js');
  if (!existsSync(entry)) {
    console.log(`first letter: ${DIST}/letterRendering.js is missing`);
    return;
  }
  const fixture = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'letters', 'unionpay-debit-repeated.json'), 'utf8'));
  const parsed = (input: unknown): Report => {
    const result = parseReport(input);
    if (!result.ok) throw new Error('invalid letter fixture');
    return result.report;
  };
  const input = JSON.stringify({ report: parsed(fixture.report), history: (fixture.journal as unknown[]).map(parsed), now: fixture.now, sender: fixture.sender });
  const child = `
const input = JSON.parse(process.argv[2]);
const start = process.hrtime.bigint();
const { renderLetterText } = require(process.argv[1]);
const loaded = process.hrtime.bigint();
const text = renderLetterText('appeal', 'zh-cn', input.report, input.history, new Date(input.now), input.sender);
const done = process.hrtime.bigint();
if (text.length < 500) throw new Error('the letter came out ' + text.length + ' characters long');
console.log(JSON.stringify({ load: Number(loaded - start) / 1e6, render: Number(done - loaded) / 1e6 }));`;
  const runs = 7;
  const times = Array.from({ length: runs }, () => JSON.parse(execFileSync(process.execPath, ['-e', child, entry, input], { encoding: 'utf8' })) as { load: number; render: number });
  const median = (pick: (time: { load: number; render: number }) => number) => percentile(times.map(pick).sort((a, b) => a - b), 50);
  console.log(
    `first letter, fresh process (median of ${runs}): ${median((time) => time.load + time.render).toFixed(0)} ms — ` +
      `loading letterRendering.js and its chunks ${median((time) => time.load).toFixed(0)} ms, rendering the first appeal ${median((time) => time.render).toFixed(0)} ms`,
  );
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
  firstLetter: benchFirstLetter,
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
