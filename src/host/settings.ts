import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { Lang } from '../core/catalogue';
import { uiLang, usableLang } from './language';
import { isEmailAddress } from '../core/emailAddress';
import { letterLangFor as coreLetterLangFor, ownCopyLang, type LetterKind } from '../core/letterKinds';
import type { Report } from '../core/report';

/** A workspace-relative path: no absolute paths and no way out of the folder with `..`. */
const relativePath = z.string().check(
  z.overwrite((value) => value.trim().replace(/\\/g, '/')),
  z.refine((value) => !value.startsWith('/') && !/^[a-z]:/i.test(value) && !value.split('/').includes('..'), 'must be a path inside the workspace folder'),
);

const trimmed = z.string().check(z.overwrite((value) => value.trim()));

/** The letter languages `cardDoctor.letterLanguage` accepts (package.json lists the same `enum`). */
export const LETTER_LANGUAGE_VALUES = ['auto', 'en', 'zh-cn', 'zh-tw'] as const;

/**
 * Each setting's rule. The defaults are not repeated here: they are package.json's
 * `contributes.configuration`, which VS Code answers with for a setting nobody set and gives
 * as `inspect(key).defaultValue` (test/unit/host/settingsService.test.ts checks that each is valid here).
 */
const SETTING_RULES = {
  journalPath: relativePath.check(z.minLength(1, 'must not be empty'), z.endsWith('.md', 'must end with .md')),
  outputFolder: relativePath.check(z.minLength(1, 'must not be empty')),
  letterLanguage: z.enum(LETTER_LANGUAGE_VALUES, 'must be auto, en, zh-cn or zh-tw'),
  templatesFolder: relativePath,
  accountEmail: trimmed.check(z.refine((value) => value === '' || isEmailAddress(value), 'must be an email address')),
  name: trimmed.check(z.maxLength(120, 'must be at most 120 characters')),
  appealSelfDiagnosis: z.boolean('must be true or false'),
} as const;

export type SettingKey = keyof typeof SETTING_RULES;

/** Every setting the extension reads, under `cardDoctor.`. */
export const SETTING_KEYS = Object.keys(SETTING_RULES) as SettingKey[];

export type Settings = { [K in SettingKey]: z.infer<(typeof SETTING_RULES)[K]> };

export interface SettingProblem {
  key: string;
  message: string;
}

/** A setting's value as the extension uses it (trimmed, slashes forward), or the rule's first complaint. */
export function validateSetting(key: SettingKey, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = SETTING_RULES[key].safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, message: result.error.issues[0]?.message ?? 'has an invalid value' };
}

/**
 * Reads the settings for a folder. An invalid value falls back to package.json's default (so the
 * command still works) and is returned as a problem, so the caller can warn with "Open Settings".
 * Callers that read often go through `SettingsService`, which keeps the result until a setting changes.
 */
export function readSettings(scope: vscode.Uri | undefined): { settings: Settings; problems: SettingProblem[] } {
  const config = vscode.workspace.getConfiguration('cardDoctor', scope);
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const key of SETTING_KEYS) {
    const checked = validateSetting(key, config.get(key));
    if (checked.ok) {
      settings[key] = checked.value;
      continue;
    }
    problems.push({ key: `cardDoctor.${key}`, message: checked.message });
    const fallback = validateSetting(key, config.inspect(key)?.defaultValue);
    // Only a broken package.json gets here (a unit test keeps its defaults valid).
    if (!fallback.ok) throw new Error(`package.json gives cardDoctor.${key} no valid default: it ${fallback.message}`);
    settings[key] = fallback.value;
  }
  return { settings: settings as Settings, problems };
}

/**
 * The language of what the extension writes for the person to read themselves (the journal): the
 * setting when it names a language, else the UI's. A letter goes by {@link letterLangFor}.
 */
export function letterLang(settings: Settings): Lang {
  return settings.letterLanguage === 'auto' ? uiLang() : usableLang(settings.letterLanguage);
}

/**
 * The language of one letter: the setting when it names a language, else its reader's (the
 * appeal in English, the bank inquiry in the issuing country's; see the core's `readerLang`).
 */
export function letterLangFor(settings: Settings, kind: LetterKind, report: Report): Lang {
  const setting = settings.letterLanguage === 'auto' ? 'auto' : usableLang(settings.letterLanguage);
  return usableLang(coreLetterLangFor(kind, setting, report.card?.issuerCountry, uiLang()));
}

/** The language of the person's own copy of a letter in `lang`, or undefined when they need none (see the core's `ownCopyLang`). */
export function ownCopyLangFor(settings: Settings, lang: Lang): Lang | undefined {
  return ownCopyLang(settings.letterLanguage, lang, uiLang());
}

/** What the person reads about an invalid setting, in their language. */
export function settingProblemMessage(problem: SettingProblem): string {
  return vscode.l10n.t('The setting {0} is invalid: it {1}. The default is used instead.', problem.key, localizeSettingMessage(problem.message));
}

function localizeSettingMessage(message: string): string {
  switch (message) {
    case 'must be a path inside the workspace folder':
      return vscode.l10n.t('must be a path inside the workspace folder');
    case 'must not be empty':
      return vscode.l10n.t('must not be empty');
    case 'must end with .md':
      return vscode.l10n.t('must end with .md');
    case 'must be auto, en, zh-cn or zh-tw':
      return vscode.l10n.t('must be auto, en, zh-cn or zh-tw');
    case 'must be an email address':
      return vscode.l10n.t('must be an email address');
    case 'must be at most 120 characters':
      return vscode.l10n.t('must be at most 120 characters');
    default:
      return vscode.l10n.t('has an invalid value');
  }
}
