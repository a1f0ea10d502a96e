import type * as vscode from 'vscode';
import { diagnose, type Diagnosis } from '../core/diagnose';
import { viewDiagnosis } from '../core/diagnosisView';
import type { Report } from '../core/report';
import type { DiagnosisPanel, ShowOptions } from './diagnosisPanel';
import type { JournalRepository } from './journalRepository';
import { uiLang } from './language';
import type { ReportSource } from './reportSource';

/**
 * Diagnoses a report against the journal as it is now and shows it in the diagnosis tab. The
 * status bar is left alone: it follows the journal, and a diagnosis adds nothing to it.
 */
export class DiagnosisPresenter {
  constructor(
    private readonly panel: Pick<DiagnosisPanel, 'show'>,
    private readonly reports: Pick<ReportSource, 'last'>,
    private readonly journal: Pick<JournalRepository, 'history'>,
    private readonly readingFolder: () => vscode.WorkspaceFolder | undefined,
    private readonly clock: () => Date,
  ) {}

  show(report: Report, history: readonly Report[], options: ShowOptions): Diagnosis {
    const now = this.clock();
    const diagnosis = diagnose(report, history, now);
    this.panel.show(viewDiagnosis(diagnosis, uiLang(), now), uiLang(), options);
    return diagnosis;
  }

  /** The last report diagnosed again and shown; undefined when there has been no diagnosis. */
  async showLast(options: ShowOptions): Promise<Diagnosis | undefined> {
    const report = this.reports.last;
    if (!report) return undefined;
    return this.show(report, await this.journal.history(this.readingFolder()), options);
  }
}
