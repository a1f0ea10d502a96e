/**
 * The letters by name, apart from the rendering machinery: the extension names letters at
 * activation and loads the Handlebars runtime only when one is written.
 */
import type { Lang } from './catalogue';

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
