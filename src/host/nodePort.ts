/**
 * The Node extension host's {@link HostPort}: local files through src/node (as the CLI), large
 * journals parsed on a worker thread, the letter renderer and the template compiler loaded from
 * bundles of their own beside extension.js on first use, the Traditional table read from l10n/.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { appendJournalText, createJournal, readJournalBytes } from '../node/journalFile';
import { parseJournalOffThread } from '../node/journalOffThread';
import { writeNewFile } from '../node/newFile';
import { writeNewFolder } from '../node/newFolder';
import { readFileBounded, realPathInside } from '../node/realPath';
import type { HostPort, LetterRendering, TemplateCompiler } from './hostPort';

export const nodePort: HostPort = {
  name: 'node',
  localFiles: {
    readJournalBytes,
    appendJournalText,
    createJournal,
    realPathInside,
    writeNewFile,
    readFileBounded,
    writeNewFolder,
    join: (...parts) => path.join(...parts),
  },
  // Beside the services bundle in dist/ (this module is bundled into dist/services.js).
  journalWorkerFile: () => path.join(__dirname, 'journalWorker.js'),
  parseJournal: parseJournalOffThread,
  letterRendering: (extensionPath) => requireBundle<LetterRendering>(extensionPath, 'letterRendering.js'),
  templateCompiler: (extensionPath) => requireBundle<TemplateCompiler>(extensionPath, 'templateCompiler.js'),
  traditionalTableSources: (files) => files.map((file) => ({ name: file, read: () => JSON.parse(readFileSync(file, 'utf8')) as unknown })),
};

/** A bundle beside extension.js, loaded on first use so activation never pays for it. */
function requireBundle<T>(extensionPath: string, bundle: string): T {
  return require(path.join(extensionPath, 'dist', bundle)) as T;
}
