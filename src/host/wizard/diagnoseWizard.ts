import type { Lang } from '../../core/catalogue';
import {
  answerApplies,
  answerCard,
  answerCountry,
  answerMessage,
  answerTime,
  appliesScreen,
  cardItems,
  cardScreen,
  countryScreen,
  messageItems,
  messageScreen,
  nextScreen,
  plannedScreens,
  readTime,
  startInterview,
  timeScreen,
  type InterviewItem,
  type InterviewState,
  type ScreenId,
} from '../../core/interview';
import { parseReport, type Report } from '../../core/report';
import { MultiStepInput, type PickItem, type Step } from './multiStepInput';

/** The value `promise` gives within `ms`, else undefined (a failed read gives undefined too). */
function withinTime<T>(promise: Promise<T | undefined>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise.catch(() => undefined), late]).finally(() => clearTimeout(timer));
}

/** The interview's state, replaced by each answer; Back re-shows a screen from it, so answers are kept. */
interface Holder {
  state: InterviewState;
  /** Whether the first screen's answer named where the error was seen (a known message does not). */
  productChosen?: boolean;
}

interface Context {
  lang: Lang;
  now: Date;
  offsetMinutes: number;
}

function toPickItems<V>(items: readonly InterviewItem<V>[]): PickItem<V>[] {
  return items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, value: item.value, group: item.group, alwaysShow: item.alwaysShow }));
}

/** Step n of the screens planned for this state (the plan grows when a VPN or an unknown country adds one). */
function counter(holder: Holder, id: ScreenId): { step: number; totalSteps: number } {
  const screens = plannedScreens(holder.state);
  return { step: screens.indexOf(id) + 1, totalSteps: screens.length };
}

function makeStep(id: ScreenId, context: Context): Step<Holder> {
  return async (input, holder) => {
    const { lang } = context;
    const base = counter(holder, id);
    if (id === 'message') {
      const screen = messageScreen(holder.state, lang);
      const answer = await input.pick({
        ...base,
        title: screen.title,
        placeholder: screen.placeholder,
        value: screen.value,
        matchOnDescription: true,
        itemsFor: (typed) => toPickItems(messageItems(holder.state, typed, lang)),
      });
      holder.state = answerMessage(holder.state, answer.typed, answer.value);
      holder.productChosen = answer.value.kind === 'product';
    } else if (id === 'card') {
      const screen = cardScreen(holder.state, lang);
      const answer = await input.pick({
        ...base,
        title: screen.title,
        placeholder: screen.placeholder,
        value: screen.value,
        itemsFor: (typed) => toPickItems(cardItems(holder.state, typed, lang)),
        refuses: (choice) => choice.kind === 'refused',
      });
      holder.state = answerCard(holder.state, answer.typed, answer.value);
    } else if (id === 'issuer-country' || id === 'exit-country') {
      const screen = countryScreen(holder.state, id, lang);
      const items = toPickItems(screen.items);
      const answer = await input.pick({
        ...base,
        title: screen.title,
        placeholder: screen.placeholder,
        matchOnDescription: true,
        itemsFor: () => items,
        static: true,
        isActive: (item) => item.value === screen.active,
      });
      holder.state = answerCountry(holder.state, id, answer.value);
    } else if (id === 'applies') {
      const screen = appliesScreen(holder.state, lang);
      const ticked = await input.pickMany({ ...base, title: screen.title, placeholder: screen.placeholder, items: toPickItems(screen.items), ticked: screen.ticked });
      holder.state = answerApplies(holder.state, ticked);
    } else {
      const screen = timeScreen(holder.state, lang, context.now, context.offsetMinutes);
      const typed = await input.input({
        ...base,
        title: screen.title,
        prompt: screen.prompt,
        value: screen.value,
        validate: (text) => {
          // VS Code shows the message in place of the prompt: the time as it opens says how to change it.
          if (text === screen.value) return { message: screen.prompt, error: false };
          const read = readTime(text, lang, context.now, context.offsetMinutes);
          return { message: read.message, error: !read.ok };
        },
      });
      const read = readTime(typed, lang, context.now, context.offsetMinutes);
      // Enter on the time shown keeps it to the second; the display form has minutes only.
      const unchanged = typed === screen.value && holder.state.draft.occurredAt;
      if (read.ok) holder.state = answerTime(holder.state, unchanged || read.iso);
    }
    const next = nextScreen(holder.state, id);
    return next ? makeStep(next, context) : undefined;
  };
}

/**
 * How long the second screen waits for the journal to give the prefill: a journal that takes
 * longer (a huge one, read off the extension host's thread) is not worth the wait.
 */
const PREFILL_WAIT_MS = 2000;

/** What the latest journal entry may fill in: the card and the circumstances, never that attempt's time, error or notes. */
function prefillFrom(latest: Report): Report {
  const { occurredAt: _time, errorMessage: _error, notes: _notes, ...rest } = structuredClone(latest);
  return rest;
}

/**
 * Runs the interview (src/core/interview.ts), starting from `prefill` (the latest journal entry,
 * so a repeat attempt takes a few Enters) with the time set to now in the machine's offset. The
 * first screen, the error, needs nothing from the journal, so it is shown at once and the
 * prefill, still being read, fills the later answers the person has not given. Resolves to the
 * validated report, or undefined when the person pressed Esc.
 */
export async function runDiagnoseWizard(prefill: Promise<Report | undefined>, lang: Lang, now: Date): Promise<Report | undefined> {
  const context: Context = { lang, now, offsetMinutes: -now.getTimezoneOffset() };
  // Handled at once: a journal read failing while the first screen is up is no prefill, not an
  // unhandled rejection in the extension host.
  const latestEntry = prefill.catch(() => undefined);
  const holder: Holder = { state: startInterview() };
  const firstStep = makeStep('message', context);
  let prefilled = false;
  const startWithPrefill: Step<Holder> = async (input, current) => {
    const next = await firstStep(input, current);
    // Once: after Back to the first screen, an answer changed since must stay as changed.
    const latest = prefilled ? undefined : await withinTime(latestEntry, PREFILL_WAIT_MS);
    prefilled = true;
    if (latest) {
      const earlier = prefillFrom(latest);
      const draft: Report = { ...earlier, ...current.state.draft };
      // A known message picked takes "the earlier answer, else the web" for where it was seen; the
      // journal's answer had not arrived when the first screen was answered, so it is the earlier one.
      if (!current.productChosen && earlier.product) draft.product = earlier.product;
      current.state = { ...current.state, draft };
    }
    return next;
  };
  const finished = await MultiStepInput.run(startWithPrefill, holder);
  if (!finished) return undefined;
  const result = parseReport(holder.state.draft);
  // Every screen gives schema values; a failure here is a bug, so say which field.
  if (!result.ok) throw new Error(result.errors.map((error) => `${error.path}: ${error.message}`).join('; '));
  return result.report;
}
