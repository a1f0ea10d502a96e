// The Handlebars compile options of every letter template, in one place: the esbuild plugin that
// precompiles the built-in templates, the unit tests that compile them at run time, and the
// compiler of a person's own templates all read them from here, so the three cannot drift.
// Plain CommonJS so that the build (JavaScript, templates/builtinTemplatesPlugin.mjs) and
// TypeScript can both import it; types in letterCompileOptions.d.cts.
'use strict';

/**
 * The helpers `src/core/letters.ts` registers. With `knownHelpersOnly`, a template that calls
 * any other helper fails to compile; a unit test checks this list against the registered set.
 */
const LETTER_HELPER_NAMES = Object.freeze([
  'dateTime',
  'date',
  'timeSpan',
  'valueOr',
  'maskedCard',
  'causeTitle',
  'causeText',
  'likelihood',
  'action',
  'bullets',
  'numbered',
  'quote',
]);

/**
 * `strict`: a misspelt or missing variable throws, naming its line, instead of printing nothing.
 * `knownHelpersOnly`: only the helpers above (and Handlebars' own `if`, `each`, `unless`, `with`,
 * `lookup`, `log`) can be called; `templateCompiler.ts` refuses `log` in a person's template, and
 * the letters' runtime makes it print nothing. `noEscape`: the letters are Markdown, not HTML, and
 * everything in them was validated and redacted before it reached the template.
 */
function letterCompileOptions() {
  // A fresh object each call: Handlebars writes defaults into the options it is given.
  return {
    strict: true,
    knownHelpersOnly: true,
    noEscape: true,
    knownHelpers: Object.fromEntries(LETTER_HELPER_NAMES.map((name) => [name, true])),
  };
}

module.exports = { LETTER_HELPER_NAMES, letterCompileOptions };
