/**
 * `card-doctor mcp` driven as an assistant drives it: the SDK's own Client over stdio, talking to
 * the CLI started from source in a child process (`main(['mcp'])` under tsx, never a stale
 * dist/). Two servers: one in a folder without --allow-write, one with it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { REPORT_JSON_SCHEMA } from '../../src/core/reportJsonSchema';
import { runCli } from '../cliInProcess';
import { showsCardNumber } from '../leakOracle';

const ROOT = resolve(__dirname, '..', '..');
const NOW = '2025-11-27T12:00:00+08:00';

/** The mainland UnionPay example (examples/), written out. */
const UNIONPAY = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined. 您的银行卡被拒绝。',
  card: {
    kind: 'debit',
    brand: 'unionpay',
    bin: '62148300',
    last4: '4242',
    issuerName: '招商银行',
    issuerCountry: 'CN',
    expiry: '2028-06',
    dualCurrency: 'no',
  },
  billing: { country: 'CN', postalCode: '518000', matchesIssuer: 'yes' },
  bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
  connection: { vpn: 'yes', switchedRecently: 'yes', accessCountry: 'US' },
  notes: 'Tried twice from the web page; the second time after switching the VPN node.',
};

const CARD_NUMBER = '4532015112830366';

/** A report that carries the full number in every free-text field, spelt three ways. */
const HOLDING_A_NUMBER = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  errorMessage: 'Your card 4532 0151 1283 0366 was declined.',
  notes: 'Card 4532-0151-1283-0366, also typed as 4532015112830366.',
  card: { last4: '0366', issuerName: 'Bank of 4532015112830366', issuerCountry: 'US' },
};

interface TextResult {
  content: { type: string; text?: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
}

/** Starts `card-doctor mcp` from source in `cwd` and connects a client to it. */
async function connect(cwd: string, flags: string[] = []): Promise<Client> {
  const code = [
    `require(${JSON.stringify(join(ROOT, 'test', 'templateLoader.ts'))}).installBuiltinTemplatesModule();`,
    `require(${JSON.stringify(join(ROOT, 'src', 'cli', 'program.ts'))})`,
    `.main(${JSON.stringify(['mcp', ...flags])}).then((code) => { process.exitCode = code; });`,
  ].join('\n');
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--require', require.resolve('tsx/cjs'), '--eval', code],
    cwd,
    env: { PATH: process.env.PATH ?? '', LANG: 'C' },
    stderr: 'pipe',
  });
  const client = new Client({ name: 'card-doctor-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<TextResult> {
  return (await client.callTool({ name, arguments: args })) as TextResult;
}

function textOf(result: TextResult): string {
  return result.content.map((part) => part.text ?? '').join('\n');
}

describe('card-doctor mcp (the SDK client over stdio)', function () {
  this.timeout(60000);
  let folder: string;
  let outside: string;
  let readOnly: Client;

  before(async function () {
    folder = mkdtempSync(join(tmpdir(), 'card-doctor-mcp-'));
    outside = mkdtempSync(join(tmpdir(), 'card-doctor-mcp-outside-'));
    const report = join(outside, 'report.json');
    writeFileSync(report, JSON.stringify(UNIONPAY));
    const added = await runCli(['journal', 'add', report, '--journal', join(folder, 'card-failures', 'journal.md'), '--now', NOW, '--lang', 'en']);
    assert.equal(added.code, 0, added.stderr);
    writeFileSync(join(outside, 'journal.md'), readFileSync(join(folder, 'card-failures', 'journal.md')));
    symlinkSync(join(outside, 'journal.md'), join(folder, 'linked-journal.md'));
    rmSync(report);
    // The folder named, from elsewhere, as an assistant's configuration does.
    readOnly = await connect(ROOT, ['--folder', folder]);
  });

  after(async function () {
    await readOnly?.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('lists its three tools, the report argument described by the report schema', async function () {
    const { tools } = await readOnly.listTools();
    assert.deepEqual(tools.map((tool) => tool.name).sort(), ['diagnose', 'list_journal', 'render_letter']);
    const diagnose = tools.find((tool) => tool.name === 'diagnose')!;
    assert.deepEqual(diagnose.inputSchema.required, ['report']);
    // The report's JSON Schema for tools, as generated from the zod schema (its $schema aside).
    const { $schema, ...generated } = REPORT_JSON_SCHEMA;
    assert.equal($schema, 'http://json-schema.org/draft-07/schema#');
    assert.deepEqual(diagnose.inputSchema.properties!.report, generated);
    const report = diagnose.inputSchema.properties!.report as { properties: Record<string, { properties?: Record<string, unknown> }> };
    assert.deepEqual(Object.keys(report.properties.card!.properties!).sort(), [
      'bin', 'brand', 'dualCurrency', 'expiry', 'issuerCountry', 'issuerName', 'kind', 'last4',
    ]);
    const render = tools.find((tool) => tool.name === 'render_letter')!;
    assert.deepEqual(render.inputSchema.required, ['kind', 'report']);
    assert.deepEqual((render.inputSchema.properties!.kind as { enum: string[] }).enum, ['appeal', 'bank-inquiry']);
  });

  it('diagnoses the UnionPay example: cause ids, likelihoods in words, evidence and next steps', async function () {
    const result = await call(readOnly, 'diagnose', { report: UNIONPAY, now: NOW });
    assert.equal(result.isError, undefined);
    const causes = result.structuredContent!.causes as { id: string; likelihood: string; likelihoodText: string; evidenceFor: string[]; nextSteps: string[] }[];
    assert.deepEqual(
      causes.map((cause) => cause.id),
      ['network-anomaly', 'region-unsupported', 'international-payments-disabled'],
    );
    assert.deepEqual(causes.map((cause) => cause.likelihood), ['high', 'high', 'high']);
    assert.equal(causes[0]!.evidenceFor[0], 'A VPN was in use.');
    assert.ok(causes.every((cause) => cause.nextSteps.length > 0));
    const text = textOf(result);
    assert.ok(text.startsWith('# Card failure diagnosis\n'), text.slice(0, 80));
    assert.ok(text.includes('Cause ids (most likely first): network-anomaly (high), region-unsupported (high), international-payments-disabled (high)'));
  });

  it('speaks the language asked for, and writes a letter in its reader’s', async function () {
    const result = await call(readOnly, 'diagnose', { report: UNIONPAY, now: NOW, lang: 'zh-cn' });
    const causes = result.structuredContent!.causes as { title: string; likelihoodText: string }[];
    assert.equal(causes[0]!.title, '网络或设备环境异常');
    assert.equal(causes[0]!.likelihoodText, '可能性较高');
    assert.ok(textOf(result).startsWith('# 绑卡失败诊断\n'));
    const traditional = await call(readOnly, 'diagnose', { report: UNIONPAY, now: NOW, lang: 'zh-tw' });
    assert.equal((traditional.structuredContent!.causes as { title: string }[])[0]!.title, '網路或裝置環境異常');
    // Without lang, a letter is in its reader's language: a Taiwanese bank's in Traditional Chinese.
    const taiwan = { ...UNIONPAY, card: { ...UNIONPAY.card, issuerName: 'Taishin', issuerCountry: 'TW' } };
    const inquiry = await call(readOnly, 'render_letter', { kind: 'bank-inquiry', report: taiwan, now: NOW });
    assert.equal(inquiry.structuredContent!.lang, 'zh-tw');
    assert.ok(textOf(inquiry).startsWith('**收件人：** Taishin'), textOf(inquiry).slice(0, 80));
  });

  it('refuses a report with invalid fields by their paths, and keeps serving', async function () {
    const result = await call(readOnly, 'diagnose', { report: { card: { last4: '12x' }, billing: { country: 'XX' }, colour: 'blue' } });
    assert.equal(result.isError, true);
    assert.equal(
      textOf(result),
      [
        'The report is invalid; nothing was done. Correct these fields:',
        'card.last4: expected 4 digits',
        'billing.country: expected an ISO 3166 two-letter country code, such as CN or US',
        'colour: unknown field',
      ].join('\n'),
    );
    assert.deepEqual(
      (result.structuredContent!.fieldErrors as { path: string }[]).map((error) => error.path),
      ['card.last4', 'billing.country', 'colour'],
    );
    const notAnObject = await call(readOnly, 'diagnose', { report: 'my card was declined' });
    assert.equal(notAnObject.isError, true);
    assert.ok(textOf(notAnObject).includes('(report): expected an object'), textOf(notAnObject));
    const after = await call(readOnly, 'diagnose', { report: UNIONPAY, now: NOW });
    assert.equal(after.isError, undefined);
  });

  it('never returns the full card number a client sent, in a diagnosis, a letter or an error', async function () {
    const answers = [
      await call(readOnly, 'diagnose', { report: HOLDING_A_NUMBER, now: NOW }),
      await call(readOnly, 'render_letter', { kind: 'appeal', report: HOLDING_A_NUMBER, now: NOW }),
      await call(readOnly, 'render_letter', { kind: 'bank-inquiry', report: HOLDING_A_NUMBER, now: NOW, format: 'text' }),
      // The number as a field's name (repeated in "unknown field") and as a path.
      await call(readOnly, 'diagnose', { report: { ...HOLDING_A_NUMBER, [CARD_NUMBER]: 'x' } }),
      await call(readOnly, 'list_journal', { journal: `../${CARD_NUMBER}.md` }),
      await call(readOnly, 'diagnose', { report: UNIONPAY, now: `${CARD_NUMBER}` }),
    ];
    assert.deepEqual(answers.map((answer) => answer.isError === true), [false, false, false, true, true, true]);
    for (const answer of answers) {
      const wire = JSON.stringify(answer);
      assert.ok(!showsCardNumber(wire, CARD_NUMBER), wire.slice(0, 400));
    }
    assert.ok(textOf(answers[1]!).includes('> Your card •••• 0366 was declined.'), textOf(answers[1]!));
    assert.ok(textOf(answers[3]!).includes('•••• 0366: unknown field'), textOf(answers[3]!));
  });

  it('lists the journal of its folder, and refuses one outside it or behind a symbolic link', async function () {
    const listed = await call(readOnly, 'list_journal', {});
    assert.equal(listed.isError, undefined);
    assert.equal(textOf(listed), '2025-11-27 10:31 UTC+08:00 · ChatGPT (web)  UnionPay debit •••• 4242 · 招商银行 · China  “Your card was declined. 您的银行卡被拒绝。”  (line 12)');
    const entries = listed.structuredContent!.entries as { line: number; occurredAt: string; report: { card: { last4: string } } }[];
    assert.deepEqual(entries.map((entry) => [entry.line, entry.occurredAt, entry.report.card.last4]), [[12, '2025-11-27T10:31:00+08:00', '4242']]);

    const escaping = await call(readOnly, 'list_journal', { journal: join(outside, 'journal.md') });
    assert.equal(escaping.isError, true);
    assert.ok(textOf(escaping).startsWith('journal: '), textOf(escaping));
    assert.ok(textOf(escaping).includes("is outside the server's folder"), textOf(escaping));

    const linked = await call(readOnly, 'list_journal', { journal: 'linked-journal.md' });
    assert.equal(linked.isError, true);
    assert.ok(textOf(linked).startsWith('journal: '), textOf(linked));
    assert.ok(textOf(linked).includes(', which is outside '), textOf(linked));

    const counted = await call(readOnly, 'diagnose', { report: { ...UNIONPAY, occurredAt: '2025-11-27T11:50:00+08:00' }, now: NOW, journal: 'card-failures/journal.md' });
    assert.equal(counted.isError, undefined);
    assert.equal(
      counted.structuredContent!.history,
      'Last 24 hours in the journal: 1 attempt, 1 card. Recording this attempt would make it the 2nd in 24 hours and start a 24-hour wait.',
    );
  });

  it('returns a letter as text, and without --allow-write writes no file', async function () {
    const letter = await call(readOnly, 'render_letter', { kind: 'appeal', report: UNIONPAY, now: NOW });
    assert.equal(letter.isError, undefined);
    assert.ok(textOf(letter).startsWith('**To:** OpenAI Support — Billing & Payments\n'), textOf(letter).slice(0, 80));
    assert.equal(letter.structuredContent!.written, null);

    const before = readdirSync(folder).sort();
    const refused = await call(readOnly, 'render_letter', { kind: 'appeal', report: UNIONPAY, now: NOW, out: 'appeal.md' });
    assert.equal(refused.isError, true);
    assert.ok(textOf(refused).startsWith('out: this server was started without --allow-write, so it writes no file; nothing was written.'), textOf(refused));
    assert.deepEqual(readdirSync(folder).sort(), before);
    assert.ok(!existsSync(join(folder, 'appeal.md')));
  });

  it('refuses a --folder that is not a folder before serving, and describes itself', async function () {
    const missing = await runCli(['mcp', '--folder', join(outside, 'missing')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `error: --folder: ${join(outside, 'missing')} is not a folder\n`);
    const help = await runCli(['mcp', '--help']);
    assert.equal(help.code, 0);
    assert.ok(help.stdout.startsWith('Usage: card-doctor mcp [--folder DIR] [--allow-write] [--lang en|zh-cn|zh-tw]\n'), help.stdout);
  });

  describe('with --allow-write', function () {
    let writer: Client;
    let writable: string;

    // The folder is the current one, the default.
    before(async function () {
      writable = mkdtempSync(join(tmpdir(), 'card-doctor-mcp-write-'));
      writeFileSync(join(writable, 'appeal.md'), 'my own draft\n');
      symlinkSync(outside, join(writable, 'letters'));
      writer = await connect(writable, ['--allow-write']);
    });

    after(async function () {
      await writer?.close();
      rmSync(writable, { recursive: true, force: true });
    });

    it('writes a new file in its folder, never over one, and nowhere outside it', async function () {
      const written = await call(writer, 'render_letter', { kind: 'appeal', report: UNIONPAY, now: NOW, out: 'appeal.md' });
      assert.equal(written.isError, undefined, textOf(written));
      assert.equal(written.structuredContent!.written, 'appeal-2.md');
      assert.equal(readFileSync(join(writable, 'appeal.md'), 'utf8'), 'my own draft\n');
      assert.ok(readFileSync(join(writable, 'appeal-2.md'), 'utf8').startsWith('**To:** OpenAI Support — Billing & Payments\n'));

      const outsideBefore = readdirSync(outside).sort();
      const up = await call(writer, 'render_letter', { kind: 'appeal', report: UNIONPAY, now: NOW, out: '../appeal.md' });
      assert.equal(up.isError, true);
      assert.ok(textOf(up).startsWith("out: ../appeal.md is outside the server's folder"), textOf(up));
      const throughLink = await call(writer, 'render_letter', { kind: 'appeal', report: UNIONPAY, now: NOW, out: 'letters/appeal.md' });
      assert.equal(throughLink.isError, true);
      assert.ok(textOf(throughLink).startsWith('out: '), textOf(throughLink));
      assert.ok(textOf(throughLink).includes('which is outside'), textOf(throughLink));
      assert.deepEqual(readdirSync(outside).sort(), outsideBefore);
      mkdirSync(join(writable, 'drafts'));
      const intoFolder = await call(writer, 'render_letter', { kind: 'bank-inquiry', report: UNIONPAY, now: NOW, out: 'drafts' });
      assert.equal(intoFolder.isError, true);
      assert.equal(textOf(intoFolder), "out: drafts is a folder; name the letter's file, such as drafts/bank-inquiry.md");
    });
  });
});
