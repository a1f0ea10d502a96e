// Bundles the extension-host tests into out/test/integration/: index.js (the mocha entry that
// VS Code loads as extensionTestsPath) and one file per *.test.ts, which index.js finds at run
// time. `vscode` is provided by the extension host and mocha is loaded from node_modules, so both
// stay external. Type-checking is `npm run typecheck` (tsconfig.json includes test/).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';
import { REPO_ROOT } from './installCodeServer.mjs';

const SOURCE_DIR = join(REPO_ROOT, 'test', 'integration');
export const OUT_DIR = join(REPO_ROOT, 'out', 'test', 'integration');

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

if (process.argv[1] && join(process.argv[1]) === join(REPO_ROOT, 'test', 'vscode', 'buildTests.mjs')) {
  buildIntegrationTests().then(
    (built) => console.log(`built ${built.length} files into ${relative(REPO_ROOT, OUT_DIR)}/`),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
