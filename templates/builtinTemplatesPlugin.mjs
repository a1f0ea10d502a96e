// An esbuild plugin that precompiles the built-in letter templates (templates/*.hbs) into the
// module `virtual:builtin-templates`, so bundles carry template specs and the Handlebars runtime
// (17 KB) rather than the compiler (65 KB more, as bundled below). A template that does not
// compile fails the build, naming its file and line.
//
// Precompiled specs are about 3 times the size of their sources (33 KB minified for the four
// letters, against 10 KB of .hbs). Shipping the sources and compiling the one asked for at first
// use was measured (December 2026, `npm run bench`'s first-letter figure, a shared 2-core machine):
// 22 KB less in dist/, but the first letter took 380-430 ms instead of 120-240 ms (740-890 instead
// of 365 under heavy load), since it then loads the compiler and compiles cold. A letter is what a
// person waits for; 22 KB is not, so they stay precompiled.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import compileOptions from '../src/core/letterCompileOptions.cjs';

const TEMPLATES_DIR = dirname(fileURLToPath(import.meta.url));
const NAMESPACE = 'builtin-templates';

/** @returns {import('esbuild').Plugin} */
export function builtinTemplatesPlugin() {
  return {
    name: 'builtin-templates',
    setup(build) {
      build.onResolve({ filter: /^virtual:builtin-templates$/ }, (args) => ({ path: args.path, namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async () => {
        const files = (await readdir(TEMPLATES_DIR)).filter((file) => file.endsWith('.hbs')).sort();
        const entries = [];
        const errors = [];
        for (const file of files) {
          const path = join(TEMPLATES_DIR, file);
          const source = await readFile(path, 'utf8');
          try {
            const spec = Handlebars.precompile(source, compileOptions.letterCompileOptions());
            entries.push(`  ${JSON.stringify(file.slice(0, -'.hbs'.length))}: ${spec}`);
          } catch (error) {
            const line = /line (\d+)/.exec(error.message)?.[1] ?? error.lineNumber;
            errors.push({ text: error.message, location: { file: `templates/${file}`, line: Number(line) || 1 } });
          }
        }
        return {
          contents: `export const BUILTIN_TEMPLATE_SPECS = {\n${entries.join(',\n')}\n};\n`,
          loader: 'js',
          errors,
          watchFiles: files.map((file) => join(TEMPLATES_DIR, file)),
          watchDirs: [TEMPLATES_DIR],
        };
      });
    },
  };
}

const HANDLEBARS_COMPILER = fileURLToPath(new URL('../node_modules/handlebars/dist/cjs/handlebars.js', import.meta.url));
const NO_SOURCE_MAP = 'no-source-map';

/**
 * Bundles Handlebars' compiler without what letters never use (27 KB of the 96 KB
 * templateCompiler.js, and a require hook):
 * - `source-map`: Handlebars requires it only to build a source map when asked for one
 *   (`srcName`), which letters never are. When the require gives no `SourceNode`, its code
 *   generator uses its own small string builder instead (handlebars/dist/cjs/handlebars/compiler/
 *   code-gen.js), the one its browser build uses, and the compiled code is the same.
 * - `handlebars` itself resolves to its compiler build (`dist/cjs/handlebars.js`) instead of the
 *   package's Node entry (`lib/index.js`), which adds the AST printer and registers `.hbs` and
 *   `.handlebars` loaders in `require.extensions` of the process that loads it: in the extension
 *   host, a process every extension shares.
 * Build-time code (`builtinTemplatesPlugin`) and the tests still use the package as published.
 * @returns {import('esbuild').Plugin}
 */
export function handlebarsCompilerOnlyPlugin() {
  return {
    name: 'handlebars-compiler-only',
    setup(build) {
      build.onResolve({ filter: /^handlebars$/ }, () => ({ path: HANDLEBARS_COMPILER }));
      build.onResolve({ filter: /^source-map$/ }, (args) =>
        /[\\/]node_modules[\\/]handlebars[\\/]/.test(args.importer) ? { path: 'source-map', namespace: NO_SOURCE_MAP } : undefined,
      );
      // Exactly what a missing package gives code-gen.js: no SourceNode, so its fallback is used.
      build.onLoad({ filter: /.*/, namespace: NO_SOURCE_MAP }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
    },
  };
}
