/**
 * Writing a file that must not replace another (Node): letters, which a person may already have
 * edited. Shared by the CLI and, for local folders, the extension.
 */
import { mkdir, open } from 'node:fs/promises';
import { dirname, extname } from 'node:path';

/** How many numbered names are tried before giving up. */
export const MAX_FREE_NAME_TRIES = 1000;

/** `path` and the numbered names after it, {@link MAX_FREE_NAME_TRIES} names in all, exist. */
export class NoFreeNameError extends Error {
  constructor(readonly path: string) {
    super(`${path} and ${MAX_FREE_NAME_TRIES - 1} numbered names after it all exist`);
  }
}

/**
 * Writes `text` to `path`, or to `name-2.ext`, `name-3.ext`… when it exists: an existing file is
 * never overwritten. Each name is created exclusively (`wx`), so a file appearing meanwhile, from
 * another window or process, is skipped, not replaced. Creates the folder if needed. Returns the
 * path written; file-system errors other than "exists" are thrown as they are.
 */
export async function writeNewFile(path: string, text: string): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  for (let number = 1; number <= MAX_FREE_NAME_TRIES; number++) {
    const candidate = number === 1 ? path : `${stem}-${number}${extension}`;
    let handle;
    try {
      handle = await open(candidate, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return candidate;
  }
  throw new NoFreeNameError(path);
}
