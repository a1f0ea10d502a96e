/// <reference lib="dom" />
/**
 * The live diagnosis above the form (beside it in a wide view), in its own scrolling pane so it
 * stays in sight while the person types: the host's view of it, already in the UI language, laid
 * out as findings with likelihood badges, the evidence for and against each, the article's
 * actions, and a cooldown banner that counts down.
 */
import type { Lang } from '../core/catalogue';
import { durationText } from '../core/localTime';
import type { DiagnosisDidUpdateMessage, DiagnosisViewMessage, UiStrings } from '../protocol/messages';
import { h, icon } from './elements';

const LIKELIHOOD_ICONS = { high: 'arrow-up', medium: 'dash', low: 'arrow-down' } as const;


/** The panel; `update` replaces what it shows, keeping which findings the person opened or closed. */
export class DiagnosisPanel {
  readonly root: HTMLElement;
  private readonly body: HTMLElement;
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Findings the person opened or closed by hand, by title, so a keystroke does not undo it. */
  private readonly toggled = new Map<string, boolean>();

  constructor(
    private readonly strings: UiStrings,
    private readonly lang: Lang,
  ) {
    this.body = h('div', { class: 'diagnosis-body' });
    // Focusable so its own scrolling works by keyboard; labelled, so a screen reader names the region.
    this.root = h('section', { class: 'diagnosis', id: 'diagnosis', tabindex: '0', 'aria-label': strings.diagnosisLabel }, this.body);
  }

  update(message: DiagnosisDidUpdateMessage): void {
    const view = message.view;
    // Most telling first, for the few lines a narrow pane shows: whether to wait, then the causes;
    // the attempt's own lines (time, message, what the journal holds) after them.
    const children: (Node | null)[] = [
      h('h2', { class: 'diagnosis-title' }, icon('pulse'), h('span', {}, view.title)),
      message.cooldown ? this.cooldownBanner(message.cooldown, view) : null,
    ];
    if (view.findings.length > 0) {
      children.push(h('h3', {}, view.findingsHeading), h('div', { class: 'findings' }, ...view.findings.map((finding) => this.finding(finding, view))));
    }
    if (view.noFindings) children.push(h('p', { class: 'no-findings' }, view.noFindings));
    children.push(
      h('div', { class: 'attempt-lines' }, h('p', { class: 'meta' }, view.attemptLine), view.messageLine ? h('p', { class: 'meta' }, view.messageLine) : null, h('p', { class: 'meta' }, view.historyLine)),
    );
    if (view.generalStepsHeading) {
      children.push(h('h3', {}, view.generalStepsHeading), h('ol', { class: 'steps' }, ...view.generalSteps.map((step) => h('li', {}, step))));
    }
    children.push(h('p', { class: 'disclaimer' }, view.disclaimer));
    this.stopTimer();
    this.body.replaceChildren(...children.filter((child): child is Node => child !== null));
    if (message.cooldown) this.startTimer(message.cooldown.until);
  }

  private finding(finding: DiagnosisViewMessage['findings'][number], view: DiagnosisViewMessage): HTMLElement {
    const labelled = (label: string, items: readonly string[], ordered = false) =>
      items.length === 0
        ? null
        : h('div', { class: 'finding-part' }, h('h4', {}, label), h(ordered ? 'ol' : 'ul', {}, ...items.map((item) => h('li', {}, item))));
    const open = this.toggled.get(finding.title) ?? finding.likelihood !== 'low';
    const details = h(
      'details',
      { class: `finding likelihood-${finding.likelihood}`, open },
      h(
        'summary',
        {},
        h('span', { class: 'finding-title' }, finding.title),
        h('span', { class: `badge badge-${finding.likelihood}` }, icon(LIKELIHOOD_ICONS[finding.likelihood]), h('span', {}, finding.likelihoodText)),
      ),
      h('p', { class: 'summary' }, finding.summary),
      labelled(view.labels.evidence, finding.evidenceFor),
      labelled(view.labels.against, finding.evidenceAgainst),
      labelled(view.labels.actions, finding.actions, true),
    );
    details.addEventListener('toggle', () => this.toggled.set(finding.title, details.open));
    return details;
  }

  private cooldownBanner(cooldown: NonNullable<DiagnosisDidUpdateMessage['cooldown']>, view: DiagnosisViewMessage): HTMLElement {
    return h(
      'div',
      { class: 'cooldown', role: 'note' },
      h('p', { class: 'cooldown-title' }, icon('watch'), h('strong', {}, view.labels.cooldown), h('span', { class: 'countdown', 'data-until': cooldown.until })),
      h('p', {}, cooldown.text),
    );
  }

  private startTimer(until: string): void {
    const end = Date.parse(until);
    const countdown = this.body.querySelector<HTMLElement>('.countdown');
    if (!countdown || Number.isNaN(end)) return;
    const tick = () => {
      const left = end - Date.now();
      // In the same words as the status bar and the diagnosis (`5h 12m` / `5 小时 12 分钟`).
      countdown.textContent = this.strings.cooldownLeft.replace('{0}', durationText(left, this.lang));
      if (left <= 0) this.stopTimer();
    };
    tick();
    this.timer = setInterval(tick, 1000);
  }

  private stopTimer(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }
}
