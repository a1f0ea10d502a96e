/**
 * The interview by keyboard, simulated on the pure plan (src/core/interview.ts): for a report a
 * person wants to give, the screens shown and the keys pressed beyond pasting the error. A key
 * is an arrow, Space or Enter press, or one typed character of an answer that is not the
 * default. `npm run bench` prints it for every example report; the unit tests pin the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/core/catalogue';
import { diagnose } from '../../src/core/diagnose';
import { countryName } from '../../src/core/countries';
import {
  answerApplies,
  answerCard,
  answerCountry,
  answerMessage,
  answerTime,
  appliesScreen,
  cardItems,
  cardText,
  countryScreen,
  messageItems,
  nextScreen,
  readCard,
  startInterview,
  timeScreen,
  type ApplyId,
  type InterviewState,
  type ScreenId,
} from '../../src/core/interview';
import { parseReport, type Report } from '../../src/core/report';
import { parseTypedTime } from '../../src/core/typedTime';

/** One screen as the person went through it. */
export interface ScreenRun {
  readonly screen: ScreenId;
  /** Keys pressed on it (typed characters, arrows, Space, Enter). */
  readonly keys: number;
  /** What was typed or chosen, for the printout. */
  readonly did: string;
}

/** The whole interview for one target report. */
export interface InterviewRun {
  readonly screens: readonly ScreenRun[];
  readonly keys: number;
  /** The validated report the interview gives. */
  readonly report: Report;
  /** Fields of the target the interview does not ask (their values differ in `report`). */
  readonly notAsked: readonly string[];
}

/** Dotted paths and values of every leaf of a report. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) for (const [path, leaf] of leaves(inner, prefix ? `${prefix}.${key}` : key)) out.set(path, leaf);
  } else out.set(prefix, value);
  return out;
}

/** The applies items the target report ticks. */
function tickedFor(target: Report): Set<ApplyId> {
  const ticked = new Set<ApplyId>();
  if (target.connection?.vpn === 'yes') ticked.add('vpn');
  if (target.connection?.switchedRecently === 'yes') ticked.add('switched');
  if (target.billing?.matchesIssuer === 'yes') ticked.add('billing-matches');
  if (target.billing?.matchesIssuer === 'no') ticked.add('billing-differs');
  if (target.bank?.internationalOnline === 'yes') ticked.add('international-on');
  if (target.bank?.internationalOnline === 'no') ticked.add('international-off');
  if (target.bank?.balanceSufficient === 'yes') ticked.add('balance-enough');
  if (target.bank?.balanceSufficient === 'no') ticked.add('balance-short');
  return ticked;
}

/** Items the country screens show before "All countries": the likely group and "Not sure". */
const REACHABLE_BY_ARROWS = 10;

/** The shortest form of `iso` the time screen reads back to the same time, or '' when the default is it. */
function shortestTime(iso: string, shown: string, now: Date, offsetMinutes: number): string {
  const same = (text: string) => {
    const result = parseTypedTime(text, now, offsetMinutes);
    return result.ok && result.iso === iso;
  };
  if (same(shown)) return '';
  const local = iso.slice(0, 19);
  const candidates = [local.slice(11, 16), local.slice(11, 19), `${local.slice(0, 10)} ${local.slice(11, 16)}`, `${local.slice(0, 10)} ${local.slice(11, 19)}`];
  const offset = iso.slice(19);
  return candidates.find(same) ?? candidates.map((text) => `${text}${offset}`).find(same) ?? iso;
}

/**
 * Goes through the interview for `target` as a person at `now` (in `offsetMinutes`) would, in
 * `lang`: pastes the error, then takes defaults with Enter where they are right and types or
 * moves to the answer where they are not.
 */
export function simulateInterview(target: Report, lang: Lang, now: Date, offsetMinutes: number): InterviewRun {
  let state: InterviewState = startInterview();
  const screens: ScreenRun[] = [];
  let screen: ScreenId | undefined = 'message';
  while (screen) {
    let keys = 0;
    let did = '';
    if (screen === 'message') {
      const typed = target.errorMessage ?? '';
      const products = messageItems(state, typed, lang).filter((item) => item.value.kind === 'product');
      const index = Math.max(0, products.findIndex((item) => item.value.kind === 'product' && item.value.product === (target.product ?? 'chatgpt-web')));
      keys = index + 1;
      did = `pasted the error; ${index} × ↓ to "${products[index]!.label}", Enter`;
      state = answerMessage(state, typed, products[index]!.value);
    } else if (screen === 'card') {
      const typed = cardText(target);
      const items = cardItems(state, typed, lang);
      const reading = readCard(state, typed);
      const wantCountry = target.card?.issuerCountry;
      const countryWrong = reading.issuerCountry !== undefined && wantCountry !== undefined && reading.issuerCountry.value !== wantCountry;
      const index = countryWrong
        ? items.findIndex((item) => item.value.kind === 'choose-country')
        : items.findIndex((item) => item.value.kind === 'kind' && item.value.cardKind === (target.card?.kind ?? 'unknown'));
      keys = typed.length + index + 1;
      did = `typed "${typed}" (${typed.length}); ${index} × ↓ to "${items[index]!.label}", Enter`;
      state = answerCard(state, typed, items[index]!.value);
      // The kind is then the one highlighted when the country was wrong: set it as the person would on Back.
      if (countryWrong && target.card?.kind) state = { ...state, draft: { ...state.draft, card: { ...state.draft.card, kind: target.card.kind } } };
    } else if (screen === 'issuer-country' || screen === 'exit-country') {
      const view = countryScreen(state, screen, lang);
      const want = screen === 'issuer-country' ? (target.card?.issuerCountry ?? null) : (target.connection?.accessCountry ?? null);
      const index = view.items.findIndex((item) => item.value === want);
      const active = view.items.findIndex((item) => item.value === view.active);
      if (index >= 0 && index < REACHABLE_BY_ARROWS) {
        keys = Math.abs(index - active) + 1;
        did = `${Math.abs(index - active)} × ${index >= active ? '↓' : '↑'} to "${view.items[index]!.label}", Enter`;
      } else {
        const name = want ? countryName(want, lang) : '';
        keys = name.length + 1;
        did = `typed "${name}" (${name.length}), Enter`;
      }
      state = answerCountry(state, screen, want);
    } else if (screen === 'applies') {
      const view = appliesScreen(state, lang);
      const want = tickedFor(target);
      const toggles = view.items.map((item, index) => ({ index, item })).filter(({ item }) => want.has(item.value) !== view.ticked.includes(item.value));
      // A multi-select opens with no row highlighted: the first ↓ reaches the first row.
      let cursor = -1;
      for (const { index } of toggles) {
        keys += Math.abs(index - cursor) + 1;
        cursor = index;
      }
      keys += 1;
      did = `ticked ${toggles.length} (${toggles.map(({ item }) => item.value).join(', ') || 'none'}) with ↓ and Space, Enter`;
      state = answerApplies(state, [...want]);
    } else {
      const view = timeScreen(state, lang, now, offsetMinutes);
      const iso = target.occurredAt;
      const typed = iso ? shortestTime(iso, view.value, now, offsetMinutes) : '';
      keys = typed.length + 1;
      did = typed ? `typed "${typed}" (${typed.length}), Enter` : 'Enter (the time shown)';
      const read = parseTypedTime(typed || view.value, now, offsetMinutes);
      if (read.ok) state = answerTime(state, read.iso);
    }
    screens.push({ screen, keys, did });
    screen = nextScreen(state, screen);
  }
  const parsed = parseReport(state.draft);
  if (!parsed.ok) throw new Error(`the interview gave an invalid report: ${JSON.stringify(parsed.errors)}`);
  const got = leaves(parsed.report);
  const notAsked = [...leaves(target)].filter(([path, value]) => got.get(path) !== value).map(([path]) => path);
  return { screens, keys: screens.reduce((sum, run) => sum + run.keys, 0), report: parsed.report, notAsked };
}

/** The offset written in an ISO time, in minutes east of UTC. */
function offsetMinutesOf(iso: string): number {
  const match = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * For each example report (examples/*.card-report.json), in both languages: the screens and keys the
 * interview needs beyond pasting the error, the person answering half an hour after the failure
 * in the failure's own offset (so the time is typed as `10:31`), starting with no journal.
 */
export function benchInterview(): void {
  const dir = join(__dirname, '..', '..', 'examples');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.card-report.json')).sort()) {
    const parsed = parseReport(JSON.parse(readFileSync(join(dir, file), 'utf8')));
    if (!parsed.ok) throw new Error(`${file} is not a valid report`);
    const target = parsed.report;
    const occurred = target.occurredAt ?? '2026-12-01T22:10:00+08:00';
    const now = new Date(Date.parse(occurred) + 30 * 60_000);
    for (const lang of ['en', 'zh-cn'] as const) {
      const run = simulateInterview(target, lang, now, offsetMinutesOf(occurred));
      console.log(
        `interview ${file} (${lang}): ${run.screens.length} screens, ${run.keys} keys beyond pasting the error` +
          ` — ${run.screens.map((screen) => `${screen.screen} ${screen.keys}`).join(', ')}` +
          (run.notAsked.length ? `; not asked: ${run.notAsked.join(', ')}` : ''),
      );
      if (lang === 'en') for (const screen of run.screens) console.log(`    ${screen.screen}: ${screen.did}`);
    }
  }
  benchInterviewCorpus();
}

/**
 * Over the public case corpus (test/cases/*.json, scored cases only), each in its own language:
 * how many screens and keys the interview needs, and whether the report it gives still puts an
 * acceptable cause first as often as the full report does. The interview leaves out the notes,
 * the billing country and postal code and a VPN-less access country; this says what that costs.
 */
export function benchInterviewCorpus(): void {
  const dir = join(__dirname, '..', 'cases');
  const screens = new Map<number, number>();
  const keys: number[] = [];
  let full = 0;
  let short = 0;
  let total = 0;
  const lost: string[] = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const corpusCase = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      report: unknown; history?: unknown[]; now?: string; language?: string; acceptableFirstCauses: string[];
    };
    const parsed = parseReport(corpusCase.report);
    if (!parsed.ok) continue;
    const history = (corpusCase.history ?? []).map((entry) => parseReport(entry)).flatMap((result) => (result.ok ? [result.report] : []));
    const now = new Date(corpusCase.now ?? '2026-12-01T12:00:00Z');
    const lang: Lang = corpusCase.language === 'en' ? 'en' : 'zh-cn';
    const offset = parsed.report.occurredAt ? offsetMinutesOf(parsed.report.occurredAt) : 480;
    const run = simulateInterview(parsed.report, lang, now, offset);
    screens.set(run.screens.length, (screens.get(run.screens.length) ?? 0) + 1);
    keys.push(run.keys);
    const first = (report: Report) => diagnose(report, history, now).findings[0]?.cause;
    const fullOk = corpusCase.acceptableFirstCauses.includes(first(parsed.report) ?? '');
    // The interview's own time is "now" when the case gives none: compare at the case's time.
    const shortReport = parsed.report.occurredAt ? run.report : { ...run.report, occurredAt: undefined };
    const shortOk = corpusCase.acceptableFirstCauses.includes(first(shortReport) ?? '');
    total++;
    if (fullOk) full++;
    if (shortOk) short++;
    if (fullOk && !shortOk) lost.push(file.replace(/\.json$/, ''));
  }
  keys.sort((a, b) => a - b);
  const histogram = [...screens].sort(([a], [b]) => a - b).map(([count, cases]) => `${count} screens: ${cases}`).join(', ');
  console.log(
    `interview over the case corpus: ${total} cases — ${histogram}; keys median ${keys[Math.floor(keys.length / 2)]}, max ${keys[keys.length - 1]}; ` +
      `acceptable first cause ${short}/${total} from the interview's report vs ${full}/${total} from the full report` +
      (lost.length ? ` (lost: ${lost.join(', ')})` : ''),
  );
}
