/**
 * `card-doctor journal answer` in process: what the bank said goes into the journal as a section
 * of its own that `journal list` and the entry reader skip and `pack` lists in timeline.md; a
 * card number, CVC or one-time code is refused with the flag named, and nothing is written.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliInProcess';

const ENTRY =
  '<!-- card-doctor:entry v1 {"occurredAt":"2026-12-01T22:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"visa","kind":"credit","last4":"4242","issuerCountry":"US"}}} -->';

describe('card-doctor journal answer', () => {
  let dir = '';
  let journal = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-answer-'));
    journal = join(dir, 'journal.md');
    writeFileSync(journal, `# Card failure journal\n\n${ENTRY}\n`);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends the answer, which list leaves out and pack lists in the timeline', async () => {
    const result = await runCli([
      'journal', 'answer', '--journal', journal, '--channel', 'app-chat', '--saw', 'yes', '--declined-by', 'merchant',
      '--code', '59', '--reference', 'SR88213', '--advice', 'Ask the merchant.', '--at', '2026-12-02T09:15:00+08:00', '--lang', 'en',
    ]);
    assert.deepEqual(result, { code: 0, stdout: `Added “What the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat” to ${journal}\n`, stderr: '' });
    assert.equal(
      readFileSync(journal, 'utf8'),
      [
        '# Card failure journal',
        '',
        ENTRY,
        '',
        '## What the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat',
        '',
        '- Found the verification authorization: yes',
        '- Declined by: the merchant’s side (merchant or its payment processor)',
        '- Response code: 59',
        '- Reference number: SR88213',
        '- The bank advises: “Ask the merchant.”',
        '',
        '<!-- card-doctor:bank-answer v1 {"answeredAt":"2026-12-02T09:15:00+08:00","channel":"app-chat","sawAuthorization":"yes","declinedBy":"merchant","responseCode":"59","reference":"SR88213","advice":"Ask the merchant."} -->',
        '',
      ].join('\n'),
    );
    const list = await runCli(['journal', 'list', '--journal', journal, '--format', 'json']);
    assert.equal(list.stderr, '');
    assert.equal((JSON.parse(list.stdout) as unknown[]).length, 1);
    const text = await runCli(['journal', 'list', '--journal', journal, '--lang', 'en']);
    assert.deepEqual(text, {
      code: 0,
      stdout: '2026-12-01 22:31 UTC+08:00 · ChatGPT (web)  Visa credit •••• 4242 · United States  “Your card was declined.”  (line 3)\nWhat the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat  (line 13)\n',
      stderr: '',
    });

    const pack = await runCli(['pack', '--journal', journal, '--out', dir, '--lang', 'en', '--now', '2026-12-02T03:00:00Z']);
    assert.equal(pack.code, 0);
    const timeline = readFileSync(join(dir, 'evidence-2026-12-02', 'timeline.md'), 'utf8');
    assert.ok(timeline.includes('## What the bank said · 2026-12-02 09:15 UTC+08:00 · in the app’s chat\n\n- Found the verification authorization: yes\n'), timeline);
  });

  it('dates the answer --now in its own offset, defaults to unknown, and creates the journal when missing', async () => {
    const fresh = join(dir, 'new', 'journal.md');
    const result = await runCli(['journal', 'answer', '--journal', fresh, '--channel', 'phone', '--now', '2026-12-02T09:15:00+08:00', '--lang', 'zh-cn']);
    assert.equal(result.code, 0);
    const text = readFileSync(fresh, 'utf8');
    assert.ok(text.startsWith('# 绑卡失败记录\n'));
    assert.ok(text.includes('## 银行的答复 · 2026-12-02 09:15 UTC+08:00 · 电话\n\n- 是否查到这笔验证性预授权：没有说明\n- 拒绝方：银行无法确定\n\n<!-- card-doctor:bank-answer v1 '), text);
  });

  it('refuses a card number, a CVC and a bad choice with the flag named, writing nothing', async () => {
    const before = readFileSync(journal, 'utf8');
    const secret = await runCli(['journal', 'answer', '--journal', journal, '--channel', 'phone', '--reference', '4111 1111 1111 1111', '--note', 'cvc 123']);
    assert.equal(secret.code, 2);
    assert.ok(secret.stderr.includes('--reference: holds what looks like a card number, CVC or one-time code; remove it'), secret.stderr);
    assert.ok(secret.stderr.includes('--note: holds what looks like a card number, CVC or one-time code; remove it'), secret.stderr);
    assert.ok(!secret.stderr.includes('4111'));
    const channel = await runCli(['journal', 'answer', '--journal', journal, '--channel', 'fax']);
    assert.equal(channel.code, 2);
    assert.ok(channel.stderr.includes('--channel: expected one of phone, app-chat, branch, letter'), channel.stderr);
    const missing = await runCli(['journal', 'answer', '--journal', journal]);
    assert.equal(missing.code, 2);
    assert.ok(missing.stderr.includes('--channel: expected how you reached the bank: phone, app-chat, branch, letter'), missing.stderr);
    const saw = await runCli(['journal', 'answer', '--journal', journal, '--channel', 'phone', '--saw', 'perhaps']);
    assert.ok(saw.stderr.includes('--saw: expected yes, no, unknown'), saw.stderr);
    assert.equal(readFileSync(journal, 'utf8'), before);
    assert.equal(existsSync(join(dir, 'evidence-2026-12-02')), false);
    assert.deepEqual(readdirSync(dir), ['journal.md']);
  });
});
