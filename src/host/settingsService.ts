import * as vscode from 'vscode';
import type { FolderFile } from './folderBounds';
import type { Notifier } from './notifier';
import { readSettings, settingProblemMessage, type Settings } from './settings';
import { uriInFolder } from './workspaceTarget';

/**
 * The settings per folder, read and validated once and kept until a `cardDoctor.*` setting
 * changes, so the form can re-diagnose on every keystroke without re-reading them. An invalid
 * value is replaced by package.json's default and warned about once per window, with its name
 * and "Open Settings".
 *
 * Build it before anything else that listens to `onDidChangeConfiguration` and then reads
 * settings: VS Code calls listeners in the order they subscribed, so this cache is emptied first.
 */
export class SettingsService implements vscode.Disposable {
  private readonly cache = new Map<string, Settings>();
  private readonly subscription: vscode.Disposable;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after a `cardDoctor.*` setting changed (the cache is already empty then). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly notifier: Pick<Notifier, 'once'>) {
    this.subscription = vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('cardDoctor')) return;
      this.cache.clear();
      this.changed.fire();
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
    this.cache.clear();
  }

  /** The settings for a folder (or the window's, without one). */
  get(folder: vscode.WorkspaceFolder | undefined): Settings {
    const key = folder?.uri.toString() ?? '';
    const cached = this.cache.get(key);
    if (cached) return cached;
    const { settings, problems } = readSettings(folder?.uri);
    for (const problem of problems) this.notifier.once(`${problem.key}: ${problem.message}`, settingProblemMessage(problem), problem.key);
    this.cache.set(key, settings);
    return settings;
  }

  /** The folder's journal, with the folder it must stay in. */
  journalFile(folder: vscode.WorkspaceFolder): FolderFile {
    return { folder: folder.uri, uri: uriInFolder(folder, this.get(folder).journalPath), setting: 'cardDoctor.journalPath' };
  }
}
