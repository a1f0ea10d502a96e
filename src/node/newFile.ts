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
  return createUnderFreeName(path, async (candidate) => {
    let handle;
    try {
      handle = await open(candidate, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw error;
    }
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return candidate;
  });
}
