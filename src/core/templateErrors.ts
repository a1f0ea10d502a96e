/**
 * Errors from letter templates, named by file and line. Handlebars reports a misspelt variable
 * in strict mode as `"nmae" not defined in [object Object] - 12:4` and a compile error with its
 * own wording; a person editing their own template needs the file and the line, nothing else.
 *
 * Separate from `letters.ts` so that the template compiler, which is bundled on its own, does
 * not carry the letters with it.
 */

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
