/**
 * The failure journal on disk (Node). Appends never rewrite what is in the file: the person's
 * own text stays byte-for-byte, and an interrupted append can at worst leave a partial last
 * entry, which the reader either ignores (no machine line yet) or reports as damaged and skips.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, lstat, mkdir, open, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Lang } from '../core/catalogue';
import { journalEntryToWrite, journalHeader, parseJournalBytes, type DatedReport, type ParsedJournal } from '../core/journal';
import { createExclusively, type FolderBound } from './newFile';
import { explainNoFollow, NO_FOLLOW, readFileBounded, writeTarget } from './realPath';

export interface ReadJournalOptions extends FolderBound {
  /** Refuse (with `FileTooLargeError`) a file larger than this, before reading any of it. */
  maxBytes?: number;
}

/**
 * A journal's bytes; `undefined` when it does not exist yet. With `within` (see
 * {@link FolderBound}) a journal that leads outside the folder is refused like a write would be.
 */
export async function readJournalBytes(path: string, options: ReadJournalOptions = {}): Promise<Uint8Array | undefined> {
  return readFileBounded(path, options);
}

/** Reads and parses a journal; a journal that does not exist yet is empty. Options: see {@link readJournalBytes}. */
export async function readJournalFile(path: string, options: ReadJournalOptions = {}): Promise<ParsedJournal> {
  // Bytes, not text: only the machine lines need decoding (see parseJournalBytes).
  const bytes = await readJournalBytes(path, options);
  return bytes ? parseJournalBytes(bytes) : { entries: [], problems: [] };
}

export interface AppendResult {
  /** Whether this call created the journal (with its folder and header). */
  created: boolean;
}

/**
 * Appends one entry for `report` in `lang` (see `journalEntryToWrite`; `now` is when the diagnosis
 * is made). Throws, writing nothing, if the entry would hold anything that looks like a full card
 * number.
 */
export async function appendJournalEntry(path: string, report: DatedReport, lang: Lang, now?: Date, options: FolderBound = {}): Promise<AppendResult> {
  return appendJournalText(path, journalEntryToWrite(report, lang, now), lang, options);
}

/**
 * Appends an entry already made by `journalEntryToWrite`. Creates the folder and the file with
 * its header (in `lang`) when missing.
 *
 * Safe with other appenders, in this or other processes: the entry goes out as one write on an
 * O_APPEND descriptor, which the kernel places at the end of the file as a unit on a local
 * filesystem, so concurrent entries neither interleave nor overwrite each other. Only the file's
 * last byte is read (to start on a new line), so the time taken does not grow with the journal.
 *
 * Never through a symbolic link at the journal itself (`SymbolicLinkError`); with `within`, the
 * real path is checked first (see {@link FolderBound}) and a link that stays inside is followed.
 */
export async function appendJournalText(path: string, entry: string, lang: Lang, options: FolderBound = {}): Promise<AppendResult> {
  const target = await writeTarget(path, options.within);
  const created = await createJournalIn(target, lang);
  let handle: FileHandle;
  try {
    handle = await open(target, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | NO_FOLLOW, 0o666);
  } catch (error) {
    throw explainNoFollow(error, path);
  }
  try {
    const { size } = await handle.stat();
    let separator = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) separator = '\n';
    }
    await writeFully(handle, Buffer.from(separator + entry, 'utf8'));
  } finally {
    await handle.close();
  }
  return { created };
}

/**
 * Creates the journal (with its folder and header, in `lang`) unless it exists; returns whether
 * it did. `within`: see {@link FolderBound}.
 */
export async function createJournal(path: string, lang: Lang, options: FolderBound = {}): Promise<boolean> {
  return createJournalIn(await writeTarget(path, options.within), lang);
}

async function createJournalIn(target: string, lang: Lang): Promise<boolean> {
  await mkdir(dirname(target), { recursive: true });
  return createJournalFile(target, journalHeader(lang));
}

/**
 * Creates the journal with its header unless it exists. The header is written to a private
 * temporary file that is then hard-linked into place: the link fails if the journal appeared
 * meanwhile, and a journal never exists without its header, so a racing appender cannot put an
 * entry before it. Where hard links are not supported, an exclusive create does the job with a
 * narrow window in which a racing entry could precede the header (nothing is lost either way).
 */
async function createJournalFile(path: string, header: string): Promise<boolean> {
  if (await exists(path)) return false;
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, header, { flag: 'wx' });
  try {
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
    return createExclusively(path, header);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}


/** A link counts as existing even when it leads nowhere, so the header is not created through it. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** One write in practice; a short write (a full disk, a signal) continues where it stopped. */
async function writeFully(handle: FileHandle, buffer: Buffer): Promise<void> {
  let offset = 0;
  while (offset < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, offset, buffer.length - offset);
    offset += bytesWritten;
  }
}
