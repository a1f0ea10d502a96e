import * as vscode from 'vscode';
import type { Report } from '../../core/report';
import type { JournalFiles } from '../journalRepository';

/**
 * The journal's attempts, read once per journal and kept until the journal changes, so the form
 * can re-diagnose on every keystroke without reading the file. A change is any of: the extension
 * appended an entry (`JournalStore.onDidChange`), the file changed on disk (another window, the
 * CLI, the person), or its open document was edited (reading prefers unsaved text).
 */
export class JournalHistoryCache implements vscode.Disposable {
  private readonly entries = new Map<string, Promise<Report[]>>();
  /** What each of those promises gave, once it has. */
  private readonly settled = new WeakMap<Promise<Report[]>, Report[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a journal that was read has changed, so what was shown from it may be stale. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly session: JournalFiles) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    // A deleted folder is reported as itself, not as each file in it.
    const deletions = vscode.workspace.createFileSystemWatcher('**', true, true, false);
    const invalidate = (uri: vscode.Uri) => this.invalidate(uri);
    this.disposables.push(
      this.changed,
      watcher,
      deletions,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      deletions.onDidDelete((uri) => this.invalidateUnder(uri)),
      session.journal.onDidChange(invalidate),
      vscode.workspace.onDidChangeTextDocument((event) => this.invalidate(event.document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => this.invalidate(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Another journal path: the cache is keyed by path, but whoever showed the old one must refresh.
        if (event.affectsConfiguration('cardDoctor.journalPath')) this.changed.fire();
      }),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.entries.clear();
  }

  /** The folder's journal as reports, oldest first; an empty list without a folder. */
  history(folder: vscode.WorkspaceFolder | undefined): Promise<Report[]> {
    if (!folder) return Promise.resolve([]);
    const file = this.session.journalFile(folder);
    const key = file.uri.toString();
    let entry = this.entries.get(key);
    if (!entry) {
      const reading = this.session.journal.history(file);
      entry = reading;
      this.entries.set(key, reading);
      reading.then((reports) => this.settled.set(reading, reports), () => undefined);
      // A failed read is not remembered: the next keystroke tries again.
      entry.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
    return entry;
  }

  /**
   * The folder's journal if it has been read already (and has not changed since), else undefined:
   * for a first render that must not wait for a read.
   */
  peek(folder: vscode.WorkspaceFolder | undefined): Report[] | undefined {
    if (!folder) return [];
    const entry = this.entries.get(this.session.journalFile(folder).uri.toString());
    return entry && this.settled.get(entry);
  }

  private invalidate(uri: vscode.Uri): void {
    if (this.entries.delete(uri.toString())) this.changed.fire();
  }

  /** Forgets every journal at or inside `uri`. */
  private invalidateUnder(uri: vscode.Uri): void {
    const prefix = `${uri.toString()}/`;
    const stale = [...this.entries.keys()].filter((key) => key === uri.toString() || key.startsWith(prefix));
    for (const key of stale) this.entries.delete(key);
    if (stale.length > 0) this.changed.fire();
  }
}
