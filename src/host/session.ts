import * as vscode from 'vscode';
import { diagnose, type Diagnosis } from '../core/diagnose';
import { viewDiagnosis } from '../core/diagnosisView';
import { localizeFieldMessage } from '../core/fieldMessages';
import type { DatedReport } from '../core/journal';
import { parseReport, type Report } from '../core/report';
import type { CooldownStatus } from './cooldownStatus';
import type { DiagnosisPanel, ShowOptions } from './diagnosisPanel';
import type { LastReportStore } from './diagnosisPanelState';
import type { JournalStore } from './journalStore';
import { uiLang } from './language';
import type { LetterWriter } from './letterWriter';
import { readSettings, SettingsWarnings, type Settings } from './settings';
import type { FolderFile } from './folderBounds';
import { JournalHistoryCache } from './sidebar/journalHistoryCache';
import { localIsoTime, offsetOf } from '../core/localTime';
import { runDiagnoseWizard } from './wizard/diagnoseWizard';
import { uriInFolder } from './workspaceTarget';

/**
 * What the commands share: the services built in `activate`, and the report of the latest
 * diagnosis in this workspace (so "Generate appeal" right after a diagnosis needs no questions,
 * and the diagnosis tab can be shown again, after a reload too).
 */
export class Session implements vscode.Disposable {
  /** This window's copy of what `lastReports` keeps; read from there after a reload. */
  private latest: Report | undefined;
  /**
   * Every journal read goes through here: read once per change, shared by the commands, the
   * status bar and the form, and never awaited before a command's first question.
   */
  readonly historyCache: JournalHistoryCache;

  constructor(
    readonly log: vscode.LogOutputChannel,
    readonly journal: JournalStore,
    readonly letters: LetterWriter,
    readonly panel: DiagnosisPanel,
    private readonly lastReports: LastReportStore,
    readonly cooldown: CooldownStatus,
    private readonly warnings: SettingsWarnings,
    readonly clock: () => Date = () => new Date(),
  ) {
    this.historyCache = new JournalHistoryCache(this);
  }

  dispose(): void {
    this.historyCache.dispose();
  }

  /** Settings for a folder; invalid values are warned about once and replaced by defaults. */
  settings(folder: vscode.WorkspaceFolder | undefined): Settings {
    const { settings, problems } = readSettings(folder?.uri);
    this.warnings.warn(problems);
    return settings;
  }

  journalUri(folder: vscode.WorkspaceFolder): vscode.Uri {
    return this.journalFile(folder).uri;
  }

  /** The folder's journal, with the folder it must stay in. */
  journalFile(folder: vscode.WorkspaceFolder): FolderFile {
    return { folder: folder.uri, uri: uriInFolder(folder, this.settings(folder).journalPath), setting: 'cardDoctor.journalPath' };
  }

  /** The folder to read history from without asking: the active editor's, else the first. */
  readingFolder(): vscode.WorkspaceFolder | undefined {
    const active = vscode.window.activeTextEditor?.document.uri;
    return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
  }

  /** The folder's journal as reports, oldest first (none without a folder). */
  history(folder: vscode.WorkspaceFolder | undefined): Promise<Report[]> {
    return this.historyCache.history(folder);
  }

  /**
   * The report a command works on: its argument (validated; an invalid one is reported field
   * by field and nothing happens), else the latest diagnosis, else the latest journal entry,
   * else the wizard. Undefined when there is none or the person cancelled.
   */
  async reportFor(argument: unknown, folder: vscode.WorkspaceFolder | undefined, options: { ask: boolean }): Promise<Report | undefined> {
    // A Uri is what a menu passes (the diagnosis tab's title bar): the command works on the last report.
    if (argument !== undefined && !(argument instanceof vscode.Uri)) return this.validated(argument);
    const last = this.lastReport;
    if (last) return last;
    const history = this.history(folder);
    if (!options.ask) {
      const reports = await history;
      if (reports.length > 0) return reports[reports.length - 1];
    }
    return this.askForReport(history);
  }

  /**
   * Runs the wizard, prefilled from the latest journal entry. The journal may still be being
   * read: the first question does not wait for it.
   */
  async askForReport(history: Promise<readonly Report[]>): Promise<Report | undefined> {
    const latest = history.then((reports) => reports[reports.length - 1]);
    const report = await runDiagnoseWizard(latest, uiLang(), this.clock());
    if (!report) return undefined;
    const dated = this.dated(report);
    await this.remember(dated);
    return dated;
  }

  validated(argument: unknown): Report | undefined {
    const result = parseReport(argument);
    if (result.ok) return result.report;
    const lang = uiLang();
    const details = result.errors.map((error) => `${error.path}: ${localizeFieldMessage(error.message, lang)}`).join('; ');
    void vscode.window.showErrorMessage(vscode.l10n.t('The report is not valid, so nothing was done. {0}', details));
    return undefined;
  }

  /** The report of the latest diagnosis (or wizard), kept across reloads; undefined before any. */
  get lastReport(): Report | undefined {
    this.latest ??= this.lastReports.get();
    return this.latest;
  }

  /** Makes the report the one later commands and the diagnosis tab work on, and keeps it (masked). */
  async remember(report: Report): Promise<void> {
    this.latest = report;
    await this.lastReports.set(report);
  }

  /**
   * Diagnoses the report against the journal as it is now and shows it in the diagnosis tab.
   * The status bar is left alone: it follows the journal, and a diagnosis adds nothing to it.
   */
  async showDiagnosis(report: Report, history: readonly Report[], options: ShowOptions): Promise<Diagnosis> {
    const now = this.clock();
    const diagnosis = diagnose(report, history, now);
    this.panel.show(viewDiagnosis(diagnosis, uiLang(), now), uiLang(), options);
    return diagnosis;
  }

  /** The last report diagnosed again and shown; undefined when there has been no diagnosis. */
  async showLastDiagnosis(options: ShowOptions): Promise<Diagnosis | undefined> {
    const report = this.lastReport;
    if (!report) return undefined;
    return this.showDiagnosis(report, await this.history(this.readingFolder()), options);
  }

  /** The report with a time: its own, or now in the machine's offset. */
  dated(report: Report): DatedReport {
    return { ...report, occurredAt: report.occurredAt ?? localIsoTime(this.clock()) };
  }

  /** Recomputes the status bar cooldown from a folder's journal. */
  async refreshCooldown(folder: vscode.WorkspaceFolder | undefined): Promise<void> {
    this.showCooldownFrom(await this.history(folder));
  }

  /**
   * Shows the wait a journal's attempts call for, or none. Only the journal counts: its latest
   * entry is diagnosed against the journal that holds it, so nothing is counted twice.
   */
  showCooldownFrom(history: readonly Report[]): void {
    const latest = history[history.length - 1];
    const cooldown = latest ? diagnose(latest, history, this.clock()).cooldown : null;
    this.log.debug(`cooldown: ${cooldown ? `until ${cooldown.until} (${cooldown.reason})` : 'none'}, from ${history.length} journal entries`);
    // The time is shown in the offset of the attempt it counts from, as the diagnosis shows it.
    this.cooldown.update(cooldown, latest?.occurredAt ? offsetOf(latest.occurredAt) : 0);
  }
}
