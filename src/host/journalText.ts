import * as vscode from 'vscode';
import { asRefusal, isTooLarge, refuseLinksThroughWorkspaceFs, type FolderFile } from './folderBounds';
import type { HostPort } from './hostPort';
import { JOURNAL_READ_LIMIT_BYTES } from './journalStore';
import { openDocument } from './workspaceTarget';

/** The journal's text is over {@link JOURNAL_READ_LIMIT_BYTES}: not read. */
export class JournalTooLargeError extends Error {
  constructor(readonly file: FolderFile) {
    super(
      vscode.l10n.t(
        '{0} is larger than {1} MB, so Card Doctor did not read it and nothing was written.',
        vscode.workspace.asRelativePath(file.uri, false),
        JOURNAL_READ_LIMIT_BYTES / (1024 * 1024),
      ),
    );
    this.name = 'JournalTooLargeError';
  }

  /** The setting that names the journal, for "Open Settings". */
  get setting(): string {
    return this.file.setting;
  }
}

/**
 * The journal's whole text, for what reads more than its attempts (the bank's answers, kept in
 * machine lines of their own): the open editor's text when it has unsaved edits (those count, as
 * for the journal store), else the file's; undefined when there is none. Refused like every read
 * of the journal: a journal leading outside the workspace folder (`RefusedPathError`), one over
 * {@link JOURNAL_READ_LIMIT_BYTES} ({@link JournalTooLargeError}).
 */
export async function readJournalText(file: FolderFile, port: Pick<HostPort, 'localFiles'>): Promise<string | undefined> {
  const document = openDocument(file.uri);
  const local = file.uri.scheme === 'file' ? port.localFiles : undefined;
  if (document?.isDirty) {
    // An editor on a linked file shows what is outside the folder.
    if (local) await local.realPathInside(file.folder.fsPath, file.uri.fsPath).catch((error: unknown) => Promise.reject(asRefusal(error, file, 'read')));
    else await refuseLinksThroughWorkspaceFs(file, 'read');
    const text = document.getText();
    if (text.length > JOURNAL_READ_LIMIT_BYTES) throw new JournalTooLargeError(file);
    return text;
  }
  let bytes: Uint8Array | undefined;
  if (local) {
    try {
      bytes = await local.readJournalBytes(file.uri.fsPath, { within: file.folder.fsPath, maxBytes: JOURNAL_READ_LIMIT_BYTES });
    } catch (error) {
      if (isTooLarge(error)) throw new JournalTooLargeError(file);
      throw asRefusal(error, file, 'read');
    }
  } else {
    await refuseLinksThroughWorkspaceFs(file, 'read');
    try {
      if ((await vscode.workspace.fs.stat(file.uri)).size > JOURNAL_READ_LIMIT_BYTES) throw new JournalTooLargeError(file);
      bytes = await vscode.workspace.fs.readFile(file.uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }
  return bytes && new TextDecoder().decode(bytes);
}
