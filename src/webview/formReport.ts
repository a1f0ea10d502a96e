/**
 * The form's values and the report draft they stand for, both ways. Pure functions of plain
 * records (no DOM), so they run in the unit tests as they run in the webview.
 *
 * The form keeps what the person typed, as typed; the draft is what the host validates: empty
 * fields dropped, countries as codes, the time with its offset, every text masked.
 */
import { isoAtOffset } from '../core/localTime';
import { formatTypedTime, parseTypedTime } from '../core/typedTime';
import { redactCardNumbers, redactSecrets } from '../core/redact';
import { MAX_LINE, MAX_MULTILINE, REPORT_FIELD_PATHS, type ReportDraft, type ReportFieldPath } from '../protocol/messages';

/** Every control of the form, by id: one per report field (the time is typed, its offset with it). */
export const FORM_FIELD_IDS = REPORT_FIELD_PATHS;

/** One control of the form. */
export type FormFieldId = (typeof FORM_FIELD_IDS)[number];

/**
 * The form's values as typed, by control. `occurredAt` is the time as typed (`22:10`,
 * `2026-12-01 22:10 +08:00`). `occurredAtOffset` is the previous form's separate offset field,
 * still read (joined to the time) so that a saved state or a caller from before keeps its zone.
 */
export type FormFields = Partial<Record<FormFieldId, string>> & { occurredAtOffset?: string };

/** The fields with a separate offset (the previous form's) joined to the time, as a person would type both. */
function withOffsetJoined<T extends Readonly<Record<string, unknown>>>(fields: T): T {
  if (!('occurredAtOffset' in fields)) return fields;
  const { occurredAtOffset: offset, ...rest } = fields as Record<string, unknown>;
  const time = rest.occurredAt;
  if (typeof time === 'string' && time.trim() && typeof offset === 'string') rest.occurredAt = `${time.trim()} ${offset.trim()}`.trim();
  return rest as T;
}

/** The fields that hold a country: typed as a name, a code, or "name (CODE)"; sent as the code. */
export const COUNTRY_FIELDS: readonly ReportFieldPath[] = ['card.issuerCountry', 'billing.country', 'connection.accessCountry'];

/** The fields of several lines. */
export const MULTILINE_FIELDS: readonly ReportFieldPath[] = ['errorMessage', 'notes'];

/** A country of the searchable list, its name in the UI language. */
export interface CountryChoice {
  readonly code: string;
  readonly name: string;
}

interface CountryIndex {
  codes: ReadonlySet<string>;
  byName: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<readonly CountryChoice[], CountryIndex>();

function indexOf(countries: readonly CountryChoice[]): CountryIndex {
  let index = indexes.get(countries);
  if (!index) {
    index = {
      codes: new Set(countries.map((country) => country.code)),
      byName: new Map(countries.map((country) => [country.name.toLocaleLowerCase(), country.code])),
      names: new Map(countries.map((country) => [country.code, country.name])),
    };
    indexes.set(countries, index);
  }
  return index;
}

/** How a country shows in its field and in the list: `中国 (CN)`. */
export function countryLabel(code: string, countries: readonly CountryChoice[]): string {
  const name = indexOf(countries).names.get(code);
  return name ? `${name} (${code})` : code;
}

/**
 * The code for what was typed in a country field: "中国 (CN)", "CN", "cn", "中国" or "china" (a
 * name in the list's language, any case). Anything else comes back trimmed as it was, for the
 * schema to reject with its own message.
 */
export function countryCodeOf(typed: string, countries: readonly CountryChoice[]): string {
  const text = typed.trim();
  const index = indexOf(countries);
  const labelled = /\(\s*([a-z]{2})\s*\)\s*$/i.exec(text);
  if (labelled && index.codes.has(labelled[1]!.toUpperCase())) return labelled[1]!.toUpperCase();
  if (/^[a-z]{2}$/i.test(text) && index.codes.has(text.toUpperCase())) return text.toUpperCase();
  return index.byName.get(text.toLocaleLowerCase()) ?? text;
}

/** The clock the form reads a typed time against: now, and the person's offset (minutes east of UTC). */
export interface FormClock {
  readonly now: Date;
  readonly offsetMinutes: number;
}

/** This machine's clock: what a person in Beijing means by "22:10". */
export function machineClock(now: Date = new Date()): FormClock {
  return { now, offsetMinutes: -now.getTimezoneOffset() };
}

/**
 * The report's `occurredAt` for the time as typed (`22:10`, `2026-12-01 22:10`, with or without
 * an offset), read against `clock`. Undefined when nothing was typed; text that cannot be read
 * goes as typed, for the schema to refuse and the form to name.
 */
export function occurredAtOf(typed: string | undefined, clock: FormClock): string | undefined {
  const text = (typed ?? '').trim();
  if (!text) return undefined;
  const parsed = parseTypedTime(text, clock.now, clock.offsetMinutes);
  return parsed.ok ? parsed.iso : text;
}

/** Now as the form's time field shows it: the local date and time, in the person's own offset (`2026-12-01 22:10`). */
export function typedTimeNow(clock: FormClock): string {
  const iso = isoAtOffset(clock.now, clock.offsetMinutes);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** What masking did to a typed value. */
export interface MaskResult {
  value: string;
  /** A card number was masked. */
  cardNumber: boolean;
  /** A CVC or one-time code was masked (and no card number). */
  code: boolean;
}

/** C0 and C1 controls but tab and line feed: the schema drops them before it masks, so digits they split are one number to it. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Masks card numbers, CVCs and one-time codes in a typed or pasted value, the core's way
 * (`•••• 4242`, `•••`), and says which kind it found, for the note beside the field. Control
 * characters are dropped first, as the schema drops them, so a number it would see cannot hide
 * here; a value with nothing to mask comes back exactly as it was.
 */
export function maskSecrets(value: string): MaskResult {
  const text = value.replace(CONTROLS, '');
  const withoutCards = redactCardNumbers(text);
  const masked = redactSecrets(withoutCards);
  if (masked === text) return { value, cardNumber: false, code: false };
  const cardNumber = withoutCards !== text;
  return { value: masked, cardNumber, code: !cardNumber };
}

/** What a masking note says: a card number or a code was masked. */
export type MaskKind = 'cardNumber' | 'code';

/** What the webview keeps with `setState` while hidden: masked values, and only the form's own paths. */
export interface SavedState {
  version: 1;
  fields: FormFields;
  touched: ReportFieldPath[];
  masked: Partial<Record<ReportFieldPath, MaskKind>>;
}

const FIELD_ID_SET: ReadonlySet<string> = new Set(FORM_FIELD_IDS);
const PATH_SET: ReadonlySet<string> = new Set(REPORT_FIELD_PATHS);
const isPath = (path: unknown): path is ReportFieldPath => typeof path === 'string' && PATH_SET.has(path);

/**
 * The one state the webview saves, from whatever the form holds: every value masked here (the
 * state outlives the view, so nothing typed reaches it unmasked, whichever way it got into the
 * control), and nothing but the form's own fields and paths kept.
 */
export function savedStateOf(
  fields: Readonly<Record<string, unknown>>,
  touched: Iterable<unknown>,
  masked: Iterable<readonly [unknown, unknown]>,
): SavedState {
  const values: FormFields = {};
  for (const [id, value] of Object.entries(withOffsetJoined(fields))) {
    if (FIELD_ID_SET.has(id) && typeof value === 'string') values[id as FormFieldId] = maskSecrets(value).value;
  }
  const kinds: SavedState['masked'] = {};
  for (const [path, kind] of masked) if (isPath(path) && (kind === 'cardNumber' || kind === 'code')) kinds[path] = kind;
  return { version: 1, fields: values, touched: [...new Set([...touched].filter(isPath))], masked: kinds };
}

/** A saved state read back through {@link savedStateOf}; undefined unless this version wrote it. */
export function readSavedState(raw: unknown): SavedState | undefined {
  if (!raw || typeof raw !== 'object' || (raw as { version?: unknown }).version !== 1) return undefined;
  const { fields, touched, masked } = raw as Record<string, unknown>;
  const record = (value: unknown) => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
  return savedStateOf(record(fields), Array.isArray(touched) ? touched : [], Object.entries(record(masked)));
}

function setPath(target: Record<string, unknown>, path: string, value: string): void {
  const [group, key] = path.split('.') as [string, string | undefined];
  if (key === undefined) {
    target[group] = value;
    return;
  }
  const section = (target[group] ??= {}) as Record<string, string>;
  section[key] = value;
}

function getPath(source: ReportDraft, path: string): string | undefined {
  const [group, key] = path.split('.') as [string, string | undefined];
  const value = (source as Record<string, unknown>)[group];
  if (key === undefined) return typeof value === 'string' ? value : undefined;
  const inner = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof inner === 'string' ? inner : undefined;
}

/**
 * The report draft the form stands for: empty fields dropped, groups with no field dropped,
 * countries as codes, the time and offset joined, every value masked and within the protocol's
 * lengths. What the host gets always parses as a draft; whether it is a valid report is the
 * core schema's to say.
 */
export function formToReportDraft(typed: FormFields, countries: readonly CountryChoice[], clock: FormClock = machineClock()): ReportDraft {
  const draft: Record<string, unknown> = {};
  const fields = withOffsetJoined(typed);
  for (const path of REPORT_FIELD_PATHS) {
    const raw = path === 'occurredAt' ? occurredAtOf(fields.occurredAt, clock) : fields[path];
    if (raw === undefined) continue;
    const multiline = MULTILINE_FIELDS.includes(path);
    const masked = maskSecrets(multiline ? raw : raw.trim()).value;
    if (masked.trim() === '') continue;
    const value = COUNTRY_FIELDS.includes(path) ? countryCodeOf(masked, countries) : masked;
    setPath(draft, path, value.slice(0, multiline ? MAX_MULTILINE : MAX_LINE));
  }
  return draft as ReportDraft;
}

/** The form's values for a draft or a report (the journal's last attempt): the inverse of {@link formToReportDraft}. */
export function reportDraftToForm(draft: ReportDraft, countries: readonly CountryChoice[]): FormFields {
  const fields: FormFields = {};
  for (const path of REPORT_FIELD_PATHS) {
    const value = getPath(draft, path);
    if (value === undefined || value === '') continue;
    // The time in the one display form, which the time field reads back as the same instant.
    fields[path] = path === 'occurredAt' ? formatTypedTime(value) : COUNTRY_FIELDS.includes(path) ? countryLabel(value, countries) : value;
  }
  // Whatever the draft held, the time and the countries too (they come back as typed when unreadable).
  for (const id of Object.keys(fields) as FormFieldId[]) fields[id] = maskSecrets(fields[id]!).value;
  return fields;
}
