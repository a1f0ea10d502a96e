import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import type { Lang } from '../../src/core/catalogue';
import { ENTRY_MARKER, formatJournalEntry, journalHeader, parseJournal, type DatedReport } from '../../src/core/journal';
import { containsFullCardNumber } from '../../src/core/redact';
import { parseReport, type Report } from '../../src/core/report';
import { InputError } from '../../src/cli/cliError';
import { runJournal } from '../../src/cli/journalCommand';
import { appendJournalEntry, readJournalFile } from '../../src/node/journalFile';
import { reportArbitrary } from '../arbitraries';

const ROOT = resolve(__dirname, '../..');

function dated(input: unknown): DatedReport {
  const parsed = parseReport(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { ...parsed.report, occurredAt: parsed.report.occurredAt ?? '2025-11-27T12:00:00Z' };
}

function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const UNIONPAY = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: 'Your card was declined.',
  card: { kind: 'debit', brand: 'unionpay', bin: '62148300', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
};

/** Runs a command, returning what it printed; the real streams are restored whatever happens. */
async function capture(run: () => Promise<void>): Promise<{ stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const stdoutWrite = process.stdout.write;
  const stderrWrite = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => out.push(String(chunk)) > 0) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => err.push(String(chunk)) > 0) as typeof process.stderr.write;
  try {
    await run();
  } finally {
    process.stdout.write = stdoutWrite;
    process.stderr.write = stderrWrite;
  }
  return { stdout: out.join(''), stderr: err.join('') };
}

async function rejectsWithInputError(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return [...error.problems];
  }
  assert.fail('expected the command to fail');
}

describe('journal file', () => {
  let dir: string;
  let count = 0;
  const fresh = (name = 'journal.md') => join(dir, `case-${++count}`, 'card-failures', name);

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'card-doctor-journal-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a journal that does not exist as empty', async () => {
    assert.deepEqual(await readJournalFile(fresh()), { entries: [], problems: [] });
  });

  /** The UNIONPAY report's entry line, the same in every language. */
  const UNIONPAY_LINE =
    '<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"product":"chatgpt-web","errorMessage":"Your card was declined.",' +
    '"card":{"kind":"debit","brand":"unionpay","bin":"62148300","last4":"4242","issuerName":"招商银行","issuerCountry":"CN"}}} -->\n';
  /** A new journal holding UNIONPAY, written out rather than made by journalHeader and formatJournalEntry. */
  const FIRST_APPEND: Record<'en' | 'zh-cn', string> = {
    en:
      '# Card failure journal\n\n' +
      'Written by Card Binding Doctor: one section per failed attempt to add a card, oldest first. Card numbers appear masked, last 4 digits only. ' +
      'Write your own notes anywhere, between entries or inside them, but leave each `<!-- card-doctor:entry … -->` line as it is: ' +
      'it holds the entry’s details for reading back, and Markdown previews hide it.\n\n' +
      '## 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)\n\n' +
      '- Error: “Your card was declined.”\n' +
      '- Card: UnionPay debit •••• 4242 · 招商银行 · China\n' +
      '- Possible causes: Region not supported (likely); International online payments blocked (likely)\n\n' +
      UNIONPAY_LINE,
    'zh-cn':
      '# 绑卡失败记录\n\n' +
      '由绑卡医生（Card Binding Doctor）写入：每次绑卡失败记一节，按时间先后排列。卡号只显示后四位。' +
      '您可以在任何位置（条目之间或条目内部）写自己的笔记，但请保留每条 `<!-- card-doctor:entry … -->` 行原样不动：它保存该条目的详细信息供读回使用，Markdown 预览中不会显示。\n\n' +
      '## 2025-11-27 10:31 UTC+08:00 · ChatGPT 网页版\n\n' +
      '- 错误：“Your card was declined.”\n' +
      '- 卡片：银联借记卡 •••• 4242 · 招商银行 · 中国\n' +
      '- 可能原因：地区不受支持（可能性较高）；未开通境外线上支付（可能性较高）\n\n' +
      UNIONPAY_LINE,
  };

  for (const lang of ['en', 'zh-cn'] as const) {
    it(`creates the folder and a header on the first append (${lang})`, async () => {
      const path = fresh();
      const first = await appendJournalEntry(path, dated(UNIONPAY), lang);
      assert.equal(first.created, true);
      const text = await readFile(path, 'utf8');
      assert.equal(text, FIRST_APPEND[lang]);
      const second = await appendJournalEntry(path, dated({ ...UNIONPAY, notes: 'again' }), lang);
      assert.equal(second.created, false);
      const journal = await readJournalFile(path);
      assert.deepEqual(journal.problems, []);
      assert.deepEqual(journal.entries.map((entry) => entry.report.notes), [undefined, 'again']);
    });
  }

  it('never changes the person’s text: the old file is a byte-exact prefix after an append', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 50 }), fc.constantFrom('## 我的笔记', '<!--', '- item', '\r\n')), { maxLength: 8 }),
        fc.boolean(),
        reportArbitrary,
        fc.constantFrom<Lang>('en', 'zh-cn'),
        async (handLines, endsWithNewline, input, lang) => {
          const path = fresh();
          await appendJournalEntry(path, dated(UNIONPAY), lang);
          const own = handLines.join('\n').split('\n').filter((line) => !line.trimStart().startsWith(ENTRY_MARKER)).join('\n');
          const before = Buffer.from((await readFile(path, 'utf8')) + own + (endsWithNewline ? '\n' : ''), 'utf8');
          await writeFile(path, before);
          await appendJournalEntry(path, dated(input), lang);
          const after = await readFile(path);
          assert.ok(after.subarray(0, before.length).equals(before), 'the old content is untouched');
          const added = after.subarray(before.length).toString('utf8');
          const needsNewline = before.length > 0 && before[before.length - 1] !== 0x0a;
          assert.equal(added, (needsNewline ? '\n' : '') + formatJournalEntry(dated(input), lang));
          const { entries, problems } = parseJournal(after.toString('utf8'));
          assert.deepEqual(problems, []);
          assert.equal(entries.length, 2);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('loses nothing when 4 processes append 25 entries each to a new journal', async function () {
    this.timeout(60_000);
    const path = fresh();
    // Each worker loads, says "ready", and waits for "go": starting tsx takes far longer than 25
    // appends, so without the barrier the workers would run one after another and never race.
    const worker = `
      const { appendJournalEntry } = require(process.argv[1]);
      const [path, id] = process.argv.slice(2);
      async function appendAll() {
        for (let i = 0; i < 25; i++) {
          const minute = String(i).padStart(2, '0');
          await appendJournalEntry(path, {
            occurredAt: '2025-11-2' + (Number(id) + 1) + 'T10:' + minute + ':00+08:00',
            product: 'chatgpt-web',
            errorMessage: '您的银行卡被拒绝。',
            notes: 'worker ' + id + ' entry ' + i,
          }, 'zh-cn');
        }
      }
      process.stdin.once('data', () => appendAll().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); }));
      process.stdout.write('ready');
    `;
    const module = join(ROOT, 'src/node/journalFile.ts');
    const children = [0, 1, 2, 3].map((id) =>
      spawn(process.execPath, ['--import', 'tsx', '-e', worker, module, path, String(id)], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] }),
    );
    const exits = children.map(
      (child) => new Promise<number | null>((done, fail) => child.on('error', fail).on('exit', (code) => done(code))),
    );
    await Promise.all(children.map((child) => new Promise((ready) => child.stdout!.once('data', ready))));
    for (const child of children) child.stdin!.end('go');
    assert.deepEqual(await Promise.all(exits), [0, 0, 0, 0]);

    const text = await readFile(path, 'utf8');
    assert.ok(text.startsWith(journalHeader('zh-cn')), 'the header first');
    assert.equal(text.split(journalHeader('zh-cn')).length, 2, 'exactly one header');
    const { entries, problems } = parseJournal(text);
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 100);
    const expected = [0, 1, 2, 3].flatMap((id) => Array.from({ length: 25 }, (_, i) => `worker ${id} entry ${i}`));
    assert.deepEqual(entries.map((entry) => entry.report.notes), expected, 'every entry, oldest first');
  });

  describe('never lets a card number, a CVC or a one-time code reach the file', () => {
    const secrets = [
      ['4242 4242 4242 4242', /4242 ?4242 ?4242 ?4242/],
      ['6212 3456 7890 1234 7', /6212 ?3456 ?7890/],
      ['CVC 123', /123/],
      ['安全码：123', /123/],
      ['验证码 654321', /654321/],
      ['OTP 123456', /123456/],
    ] as const;
    for (const [secret, trace] of secrets) {
      it(`“${secret}” in every free-text field`, async () => {
        const path = fresh();
        const input = {
          occurredAt: '2025-11-27T10:31:00+08:00',
          errorMessage: `declined ${secret}`,
          notes: `my notes: ${secret} end`,
          card: { issuerName: `Bank ${secret}`, last4: '4242' },
          billing: { postalCode: secret },
        };
        // Three attempts a minute apart: the same attempt twice would be counted once.
        await appendJournalEntry(path, dated(input), 'en');
        await appendJournalEntry(path, dated({ ...input, occurredAt: '2025-11-27T10:32:00+08:00' }), 'zh-cn');
        const { stdout } = await capture(async () => {
          const reportPath = join(dir, `report-${count}.json`);
          await writeFile(reportPath, JSON.stringify({ ...input, occurredAt: '2025-11-27T10:33:00+08:00' }));
          await runJournal(['add', reportPath, '--journal', path, '--lang', 'en']);
        });
        assert.doesNotMatch(stdout, trace);
        const text = await readFile(path, 'utf8');
        assert.doesNotMatch(text, trace);
        assert.equal(containsFullCardNumber(text), false);
        assert.equal((await readJournalFile(path)).entries.length, 3);
      });
    }

    it('refuses, writing nothing, a report that was never redacted', async () => {
      const path = fresh();
      const raw = { occurredAt: '2025-11-27T10:31:00+08:00', notes: 'card 4242 4242 4242 4242' } as DatedReport;
      await assert.rejects(appendJournalEntry(path, raw, 'en'), /card number/);
      assert.equal(existsSync(path), false);
      await appendJournalEntry(path, dated(UNIONPAY), 'en');
      const before = await readFile(path);
      await assert.rejects(appendJournalEntry(path, raw, 'en'), /card number/);
      assert.ok((await readFile(path)).equals(before));
    });

    it('masks a card number split across lines before it reaches the file', async () => {
      const path = fresh();
      const reportPath = join(dir, 'split.json');
      await writeFile(reportPath, JSON.stringify({ notes: 'card 4242 4242\n4242 4242' }));
      await capture(() => runJournal(['add', reportPath, '--journal', path, '--lang', 'en', '--now', '2025-11-27T10:31:00+08:00']));
      const text = await readFile(path, 'utf8');
      assert.doesNotMatch(text.replace(/\s/g, ''), /4242424242424242/);
      assert.deepEqual((await readJournalFile(path)).entries.map((entry) => entry.report.notes), ['card •••• 4242']);
    });
  });

  describe('card-doctor journal', () => {
    it('add appends the report at its own time and says where', async () => {
      const path = fresh();
      const reportPath = join(dir, 'unionpay.json');
      await writeFile(reportPath, JSON.stringify(UNIONPAY));
      const { stdout } = await capture(() => runJournal(['add', reportPath, '--journal', path, '--lang', 'en']));
      assert.equal(stdout, `Added the attempt of 2025-11-27 10:31 UTC+08:00 · ChatGPT (web) to ${path}\n`);
      const { entries } = await readJournalFile(path);
      assert.deepEqual(plain(entries.map((entry) => entry.report)), plain([dated(UNIONPAY)]));
    });

    it('add takes the time from --now when the report has none', async () => {
      const path = fresh();
      const reportPath = join(dir, 'timeless.json');
      await writeFile(reportPath, JSON.stringify({ errorMessage: '卡片无效' }));
      const { stdout } = await capture(() =>
        runJournal(['add', reportPath, '--journal', path, '--now', '2025-11-28T09:15:00+08:00', '--lang', 'zh-cn']),
      );
      assert.ok(stdout.includes('2025-11-28 09:15 UTC+08:00'));
      const { entries } = await readJournalFile(path);
      assert.equal(entries[0]!.occurredAt, '2025-11-28T09:15:00+08:00');
    });

    it('add rejects a bad report naming every bad field, and creates nothing', async () => {
      const path = fresh();
      const reportPath = join(dir, 'bad.json');
      await writeFile(reportPath, JSON.stringify({ card: { bin: '12', last4: 'x' }, product: 'dall-e', extra: 1 }));
      const problems = await rejectsWithInputError(runJournal(['add', reportPath, '--journal', path]));
      assert.deepEqual(problems.map((problem) => problem.split(':')[0]).sort(), ['card.bin', 'card.last4', 'extra', 'product']);
      assert.equal(existsSync(path), false);
      assert.equal(existsSync(resolve(path, '..')), false, 'not even the folder');
    });

    it('add leaves an existing journal byte-for-byte unchanged on bad input', async () => {
      const path = fresh();
      await appendJournalEntry(path, dated(UNIONPAY), 'en');
      const before = await readFile(path);
      const reportPath = join(dir, 'bad-time.json');
      await writeFile(reportPath, JSON.stringify({ occurredAt: 'yesterday' }));
      await rejectsWithInputError(runJournal(['add', reportPath, '--journal', path]));
      await rejectsWithInputError(runJournal(['add', join(dir, 'missing.json'), '--journal', path]));
      await rejectsWithInputError(runJournal(['add', reportPath, '--journal', path, '--now', 'soon']));
      assert.ok((await readFile(path)).equals(before));
    });

    it('list --format json gives the reports with occurredAt and line, oldest first', async () => {
      const path = fresh();
      await appendJournalEntry(path, dated({ ...UNIONPAY, occurredAt: '2025-11-28T10:31:00+08:00' }), 'en');
      await appendJournalEntry(path, dated(UNIONPAY), 'en');
      const { stdout, stderr } = await capture(() => runJournal(['list', '--journal', path, '--format', 'json']));
      assert.equal(stderr, '');
      const list = JSON.parse(stdout) as (Report & { line: number })[];
      assert.deepEqual(list.map((item) => item.occurredAt), ['2025-11-27T10:31:00+08:00', '2025-11-28T10:31:00+08:00']);
      const lines = (await readFile(path, 'utf8')).split('\n');
      for (const item of list) {
        assert.ok(lines[item.line - 1]!.startsWith(ENTRY_MARKER));
        const { line: _line, ...report } = item;
        assert.deepEqual(report, plain({ ...dated(UNIONPAY), occurredAt: item.occurredAt }));
      }
    });

    it('list warns about a damaged entry with its line on stderr, lists the rest, and changes nothing', async () => {
      const path = fresh();
      await appendJournalEntry(path, dated(UNIONPAY), 'en');
      await appendJournalEntry(path, dated({ ...UNIONPAY, occurredAt: '2025-11-28T10:31:00+08:00' }), 'en');
      const lines = (await readFile(path, 'utf8')).split('\n');
      const damaged = lines.findIndex((line) => line.startsWith(ENTRY_MARKER));
      lines[damaged] = lines[damaged]!.replace('"last4":"4242"', '"last4":"42"');
      await writeFile(path, lines.join('\n'));
      const before = await readFile(path);
      const { stdout, stderr } = await capture(() => runJournal(['list', '--journal', path, '--lang', 'en']));
      assert.match(stderr, new RegExp(`^warning: .*journal\\.md:${damaged + 1}: damaged journal entry: card\\.last4: expected 4 digits`));
      assert.equal(stdout.trim().split('\n').length, 1);
      assert.match(stdout, /^2025-11-28 10:31 UTC\+08:00 · ChatGPT \(web\) {2}UnionPay debit •••• 4242 · 招商银行 · China {2}“Your card was declined\.” {2}\(line \d+\)\n$/);
      assert.ok((await readFile(path)).equals(before));
    });

    it('list of a journal that does not exist is empty', async () => {
      const path = fresh();
      const json = await capture(() => runJournal(['list', '--journal', path, '--format', 'json']));
      assert.equal(json.stdout, '[]\n');
      assert.equal(existsSync(path), false);
    });

    it('rejects an unknown action or format', async () => {
      await rejectsWithInputError(runJournal(['remove']));
      await rejectsWithInputError(runJournal(['list', '--journal', fresh(), '--format', 'xml']));
    });
  });
});
