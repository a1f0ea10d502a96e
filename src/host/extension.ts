import * as vscode from 'vscode';
import { COMMAND_FACTORIES } from './commands';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { CooldownStatus } from './cooldownStatus';
import { DiagnosisDocuments } from './diagnosisDocument';
import { JournalStore } from './journalStore';
import { LetterWriter } from './letterWriter';
import { FailureReporter } from './log';
import { Session } from './session';
import { SettingsWarnings } from './settings';
import { FormViewProvider } from './sidebar/formViewProvider';

/** What `activate` hands back: the session, for the extension's own tests. */
export interface CardDoctorApi {
  session: Session;
}

/** Wires the services and commands; does no work of its own. */
export function activate(context: vscode.ExtensionContext): CardDoctorApi {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
  const failures = new FailureReporter(log);
  const journal = new JournalStore(log);
  const documents = new DiagnosisDocuments();
  const cooldown = new CooldownStatus();
  const session = new Session(log, journal, new LetterWriter(context, log), documents, cooldown, new SettingsWarnings());
  context.subscriptions.push(log, journal, documents, cooldown);

  for (const name of Object.keys(COMMAND_IDS) as CommandName[]) {
    const handler = COMMAND_FACTORIES[name](session);
    context.subscriptions.push(
      vscode.commands.registerCommand(COMMAND_IDS[name], async (argument?: unknown) => {
        try {
          return await handler(argument);
        } catch (error) {
          failures.unexpected(COMMAND_IDS[name], error);
          return undefined;
        }
      }),
    );
  }

  const formView = new FormViewProvider(context.extensionUri, session);
  context.subscriptions.push(formView, vscode.window.registerWebviewViewProvider(FormViewProvider.viewType, formView));

  // The cooldown follows the journal, whoever writes it (this window, the CLI, the person).
  const refresh = () => void session.refreshCooldown(session.readingFolder()).catch((error: unknown) => log.warn('cooldown refresh failed', String(error)));
  // A journal written, created or deleted, or a folder holding it deleted, changes the cooldown.
  const refreshIfJournal = (uri: vscode.Uri) => {
    log.trace(`file event: ${uri.toString()}`);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return;
    const journal = session.journalUri(folder).path;
    if (journal === uri.path || journal.startsWith(`${uri.path}/`)) refresh();
  };
  const journalWatcher = vscode.workspace.createFileSystemWatcher('**/*.md');
  const deletionWatcher = vscode.workspace.createFileSystemWatcher('**', true, true, false);
  context.subscriptions.push(
    journalWatcher,
    deletionWatcher,
    journalWatcher.onDidChange(refreshIfJournal),
    journalWatcher.onDidCreate(refreshIfJournal),
    deletionWatcher.onDidDelete(refreshIfJournal),
    journal.onDidChange(refresh),
  );
  // After activation, not during it: reading the journal is I/O.
  setTimeout(refresh, 0);
  return { session };
}

export function deactivate(): void {}
