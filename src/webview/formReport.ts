/**
 * The form's values and the report draft they stand for, both ways. Pure functions of plain
 * records (no DOM), so they run in the unit tests as they run in the webview.
 *
 * The form keeps what the person typed, as typed; the draft is what the host validates: empty
 * fields dropped, countries as codes, the time with its offset, every text masked.
 */
import { formatOffset, localIsoTime } from '../core/localTime';
import { redactCardNumbers, redactSecrets } from '../core/redact';
import { MAX_LINE, MAX_MULTILINE, REPORT_FIELD_PATHS, type ReportDraft, type ReportFieldPath } from '../protocol/messages';

/** Every control of the form, by id: the report's fields, plus the time's offset kept apart from the time. */
export const FORM_FIELD_IDS = [...REPORT_FIELD_PATHS, 'occurredAtOffset'] as const;

/** One control of the form. */
export type FormFieldId = (typeof FORM_FIELD_IDS)[number];

/** The form's values as typed, by control. `occurredAt` is a `datetime-local` value (`2025-11-27T10:31`). */
export type FormFields = Partial<Record<FormFieldId, string>>;

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
  const labelled = /\(\s*([A-Za-z]{2})\s*\)\s*$/.exec(text);
  if (labelled && index.codes.has(labelled[1]!.toUpperCase())) return labelled[1]!.toUpperCase();
  if (/^[A-Za-z]{2}$/.test(text) && index.codes.has(text.toUpperCase())) return text.toUpperCase();
  return index.byName.get(text.toLocaleLowerCase()) ?? text;
}

/**
 * A UTC offset as the schema wants it (`+08:00`), from the ways people write one: `+08:00`,
 * `+0800`, `+8`, `UTC+8`, `GMT-5:30`, `Z`. Undefined for anything else.
 */
export function normalizeOffset(typed: string): string | undefined {
  const text = typed.trim();
  if (/^z$/i.test(text)) return '+00:00';
  const match = /^(?:utc|gmt)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return formatOffset((match[1] === '+' ? 1 : -1) * (hours * 60 + minutes));
}

/**
 * The report's `occurredAt` from the form's local time and offset. Undefined when no time was
 * given; a time with an offset that cannot be read goes without one, for the schema to name.
 */
export function composeOccurredAt(local: string | undefined, offset: string | undefined): string | undefined {
  const time = (local ?? '').trim();
  if (!time) return undefined;
  const withSeconds = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(time) ? `${time}:00` : time;
  const normalized = normalizeOffset(offset ?? '');
  return normalized ? `${withSeconds}${normalized}` : withSeconds;
}

/** The form's time and offset for a report's `occurredAt` (`2025-11-27T10:31:00+08:00` → `2025-11-27T10:31`, `+08:00`). */
export function splitOccurredAt(iso: string): { local: string; offset: string } {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(iso.trim());
  if (!match) return { local: iso, offset: '' };
  const seconds = match[2] && match[2] !== ':00' ? match[2] : '';
  const offset = match[3] ? (normalizeOffset(match[3]) ?? match[3]) : '';
  return { local: `${match[1]}${seconds}`, offset };
}

/** Now, as the form's time and offset in this machine's zone. */
export function localTimeNow(now: Date): { local: string; offset: string } {
  const iso = localIsoTime(now);
  return { local: iso.slice(0, 16), offset: iso.slice(19) };
}

/** What masking did to a typed value. */
export interface MaskResult {
  value: string;
  /** A card number was masked. */
  cardNumber: boolean;
  /** A CVC or one-time code was masked (and no card number). */
  code: boolean;
}

/**
 * Masks card numbers, CVCs and one-time codes in a typed or pasted value, the core's way
 * (`•••• 4242`, `•••`), and says which kind it found, for the note beside the field.
 */
export function maskSecrets(value: string): MaskResult {
  const withoutCards = redactCardNumbers(value);
  const masked = redactSecrets(withoutCards);
  const cardNumber = withoutCards !== value;
  return { value: masked, cardNumber, code: !cardNumber && masked !== withoutCards };
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
export function formToReportDraft(fields: FormFields, countries: readonly CountryChoice[]): ReportDraft {
  const draft: Record<string, unknown> = {};
  for (const path of REPORT_FIELD_PATHS) {
    const raw = path === 'occurredAt' ? composeOccurredAt(fields.occurredAt, fields.occurredAtOffset) : fields[path];
    if (raw === undefined) continue;
    const multiline = MULTILINE_FIELDS.includes(path);
    const masked = redactSecrets(multiline ? raw : raw.trim());
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
    if (path === 'occurredAt') {
      const { local, offset } = splitOccurredAt(value);
      fields.occurredAt = local;
      fields.occurredAtOffset = offset;
    } else if (COUNTRY_FIELDS.includes(path)) {
      fields[path] = countryLabel(value, countries);
    } else {
      fields[path] = redactSecrets(value);
    }
  }
  return fields;
}
