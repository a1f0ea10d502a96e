/**
 * The extension-host test entry for a web worker extension host (VS Code for the Web; here
 * code-server with `extensionDevelopmentKind: web`, see test/vscode/webHost.mjs). The same mocha
 * suite as index.ts, but a web worker has no Node: no process.env, no fs, no node_modules to
 * require mocha from, and no sibling files to load. So test/vscode/buildTests.mjs bundles mocha's
 * browser build, this file and every test file that runs without Node into one file, whose `run`
 * is this module's `runWith`; the launcher's settings (grep, result file) come from a JSON file
 * beside the workspace folder, read and written through `vscode.workspace.fs`.
 */
import * as vscode from 'vscode';
// mocha's browser build: it sets up describe/it on the global object.
import mochaInstance from 'mocha/mocha.js';

/** What the launcher writes to `<workspace folder>.web-test.json`, beside the folder. */
export interface WebTestSettings {
  grep: string;
  invert: boolean;
  /** Absolute path on the server where the counts go as JSON (as index.ts's CARD_DOCTOR_TEST_RESULT_FILE). */
  resultFile: string;
}

/** A test file the build left out of the web worker run, and why (it needs Node by design). */
export interface SkippedTestFile {
  file: string;
  why: string;
}

interface BrowserMocha {
  setup(options: Record<string, unknown>): void;
  grep(pattern: RegExp): void;
  invert(): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
}

const mocha = mochaInstance as unknown as BrowserMocha;

function onServer(folder: vscode.Uri, path: string): vscode.Uri {
  return folder.with({ path, query: '', fragment: '' });
}

async function readSettings(folder: vscode.Uri): Promise<WebTestSettings> {
  const file = folder.with({ path: `${folder.path.replace(/\/$/, '')}.web-test.json` });
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as WebTestSettings;
}

/**
 * Runs the suite that `loadTests` registers, after naming the files left out. Resolves when no
 * test failed; the counts go to the settings' result file first (the launcher reads them there,
 * as the exit code alone cannot tell "3 failed" from "the suite never loaded").
 */
export async function runWith(loadTests: () => void, skipped: readonly SkippedTestFile[]): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) throw new Error('the web worker run needs a workspace folder (its settings are beside it)');
  const settings = await readSettings(folder);
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000, forbidOnly: true });
  if (settings.grep) {
    mocha.grep(new RegExp(settings.grep));
    if (settings.invert) mocha.invert();
  }
  loadTests();
  console.log('card-doctor-tests-start');
  for (const { file, why } of skipped) console.log(`not in the web worker run (needs Node): ${file}: ${why}`);
  return new Promise((resolve, reject) => {
    // Mocha's own run, not the browser build's wrapper of it: that one reads the page's
    // location.search for a grep, and a web worker's global object has no location there.
    const run = (Object.getPrototypeOf(mocha) as BrowserMocha).run.bind(mocha);
    const runner = run((failures) => {
      const { passes, pending } = runner.stats ?? { passes: 0, pending: 0 };
      const counts = { passes, failures, pending };
      console.log(`card-doctor-test-result ${JSON.stringify(counts)}`);
      vscode.workspace.fs.writeFile(onServer(folder, settings.resultFile), new TextEncoder().encode(JSON.stringify(counts) + '\n')).then(
        () => (failures > 0 ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()),
        reject,
      );
    });
  });
}
