/**
 * `card-doctor pack` in process: the folder it creates and never reuses, what it writes, and its
 * exit codes for the mistakes a person makes. The files' words are tested in evidencePack.test.ts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cliInProcess';

const NOW = '2026-12-01T23:00:00Z';
const CARD = '4111 1111 1111 1111';
/** Two attempts as the journal holds them; the second's error and notes were typed with a full card number and a CVC. */
const JOURNAL = [
  '# Card failure journal',
  '',
  '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"unionpay","kind":"debit","last4":"4242"}}} -->',
  '',
  `<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T11:05:00+08:00","report":{"errorMessage":"declined, card ${CARD} cvc 123","notes":"typed ${CARD.replace(/ /g, '')} twice","card":{"last4":"1111"}}} -->`,
  '',
].join('\n');

describe('card-doctor pack', () => {
  let dir = '';
  let journal = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-pack-'));
    journal = join(dir, 'journal.md');
    writeFileSync(journal, JOURNAL);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes evidence-<date> with the five files and the two letters written fresh (the folder has none), by the last attempt’s offset, and prints the folder', async () => {
    const out = join(dir, 'packs');
    const result = await runCli(['pack', '--journal', journal, '--out', out, '--lang', 'en', '--now', NOW]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    // 23:00 UTC is 07:00 the next day at UTC+08:00, the offset of the last attempt.
    assert.equal(result.stdout, `${join(out, 'evidence-2026-12-02')}\n`);
    assert.deepEqual(readdirSync(join(out, 'evidence-2026-12-02')).sort(), ['about.md', 'appeal.md', 'bank-inquiry.md', 'bank-phone-script.md', 'diagnosis.md', 'screenshots-checklist.md', 'timeline.md']);
    const timeline = readFileSync(join(out, 'evidence-2026-12-02', 'timeline.md'), 'utf8');
    assert.ok(timeline.includes('## 1. 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)\n\n- Error as shown: “Your card was declined.”\n- Card: UnionPay debit •••• 4242\n'));
  });

  it('never reuses a folder: a second and a third pack get -2 and -3, the first left as it was', async () => {
    const first = join(dir, 'evidence-2026-12-02');
    mkdirSync(first);
    writeFileSync(join(first, 'screenshot.png'), 'mine');
    const second = await runCli(['pack', '--journal', journal, '--out', dir, '--lang', 'zh-cn', '--now', NOW]);
    const third = await runCli(['pack', '--journal', journal, '--out', dir, '--lang', 'zh-cn', '--now', NOW]);
    assert.deepEqual([second.code, third.code], [0, 0]);
    assert.equal(second.stdout, `${join(dir, 'evidence-2026-12-02-2')}\n`);
    assert.equal(third.stdout, `${join(dir, 'evidence-2026-12-02-3')}\n`);
    assert.deepEqual(readdirSync(first), ['screenshot.png']);
    assert.ok(readFileSync(join(dir, 'evidence-2026-12-02-3', 'timeline.md'), 'utf8').startsWith('# 绑卡失败时间线\n'));
  });

  it('puts no card number and no CVC in any file', async () => {
    const result = await runCli(['pack', '--journal', journal, '--out', dir, '--lang', 'en', '--now', NOW]);
    assert.equal(result.code, 0);
    const folder = join(dir, 'evidence-2026-12-02');
    for (const name of readdirSync(folder)) {
      const text = readFileSync(join(folder, name), 'utf8');
      assert.ok(!text.replace(/\D/g, '').includes('4111111111111111'), name);
      assert.ok(!text.includes('123'), name);
    }
    assert.ok(readFileSync(join(folder, 'timeline.md'), 'utf8').includes('- Error as shown: “declined, card •••• ••• cvc •••”\n- Card: •••• 1111\n'));
  });

  it('exit 2 and nothing written: no --journal or --out, a missing journal, an empty one, a bad --now', async () => {
    const missing = await runCli(['pack', '--lang', 'en']);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'error: --journal: expected the failure journal file\nerror: --out: expected the folder to write the pack in\n');

    const absent = await runCli(['pack', '--journal', join(dir, 'none.md'), '--out', dir, '--now', NOW]);
    assert.equal(absent.code, 2);
    assert.equal(absent.stderr, `error: --journal: cannot read ${join(dir, 'none.md')} (ENOENT)\n`);

    const empty = join(dir, 'empty.md');
    writeFileSync(empty, '# Card failure journal\n');
    const nothing = await runCli(['pack', '--journal', empty, '--out', dir, '--now', NOW]);
    assert.equal(nothing.code, 2);
    assert.equal(nothing.stderr, `error: --journal: ${empty} holds no attempt; there is nothing to pack\n`);

    const badNow = await runCli(['pack', '--journal', journal, '--out', dir, '--now', '2026-02-30T10:00']);
    assert.equal(badNow.code, 2);
    assert.deepEqual(readdirSync(dir).sort(), ['empty.md', 'journal.md']);
  });

  it('exit 2 when --out is a file, or lies under one', async () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    const result = await runCli(['pack', '--journal', journal, '--out', file, '--now', NOW]);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `error: --out: ${file} is not a folder\n`);
    const under = await runCli(['pack', '--journal', journal, '--out', join(file, 'packs'), '--now', NOW]);
    assert.equal(under.code, 2);
    assert.equal(under.stderr, `error: --out: cannot create the pack in ${join(file, 'packs')} (ENOTDIR)\n`);
  });

  it('a Hong Kong card: the phone script in Traditional Chinese, the rest in the pack’s English', async () => {
    writeFileSync(
      journal,
      '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"errorMessage":"Your card was declined.","card":{"brand":"visa","last4":"5555","issuerCountry":"HK"}}} -->\n',
    );
    const result = await runCli(['pack', '--journal', journal, '--out', dir, '--lang', 'en', '--now', NOW]);
    assert.equal(result.stderr, '');
    assert.equal(result.code, 0);
    const folder = join(dir, 'evidence-2026-12-02');
    assert.ok(readFileSync(join(folder, 'bank-phone-script.md'), 'utf8').startsWith('# 致電發卡銀行'));
    // The fresh bank inquiry too: Traditional Chinese for the Hong Kong bank.
    assert.ok(readFileSync(join(folder, 'bank-inquiry.md'), 'utf8').includes('（Visa 卡，末四碼 5555）'));
    assert.ok(readFileSync(join(folder, 'timeline.md'), 'utf8').startsWith('# Timeline of failed attempts\n'));
  });

  it('packs the person’s newest letters as edited, leaves out one with a card number (saying so), and writes the missing kind fresh', async () => {
    const out = join(dir, 'card-failures');
    mkdirSync(out);
    writeFileSync(join(out, 'appeal-2025-11-27.md'), '# Appeal\n\nolder\n');
    writeFileSync(join(out, 'appeal-2025-11-27-2.md'), '# Appeal\n\nAs I edited it.\n');
    writeFileSync(join(out, 'appeal-2025-11-27-2.zh-cn.md'), '# 申诉（副本）\n');
    writeFileSync(join(out, 'bank-inquiry-2025-11-27.md'), `My card ${CARD} was declined.\n`);
    const result = await runCli(['pack', '--journal', journal, '--out', out, '--lang', 'en', '--now', NOW]);
    assert.equal(result.code, 0);
    assert.equal(
      result.stderr,
      `warning: ${join(out, 'bank-inquiry-2025-11-27.md')}: holds what looks like a full card number, a CVC or a one-time code; left out of the pack (not copied, not masked). Take it out of the letter and pack again\n`,
    );
    const folder = join(out, 'evidence-2026-12-02');
    assert.deepEqual(readdirSync(folder).sort(), [
      'about.md',
      'appeal-2025-11-27-2.md',
      'appeal-2025-11-27-2.zh-cn.md',
      'bank-inquiry.md',
      'bank-phone-script.md',
      'diagnosis.md',
      'screenshots-checklist.md',
      'timeline.md',
    ]);
    assert.equal(readFileSync(join(folder, 'appeal-2025-11-27-2.md'), 'utf8'), '# Appeal\n\nAs I edited it.\n');
    assert.equal(readFileSync(join(folder, 'appeal-2025-11-27-2.zh-cn.md'), 'utf8'), '# 申诉（副本）\n');
    assert.ok(!readFileSync(join(folder, 'bank-inquiry.md'), 'utf8').replace(/\D/g, '').includes('4111111111111111'));
    assert.ok(
      readFileSync(join(folder, 'about.md'), 'utf8').includes(
        [
          '## Letters',
          '',
          '- appeal-2025-11-27-2.md: your own letter, as you edited it.',
          '- appeal-2025-11-27-2.zh-cn.md: your own copy of a letter in your language, as you edited it; send the letter it names, not this copy.',
          '- bank-inquiry.md: written fresh by Card Binding Doctor from the last attempt, as the letters’ folder held no bank inquiry that could be copied. Read it and fill in what it leaves to you before you send it.',
          '- Left out: bank-inquiry-2025-11-27.md holds what looks like a full card number, a CVC or a one-time code, so it was not copied. Take that out of the letter, then write the pack again.',
          '',
        ].join('\n'),
      ),
    );
  });

  it('a fresh letter is what card-doctor render writes from the journal’s last attempt, in its reader’s language', async () => {
    writeFileSync(
      journal,
      [
        '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-26T09:00:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"unionpay","kind":"debit","last4":"4242","issuerCountry":"CN"}}} -->',
        '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.","card":{"brand":"unionpay","kind":"debit","last4":"4242","issuerCountry":"CN"}}} -->',
        '',
      ].join('\n'),
    );
    const report = join(dir, 'report.json');
    writeFileSync(
      report,
      JSON.stringify({ occurredAt: '2025-11-27T10:31:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerCountry: 'CN' } }),
    );
    const pack = await runCli(['pack', '--journal', journal, '--out', join(dir, 'out'), '--lang', 'en', '--now', NOW]);
    assert.equal(pack.code, 0);
    const folder = join(dir, 'out', 'evidence-2026-12-02');
    for (const kind of ['appeal', 'bank-inquiry']) {
      const rendered = await runCli(['render', kind, report, '--journal', journal, '--now', NOW]);
      assert.equal(rendered.code, 0);
      assert.equal(readFileSync(join(folder, `${kind}.md`), 'utf8'), rendered.stdout, kind);
    }
    // The mainland bank's letter is in Simplified Chinese, the appeal in English, whatever the pack's language.
    assert.ok(readFileSync(join(folder, 'bank-inquiry.md'), 'utf8').includes('尾号 4242'));
    assert.ok(readFileSync(join(folder, 'appeal.md'), 'utf8').includes('4242'));
    assert.ok(!/[\u4e00-\u9fff]/.test(readFileSync(join(folder, 'appeal.md'), 'utf8').replace(/UnionPay|银联/g, '')));
  });

  it('--letters names another folder; a letter linking out of it and one over 1 MB are left out, each named', async () => {
    const letters = join(dir, 'letters');
    mkdirSync(letters);
    const outside = join(dir, 'secret-elsewhere.md');
    writeFileSync(outside, '# not a letter\n');
    symlinkSync(outside, join(letters, 'appeal-2025-11-27.md'));
    writeFileSync(join(letters, 'bank-inquiry-2025-11-27.md'), 'a'.repeat(1_000_001));
    const out = join(dir, 'packs');
    const result = await runCli(['pack', '--journal', journal, '--out', out, '--letters', letters, '--lang', 'zh-cn', '--now', NOW]);
    assert.equal(result.code, 0);
    assert.equal(
      result.stderr,
      `warning: ${join(letters, 'appeal-2025-11-27.md')}: leads outside the letters' folder through a symbolic link; left out of the pack\n` +
        `warning: ${join(letters, 'bank-inquiry-2025-11-27.md')}: larger than 1 MB; left out of the pack\n`,
    );
    const folder = join(out, 'evidence-2026-12-02');
    assert.deepEqual(readdirSync(folder).sort(), ['about.md', 'appeal.md', 'bank-inquiry.md', 'bank-phone-script.md', 'diagnosis.md', 'screenshots-checklist.md', 'timeline.md']);
    assert.ok(
      readFileSync(join(folder, 'about.md'), 'utf8').includes(
        '- 未放入：appeal-2025-11-27.md 经由符号链接指向文件夹之外，因此没有读取。\n- 未放入：bank-inquiry-2025-11-27.md 超过 1 MB，因此没有读取。\n',
      ),
    );
  });

  it('exit 2 and nothing written when --letters is missing or a file', async () => {
    const out = join(dir, 'packs');
    const missing = await runCli(['pack', '--journal', journal, '--out', out, '--letters', join(dir, 'none'), '--now', NOW]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, `error: --letters: cannot read the folder ${join(dir, 'none')} (ENOENT)\n`);
    const file = await runCli(['pack', '--journal', journal, '--out', out, '--letters', journal, '--now', NOW]);
    assert.equal(file.code, 2);
    assert.equal(file.stderr, `error: --letters: cannot read the folder ${journal} (ENOTDIR)\n`);
    assert.deepEqual(readdirSync(dir), ['journal.md']);
  });

  it('--help prints the command’s help', async () => {
    const result = await runCli(['pack', '--help']);
    assert.equal(result.code, 0);
    assert.ok(result.stdout.startsWith('Usage: card-doctor pack --journal FILE --out FOLDER [options]\n'));
  });
});
