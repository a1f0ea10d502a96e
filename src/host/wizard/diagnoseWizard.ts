import * as vscode from 'vscode';
import { BRAND_NAMES, CARD_KIND_WORDS, type Lang } from '../../core/catalogue';
import { countryOptions } from '../../core/countries';
import { DECLINE_MESSAGES } from '../../core/declineMessages';
import { localizeFieldMessage } from '../../core/fieldMessages';
import { localIsoTime } from '../../core/localTime';
import { CARD_BRANDS, CARD_KINDS, PRODUCTS, TRI_STATES, parseReport, type Report } from '../../core/report';
import { MultiStepInput, type PickItem, type Step } from './multiStepInput';

/** The value `promise` gives within `ms`, else undefined (a failed read gives undefined too). */
function withinTime<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/** The answers so far, as typed: validated step by step, and as a whole at the end. */
type Draft = Record<string, unknown>;

interface WizardState {
  draft: Draft;
  lang: Lang;
}

type FieldStep =
  | { kind: 'text'; path: string; title: () => string; prompt: () => string; placeholder?: string }
  | { kind: 'choice'; path: string; title: () => string; options: readonly string[]; label: (value: string, lang: Lang) => string }
  | { kind: 'country'; path: string; title: () => string }
  | { kind: 'message'; path: string; title: () => string };

function triStateLabel(value: string): string {
  return value === 'yes' ? vscode.l10n.t('Yes') : value === 'no' ? vscode.l10n.t('No') : vscode.l10n.t('Not sure');
}

function productLabel(value: string): string {
  switch (value) {
    case 'chatgpt-web':
      return vscode.l10n.t('ChatGPT on the web');
    case 'chatgpt-app':
      return vscode.l10n.t('ChatGPT mobile app (iOS / Android)');
    case 'api-platform':
      return vscode.l10n.t('API platform (platform.openai.com)');
    default:
      return vscode.l10n.t('Something else');
  }
}

/** The steps, in the order of the form: the attempt, the card, billing, the bank, the connection. */
const STEPS: readonly FieldStep[] = [
  { kind: 'text', path: 'occurredAt', title: () => vscode.l10n.t('When did it fail?'), prompt: () => vscode.l10n.t('Date and time with UTC offset, e.g. 2025-11-27T10:31:00+08:00. Leave as is for now.') },
  { kind: 'choice', path: 'product', title: () => vscode.l10n.t('Where did you add the card?'), options: PRODUCTS, label: productLabel },
  { kind: 'message', path: 'errorMessage', title: () => vscode.l10n.t('What did the error say?') },
  { kind: 'choice', path: 'card.kind', title: () => vscode.l10n.t('What kind of card is it?'), options: CARD_KINDS, label: (value, lang) => CARD_KIND_WORDS[value]?.[lang] ?? value },
  { kind: 'choice', path: 'card.brand', title: () => vscode.l10n.t('Which card brand?'), options: CARD_BRANDS, label: (value, lang) => BRAND_NAMES[value]?.[lang] ?? value },
  { kind: 'text', path: 'card.bin', title: () => vscode.l10n.t('First 6-8 digits of the card (optional)'), prompt: () => vscode.l10n.t('Only the first 6-8 digits. Never the full number, the CVC or a one-time code.'), placeholder: '622588' },
  { kind: 'text', path: 'card.last4', title: () => vscode.l10n.t('Last 4 digits of the card'), prompt: () => vscode.l10n.t('Only the last 4 digits.'), placeholder: '1234' },
  { kind: 'text', path: 'card.issuerName', title: () => vscode.l10n.t('Which bank issued the card?'), prompt: () => vscode.l10n.t('The issuing bank, e.g. China Merchants Bank.') },
  { kind: 'country', path: 'card.issuerCountry', title: () => vscode.l10n.t('Where was the card issued?') },
  { kind: 'text', path: 'card.expiry', title: () => vscode.l10n.t('Card expiry (optional)'), prompt: () => vscode.l10n.t('Year and month, e.g. 2027-06.'), placeholder: '2027-06' },
  { kind: 'country', path: 'billing.country', title: () => vscode.l10n.t('Billing address country') },
  { kind: 'text', path: 'billing.postalCode', title: () => vscode.l10n.t('Billing postal code (optional)'), prompt: () => vscode.l10n.t('As you entered it on the payment form.') },
  { kind: 'choice', path: 'billing.matchesIssuer', title: () => vscode.l10n.t('Does the billing address match what the bank has on file?'), options: TRI_STATES, label: triStateLabel },
  { kind: 'choice', path: 'bank.internationalOnline', title: () => vscode.l10n.t('Are international online payments enabled on the card?'), options: TRI_STATES, label: triStateLabel },
  { kind: 'choice', path: 'bank.balanceSufficient', title: () => vscode.l10n.t('Is the balance or credit limit sufficient?'), options: TRI_STATES, label: triStateLabel },
  { kind: 'choice', path: 'connection.vpn', title: () => vscode.l10n.t('Were you using a VPN or proxy?'), options: TRI_STATES, label: triStateLabel },
  { kind: 'choice', path: 'connection.switchedRecently', title: () => vscode.l10n.t('Did you switch network, node or region shortly before?'), options: TRI_STATES, label: triStateLabel },
  { kind: 'country', path: 'connection.accessCountry', title: () => vscode.l10n.t('Which country were you connecting from?') },
];

function getField(draft: Draft, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Draft)[key] : undefined), draft);
}

/** Sets (or, with undefined, removes) a field, dropping groups left empty. */
function setField(draft: Draft, path: string, value: unknown): void {
  const [group, key] = path.split('.') as [string, string | undefined];
  if (key === undefined) {
    if (value === undefined) delete draft[group];
    else draft[group] = value;
    return;
  }
  const section = { ...((draft[group] as Draft | undefined) ?? {}) };
  if (value === undefined) delete section[key];
  else section[key] = value;
  if (Object.keys(section).length === 0) delete draft[group];
  else draft[group] = section;
}

/** The schema's message for one field of the draft with `value` in it, in the UI language. */
function fieldError(draft: Draft, path: string, value: unknown, lang: Lang): string | undefined {
  const trial: Draft = structuredClone(draft);
  setField(trial, path, value);
  const result = parseReport(trial);
  if (result.ok) return undefined;
  const error = result.errors.find((candidate) => candidate.path === path);
  return error ? localizeFieldMessage(error.message, lang) : undefined;
}

function skipItem<T>(value: T): PickItem<T> {
  return { label: `$(dash) ${vscode.l10n.t('Skip / not sure')}`, value };
}

function makeStep(index: number, lang: Lang): Step<WizardState> {
  return async (input, state) => {
    const spec = STEPS[index]!;
    const base = { title: spec.title(), step: index + 1, totalSteps: STEPS.length };
    const current = getField(state.draft, spec.path);
    let value: unknown;
    if (spec.kind === 'text') {
      const text = await input.input({
        ...base,
        value: typeof current === 'string' ? current : '',
        prompt: spec.prompt(),
        placeholder: spec.placeholder,
        validate: (typed) => (typed.trim() === '' ? undefined : fieldError(state.draft, spec.path, typed, lang)),
      });
      value = text.trim() === '' ? undefined : text;
    } else if (spec.kind === 'choice') {
      const items: PickItem<string | undefined>[] = [
        ...spec.options.map((option) => ({ label: spec.label(option, lang), description: option, value: option as string | undefined })),
        skipItem<string | undefined>(undefined),
      ];
      value = await input.pick({ ...base, items, active: items.find((item) => item.value === current), matchOnDescription: true });
    } else if (spec.kind === 'country') {
      const items: PickItem<string | undefined>[] = [
        skipItem<string | undefined>(undefined),
        ...countryOptions(lang).map((option) => ({ label: option.name, description: option.code, value: option.code as string | undefined })),
      ];
      value = await input.pick({
        ...base,
        items,
        active: items.find((item) => item.value === current),
        matchOnDescription: true,
        placeholder: vscode.l10n.t('Type a country name or code'),
      });
    } else {
      value = await pickMessage(input, base, typeof current === 'string' ? current : '', lang);
    }
    setField(state.draft, spec.path, value);
    return index + 1 < STEPS.length ? makeStep(index + 1, lang) : undefined;
  };
}

/** The error step: the recognized messages in the UI language, or whatever the person types or pastes. */
async function pickMessage(
  input: MultiStepInput,
  base: { title: string; step: number; totalSteps: number },
  current: string,
  lang: Lang,
): Promise<string | undefined> {
  const known: PickItem<string | undefined>[] = DECLINE_MESSAGES.map((message) => ({
    label: lang === 'en' ? message.en : message.zhCn,
    description: lang === 'en' ? message.zhCn : message.en,
    value: lang === 'en' ? message.en : message.zhCn,
  }));
  const typed = (value: string): PickItem<string | undefined>[] =>
    value.trim() ? [{ label: `$(edit) ${value.trim()}`, description: vscode.l10n.t('use exactly what you typed or pasted'), value: value.trim(), alwaysShow: true, fromValue: true }] : [];
  return input.pick({
    ...base,
    items: [...known, skipItem<string | undefined>(undefined)],
    value: current,
    itemsForValue: typed,
    matchOnDescription: true,
    placeholder: vscode.l10n.t('Paste the error exactly as shown (text or the processor’s JSON), or pick one'),
  });
}

/**
 * How long the second question waits for the journal to give the prefill: a journal that takes
 * longer (a huge one, read off the extension host's thread) is not worth the wait.
 */
const PREFILL_WAIT_MS = 2000;

/**
 * Runs the wizard, starting from `prefill` (the latest journal entry, so a repeat attempt takes
 * seconds) with the time set to now. The first question, the time, needs nothing from the
 * journal, so it is asked at once and the prefill, still being read, fills the later answers
 * (those the person has not given) when it comes. Resolves to the validated report, or
 * undefined when the person pressed Esc.
 */
export async function runDiagnoseWizard(prefill: Promise<Report | undefined>, lang: Lang, now: Date): Promise<Report | undefined> {
  const draft: Draft = { occurredAt: localIsoTime(now) };
  const state: WizardState = { draft, lang };
  const firstStep = makeStep(0, lang);
  let prefilled = false;
  const startWithPrefill: Step<WizardState> = async (input, current) => {
    const next = await firstStep(input, current);
    // Once: after Back to the first question, an answer skipped since must stay skipped.
    const latest = prefilled ? undefined : await withinTime(prefill, PREFILL_WAIT_MS);
    prefilled = true;
    if (latest) {
      const { occurredAt: _time, ...earlier } = structuredClone(latest);
      current.draft = { ...earlier, ...current.draft };
    }
    return next;
  };
  const finished = await MultiStepInput.run(startWithPrefill, state);
  if (!finished) return undefined;
  const result = parseReport(state.draft);
  // Every step was validated already; a failure here means two answers disagree, so say which.
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
  return result.report;
}
