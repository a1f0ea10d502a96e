/**
 * The browser build's stand-in for src/node/realPath.ts (esbuild.mjs maps that module here for
 * dist/web/extension.js): the host imports only its three error classes, for `instanceof`, but
 * the module also imports node:fs and node:path. Without Node only FileTooLargeError is ever
 * thrown (by the host's own workspace.fs readers); the other two come from Node's writers. The
 * same classes as there, field for field; goes once they live in a module without Node imports
 * (asked in /work/notes/requests.md).
 */

/** A path that resolves, through symbolic links, to somewhere outside the folder it must stay in. */
export class OutsideFolderError extends Error {
  constructor(
    readonly target: string,
    readonly resolved: string,
    readonly folder: string,
  ) {
    super(`${target} leads to ${resolved}, which is outside ${folder}; nothing was written there`);
    this.name = 'OutsideFolderError';
  }
}

/** The final file is a symbolic link, which the writers never follow. */
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
