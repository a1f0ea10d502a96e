/**
 * No output holds a CVC or a one-time code: every phrasing of `CODE_PHRASES` (English, Simplified
 * and Traditional Chinese; labels apart from the code, spaced and dashed codes, code-first SMS,
 * invisible characters inside the label) with fresh digits, in every free-text field, through
 * every output of the CLI and the extension. Each input runs twice, the second time with the
 * code's digits as `x`: the leak oracle compares the two (see `test/leakOracle.ts`).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CODE_PHRASES, writeCodePhrase, writtenCodeArbitrary } from '../arbitraries';
import { LeakCheck, printLeakCount } from '../leakOracle';
import { FREE_TEXT_FIELDS, LANGS, cliOutputs, coreOutputs, reportWith, scratch, sidebarOutputs, type Outputs, type RawReport } from '../leakOutputs';

const RUNS = Number(process.env.LEAK_RUNS ?? 300);

/** Checks each output against the same output of the twin. */
function compare(check: LeakCheck, outputs: Outputs, twins: Outputs): void {
  assert.deepEqual(outputs.map(([name]) => name), twins.map(([name]) => name));
  outputs.forEach(([name, output], index) => check.code(name, output, twins[index]![1]));
}

describe('leaks: CVCs and one-time codes', function () {
  // Hundreds of reports through every output: far more than the suite's default per test.
  this.timeout(180_000);
  const files = scratch();
  printLeakCount('codes');
  after(() => files.remove());

  it('has 84 phrasings, each with a marked code', () => {
    assert.equal(CODE_PHRASES.length, 84);
    for (const phrase of CODE_PHRASES) {
      const written = writeCodePhrase(phrase, [1, 2, 3, 4, 5, 6, 7, 8], 'ascii');
      assert.match(written.digits, /^\d{3,8}$/, phrase);
      assert.doesNotMatch(written.twin, /[⟦⟧]/, phrase);
    }
    assert.deepEqual(writeCodePhrase('CVV (3 digits): ⟦482⟧', [7, 0, 1], 'fullWidth'), {
      phrase: 'CVV (3 digits): ⟦482⟧',
      text: 'CVV (3 digits): ７０１',
      twin: 'CVV (3 digits): xxx',
      digits: '701',
    });
  });

  const codeReport = fc.record({
    code: writtenCodeArbitrary,
    fields: fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }),
    lang: fc.constantFrom(...LANGS),
  });

  it(`shows no code in any output of the CLI, the core, the host or the webview (${RUNS} reports × ~29 outputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(codeReport, async ({ code, fields, lang }) => {
        const outputsOf = async (input: RawReport): Promise<Outputs> => {
          const dir = files.dir();
          return [...(await cliOutputs(input, dir, lang)), ...(await coreOutputs(input, dir)), ...sidebarOutputs(input, lang)];
        };
        const check = new LeakCheck();
        compare(check, await outputsOf(reportWith(fields, code.text)), await outputsOf(reportWith(fields, code.twin)));
        check.assertNone({ text: code.text, fields });
      }),
      { numRuns: RUNS },
    );
  });

  it('shows no code for any phrasing in the error message (every phrasing; letters in both languages, the CLI in each in turn)', async () => {
    const leaking: string[] = [];
    for (const [index, phrase] of CODE_PHRASES.entries()) {
      const written = writeCodePhrase(phrase, [(index * 7) % 10, 3, 8, 1, 9, 4, 6, 2], 'ascii');
      // coreOutputs renders every letter and view in both languages; the CLI's and the host's language alternates.
      const lang = LANGS[index % LANGS.length]!;
      const outputsOf = async (input: RawReport): Promise<Outputs> => {
        const dir = files.dir();
        return [...(await cliOutputs(input, dir, lang)), ...(await coreOutputs(input, dir)), ...sidebarOutputs(input, lang)];
      };
      const check = new LeakCheck();
      compare(check, await outputsOf(reportWith(['errorMessage'], written.text)), await outputsOf(reportWith(['errorMessage'], written.twin)));
      if (check.leaks.length > 0) {
        const masked = check.leaks.find((leak) => leak.output === 'report')?.text ?? check.leaks[0]!.text;
        leaking.push(`${JSON.stringify(written.text)} (${lang}): ${check.leaks.length} outputs, e.g. ${masked.slice(0, 160)}`);
      }
    }
    assert.ok(leaking.length === 0, `${leaking.length} phrasings leaked:\n${leaking.join('\n')}`);
  });
});
