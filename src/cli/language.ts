/**
 * The CLI's language: `--lang`, else the terminal's locale (LC_ALL, LC_MESSAGES, LANG), and the
 * message bundles and Traditional Chinese table that go with it. The CLI's own sentences are
 * `l10n.t` calls (@vscode/l10n) reading the same l10n/bundle.l10n.*.json files as the extension,
 * so `npm run l10n` extracts them and the l10n tests hold them to every translation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as l10n from '@vscode/l10n';
import type { Lang } from '../core/catalogue';
import { langOfLocale, useTraditionalTable, type TraditionalTable } from '../core/language';
import { InputError } from './cliError';

export { langOfLocale };

/** `--lang`, defaulting to the terminal's locale: Chinese (Simplified or Traditional) when it is Chinese, else English. */
export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (value === undefined) {
    const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
    return langOfLocale(locale) ?? 'en';
  }
  const lang = langOfLocale(value);
  if (lang) return lang;
  throw new InputError([`--lang: expected en, zh-cn or zh-tw`]);
}

/** l10n/ beside dist/ (the bundle) or beside src/ (run from source, as the tests do). */
function readL10nFile(name: string): string {
  const bundled = join(__dirname, '..', 'l10n', name);
  try {
    return readFileSync(bundled, 'utf8');
  } catch {
    return readFileSync(join(__dirname, '..', '..', 'l10n', name), 'utf8');
  }
}

/**
 * Makes `l10n.t` speak `lang`, and core too for Traditional Chinese (its table), before anything
 * is said. English needs no file: its strings are the keys.
 */
export function useLanguage(lang: Lang): void {
  l10n.config({ contents: lang === 'en' ? {} : (JSON.parse(readL10nFile(`bundle.l10n.${lang}.json`)) as Record<string, string>) });
  if (lang === 'zh-tw') useTraditionalTable(JSON.parse(readL10nFile('zh-tw-table.json')) as TraditionalTable);
}

/** {@link parseLang} and then {@link useLanguage}: what each command does with its `--lang`. */
export function chooseLanguage(value: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const lang = parseLang(value, env);
  useLanguage(lang);
  return lang;
}
