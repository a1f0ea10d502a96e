// Bundles the extension-host tests into out/test/integration/: index.js (the mocha entry that
// VS Code loads as extensionTestsPath) and one file per *.test.ts, which index.js finds at run
// time. `vscode` is provided by the extension host and mocha is loaded from node_modules, so both
// stay external. Type-checking is `npm run typecheck` (tsconfig.json includes test/).
//
// For the web worker extension host (test/vscode/webHost.mjs) the same suite is bundled for the
// browser into ONE file, out/test/web/index.js: mocha's browser build, test/integration/web/index.ts
// and every test file that runs without Node, resolved like dist/web/extension.js (esbuild.web.mjs).
// The files that need Node by design are listed in NODE_ONLY_TESTS with why; any other test file
// that reaches a Node module fails that build.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { webPortPlugin } from '../../esbuild.web.mjs';
import { REPO_ROOT } from './installCodeServer.mjs';

const SOURCE_DIR = join(REPO_ROOT, 'test', 'integration');
export const OUT_DIR = join(REPO_ROOT, 'out', 'test', 'integration');
export const WEB_OUT_DIR = join(REPO_ROOT, 'out', 'test', 'web');
/** What the web worker extension host loads as extensionTestsPath. */
export const WEB_TESTS_ENTRY = join(WEB_OUT_DIR, 'index.js');

/**
 * Test files that need Node, by design, and so are not in the web worker run: each says why. What
 * they test is Node's side of the port (src/host/nodePort.ts) or Node itself.
 */
export const NODE_ONLY_TESTS = {
  'activation.test.ts': 'the Node entry loading dist/services.js with require (the browser entry bundles the services)',
  'extension.test.ts': 'runs the CLI as a child process beside the extension and reads the workspace with node:fs',
  'folderBounds.test.ts': 'makes symbolic links with node:fs and checks the Node readers and writers refuse them',
};

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Tests that import core code may need the templates plugin that the main build uses. */
async function plugins() {
  const pluginFile = join(REPO_ROOT, 'templates', 'builtinTemplatesPlugin.mjs');
  if (!existsSync(pluginFile)) return [];
  const { builtinTemplatesPlugin } = await import(pluginFile);
  return [builtinTemplatesPlugin()];
}

export async function buildIntegrationTests() {
  rmSync(OUT_DIR, { recursive: true, force: true });
  const entryPoints = [join(SOURCE_DIR, 'index.ts'), ...testFiles(SOURCE_DIR)];
  await esbuild.build({
    entryPoints,
    outbase: SOURCE_DIR,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: await plugins(),
  });
  return entryPoints.map((file) => relative(REPO_ROOT, file));
}

/** node:assert for the browser build: test/integration/web/assert.ts (a web worker has no Node). */
const webAssertPlugin = {
  name: 'web-assert',
  setup(build) {
    build.onResolve({ filter: /^(?:node:)?assert(?:\/strict)?$/ }, () => ({ path: join(SOURCE_DIR, 'web', 'assert.ts') }));
  },
};

/**
 * Bundles the suite for the web worker extension host into WEB_TESTS_ENTRY: mocha's browser
 * build, test/integration/web/index.ts, and every test file but NODE_ONLY_TESTS, registered in
 * order when the run starts (after mocha's setup has defined describe/it). Resolves to the files
 * bundled and the files left out with why; throws when a listed file no longer exists (the list
 * would then skip nothing it names) or another test file reaches a Node module.
 */
export async function buildWebIntegrationTests() {
  rmSync(WEB_OUT_DIR, { recursive: true, force: true });
  const all = testFiles(SOURCE_DIR).sort();
  const gone = Object.keys(NODE_ONLY_TESTS).filter((name) => !all.some((file) => basename(file) === name));
  if (gone.length) throw new Error(`NODE_ONLY_TESTS names ${gone.join(', ')}, which test/integration no longer has`);
  const included = all.filter((file) => !Object.hasOwn(NODE_ONLY_TESTS, basename(file)));
  const skipped = all.filter((file) => Object.hasOwn(NODE_ONLY_TESTS, basename(file))).map((file) => ({ file: relative(REPO_ROOT, file), why: NODE_ONLY_TESTS[basename(file)] }));
  const entry = [
    "const { runWith } = require('./web/index.ts');",
    `const skipped = ${JSON.stringify(skipped)};`,
    `exports.run = () => runWith(() => {\n${included.map((file) => `  require(${JSON.stringify(file)});`).join('\n')}\n}, skipped);`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: SOURCE_DIR, sourcefile: 'web-entry.js', loader: 'js' },
    outfile: WEB_TESTS_ENTRY,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [...(await plugins()), webAssertPlugin, webPortPlugin],
  });
  return { included: included.map((file) => relative(REPO_ROOT, file)), skipped };
}

if (process.argv[1] && join(process.argv[1]) === join(REPO_ROOT, 'test', 'vscode', 'buildTests.mjs')) {
  buildWebIntegrationTests().then(
    ({ included, skipped }) => console.log(`web worker suite: ${included.length} test files into ${relative(REPO_ROOT, WEB_TESTS_ENTRY)}; left out (need Node): ${skipped.map(({ file }) => file).join(', ')}`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
  buildIntegrationTests().then(
    (built) => console.log(`built ${built.length} files into ${relative(REPO_ROOT, OUT_DIR)}/`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
