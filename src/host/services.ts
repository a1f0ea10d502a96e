import * as vscode from 'vscode';
import { COMMAND_FACTORIES, type CommandHandler } from './commands';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { CooldownStatus } from './cooldownStatus';
import { DiagnosisDocuments } from './diagnosisDocument';
import { JournalStore } from './journalStore';
import { LetterWriter } from './letterWriter';
import { FailureReporter } from './log';
import { Session } from './session';
import { SettingsWarnings } from './settings';
import { FormViewProvider } from './sidebar/formViewProvider';
import { JournalHistoryCache } from './sidebar/journalHistoryCache';

/** Everything behind the commands and the view, built on first use (see extension.ts). */
export interface Services {
  session: Session;
  formView: FormViewProvider;
  /** Runs a command; unexpected failures are reported with "Show Log" and give undefined. */
  run(name: CommandName, argument?: unknown): Promise<unknown>;
}

/**
 * Builds the services and the first cooldown refresh. Every disposable goes
 * to the extension's subscriptions.
 */
export function createServices(context: vscode.ExtensionContext): Services {
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true });
  const failures = new FailureReporter(log);
  const journal = new JournalStore(log);
  const documents = new DiagnosisDocuments();
  const cooldown = new CooldownStatus();
  const session = new Session(log, journal, new LetterWriter(context, log), documents, cooldown, new SettingsWarnings());
  const journalHistory = new JournalHistoryCache(session);
  const formView = new FormViewProvider(context.extensionUri, session, journalHistory);
  context.subscriptions.push(log, journal, documents, cooldown, journalHistory, formView);

  const handlers = Object.fromEntries(
    (Object.keys(COMMAND_IDS) as CommandName[]).map((name) => [name, COMMAND_FACTORIES[name](session)]),
  ) as Record<CommandName, CommandHandler>;

  // The cooldown follows the journal, whoever writes it (this window, the CLI, the person): the
  // form's journal cache already watches for every such change, so both read it once.
  const refresh = () => {
    journalHistory.history(session.readingFolder()).then(
      (history) => session.showCooldownFrom(history),
      (error: unknown) => log.warn('cooldown refresh failed', String(error)),
    );
  };
  context.subscriptions.push(journalHistory.onDidChange(refresh));
  refresh();

  return {
    session,
    formView,
    async run(name, argument) {
      try {
        return await handlers[name](argument);
      } catch (error) {
        failures.unexpected(COMMAND_IDS[name], error);
        return undefined;
      }
    },
  };
}
