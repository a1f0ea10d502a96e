import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliInProcess';

const FIXTURES = join(__dirname, '..', 'fixtures', 'letters');
const EXPECTED = join(__dirname, '..', 'fixtures', 'plainText');

describe('card-doctor render --format', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-text-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The fixture's report alone in a file of its own (its journal is empty, so the letter is the same). */
  function reportOf(fixture: string): { file: string; now: string } {
    const raw = JSON.parse(readFileSync(join(FIXTURES, fixture), 'utf8')) as { now: string; report: unknown };
    const file = join(dir, 'report.json');
    writeFileSync(file, JSON.stringify(raw.report));
    return { file, now: raw.now };
  }

  it('prints the appeal as the plain text written out for it (English)', async () => {
    const { file, now } = reportOf('almost-nothing-known.json');
    const { code, stdout, stderr } = await runCli(['render', 'appeal', file, '--format', 'text', '--lang', 'en', '--name', 'Alex Chen', '--now', now]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, readFileSync(join(EXPECTED, 'almost-nothing-known.appeal.en.txt'), 'utf8'));
    assert.ok(stdout.startsWith('To: OpenAI Support — Billing & Payments\n\nSubject: '), stdout.slice(0, 80));
    assert.ok(stdout.includes('\n☐ Screenshots of the error on the payment page, with the card number hidden\n'));
  });

  it('prints the bank inquiry as the plain text written out for it (Simplified Chinese)', async () => {
    const { file, now } = reportOf('virtual-card-single.json');
    const { code, stdout, stderr } = await runCli(['render', 'bank-inquiry', file, '--format', 'text', '--lang', 'zh-cn', '--now', now]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, readFileSync(join(EXPECTED, 'virtual-card-single.bank-inquiry.zh-cn.txt'), 'utf8'));
    assert.ok(stdout.startsWith('收件方：【发卡银行名称】客服中心\n\n主题：'), stdout.slice(0, 40));
  });

  it('prints a Traditional Chinese letter as the plain text written out for it, quoting in 「 」', async () => {
    const { file, now } = reportOf('almost-nothing-known.json');
    const { code, stdout, stderr } = await runCli(['render', 'appeal', file, '--format', 'text', '--lang', 'zh-tw', '--name', 'Alex Chen', '--now', now]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, readFileSync(join(EXPECTED, 'almost-nothing-known.appeal.zh-tw.txt'), 'utf8'));
    assert.ok(stdout.includes('\n「Something went wrong.\nPlease try again later.」\n'), stdout);
  });

  it('prints Markdown when no format is named, and with --format markdown', async () => {
    const { file, now } = reportOf('almost-nothing-known.json');
    const plain = await runCli(['render', 'appeal', file, '--lang', 'en', '--now', now]);
    const named = await runCli(['render', 'appeal', file, '--lang', 'en', '--now', now, '--format', 'markdown']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.ok(plain.stdout.startsWith('**To:** OpenAI Support — Billing & Payments\n'), plain.stdout.slice(0, 60));
    assert.equal(named.stdout, plain.stdout);
  });

  it('writes the plain text to --out', async () => {
    const { file, now } = reportOf('almost-nothing-known.json');
    const out = join(dir, 'appeal.txt');
    const { code, stdout, stderr } = await runCli(['render', 'appeal', file, '--format', 'text', '--lang', 'en', '--name', 'Alex Chen', '--now', now, '--out', out]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    assert.equal(stderr, `wrote ${out}\n`);
    assert.equal(readFileSync(out, 'utf8'), readFileSync(join(EXPECTED, 'almost-nothing-known.appeal.en.txt'), 'utf8'));
  });

  it('refuses an unknown format along with the other problems, writing nothing', async () => {
    const { file } = reportOf('almost-nothing-known.json');
    const { code, stdout, stderr } = await runCli(['render', 'appeal', file, '--format', 'html', '--now', 'yesterday']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.ok(stderr.includes('--format: expected markdown, text'), stderr);
    assert.ok(stderr.includes('--now: expected an ISO 8601 date and time'), stderr);
  });

  it("refuses plain text in which taking out a link's marks joined digits into a card number", async () => {
    const { file, now } = reportOf('almost-nothing-known.json');
    const templates = join(dir, 'templates');
    const own = join(templates, 'appeal.en.hbs');
    mkdirSync(templates);
    writeFileSync(own, 'Reference 41111111[](11111111)\n');
    const markdown = await runCli(['render', 'appeal', file, '--lang', 'en', '--now', now, '--templates', templates]);
    assert.equal(markdown.code, 0, markdown.stderr);
    assert.equal(markdown.stdout, 'Reference 41111111[](11111111)\n');
    const text = await runCli(['render', 'appeal', file, '--lang', 'en', '--now', now, '--templates', templates, '--format', 'text']);
    assert.equal(text.code, 2);
    assert.equal(text.stdout, '');
    assert.ok(text.stderr.includes('--format text: the plain text holds what looks like a card number'), text.stderr);
  });
});

describe('card-doctor render without --lang: the reader’s language', () => {
  let dir = '';
  const saved = { LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES, LANG: process.env.LANG };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-reader-'));
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  function report(issuerCountry: string): string {
    const file = join(dir, 'report.json');
    writeFileSync(file, JSON.stringify({ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242', issuerCountry } }));
    return file;
  }

  it('writes the appeal in English from a Chinese terminal', async () => {
    process.env.LANG = 'zh_CN.UTF-8';
    const { code, stdout, stderr } = await runCli(['render', 'appeal', report('CN'), '--now', '2025-11-27T12:00:00+08:00', '--format', 'text']);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('To: OpenAI Support — Billing & Payments\n'), stdout.slice(0, 60));
  });

  it('writes a mainland bank’s inquiry in Simplified Chinese from an English terminal', async () => {
    process.env.LANG = 'en_US.UTF-8';
    const { code, stdout, stderr } = await runCli(['render', 'bank-inquiry', report('CN'), '--now', '2025-11-27T12:00:00+08:00', '--format', 'text']);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('收件方：【发卡银行名称】客服中心\n'), stdout.slice(0, 60));
  });

  it('writes a Hong Kong bank’s inquiry in Traditional Chinese from an English terminal, its notes still in English', async () => {
    process.env.LANG = 'en_US.UTF-8';
    const templates = join(dir, 'templates');
    mkdirSync(templates);
    const { code, stdout, stderr } = await runCli(['render', 'bank-inquiry', report('HK'), '--now', '2025-11-27T12:00:00+08:00', '--templates', templates]);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('**收件人：** 【發卡銀行名稱】客服中心\n'), stdout.slice(0, 60));
    assert.equal(stderr, `note: ${templates} has no bank-inquiry.zh-tw.hbs; using the built-in template\n`);
  });

  it('keeps the language named by --lang', async () => {
    process.env.LANG = 'en_US.UTF-8';
    const { code, stdout } = await runCli(['render', 'bank-inquiry', report('CN'), '--now', '2025-11-27T12:00:00+08:00', '--lang', 'en']);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith('**To:** '), stdout.slice(0, 60));
  });
});
