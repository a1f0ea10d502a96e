/**
 * Writing a file that must not replace another (Node): letters, which a person may already have
 * edited. Shared by the CLI and, for local folders, the extension.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createUnderFreeName } from '../core/freeName';

/**
 * Writes `text` to `path`, or to `name-2.ext`, `name-3.ext`… when it exists: an existing file is
 * never overwritten. Each name is created exclusively (`wx`), so a file appearing meanwhile, from
 * another window or process, is skipped, not replaced. Creates the folder if needed. Returns the
 * path written; throws `NoFreeNameError` when every name is taken, and file-system errors other
 * than "exists" as they are.
 */
export async function writeNewFile(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  return createUnderFreeName(path, async (candidate) => ((await createExclusively(candidate, text)) ? candidate : undefined));
}

/**
 * Creates `path` holding `text` if no file has that name (`wx`: the check and the creation are one
 * step for the file system). Returns false, writing nothing, if one exists.
 */
export async function createExclusively(path: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
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
