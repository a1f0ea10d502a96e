import * as vscode from 'vscode';
import { COMMAND_FACTORIES, type CommandHandler, type CommandServices } from './commands';
import { COMMAND_IDS, type CommandName } from './commandIds';
import { CooldownStatus } from './cooldownStatus';
import { currentPort } from './currentPort';
import { DiagnosisPanel } from './diagnosisPanel';
import { LastReportStore } from './diagnosisPanelState';
import { DiagnosisPresenter } from './diagnosisPresenter';
import { JournalRepository } from './journalRepository';
import { JournalStore } from './journalStore';
import { JournalTooLargeError } from './journalText';
import { DiagnoseTool } from './languageModelTool/diagnoseTool';
import { JournalDocuments } from './journalDocument/journalDocuments';
import { onTraditionalTableProblem } from './language';
import { LetterWriter, OwnTemplateRefusedError, showOwnTemplateRefusal, TemplateTooLargeError } from './letterWriter';
import { Notifier } from './notifier';
import { ReportSource } from './reportSource';
import { SettingsService } from './settingsService';
import { RefusedPathError } from './folderBounds';
import { FormViewProvider } from './sidebar/formViewProvider';
import { readingFolder } from './workspaceTarget';
import { redactingLog } from './redactingLog';
import { redactSecrets } from '../core/redact';

/** Everything behind the commands and the view, built on first use (see activation.ts). */
export interface Services {
  /** What the extension's own tests look at: the diagnosis tab and the status bar's cooldown. */
  session: { readonly panel: DiagnosisPanel; readonly cooldown: CooldownStatus };
  formView: FormViewProvider;
  /** Shows the last diagnosis in a diagnosis tab VS Code restored after a reload (or closes it). */
  restoreDiagnosisPanel(panel: vscode.WebviewPanel): Promise<void>;
  /** Runs a command; unexpected failures are reported with "Show Log" and give undefined. */
  run(name: CommandName, argument?: unknown): Promise<unknown>;
  /** The language-model tool `card-doctor_diagnose` (registered by activation.ts where the host has `vscode.lm`). */
  languageModelTool: DiagnoseTool;
}

/** What `createServices` may be given instead of the real thing: for unit tests. */
export interface ServiceOptions {
  clock?: () => Date;
  /** Where journalWorker.js is (beside this bundle in dist/ by default). */
  workerFile?: string;
  letters?: CommandServices['letters'];
}

/**
 * Builds the services and the first cooldown refresh. Every disposable goes
 * to the extension's subscriptions.
 */
export function createServices(context: vscode.ExtensionContext, options: ServiceOptions = {}): Services {
  const clock = options.clock ?? (() => new Date());
  const log = redactingLog(vscode.window.createOutputChannel('Card Doctor', { log: true }));
  // Why a Traditional Chinese UI reads Simplified, if core's table cannot be loaded.
  onTraditionalTableProblem((problem) => log.warn(problem));
  const notifier = new Notifier(log, redactSecrets);
  // First: its configuration listener must empty its cache before the journal's reads the new path.
  const settings = new SettingsService(notifier);
  const store = new JournalStore(log, {
    // Beside this bundle in dist/: large journals are parsed there, off the extension host's thread
    // (none in the browser: parsed in place).
    workerFile: options.workerFile ?? currentPort.journalWorkerFile(),
    warn: (key, message, setting) => notifier.once(key, message, setting),
  });
  const journal = new JournalRepository(store, settings);
  const panel = new DiagnosisPanel(context.extensionUri);
  const reports = new ReportSource(new LastReportStore(context.workspaceState, (message) => log.warn(message)), journal, notifier, clock);
  const diagnoses = new DiagnosisPresenter(panel, reports, journal, readingFolder, clock);
  const cooldown = new CooldownStatus(clock, log);
  const formView = new FormViewProvider(context.extensionUri, { log, readingFolder, clock }, journal.cache);
  context.subscriptions.push(log, settings, store, journal, panel, cooldown, formView);
  // The journal as a document: Problems, lenses, hover, folds and outline on an open journal (nothing for other files).
  context.subscriptions.push(new JournalDocuments(settings));

  const services: CommandServices = {
    settings,
    journal,
    reports,
    diagnoses,
    letters: options.letters ?? new LetterWriter(context, log),
    panel,
    cooldown,
    notifier,
    readingFolder,
    clock,
  };
  const handlers = Object.fromEntries(
    (Object.keys(COMMAND_IDS) as CommandName[]).map((name) => [name, COMMAND_FACTORIES[name](services)]),
  ) as Record<CommandName, CommandHandler>;

  // The cooldown follows the journal, whoever writes it (this window, the CLI, the person): the
  // form's journal cache already watches for every such change, so both read it once.
  const refresh = () => {
    journal.history(readingFolder()).then(
      (history) => cooldown.showFrom(history),
      (error: unknown) => log.warn('cooldown refresh failed', String(error)),
    );
  };
  context.subscriptions.push(journal.onDidChange(refresh));
  refresh();
  // An open diagnosis says what the journal holds now (an attempt just recorded, a copy removed).
  context.subscriptions.push(
    journal.onDidChange(() => {
      if (!panel.isOpen) return;
      diagnoses.showLast({ reveal: false, preserveFocus: true }).catch((error: unknown) => log.warn('diagnosis refresh failed', String(error)));
    }),
  );
  // Its writing actions run the commands as the palette does, through `run` and its error handling.
  const languageModelTool = new DiagnoseTool({
    journal,
    settings,
    readingFolder,
    clock,
    log,
    runCommand: (name, argument) => vscode.commands.executeCommand(COMMAND_IDS[name], argument),
  });

  return {
    session: { panel, cooldown },
    formView,
    languageModelTool,
    async restoreDiagnosisPanel(restored) {
      panel.adopt(restored);
      try {
        if (await diagnoses.showLast({ reveal: false, preserveFocus: true })) return;
      } catch (error) {
        notifier.unexpected('restoring the diagnosis tab', error);
      }
      restored.dispose();
    },
    async run(name, argument) {
      try {
        return await handlers[name](argument);
      } catch (error) {
        // Expected: a journal, folder or template that leads outside the workspace folder, or is too large.
        if (error instanceof RefusedPathError || error instanceof TemplateTooLargeError || error instanceof JournalTooLargeError) {
          log.warn(`${COMMAND_IDS[name]}: ${error.message}`);
          notifier.withOpenSettings(error.message, error.setting);
          return undefined;
        }
        // Expected: the person's own template refused by the compiler or the renderer.
        if (error instanceof OwnTemplateRefusedError) {
          log.warn(`${COMMAND_IDS[name]}: ${error.message}`);
          showOwnTemplateRefusal(error);
          return undefined;
        }
        notifier.unexpected(COMMAND_IDS[name], error);
        return undefined;
      }
    },
  };
}
