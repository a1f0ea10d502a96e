/// <reference lib="dom" />
/**
 * The form's DOM: native controls in the wizard's order (the attempt, the card, billing, the
 * bank, the connection), each with its label, hint, masking note and error, built from `init`.
 * It holds no state of its own beyond what the DOM shows; `main.ts` decides what to show.
 */
import { SUGGESTIBLE_PATHS, type Choices, type InitMessage, type UiStringKey } from '../protocol/messages';
import { h, icon } from './elements';
import { countryLabel, type FormFieldId, type MaskKind } from './formReport';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

type FieldSpec =
  | { id: FormFieldId; kind: 'text'; label: UiStringKey; hint?: UiStringKey; placeholder?: string; numeric?: boolean }
  | { id: FormFieldId; kind: 'textarea'; label: UiStringKey; hint?: UiStringKey; placeholderKey?: UiStringKey; rows: number }
  | { id: FormFieldId; kind: 'select'; label: UiStringKey; options: keyof Choices }
  | { id: FormFieldId; kind: 'country'; label: UiStringKey };

interface SectionSpec {
  title: UiStringKey;
  fields: readonly FieldSpec[];
}

/** The sections after the first, whose time row and error field are laid out by hand. */
const SECTIONS: readonly SectionSpec[] = [
  {
    title: 'sectionCard',
    fields: [
      { id: 'card.kind', kind: 'select', label: 'cardKind', options: 'kind' },
      { id: 'card.brand', kind: 'select', label: 'cardBrand', options: 'brand' },
      { id: 'card.bin', kind: 'text', label: 'bin', hint: 'binHint', placeholder: '622588', numeric: true },
      { id: 'card.last4', kind: 'text', label: 'last4', placeholder: '1234', numeric: true },
      { id: 'card.issuerName', kind: 'text', label: 'issuerName' },
      { id: 'card.issuerCountry', kind: 'country', label: 'issuerCountry' },
      { id: 'card.expiry', kind: 'text', label: 'expiry', hint: 'expiryHint', placeholder: '06/28' },
    ],
  },
  {
    title: 'sectionBilling',
    fields: [
      { id: 'billing.country', kind: 'country', label: 'billingCountry' },
      { id: 'billing.postalCode', kind: 'text', label: 'postalCode' },
      { id: 'billing.matchesIssuer', kind: 'select', label: 'matchesIssuer', options: 'triState' },
    ],
  },
  {
    title: 'sectionBank',
    fields: [
      { id: 'bank.internationalOnline', kind: 'select', label: 'internationalOnline', options: 'triState' },
      { id: 'bank.balanceSufficient', kind: 'select', label: 'balanceSufficient', options: 'triState' },
    ],
  },
  {
    title: 'sectionConnection',
    fields: [
      { id: 'connection.vpn', kind: 'select', label: 'vpn', options: 'triState' },
      { id: 'connection.switchedRecently', kind: 'select', label: 'switchedRecently', options: 'triState' },
      { id: 'connection.accessCountry', kind: 'country', label: 'accessCountry' },
    ],
  },
  {
    title: 'sectionNotes',
    fields: [{ id: 'notes', kind: 'textarea', label: 'notes', hint: 'notesHint', rows: 3 }],
  },
];

/** The DOM id of a control (`card.bin` → `f-card-bin`). */
export const controlId = (id: string) => `f-${id.replace(/\./g, '-')}`;

const COUNTRY_LIST_ID = 'country-list';

/** The form's buttons, by what they do. */
export type ButtonName = 'loadLastAttempt' | 'clear' | 'now' | 'saveJournal' | 'generateAppeal' | 'generateBankInquiry';


/** One field's slots for messages, and the controls they describe. */
interface FieldSlots {
  controls: Control[];
  hint?: HTMLElement;
  masked: HTMLElement;
  error: HTMLElement;
  /** The time field's reading of what was typed. */
  reading?: HTMLElement;
  /** A value inferred for a blank field, with the button that accepts it. */
  suggestion?: { box: HTMLElement; text: HTMLElement; accept: HTMLButtonElement };
}

/** The built form: its controls by id, its buttons, and the slots for field messages. */
export class FormView {
  readonly root: HTMLFormElement;
  readonly controls = new Map<FormFieldId, Control>();
  readonly knownMessage: HTMLSelectElement;
  readonly buttons: Record<ButtonName, HTMLButtonElement>;
  readonly status: HTMLElement;
  readonly reportError: HTMLElement;
  private readonly slots = new Map<string, FieldSlots>();
  private readonly strings: InitMessage['strings'];

  constructor(init: InitMessage) {
    const s = (this.strings = init.strings);
    const button = (name: ButtonName, codicon: string, primary = false) =>
      h('button', { type: 'button', class: primary ? 'button primary' : 'button secondary', 'data-action': name }, icon(codicon), h('span', {}, s[name]));
    this.buttons = {
      loadLastAttempt: button('loadLastAttempt', 'history'),
      clear: button('clear', 'clear-all'),
      now: h('button', { type: 'button', class: 'button secondary now', id: `${controlId('occurredAt')}-now`, 'data-action': 'now' }, icon('watch'), h('span', {}, s.now)),
      saveJournal: button('saveJournal', 'save', true),
      generateAppeal: button('generateAppeal', 'mail'),
      generateBankInquiry: button('generateBankInquiry', 'question'),
    };

    this.knownMessage = h(
      'select',
      { id: 'f-knownMessage', class: 'control' },
      h('option', { value: '' }, s.knownMessageNone),
      ...init.declineMessages.map((message) => h('option', { value: message.id }, message.text)),
    );

    const attempt = h(
      'fieldset',
      { class: 'section' },
      h('legend', {}, s.sectionAttempt),
      this.timeRow(),
      this.field({ id: 'product', kind: 'select', label: 'product', options: 'product' }, init),
      this.errorMessageField(),
    );

    this.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    this.reportError = h('p', { class: 'field-error', hidden: true }, icon('error'), h('span'));
    this.root = h(
      'form',
      { class: 'form', 'aria-label': s.formLabel, autocomplete: 'off', novalidate: true },
      h('div', { class: 'toolbar', role: 'toolbar', 'aria-label': s.actionsLabel }, this.buttons.loadLastAttempt, this.buttons.clear),
      attempt,
      ...SECTIONS.map((section) => h('fieldset', { class: 'section' }, h('legend', {}, s[section.title]), ...section.fields.map((spec) => this.field(spec, init)))),
      this.reportError,
      h('div', { class: 'actions' }, this.buttons.saveJournal, this.buttons.generateAppeal, this.buttons.generateBankInquiry),
      this.status,
      h('datalist', { id: COUNTRY_LIST_ID }, ...init.countries.map((country) => h('option', { value: countryLabel(country.code, init.countries) }))),
    );
  }

  /**
   * The time of the attempt: one text field that takes the time as people type it (one Tab
   * stop, unlike a date picker's seven), a button for now, and under it how it was read.
   */
  private timeRow(): HTMLElement {
    const s = this.strings;
    const time = h('input', {
      id: controlId('occurredAt'),
      class: 'control',
      type: 'text',
      placeholder: '2026-12-01 22:10',
      maxlength: '48',
      spellcheck: 'false',
      autocomplete: 'off',
    });
    this.controls.set('occurredAt', time);
    const hint = h('p', { class: 'hint', id: `${time.id}-hint` }, s.occurredAtHint);
    const reading = h('p', { class: 'reading', id: `${time.id}-reading`, hidden: true });
    const block = h(
      'div',
      { class: 'field', 'data-field': 'occurredAt' },
      h('label', { for: time.id }, s.occurredAt),
      h('div', { class: 'row' }, h('div', { class: 'grow' }, time), this.buttons.now),
      reading,
      hint,
    );
    this.addSlots('occurredAt', block, [time], hint, reading);
    return block;
  }

  /** The error as shown: free text, and a list of the known messages to pick from. */
  private errorMessageField(): HTMLElement {
    const s = this.strings;
    const textarea = h('textarea', { id: controlId('errorMessage'), class: 'control', rows: '3', placeholder: s.errorMessagePlaceholder, maxlength: '20000', spellcheck: 'false' });
    this.controls.set('errorMessage', textarea);
    const block = h(
      'div',
      { class: 'field', 'data-field': 'errorMessage' },
      h('label', { for: textarea.id }, s.errorMessage),
      textarea,
    );
    this.addSlots('errorMessage', block, [textarea]);
    block.append(h('label', { for: this.knownMessage.id, class: 'secondary-label' }, s.knownMessage), this.knownMessage);
    return block;
  }

  private field(spec: FieldSpec, init: InitMessage): HTMLElement {
    const s = this.strings;
    const id = controlId(spec.id);
    let control: Control;
    if (spec.kind === 'select') {
      control = h(
        'select',
        { id, class: 'control' },
        h('option', { value: '' }, s.notAnswered),
        ...init.choices[spec.options].map((option) => h('option', { value: option.value }, option.label)),
      );
    } else if (spec.kind === 'textarea') {
      control = h('textarea', { id, class: 'control', rows: String(spec.rows), maxlength: '20000', placeholder: spec.placeholderKey ? s[spec.placeholderKey] : undefined });
    } else if (spec.kind === 'country') {
      control = h('input', { id, class: 'control', type: 'text', list: COUNTRY_LIST_ID, placeholder: s.countryPlaceholder, maxlength: '200', spellcheck: 'false' });
    } else {
      control = h('input', {
        id,
        class: 'control',
        type: 'text',
        maxlength: '200',
        placeholder: spec.placeholder,
        inputmode: spec.numeric ? 'numeric' : undefined,
        spellcheck: 'false',
      });
    }
    this.controls.set(spec.id, control);
    const hintKey = 'hint' in spec ? spec.hint : undefined;
    const hint = hintKey ? h('p', { class: 'hint', id: `${id}-hint` }, s[hintKey]) : undefined;
    const block = h('div', { class: 'field', 'data-field': spec.id }, h('label', { for: id }, s[spec.label]), control, hint);
    this.addSlots(spec.id, block, [control], hint);
    return block;
  }

  private addSlots(path: string, block: HTMLElement, controls: Control[], hint?: HTMLElement, reading?: HTMLElement): void {
    const id = controlId(path);
    const masked = h('p', { class: 'masked-note', id: `${id}-masked`, hidden: true }, icon('shield'), h('span'));
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true }, icon('error'), h('span'));
    block.append(masked, error);
    const slots: FieldSlots = { controls, masked, error, ...(hint ? { hint } : {}), ...(reading ? { reading } : {}) };
    if ((SUGGESTIBLE_PATHS as readonly string[]).includes(path)) {
      const text = h('span', { class: 'suggestion-text', id: `${id}-suggestion-text` });
      const accept = h('button', { type: 'button', class: 'button secondary accept', 'data-accept': path, 'aria-describedby': text.id }, this.strings.acceptInferred);
      const box = h('div', { class: 'suggestion', id: `${id}-suggestion`, hidden: true }, h('span', { class: 'inferred-tag' }, this.strings.inferredTag), text, accept);
      // Beside the control, before the messages: it is about what the control holds.
      controls[0]!.after(box);
      slots.suggestion = { box, text, accept };
    }
    this.slots.set(path, slots);
    this.describe(slots);
  }

  /** The field (by report path) that a control belongs to. */
  fieldOf(id: FormFieldId): string {
    return id;
  }

  /** Shows how the typed time was read, or nothing. */
  setReading(text: string | undefined): void {
    const slots = this.slots.get('occurredAt')!;
    slots.reading!.hidden = text === undefined;
    slots.reading!.textContent = text ?? '';
    this.describe(slots);
  }

  /** Shows or clears the value inferred for a blank field (`text` says what and from what). */
  setSuggestion(path: string, text: string | undefined): void {
    const slots = this.slots.get(path);
    if (!slots?.suggestion) return;
    slots.suggestion.box.hidden = text === undefined;
    slots.suggestion.text.textContent = text ?? '';
    this.describe(slots);
  }

  /** Shows or clears a field's error; `(report)` is the form's own line. */
  setError(path: string, message: string | undefined): void {
    const slots = this.slots.get(path);
    const target = slots?.error ?? this.reportError;
    target.hidden = message === undefined;
    target.lastElementChild!.textContent = message ?? '';
    if (!slots) return;
    for (const control of slots.controls) {
      if (message === undefined) control.removeAttribute('aria-invalid');
      else control.setAttribute('aria-invalid', 'true');
    }
    this.describe(slots);
  }

  /** Shows or clears the note that says a value was masked and why. */
  setMasked(path: string, kind: MaskKind | undefined): void {
    const slots = this.slots.get(path);
    if (!slots) return;
    slots.masked.hidden = kind === undefined;
    slots.masked.lastElementChild!.textContent = kind === 'cardNumber' ? this.strings.maskedNote : kind === 'code' ? this.strings.maskedCodeNote : '';
    this.describe(slots);
  }

  /** Every path that has a field. */
  get paths(): string[] {
    return [...this.slots.keys()];
  }

  /** Points each control's `aria-describedby` at its hint and at whichever messages are showing. */
  private describe(slots: FieldSlots): void {
    const shown = (element: HTMLElement | undefined) => (element && !element.hidden ? element.id : undefined);
    const ids = [shown(slots.reading), shown(slots.suggestion?.box), slots.hint?.id, shown(slots.masked), shown(slots.error)].filter(Boolean);
    for (const control of slots.controls) {
      if (ids.length > 0) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }
}
