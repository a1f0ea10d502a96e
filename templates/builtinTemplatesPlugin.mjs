// An esbuild plugin that precompiles the built-in letter templates (templates/*.hbs) into the
// module `virtual:builtin-templates`, so bundles carry template specs and the Handlebars runtime
// (18 KB) rather than the compiler (~110 KB). A template that does not compile fails the build,
// naming its file and line.
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
