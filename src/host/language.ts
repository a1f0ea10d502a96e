import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';
import { hasTraditionalTable, langOfLocale, useTraditionalTable, type TraditionalTable } from '../core/language';
import { currentPort } from './currentPort';
import type { TableSource } from './hostPort';

/**
 * The language for a VS Code display language (core's {@link langOfLocale}): English for any
 * language that is neither Chinese nor English. VS Code's own ids are `zh-tw` and `zh-cn`; zh-hk,
 * zh-mo and zh-hant* come from a `--locale` or a language pack of their own.
 */
export function langForLocale(locale: string): Lang {
  return langOfLocale(locale) ?? 'en';
}

let tableLoad: 'loaded' | 'failed' | undefined;
let tableProblem: string | undefined;
let problemListener: ((problem: string) => void) | undefined;

/**
 * Reads core's Traditional Chinese table from the first of `files` that holds one and installs it
 * (in the browser, from the copy in the bundle: see the port's `traditionalTableSources`).
 * Returns undefined when installed, else why not, naming every file tried (a missing file too: in
 * an installed extension that is a packaging slip, and the person would otherwise only see
 * Simplified Chinese with no reason anywhere).
 */
export function loadTraditionalTable(files: readonly string[], sources: readonly TableSource[] = currentPort.traditionalTableSources(files)): string | undefined {
  const reasons: string[] = [];
  for (const source of sources) {
    try {
      useTraditionalTable(source.read() as TraditionalTable);
      return undefined;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      reasons.push(`${source.name}: ${code === 'ENOENT' ? 'not found' : error instanceof Error ? error.message : String(error)}`);
    }
  }
  return `Traditional Chinese is shown in Simplified Chinese: its table could not be read (${reasons.join('; ')})`;
}

/**
 * Tells `listener` (the extension's log) why Traditional Chinese fell back to Simplified, now if
 * it already did, else when it does.
 */
export function onTraditionalTableProblem(listener: (problem: string) => void): void {
  problemListener = listener;
  if (tableProblem !== undefined) listener(tableProblem);
}

/**
 * Installs core's Traditional Chinese table (l10n/zh-tw-table.json beside dist/, or beside src/
 * when run from source; in the browser, the copy in the bundle) the first time Traditional is chosen. When it cannot be read the person
 * reads Simplified Chinese rather than an error, and the log says why.
 */
export function ensureTraditionalTable(dirname: string = typeof __dirname === 'string' ? __dirname : ''): boolean {
  if (tableLoad === undefined) {
    tableProblem = loadTraditionalTable([`${dirname}/../l10n/zh-tw-table.json`, `${dirname}/../../l10n/zh-tw-table.json`]);
    tableLoad = tableProblem === undefined ? 'loaded' : 'failed';
    if (tableProblem !== undefined) problemListener?.(tableProblem);
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
