import * as vscode from 'vscode';
import type { Cooldown } from '../core/diagnose';
import { durationText } from '../core/explain';
import { COMMAND_IDS } from './commandIds';
import { uiLang } from './language';

/**
 * The status bar item that counts down a cooldown (`$(watch) 5h 12m`): shown while the article's
 * 24-hour wait is running, gone when it ends. Clicking it opens the journal.
 */
export class CooldownStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cardDoctor.cooldown', vscode.StatusBarAlignment.Left, 10);
  private cooldown: Cooldown | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly clock: () => Date = () => new Date()) {
    this.item.name = vscode.l10n.t('Card Doctor cooldown');
    this.item.command = COMMAND_IDS.openJournal;
  }

  dispose(): void {
    this.stopTimer();
    this.item.dispose();
  }

  /** Shows the cooldown, or hides the item when there is none. */
  update(cooldown: Cooldown | null): void {
    this.cooldown = cooldown;
    this.render();
  }

  /** What the item shows now: for tests, and the same text a person sees. */
  get state(): { visible: boolean; text: string; tooltip: string } {
    return { visible: this.cooldown !== null, text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '' };
  }

  private render(): void {
    const left = this.cooldown ? Date.parse(this.cooldown.until) - this.clock().getTime() : 0;
    if (!this.cooldown || left <= 0) {
      this.cooldown = null;
      this.item.hide();
      this.stopTimer();
      return;
    }
    this.item.text = `$(watch) ${durationText(left, 'en')}`;
    const until = new Date(this.cooldown.until).toLocaleString(uiLang() === 'zh-cn' ? 'zh-CN' : 'en');
    this.item.tooltip =
      this.cooldown.reason === 'card-changed'
        ? vscode.l10n.t('More than one card was tried in the last 24 hours. Wait until {0} before trying again or trying another card. Click to open the journal.', until)
        : vscode.l10n.t('Several attempts were made in the last 24 hours. Wait until {0} before trying again. Click to open the journal.', until);
    this.item.show();
    // Tick each half minute, and exactly when the wait ends so the item goes at that moment.
    this.stopTimer();
    this.timer = setTimeout(() => this.render(), Math.min(30_000, left + 20));
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
