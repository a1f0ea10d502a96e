/**
 * Times as people type them into the wizard and the form (`22:10`, `2026-12-01 22:10`,
 * `2026/12/1 22:10 UTC+8`, full ISO 8601…), read into the ISO 8601 time with offset that a
 * report stores, and the one display form (`2026-12-01 22:10 UTC+08:00`) turned back into it.
 * Imports only localTime, so the webview can take it without the catalogue.
 */
import { formatLocalTime, formatOffset, isoAtOffset, offsetOf } from './localTime';

/** The shape formatTypedTime shows in the display form (anything else is shown as typed). */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;

/** What {@link parseTypedTime} makes of a typed time: the ISO 8601 time, or nothing usable. */
export type TypedTimeResult = { ok: true; iso: string } | { ok: false };

/** Longer than any form below (with spaces to spare); anything longer is not read at all. */
export const TYPED_TIME_MAX_LENGTH = 48;

/**
 * The typed forms, after folding (see {@link foldTypedTime}): an optional date (`-`, `/` or `.`
 * between its parts, one or two digits for month and day), `T` or a space, the time with
 * optional seconds (and a fraction, dropped), then an optional offset: `Z`, `+08:00`, `+0800`,
 * `+8`, each optionally after `UTC`/`GMT`, or `UTC`/`GMT` alone. Every quantifier is bounded
 * and each part starts with a distinct character, so matching is linear.
 */
const TYPED_TIME =
  /^(?:(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[T ])?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)? ?(?:(Z)|(?:UTC|GMT)? ?([+-])(\d{1,2})(?::?(\d{2}))?|UTC|GMT)?$/i;

/** Written offsets run from UTC-12:00 to UTC+14:00. */
const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * Typed text in the one shape {@link TYPED_TIME} reads: NFKC (full-width digits, colon, plus and
 * letters become ASCII, as a Chinese IME types them), the Chinese date words `年` `月` as
 * separators and `日`/`号` dropped, the minus sign `−` as `-`, runs of spaces as one.
 */
function foldTypedTime(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[年月]/g, '-')
    .replace(/[日号號]/g, ' ')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ ?- ?/g, '-')
    .replace(/ ?: ?/g, ':');
}

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad2 = (value: number) => String(value).padStart(2, '0');

/**
 * Reads a time a person typed. `now` and `offsetMinutes` (minutes east of UTC, the person's own
 * offset) complete what the text leaves out: a time without an offset is in `offsetMinutes`;
 * a time without a date is today in its offset, or yesterday when today's would be later than
 * `now` (compared to the minute): the failure has already happened, so `23:50` typed at 00:10
 * means the evening before. Returns ISO 8601 with seconds and the offset, e.g.
 * `2026-12-01T22:10:00+08:00`; `{ ok: false }` for text longer than
 * {@link TYPED_TIME_MAX_LENGTH}, another shape, or a day, hour or offset that does not exist.
 */
export function parseTypedTime(text: string, now: Date, offsetMinutes: number): TypedTimeResult {
  if (text.length > TYPED_TIME_MAX_LENGTH) return { ok: false };
  const parts = TYPED_TIME.exec(foldTypedTime(text));
  if (!parts) return { ok: false };
  const [, yearText, monthText, dayText, hourText, minuteText, secondText, zulu, sign, offsetHourText, offsetMinuteText] = parts;
  const hour = Number(hourText);
  const minute = Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  if (hour > 23 || minute > 59 || second > 59) return { ok: false };

  let offset = offsetMinutes;
  if (zulu) offset = 0;
  else if (sign) {
    const offsetHour = Number(offsetHourText);
    const offsetMinute = offsetMinuteText === undefined ? 0 : Number(offsetMinuteText);
    if (offsetMinute > 59) return { ok: false };
    offset = (sign === '-' ? -1 : 1) * (offsetHour * 60 + offsetMinute);
    if (offset > MAX_OFFSET_MINUTES || offset < -12 * 60) return { ok: false };
  } else if (/(?:UTC|GMT)$/i.test(parts[0])) offset = 0;

  const time = `${pad2(hour)}:${pad2(minute)}:${pad2(second)}${formatOffset(offset)}`;
  if (yearText !== undefined) {
    const year = Number(yearText);
    const month = Number(monthText);
    const day = Number(dayText);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false };
    return { ok: true, iso: `${yearText}-${pad2(month)}-${pad2(day)}T${time}` };
  }
  // A fixed offset has no daylight saving: every day in it is 24 hours, so "yesterday" is
  // exactly one day earlier.
  const localNow = isoAtOffset(now, offset);
  const nowMinutes = Number(localNow.slice(11, 13)) * 60 + Number(localNow.slice(14, 16));
  const day = hour * 60 + minute > nowMinutes ? isoAtOffset(new Date(now.getTime() - 86_400_000), offset) : localNow;
  return { ok: true, iso: `${day.slice(0, 10)}T${time}` };
}

/**
 * An ISO 8601 time in the app's one display form, in the time's own offset:
 * `2026-12-01T22:10:05+08:00` → `2026-12-01 22:10 UTC+08:00` (seconds are not shown anywhere),
 * the form {@link parseTypedTime} reads back. Text that is not an ISO time is returned as it is,
 * so a half-typed value shows as typed.
 */
export function formatTypedTime(iso: string): string {
  if (!ISO_WITH_OFFSET.test(iso) || Number.isNaN(Date.parse(iso))) return iso;
  return formatLocalTime(iso, offsetOf(iso));
}
