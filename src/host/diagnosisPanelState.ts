import type * as vscode from 'vscode';
import { parseReport, type Report } from '../core/report';

/** The workspaceState key of the last diagnosed report. */
export const LAST_REPORT_KEY = 'cardDoctor.lastDiagnosedReport';

/**
 * The report of the last diagnosis in this workspace, kept in `workspaceState` so "Show last
 * diagnosis" and a restored diagnosis tab work after a reload. It goes through the report
 * schema both ways: on the way in, because that is where free text has its card numbers, CVCs
 * and one-time codes masked; on the way out, because the stored value is read back as untrusted.
 */
export class LastReportStore {
  constructor(
    private readonly state: vscode.Memento,
    private readonly warn: (message: string) => void,
  ) {}

  /** The stored report, validated; undefined when there is none or it no longer validates. */
  get(): Report | undefined {
    const stored = this.state.get<unknown>(LAST_REPORT_KEY);
    if (stored === undefined) return undefined;
    const parsed = parseReport(stored);
    if (parsed.ok) return parsed.report;
    this.warn(`last diagnosis: the stored report is not valid and was dropped (${parsed.errors.map((error) => error.path).join(', ')})`);
    this.state.update(LAST_REPORT_KEY, undefined).then(undefined, (error: unknown) => this.warn(`last diagnosis: could not drop the stored report (${String(error)})`));
    return undefined;
  }

  /** Keeps the report, cleaned by the schema again whatever its origin. */
  async set(report: Report): Promise<void> {
    const parsed = parseReport(report);
    await this.state.update(LAST_REPORT_KEY, parsed.ok ? parsed.report : undefined);
  }
}
