import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from './cliError';

/** Parses a command's flags; an unknown flag or a missing value is bad input (exit 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError([error instanceof Error ? error.message : String(error)]);
  }
}

/** Date, time, and an optional offset; every field's range is checked after the match. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?$/;

/**
 * `--now`: an ISO 8601 date and time (`2025-11-27T10:31`, seconds, fractions and an offset
 * optional; without an offset it is this machine's local time), or the clock. A day the month
 * does not have (2025-02-30) is refused: `Date` would quietly roll it over into March.
 */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const match = ISO_DATE_TIME.exec(value);
  const time = match ? Date.parse(value) : NaN;
  if (!match || Number.isNaN(time) || !fieldsInRange(match)) {
    throw new InputError([`--now: expected an ISO 8601 date and time, such as 2025-11-27T10:31:00+08:00`]);
  }
  return new Date(time);
}

function fieldsInRange(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((field) => (field === undefined ? undefined : Number(field)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 23 && offsetMinutes <= 59
  );
}

/** A flag restricted to a few values. */
export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError([`${flag}: expected ${choices.join(', ')}`]);
}

/** What `render --format` can write: the letter as Markdown, or as plain text to paste. */
export const LETTER_FORMATS = ['markdown', 'text'] as const;
