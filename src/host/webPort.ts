/**
 * The web worker extension host's {@link HostPort} (VS Code for the Web). There is no Node: every
 * file goes through `vscode.workspace.fs` (the callers' remote/virtual-folder path: links on the
 * way refused, new names checked then written, the journal rewritten through a rename), journals
 * are parsed in place (no worker threads; the 32 MB read cap still bounds the work), and what Node
 * loads from bundles beside extension.js on first use is bundled in: a web worker's `require`
 * cannot load a sibling file.
 */
import * as letterRendering from '../core/letterRendering';
import { parseJournalBytes } from '../core/journal';
import * as templateCompiler from '../core/templateCompiler';
import traditionalTable from 'virtual:zh-tw-table';
import type { HostPort } from './hostPort';

export const webPort: HostPort = {
  name: 'web',
  localFiles: undefined,
  journalWorkerFile: () => undefined,
  parseJournal: (bytes) => Promise.resolve(parseJournalBytes(bytes)),
  letterRendering: () => letterRendering,
  // Handlebars' compiler is plain JavaScript: a person's own templates work in the browser too.
  templateCompiler: () => templateCompiler,
  traditionalTableSources: () => [{ name: 'l10n/zh-tw-table.json (in the bundle)', read: () => traditionalTable }],
};
