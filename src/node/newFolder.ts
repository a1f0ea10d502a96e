/**
 * Writing a set of files into a folder that did not exist before (Node): the evidence pack. A
 * pack is attached as a whole, so an earlier pack, which the person may have added screenshots
 * to, is never mixed with or written over: the next free name (`evidence-2026-12-01-2`) is taken.
 */
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createUnderFreeName } from '../core/freeName';
import { createExclusively, type FolderBound } from './newFile';
import { writeTarget } from './realPath';

/**
 * Creates the folder `path`, or `path-2`, `path-3`… when the name is taken (by anything: a
 * folder, a file, a link), and writes each file into it, created exclusively. The parent is
 * created if needed and, with `within`, must stay inside that folder once links are resolved
 * (`OutsideFolderError` otherwise, nothing created). Returns the folder written, spelt like
 * `path`. Each file's path is a plain name: a path with a separator is refused before anything
 * is created, so a file cannot land outside the new folder.
 */
export async function writeNewFolder(path: string, files: readonly { path: string; text: string }[], options: FolderBound = {}): Promise<string> {
  for (const file of files) {
    if (file.path === '' || file.path !== basename(file.path) || file.path === '.' || file.path === '..') {
      throw new Error(`a pack file needs a plain name, not ${JSON.stringify(file.path)}`);
    }
  }
  const parent = await writeTarget(dirname(path), options.within);
  await mkdir(parent, { recursive: true });
  const folder = await createUnderFreeName(join(parent, basename(path)), async (candidate) => {
    try {
      // Not recursive: creating the folder is the check that the name is free.
      await mkdir(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw error;
    }
  });
  for (const file of files) {
    if (!(await createExclusively(join(folder, file.path), file.text))) {
      throw new Error(`${join(folder, file.path)} appeared while the pack was being written; it was left as it is`);
    }
  }
  return join(dirname(path), basename(folder));
}
