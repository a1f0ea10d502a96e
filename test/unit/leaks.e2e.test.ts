/**
 * The same leak checks on the built CLI, end to end, for a small sample: a bundle of the current
 * sources (built here into a private folder, the way `esbuild.mjs` builds `dist/cli.js`, so
 * neither a stale nor a half-written shared `dist/` is tested) runs as a child process per command.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import { secretContextArbitrary, writtenCardArbitrary, writtenCodeArbitrary } from '../arbitraries';
import { LeakCheck, printLeakCount } from '../leakOracle';
import { FREE_TEXT_FIELDS, LANGS, NOW_ISO, reportWith, type Outputs, type RawReport } from '../leakOutputs';

const ROOT = resolve(__dirname, '../..');
const CARD_RUNS = Number(process.env.LEAK_E2E_RUNS ?? 3);
const CODE_RUNS = Math.max(1, Math.round(CARD_RUNS * 0.67));

/**
 * What a command printed, both streams. A command that fails is a failed test, not an output:
 * an error message holds no card number, so a bundle that could not even start would otherwise
 * pass every check below.
 */
function run(cli: string, args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: ROOT, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done(output) : fail(new Error(`card-doctor ${args.slice(0, 2).join(' ')} exited with ${code}`))));
  });
}

describe('leaks: the built CLI, end to end', function () {
  this.timeout(120_000);
  let root: string;
  let cli: string;
  let count = 0;
  printLeakCount('built CLI');

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'card-doctor-leaks-e2e-'));
    // Laid out as the package is: the bundle in dist/, reading its message catalogues from l10n/ beside it.
    cli = join(root, 'dist', 'cli.js');
    symlinkSync(join(ROOT, 'l10n'), join(root, 'l10n'));
    const { builtinTemplatesPlugin } = (await import(join(ROOT, 'templates/builtinTemplatesPlugin.mjs'))) as {
      builtinTemplatesPlugin: () => esbuild.Plugin;
    };
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/main.ts'],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      charset: 'utf8',
      logLevel: 'warning',
      plugins: [builtinTemplatesPlugin()],
    });
  });

  after(() => {
    rmSync(root, { recursive: true, force: true });
  });

  /** Every command of the CLI on `input`: diagnose in three formats and both letters at once, then journal add and list. */
  async function outputsOf(input: RawReport, lang: 'en' | 'zh-cn'): Promise<Outputs> {
    const dir = join(root, String(count++));
    const file = `${dir}-report.json`;
    const journal = `${dir}-journal.md`;
    writeFileSync(file, JSON.stringify(input));
    const common = [file, '--now', NOW_ISO, '--lang', lang];
    const names = ['diagnose --format text', 'diagnose --format json', 'diagnose --format markdown', 'render appeal', 'render bank-inquiry'];
    const outputs: Outputs = (
      await Promise.all([
        run(cli, ['diagnose', ...common]),
        run(cli, ['diagnose', ...common, '--format', 'json']),
        run(cli, ['diagnose', ...common, '--format', 'markdown']),
        run(cli, ['render', 'appeal', ...common]),
        run(cli, ['render', 'bank-inquiry', ...common]),
      ])
    ).map((text, index) => [names[index]!, text]);
    outputs.push(['journal add', await run(cli, ['journal', 'add', ...common, '--journal', journal])]);
    assert.ok(existsSync(journal), 'journal add wrote the journal');
    outputs.push(['journal file', readFileSync(journal, 'utf8')]);
    outputs.push(['journal list --format json', await run(cli, ['journal', 'list', '--journal', journal, '--format', 'json'])]);
    return outputs.map(([name, text]) => [name, text.split(dir).join('<dir>')]);
  }

  it(`prints and writes no card number (${CARD_RUNS} reports × 8 outputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        writtenCardArbitrary,
        secretContextArbitrary,
        fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }),
        fc.constantFrom(...LANGS),
        async (written, context, fields, lang) => {
          const text = context(written.text);
          const check = new LeakCheck();
          for (const [name, output] of await outputsOf(reportWith(fields, text), lang)) check.card(name, output, written.digits);
          check.assertNone({ text, fields });
        },
      ),
      { numRuns: CARD_RUNS },
    );
  });

  it(`prints and writes no CVC or one-time code (${CODE_RUNS} reports × 8 outputs, each against its twin)`, async () => {
    await fc.assert(
      fc.asyncProperty(writtenCodeArbitrary, fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }), fc.constantFrom(...LANGS), async (code, fields, lang) => {
        const outputs = await outputsOf(reportWith(fields, code.text), lang);
        const twins = await outputsOf(reportWith(fields, code.twin), lang);
        const check = new LeakCheck();
        outputs.forEach(([name, output], index) => check.code(name, output, twins[index]![1]));
        check.assertNone({ text: code.text, fields });
      }),
      { numRuns: CODE_RUNS },
    );
  });
});
