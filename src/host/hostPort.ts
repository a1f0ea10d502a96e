/**
 * What the host does differently in a Node extension host (desktop, remote) and in a web worker
 * extension host (VS Code for the Web): the one place the rest of the host asks. Each entry's
 * bundle carries one implementation, chosen when it is built (`currentPort.ts`: Node;
 * `currentPort.web.ts` for dist/web/extension.js, see esbuild.mjs), so the same host code runs in
 * both and the browser bundle never holds a Node module.
 */
import type { Lang } from '../core/catalogue';
import type { ParsedJournal } from '../core/journal';

export type LetterRendering = typeof import('../core/letterRendering');
export type TemplateCompiler = typeof import('../core/templateCompiler');

/** Where a local file must stay: the workspace folder's path, checked against real paths. */
export interface Within {
  within: string;
}

/**
 * Files in `file:` folders through Node, as the CLI reads and writes them: real paths checked
 * against the folder, O_APPEND appends, exclusive creation, no link followed. (See src/node.)
 */
export interface LocalFiles {
  readJournalBytes(path: string, options: Within & { maxBytes: number }): Promise<Uint8Array | undefined>;
  appendJournalText(path: string, entry: string, lang: Lang, options: Within): Promise<unknown>;
  createJournal(path: string, lang: Lang, options: Within): Promise<unknown>;
  /** Throws if `target` leads outside `folder`. */
  realPathInside(folder: string, target: string): Promise<string>;
  /** Writes a new file, never over one (`-2`, `-3`…); returns the path written. */
  writeNewFile(path: string, text: string, options: Within): Promise<string>;
  readFileBounded(path: string, options: Within & { maxBytes: number }): Promise<Uint8Array | undefined>;
  /** Creates a new folder (`-2`, `-3`… when taken) holding `files`, every name created exclusively; returns its path. */
  writeNewFolder(path: string, files: readonly { path: string; text: string }[], options: Within): Promise<string>;
  join(...parts: string[]): string;
}

/** One source of core's Traditional Chinese table, tried in order. */
export interface TableSource {
  /** Named in the log when it cannot be read. */
  readonly name: string;
  /** The parsed JSON; throws (an `ENOENT` code for a missing file) when it cannot be read. */
  read(): unknown;
}

export interface HostPort {
  readonly name: 'node' | 'web';
  /**
   * Local files through Node; undefined in the browser, where every folder (vscode-vfs, a
   * remote, the server's own files) is reached through `vscode.workspace.fs`.
   */
  readonly localFiles: LocalFiles | undefined;
  /** dist/journalWorker.js beside the services bundle; undefined where there are no worker threads. */
  journalWorkerFile(): string | undefined;
  /** Parses a journal, on a worker thread started from `workerFile` when it is large and the host has threads. */
  parseJournal(bytes: Uint8Array, workerFile: string): Promise<ParsedJournal>;
  /** The letter renderer (Handlebars runtime and the built-in templates). */
  letterRendering(extensionPath: string): LetterRendering;
  /** The full Handlebars compiler, for a person's own templates only. */
  templateCompiler(extensionPath: string): TemplateCompiler;
  /** Where core's Traditional Chinese table may be, in order (`files`: the Node candidates). */
  traditionalTableSources(files: readonly string[]): readonly TableSource[];
}
