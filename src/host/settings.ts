import * as vscode from 'vscode';
import * as z from 'zod/mini';
import type { Lang } from '../core/catalogue';
import { uiLang } from './language';
import { isEmailAddress } from '../core/emailAddress';

/** A workspace-relative path: no absolute paths and no way out of the folder with `..`. */
const relativePath = z.string().check(
  z.overwrite((value) => value.trim().replace(/\\/g, '/')),
  z.refine((value) => !value.startsWith('/') && !/^[a-z]:/i.test(value) && !value.split('/').includes('..'), 'must be a path inside the workspace folder'),
);

const trimmed = z.string().check(z.overwrite((value) => value.trim()));

/** Each setting's rule and default (the defaults are those of package.json `contributes.configuration`). */
const SETTING_RULES = {
  journalPath: { schema: relativePath.check(z.minLength(1, 'must not be empty'), z.endsWith('.md', 'must end with .md')), fallback: 'card-failures/journal.md' },
  outputFolder: { schema: relativePath.check(z.minLength(1, 'must not be empty')), fallback: 'card-failures' },
  letterLanguage: { schema: z.enum(['auto', 'en', 'zh-cn'], 'must be auto, en or zh-cn'), fallback: 'auto' },
  templatesFolder: { schema: relativePath, fallback: '' },
  accountEmail: { schema: trimmed.check(z.refine((value) => value === '' || isEmailAddress(value), 'must be an email address')), fallback: '' },
  name: { schema: trimmed.check(z.maxLength(120, 'must be at most 120 characters')), fallback: '' },
} as const;

type SettingKey = keyof typeof SETTING_RULES;

export type Settings = { [K in SettingKey]: z.infer<(typeof SETTING_RULES)[K]['schema']> };

export interface SettingProblem {
  key: string;
  message: string;
}

/**
 * Reads the settings for a folder. An invalid value falls back to its default (so the command
 * still works) and is returned as a problem, so the caller can warn with "Open Settings".
 */
export function readSettings(scope: vscode.Uri | undefined): { settings: Settings; problems: SettingProblem[] } {
  const config = vscode.workspace.getConfiguration('cardDoctor', scope);
  const settings: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [key, rule] of Object.entries(SETTING_RULES)) {
    const result = rule.schema.safeParse(config.get(key, rule.fallback));
    if (result.success) {
      settings[key] = result.data;
    } else {
      settings[key] = rule.fallback;
      problems.push({ key: `cardDoctor.${key}`, message: result.error.issues[0]?.message ?? 'has an invalid value' });
    }
  }
  return { settings: settings as Settings, problems };
}

/** The language of the letters: the setting, or the UI's. */
export function letterLang(settings: Settings): Lang {
  return settings.letterLanguage === 'auto' ? uiLang() : settings.letterLanguage;
}

/** Warns once per distinct problem, with a button that opens the setting. */
export class SettingsWarnings {
  private readonly shown = new Set<string>();

  warn(problems: readonly SettingProblem[]): void {
    for (const problem of problems) {
      this.once(
        `${problem.key}: ${problem.message}`,
        vscode.l10n.t('The setting {0} is invalid: it {1}. The default is used instead.', problem.key, localizeSettingMessage(problem.message)),
        problem.key,
      );
    }
  }

  /** Shows `message` (already localized) with "Open Settings" for `setting`, unless `key` was shown before in this window. */
  once(key: string, message: string, setting: string): void {
    if (this.shown.has(key)) return;
    this.shown.add(key);
    showWithOpenSettings(message, setting);
  }
}

/** A warning with one action, "Open Settings", that opens `setting`. */
export function showWithOpenSettings(message: string, setting: string): void {
  const open = vscode.l10n.t('Open Settings');
  void vscode.window.showWarningMessage(message, open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', setting);
  });
}

function localizeSettingMessage(message: string): string {
  switch (message) {
    case 'must be a path inside the workspace folder':
      return vscode.l10n.t('must be a path inside the workspace folder');
    case 'must not be empty':
      return vscode.l10n.t('must not be empty');
    case 'must end with .md':
      return vscode.l10n.t('must end with .md');
    case 'must be auto, en or zh-cn':
      return vscode.l10n.t('must be auto, en or zh-cn');
    case 'must be an email address':
      return vscode.l10n.t('must be an email address');
    case 'must be at most 120 characters':
      return vscode.l10n.t('must be at most 120 characters');
    default:
      return vscode.l10n.t('has an invalid value');
  }
}
