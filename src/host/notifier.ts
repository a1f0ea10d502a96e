import * as vscode from 'vscode';

/**
 * Everything the extension says to the person in a notification, in one place: plain messages,
 * a message with one button that runs a command, warnings with "Open Settings" (some only once
 * per window), and unexpected failures, whose details go to the log while the person gets one
 * line with "Show Log". Expected problems (no folder, a file that exists) are handled where they
 * happen and only worded here. Every message goes through `mask` before it is shown: the services
 * give core's redactSecrets, as a path or an error's message can carry what a person typed (a
 * folder named by a card number). Activation's own notifier, which only reports that the services
 * bundle could not load, keeps the identity, so that redaction stays out of dist/extension.js.
 */
export class Notifier {
  private readonly shownOnce = new Set<string>();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly mask: (text: string) => string = (text) => text,
  ) {}

  /** An information message; resolves with the button pressed, if any. */
  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showInformationMessage(this.mask(message), ...actions);
  }

  /** A warning; resolves with the button pressed, if any. */
  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(this.mask(message), ...actions);
  }

  /** A modal warning that asks before something is done; resolves with the button pressed, if any. */
  ask(message: string, detail: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(this.mask(message), { modal: true, detail: this.mask(detail) }, ...actions);
  }

  /** An error the person caused and can fix (an invalid report); nothing to log. */
  error(message: string): void {
    void vscode.window.showErrorMessage(this.mask(message));
  }

  /** A passing word in the status bar, gone after `ms`. */
  status(message: string, ms: number): void {
    vscode.window.setStatusBarMessage(this.mask(message), ms);
  }

  /** An information message with one button, `action`, that runs `command`. Not awaited: only the button is left to do. */
  offer(message: string, action: string, command: string): void {
    this.info(message, action).then(
      (choice) => {
        if (choice === action) void vscode.commands.executeCommand(command);
      },
      (error: unknown) => this.log.warn('a message could not be shown:', String(error)),
    );
  }

  /** A warning with one action, "Open Settings", that opens `setting`. */
  withOpenSettings(message: string, setting: string): void {
    const open = vscode.l10n.t('Open Settings');
    this.warn(message, open).then(
      (choice) => {
        if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
      },
      (error: unknown) => this.log.warn('a message could not be shown:', String(error)),
    );
  }

  /** {@link withOpenSettings}, unless `key` was shown before in this window. */
  once(key: string, message: string, setting: string): void {
    if (this.shownOnce.has(key)) return;
    this.shownOnce.add(key);
    this.withOpenSettings(message, setting);
  }

  /** An unexpected failure of `what`: the stack to the log, one line to the person with "Show Log". */
  unexpected(what: string, error: unknown): void {
    this.report(what, vscode.l10n.t('Card Doctor: {0} failed: {1}', what, error instanceof Error ? error.message : String(error)), error);
  }

  /** Logs `error` under `what` and shows the person `message` (already in their language) with "Show Log". */
  report(what: string, message: string, error: unknown): void {
    this.log.error(`${what}:`, error instanceof Error ? (error.stack ?? error.message) : String(error));
    const showLog = vscode.l10n.t('Show Log');
    // Not awaited: the caller has reported and moves on; the only work left is the button.
    vscode.window.showErrorMessage(this.mask(message), showLog).then(
      (choice) => {
        if (choice === showLog) this.log.show();
      },
      () => undefined,
    );
  }
}
