/**
 * The `--journal` option's file, read or written with the mistakes a person can make with it
 * (a folder, a device, no permission) reported as bad input naming the option (exit 2), the same
 * way by every command.
 */
import { stat } from 'node:fs/promises';
import { parseBankAnswers, type ParsedBankAnswers } from '../core/bankAnswer';
import { parseJournalBytes, type ParsedJournal } from '../core/journal';
import { readJournalBytes } from '../node/journalFile';
import { FileTooLargeError, OutsideFolderError, SymbolicLinkError } from '../node/realPath';
import { InputError } from './cliError';

/**
 * The largest journal read: 64 MB, about 90,000 entries (10,000 take 7 MB). Reading is linear and
 * only machine lines are decoded, but the file is held in memory whole; a larger one is refused
 * before it is read.
 */
export const JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** File-system errors that are the person's to fix, not a bug. */
const PERSONS_MISTAKES = ['EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC', 'ENAMETOOLONG', 'ELOOP'];

/**
 * Reads the journal at `path`, at most {@link JOURNAL_SIZE_LIMIT}. A journal that does not exist
 * is empty unless `mustExist`. Only a regular file is read: a folder is a mistake, and a device or a pipe (/dev/zero, a FIFO) could
 * be read forever. With `within` (the default journal, found in the current folder rather than
 * typed), the journal must really be inside that folder, not reached through a link out of it.
 */
export async function readJournalOption(path: string, mustExist: boolean, within?: string): Promise<ParsedJournal> {
  return (await readJournalWithAnswers(path, mustExist, within)).journal;
}

/**
 * {@link readJournalOption}, with the bank's answers (their own machine lines, which the entry
 * reader skips) parsed from the same bytes when asked for: one read, so both come from one
 * version of the file.
 */
export async function readJournalWithAnswers(
  path: string,
  mustExist: boolean,
  within?: string,
): Promise<{ journal: ParsedJournal; answers: () => ParsedBankAnswers }> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) throw new InputError([`--journal: ${path} is a folder, not a file`]);
    if (!stats.isFile()) throw new InputError([`--journal: ${path} is not a regular file`]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !mustExist) return { journal: { entries: [], problems: [] }, answers: () => parseBankAnswers('') };
    throw new InputError([`--journal: cannot read ${path} (${code ?? 'error'})`]);
  }
  const bytes = await withJournalErrors(path, () => readJournalBytes(path, { within, maxBytes: JOURNAL_SIZE_LIMIT }));
  // Bytes, not text, for the entries: only their machine lines need decoding (see parseJournalBytes).
  const journal = bytes ? parseJournalBytes(bytes) : { entries: [], problems: [] };
  return { journal, answers: () => parseBankAnswers(bytes ? new TextDecoder().decode(bytes) : '') };
}

/**
 * Runs `work` on the journal at `path`, turning the person's file-system mistakes into bad input,
 * and so a journal that leads out of its folder or is a symbolic link (which the writers refuse).
 */
export async function withJournalErrors<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OutsideFolderError || error instanceof SymbolicLinkError) throw new InputError([`--journal: ${error.message}`]);
    if (error instanceof FileTooLargeError) {
      throw new InputError([`--journal: larger than ${JOURNAL_SIZE_LIMIT / (1024 * 1024)} MB (${path} is ${error.size.toLocaleString('en')} bytes); it was not read`]);
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EISDIR') throw new InputError([`--journal: ${path} is a folder, not a file`]);
    if (code && PERSONS_MISTAKES.includes(code)) throw new InputError([`--journal: cannot use ${path} (${code})`]);
    throw error;
  }
}
