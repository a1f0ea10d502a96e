import * as vscode from 'vscode';

/**
 * Unexpected failures: the details go to the log, the person gets one line with "Show Log".
 * Expected ones (no folder, a file that exists) are handled where they happen.
 */
export class FailureReporter {
  constructor(private readonly log: vscode.LogOutputChannel) {}

  unexpected(what: string, error: unknown): void {
    this.log.error(`${what}:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    const showLog = vscode.l10n.t('Show Log');
    void vscode.window
      .showErrorMessage(vscode.l10n.t('Card Doctor: {0} failed: {1}', what, error instanceof Error ? error.message : String(error)), showLog)
      .then((choice) => {
        if (choice === showLog) this.log.show();
      });
  }
}
