// Bundles every entry point. Type-checking is a separate step (`npm run typecheck`, run by
// `npm run build`), as in the esbuild sample: esbuild strips types and never reports them.
//
// The Node entries behind the extension (services, letters, the template compiler, the journal
// worker) and the CLI share most of their code (the catalogues, the schema, zod). They are built
// together with esbuild's code splitting, so each piece ships once, in a chunk beside them
// (dist/chunk-*.js), and each entry loads only the chunks it needs. Splitting exists only for ES
// modules, which the VS Code extension host cannot load (it `require`s extensions and provides
// `vscode` to `require` only), so the split output is then converted file by file to CommonJS:
// `import … from './chunk-X.js'` becomes `require('./chunk-X.js')`. Chunks never import each
// other in a cycle (code goes into the chunk of the set of entries that reach it, and what it
// imports is reached by at least those), so the requires resolve like the imports did.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { webPortPlugin } from './esbuild.web.mjs';
import { builtinTemplatesPlugin, handlebarsCompilerOnlyPlugin } from './templates/builtinTemplatesPlugin.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--outdir=DIR` builds elsewhere than dist/ (to measure a build while others use dist/).
const DIST = resolve(process.argv.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist');

/** @type {import('esbuild').BuildOptions} */
/** How every file is written, by the bundling builds and by the CommonJS conversion alike. */
const output = {
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  legalComments: 'none',
  // Chinese as UTF-8, not \uXXXX escapes: the catalogue, the decline messages and the letters are
  // half Chinese, and escapes double their size (the services bundle 163 KB -> 149 KB).
  charset: 'utf8',
  logLevel: 'warning',
};

const common = {
  bundle: true,
  ...output,
  plugins: [builtinTemplatesPlugin(), handlebarsCompilerOnlyPlugin()],
};

/** The shared Node entries: `dist/<name>.js` each. */
const NODE_ENTRIES = {
  // Everything behind the commands and the view, loaded by extension.js on first use.
  services: 'src/host/services.ts',
  // Letters for the extension, loaded when one is asked for: the Handlebars runtime and the
  // precompiled templates stay out of the services' load.
  letterRendering: 'src/core/letterRendering.ts',
  // The full Handlebars compiler, for a person's own letter templates only: loaded at run time
  // from beside cli.js or services.js when such templates are used, never bundled into them.
  templateCompiler: 'src/core/templateCompiler.ts',
  // Large journals are parsed on a worker thread started from this file, off the extension
  // host's thread (src/node/journalOffThread.ts). It loads only the chunks of the journal format.
  journalWorker: 'src/node/journalWorker.ts',
  cli: 'src/cli/main.ts',
};

/**
 * After each split build into `esmDir`: every file converted to CommonJS into dist/, the CLI with
 * its `#!`, and chunks left from an earlier build removed (their names carry a content hash).
 * @type {(esmDir: string) => import('esbuild').Plugin}
 */
const toCommonJsPlugin = (esmDir) => ({
  name: 'to-commonjs',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.errors.length > 0) return;
      // This build's files, from its metafile: in watch mode the folder also holds earlier chunks.
      const files = Object.keys(result.metafile.outputs).filter((file) => file.endsWith('.js')).map((file) => basename(file));
      const convert = (names, extra = {}) =>
        esbuild.build({
          absWorkingDir: esmDir,
          entryPoints: names.map((name) => join(esmDir, name)),
          outdir: DIST,
          bundle: false,
          format: 'cjs',
          platform: 'node',
          target: 'node20',
          // Source maps are chained to the split build's, which esbuild reads from each file's
          // sourceMappingURL.
          ...output,
          ...extra,
        });
      // Strict, as the ES modules were (and as esbuild's own CommonJS bundles of them are).
      await Promise.all([
        convert(files.filter((file) => file !== 'cli.js'), { banner: { js: '"use strict";' } }),
        convert(['cli.js'], { banner: { js: '#!/usr/bin/env node\n"use strict";' } }),
      ]);
      const written = new Set(files);
      for (const file of await readdir(DIST)) {
        if (file.startsWith('chunk-') && !written.has(file.replace(/\.map$/, ''))) await rm(join(DIST, file));
      }
    });
  },
});

const esmDir = await mkdtemp(join(tmpdir(), 'card-doctor-esm-'));

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  {
    // Registers the commands and the view, nothing else: one small file at activation.
    ...common,
    entryPoints: ['src/host/extension.ts'],
    outfile: `${DIST}/extension.js`,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: NODE_ENTRIES,
    outdir: esmDir,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunk-[hash]',
    metafile: true,
    platform: 'node',
    target: 'node20',
    external: ['vscode'],
    plugins: [...common.plugins, toCommonJsPlugin(esmDir)],
  },
  {
    // The browser entry, for a web worker extension host (VS Code for the Web): one file, the
    // services bundled in (a web worker cannot require a sibling file), with the letter renderer,
    // the template compiler and the Traditional table (see src/host/webPort.ts). The build fails
    // if a Node builtin reaches it (esbuild.web.mjs).
    ...common,
    entryPoints: ['src/host/webExtension.ts'],
    outfile: `${DIST}/web/extension.js`,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    plugins: [...common.plugins, webPortPlugin],
  },
  {
    // `card-doctor mcp`'s server (the MCP SDK with its zod, ajv and schemas): one self-contained
    // file that cli.js requires for that command only (src/cli/mcpCommand.ts). Not in the split
    // build: esbuild assigns whole files to chunks, so zod's core files, used by the CLI and the
    // SDK alike, would move with the SDK's share of them into a chunk every command loads (about
    // 60 KB more to load for `card-doctor diagnose`). Only the SDK's server and stdio modules are
    // imported: its HTTP transports (express, hono) stay out (test/unit/mcpBundle.test.ts).
    ...common,
    entryPoints: ['src/cli/mcpServer.ts'],
    outfile: `${DIST}/mcp.js`,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // `card-doctor mcp`'s server (the MCP SDK with its zod, ajv and schemas): one self-contained
    // file that cli.js requires for that command only (src/cli/mcpCommand.ts). Not in the split
    // build: esbuild assigns whole files to chunks, so zod's core files, used by the CLI and the
    // SDK alike, would move with the SDK's share of them into a chunk every command loads (about
    // 60 KB more to load for `card-doctor diagnose`). Only the SDK's server and stdio modules are
    // imported: its HTTP transports (express, hono) stay out (test/unit/mcpBundle.test.ts).
    ...common,
    entryPoints: ['src/cli/mcpServer.ts'],
    outfile: `${DIST}/mcp.js`,
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
    outfile: `${DIST}/webview/webview.js`,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

if (watch) {
  const contexts = await Promise.all(entries.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  try {
    await Promise.all(entries.map((options) => esbuild.build(options)));
  } finally {
    await rm(esmDir, { recursive: true, force: true });
  }
  // A production build writes no source maps: those of an earlier dev build would be stale.
  if (production) {
    for (const file of await readdir(DIST, { recursive: true })) if (file.endsWith('.js.map')) await rm(join(DIST, file));
  }
}
