import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../core/catalogue';
import { InputError } from './cliError';

/** Parses a command's flags; an unknown flag or a missing value is bad input (exit 2). */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new InputError([error instanceof Error ? error.message : String(error)]);
  }
}

/** `--now`: an ISO 8601 instant, or the clock. */
export function parseNow(value: string | undefined): Date {
  if (value === undefined) return new Date();
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw new InputError(['--now: expected an ISO 8601 date and time, such as 2025-11-27T10:31:00+08:00']);
  }
  return new Date(time);
}

/** `--lang`, defaulting to Chinese when the terminal's locale is Chinese. */
export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) {
    const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return /^zh/i.test(locale) ? 'zh-cn' : 'en';
  }
  const normalized = value.toLowerCase().replace('_', '-');
  if (normalized === 'en' || normalized === 'zh-cn') return normalized;
  throw new InputError([`--lang: expected en or zh-cn`]);
}

/** A flag restricted to a few values. */
export function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw new InputError([`${flag}: expected ${choices.join(', ')}`]);
}
