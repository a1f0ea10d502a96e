/**
 * Traditional Chinese outputs leak nothing either. A built-in zh-tw letter is rendered with every
 * typed value held aside while the Simplified letter is converted, then put back (letters.ts
 * `renderLetterIn`): the secret check must run on the letter as finished, values back in. So
 * every free-text field gets a card number or a one-time code, and the CLI's zh-tw outputs, the
 * zh-tw diagnosis view and both zh-tw letters are checked, as the other leak tests do for
 * English and Simplified Chinese.
 */
import fc from 'fast-check';
import { diagnose } from '../../src/core/diagnose';
import { viewDiagnosis } from '../../src/core/diagnosisView';
import { LETTER_KINDS } from '../../src/core/letterKinds';
import { parseReport } from '../../src/core/report';
import { LetterSecretError } from '../../src/core/templateErrors';
import { secretContextArbitrary, writtenCardArbitrary, writtenCodeArbitrary } from '../arbitraries';
import { installTraditionalTable } from '../l10nFiles';
import { LeakCheck, printLeakCount } from '../leakOracle';
import { cliOutputs, FREE_TEXT_FIELDS, NOW, reportWith, scratch, type Outputs, type RawReport } from '../leakOutputs';

const { renderLetterText } = require('../../src/core/letterRendering') as typeof import('../../src/core/letterRendering');

const RUNS = 100;

describe('leaks: Traditional Chinese', function () {
  this.timeout(300_000);
  printLeakCount('zh-tw');
  const dirs = scratch();
  before(installTraditionalTable);
  after(() => dirs.remove());

  /** The CLI's zh-tw outputs, the zh-tw view and both zh-tw letters, the sender's name holding the text too. */
  async function outputsOf(input: RawReport, text: string): Promise<Outputs> {
    const outputs = await cliOutputs(input, dirs.dir(), 'zh-tw');
    const parsed = parseReport(input);
    if (!parsed.ok) return outputs;
    const report = parsed.report;
    outputs.push(['diagnosis view zh-tw', JSON.stringify(viewDiagnosis(diagnose(report, [], NOW), 'zh-tw', NOW))]);
    for (const kind of LETTER_KINDS) {
      let letter: string;
      try {
        letter = renderLetterText(kind, 'zh-tw', report, [report], NOW, { name: text, email: 'li@example.com', amount: text });
      } catch (error) {
        if (!(error instanceof LetterSecretError)) throw error;
        letter = `error: ${error.message}`;
      }
      outputs.push([`letter ${kind} zh-tw`, letter]);
    }
    return outputs;
  }

  it(`prints and writes no card number (${RUNS} reports)`, async () => {
    await fc.assert(
      fc.asyncProperty(writtenCardArbitrary, secretContextArbitrary, fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }), async (written, context, fields) => {
        const text = context(written.text);
        const check = new LeakCheck();
        for (const [name, output] of await outputsOf(reportWith(fields, text), text)) check.card(name, output, written.digits);
        check.assertNone({ text, fields });
      }),
      { numRuns: RUNS },
    );
  });

  it(`prints and writes no CVC or one-time code (${RUNS} reports, each against its twin)`, async () => {
    await fc.assert(
      fc.asyncProperty(writtenCodeArbitrary, fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }), async (code, fields) => {
        const outputs = await outputsOf(reportWith(fields, code.text), code.text);
        const twins = await outputsOf(reportWith(fields, code.twin), code.twin);
        const check = new LeakCheck();
        outputs.forEach(([name, output], index) => check.code(name, output, twins[index]![1]));
        check.assertNone({ text: code.text, fields });
      }),
      { numRuns: RUNS },
    );
  });
});
