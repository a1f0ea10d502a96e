// The extension-host suite in the web worker extension host (VS Code for the Web's), offline:
// code-server serves the workbench, and the page URL's payload asks for the extension under
// development to run in the web worker host (`extensionDevelopmentKind: web`), where it loads
// package.json's `browser` entry, dist/web/extension.js, and the tests bundled for the browser
// (out/test/web/index.js, see buildTests.mjs).
//
// A web worker has no process.env: the run's settings (grep, where the counts go) are written to
// `<workspace folder>.web-test.json` beside the folder, which test/integration/web/index.ts reads
// through vscode.workspace.fs, and the counts come back in the result file as for the Node host.
//
//   node test/vscode/webHost.mjs [--version 4.100.3] [--no-build]   (one trusted English run; needs `node esbuild.mjs` first)
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { buildWebIntegrationTests, WEB_TESTS_ENTRY } from './buildTests.mjs';
import { launchChromium } from './chromium.mjs';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { ensureEngine, FLOOR_VERSION, REPO_ROOT } from './installCodeServer.mjs';

/** Where test/integration/web/index.ts looks for the run's settings: beside the folder, never inside it. */
export function webTestSettingsFile(folder) {
  return join(dirname(folder), `${basename(folder)}.web-test.json`);
}

/**
 * Prepares a web worker run of the suite in `folder` (absolute, on the server) and gives what to
 * add to workbenchUrl's target: the browser-built tests and the web host kind. Call
 * buildWebIntegrationTests() once before (it names the test files left out because they need
 * Node). `trusted` and `locale` are the server's (startCodeServer); the settings file is removed
 * with the folder's parent or by `dispose()`.
 *
 * @param {{ folder: string, resultFile: string, grep?: string, invert?: boolean }} run
 */
export function webHostTestRun({ folder, resultFile, grep = '', invert = false }) {
  const settingsFile = webTestSettingsFile(folder);
  writeFileSync(settingsFile, JSON.stringify({ grep, invert, resultFile }));
  return {
    target: { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: WEB_TESTS_ENTRY, extensionDevelopmentKind: 'web' },
    dispose: () => rmSync(settingsFile, { force: true }),
  };
}

/** How the counts of a web worker run are labelled, beside runIntegration.mjs's hostLabel for Node. */
export function webHostLabel(server) {
  return `extension host (code-server ${server.version ?? FLOOR_VERSION}${server.vscodeVersion ? ` / VS Code ${server.vscodeVersion}` : ''}, web worker)`;
}

async function main() {
  const { values } = parseArgs({ options: { version: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
  if (!values['no-build']) {
    const { included, skipped } = await buildWebIntegrationTests();
    console.log(`web worker suite: ${included.join(', ')}`);
    for (const { file, why } of skipped) console.log(`left out (needs Node): ${file}: ${why}`);
  }
  const parent = mkdtempSync(join(tmpdir(), 'card-doctor-web-'));
  const folder = join(parent, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'fixtures', 'workspace'), folder, { recursive: true });
  const resultFile = join(parent, 'result.json');
  const run = webHostTestRun({ folder, resultFile, grep: '@restricted|@zh-cn', invert: true });
  const version = values.version ?? FLOOR_VERSION;
  // What the engine needs for a development run (4.139.1: the smoke-test driver, see installCodeServer.mjs).
  const { extensionDevelopmentArgs } = await ensureEngine({ version });
  const server = await startCodeServer({ folder, name: 'web-worker', version, serverArgs: extensionDevelopmentArgs });
  let browser;
  const started = Date.now();
  try {
    browser = await launchChromium();
    const { page } = browser;
    let exit;
    const exited = new Promise((resolve) => { exit = resolve; });
    let printing = false;
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (text.includes('card-doctor-tests-start')) printing = true;
      if (printing || level === 'error') console.log(text.replace(/\n$/, ''));
    });
    await page.exposeFunction('codeAutomationExit', (code) => exit(code));
    await page.goto(workbenchUrl(server, { folder, ...run.target }));
    const timer = setTimeout(() => exit('timeout'), 10 * 60_000);
    const code = await exited;
    clearTimeout(timer);
    let counts = null;
    try { counts = JSON.parse(readFileSync(resultFile, 'utf8')); } catch { /* none */ }
    console.log(`\n${webHostLabel(server)}: ${counts ? `${counts.passes} passed, ${counts.failures} failed, ${counts.pending} skipped` : 'no counts'} (exit ${code}, ${Math.round((Date.now() - started) / 1000)} s)`);
    return counts && counts.failures === 0 && counts.passes > 0 && code === 0 ? 0 : 1;
  } finally {
    await browser?.close();
    await server.stop();
    run.dispose();
    rmSync(parent, { recursive: true, force: true });
  }
}

if (process.argv[1] && join(process.argv[1]) === join(REPO_ROOT, 'test', 'vscode', 'webHost.mjs')) {
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  main().then((code) => { process.exitCode = code; }, (error) => { console.error(error?.stack ?? String(error)); process.exitCode = 1; });
}
