/**
 * The refusals of the file readers and writers, without any Node import: the host's browser
 * build names them too (folder bounds, the journal, letters), while only the Node port throws
 * them (realPath.ts re-exports them for its callers).
 */

/** A path that resolves, through symbolic links, to somewhere outside the folder it must stay in. */
export class OutsideFolderError extends Error {
  constructor(
    /** The path as given. */
    readonly target: string,
    /** Where it really leads. */
    readonly resolved: string,
    /** The folder it had to stay in (its real path). */
    readonly folder: string,
  ) {
    super(`${target} leads to ${resolved}, which is outside ${folder}; nothing was written there`);
    this.name = 'OutsideFolderError';
  }
}

/** The final file is a symbolic link, which the writers never follow (ELOOP from O_NOFOLLOW). */
export class SymbolicLinkError extends Error {
  constructor(readonly target: string) {
    super(`${target} is a symbolic link; it is not followed, so nothing was written`);
    this.name = 'SymbolicLinkError';
  }
}

/** A file larger than a reader was allowed to read; nothing of it was read. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path} is ${size} bytes, more than the ${limit} bytes it may have to be read; it was not read`);
    this.name = 'FileTooLargeError';
  }
}
