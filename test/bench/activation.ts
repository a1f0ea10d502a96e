/**
 * Activation time of this extension against a minimal hello-world extension, both measured
 * inside the same extension host of a real VS Code (code-server), by a probe extension that
 * activates each and times it, after activating a third (a warm-up, untimed). Several launches,
 * alternating which goes first. Prints figures; asserts nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EXTENSION_ID, installBuiltExtension } from '../e2e/harness';

const REPO_ROOT = resolve(__dirname, '../..');
const LAUNCHES = Number(process.env.CARD_DOCTOR_BENCH_LAUNCHES ?? 6);
const HELLO_ID = 'bench.hello-world';
// A second hello world, activated first and not timed: the first activation in a host also pays
// for warming code every extension shares, which would otherwise fall on whichever is timed first.
const WARM_UP_ID = 'bench.warm-up';

function writeExtension(dir: string, manifest: Record<string, unknown>, main: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './extension.js', ...manifest }, null, 2));
  writeFileSync(join(dir, 'extension.js'), main);
}

/** The sample's hello world: one command, registered in activate. */
function writeHelloWorld(extensionsDir: string, id: string): void {
  const [publisher, name] = id.split('.') as [string, string];
  writeExtension(
    join(extensionsDir, `${id}-0.0.1`),
    { name, publisher, contributes: { commands: [{ command: `${id}.helloWorld`, title: 'Hello World' }] } },
    `const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('${id}.helloWorld', () => vscode.window.showInformationMessage('Hello World!')));
};
exports.deactivate = () => {};
`,
  );
}

/** Activates the two in the order given by the environment and writes the times to a file. */
function writeProbe(extensionsDir: string): void {
  writeExtension(
    join(extensionsDir, 'bench.activation-probe-0.0.1'),
    { name: 'activation-probe', publisher: 'bench', activationEvents: ['onStartupFinished'] },
    `const vscode = require('vscode');
const { renameSync, writeFileSync } = require('fs');
const { performance } = require('perf_hooks');
exports.activate = async () => {
  const order = process.env.CARD_DOCTOR_BENCH_ORDER.split(',');
  await vscode.extensions.getExtension(process.env.CARD_DOCTOR_BENCH_WARM_UP).activate();
  const times = {};
  for (const id of order) {
    const extension = vscode.extensions.getExtension(id);
    if (extension.isActive) {
      times.error = id + ' was active before the probe asked: its time would be nothing';
      break;
    }
    const start = performance.now();
    await extension.activate();
    times[id] = performance.now() - start;
  }
  // Written beside, then renamed: the bench waits for the name, and must never read half a file.
  writeFileSync(process.env.CARD_DOCTOR_BENCH_RESULT + '.part', JSON.stringify(times));
  renameSync(process.env.CARD_DOCTOR_BENCH_RESULT + '.part', process.env.CARD_DOCTOR_BENCH_RESULT);
};
`,
  );
}

/** Resolves when `file` exists (its folder watched, not polled); rejects after `timeoutMs`. */
function fileAppears(file: string, timeoutMs: number, why: () => string): Promise<void> {
  return new Promise((done, fail) => {
    const finish = (error?: Error) => {
      clearTimeout(timer);
      watcher.close();
      if (error) fail(error);
      else done();
    };
    const watcher = watch(dirname(file), () => {
      if (existsSync(file)) finish();
    });
    const timer = setTimeout(() => finish(new Error(why())), timeoutMs);
    // Written before the watch began.
    if (existsSync(file)) finish();
  });
}

async function launchOnce(order: string[]): Promise<Record<string, number>> {
  const [{ startCodeServer }, { launchChromium }] = await Promise.all([import('../vscode/codeServer.mjs'), import('../vscode/chromium.mjs')]);
  const extensionsDir = mkdtempSync(join(tmpdir(), 'card-doctor-bench-extensions-'));
  const folder = mkdtempSync(join(tmpdir(), 'card-doctor-bench-folder-'));
  const resultDir = mkdtempSync(join(tmpdir(), 'card-doctor-bench-result-'));
  const resultFile = join(resultDir, 'activation.json');
  cpSync(join(REPO_ROOT, 'examples', 'workspace'), folder, { recursive: true });
  // Without its activation events: the fixture folder holds a journal (workspaceContains) and
  // onStartupFinished fires for it as for the probe, so it would be active, or half-way, before the
  // probe asks, and the probe would time nothing. Now only the probe activates it, in full.
  const installed = installBuiltExtension(extensionsDir);
  const manifestFile = join(installed, 'package.json');
  writeFileSync(manifestFile, JSON.stringify({ ...JSON.parse(readFileSync(manifestFile, 'utf8')), activationEvents: [] }, null, 2));
  writeHelloWorld(extensionsDir, HELLO_ID);
  writeHelloWorld(extensionsDir, WARM_UP_ID);
  writeProbe(extensionsDir);
  const server = await startCodeServer({
    folder,
    extensionsDir,
    name: 'bench',
    env: { CARD_DOCTOR_BENCH_ORDER: order.join(','), CARD_DOCTOR_BENCH_RESULT: resultFile, CARD_DOCTOR_BENCH_WARM_UP: WARM_UP_ID },
  });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
    await fileAppears(resultFile, 120_000, () => `no activation times within 120 s; server log: ${server.logFile}`);
    const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, number> & { error?: string };
    if (result.error !== undefined) throw new Error(result.error);
    return result;
  } finally {
    await browser.close();
    await server.stop();
    for (const path of [extensionsDir, folder, resultDir]) rmSync(path, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const ours: number[] = [];
  const hello: number[] = [];
  for (let launch = 0; launch < LAUNCHES; launch++) {
    const order = launch % 2 === 0 ? [HELLO_ID, EXTENSION_ID] : [EXTENSION_ID, HELLO_ID];
    const times = await launchOnce(order);
    ours.push(times[EXTENSION_ID]!);
    hello.push(times[HELLO_ID]!);
    console.log(`activation, launch ${launch + 1} (${order[0] === HELLO_ID ? 'hello-world first' : 'this extension first'}): this extension ${times[EXTENSION_ID]!.toFixed(1)} ms, hello-world ${times[HELLO_ID]!.toFixed(1)} ms`);
  }
  const ratios = ours.map((time, index) => time / hello[index]!);
  console.log(
    `activation (median of ${LAUNCHES} launches, in the extension host of code-server): this extension ${median(ours).toFixed(1)} ms, ` +
      `hello-world ${median(hello).toFixed(1)} ms, ratio ${median(ratios).toFixed(2)} (target: at or below hello-world's, ratio <= 1.00; ` +
      `each launch's ratio: ${ratios.map((ratio) => ratio.toFixed(2)).join(', ')})`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
