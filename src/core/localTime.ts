/**
 * Times as people read them: a UTC offset as `+08:00`, now as an ISO 8601 time in the machine's
 * own offset, an instant in the one display form (`2026-12-01 22:10 UTC+08:00`) and a wait as
 * `5h 12m` / `5 小时 12 分钟`. One place for the CLI, the wizard, the form, the status bar and the
 * words; it imports only a type, so the webview can take it without the catalogue.
 */
import type { Lang } from './catalogue';

/** An offset in minutes east of UTC as `+08:00` / `-05:00`. */
export function formatOffset(offsetMinutes: number): string {
  const absolute = Math.abs(offsetMinutes);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(absolute / 60))}:${pad(absolute % 60)}`;
}

/** `date` as ISO 8601 in the given offset (minutes east of UTC), e.g. `2025-11-27T18:00:00+08:00`. */
export function isoAtOffset(date: Date, offsetMinutes: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  return `${local}${formatOffset(offsetMinutes)}`;
}

/** `now` in the machine's own offset (what a person in Beijing reads as local). */
export function localIsoTime(now: Date): string {
  return isoAtOffset(now, -now.getTimezoneOffset());
}

/** Formats an instant as local date and time with its UTC offset, in the given offset (minutes east of UTC). */
export function formatLocalTime(iso: string, offsetMinutes: number): string {
  const local = new Date(Date.parse(iso) + offsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} UTC${formatOffset(offsetMinutes)}`;
}

/** The UTC offset written in an ISO 8601 timestamp, in minutes (0 for `Z`). */
export function offsetOf(iso: string): number {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The units of a duration. The one Traditional text written out by hand in core: the webview
 * counts a wait down with this module and has no conversion table. test/unit/language.test.ts
 * checks it against the table's conversion of the Simplified units, so the two cannot drift.
 */
export const DURATION_UNITS: Readonly<Record<Lang, readonly [hours: string, minutes: string]>> = {
  en: ['h ', 'm'],
  'zh-cn': [' 小时 ', ' 分钟'],
  'zh-tw': [' 小時 ', ' 分鐘'],
};

/** A duration as hours and minutes ("5h 12m" / "5 小时 12 分钟" / "5 小時 12 分鐘"). */
export function durationText(milliseconds: number, lang: Lang): string {
  const totalMinutes = Math.max(0, Math.ceil(milliseconds / 60_000));
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const [hourUnit, minuteUnit] = DURATION_UNITS[lang];
  return `${hours}${hourUnit}${minutes}${minuteUnit}`;
}
