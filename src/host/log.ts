import * as vscode from 'vscode';

/**
 * Unexpected failures: the details go to the log, the person gets one line with "Show Log".
 * Expected ones (no folder, a file that exists) are handled where they happen.
 */
export class FailureReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  unexpected(what: string, error: unknown): void {
    this.report(what, vscode.l10n.t('Card Doctor: {0} failed: {1}', what, error instanceof Error ? error.message : String(error)), error);
  }

  /** Logs `error` under `what` and shows the person `message` (already in their language) with "Show Log". */
  report(what: string, message: string, error: unknown): void {
    this.log.error(`${what}:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    const showLog = vscode.l10n.t('Show Log');
    // Not awaited: the caller has reported and moves on; the only work left is the button.
    void vscode.window.showErrorMessage(message, showLog).then((choice) => {
      if (choice === showLog) this.log.show();
    });
  }
}
