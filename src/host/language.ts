import * as vscode from 'vscode';
import type { Lang } from '../core/catalogue';

/** The language of everything the extension shows: Chinese for any Chinese UI, else English. */
export function uiLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
