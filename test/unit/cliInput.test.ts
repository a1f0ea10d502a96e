/**
 * The CLI's input caps and its answers to mistakes, run in process through `main` (the exit
 * code it returns, and what it writes to stdout and stderr).
 */
import assert from 'node:assert/strict';
import { closeSync, existsSync, ftruncateSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { encodeEntryLine, journalHeader } from '../../src/core/journal';
import { installBuiltinTemplatesModule } from '../templateLoader';
import { runCli as cli } from '../cliInProcess';

installBuiltinTemplatesModule();
// Loaded after the stand-in for the build's virtual module is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const input = require('../../src/cli/readInput') as typeof import('../../src/cli/readInput');

const EXAMPLE = resolve(__dirname, '..', '..', 'examples', 'declined-unionpay.card-report.json');
const NOW = '2025-11-27T04:00:00Z';


describe('CLI input', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'card-doctor-cli-input-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, content: string | Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  describe('a report larger than 1 MB', () => {
    it('is 1 MB: 1,048,576 bytes', () => {
      assert.equal(input.REPORT_SIZE_LIMIT, 1_048_576);
    });

    it('is refused with exit 2, naming it and its size; exactly 1 MB is read', async () => {
      const json = '{"product":"chatgpt-app"}';
      const fits = file('fits.json', json + ' '.repeat(1_048_576 - json.length));
      const over = file('over.json', json + ' '.repeat(1_048_577 - json.length));
      const ok = await cli(['diagnose', fits, '--format', 'json', '--now', NOW]);
      assert.equal(ok.code, 0, ok.stderr);
      const refused = await cli(['diagnose', over, '--now', NOW]);
      assert.equal(refused.code, 2);
      assert.equal(refused.stdout, '');
      assert.equal(refused.stderr, `error: report: larger than 1 MB (${over} is 1,048,577 bytes)\n`);
    });

    it('is refused by its size, before any of it is read (a 3 GB sparse file)', async () => {
      const path = join(dir, 'huge.json');
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 3 * 1024 ** 3);
      closeSync(fd);
      // Reading it whole would fail differently (Node refuses files over 2 GB) or exhaust memory.
      for (const command of [['diagnose', path], ['journal', 'add', path, '--journal', join(dir, 'j.md')], ['render', 'appeal', path]]) {
        const { code, stderr } = await cli(command);
        assert.equal(code, 2);
        assert.match(stderr, new RegExp(`^error: report: larger than 1 MB \\(${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is 3,221,225,472 bytes\\)$`, 'm'));
      }
      assert.equal(existsSync(join(dir, 'j.md')), false, 'no journal written');
    });

    it('from a stream: reading stops as soon as the limit is passed', async () => {
      let pulled = 0;
      async function* endless() {
        for (;;) {
          pulled++;
          yield new Uint8Array(64 * 1024);
        }
      }
      assert.equal(await input.readCapped(endless(), 1_048_576), undefined);
      assert.equal(pulled, 17, '16 chunks fill 1 MB exactly; the 17th passes it');
    });

    it('from a stream within the limit: every byte, in order', async () => {
      async function* parts() {
        yield 'ab';
        yield new Uint8Array([0x63, 0x64]);
        yield '中';
      }
      assert.equal((await input.readCapped(parts(), 7))!.toString('utf8'), 'abcd中');
      assert.equal(await input.readCapped(parts(), 6), undefined);
    });

    it('a folder given as the report is named as one', async () => {
      const { code, stderr } = await cli(['diagnose', dir]);
      assert.equal(code, 2);
      assert.equal(stderr, `error: report: ${dir} is a folder, not a file\n`);
    });
  });

  describe('JSON that does not parse: only where, never what', () => {
    const cases: [string, string, string][] = [
      ['a card number as a bare number, the mistake right after it', '{\n  "notes": "ok",\n  "card": 4242424242424242x\n}', 'at line 3, column 27'],
      ['a card number in groups, the mistake at the second group', '{"notes": 4242 4242 4242 4242}', 'at line 1, column 16'],
      ['a card number in a string never closed', '{"notes": "4242424242424242', 'it ends too soon, at line 1, column 28'],
      ['a card number as a key without a colon', '{"4242424242424242" 1}', 'at line 1, column 21'],
      ['CRLF line ends', '{\r\n"a":\r\n  tru}', 'at line 3, column 3'],
      ['a lone CR line end', '{\r"a": 4242424242424242,,}', 'at line 2, column 23'],
      ['a control character in a string', '{"a": "4242\t4242"}', 'at line 1, column 12'],
      ['a bad escape', '{"a": "\\x4242424242424242"}', 'at line 1, column 9'],
    ];
    for (const [name, text, where] of cases) {
      it(name, async () => {
        const { code, stdout, stderr } = await cli(['diagnose', file('bad.json', text)]);
        assert.equal(code, 2);
        assert.equal(stdout, '');
        assert.equal(stderr, `error: report: not valid JSON (${where})\n`);
      });
    }

    it('finds a mistake exactly when JSON.parse does, on random damaged JSON', () => {
      const damaged = fc
        .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', 'x', '1', ' ', '\n', '[', '{', 'tru', '-', '.', 'e'))
        .map(([json, at, insert]) => {
          const index = json.length === 0 ? 0 : at % (json.length + 1);
          return json.slice(0, index) + insert + json.slice(index + (insert === '' ? 1 : 0));
        });
      fc.assert(
        fc.property(damaged, (text) => {
          let parses = true;
          try {
            JSON.parse(text);
          } catch {
            parses = false;
          }
          const at = input.jsonSyntaxErrorAt(text);
          assert.equal(at === undefined, parses, `for ${JSON.stringify(text)}: ${at}`);
          if (at !== undefined) assert.ok(at >= 0 && at <= text.length);
        }),
        { numRuns: 2000 },
      );
    });

    it('a million open brackets: a place, not a stack overflow', () => {
      assert.equal(input.describeJsonErrorAt('['.repeat(1_000_000)), 'it ends too soon, at line 1, column 1000001');
    });
  });

  describe('--now', () => {
    const refused = 'error: --now: expected an ISO 8601 date and time, such as 2025-11-27T10:31:00+08:00\n';
    for (const value of ['2025-02-30T10:00:00Z', '2025-02-29T10:00:00+08:00', '2025-04-31T00:00', '2025-13-01T00:00Z', '2025-11-27T24:00Z', '2025-11-27T10:60Z', '2025-11-27', 'yesterday', '2025-11-27T10:31:00+25:00']) {
      it(`refuses ${value}`, async () => {
        const { code, stderr } = await cli(['diagnose', EXAMPLE, '--now', value]);
        assert.equal(code, 2);
        assert.equal(stderr, refused);
      });
    }
    for (const value of ['2024-02-29T10:00:00Z', '2000-02-29T00:00Z', '2025-11-27T10:31', '2025-11-27T10:31:59.123-05:30']) {
      it(`takes ${value}`, async () => {
        const { code, stderr } = await cli(['diagnose', EXAMPLE, '--now', value, '--format', 'json']);
        assert.equal(code, 0, stderr);
      });
    }
  });

  describe('--journal', () => {
    it('a folder: exit 2 naming the option, for every command that reads it', async () => {
      for (const command of [
        ['diagnose', EXAMPLE, '--journal', dir],
        ['journal', 'list', '--journal', dir],
        ['journal', 'add', EXAMPLE, '--journal', dir],
        ['render', 'appeal', EXAMPLE, '--journal', dir],
      ]) {
        const { code, stdout, stderr } = await cli(command);
        assert.equal(code, 2, command.join(' '));
        assert.equal(stdout, '');
        assert.equal(stderr, `error: --journal: ${dir} is a folder, not a file\n`);
      }
    });

    it('a device that never ends (/dev/zero) is refused, not read', async () => {
      const { code, stderr } = await cli(['diagnose', EXAMPLE, '--journal', '/dev/zero']);
      assert.equal(code, 2);
      assert.equal(stderr, 'error: --journal: /dev/zero is not a regular file\n');
    });

    it('larger than 64 MB: refused by its size, before any of it is read', async () => {
      const path = join(dir, 'journal.md');
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 64 * 1024 * 1024 + 1);
      closeSync(fd);
      for (const command of [['diagnose', EXAMPLE, '--journal', path], ['journal', 'list', '--journal', path], ['journal', 'add', EXAMPLE, '--journal', path], ['render', 'appeal', EXAMPLE, '--journal', path]]) {
        const { code, stdout, stderr } = await cli(command);
        assert.equal(code, 2, command.join(' '));
        assert.equal(stdout, '');
        assert.equal(stderr, `error: --journal: larger than 64 MB (${path} is 67,108,865 bytes); it was not read\n`);
      }
    });

    it('a copy of an entry is counted once, with a warning naming both lines', async () => {
      const line = encodeEntryLine({ occurredAt: '2025-11-27T10:00:00+08:00', errorMessage: 'Your card was declined.' });
      const journal = file('journal.md', `${journalHeader('en')}\n${line}\n${line}\n`);
      const { code, stdout, stderr } = await cli(['diagnose', EXAMPLE, '--journal', journal, '--now', NOW, '--format', 'json']);
      assert.equal(code, 0, stderr);
      assert.equal(stderr, `warning: ${journal}:6: duplicate of the entry at line 5; counted once\n`);
      // The journal's one attempt; the report, not in it, is not counted.
      assert.deepEqual(JSON.parse(stdout).history, { attempts24h: 1, cards24h: 0, sameError24h: 1 });
    });
  });

  describe('journal add of an attempt the journal already holds', () => {
    const attempt = { occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242' } };

    it('is refused with exit 3, naming the entry’s time and line; nothing is written', async () => {
      const journal = join(dir, 'journal.md');
      const first = await cli(['journal', 'add', file('first.json', JSON.stringify(attempt)), '--journal', journal, '--lang', 'en']);
      assert.equal(first.code, 0, first.stderr);
      const before = readFileSync(journal, 'utf8');
      // The same instant in UTC, the message in other case and spacing, the first digits added.
      const again = { ...attempt, occurredAt: '2025-11-27T02:31:00Z', errorMessage: 'your card  was declined.', card: { ...attempt.card, bin: '621483' } };
      const refused = await cli(['journal', 'add', file('again.json', JSON.stringify(again)), '--journal', journal, '--lang', 'en']);
      assert.equal(refused.code, 3);
      assert.equal(refused.stdout, '');
      assert.equal(
        refused.stderr,
        `error: the journal already holds this attempt: the entry of 2025-11-27 10:31 UTC+08:00 (${journal}, line 11); nothing was written. Add it again with --force.\n`,
      );
      assert.equal(readFileSync(journal, 'utf8'), before);
    });

    it('says so in Chinese with --lang zh-cn', async () => {
      const journal = join(dir, 'journal.md');
      const report = file('report.json', JSON.stringify(attempt));
      const added = await cli(['journal', 'add', report, '--journal', journal, '--lang', 'zh-cn']);
      assert.equal(added.code, 0);
      assert.equal(added.stdout, `已将这次绑卡（2025-11-27 10:31 UTC+08:00）记入 ${journal}\n`);
      const refused = await cli(['journal', 'add', report, '--journal', journal, '--lang', 'zh-cn']);
      assert.equal(refused.code, 3);
      assert.equal(
        refused.stderr,
        `error: 失败日志中已有这次绑卡的记录（2025-11-27 10:31 UTC+08:00，见 ${journal} 第 11 行），未写入任何内容。如确需再记一次，请加上 --force。\n`,
      );
    });

    it('is added with --force, and the reader then counts the copy once', async () => {
      const journal = join(dir, 'journal.md');
      const report = file('report.json', JSON.stringify(attempt));
      assert.equal((await cli(['journal', 'add', report, '--journal', journal, '--lang', 'en'])).code, 0);
      const forced = await cli(['journal', 'add', report, '--journal', journal, '--lang', 'en', '--force']);
      assert.equal(forced.code, 0, forced.stderr);
      assert.equal(readFileSync(journal, 'utf8').split('\n').filter((line) => line.startsWith('<!-- card-doctor:entry ')).length, 2);
      const listed = await cli(['journal', 'list', '--journal', journal, '--format', 'json']);
      assert.equal(JSON.parse(listed.stdout).length, 1);
      assert.match(listed.stderr, /duplicate of the entry at line 11; counted once/);
    });

    it('another minute, another card or another message is a new attempt', async () => {
      const journal = join(dir, 'journal.md');
      assert.equal((await cli(['journal', 'add', file('a.json', JSON.stringify(attempt)), '--journal', journal])).code, 0);
      const others = [
        { ...attempt, occurredAt: '2025-11-27T10:32:00+08:00' },
        { ...attempt, card: { brand: 'unionpay', last4: '1881' } },
        { ...attempt, errorMessage: 'Your card has insufficient funds.' },
      ];
      for (const [index, other] of others.entries()) {
        const added = await cli(['journal', 'add', file(`other-${index}.json`, JSON.stringify(other)), '--journal', journal]);
        assert.equal(added.code, 0, `${JSON.stringify(other)}: ${added.stderr}`);
      }
      const listed = await cli(['journal', 'list', '--journal', journal, '--format', 'json']);
      assert.equal(JSON.parse(listed.stdout).length, 4);
    });

    it('--help documents the refusal, its exit code and --force', async () => {
      const help = await cli(['journal', '--help']);
      assert.equal(help.code, 0);
      assert.match(help.stdout, /journal add <report\.json \| -> \[--journal FILE\] \[--now ISO\] \[--lang en\|zh-cn\|zh-tw\] \[--force\]/);
      assert.match(help.stdout, /--force {14}add: record the attempt even when the journal already holds it/);
      assert.match(help.stdout, /3 add refused: the journal already holds\nthe attempt/);
      assert.match((await cli(['--help'])).stdout, /3 refused: journal add of an attempt the journal already holds \(--force adds it anyway\)/);
    });
  });

  describe('the default journal, found in the current folder', () => {
    let cwd: string;
    beforeEach(() => {
      cwd = process.cwd();
    });
    afterEach(() => process.chdir(cwd));

    it('leading out of the folder through a link: refused with exit 2, nothing written outside', async () => {
      const repo = join(dir, 'repo');
      const outside = join(dir, 'outside');
      mkdirSync(repo);
      mkdirSync(outside);
      symlinkSync(outside, join(repo, 'card-failures'));
      process.chdir(repo);
      const added = await cli(['journal', 'add', EXAMPLE, '--lang', 'en']);
      assert.equal(added.code, 2);
      const real = realpathSync(dir);
      assert.equal(
        added.stderr,
        `error: --journal: ${join(real, 'repo', 'card-failures', 'journal.md')} leads to ${join(real, 'outside', 'journal.md')}, which is outside ${join(real, 'repo')}; nothing was written there\n`,
      );
      assert.deepEqual(readdirSync(outside), []);
      // Reading through the link is refused too, once there is something there to read.
      writeFileSync(join(outside, 'journal.md'), `${journalHeader('en')}\n${encodeEntryLine({ occurredAt: '2025-11-27T10:00:00Z' })}\n`);
      const listed = await cli(['journal', 'list']);
      assert.equal(listed.code, 2);
      assert.match(listed.stderr, /^error: --journal: \S+journal\.md leads to \S+outside\/journal\.md, which is outside /);
    });

    it('a journal file that is itself a link is never written through', async () => {
      const target = file('elsewhere.md', 'mine\n');
      const link = join(dir, 'journal.md');
      symlinkSync(target, link);
      const { code, stderr } = await cli(['journal', 'add', EXAMPLE, '--journal', link, '--lang', 'en']);
      assert.equal(code, 2);
      assert.equal(stderr, `error: --journal: ${link} is a symbolic link; it is not followed, so nothing was written\n`);
      assert.equal(readFileSync(target, 'utf8'), 'mine\n');
    });
  });

  describe('render --out', () => {
    it('an existing folder is refused with exit 2, and nothing is written in or beside it', async () => {
      const out = join(dir, 'letters');
      mkdirSync(out);
      const { code, stdout, stderr } = await cli(['render', 'appeal', EXAMPLE, '--out', out, '--now', NOW]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, `error: --out: ${out} is a folder; name the letter's file, such as ${join(out, 'appeal.md')}\n`);
      assert.deepEqual(readdirSync(dir), ['letters']);
      assert.deepEqual(readdirSync(out), []);
    });
  });
});
