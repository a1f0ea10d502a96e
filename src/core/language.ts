/**
 * The one way core says something in a language. Words are authored in English and Simplified
 * Chinese (`{ en, 'zh-cn' }`); Traditional Chinese (`zh-tw`, chosen for Taiwan, Hong Kong and
 * Macau) is derived from the Simplified text with a conversion table that the build generates
 * from opencc's Taiwan phrases and the reviewed overrides (`npm run l10n` writes
 * `l10n/zh-tw-table.json`). Core stays pure: the host and the CLI read that file and hand it to
 * {@link useTraditionalTable} once, before anything asks for `zh-tw`.
 *
 * Only authored text is converted. Values put into it afterwards (numbers, masked card digits,
 * codes, what the person typed) pass through as they are, because {@link say} converts the
 * template before the values are filled in.
 */
import type { Lang } from './catalogue';

/** The languages words are authored in; Traditional Chinese is derived from `zh-cn`. */
export type AuthoredLang = 'en' | 'zh-cn';

/** Text in the authored languages. */
export type AuthoredWords = Readonly<Record<AuthoredLang, string>>;

/**
 * The Simplified-to-Traditional table as the build writes it: `from[i]` becomes `to[i]` (one
 * UTF-16 unit each), and each key of `phrases` becomes its value, longest match first, where the
 * phrase-aware conversion differs from the character one (发卡行 is 發卡行, not 髮卡行).
 */
export interface TraditionalTable {
  readonly from: string;
  readonly to: string;
  readonly phrases: Readonly<Record<string, string>>;
}

interface CompiledTable {
  chars: Map<string, string>;
  phrases: Map<string, string>;
  /** The first unit of every phrase, so most characters skip the phrase lookup. */
  phraseStarts: Set<string>;
  longestPhrase: number;
}

/** Longer phrases than this are refused: the lookup tries every length up to the longest. */
const MAX_PHRASE_LENGTH = 64;

let compiled: CompiledTable | undefined;

/**
 * Installs the Traditional Chinese table (the parsed `l10n/zh-tw-table.json`). Throws on a table
 * of the wrong shape, so a broken file is found where it is loaded, not in the middle of a view.
 */
export function useTraditionalTable(table: TraditionalTable): void {
  if (typeof table?.from !== 'string' || typeof table.to !== 'string' || table.from.length !== table.to.length) {
    throw new Error('the Traditional Chinese table needs "from" and "to" of the same length');
  }
  if (typeof table.phrases !== 'object' || table.phrases === null) throw new Error('the Traditional Chinese table needs "phrases"');
  const chars = new Map<string, string>();
  for (let index = 0; index < table.from.length; index++) chars.set(table.from[index]!, table.to[index]!);
  const phrases = new Map<string, string>();
  const phraseStarts = new Set<string>();
  let longestPhrase = 0;
  for (const [simplified, traditional] of Object.entries(table.phrases)) {
    if (typeof traditional !== 'string' || simplified.length < 2 || simplified.length > MAX_PHRASE_LENGTH) {
      throw new Error(`the Traditional Chinese table has a bad phrase: ${JSON.stringify(simplified)}`);
    }
    phrases.set(simplified, traditional);
    phraseStarts.add(simplified[0]!);
    longestPhrase = Math.max(longestPhrase, simplified.length);
  }
  compiled = { chars, phrases, phraseStarts, longestPhrase };
}

/** Whether a table is installed (the host falls back to Simplified Chinese when it could not load one). */
export function hasTraditionalTable(): boolean {
  return compiled !== undefined;
}

/**
 * Simplified Chinese text in Traditional Chinese (Taiwan), by the installed table: the longest
 * phrase at each position, else the character's own mapping; anything else (Latin, digits,
 * punctuation, placeholders) is kept. Throws when no table is installed, a caller's bug.
 */
export function toTraditional(text: string): string {
  const table = compiled;
  if (!table) throw new Error('Traditional Chinese was asked for before useTraditionalTable');
  let out = '';
  let index = 0;
  while (index < text.length) {
    const unit = text[index]!;
    if (table.phraseStarts.has(unit)) {
      let matched = false;
      for (let length = Math.min(table.longestPhrase, text.length - index); length >= 2; length--) {
        const phrase = table.phrases.get(text.slice(index, index + length));
        if (phrase !== undefined) {
          out += phrase;
          index += length;
          matched = true;
          break;
        }
      }
      if (matched) continue;
    }
    out += table.chars.get(unit) ?? unit;
    index++;
  }
  return out;
}

/**
 * The language for a locale, a VS Code display language or a `--lang` value: Traditional Chinese
 * for Taiwan, Hong Kong, Macau and any Hant script (`zh_TW.UTF-8`, `zh-HK`, `zh_Hant_MO`),
 * Simplified for any other Chinese, English for English. Undefined when it names none of them
 * (the host then speaks English; the CLI refuses a `--lang` it cannot read).
 */
export function langOfLocale(locale: string): Lang | undefined {
  // `zh_TW.UTF-8@euro`: the language and region only.
  const id = (locale.toLowerCase().split(/[.@]/)[0] ?? '').replace(/_/g, '-');
  if (id === 'en' || id.startsWith('en-')) return 'en';
  if (id !== 'zh' && !id.startsWith('zh-')) return undefined;
  return /^zh-(?:tw|hk|mo|hant)(?:-|$)/.test(id) ? 'zh-tw' : 'zh-cn';
}

/** Whether the language is one of the two Chinese ones (both write without spaces between words). */
export function isChinese(lang: Lang): lang is 'zh-cn' | 'zh-tw' {
  return lang === 'zh-cn' || lang === 'zh-tw';
}

/** The language the words of `lang` are authored in: Traditional Chinese comes from Simplified. */
export function authoredLang(lang: Lang): AuthoredLang {
  return lang === 'en' ? 'en' : 'zh-cn';
}

/** The BCP 47 tag of `lang` for an HTML page's `lang` attribute (fonts and screen readers follow it). */
export function htmlLang(lang: Lang): 'en' | 'zh-CN' | 'zh-TW' {
  return lang === 'zh-tw' ? 'zh-TW' : lang === 'zh-cn' ? 'zh-CN' : 'en';
}

/** Words in `lang`: English or Simplified as written, Traditional converted from Simplified. */
export function say(words: AuthoredWords, lang: Lang): string {
  if (lang === 'en') return words.en;
  return lang === 'zh-tw' ? toTraditional(words['zh-cn']) : words['zh-cn'];
}

/** `say` for text that may be missing from a table: undefined stays undefined. */
export function sayMaybe(words: AuthoredWords | undefined, lang: Lang): string | undefined {
  return words === undefined ? undefined : say(words, lang);
}

/** A pair of alternatives where Chinese shares one: `pick('; ', '；', lang)`. Traditional converts the Chinese one. */
export function pick(en: string, zhCn: string, lang: Lang): string {
  return say({ en, 'zh-cn': zhCn }, lang);
}

type Localizable = string | ((...args: never[]) => string) | { readonly [key: string]: Localizable };

/**
 * A table of labels per authored language (`{ en: {...}, 'zh-cn': {...} }`) for `lang`. For
 * Traditional Chinese every string of the Simplified labels is converted, and every function's
 * result: label functions only join their own words with numbers, ids and times, which the
 * conversion leaves as they are. Never use it for a function that inserts what a person typed.
 */
export function labelsFor<T extends Readonly<Record<AuthoredLang, Localizable>>>(table: T, lang: Lang): T[AuthoredLang] {
  if (lang !== 'zh-tw') return table[lang];
  // Converted once per table and installed table: views ask for their labels on every render.
  let converted = convertedLabels.get(table) as { table: CompiledTable | undefined; labels: T['zh-cn'] } | undefined;
  if (!converted || converted.table !== compiled) {
    converted = { table: compiled, labels: convertLabels(table['zh-cn']) };
    convertedLabels.set(table, converted);
  }
  return converted.labels;
}

const convertedLabels = new WeakMap<object, { table: CompiledTable | undefined; labels: unknown }>();

function convertLabels<T extends Localizable>(value: T): T {
  if (typeof value === 'string') return toTraditional(value) as T;
  if (typeof value === 'function') {
    const original = value as (...args: unknown[]) => string;
    return ((...args: unknown[]) => toTraditional(original(...args))) as unknown as T;
  }
  const out: Record<string, Localizable> = {};
  for (const [key, entry] of Object.entries(value)) out[key] = convertLabels(entry);
  return out as T;
}
