/**
 * Writing a file that must not replace another (Node): letters, which a person may already have
 * edited. Shared by the CLI and, for local folders, the extension.
 */
import { constants } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createUnderFreeName } from '../core/freeName';
import { NO_FOLLOW, writeTarget } from './realPath';

/** Where a writer may write. */
export interface FolderBound {
  /**
   * A folder the file must stay in once symbolic links are resolved (the extension passes the
   * workspace folder). Given, the writer refuses with `OutsideFolderError`, writing nothing and
   * creating no folder, a target that leads out of it. Not given, the path is taken as it is.
   */
  within?: string;
}

/**
 * Writes `text` to `path`, or to `name-2.ext`, `name-3.ext`… when it exists: an existing file is
 * never overwritten, and a name held by a symbolic link counts as taken (never written through).
 * Each name is created exclusively (`wx`), so a file appearing meanwhile, from another window or
 * process, is skipped, not replaced. Creates the folder if needed. Returns the path written,
 * spelt like `path`; throws `NoFreeNameError` when every name is taken, `OutsideFolderError` (see
 * {@link FolderBound}), and file-system errors other than "exists" as they are.
 */
export async function writeNewFile(path: string, text: string, options: FolderBound = {}): Promise<string> {
  // The folder is resolved and checked, not the file: the file is always a new one, created
  // without following a link, so where it lands is decided by the folder alone.
  const directory = await writeTarget(dirname(path), options.within);
  await mkdir(directory, { recursive: true });
  const first = options.within === undefined ? path : join(directory, basename(path));
  const written = await createUnderFreeName(first, async (candidate) => ((await createExclusively(candidate, text)) ? candidate : undefined));
  return options.within === undefined ? written : join(dirname(path), basename(written));
}

/**
 * Creates `path` holding `text` if no file has that name (`wx`: the check and the creation are one
 * step for the file system). Returns false, writing nothing, if one exists; a symbolic link there,
 * even one leading nowhere, counts as existing (O_EXCL never follows one).
 */
export async function createExclusively(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NO_FOLLOW, 0o666);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    await handle.writeFile(text, 'utf8');
  } finally {
    await handle.close();
  }
  return true;
}
