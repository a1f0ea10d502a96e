// Bundles every entry point. Type-checking is a separate step (`npm run typecheck`, run by
// `npm run build`), as in the esbuild sample: esbuild strips types and never reports them.
import * as esbuild from 'esbuild';
import { builtinTemplatesPlugin } from './templates/builtinTemplatesPlugin.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  // Chinese as UTF-8, not \uXXXX escapes: the catalogue, the decline messages and the letters are
  // half Chinese, and escapes double their size (the services bundle 163 KB -> 149 KB).
  charset: 'utf8',
  logLevel: 'warning',
  plugins: [builtinTemplatesPlugin()],
};

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  {
    ...common,
    entryPoints: ['src/host/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // Everything behind the commands and the view, loaded by extension.js on first use.
    ...common,
    entryPoints: ['src/host/services.ts'],
    outfile: 'dist/services.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    // Letters for the extension, loaded when one is asked for: the runtime and the precompiled
    // templates would otherwise be a third of dist/extension.js, paid at every activation.
    ...common,
    entryPoints: ['src/core/letterRendering.ts'],
    outfile: 'dist/letterRendering.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The full Handlebars compiler, for a person's own letter templates only: loaded at run time
    // from beside cli.js or extension.js when such templates are used, never bundled into them.
    ...common,
    entryPoints: ['src/core/templateCompiler.ts'],
    outfile: 'dist/templateCompiler.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // Large journals are parsed on a worker thread started from this file, off the extension
    // host's thread (src/node/journalOffThread.ts). Core only: the journal format and the schema.
    ...common,
    entryPoints: ['src/node/journalWorker.ts'],
    outfile: 'dist/journalWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The sidebar form's script, run in the webview: browser, one self-contained file. It carries
    // zod/mini, the report schema and the redaction; the diagnosis and the decline catalogue stay
    // in the host. Target: under 60 KB minified. In a folder of its own because the webview may
    // load only from the folders it is given (localResourceRoots): this one, not all of dist/.
    ...common,
    entryPoints: ['src/webview/main.ts'],
    outfile: 'dist/webview/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  const contexts = await Promise.all(entries.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(entries.map((options) => esbuild.build(options)));
}
