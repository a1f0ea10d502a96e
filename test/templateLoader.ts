/**
 * The built-in letter templates for tests, which run under tsx without esbuild: `templates/*.hbs`
 * compiled at run time by the same compiler and options as the build's plugin, and a stand-in for
 * the bundle-only module `virtual:builtin-templates`, so code that imports it runs from source.
 */
import Module from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileLetterTemplate } from '../src/core/templateCompiler';

export const TEMPLATES_DIR = resolve(__dirname, '..', 'templates');

/** Precompiled specs of every `templates/*.hbs`, keyed like the build's (`appeal.en`). */
export function compileBuiltinTemplateSpecs(): Record<string, TemplateSpecification> {
  const specs: Record<string, TemplateSpecification> = {};
  for (const file of readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.hbs')).sort()) {
    specs[file.slice(0, -'.hbs'.length)] = compileLetterTemplate(readFileSync(join(TEMPLATES_DIR, file), 'utf8'), `templates/${file}`);
  }
  return specs;
}

const VIRTUAL_SPECIFIER = 'virtual:builtin-templates';
const VIRTUAL_PATH = join(TEMPLATES_DIR, '.virtual-builtin-templates.js');

type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleInternals = Module as unknown as { _resolveFilename: Resolve };

/** Makes `import … from 'virtual:builtin-templates'` resolve, once per process. */
export function installBuiltinTemplatesModule(): void {
  if (require.cache[VIRTUAL_PATH]) return;
  const stub = new Module(VIRTUAL_PATH);
  stub.filename = VIRTUAL_PATH;
  stub.loaded = true;
  stub.exports = { BUILTIN_TEMPLATE_SPECS: compileBuiltinTemplateSpecs() };
  require.cache[VIRTUAL_PATH] = stub;
  const resolveFilename = moduleInternals._resolveFilename;
  moduleInternals._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === VIRTUAL_SPECIFIER ? VIRTUAL_PATH : resolveFilename.call(this, request, ...rest);
  };
}
