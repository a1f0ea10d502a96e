import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { localizeFieldMessage } from '../core/fieldMessages';
import type { DatedReport } from '../core/journal';
import { localIsoTime } from '../core/localTime';
import { parseReport, type Report } from '../core/report';
import type { LastReportStore } from './diagnosisPanelState';
import type { JournalRepository } from './journalRepository';
import { uiLang } from './language';
import type { Notifier } from './notifier';
import { runDiagnoseWizard } from './wizard/diagnoseWizard';

/** The wizard: asks for a report, prefilled from `latest`; undefined when the person cancels. */
export type Wizard = (latest: Promise<Report | undefined>, lang: Lang, now: Date) => Promise<Report | undefined>;

/**
 * Where the report a command works on comes from: the one it was given (by the form or another
 * extension, validated), the latest diagnosis in this workspace (kept across reloads, so
 * "Generate appeal" right after a diagnosis needs no questions), or the wizard.
 */
export class ReportSource {
  /** This window's copy of what `lastReports` keeps; read from there after a reload. */
  private latest: Report | undefined;

  constructor(
    private readonly lastReports: LastReportStore,
    private readonly journal: Pick<JournalRepository, 'history'>,
    private readonly notifier: Pick<Notifier, 'error'>,
    private readonly clock: () => Date,
    private readonly wizard: Wizard = runDiagnoseWizard,
  ) {}

  /** The report of the latest diagnosis (or wizard), kept across reloads; undefined before any. */
  get last(): Report | undefined {
    this.latest ??= this.lastReports.get();
    return this.latest;
  }

  /** Makes the report the one later commands and the diagnosis tab work on, and keeps it (masked). */
  async remember(report: Report): Promise<void> {
    this.latest = report;
    await this.lastReports.set(report);
  }

  /**
   * The report a command works on: its argument (validated; an invalid one is reported field
   * by field and nothing happens), else the latest diagnosis, else the wizard, prefilled from the
   * folder's journal. Undefined when there is none or the person cancelled.
   */
  async reportFor(argument: unknown, folder: vscode.WorkspaceFolder | undefined): Promise<Report | undefined> {
    // A Uri is what a menu passes (the diagnosis tab's title bar): the command works on the last report.
    if (argument !== undefined && !(argument instanceof vscode.Uri)) return this.validated(argument);
    return this.last ?? this.ask(this.journal.history(folder));
  }

  /**
   * Runs the wizard, prefilled from the latest journal entry, and keeps its answer dated. The
   * journal may still be being read: the first question does not wait for it.
   */
  async ask(history: Promise<readonly Report[]>): Promise<DatedReport | undefined> {
    const latest = history.then((reports) => reports[reports.length - 1]);
    const report = await this.wizard(latest, uiLang(), this.clock());
    if (!report) return undefined;
    const dated = this.dated(report);
    await this.remember(dated);
    return dated;
  }

  /** The argument as a report, or undefined after telling the person, field by field, what is wrong. */
  validated(argument: unknown): Report | undefined {
    const result = parseReport(argument);
    if (result.ok) return result.report;
    const lang = uiLang();
    const details = result.errors.map((error) => `${error.path}: ${localizeFieldMessage(error.message, lang)}`).join('; ');
    this.notifier.error(vscode.l10n.t('The report is not valid, so nothing was done. {0}', details));
    return undefined;
  }

  /** The report with a time: its own, or now in the machine's offset. */
  dated(report: Report): DatedReport {
    return { ...report, occurredAt: report.occurredAt ?? localIsoTime(this.clock()) };
  }
}
