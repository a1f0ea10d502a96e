/**
 * The letter templates the CLI renders with: the built-ins, precompiled into the bundle, or a
 * person's own from `--templates DIR` (same file names), compiled at run time.
 */
import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { BUILTIN_TEMPLATE_SPECS } from 'virtual:builtin-templates';
import type { Lang } from '../core/catalogue';
import { letterTemplateFile, type LetterKind } from '../core/letterKinds';
import {
  builtinLetterTemplate,
  builtinLetterTemplates,
  createLetterRuntime,
  letterTemplateFromSpec,
  type LetterRuntime,
  type LetterTemplateChoice,
} from '../core/letters';
import { TEMPLATE_SIZE_LIMIT } from '../core/templateErrors';
import { InputError } from './cliError';

type TemplateCompiler = typeof import('../core/templateCompiler');

/**
 * The full Handlebars compiler, loaded only when a person's own template is used. In the bundle it
 * is `dist/templateCompiler.js`, a separate entry beside `cli.js`; run from source (tests), the
 * TypeScript module. The specifier is a variable so that esbuild leaves the require alone instead
 * of pulling the compiler into cli.js.
 */
function loadTemplateCompiler(): TemplateCompiler {
  const bundled = join(__dirname, 'templateCompiler.js');
  const specifier = existsSync(bundled) ? bundled : '../core/templateCompiler';
  return require(specifier) as TemplateCompiler;
}

/** Where the template for a letter came from, for the CLI to report. */
export interface ChosenTemplate extends LetterTemplateChoice {
  /** Set when `--templates` was given but held no file for this letter. */
  fellBackToBuiltin: boolean;
}

/**
 * The template for `kind` in `lang`: `DIR/<kind>.<lang>.hbs` when `dir` is given and holds it,
 * otherwise the built-in. A folder that is missing is bad input; a template that does not compile
 * is too, reported with its file and line.
 */
export async function chooseLetterTemplate(
  kind: LetterKind,
  lang: Lang,
  dir: string | undefined,
  runtime: LetterRuntime = createLetterRuntime(),
): Promise<ChosenTemplate> {
  // Traditional Chinese without a template of its own: the Simplified built-in, converted.
  const builtin = () => builtinLetterTemplate(builtinLetterTemplates(runtime, BUILTIN_TEMPLATE_SPECS), kind, lang);
  if (dir === undefined) return { ...builtin(), fellBackToBuiltin: false };

  await requireDirectory(dir);
  const file = join(dir, letterTemplateFile(kind, lang));
  let source: string;
  try {
    source = await readTemplateSource(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...builtin(), fellBackToBuiltin: true };
    throw new InputError([`--templates: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let spec: TemplateSpecification;
  try {
    spec = loadTemplateCompiler().compileLetterTemplate(source, file);
  } catch (error) {
    throw new InputError([`--templates: ${error instanceof Error ? error.message : String(error)}`]);
  }
  return { template: letterTemplateFromSpec(runtime, spec, file), convert: false, fellBackToBuiltin: false };
}

/**
 * A template file's text, refused (bad input, naming the file) when it is not a regular file or is
 * larger than {@link TEMPLATE_SIZE_LIMIT}: its size is checked on the open file, before reading.
 */
async function readTemplateSource(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new InputError([`--templates: ${file} is not a regular file`]);
    if (stats.size > TEMPLATE_SIZE_LIMIT) {
      throw new InputError([
        `--templates: ${file}: the template is larger than ${TEMPLATE_SIZE_LIMIT / 1024} KB (${stats.size.toLocaleString('en')} bytes); a letter template is a few KB`,
      ]);
    }
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

async function requireDirectory(dir: string): Promise<void> {
  let isDirectory = false;
  try {
    isDirectory = (await stat(dir)).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) throw new InputError([`--templates: ${dir} is not a folder`]);
}
