/**
 * The CLI as a person runs it: the bundle in a child process, exit codes and streams. The bundle
 * is built afresh for this file by the project's own esbuild.mjs, into a private folder: never the
 * shared dist/, which may be stale (built before the sources last changed) or half-written by
 * another build. Behaviour in detail is tested in process (cliInput.test.ts, templates.test.ts);
 * these runs check the bundle itself.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const NOW = '2025-11-27T04:00:00Z';
/** The start of an ANSI colour sequence. */
const ESC = '\u001b[';
/** The private build: a folder that links to everything of the project but dist/, and its own dist/cli.js. */
let buildRoot = '';
let CLI = '';

function run(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...options.env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempReport(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'card-doctor-cli-')), 'report.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('card-doctor diagnose (built CLI)', () => {
  before(function () {
    this.timeout(120_000);
    // esbuild.mjs writes to dist/ under its working folder and reads src/, templates/ and the
    // rest from there: a folder of links to the project, without its dist/, gets a dist/ of its own.
    buildRoot = mkdtempSync(join(tmpdir(), 'card-doctor-cli-build-'));
    for (const entry of readdirSync(ROOT)) if (entry !== 'dist' && entry !== '.git') symlinkSync(join(ROOT, entry), join(buildRoot, entry));
    const build = spawnSync(process.execPath, [join(ROOT, 'esbuild.mjs')], { cwd: buildRoot, encoding: 'utf8' });
    assert.equal(build.status, 0, `building the CLI failed:\n${build.stdout}${build.stderr}`);
    CLI = join(buildRoot, 'dist', 'cli.js');
  });

  after(() => {
    if (buildRoot) rmSync(buildRoot, { recursive: true, force: true });
  });

  it('prints a readable diagnosis and exits 0', () => {
    const { code, stdout, stderr } = run(['diagnose', 'examples/declined-unionpay.card-report.json', '--now', NOW]);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Card failure diagnosis/m);
    assert.match(stdout, /^2\. Region not supported {2}\[likely\]$/m);
    assert.match(stdout, / Region rules as of 2026-01-24\. /);
    assert.ok(!stdout.includes(ESC), 'no colour when not a terminal');
  });

  it('prints Chinese with --lang zh-cn, and follows LANG by default', () => {
    assert.match(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--lang', 'zh-cn', '--now', NOW]).stdout, /绑卡失败诊断[\s\S]*地区不受?支持/);
    assert.match(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--now', NOW], { env: { LANG: 'zh_CN.UTF-8' } }).stdout, /绑卡失败诊断/);
  });

  it('colours the text when asked, and never when NO_COLOR is set', () => {
    assert.ok(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--now', NOW], { env: { FORCE_COLOR: '1' } }).stdout.includes(`${ESC}1m`));
    assert.ok(!run(['diagnose', 'examples/declined-unionpay.card-report.json', '--now', NOW], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
  });

  it('prints one JSON object with findings, declineCode, cooldown and history', () => {
    const { code, stdout } = run(['diagnose', 'examples/declined-unionpay.card-report.json', '--format', 'json', '--now', NOW]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.ok(Array.isArray(result.findings) && result.findings.length > 0);
    for (const finding of result.findings) {
      assert.deepEqual(Object.keys(finding).sort(), ['actions', 'cause', 'evidence', 'likelihood', 'score']);
    }
    assert.equal(result.declineCode, 'card_declined');
    assert.equal(result.cooldown, null);
    // No journal: nothing counted, and recording the report would make it the first.
    assert.deepEqual(result.history, { attempts24h: 0, cards24h: 0, sameError24h: 0 });
    assert.equal(result.recorded, false);
    assert.deepEqual(result.ifRecorded, { attempts24h: 1, cards24h: 1, position: 1, cooldown: null });
  });

  it('prints Markdown', () => {
    const { stdout } = run(['diagnose', 'examples/virtual-card-invalid.card-report.json', '--format', 'markdown', '--now', NOW]);
    assert.match(stdout, /^# Card failure diagnosis/m);
    assert.match(stdout, /^### 1\. Card type refused/m);
  });

  it('reads the report from standard input with -', () => {
    const { code, stdout } = run(['diagnose', '-', '--format', 'json', '--now', NOW], { input: JSON.stringify({ product: 'chatgpt-app' }) });
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).findings[0].cause, 'app-store-billing');
  });

  it('exits 2 naming every bad field, and prints nothing on stdout', () => {
    const file = tempReport({ card: { bin: '12', last4: 'abcd', issuerCountry: 'XX' }, product: 'nope' });
    const { code, stdout, stderr } = run(['diagnose', file]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    for (const path of ['card.bin', 'card.last4', 'card.issuerCountry', 'product']) assert.match(stderr, new RegExp(`${path.replace('.', '\\.')}: `));
  });

  it('exits 2 on JSON that does not parse, without echoing it', () => {
    const { code, stderr } = run(['diagnose', tempReport('{"notes": "4242424242424242", ')]);
    assert.equal(code, 2);
    assert.match(stderr, /report: not valid JSON/);
    assert.doesNotMatch(stderr, /4242424242424242/);
  });

  it('exits 2 on a missing file, a bad flag value or an unknown flag', () => {
    assert.equal(run(['diagnose', 'no-such-file.json']).code, 2);
    assert.match(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--now', 'yesterday']).stderr, /--now: expected an ISO 8601/);
    assert.match(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--format', 'yaml']).stderr, /--format: expected text, json, markdown/);
    assert.equal(run(['diagnose', 'examples/declined-unionpay.card-report.json', '--colour']).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
  });

  it('refuses more than 1 MB on standard input with exit 2, and JSON errors give only where', () => {
    const big = run(['diagnose', '-'], { input: `{"notes": "${'x'.repeat(2 * 1024 * 1024)}"}` });
    assert.equal(big.code, 2);
    assert.equal(big.stderr, 'error: report: larger than 1 MB (standard input)\n');
    const broken = run(['journal', 'add', '-', '--journal', join(mkdtempSync(join(tmpdir(), 'card-doctor-cli-')), 'j.md')], {
      input: '{\n  "notes": "ok",\n  "card": 4242424242424242x\n}',
    });
    assert.equal(broken.code, 2);
    assert.equal(broken.stderr, 'error: report: not valid JSON (at line 3, column 27)\n');
  });

  it('loads the template compiler from beside the bundle for a person’s own template, and holds it to its limits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'card-doctor-cli-'));
    writeFileSync(join(dir, 'appeal.en.hbs'), 'Card {{maskedCard card.last4}}\n{{log card}}\n');
    const refused = run(['render', 'appeal', 'examples/declined-unionpay.card-report.json', '--lang', 'en', '--templates', dir]);
    assert.equal(refused.code, 2);
    assert.equal(refused.stdout, '');
    assert.equal(refused.stderr, `error: --templates: ${join(dir, 'appeal.en.hbs')}, line 2: {{log}} is not allowed in a letter template: it would print to the terminal, not the letter\n`);
    writeFileSync(join(dir, 'appeal.en.hbs'), 'Card {{maskedCard card.last4}}\n');
    const ok = run(['render', 'appeal', 'examples/declined-unionpay.card-report.json', '--lang', 'en', '--templates', dir]);
    assert.equal(ok.code, 0, ok.stderr);
    assert.equal(ok.stdout, 'Card •••• 4242\n');
  });

  it('has --help for the tool and for each command', () => {
    const main = run(['--help']);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /card-doctor diagnose/);
    const diagnoseHelp = run(['diagnose', '--help']);
    assert.equal(diagnoseHelp.code, 0);
    assert.match(diagnoseHelp.stdout, /--format text\|json\|markdown/);
    assert.match(diagnoseHelp.stdout, /may be at most 1 MB/);
    assert.match(run(['render', '--help']).stdout, /at most 64 KB with 1,000 tags, nest blocks\n\s+at most 16 deep/);
  });

  it('never prints a full card number that was in the report', () => {
    const file = tempReport({ errorMessage: 'Declined: 4242 4242 4242 4242 CVC 123', notes: '卡号6212345678901234' });
    for (const format of ['text', 'json', 'markdown']) {
      const { stdout } = run(['diagnose', file, '--format', format, '--now', NOW]);
      assert.doesNotMatch(stdout.replace(/[\s-]/g, ''), /4242424242424242|6212345678901234/);
    }
  });
});
