/**
 * Compiles a person's own letter template with the full Handlebars compiler, with the same
 * options the build uses for the built-ins (`letterCompileOptions.cjs`).
 *
 * The compiler is ~110 KB against the runtime's 18 KB, so nothing imports this module statically:
 * the build makes it an entry of its own (`dist/templateCompiler.js`), which the CLI and the
 * extension load only when a person's own templates are in use. Pure (no fs): source in, spec out.
 */
import Handlebars from 'handlebars';
import { letterCompileOptions } from './letterCompileOptions.cjs';
import { describeTemplateError } from './templateErrors';

/**
 * Precompiles `source` and evaluates the result into a template spec that
 * `letterTemplateFromSpec` accepts. Compiling eagerly (not `Handlebars.compile`, which defers to
 * the first render) reports a syntax error or an unknown helper now, naming `file` and the line.
 */
export function compileLetterTemplate(source: string, file: string): TemplateSpecification {
  let code: string;
  try {
    code = Handlebars.precompile(source, letterCompileOptions()) as string;
  } catch (error) {
    throw describeTemplateError(file, error);
  }
  // The same evaluation Handlebars.compile performs on its own output.
  return new Function(`return ${code};`)() as TemplateSpecification;
}
