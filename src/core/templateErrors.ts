/**
 * Errors from letter templates, named by file and line, and the limits a person's own template
 * is held to. Handlebars reports a misspelt variable in strict mode as `"nmae" not defined in
 * [object Object] - 12:4` and a compile error with its own wording; a person editing their own
 * template needs the file and the line, nothing else.
 *
 * Separate from `letters.ts` so that the template compiler, which is bundled on its own, does
 * not carry the letters with it, and so that the CLI can check a file's size without loading
 * the compiler.
 */

/**
 * The largest template compiled, in UTF-8 bytes: 64 KB. The built-in letters are about 3 KB each;
 * a larger file is not a letter, and the compiler's time and memory grow with it.
 */
export const TEMPLATE_SIZE_LIMIT = 64 * 1024;

/**
 * The most tags (`{{…}}`) a template may hold: 1,000. The built-in letters have about 60; the
 * compiler's time grows with their number (13,000 tags in 64 KB take seconds).
 */
export const TEMPLATE_TAG_LIMIT = 1000;

/**
 * How deeply blocks (`{{#if}}`, `{{#each}}`, `{{#with}}`…) and subexpressions may nest: 16. The
 * built-in letters nest 3 deep; the compiler recurses once per level.
 */
export const TEMPLATE_NESTING_LIMIT = 16;

/**
 * What one rendering may do, counted across every `{{#each}}` (and every block over a list):
 * 100,000 repetitions and 16 million characters produced by them. Nested loops multiply (16 loops
 * over 10 attempts would be 10^16 repetitions); a real letter over a long journal repeats a few
 * thousand times.
 */
export const TEMPLATE_RENDER_LIMITS = { repetitions: 100_000, characters: 16_000_000 } as const;

/** A template that cannot be compiled or rendered. `line` is 1-based, when Handlebars knows it. */
export class LetterTemplateError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line === undefined ? '' : `, line ${line}`}: ${reason}`);
    this.name = 'LetterTemplateError';
  }
}

/**
 * A rendered letter that holds what looks like a card number, a security code (CVC) or a
 * one-time code. Refused, never returned: from a built-in template it is a bug, from a person's
 * own template it is what the template put in.
 */
export class LetterSecretError extends Error {
  constructor(
    readonly file: string,
    readonly kind: string,
  ) {
    super(`refusing to write the ${kind} letter from ${file}: it holds what looks like a card number, a security code (CVC) or a one-time code`);
    this.name = 'LetterSecretError';
  }
}

/**
 * Rewords an error thrown by Handlebars while compiling or rendering `file`. Errors that are not
 * Handlebars' (a helper's own, say) keep their message and gain the file name.
 */
export function describeTemplateError(file: string, error: unknown): LetterTemplateError {
  if (error instanceof LetterTemplateError) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const lineNumber = (error as { lineNumber?: unknown } | null)?.lineNumber;
  let line = typeof lineNumber === 'number' ? lineNumber : undefined;
  // Handlebars appends " - line:column" to the messages of errors it locates.
  let reason = raw.replace(/ - \d+:\d+$/, '');
  const parseError = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(reason);
  if (parseError) {
    line = Number(parseError[1]);
    reason = `cannot parse the template:\n${parseError[2]}`;
  }
  const undefinedName = /^"([^"]*)" not defined in .*$/s.exec(reason);
  if (undefinedName) {
    reason = `"${undefinedName[1]}" is not defined (templates are strict: check the spelling against the data the letter gets)`;
  }
  const unknownHelper = /^You specified knownHelpersOnly, but used the unknown helper (\S+)$/.exec(reason);
  if (unknownHelper) reason = `unknown helper "${unknownHelper[1]}"`;
  return new LetterTemplateError(file, line, reason);
}
