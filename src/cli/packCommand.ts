import { join } from 'node:path';
import { evidencePackFiles, evidencePackFolderName } from '../core/evidencePack';
import { NoFreeNameError } from '../core/freeName';
import { hasTraditionalTable } from '../core/language';
import { offsetOf } from '../core/localTime';
import { bankLanguage } from '../core/phoneScript';
import { writeNewFolder } from '../node/newFolder';
import { OutsideFolderError } from '../node/realPath';
import { InputError } from './cliError';
import { readJournalOption } from './journalInput';
import { chooseLanguage, useLanguage } from './language';
import { parseCommandArgs, parseNow } from './options';

export const PACK_HELP = `Usage: card-doctor pack --journal FILE --out FOLDER [options]

Writes an evidence pack to attach to an appeal or bring to the bank: a new folder
FOLDER/evidence-YYYY-MM-DD (or -2, -3… when that exists; nothing is ever written over) holding
  timeline.md                the journal's attempts: time with offset, product, the error as shown,
                             the card by brand, kind and last 4 only
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
  const last = journal.entries[journal.entries.length - 1];
  if (!last) throw new InputError([`--journal: ${values.journal} holds no attempt; there is nothing to pack`]);

  // The phone script speaks the bank's language: a Hong Kong card's is Traditional Chinese even when
  // the reader's is not, and core needs the table for it.
  if (bankLanguage(last.report.card?.issuerCountry, lang) === 'zh-tw' && !hasTraditionalTable()) {
    useLanguage('zh-tw');
    useLanguage(lang);
  }
  const files = evidencePackFiles({ entries: journal.entries, now, lang });
  // The folder is dated as the person reads the last attempt's time, not by UTC.
  const name = evidencePackFolderName(now, offsetOf(last.occurredAt));
  let written: string;
  try {
    written = await writeNewFolder(join(values.out!, name), files);
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
