/**
 * The letters by name, apart from the rendering machinery: the extension names letters at
 * activation and loads the Handlebars runtime only when one is written. Also which language each
 * letter is written in: its reader's, not the person's (issue 13).
 */
import type { Lang } from './catalogue';
import { isCountryCode } from './countries';
import { isChinese, say } from './language';

export const LETTER_KINDS = ['appeal', 'bank-inquiry'] as const;
/** `appeal`: to the merchant's support. `bank-inquiry`: to the bank that issued the card. */
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The template's name without folder or extension: `appeal.en`, `bank-inquiry.zh-cn`. */
export function letterTemplateName(kind: LetterKind, lang: Lang): string {
  return `${kind}.${lang}`;
}

/** The template's file name, the same for the built-ins and a person's own: `appeal.en.hbs`. */
export function letterTemplateFile(kind: LetterKind, lang: Lang): string {
  return `${letterTemplateName(kind, lang)}.hbs`;
}

/** `cardDoctor.letterLanguage` (and the CLI's absent `--lang`): `auto` is each letter's reader's language. */
export type LetterLanguageSetting = 'auto' | Lang;

// Where banks write to their customers in Traditional Chinese.
const TRADITIONAL_CHINESE_COUNTRIES: readonly string[] = ['HK', 'MO', 'TW'];

/**
 * The language the letter's reader works in. The merchant's support works in English. A bank
 * answers in the language of the country that issued the card: Simplified Chinese for mainland
 * China, Traditional for Hong Kong, Macau and Taiwan, English for any other country. When the
 * country is unknown (not given, or not an ISO code) the person's own language is the best guess
 * of their bank's.
 */
export function readerLang(kind: LetterKind, issuerCountry: string | undefined, personLang: Lang): Lang {
  if (kind === 'appeal') return 'en';
  if (issuerCountry === undefined || !isCountryCode(issuerCountry)) return personLang;
  if (issuerCountry === 'CN') return 'zh-cn';
  return TRADITIONAL_CHINESE_COUNTRIES.includes(issuerCountry) ? 'zh-tw' : 'en';
}

/** The letter's language: the setting when it names one (every letter in it), else the reader's. */
export function letterLangFor(kind: LetterKind, setting: LetterLanguageSetting, issuerCountry: string | undefined, personLang: Lang): Lang {
  return setting === 'auto' ? readerLang(kind, issuerCountry, personLang) : setting;
}

/**
 * The language of the person's own copy of a letter, or undefined when they need none: only when
 * the language was chosen for the reader (`auto`), the letter is in English and the person reads
 * Chinese. Someone who set English for every letter reads English.
 */
export function ownCopyLang(setting: LetterLanguageSetting, letterLang: Lang, personLang: Lang): Lang | undefined {
  return setting === 'auto' && letterLang === 'en' && isChinese(personLang) ? personLang : undefined;
}

/** The file name of the person's copy beside the letter `letterFile`: `appeal-2026-12-01.md` gives `appeal-2026-12-01.zh-cn.md`. */
export function ownCopyFileName(letterFile: string, copyLang: Lang): string {
  const base = letterFile.endsWith('.md') ? letterFile.slice(0, -'.md'.length) : letterFile;
  return `${base}.${copyLang}.md`;
}

const OWN_COPY_NOTE = {
  en: 'This is a copy in your language, for you to read. Send the English letter, {file}, not this one.',
  'zh-cn': '这是供您阅读的中文副本，内容与英文信相同。请发送英文信 {file}，不要发送这份副本。',
} as const;

/**
 * The person's copy: the letter in their language under a first line saying what it is and which
 * file to send. The file name is put in after converting, so it stays as written.
 */
export function ownCopyText(copy: string, copyLang: Lang, letterFile: string): string {
  const [before, after] = say(OWN_COPY_NOTE, copyLang).split('{file}') as [string, string];
  return `> ${before}${letterFile}${after}\n\n${copy}`;
}
