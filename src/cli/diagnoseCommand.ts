import { diagnose } from '../core/diagnose';
import { diagnosisToMarkdown, viewDiagnosis } from '../core/diagnosisView';
import { journalReports } from '../core/journal';
import { InputError } from './cliError';
import { readJournalOption } from './journalInput';
import { parseChoice, parseCommandArgs, parseNow } from './options';
import { chooseLanguage } from './language';
import { readReport } from './readInput';
import { diagnosisToText, stylesFor } from './textFormat';

export const DIAGNOSE_HELP = `Usage: card-doctor diagnose <report.json | -> [options]

Checks one failed attempt against the known causes and prints the findings, most likely first.

The report (a file, or - for standard input) may be at most 1 MB.

Options:
  --journal FILE             the failure journal: its last 24 hours count (repeated attempts,
                             card changes) and set the wait. The report counts only if the journal
                             holds it; otherwise the output says what recording it would change
                             (json: recorded, ifRecorded). Without --journal nothing is counted.
                             At most 64 MB; a damaged entry (or one whose machine line is over
                             64 KB) is skipped with a warning; a copy of an entry counts once
  --now ISO                  the moment to diagnose at, such as 2025-11-27T10:31:00+08:00
                             (default: the clock)
  --lang en|zh-cn|zh-tw      language of the text (default: from LANG)
  --format text|json|markdown  output format (default: text)
  -h, --help                 show this help

Exit codes: 0 success; 2 invalid input: every bad field listed, a report over 1 MB or not
valid JSON (only the line and column are shown), an impossible --now, a --journal that is a
folder, over 64 MB or cannot be read; 1 unexpected error.
`;

const FORMATS = ['text', 'json', 'markdown'] as const;

export async function runDiagnose(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    now: { type: 'string' },
    lang: { type: 'string' },
    format: { type: 'string' },
  });
  if (positionals.length !== 1) throw new InputError(['expected one report: a JSON file, or - for standard input']);
  const now = parseNow(values.now);
  const lang = chooseLanguage(values.lang, process.env);
  const format = parseChoice('--format', values.format, FORMATS, 'text');
  const report = await readReport(positionals[0]!);

  let history: ReturnType<typeof journalReports> = [];
  if (values.journal) {
    const journal = await readJournalOption(values.journal, false);
    for (const problem of journal.problems) process.stderr.write(`warning: ${values.journal}:${problem.line}: ${problem.message}\n`);
    history = journalReports(journal);
  }
  const diagnosis = diagnose(report, history, now);
  if (format === 'json') {
    process.stdout.write(JSON.stringify(diagnosis, null, 2) + '\n');
    return;
  }
  const view = viewDiagnosis(diagnosis, lang, now);
  process.stdout.write(format === 'markdown' ? diagnosisToMarkdown(view) : diagnosisToText(view, stylesFor(process.stdout, process.env)));
}
