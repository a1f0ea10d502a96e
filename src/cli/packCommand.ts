import { join } from 'node:path';
import { parseBankAnswers } from '../core/bankAnswer';
import { evidencePack, packPhoneScriptLang } from '../core/evidencePack';
import { NoFreeNameError } from '../core/freeName';
import { hasTraditionalTable } from '../core/language';
import { readJournalBytes } from '../node/journalFile';
import { writeNewFolder } from '../node/newFolder';
import { OutsideFolderError } from '../node/realPath';
import { InputError } from './cliError';
import { JOURNAL_SIZE_LIMIT, readJournalOption, withJournalErrors } from './journalInput';
import { chooseLanguage, useLanguage } from './language';
import { parseCommandArgs, parseNow } from './options';

export const PACK_HELP = `Usage: card-doctor pack --journal FILE --out FOLDER [options]

Writes an evidence pack to attach to an appeal or bring to the bank: a new folder
FOLDER/evidence-YYYY-MM-DD (or -2, -3… when that exists; nothing is ever written over) holding
  timeline.md                the journal's attempts: time with offset, product, the error as shown,
                             the card by brand, kind and last 4 only; then what the bank said
                             (answers recorded with card-doctor journal answer)
  diagnosis.md               the last attempt's diagnosis: likelihoods, and what is less likely
  about.md                   the dates of the rules and of the supported-countries list
                             (with a warning when the list is over 180 days old)
  screenshots-checklist.md   the screenshots to add, and what to hide in each
  bank-phone-script.md       what to say when calling the bank, in the bank's language (mainland
                             China: Simplified Chinese; Hong Kong, Macau, Taiwan: Traditional;
                             elsewhere English; an unknown country: the pack's language)
No file holds a full card number, a CVC or a one-time code: the pack is checked before it is
written, and nothing is written if one would.

Options:
  --journal FILE             the failure journal (required; at most 64 MB, with at least one attempt)
  --out FOLDER               where the pack's folder is created (required; created if needed)
  --lang en|zh-cn|zh-tw      language of the pack (default: from LANG)
  --now ISO                  the moment the pack is written at (default: the clock)
  -h, --help                 show this help

Exit codes: 0 success (the folder written is printed); 2 invalid input: no --journal or --out,
a journal that is missing, a folder, too large or holds no attempt, an impossible --now, an
--out that cannot be created; 1 unexpected error.
`;

/** File-system errors creating the pack that are the person's to fix. */
const PERSONS_MISTAKES = ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'ENAMETOOLONG', 'ELOOP'];

export async function runPack(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
    now: { type: 'string' },
  });
  const problems: string[] = [];
  if (positionals.length > 0) problems.push(`unexpected argument '${positionals[0]}': pack takes only options`);
  if (!values.journal) problems.push('--journal: expected the failure journal file');
  if (!values.out) problems.push('--out: expected the folder to write the pack in');
  if (problems.length > 0) throw new InputError(problems);
  const now = parseNow(values.now);
  const lang = chooseLanguage(values.lang, process.env);
  const journal = await readJournalOption(values.journal!, true);
  for (const problem of journal.problems) process.stderr.write(`warning: ${values.journal}:${problem.line}: ${problem.message}\n`);
  if (journal.entries.length === 0) throw new InputError([`--journal: ${values.journal} holds no attempt; there is nothing to pack`]);

  // What the bank said, recorded with `journal answer`: its own machine lines, which the entry reader skips.
  const bytes = await withJournalErrors(values.journal!, () => readJournalBytes(values.journal!, { maxBytes: JOURNAL_SIZE_LIMIT }));
  const answers = parseBankAnswers(new TextDecoder().decode(bytes));
  for (const problem of answers.problems) process.stderr.write(`warning: ${values.journal}:${problem.line}: ${problem.message}\n`);

  // The phone script speaks the bank's language: a Hong Kong card's is Traditional Chinese even when
  // the reader's is not, and core needs the table for it.
  if (packPhoneScriptLang(journal.entries, lang) === 'zh-tw' && !hasTraditionalTable()) {
    useLanguage('zh-tw');
    useLanguage(lang);
  }
  const pack = evidencePack({ entries: journal.entries, bankAnswers: answers.answers.map((recorded) => recorded.answer), now, lang });
  let written: string;
  try {
    written = await writeNewFolder(join(values.out!, pack.folderName), pack.files);
  } catch (error) {
    if (error instanceof NoFreeNameError || error instanceof OutsideFolderError) throw new InputError([`--out: ${error.message}`]);
    const code = (error as NodeJS.ErrnoException).code;
    // The pack's own folder takes the next free name, so "exists" can only be --out, as a file.
    if (code === 'EEXIST') throw new InputError([`--out: ${values.out} is not a folder`]);
    if (code && PERSONS_MISTAKES.includes(code)) throw new InputError([`--out: cannot create the pack in ${values.out} (${code})`]);
    throw error;
  }
  process.stdout.write(`${written}\n`);
}
