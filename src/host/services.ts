import * as path from 'node:path';
import * as vscode from 'vscode';
import { COMMAND_FACTORIES, type CommandHandler } from './commands';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { CooldownStatus } from './cooldownStatus';
import { DiagnosisPanel } from './diagnosisPanel';
import { LastReportStore } from './diagnosisPanelState';
import { JournalStore } from './journalStore';
import { LetterWriter, OwnTemplateRefusedError, showOwnTemplateRefusal, TemplateTooLargeError } from './letterWriter';
import { FailureReporter } from './log';
import { Session } from './session';
import { SettingsWarnings, showWithOpenSettings } from './settings';
import { RefusedPathError } from './folderBounds';
import { FormViewProvider } from './sidebar/formViewProvider';

/** Everything behind the commands and the view, built on first use (see extension.ts). */
export interface Services {
  session: Session;
  formView: FormViewProvider;
  /** Shows the last diagnosis in a diagnosis tab VS Code restored after a reload (or closes it). */
  restoreDiagnosisPanel(panel: vscode.WebviewPanel): Promise<void>;
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
  const warnings = new SettingsWarnings();
  const journal = new JournalStore(log, {
    // Beside this bundle in dist/: large journals are parsed there, off the extension host's thread.
    workerFile: path.join(__dirname, 'journalWorker.js'),
    warn: (key, message, setting) => warnings.once(key, message, setting),
  });
  const panel = new DiagnosisPanel(context.extensionUri);
  const lastReports = new LastReportStore(context.workspaceState, (message) => log.warn(message));
  const cooldown = new CooldownStatus();
  const session = new Session(log, journal, new LetterWriter(context, log), panel, lastReports, cooldown, warnings);
  const journalHistory = session.historyCache;
  const formView = new FormViewProvider(context.extensionUri, session, journalHistory);
  context.subscriptions.push(log, journal, panel, cooldown, session, formView);

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
  // An open diagnosis says what the journal holds now (an attempt just recorded, a copy removed).
  context.subscriptions.push(
    journalHistory.onDidChange(() => {
      if (!panel.isOpen) return;
      session.showLastDiagnosis({ reveal: false, preserveFocus: true }).catch((error: unknown) => log.warn('diagnosis refresh failed', String(error)));
    }),
  );

  return {
    session,
    formView,
    async restoreDiagnosisPanel(restored) {
      panel.adopt(restored);
      try {
        if (await session.showLastDiagnosis({ reveal: false, preserveFocus: true })) return;
      } catch (error) {
        failures.unexpected('restoring the diagnosis tab', error);
      }
      restored.dispose();
    },
    async run(name, argument) {
      try {
        return await handlers[name](argument);
      } catch (error) {
        // Expected: a journal, folder or template that leads outside the workspace folder.
        if (error instanceof RefusedPathError || error instanceof TemplateTooLargeError) {
          log.warn(`${COMMAND_IDS[name]}: ${error.message}`);
          showWithOpenSettings(error.message, error.setting);
          return undefined;
        }
        // Expected: the person's own template refused by the compiler or the renderer.
        if (error instanceof OwnTemplateRefusedError) {
          log.warn(`${COMMAND_IDS[name]}: ${error.message}`);
          showOwnTemplateRefusal(error);
          return undefined;
        }
        failures.unexpected(COMMAND_IDS[name], error);
        return undefined;
      }
    },
  };
}
