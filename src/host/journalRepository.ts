import type * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import type { DatedReport } from '../core/journal';
import type { Report } from '../core/report';
import type { FolderFile } from './folderBounds';
import type { JournalStore } from './journalStore';
import type { SettingsService } from './settingsService';
import { JournalHistoryCache } from './sidebar/journalHistoryCache';

/** What the journal cache reads through: the store, and where each folder's journal is. */
export interface JournalFiles {
  readonly journal: JournalStore;
  journalFile(folder: vscode.WorkspaceFolder): FolderFile;
}

/**
 * Each folder's failure journal, at its `cardDoctor.journalPath`: read through a cache shared by
 * the commands, the status bar and the form (read once per change, never awaited before a
 * command's first question), or afresh where a stale copy would mislead; written through the store.
 */
export class JournalRepository implements JournalFiles, vscode.Disposable {
  /** The cache itself, for the form, which peeks at it for a first render. */
  readonly cache: JournalHistoryCache;
  /** Fires when a journal that was read has changed (or the journal path did). */
  readonly onDidChange: vscode.Event<void>;

  constructor(
    readonly journal: JournalStore,
    private readonly settings: Pick<SettingsService, 'journalFile'>,
  ) {
    this.cache = new JournalHistoryCache(this);
    this.onDidChange = this.cache.onDidChange;
  }

  dispose(): void {
    this.cache.dispose();
  }

  /** The folder's journal, with the folder it must stay in. */
  journalFile(folder: vscode.WorkspaceFolder): FolderFile {
    return this.settings.journalFile(folder);
  }

  /** The folder's journal as reports, oldest first, from the cache; none without a folder. */
  history(folder: vscode.WorkspaceFolder | undefined): Promise<Report[]> {
    return this.cache.history(folder);
  }

  /** The folder's journal if the cache holds it already, else undefined (for a render that must not wait). */
  peek(folder: vscode.WorkspaceFolder | undefined): Report[] | undefined {
    return this.cache.peek(folder);
  }

  /** The folder's journal read now, past the cache. */
  readFresh(folder: vscode.WorkspaceFolder): Promise<Report[]> {
    return this.journal.history(this.journalFile(folder));
  }

  /** Appends one attempt (see `JournalStore.append` for what is refused). */
  append(folder: vscode.WorkspaceFolder, report: DatedReport, lang: Lang, now: Date): Promise<void> {
    return this.journal.append(this.journalFile(folder), report, lang, now);
  }

  /** Appends text core formatted for the journal (a bank answer; see `JournalStore.appendText`). */
  appendText(folder: vscode.WorkspaceFolder, text: string, lang: Lang): Promise<void> {
    return this.journal.appendText(this.journalFile(folder), text, lang);
  }

  /** Creates the journal with its header unless it exists, for opening it in an editor. */
  createForEditing(folder: vscode.WorkspaceFolder, lang: Lang): Promise<void> {
    return this.journal.create(this.journalFile(folder), lang, 'open');
  }
}
