/// <reference lib="dom" />
/**
 * The sidebar form's script. It says `ready`, builds the form from the host's `init`, and from
 * then on: masks any card number or code the moment it is typed or pasted, keeps the (masked)
 * draft with `setState` so hiding the view loses nothing, sends the draft to the host 150 ms
 * after the last keystroke, and shows the host's diagnosis and field problems. The buttons ask
 * the host to run the palette's commands with the form's report.
 */
import { formatTypedTime } from '../core/typedTime';
import {
  parseHostMessage,
  SUGGESTIBLE_PATHS,
  type DiagnosisDidUpdateMessage,
  type FieldSuggestion,
  type DidCompleteMessage,
  type InitMessage,
  type ReportDraft,
  type WebviewRequest,
  type WebviewToHostMessage,
} from '../protocol/messages';
import { DiagnosisPanel } from './diagnosisPanel';
import { h } from './elements';
import {
  COUNTRY_FIELDS,
  countryCodeOf,
  countryLabel,
  formToReportDraft,
  machineClock,
  maskSecrets,
  occurredAtOf,
  readSavedState,
  reportDraftToForm,
  savedStateOf,
  typedTimeNow,
  type FormFieldId,
  type FormFields,
  type MaskKind,
  type SavedState,
} from './formReport';
import { FormView, type ButtonName } from './formView';

/** What VS Code gives a webview: the one channel to the host, and state that outlives hiding. */
interface VsCodeApi<State> {
  postMessage(message: WebviewToHostMessage): void;
  getState(): State | undefined;
  setState(state: State): State;
}

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

const DEBOUNCE_MS = 150;

/** The form on screen and everything it remembers, from one `init` on. */
class FormApp {
  private readonly view: FormView;
  private readonly panel: DiagnosisPanel;
  private revision = 0;
  private nextRequestId = 1;
  private readonly pending = new Map<number, (message: DidCompleteMessage) => void>();
  private touched = new Set<string>();
  private masked = new Map<string, MaskKind>();
  private errors = new Map<string, string>();
  private suggestions: readonly FieldSuggestion[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastAttempt: ReportDraft | null;
  private readonly announcer: HTMLElement;

  constructor(
    private readonly api: VsCodeApi<SavedState>,
    app: HTMLElement,
    private readonly init: InitMessage,
  ) {
    this.view = new FormView(init);
    this.panel = new DiagnosisPanel(init.strings, init.lang);
    this.lastAttempt = init.lastAttempt;
    this.announcer = h('div', { class: 'visually-hidden', 'aria-live': 'polite' });
    // The diagnosis first, in its own pane: in sight while the person types in the form below it.
    app.replaceChildren(h('div', { class: 'layout' }, this.panel.root, this.view.root), this.announcer);

    const saved = readSavedState(api.getState());
    if (saved) {
      this.writeFields(saved.fields);
      this.touched = new Set(saved.touched);
      this.masked = new Map(Object.entries(saved.masked));
    } else if (init.draft) {
      const fields = reportDraftToForm(init.draft, init.countries);
      this.writeFields(fields);
      this.touched = new Set(Object.keys(fields).map((id) => this.view.fieldOf(id as FormFieldId)));
    } else {
      this.writeFields(this.emptyFields());
    }
    for (const [path, kind] of this.masked) this.view.setMasked(path, kind);
    this.updateLastAttemptButton();
    this.showReading();

    const root = this.view.root;
    root.addEventListener('input', (event) => this.onInput(event.target));
    root.addEventListener('change', (event) => this.onChange(event.target));
    root.addEventListener('submit', (event) => event.preventDefault());
    this.view.knownMessage.addEventListener('change', () => this.pickKnownMessage());
    for (const [name, button] of Object.entries(this.view.buttons) as [ButtonName, HTMLButtonElement][]) {
      button.addEventListener('click', () => void this.press(name));
    }
    root.addEventListener('click', (event) => {
      const path = (event.target as Element | null)?.closest?.('[data-accept]')?.getAttribute('data-accept');
      if (path) this.acceptSuggestion(path);
    });

    this.saveState();
    this.sendChange();
    app.dataset.ready = 'true';
    // For the performance panel and the benchmark: how long from the script's start to a usable form.
    performance.mark('cardDoctor.formReady');
    app.removeAttribute('aria-busy');
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  /** A new, empty form: only the time, set to now in this machine's zone. */
  private emptyFields(): FormFields {
    return this.timeNow();
  }

  private idOf(target: EventTarget | null): FormFieldId | undefined {
    for (const [id, control] of this.view.controls) if (control === target) return id;
    return undefined;
  }

  private readFields(): FormFields {
    const fields: FormFields = {};
    for (const [id, control] of this.view.controls) if (control.value !== '') fields[id] = control.value;
    return fields;
  }

  private writeFields(fields: FormFields): void {
    for (const [id, control] of this.view.controls) control.value = fields[id] ?? '';
    this.syncKnownMessage();
    this.showReading();
  }

  private draft(): ReportDraft {
    return formToReportDraft(this.readFields(), this.init.countries, machineClock());
  }

  /** The time as typed, read now: the ISO time, or undefined when the field is empty or unreadable. */
  private readTime(): { typed: boolean; iso: string | undefined } {
    const typed = this.view.controls.get('occurredAt')!.value;
    const iso = occurredAtOf(typed, machineClock());
    return { typed: typed.trim() !== '', iso: iso && iso !== typed.trim() ? iso : undefined };
  }

  /** Under the time field, how it was read, so "22:10" is seen to mean today (or yesterday) in this zone. */
  private showReading(): void {
    const { iso } = this.readTime();
    this.view.setReading(iso ? this.init.strings.occurredAtReading.replace('{0}', formatTypedTime(iso)) : undefined);
  }

  private onInput(target: EventTarget | null): void {
    const id = this.idOf(target);
    if (!id) return;
    const control = this.view.controls.get(id)!;
    if (!(control instanceof HTMLSelectElement)) {
      const { value, cardNumber } = maskSecrets(control.value);
      if (value !== control.value) {
        const end = control.selectionEnd ?? control.value.length;
        const caret = Math.max(0, end - (control.value.length - value.length));
        control.value = value;
        control.setSelectionRange(caret, caret);
        const kind: MaskKind = cardNumber ? 'cardNumber' : 'code';
        const path = this.view.fieldOf(id);
        this.masked.set(path, kind);
        this.view.setMasked(path, kind);
        this.announce(kind === 'cardNumber' ? this.init.strings.maskedNote : this.init.strings.maskedCodeNote);
      } else if (!value.includes('•')) {
        // The masked text is gone (replaced or deleted): so is the reason for the note.
        const path = this.view.fieldOf(id);
        if (this.masked.delete(path)) this.view.setMasked(path, undefined);
      }
    }
    if (id === 'errorMessage') this.syncKnownMessage();
    if (id === 'occurredAt') this.showReading();
    // A suggestion is for a blank field: typed into, the field no longer needs it (or needs it again).
    if ((SUGGESTIBLE_PATHS as readonly string[]).includes(id)) this.renderSuggestions();
    this.saveState();
    this.scheduleChange();
  }

  private onChange(target: EventTarget | null): void {
    const id = this.idOf(target);
    if (!id) return;
    const control = this.view.controls.get(id)!;
    if ((COUNTRY_FIELDS as readonly string[]).includes(id) && control.value.trim() !== '') {
      const code = countryCodeOf(control.value, this.init.countries);
      const label = countryLabel(code, this.init.countries);
      if (label !== code) control.value = label;
    }
    this.touched.add(this.view.fieldOf(id));
    if ((SUGGESTIBLE_PATHS as readonly string[]).includes(id)) this.renderSuggestions();
    this.saveState();
    this.renderErrors();
  }

  /** A known message picked from the list replaces the error text. */
  private pickKnownMessage(): void {
    const picked = this.init.declineMessages.find((message) => message.id === this.view.knownMessage.value);
    if (!picked) return;
    this.view.controls.get('errorMessage')!.value = picked.text;
    this.touched.add('errorMessage');
    this.saveState();
    this.scheduleChange();
  }

  /** The list shows the known message the text is, or nothing. */
  private syncKnownMessage(): void {
    const text = this.view.controls.get('errorMessage')?.value.trim() ?? '';
    this.view.knownMessage.value = this.init.declineMessages.find((message) => message.text === text)?.id ?? '';
  }

  private saveState(): void {
    // Masked already as typed; masked again there because this is what outlives the view.
    this.api.setState(savedStateOf(this.readFields(), this.touched, this.masked));
  }

  private scheduleChange(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.sendChange(), DEBOUNCE_MS);
  }

  /** Sends the draft now (cancelling a pending send): its answer is the only one shown. */
  private sendChange(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.revision += 1;
    this.api.postMessage({ type: 'formDidChange', revision: this.revision, report: this.draft() });
  }

  /** The host's diagnosis of the latest draft; answers to older drafts are stale and ignored. */
  showDiagnosis(message: DiagnosisDidUpdateMessage): void {
    if (message.revision !== this.revision) return;
    this.errors = new Map(message.fieldErrors.map((error) => [error.path, error.message]));
    this.suggestions = message.suggestions;
    this.panel.update(message);
    this.renderErrors();
    this.renderSuggestions();
  }

  /** Problems show on fields the person has left (or on every field once a button was pressed). */
  private renderErrors(): void {
    for (const path of this.view.paths) this.view.setError(path, this.touched.has(path) ? this.errorOf(path) : undefined);
    this.view.setError('(report)', this.errors.get('(report)'));
  }

  /** A field's problem; for a time the form could not read, the form's own words on how to type it. */
  private errorOf(path: string): string | undefined {
    const error = this.errors.get(path);
    if (path !== 'occurredAt' || error === undefined) return error;
    const { typed, iso } = this.readTime();
    return typed && !iso ? this.init.strings.occurredAtUnreadable : error;
  }

  /** Inferred values beside the blank fields they are for, each with what it was inferred from. */
  private renderSuggestions(): void {
    const s = this.init.strings;
    for (const path of SUGGESTIBLE_PATHS) {
      const suggestion = this.suggestions.find((candidate) => candidate.path === path);
      const blank = this.view.controls.get(path)!.value === '' || this.view.controls.get(path)!.value === 'unknown';
      if (!suggestion || !blank) {
        this.view.setSuggestion(path, undefined);
        continue;
      }
      const source =
        suggestion.basis === 'bin' ? s.inferredFromDigits : suggestion.basis === 'bank-name' ? s.inferredFromBank : s.inferredFromBrand;
      const detail = suggestion.basis === 'brand' ? this.brandLabel(suggestion.detail) : suggestion.detail;
      // One pass over the template, so a bank name that holds "{1}" is shown as typed.
      this.view.setSuggestion(path, source.replace(/\{([01])\}/g, (_, index: string) => (index === '0' ? this.valueLabel(suggestion) : detail)));
    }
  }

  private brandLabel(value: string): string {
    return this.init.choices.brand.find((choice) => choice.value === value)?.label ?? value;
  }

  private valueLabel(suggestion: FieldSuggestion): string {
    return suggestion.path === 'card.brand' ? this.brandLabel(suggestion.value) : countryLabel(suggestion.value, this.init.countries);
  }

  /** The person took an inferred value: from now on it is theirs, stated like any other answer. */
  private acceptSuggestion(path: string): void {
    const suggestion = this.suggestions.find((candidate) => candidate.path === path);
    const control = suggestion && this.view.controls.get(suggestion.path);
    if (!suggestion || !control) return;
    control.value = suggestion.path === 'card.brand' ? suggestion.value : countryLabel(suggestion.value, this.init.countries);
    this.touched.add(suggestion.path);
    this.suggestions = this.suggestions.filter((candidate) => candidate !== suggestion);
    this.view.setSuggestion(suggestion.path, undefined);
    control.focus();
    this.saveState();
    this.sendChange();
  }

  setLastAttempt(lastAttempt: ReportDraft | null): void {
    this.lastAttempt = lastAttempt;
    this.updateLastAttemptButton();
  }

  private updateLastAttemptButton(): void {
    const button = this.view.buttons.loadLastAttempt;
    // aria-disabled rather than disabled: the button stays in the tab order and says why.
    if (this.lastAttempt) {
      button.removeAttribute('aria-disabled');
      button.removeAttribute('title');
    } else {
      button.setAttribute('aria-disabled', 'true');
      button.title = this.init.strings.noLastAttempt;
    }
  }

  completed(message: DidCompleteMessage): void {
    this.pending.get(message.requestId)?.(message);
    this.pending.delete(message.requestId);
  }

  private async press(name: ButtonName): Promise<void> {
    if (name === 'loadLastAttempt') return this.loadLastAttempt();
    if (name === 'clear') return this.clear();
    if (name === 'now') return this.setTimeNow();
    this.touched = new Set(this.view.paths);
    this.renderErrors();
    this.sendChange();
    const report = this.draft();
    const requestId = this.nextRequestId++;
    const request: WebviewRequest =
      name === 'saveJournal'
        ? { type: 'saveJournal', requestId, report }
        : name === 'generateAppeal'
          ? { type: 'generateAppeal', requestId, report }
          : { type: 'generateBankInquiry', requestId, report };
    this.setBusy(true);
    const reply = await new Promise<DidCompleteMessage>((resolve) => {
      this.pending.set(requestId, resolve);
      this.api.postMessage(request);
    });
    this.setBusy(false);
    this.setStatus(reply.message ?? '', !reply.ok);
    if (!reply.ok && reply.message) this.focusFirstProblem();
  }

  private loadLastAttempt(): void {
    if (!this.lastAttempt) {
      this.setStatus(this.init.strings.noLastAttempt, false);
      return;
    }
    // The last attempt's facts, at a new time: a repeat attempt, as the wizard prefills it.
    const fields = { ...reportDraftToForm(this.lastAttempt, this.init.countries), ...this.timeNow() };
    this.resetMessages();
    this.writeFields(fields);
    this.touched = new Set(Object.keys(fields).map((id) => this.view.fieldOf(id as FormFieldId)));
    this.saveState();
    this.sendChange();
  }

  private clear(): void {
    this.resetMessages();
    this.touched.clear();
    this.writeFields(this.emptyFields());
    this.errors.clear();
    this.renderErrors();
    this.setStatus('', false);
    this.saveState();
    this.sendChange();
  }

  private timeNow(): FormFields {
    return { occurredAt: typedTimeNow(machineClock()) };
  }

  /** "Now": the time field set to this minute, as if typed. */
  private setTimeNow(): void {
    this.view.controls.get('occurredAt')!.value = this.timeNow().occurredAt!;
    this.touched.add('occurredAt');
    this.showReading();
    this.saveState();
    this.sendChange();
  }

  private resetMessages(): void {
    for (const path of this.masked.keys()) this.view.setMasked(path, undefined);
    this.masked.clear();
  }

  private setBusy(busy: boolean): void {
    for (const name of ['saveJournal', 'generateAppeal', 'generateBankInquiry'] as const) this.view.buttons[name].disabled = busy;
    this.view.root.setAttribute('aria-busy', String(busy));
    if (busy) this.setStatus(this.init.strings.working, false);
  }

  private setStatus(text: string, problem: boolean): void {
    this.view.status.textContent = text;
    this.view.status.classList.toggle('problem', problem);
  }

  private focusFirstProblem(): void {
    this.view.root.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  private announce(text: string): void {
    this.announcer.textContent = '';
    // A change the next frame is one a screen reader notices, even when the text repeats.
    requestAnimationFrame(() => (this.announcer.textContent = text));
  }
}

performance.mark('cardDoctor.scriptStart');
const api = acquireVsCodeApi<SavedState>();
const app = document.getElementById('app')!;
let form: FormApp | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn('card doctor: dropped a malformed message from the host', parsed.problems);
    return;
  }
  const message = parsed.message;
  switch (message.type) {
    case 'init':
      form?.dispose();
      form = new FormApp(api, app, message);
      return;
    case 'diagnosisDidUpdate':
      form?.showDiagnosis(message);
      return;
    case 'didComplete':
      form?.completed(message);
      return;
    case 'journalDidChange':
      form?.setLastAttempt(message.lastAttempt);
      return;
  }
});

api.postMessage({ type: 'ready' });
