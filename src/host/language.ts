import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { hasTraditionalTable, useTraditionalTable, type TraditionalTable } from '../core/language';

/**
 * The language for a VS Code display language: Traditional Chinese for Taiwan, Hong Kong and
 * Macau and any `zh-hant*`, Simplified for every other Chinese, English otherwise. VS Code's own
 * ids are `zh-tw` and `zh-cn`; the others come from a `--locale` or a language pack of their own.
 */
export function langForLocale(locale: string): Lang {
  const id = locale.toLowerCase().replace(/_/g, '-');
  if (!id.startsWith('zh')) return 'en';
  return /^zh-(?:tw|hk|mo|hant)(?:-|$)/.test(id) ? 'zh-tw' : 'zh-cn';
}

let tableLoad: 'loaded' | 'failed' | undefined;

/**
 * Installs core's Traditional Chinese table (l10n/zh-tw-table.json beside dist/, or beside src/
 * when run from source) the first time Traditional is chosen. When it cannot be read the person
 * reads Simplified Chinese rather than an error, and the log says why.
 */
export function ensureTraditionalTable(dirname: string = __dirname): boolean {
  if (tableLoad === undefined) {
    tableLoad = 'failed';
    for (const file of [join(dirname, '..', 'l10n', 'zh-tw-table.json'), join(dirname, '..', '..', 'l10n', 'zh-tw-table.json')]) {
      try {
        useTraditionalTable(JSON.parse(readFileSync(file, 'utf8')) as TraditionalTable);
        tableLoad = 'loaded';
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          console.error(`Card Binding Doctor: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }
  }
  return tableLoad === 'loaded' || hasTraditionalTable();
}

/** `lang`, or Simplified Chinese for Traditional when its table could not be loaded. */
export function usableLang(lang: Lang): Lang {
  return lang === 'zh-tw' && !ensureTraditionalTable() ? 'zh-cn' : lang;
}

/** The language of everything the extension shows, from VS Code's display language. */
export function uiLang(): Lang {
  return usableLang(langForLocale(vscode.env.language));
}
