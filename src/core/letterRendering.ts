/**
 * Rendering a letter from start to finish, as one module the extension loads only when a
 * letter is asked for (`dist/letterRendering.js`): the Handlebars runtime and the precompiled
 * templates are a third of the extension's code, and activation never needs them.
 */
import { BUILTIN_TEMPLATE_SPECS } from 'virtual:builtin-templates';
import type { Lang } from './catalogue';
import {
  builtinLetterTemplate,
  builtinLetterTemplates,
  createLetterRuntime,
  letterTemplateFromSpec,
  renderLetterIn,
  type LetterSender,
} from './letters';
import type { LetterKind } from './letterKinds';
import type { Report } from './report';

/** A person's own template, compiled by `templateCompiler`, with the file its errors name. */
export interface OwnTemplate {
  spec: TemplateSpecification;
  file: string;
}

/**
 * The letter's Markdown: the person's own template when given, else the built-in. Throws a
 * `LetterTemplateError` naming the file and line (a mistake, or a limit passed while rendering),
 * or a `LetterSecretError` if the letter would hold a card number, a CVC or a one-time code:
 * from a person's own template, that is their template's doing, to show them as such.
 */
export function renderLetterText(
  kind: LetterKind,
  lang: Lang,
  report: Report,
  history: readonly Report[],
  now: Date,
  sender: LetterSender,
  own?: OwnTemplate,
): string {
  const runtime = createLetterRuntime();
  const choice = own
    ? { template: letterTemplateFromSpec(runtime, own.spec, own.file), convert: false }
    : builtinLetterTemplate(builtinLetterTemplates(runtime, BUILTIN_TEMPLATE_SPECS), kind, lang);
  return renderLetterIn(choice, kind, lang, report, history, now, sender);
}
