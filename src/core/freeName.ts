/**
 * "Never overwrite: take the next free name" (`appeal.md`, `appeal-2.md`, `appeal-3.md`…), the
 * rule for every letter written. Pure: the caller brings the step that creates a file only if
 * no file has the name, with whatever file API it has (Node's `wx`, or VS Code's workspace.fs).
 */

/** How many names are tried before giving up: far more letters than anyone writes. */
export const MAX_FREE_NAME_TRIES = 1000;

/** `name` and the numbered names after it, {@link MAX_FREE_NAME_TRIES} in all, are taken. */
export class NoFreeNameError extends Error {
  constructor(readonly taken: string) {
    super(`${taken} and ${MAX_FREE_NAME_TRIES - 1} numbered names after it all exist`);
  }
}

/** `name` itself for 1, else `-<number>` before its extension: `a/appeal.md`, 2 → `a/appeal-2.md`. */
export function numberedName(name: string, number: number): string {
  if (number === 1) return name;
  const base = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1;
  const dot = name.lastIndexOf('.');
  // A leading dot (".notes") starts a name, not an extension.
  const stemEnd = dot > base ? dot : name.length;
  return `${name.slice(0, stemEnd)}-${number}${name.slice(stemEnd)}`;
}

/**
 * Tries `name`, then its numbered names, until `createIfFree` creates one (it returns `undefined`
 * when the name is taken, and throws on any other failure). Returns what it returned.
 */
export async function createUnderFreeName<T>(name: string, createIfFree: (candidate: string) => Promise<T | undefined>): Promise<T> {
  for (let number = 1; number <= MAX_FREE_NAME_TRIES; number++) {
    const created = await createIfFree(numberedName(name, number));
    if (created !== undefined) return created;
  }
  throw new NoFreeNameError(name);
}
