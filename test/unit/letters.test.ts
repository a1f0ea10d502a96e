import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SharedHandlebars from 'handlebars/runtime';
import { LETTER_HELPER_NAMES } from '../../src/core/letterCompileOptions.cjs';
import type { Lang } from '../../src/core/catalogue';
import { LETTER_KINDS, letterTemplateName, type LetterKind } from '../../src/core/letterKinds';
import {
  LETTER_HELPERS,
  buildLetterData,
  builtinLetterTemplate,
  builtinLetterTemplates,
  createLetterRuntime,
  letterTemplateFromSpec,
  renderLetter,
  renderLetterIn,
  type LetterSender,
  type LetterTemplate,
} from '../../src/core/letters';
import type { DatedReport } from '../../src/core/journal';
import { containsFullCardNumber } from '../../src/core/redact';
import { cleanFreeText, parseReport, type Report } from '../../src/core/report';
import { compileLetterTemplate } from '../../src/core/templateCompiler';
import { LetterSecretError, LetterTemplateError } from '../../src/core/templateErrors';
import { compileBuiltinTemplateSpecs, installBuiltinTemplatesModule } from '../templateLoader';
import { installTraditionalTable } from '../l10nFiles';

installBuiltinTemplatesModule();
installTraditionalTable();
// Loaded after the stand-in for the build's virtual module is in place.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { runRender } = require('../../src/cli/renderCommand') as typeof import('../../src/cli/renderCommand');
const { writeNewFile } = require('../../src/node/newFile') as typeof import('../../src/node/newFile');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { chooseLetterTemplate } = require('../../src/cli/templateFiles') as typeof import('../../src/cli/templateFiles');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { InputError } = require('../../src/cli/cliError') as typeof import('../../src/cli/cliError');

// Every reader's language: Traditional Chinese is the Simplified template converted, as the host and the CLI render it.
const LANGS: readonly Lang[] = ['en', 'zh-cn', 'zh-tw'];
const FIXTURES = join(__dirname, '..', 'fixtures', 'letters');
const SNAPSHOTS = join(FIXTURES, '__snapshots__');
const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

interface Fixture {
  now: string;
  sender: LetterSender;
  report: Report;
  journal: Report[];
}

function parsed(input: unknown): Report {
  const result = parseReport(input);
  if (!result.ok) throw new Error(`invalid fixture report: ${JSON.stringify(result.errors)}`);
  return result.report;
}

function loadFixture(file: string): Fixture {
  const raw = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as Fixture;
  return { now: raw.now, sender: raw.sender, report: parsed(raw.report), journal: raw.journal.map(parsed) };
}

const runtime = createLetterRuntime();
const builtins = builtinLetterTemplates(runtime, compileBuiltinTemplateSpecs());
const builtin = (kind: LetterKind, lang: Lang): LetterTemplate => builtins.get(letterTemplateName(kind, lang))!;

function render(kind: LetterKind, lang: Lang, fixture: Fixture): string {
  return renderLetterIn(builtinLetterTemplate(builtins, kind, lang), kind, lang, fixture.report, fixture.journal, new Date(fixture.now), fixture.sender);
}

/** Runs the CLI command with stdout and stderr captured; returns the exit code main() would give. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string) => ((stderr += chunk), true)) as typeof process.stderr.write;
  try {
    await runRender(args);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof InputError) return { code: 2, stdout, stderr: stderr + error.problems.join('\n') };
    return { code: 1, stdout, stderr: stderr + String(error) };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'card-doctor-letters-'));
}

describe('letters', () => {
  describe('snapshots of each letter in each language', () => {
    const fixtures = readdirSync(FIXTURES).filter((file) => file.endsWith('.json')).sort();
    it('has fixtures', () => assert.ok(fixtures.length >= 3));
    for (const file of fixtures) {
      for (const kind of LETTER_KINDS) {
        for (const lang of LANGS) {
          const name = `${file.slice(0, -'.json'.length)}.${kind}.${lang}.md`;
          it(name, () => {
            const letter = render(kind, lang, loadFixture(file));
            // One time offset per letter (issue 13), whatever clocks the journal was recorded on.
            assert.equal(new Set(letter.match(/UTC[+-]\d{2}:\d{2}/g)).size, 1, letter);
            const path = join(SNAPSHOTS, name);
            if (UPDATE) {
              mkdirSync(SNAPSHOTS, { recursive: true });
              writeFileSync(path, letter);
              return;
            }
            assert.ok(existsSync(path), `no snapshot ${name}: run with UPDATE_SNAPSHOTS=1 once, then read it`);
            assert.equal(letter, readFileSync(path, 'utf8'));
          });
        }
      }
    }
  });

  describe('the data model', () => {
    const fixture = loadFixture('unionpay-debit-repeated.json');

    it('lists every attempt once, oldest first, the journaled copy of the current one merged', () => {
      const data = buildLetterData('appeal', 'en', fixture.report, fixture.journal, new Date(fixture.now));
      assert.deepEqual(
        data.attempts.map((attempt) => [attempt.at, attempt.cardLast4, attempt.current]),
        [
          ['2025-11-27T09:58:00+08:00', '4242', false],
          ['2025-11-27T10:12:00+08:00', '1881', false],
          ['2025-11-27T10:31:00+08:00', '4242', true],
        ],
      );
      assert.deepEqual(data.attempts.map((attempt) => attempt.number), [1, 2, 3]);
      assert.equal(data.attemptCount, 3);
    });

    it('counts what the journal holds: a report it does not hold is not listed or counted', () => {
      const withoutCurrent = fixture.journal.filter((entry) => entry.occurredAt !== '2025-11-27T10:31:00+08:00');
      const appeal = buildLetterData('appeal', 'en', fixture.report, withoutCurrent, new Date(fixture.now));
      assert.deepEqual(
        appeal.attempts.map((attempt) => [attempt.at, attempt.cardLast4, attempt.current]),
        [
          ['2025-11-27T09:58:00+08:00', '4242', false],
          ['2025-11-27T10:12:00+08:00', '1881', false],
        ],
      );
      assert.equal(appeal.attemptCount, 2);
      const inquiry = buildLetterData('bank-inquiry', 'en', fixture.report, withoutCurrent, new Date(fixture.now));
      assert.deepEqual(inquiry.attempts.map((attempt) => [attempt.at, attempt.current]), [['2025-11-27T09:58:00+08:00', false]]);
      assert.equal(inquiry.attemptCount, 1);
    });

    it('a journal with nothing for the card leaves the report itself as the one attempt the letter is about', () => {
      const other = fixture.journal.filter((entry) => entry.card?.last4 === '1881');
      const inquiry = buildLetterData('bank-inquiry', 'en', fixture.report, other, new Date(fixture.now));
      assert.deepEqual(inquiry.attempts.map((attempt) => [attempt.at, attempt.cardLast4, attempt.current]), [['2025-11-27T10:31:00+08:00', '4242', true]]);
    });

    it('tells the bank only about attempts with its own card', () => {
      const data = buildLetterData('bank-inquiry', 'en', fixture.report, fixture.journal, new Date(fixture.now));
      assert.deepEqual(data.attempts.map((attempt) => attempt.cardLast4), ['4242', '4242']);
    });

    it('gives causes as likely or possible only, with their actions', () => {
      const data = buildLetterData('appeal', 'en', fixture.report, fixture.journal, new Date(fixture.now));
      assert.deepEqual(data.causes, [
        { id: 'retry-velocity', likelihood: 'high', actions: ['wait-24h', 'stop-retrying'] },
        { id: 'network-anomaly', likelihood: 'high', actions: ['keep-stable-network', 'wait-after-login'] },
        { id: 'region-unsupported', likelihood: 'high', actions: ['check-supported-countries', 'no-region-workaround'] },
      ]);
      // A cause the diagnosis rates only "low" is left out: a letter asserts nothing that weak.
      const weak = buildLetterData('appeal', 'en', parsed({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: '卡片无效' }), [], new Date('2025-11-27T04:00:00Z'));
      assert.deepEqual(weak.causes, []);
    });

    it('dates the letter in the attempt’s own offset', () => {
      const data = buildLetterData('appeal', 'en', fixture.report, [], new Date('2025-11-27T20:00:00Z'));
      assert.equal(data.writtenAt, '2025-11-28T04:00:00+08:00');
    });

    it('keeps every key present when nothing is known, as strict templates need', () => {
      const data = buildLetterData('appeal', 'zh-cn', {}, [], new Date('2025-11-27T03:00:00Z'));
      assert.deepEqual(data.card, { description: null, brand: null, kind: null, issuer: null, issuerGap: { before: '', after: '' }, issuerCountry: null, last4: null });
      assert.deepEqual(data.sender, { name: null, email: null });
      assert.equal(data.attempts.length, 1);
      assert.equal(data.attempts[0]!.at, '2025-11-27T03:00:00+00:00');
    });
  });

  describe('the count in the letters’ words (issue 10: two real attempts must never read as four)', () => {
    const current = parsed({
      occurredAt: '2025-11-27T10:31:00+08:00',
      product: 'chatgpt-web',
      errorMessage: 'Your card was declined.',
      card: { brand: 'unionpay', kind: 'debit', last4: '4242', issuerName: '招商银行', issuerCountry: 'CN' },
    });
    const earlier = parsed({ occurredAt: '2025-11-27T09:58:00+08:00', product: 'chatgpt-web', errorMessage: 'Your card was declined.', card: { brand: 'unionpay', last4: '4242' } });
    const NOW = new Date('2025-11-27T04:00:00Z');
    const letter = (kind: LetterKind, lang: Lang, history: Report[]) => renderLetter(builtin(kind, lang), buildLetterData(kind, lang, current, history, NOW));

    it('two recorded attempts on the card, the report one of them: 2 in both letters and both languages', () => {
      const journal = [earlier, current];
      assert.ok(letter('appeal', 'zh-cn', journal).includes('我在 ChatGPT 网页版中尝试添加一张卡片（银联借记卡，尾号 4242）作为付款方式，共尝试 2 次，均被拒绝，至今未能绑定成功。'));
      assert.ok(letter('appeal', 'en', journal).includes('I made 2 attempts on 27 November 2025 between 09:58 and 10:31 (UTC+08:00), and each was declined.'));
      assert.ok(letter('bank-inquiry', 'zh-cn', journal).includes('2025年11月27日 09:58 至 10:31（UTC+08:00），我在境外商户 OpenAI 的网站上把这张卡添加为付款方式，共尝试 2 次，均被拒绝。'));
      assert.ok(letter('bank-inquiry', 'en', journal).includes('I tried 2 times on 27 November 2025 between 09:58 and 10:31 (UTC+08:00) to add this card as a payment method with the merchant OpenAI (based in the United States), and each attempt was declined.'));
    });

    it('the report not yet recorded: only the journal’s one attempt, told as one', () => {
      const journal = [earlier];
      assert.ok(letter('appeal', 'zh-cn', journal).includes('2025年11月27日 09:58（UTC+08:00），我在 ChatGPT 网页版中尝试添加一张卡片（银联借记卡，尾号 4242）作为付款方式，但被拒绝，至今未能绑定成功。'));
      assert.ok(letter('appeal', 'en', journal).includes('I tried once, on 27 November 2025, 09:58 (UTC+08:00), and the attempt was declined.'));
      assert.ok(letter('bank-inquiry', 'zh-cn', journal).includes('2025年11月27日 09:58（UTC+08:00），我在境外商户 OpenAI 的网站上把这张卡添加为付款方式时被拒绝。'));
      assert.ok(letter('bank-inquiry', 'en', journal).includes('On 27 November 2025, 09:58 (UTC+08:00), I tried to add this card as a payment method with the merchant OpenAI (based in the United States), and the attempt was declined.'));
    });
  });

  describe('an attempt’s error on one line', () => {
    it('joins the lines, each break and the whitespace and blank lines around it one space', () => {
      const data = buildLetterData('appeal', 'en', parsed({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: 'Your card  was declined. \n\n  \n\tTry again\nlater.' }), [], new Date('2025-11-27T04:00:00Z'));
      assert.equal(data.attempts[0]!.errorLine, 'Your card  was declined. Try again later.');
    });

    it('a long run of spaces without a line break stays as it is', () => {
      const text = `a${' \t'.repeat(1000)}b`;
      const data = buildLetterData('appeal', 'en', parsed({ occurredAt: '2025-11-27T03:00:00Z', errorMessage: text }), [], new Date('2025-11-27T04:00:00Z'));
      assert.equal(data.attempts[0]!.errorLine, text);
    });
  });

  describe('helpers', () => {
    it('registers exactly the helpers the compile options declare', () => {
      assert.deepEqual(Object.keys(LETTER_HELPERS).sort(), [...LETTER_HELPER_NAMES].sort());
    });

    it('keeps helpers out of the shared Handlebars instance', () => {
      assert.equal(SharedHandlebars.helpers.dateTime, undefined);
      assert.equal(typeof runtime.helpers.dateTime, 'function');
    });

    const renderSource = (source: string, lang: Lang, context: object = {}) =>
      letterTemplateFromSpec(runtime, compileLetterTemplate(source, 'inline.hbs'), 'inline.hbs').render({ lang, ...context } as never);

    it('writes dates in the letter’s language with the UTC offset', () => {
      const at = '2025-11-27T10:31:00+08:00';
      assert.equal(renderSource('{{dateTime at}}', 'en', { at }), '27 November 2025, 10:31 (UTC+08:00)');
      assert.equal(renderSource('{{dateTime at}}', 'zh-cn', { at }), '2025年11月27日 10:31（UTC+08:00）');
      assert.equal(renderSource('{{date at}}', 'zh-cn', { at: '2025-01-05T23:59:00-05:30' }), '2025年1月5日');
      assert.equal(renderSource('{{dateTime at}}', 'en', { at: null }), '[date and time]');
    });

    it('shortens a span of attempts within one day', () => {
      const a = '2025-11-27T09:58:00+08:00';
      const b = '2025-11-27T10:31:00+08:00';
      const c = '2025-11-28T08:00:00+08:00';
      assert.equal(renderSource('{{timeSpan a b}}', 'en', { a, b }), 'on 27 November 2025 between 09:58 and 10:31 (UTC+08:00)');
      assert.equal(renderSource('{{timeSpan a b}}', 'zh-cn', { a, b }), '2025年11月27日 09:58 至 10:31（UTC+08:00）');
      assert.equal(
        renderSource('{{timeSpan a c}}', 'en', { a, c }),
        'between 27 November 2025, 09:58 (UTC+08:00) and 28 November 2025, 08:00 (UTC+08:00)',
      );
      assert.equal(renderSource('{{timeSpan a c}}', 'zh-cn', { a, c }), '2025年11月27日 09:58（UTC+08:00）至 2025年11月28日 08:00（UTC+08:00）');
    });

    it('masks a card to its last 4 digits, whatever it is given', () => {
      assert.equal(renderSource('{{maskedCard n}}', 'en', { n: '4242' }), '•••• 4242');
      assert.equal(renderSource('{{maskedCard n}}', 'en', { n: '4111111111111111' }), '•••• 1111');
      assert.equal(renderSource('{{maskedCard n}}', 'zh-cn', { n: null }), '【卡号后四位】');
    });

    it('words causes, likelihoods and actions in the letter’s language', () => {
      assert.equal(renderSource('{{causeTitle c}} ({{likelihood l}})', 'en', { c: 'billing-mismatch', l: 'high' }), 'Billing address does not match (likely)');
      assert.equal(renderSource('{{causeTitle c}}（{{likelihood l}}）', 'zh-cn', { c: 'billing-mismatch', l: 'medium' }), '账单地址不一致（可能性中等）');
      assert.equal(renderSource('{{causeText c}}', 'en', { c: 'international-payments-disabled' }), 'My bank may be blocking international online (card-not-present) payments on this card.');
      assert.equal(renderSource('{{action a}}', 'zh-cn', { a: 'wait-24h' }), '先等 24 小时，再重试或换卡；换卡后马上重试，容易被风控系统当成“测卡”（用多张卡反复试探能否付款）。');
      assert.throws(() => renderSource('{{causeTitle c}}', 'en', { c: 'no-such-cause' }), /helper causeTitle: unknown id "no-such-cause"/);
    });

    it('lays out lists and quotes as Markdown', () => {
      assert.equal(renderSource('{{bullets xs}}', 'en', { xs: ['a', 'b\nc'] }), '- a\n- b\n  c');
      assert.equal(renderSource('{{numbered xs}}', 'en', { xs: ['a', 'b'] }), '1. a\n2. b');
      assert.equal(renderSource('{{quote t}}', 'en', { t: 'one\n\ntwo' }), '> one\n>\n> two');
      assert.equal(renderSource('{{valueOr x "[x]"}}|{{valueOr y "[y]"}}', 'en', { x: '', y: 'y' }), '[x]|y');
    });
  });

  describe('strict templates', () => {
    it('names the template and the line of a misspelt variable', () => {
      const source = 'Hello,\n\n{{sender.nmae}}\n';
      const template = letterTemplateFromSpec(runtime, compileLetterTemplate(source, 'my/appeal.en.hbs'), 'my/appeal.en.hbs');
      const data = buildLetterData('appeal', 'en', {}, [], new Date('2025-11-27T03:00:00Z'));
      assert.throws(
        () => renderLetter(template, data),
        (error: unknown) =>
          error instanceof LetterTemplateError &&
          error.file === 'my/appeal.en.hbs' &&
          error.line === 3 &&
          /^my\/appeal\.en\.hbs, line 3: "nmae" is not defined/.test(error.message),
      );
    });

    it('refuses an unknown helper when compiling, naming the file and line', () => {
      assert.throws(
        () => compileLetterTemplate('ok\n{{shout sender.name}}', 'mine.hbs'),
        (error: unknown) => error instanceof LetterTemplateError && error.line === 2 && /^mine\.hbs, line 2: unknown helper "shout"/.test(error.message),
      );
    });

    it('refuses a template that does not parse, naming the file and line', () => {
      assert.throws(() => compileLetterTemplate('a\nb\n{{#if x}}', 'broken.hbs'), /^LetterTemplateError: broken\.hbs, line 3: cannot parse/);
    });

    it('compiles every built-in template under the same options as the build', () => {
      assert.deepEqual([...builtins.keys()].sort(), ['appeal.en', 'appeal.zh-cn', 'bank-inquiry.en', 'bank-inquiry.zh-cn']);
    });
  });

  describe('no secret reaches a letter', () => {
    const CARD = '4111 1111 1111 1111';
    const CVC = '739';
    const OTP = '586301';
    const secrets = `card ${CARD}, 4111-1111-1111-1111, ４１１１１１１１１１１１１１１１; CVC: ${CVC}; 安全码 ${CVC}; ${OTP} is your verification code; 验证码：${OTP}`;
    // A number split by a line break survives redaction of the text but not a reader's eye.
    const split = 'card 4111 1111\n1111 1111 was declined';

    const report = parsed({
      occurredAt: '2025-11-27T10:31:00+08:00',
      product: 'chatgpt-web',
      errorMessage: `${secrets}\n${split}`,
      card: { kind: 'credit', brand: 'visa', last4: '1111', issuerName: `Bank ${secrets}`, issuerCountry: 'CN' },
      billing: { country: 'CN', postalCode: '4111111111111111', matchesIssuer: 'yes' },
      notes: `${secrets}\n${split}`,
    });
    const history = [
      parsed({ occurredAt: '2025-11-27T09:00:00+08:00', errorMessage: secrets, notes: split, card: { last4: '1111', issuerName: `CVC ${CVC}` } }),
      parsed({ occurredAt: '2025-11-27T09:30:00+08:00', errorMessage: split, card: { last4: '1111' } }),
    ];
    const sender = { name: cleanFreeText(`Ming ${CARD} CVC ${CVC}`, 120, false), email: 'ming@example.com', amount: '20 USD' };

    for (const kind of LETTER_KINDS) {
      for (const lang of LANGS) {
        it(`${kind} in ${lang}`, () => {
          const letter = renderLetterIn(builtinLetterTemplate(builtins, kind, lang), kind, lang, report, history, new Date('2025-11-27T12:00:00+08:00'), sender);
          assert.equal(containsFullCardNumber(letter), false);
          assert.equal(containsFullCardNumber(letter.replace(/\s+/g, ' ')), false);
          const digits = letter.replace(/[\s\-－]/g, '').replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
          assert.ok(!digits.includes('4111111111111111'), 'full card number');
          assert.ok(!digits.includes('41111111'), 'more than the last 4 digits');
          assert.ok(!letter.includes(CVC), 'CVC');
          assert.ok(!letter.includes(OTP), 'one-time code');
        });
      }
    }

    it('the last guard refuses a letter that would hold a card number, whatever let it through', () => {
      const data = buildLetterData('appeal', 'en', {}, [], new Date('2025-11-27T03:00:00Z'));
      data.card.issuer = '4111 1111 1111 1111';
      assert.throws(() => renderLetter(builtin('appeal', 'en'), data), /refusing to write the appeal letter from templates\/appeal\.en\.hbs/);
    });

    it('the last guard refuses a security code or a one-time code as it does a card number', () => {
      for (const [field, secret] of [['issuer', 'CVC 739'], ['issuer', '验证码 586301'], ['description', 'one-time code: 586301']] as const) {
        const data = buildLetterData('bank-inquiry', 'zh-cn', {}, [], new Date('2025-11-27T03:00:00Z'));
        data.card[field] = secret;
        assert.throws(
          () => renderLetter(builtin('bank-inquiry', 'zh-cn'), data),
          (error: unknown) => error instanceof LetterSecretError && error.file === 'templates/bank-inquiry.zh-cn.hbs' && error.kind === 'bank-inquiry',
          secret,
        );
      }
    });
  });

  describe('a person’s own templates', () => {
    it('override the built-in of the same name, and the others fall back', async () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'appeal.en.hbs'), 'Dear support, {{valueOr sender.name "[name]"}} here. Card {{maskedCard card.last4}}.\n');
        const own = await chooseLetterTemplate('appeal', 'en', dir);
        assert.equal(own.fellBackToBuiltin, false);
        assert.equal(own.template.file, join(dir, 'appeal.en.hbs'));
        const data = buildLetterData('appeal', 'en', parsed({ card: { last4: '4242' } }), [], new Date('2025-11-27T03:00:00Z'), { name: 'Ming' });
        assert.equal(renderLetter(own.template, data), 'Dear support, Ming here. Card •••• 4242.\n');

        const fallback = await chooseLetterTemplate('bank-inquiry', 'en', dir);
        assert.equal(fallback.fellBackToBuiltin, true);
        assert.equal(fallback.template.file, 'templates/bank-inquiry.en.hbs');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('never overwriting a letter', () => {
    it('picks -2, then -3', async () => {
      const dir = tempDir();
      try {
        const path = join(dir, 'appeal.md');
        writeFileSync(path, 'mine');
        assert.equal(await writeNewFile(path, 'second'), join(dir, 'appeal-2.md'));
        assert.equal(await writeNewFile(path, 'third'), join(dir, 'appeal-3.md'));
        assert.equal(readFileSync(path, 'utf8'), 'mine');
        assert.equal(readFileSync(join(dir, 'appeal-2.md'), 'utf8'), 'second');
        assert.equal(readFileSync(join(dir, 'appeal-3.md'), 'utf8'), 'third');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('card-doctor render', () => {
    const example = join(__dirname, '..', '..', 'examples', 'declined-unionpay.card-report.json');

    it('prints the letter without --out', async () => {
      const result = await cli(['bank-inquiry', example, '--lang', 'zh-cn', '--now', '2025-11-27T12:00:00+08:00', '--amount', 'usd 20']);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^\*\*收件方：\*\* 招商银行客服中心/);
      // The amount the person gives is added to the verification authorization's, never put in its place.
      assert.match(result.stdout, /- 金额：0 或约 1 美元（我看到的金额：20 USD）\n/);
    });

    it('writes to a new file and says which, when the one named exists', async () => {
      const dir = tempDir();
      try {
        const out = join(dir, 'appeal.md');
        writeFileSync(out, 'already here');
        const result = await cli(['appeal', example, '--lang', 'en', '--out', out, '--name', 'Ming', '--email', 'ming@example.com']);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        assert.equal(result.stderr, `wrote ${join(dir, 'appeal-2.md')} (${out} existed)\n`);
        assert.equal(readFileSync(out, 'utf8'), 'already here');
        assert.match(readFileSync(join(dir, 'appeal-2.md'), 'utf8'), /Account email: ming@example\.com/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('takes the timeline from --journal', async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { appendJournalEntry } = require('../../src/node/journalFile') as typeof import('../../src/node/journalFile');
      const dir = tempDir();
      try {
        const journal = join(dir, 'journal.md');
        await appendJournalEntry(journal, { occurredAt: '2025-11-27T09:58:00+08:00', errorMessage: 'Your card was declined.', card: { last4: '4242' } }, 'en');
        // The report is not in the journal yet: the letter tells the one recorded attempt, and says why on stderr.
        const before = await cli(['appeal', example, '--lang', 'en', '--journal', journal, '--now', '2025-11-27T12:00:00+08:00']);
        assert.equal(before.code, 0, before.stderr);
        assert.match(before.stdout, /I tried once, on 27 November 2025, 09:58 \(UTC\+08:00\), and the attempt was declined\./);
        assert.equal(
          before.stderr,
          "note: the journal does not hold this attempt, so the letter lists and counts only the journal's 1 attempt; record it first with card-doctor journal add\n",
        );

        await appendJournalEntry(journal, parsed(JSON.parse(readFileSync(example, 'utf8'))) as DatedReport, 'en');
        const result = await cli(['appeal', example, '--lang', 'en', '--journal', journal, '--now', '2025-11-27T12:00:00+08:00']);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stderr, '');
        assert.match(result.stdout, /I made 2 attempts on 27 November 2025 between 09:58 and 10:31 \(UTC\+08:00\)/);
        assert.match(result.stdout, /\*\*1\. 27 November 2025, 09:58 \(UTC\+08:00\)\*\* · •••• 4242\n\n> Your card was declined\.\n/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('names every bad field, exits 2 and creates no file', async () => {
      const dir = tempDir();
      try {
        const report = join(dir, 'report.json');
        writeFileSync(report, JSON.stringify({ card: { last4: '42', bin: 'x' }, product: 'nope' }));
        const out = join(dir, 'letter.md');
        const result = await cli([
          'apeal', report, '--lang', 'fr', '--email', 'not-an-email', '--amount', 'twenty',
          '--journal', join(dir, 'missing.md'), '--templates', join(dir, 'none'), '--out', out,
        ]);
        assert.equal(result.code, 2);
        for (const expected of ['letter: expected appeal or bank-inquiry', '--lang:', '--email:', '--amount:', 'card.last4:', 'card.bin:', 'product:', '--journal:']) {
          assert.ok(result.stderr.includes(expected), `missing ${expected} in:\n${result.stderr}`);
        }
        assert.deepEqual(readdirSync(dir).sort(), ['report.json']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('reports a mistake in a person’s own template as bad input, with file and line', async () => {
      const dir = tempDir();
      try {
        writeFileSync(join(dir, 'appeal.en.hbs'), 'Hello\n{{card.last5}}\n');
        const result = await cli(['appeal', example, '--lang', 'en', '--templates', dir]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, /appeal\.en\.hbs, line 2: "last5" is not defined/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
