import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lang } from '../core/catalogue';
import {
  evidencePack,
  freshLetterInput,
  freshLetterLang,
  lettersToPack,
  lettersToRender,
  packPhoneScriptLang,
  PACK_LETTER_LIMIT_BYTES,
  type FoundLetter,
  type FreshLetter,
  type LeftOutReason,
  type PackLettersInput,
} from '../core/evidencePack';
import type { JournalEntry } from '../core/journal';
import { renderLetterIn } from '../core/letters';
import { NoFreeNameError } from '../core/freeName';
import { hasTraditionalTable } from '../core/language';
import { writeNewFolder } from '../node/newFolder';
import { FileTooLargeError, OutsideFolderError, readFileBounded, SymbolicLinkError } from '../node/realPath';
import { InputError } from './cliError';
import { readJournalWithAnswers } from './journalInput';
import { chooseLanguage, useLanguage } from './language';
import { parseCommandArgs, parseNow } from './options';
import { chooseLetterTemplate } from './templateFiles';

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
  the letters                your newest appeal and bank inquiry from the letters' folder, as you
                             edited them (appeal-2025-11-27.md, -2…, and your copy of each,
                             appeal-2025-11-27.zh-cn.md); for a kind the folder has none of, the
                             built-in letter written fresh from the last attempt (appeal.md,
                             bank-inquiry.md) in its reader's language, as card-doctor render
                             writes it. about.md says which letters are yours and which are fresh
No file holds a full card number, a CVC or a one-time code: the pack is checked before it is
written, and nothing is written if one would. A letter of yours that holds one is left out (not
copied, not masked): about.md and a warning here name it. So is one over 1 MB, or a link leading
out of the letters' folder.

Options:
  --journal FILE             the failure journal (required; at most 64 MB, with at least one attempt)
  --out FOLDER               where the pack's folder is created (required; created if needed)
  --letters FOLDER           the folder your letters are in (must exist; default: the --out
                             folder, as the extension keeps letters and packs in one folder)
  --lang en|zh-cn|zh-tw      language of the pack (default: from LANG)
  --now ISO                  the moment the pack is written at (default: the clock)
  -h, --help                 show this help

Exit codes: 0 success (the folder written is printed); 2 invalid input: no --journal or --out,
a journal that is missing, a folder, too large or holds no attempt, an impossible --now, an
--out that cannot be created, a --letters folder that is missing or cannot be read; 1
unexpected error.
`;

/** File-system errors creating the pack that are the person's to fix. */
const PERSONS_MISTAKES = ['EACCES', 'EPERM', 'ENOTDIR', 'EROFS', 'ENOSPC', 'ENAMETOOLONG', 'ELOOP'];

export async function runPack(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    journal: { type: 'string' },
    out: { type: 'string' },
    letters: { type: 'string' },
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
  const { journal, answers: readAnswers } = await readJournalWithAnswers(values.journal!, true);
  for (const problem of journal.problems) process.stderr.write(`warning: ${values.journal}:${problem.line}: ${problem.message}\n`);
  if (journal.entries.length === 0) throw new InputError([`--journal: ${values.journal} holds no attempt; there is nothing to pack`]);

  // What the bank said, recorded with `journal answer`: its own machine lines, which the entry reader skips.
  const answers = readAnswers();
  for (const problem of answers.problems) process.stderr.write(`warning: ${values.journal}:${problem.line}: ${problem.message}\n`);

  // The phone script speaks the bank's language: a Hong Kong card's is Traditional Chinese even when
  // the reader's is not, and core needs the table for it.
  if (packPhoneScriptLang(journal.entries, lang) === 'zh-tw' && !hasTraditionalTable()) {
    useLanguage('zh-tw');
    useLanguage(lang);
  }
  const lettersFolder = values.letters ?? values.out!;
  const letters = await readLetters(lettersFolder, values.letters ? '--letters' : '--out', journal.entries, lang, now);
  const pack = evidencePack({ entries: journal.entries, bankAnswers: answers.answers.map((recorded) => recorded.answer), now, lang, letters });
  for (const left of pack.leftOut) process.stderr.write(`warning: ${join(lettersFolder, left.file)}: ${LEFT_OUT[left.reason]}\n`);
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

const LEFT_OUT: Record<LeftOutReason, string> = {
  secret: 'holds what looks like a full card number, a CVC or a one-time code; left out of the pack (not copied, not masked). Take it out of the letter and pack again',
  'too-large': `larger than ${PACK_LETTER_LIMIT_BYTES / 1_000_000} MB; left out of the pack`,
  outside: "leads outside the letters' folder through a symbolic link; left out of the pack",
  link: 'is a symbolic link; left out of the pack',
};

/**
 * The person's newest letters from `folder` (each read at its real path inside the folder, at
 * most {@link PACK_LETTER_LIMIT_BYTES}), and the built-in letter rendered fresh, as `render`
 * renders it, for each kind the folder has none of. A missing folder holds no letter.
 */
async function readLetters(folder: string, option: string, entries: readonly JournalEntry[], lang: Lang, now: Date): Promise<PackLettersInput> {
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true })).filter((entry) => entry.isFile() || entry.isSymbolicLink()).map((entry) => entry.name);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A folder named with --letters must be there; --out may not be yet (it is created), and one
    // that is a file is said when the pack is written.
    const absent = code === 'ENOENT' || code === 'ENOTDIR';
    if (!absent || option === '--letters') throw new InputError([`${option}: cannot read the folder ${folder} (${code ?? 'error'})`]);
    names = [];
  }
  const own: FoundLetter[] = [];
  for (const file of lettersToPack(names)) {
    const found = await readLetter(folder, option, file);
    if (found) own.push(found);
  }
  const { report, history } = freshLetterInput(entries);
  const fresh: FreshLetter[] = [];
  for (const kind of lettersToRender(own)) {
    const letterLang = freshLetterLang(kind, entries, lang);
    if (letterLang === 'zh-tw' && !hasTraditionalTable()) {
      useLanguage('zh-tw');
      useLanguage(lang);
    }
    const chosen = await chooseLetterTemplate(kind, letterLang, undefined);
    fresh.push({ kind, text: renderLetterIn(chosen, kind, letterLang, report, history, now, {}) });
  }
  return { own, fresh };
}

/** The letter's text, or why it was not read; undefined when it was removed since the folder was listed. */
async function readLetter(folder: string, option: string, file: string): Promise<FoundLetter | undefined> {
  try {
    const bytes = await readFileBounded(join(folder, file), { within: folder, maxBytes: PACK_LETTER_LIMIT_BYTES });
    return bytes && { file, text: new TextDecoder().decode(bytes) };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { file, unread: 'too-large' };
    if (error instanceof OutsideFolderError || error instanceof SymbolicLinkError) return { file, unread: 'outside' };
    const code = (error as NodeJS.ErrnoException).code;
    if (code) throw new InputError([`${option}: cannot read ${join(folder, file)} (${code})`]);
    throw error;
  }
}
