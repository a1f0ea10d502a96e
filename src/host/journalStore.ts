import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { journalEntryToWrite, journalHeader, journalReports, parseJournal, parseJournalBytes, type DatedReport, type ParsedJournal } from '../core/journal';
import type { Report } from '../core/report';
import { appendJournalText } from '../node/journalFile';
import { exists, openDocument } from './workspaceTarget';

/** The journal is open with unsaved edits and the edit could not be applied: nothing was written. */
export class JournalBusyError extends Error {}

/**
 * The failure journal in the workspace. A journal open with unsaved edits is the one that
 * counts: reading takes its text, and an entry goes into it as an edit, left unsaved like the
 * person's own. Otherwise the file is read (through `workspace.fs`) and written; an editor
 * showing it reloads by itself.
 * (A document VS Code still caches after its editor closed is not trusted: it can be stale.)
 * A local journal is appended to in place, as the CLI does (`src/node/journalFile.ts`); in a
 * remote or virtual folder, where only `workspace.fs` reaches, the old bytes are kept as they are
 * and written with the entry to a temporary file renamed over the journal.
 */
export class JournalStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after the extension wrote to a journal. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    this.changed.dispose();
  }

  /** The parsed journal; a missing file is an empty journal. Damaged entries are logged with their line numbers. */
  async read(uri: vscode.Uri): Promise<ParsedJournal> {
    const journal = await this.readParsed(uri);
    for (const problem of journal.problems) this.log.warn(`${uri.fsPath || uri.toString()}:${problem.line}: ${problem.message}`);
    return journal;
  }

  /** The journal's attempts as reports, oldest first. */
  async history(uri: vscode.Uri): Promise<Report[]> {
    return journalReports(await this.read(uri));
  }

  /** Appends one entry; creates the file (with its folder and header) when there is none. */
  async append(uri: vscode.Uri, report: DatedReport, lang: Lang, now: Date): Promise<void> {
    // The schema already redacted every field; this is the last guard before a file.
    const entry = journalEntryToWrite(report, lang, now);
    const document = openDocument(uri);
    if (document?.isDirty) await this.appendToDocument(document, entry);
    // A local file gets the CLI's appender: one O_APPEND write, safe beside a CLI appending at the
    // same moment, and as quick on a long journal as on a short one.
    else if (uri.scheme === 'file') await appendJournalText(uri.fsPath, entry, lang);
    else await this.appendToFile(uri, entry, lang);
    this.log.info(`journal: added the attempt of ${report.occurredAt} to ${uri.toString()}`);
    this.changed.fire(uri);
  }

  private async readParsed(uri: vscode.Uri): Promise<ParsedJournal> {
    const document = openDocument(uri);
    if (document?.isDirty) return parseJournal(document.getText());
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return { entries: [], problems: [] };
      throw error;
    }
    // The file's bytes as they are: only its machine lines need decoding.
    return parseJournalBytes(bytes);
  }

  private async appendToDocument(document: vscode.TextDocument, entry: string): Promise<void> {
    const text = document.getText();
    const end = document.positionAt(text.length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, end, (text.length === 0 || text.endsWith('\n') ? '' : '\n') + entry);
    // Not saved: the person's own unsaved edits stay theirs to save or discard.
    if (!(await vscode.workspace.applyEdit(edit))) throw new JournalBusyError('the open journal did not accept the edit');
  }

  private async appendToFile(uri: vscode.Uri, entry: string, lang: Lang): Promise<void> {
    const encoder = new TextEncoder();
    let old: Uint8Array;
    if (await exists(uri)) {
      old = await vscode.workspace.fs.readFile(uri);
    } else {
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
      old = encoder.encode(journalHeader(lang));
    }
    const needsNewline = old.length > 0 && old[old.length - 1] !== 0x0a;
    const addition = encoder.encode((needsNewline ? '\n' : '') + entry);
    const bytes = new Uint8Array(old.length + addition.length);
    bytes.set(old, 0);
    bytes.set(addition, old.length);
    // A rename replaces the journal in one step: an interrupted write leaves the old file whole.
    const temporary = uri.with({ path: `${uri.path}.${Date.now().toString(36)}.tmp` });
    await vscode.workspace.fs.writeFile(temporary, bytes);
    try {
      await vscode.workspace.fs.rename(temporary, uri, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temporary).then(undefined, () => undefined);
      throw error;
    }
  }
}
