/**
 * A journal is read back as untrusted: a person (or another tool) may edit a machine line and put
 * a card number or a code into it, written any way. The reader validates it through the report
 * schema, so nothing read back holds it: not the parsed entries, not `journal list`, not a
 * diagnosis or a letter that uses the journal as history.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ENTRY_MARKER, formatJournalEntry, journalHeader, journalReports, parseJournal, type DatedReport } from '../../src/core/journal';
import { parseReport } from '../../src/core/report';
import { LetterSecretError } from '../../src/core/templateErrors';
import { writtenCardArbitrary, writtenCodeArbitrary, secretContextArbitrary } from '../arbitraries';
import { LeakCheck, printLeakCount } from '../leakOracle';
import { diagnose } from '../../src/core/diagnose';
import { LETTER_KINDS } from '../../src/core/letterKinds';
import { FREE_TEXT_FIELDS, LANGS, NOW, NOW_ISO, captured, reportWith, scratch, type FreeTextField, type Outputs } from '../leakOutputs';
import { installBuiltinTemplatesModule } from '../templateLoader';

installBuiltinTemplatesModule();
// Loaded after the stand-in for the build's virtual module is in place.
const { renderLetterText } = require('../../src/core/letterRendering') as typeof import('../../src/core/letterRendering');
const { runDiagnose } = require('../../src/cli/diagnoseCommand') as typeof import('../../src/cli/diagnoseCommand');
const { runJournal } = require('../../src/cli/journalCommand') as typeof import('../../src/cli/journalCommand');

const RUNS = Number(process.env.LEAK_RUNS ?? 300);

const EARLIER = reportWith([], '');
EARLIER.occurredAt = '2025-11-27T09:00:00+08:00';
const CURRENT = reportWith([], '');
const parsedCurrent = parseReport(CURRENT);
if (!parsedCurrent.ok) throw new Error('the current report is invalid');
const CURRENT_REPORT = parsedCurrent.report;

/** A journal of one entry whose machine line was edited by hand to hold `text` in `fields`. */
function editedJournal(fields: readonly FreeTextField[], text: string, lang: 'en' | 'zh-cn'): string {
  const parsed = parseReport(EARLIER);
  if (!parsed.ok) throw new Error('the earlier report is invalid');
  const journal = journalHeader(lang) + formatJournalEntry(parsed.report as DatedReport, lang);
  const marker = `${ENTRY_MARKER}v1 `;
  const start = journal.indexOf(marker);
  const end = journal.indexOf(' -->', start);
  const record = JSON.parse(journal.slice(start + marker.length, end)) as { report: Record<string, Record<string, string> | string> };
  for (const field of fields) {
    const [group, key] = field.split('.') as [string, string | undefined];
    if (key === undefined) record.report[group] = text;
    else record.report[group] = { ...(record.report[group] as Record<string, string>), [key]: text };
  }
  // As an editor would keep it readable: raw text, only what would end the comment escaped.
  const json = JSON.stringify(record).replace(/--/g, '-\\u002d').replace(/>/g, '\\u003e');
  return `${journal.slice(0, start + marker.length)}${json}${journal.slice(end)}`;
}

describe('leaks: a journal edited by hand', function () {
  // Hundreds of reports through every output: far more than the suite's default per test.
  this.timeout(180_000);
  const files = scratch();
  printLeakCount('journal read back');
  after(() => files.remove());

  /**
   * Everything made from the edited journal: its parse, `journal list`, `diagnose` with it as
   * `--journal` (its history counts, and error keys in the json), the diagnosis and both letters in
   * both languages with it as history (their timelines quote each attempt's error).
   */
  async function outputsOf(journal: string, lang: 'en' | 'zh-cn'): Promise<Outputs> {
    const dir = files.dir();
    const path = join(dir, 'edited.md');
    const file = join(dir, 'report.json');
    writeFileSync(path, journal);
    writeFileSync(file, JSON.stringify(CURRENT));
    const parsed = parseJournal(journal);
    const history = journalReports(parsed);
    const outputs: Outputs = [['parseJournal', JSON.stringify(parsed)]];
    for (const format of ['text', 'json']) {
      outputs.push([`cli journal list --format ${format}`, await captured(() => runJournal(['list', '--journal', path, '--lang', lang, '--format', format]))]);
      outputs.push([`cli diagnose --journal --format ${format}`, await captured(() => runDiagnose([file, '--journal', path, '--now', NOW_ISO, '--lang', lang, '--format', format]))]);
    }
    outputs.push(['diagnosis with history', JSON.stringify(diagnose(CURRENT_REPORT, history, NOW))]);
    for (const letterLang of LANGS) {
      for (const kind of LETTER_KINDS) {
        let letter: string;
        try {
          letter = renderLetterText(kind, letterLang, CURRENT_REPORT, history, NOW, {});
        } catch (error) {
          // Only the letters' own guard is an output; any other error is a crash that made none.
          if (!(error instanceof LetterSecretError)) throw error;
          letter = `error: ${error.message}`;
        }
        outputs.push([`letter ${kind} ${letterLang} with history`, letter]);
      }
    }
    return outputs.map(([name, text]) => [name, text.split(dir).join('<dir>')]);
  }

  it(`reads back no card number (${RUNS} journals × 10 outputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        writtenCardArbitrary,
        secretContextArbitrary,
        fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }),
        fc.constantFrom(...LANGS),
        async (written, context, fields, lang) => {
          const text = context(written.text);
          const check = new LeakCheck();
          for (const [name, output] of await outputsOf(editedJournal(fields, text, lang), lang)) check.card(name, output, written.digits);
          check.assertNone({ text, fields });
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`reads back no CVC or one-time code (${RUNS} journals × 10 outputs, each against its twin)`, async () => {
    await fc.assert(
      fc.asyncProperty(writtenCodeArbitrary, fc.subarray([...FREE_TEXT_FIELDS], { minLength: 1 }), fc.constantFrom(...LANGS), async (code, fields, lang) => {
        const outputs = await outputsOf(editedJournal(fields, code.text, lang), lang);
        const twins = await outputsOf(editedJournal(fields, code.twin, lang), lang);
        const check = new LeakCheck();
        outputs.forEach(([name, output], index) => check.code(name, output, twins[index]![1]));
        check.assertNone({ text: code.text, fields });
      }),
      { numRuns: RUNS },
    );
  });
});
