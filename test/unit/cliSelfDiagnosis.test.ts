/**
 * `card-doctor render --self-diagnosis`: the CLI's counterpart of the extension's setting
 * `cardDoctor.appealSelfDiagnosis`, off by default in both (issue 13). Run in process through `main`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliInProcess';

const NOW = '2025-11-27T12:00:00+08:00';
const REPORT = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { kind: 'debit', brand: 'unionpay', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
  connection: { vpn: 'no', switchedRecently: 'no' },
};

describe('card-doctor render --self-diagnosis', () => {
  let dir = '';
  let report = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-self-diagnosis-'));
    report = join(dir, 'report.json');
    writeFileSync(report, JSON.stringify(REPORT));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('without the flag the appeal has no self-diagnosis, no causes and no VPN line', async () => {
    const { code, stdout, stderr } = await runCli(['render', 'appeal', report, '--now', NOW]);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.startsWith('**To:** OpenAI Support — Billing & Payments\n'), stdout.slice(0, 60));
    assert.ok(!stdout.includes('## My own checks'), stdout);
    assert.ok(!stdout.includes('VPN'), stdout);
    assert.ok(!stdout.includes('(likely)'), stdout);
  });

  it('with the flag the appeal carries the network facts and the possible causes', async () => {
    const { code, stdout, stderr } = await runCli(['render', 'appeal', report, '--now', NOW, '--self-diagnosis']);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.includes('\n## My own checks\n'), stdout);
    assert.ok(stdout.includes('\n- I was not using a VPN.\n'), stdout);
    assert.ok(stdout.includes('\n- **Region not supported** (likely): The country where my card was issued, or where I am, may not be on the supported list.\n'), stdout);
    assert.ok(stdout.includes('\nThese are possible reasons I found from my own checks. I cannot be sure of any of them, and I would value your view:\n'), stdout);
  });

  it('in Simplified Chinese too, and in the plain text', async () => {
    const { code, stdout, stderr } = await runCli(['render', 'appeal', report, '--now', NOW, '--lang', 'zh-cn', '--self-diagnosis', '--format', 'text']);
    assert.equal(code, 0, stderr);
    assert.ok(stdout.includes('\n我自己的排查\n\n我已确认：\n'), stdout);
    assert.ok(stdout.includes('\n以下是我自己排查出的可能原因。这些只是推测，我无法确定，还请您帮忙判断：\n'), stdout);
  });

  it('leaves the bank inquiry as it is: a bank cannot check a VPN, and guesses are for support', async () => {
    const plain = await runCli(['render', 'bank-inquiry', report, '--now', NOW]);
    const flagged = await runCli(['render', 'bank-inquiry', report, '--now', NOW, '--self-diagnosis']);
    assert.equal(flagged.code, 0, flagged.stderr);
    assert.equal(flagged.stdout, plain.stdout);
    assert.ok(!flagged.stdout.includes('VPN'), flagged.stdout);
  });

  it('takes no value: --self-diagnosis=yes is refused with exit 2, writing nothing', async () => {
    const { code, stdout, stderr } = await runCli(['render', 'appeal', report, '--now', NOW, '--self-diagnosis=yes']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^error: .*--self-diagnosis/m);
  });

  it('is documented in render --help, named after the extension’s setting', async () => {
    const { code, stdout } = await runCli(['render', '--help']);
    assert.equal(code, 0);
    assert.ok(stdout.includes('\n  --self-diagnosis   appeal: add your own checks, the possible causes the diagnosis found and\n'), stdout);
    assert.ok(stdout.includes('cardDoctor.appealSelfDiagnosis does. Off by default'), stdout);
    assert.match((await runCli(['--help'])).stdout, /\[--format markdown\|text\] \[--self-diagnosis\]/);
  });
});
