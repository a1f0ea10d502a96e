import * as vscode from 'vscode';
import { diagnose, type Cooldown } from '../core/diagnose';
import { cooldownText } from '../core/explain';
import { durationText, offsetOf } from '../core/localTime';
import type { Report } from '../core/report';
import { COMMAND_IDS } from './commandIds';
import { uiLang } from './language';

/**
 * The status bar item that counts down the article's 24-hour wait (`$(watch) Wait 5h 12m` /
 * `$(watch) 等待 5 小时 12 分钟`): shown while the journal's attempts call for a wait, gone when it
 * ends. Its tooltip is the diagnosis' own sentence, so the time reads the same everywhere.
 * Clicking it opens the journal.
 */
export class CooldownStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cardDoctor.cooldown', vscode.StatusBarAlignment.Left, 10);
  private cooldown: Cooldown | null = null;
  private offsetMinutes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly clock: () => Date = () => new Date(),
    private readonly log?: Pick<vscode.LogOutputChannel, 'debug'>,
  ) {
    this.item.name = vscode.l10n.t('Card Doctor: wait before trying again');
    this.item.command = COMMAND_IDS.openJournal;
  }

  dispose(): void {
    this.stopTimer();
    this.item.dispose();
  }

  /**
   * Shows the wait, or hides the item when there is none. `offsetMinutes`: the UTC offset the
   * end of the wait is written in (the attempt's own, as in the diagnosis).
   */
  update(cooldown: Cooldown | null, offsetMinutes = 0): void {
    this.cooldown = cooldown;
    this.offsetMinutes = offsetMinutes;
    this.render();
  }

  /**
   * Shows the wait a journal's attempts call for, or none. Only the journal counts: its latest
   * entry is diagnosed against the journal that holds it, so nothing is counted twice.
   */
  showFrom(history: readonly Report[]): void {
    const latest = history[history.length - 1];
    const cooldown = latest ? diagnose(latest, history, this.clock()).cooldown : null;
    this.log?.debug(`cooldown: ${cooldown ? `until ${cooldown.until} (${cooldown.reason})` : 'none'}, from ${history.length} journal entries`);
    // The time is shown in the offset of the attempt it counts from, as the diagnosis shows it.
    this.update(cooldown, latest?.occurredAt ? offsetOf(latest.occurredAt) : 0);
  }

  /** What the item shows now: for tests, and the same text a person sees. */
  get state(): { visible: boolean; text: string; tooltip: string; label: string } {
    return {
      visible: this.cooldown !== null,
      text: this.item.text,
      tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : '',
      label: this.item.accessibilityInformation?.label ?? '',
    };
  }

  private render(): void {
    const now = this.clock();
    const left = this.cooldown ? Date.parse(this.cooldown.until) - now.getTime() : 0;
    if (!this.cooldown || left <= 0) {
      this.cooldown = null;
      this.item.hide();
      this.stopTimer();
      return;
    }
    const lang = uiLang();
    const duration = durationText(left, lang);
    this.item.text = `$(watch) ${vscode.l10n.t('Wait {0}', duration)}`;
    this.item.accessibilityInformation = { label: vscode.l10n.t('Card Doctor: wait {0} before trying to add a card again', duration) };
    this.item.tooltip = `${cooldownText(this.cooldown, this.offsetMinutes, now, lang)}\n${vscode.l10n.t('Click to open the journal.')}`;
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
