/**
 * Where a path really leads (Node), and whether that is inside a folder. A folder a person opens
 * can hold symbolic links committed by someone else: `card-failures/journal.md` pointing at
 * `~/.gitconfig`, or `card-failures` pointing at `~/.ssh`. Text checks of the path cannot see
 * them; only the file system can, so writers resolve the real path first, check it, and then
 * work on the resolved path, opening the final file with O_NOFOLLOW so a link put there after
 * the check is refused rather than followed.
 */
import { constants } from 'node:fs';
import { open, readlink, realpath, type FileHandle } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { FileTooLargeError, OutsideFolderError, SymbolicLinkError } from './fileErrors';

export { FileTooLargeError, OutsideFolderError, SymbolicLinkError };

/**
 * Refuses to follow a symbolic link at the final component of an open; 0 where the platform
 * has no such flag (Windows), where the real-path check alone has to do.
 */
export const NO_FOLLOW: number = constants.O_NOFOLLOW ?? 0;

/** Linux's own limit on links followed in one lookup. */
const MAX_LINKS = 40;

/**
 * The real path of `target`: every symbolic link in it resolved, as the kernel would when
 * opening it. For a path that does not exist yet, the real path of its nearest existing ancestor
 * followed by the missing names; a link to something missing leads where its target would be. The missing part is normalized lexically (`a/new/../b` is
 * `a/b`), which is also where the writers will then create it, since they work on this result.
 */
export async function resolveRealPath(target: string): Promise<string> {
  // Not path.resolve on the whole: it would apply `..` before a link is followed, which the
  // kernel does not do (`link/..` is the parent of the link's target, not the link's folder).
  const absolute = isAbsolute(target) ? target : `${process.cwd()}${sep}${target}`;
  const missing: string[] = [];
  let current = absolute;
  let links = 0;
  for (;;) {
    try {
      const real = await realpath(current);
      return missing.length === 0 ? real : resolve(real, ...missing.reverse());
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file where a folder was expected; the open will fail on it later.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    }
    // A link whose target does not exist (yet): creating the file would create its target, so
    // that is where it leads.
    const link = await readlink(current).catch(() => undefined);
    if (link !== undefined) {
      if (++links > MAX_LINKS) throw Object.assign(new Error(`too many levels of symbolic links at ${current}`), { code: 'ELOOP' });
      current = isAbsolute(link) ? link : `${dirname(current)}${sep}${link}`;
      continue;
    }
    const parent = dirname(current);
    if (parent === current) return resolve(absolute);
    missing.push(basename(current));
    current = parent;
  }
}

/** Whether `path` is `folder` or inside it; both real paths. */
export function isInside(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (!isAbsolute(rest) && rest.split(sep)[0] !== '..');
}

/**
 * The real path of `target` if it stays inside `folder` (after resolving symbolic links in
 * both); throws {@link OutsideFolderError} if it leads out. A link that resolves inside the folder
 * is fine. Callers then read or write the returned path, not `target`.
 */
export async function realPathInside(folder: string, target: string): Promise<string> {
  const [realFolder, resolved] = await Promise.all([realpath(folder), resolveRealPath(target)]);
  if (!isInside(realFolder, resolved)) throw new OutsideFolderError(target, resolved, realFolder);
  return resolved;
}

/** Where a writer works: `target` itself, or its real path checked to stay inside `within`. */
export async function writeTarget(target: string, within: string | undefined): Promise<string> {
  return within === undefined ? target : realPathInside(within, target);
}

/**
 * A file's bytes, `undefined` when it does not exist. `within`: the file must lead to somewhere
 * inside that folder ({@link OutsideFolderError}); it is then read at its real path, never through
 * a link put at its end after the check ({@link SymbolicLinkError}). `maxBytes`: a larger file is
 * refused ({@link FileTooLargeError}) before any of it is read.
 */
export async function readFileBounded(path: string, options: { within?: string; maxBytes?: number } = {}): Promise<Uint8Array | undefined> {
  let handle: FileHandle;
  try {
    const target = await writeTarget(path, options.within);
    handle = await open(target, constants.O_RDONLY | (options.within === undefined ? 0 : NO_FOLLOW));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw explainNoFollow(error, path);
  }
  try {
    // The size of the file opened, so what is checked is what is read.
    const { size } = await handle.stat();
    if (options.maxBytes !== undefined && size > options.maxBytes) throw new FileTooLargeError(path, size, options.maxBytes);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** ELOOP from an O_NOFOLLOW open means the final component is a link: say so plainly. */
export function explainNoFollow(error: unknown, target: string): unknown {
  return (error as NodeJS.ErrnoException | null)?.code === 'ELOOP' ? new SymbolicLinkError(target) : error;
}
