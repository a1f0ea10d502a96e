/**
 * No output holds a card number, however it was written: every output of the CLI and the
 * extension (see `test/leakOutputs.ts`) for reports with a Luhn-valid number of every network
 * and length, grouped or not, with every separator class, in every digit script, with invisible
 * characters between its digits, glued to English or Chinese, in a URL or pasted JSON, in every
 * free-text field. The oracle (`test/leakOracle.ts`) is independent of the redactor.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport } from '../../src/core/report';
import { redactDraft } from '../../src/host/sidebar/formDiagnosis';
import { savedStateOf } from '../../src/webview/formReport';
import {
  CARD_NETWORKS,
  CARD_SEPARATORS,
  DIGIT_ZEROS,
  INVISIBLE_CHARACTERS,
  SECRET_CONTEXTS,
  cardNumberArbitrary,
  luhnCheckDigit,
  secretContextArbitrary,
  writeDigits,
  writtenCardArbitrary,
  type DigitScript,
  type WrittenSecret,
} from '../arbitraries';
import { LeakCheck, digitStreamOf, printLeakCount, showsCardNumber, showsCode } from '../leakOracle';
import { FREE_TEXT_FIELDS, LANGS, cliOutputs, coreOutputs, reportWith, scratch, sidebarOutputs } from '../leakOutputs';

/** Runs per property; each run checks every output of one report (about 25). */
const RUNS = Number(process.env.LEAK_RUNS ?? 300);

describe('leaks: card numbers', function () {
  // Hundreds of reports through every output: far more than the suite's default per test.
  this.timeout(180_000);
  const files = scratch();
  printLeakCount('card numbers');
  after(() => files.remove());

  describe('the oracle', () => {
    it('reads digits of every script and nothing else', () => {
      assert.equal(digitStreamOf('４２٤۲४২๔𝟒𝟜𝟺 a-b\u200b 9'), '42424244449');
      assert.equal(digitStreamOf('no digits: 三四 ⅣⅤ ①'), '');
    });

    it('finds a number however it is split or escaped, and not its last 4 alone', () => {
      const card = '4242424242424242';
      assert.equal(showsCardNumber('4242\u200b 4242.4242\n4242', card), true);
      assert.equal(showsCardNumber('"\\u0034242424242424242"', card), true);
      assert.equal(showsCardNumber('&#52;242424242424242', card), true);
      assert.equal(showsCardNumber('•••• 4242 on 2025-11-27', card), false);
    });

    it('finds a code the twin does not show, in part too', () => {
      assert.equal(showsCode('CVV ••• at 10:31', 'CVV xxx at 10:31'), false);
      assert.equal(showsCode('CVV 482 at 10:31', 'CVV xxx at 10:31'), true);
      assert.equal(showsCode('code 482 ••• at 10:31', 'code xxx xxx at 10:31'), true);
      assert.equal(showsCode('CVV (• digits): •••', 'CVV (3 digits): xxx'), false);
    });
  });

  describe('the generators', () => {
    it('make Luhn-valid numbers of every network, prefix and length', () => {
      assert.equal(luhnCheckDigit('424242424242424'), '2');
      assert.equal(luhnCheckDigit('37828224631000'), '5');
      const seen = new Set<string>();
      fc.assert(
        fc.property(cardNumberArbitrary, ({ brand, digits }) => {
          seen.add(`${brand} ${digits.length}`);
          let sum = 0;
          for (let index = 0; index < digits.length; index++) {
            const digit = Number(digits[digits.length - 1 - index]);
            sum += index % 2 === 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
          }
          assert.equal(sum % 10, 0, digits);
        }),
        { numRuns: 2000 },
      );
      const expected = CARD_NETWORKS.flatMap((network) => network.lengths.map((length) => `${network.brand} ${length}`));
      assert.deepEqual([...seen].sort(), expected.sort());
    });

    it('write the digits in other scripts', () => {
      assert.equal(writeDigits('4242', 'fullWidth'), '４２４２');
      assert.equal(writeDigits('4242', 'devanagari'), '४२४२');
      assert.equal(writeDigits('4242', 'mathDoubleStruck'), '𝟜𝟚𝟜𝟚');
      assert.equal(CARD_SEPARATORS.length, 31);
    });
  });

  it('masks every separator × digit script × invisible character at the boundary (the schema, the host, the webview)', () => {
    // Every combination once, not sampled: one number per combination, networks and contexts in turn.
    const scripts: DigitScript[] = [...(Object.keys(DIGIT_ZEROS) as DigitScript[]), 'mixed'];
    const cards = fc.sample(cardNumberArbitrary, { numRuns: 64, seed: 42 });
    const leaking: string[] = [];
    let combination = 0;
    for (const separator of CARD_SEPARATORS) {
      for (const script of scripts) {
        for (const invisible of ['', ...INVISIBLE_CHARACTERS]) {
          const card = cards[combination % cards.length]!.digits;
          const context = SECRET_CONTEXTS[combination % SECRET_CONTEXTS.length]!;
          combination++;
          const groups = card.match(/.{1,4}/g)!.map((group) => [...writeDigits(group, script, [combination, combination + 3, combination + 5, combination + 7])].join(invisible));
          const text = context(groups.join(separator));
          const parsed = parseReport({ errorMessage: text, notes: text });
          const outputs: [string, string][] = [
            ['report', JSON.stringify(parsed)],
            ['host remembered draft', JSON.stringify(redactDraft({ errorMessage: text, card: { bin: text } }))],
            ['webview saved state', JSON.stringify(savedStateOf({ errorMessage: text, 'card.last4': text }, [], []))],
          ];
          const check = new LeakCheck();
          for (const [name, output] of outputs) check.card(name, output, card);
          if (check.leaks.length > 0) leaking.push(`${JSON.stringify(text)}: ${check.leaks.map((leak) => leak.output).join(', ')}`);
        }
      }
    }
    assert.equal(combination, CARD_SEPARATORS.length * 11 * 7);
    assert.ok(leaking.length === 0, `${leaking.length} of ${combination} combinations leaked, e.g.:\n${leaking.slice(0, 25).join('\n')}`);
  });

  const cardReport = fc.record({
    written: writtenCardArbitrary,
    context: secretContextArbitrary,
    fields: fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }),
    lang: fc.constantFrom(...LANGS),
  });

  it(`shows no card number in any output of the CLI or the core (${RUNS} reports × ~25 outputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(cardReport, async ({ written, context, fields, lang }) => {
        const text = context(written.text);
        const input = reportWith(fields, text);
        const dir = files.dir();
        const check = new LeakCheck();
        for (const [name, output] of [...(await cliOutputs(input, dir, lang)), ...(await coreOutputs(input, dir))]) {
          check.card(name, output, written.digits);
        }
        check.assertNone({ text, fields });
      }),
      { numRuns: RUNS },
    );
  });

  it(`shows no card number in the host's draft or the webview's state (${RUNS} reports)`, () => {
    fc.assert(
      fc.property(cardReport, ({ written, context, fields, lang }) => {
        const text = context(written.text);
        const check = new LeakCheck();
        for (const [name, output] of sidebarOutputs(reportWith(fields, text), lang)) check.card(name, output, written.digits);
        check.assertNone({ text, fields });
      }),
      { numRuns: RUNS },
    );
  });

  /** A card number typed into a digit field: as written, or only its digits. */
  const digitFieldCard = fc.record({
    written: fc.oneof(writtenCardArbitrary, cardNumberArbitrary.map((card): WrittenSecret => ({ text: card.digits, digits: card.digits }))),
    field: fc.constantFrom('bin', 'last4', 'expiry'),
    lang: fc.constantFrom(...LANGS),
  });

  it(`shows no card number typed into the BIN, last 4 or expiry box, anywhere (${RUNS} reports)`, async () => {
    await fc.assert(
      fc.asyncProperty(digitFieldCard, async ({ written, field, lang }) => {
        const input = reportWith([], '');
        input.card = { ...input.card, [field]: written.text };
        const dir = files.dir();
        const check = new LeakCheck();
        const outputs = [...(await cliOutputs(input, dir, lang)), ...(await coreOutputs(input, dir)), ...sidebarOutputs(input, lang)];
        for (const [name, output] of outputs) check.card(name, output, written.digits);
        check.assertNone({ field, text: written.text });
      }),
      { numRuns: RUNS },
    );
  });
});
