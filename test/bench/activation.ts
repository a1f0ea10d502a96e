/**
 * Activation time of this extension against a minimal hello-world extension, both measured
 * inside the same extension host of a real VS Code (code-server), by a probe extension that
 * activates each and times it. Several launches, alternating which goes first, because the
 * first activation in a host also pays for warming shared code. Prints figures; asserts nothing.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { EXTENSION_ID, installBuiltExtension } from '../e2e/harness';

const REPO_ROOT = resolve(__dirname, '../..');
const LAUNCHES = Number(process.env.CARD_DOCTOR_BENCH_LAUNCHES ?? 4);
const HELLO_ID = 'bench.hello-world';

function writeExtension(dir: string, manifest: Record<string, unknown>, main: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ version: '0.0.1', engines: { vscode: '^1.100.0' }, main: './extension.js', ...manifest }, null, 2));
  writeFileSync(join(dir, 'extension.js'), main);
}

/** The sample's hello world: one command, registered in activate. */
function writeHelloWorld(extensionsDir: string): void {
  writeExtension(
    join(extensionsDir, `${HELLO_ID}-0.0.1`),
    { name: 'hello-world', publisher: 'bench', contributes: { commands: [{ command: 'bench.helloWorld', title: 'Hello World' }] } },
    `const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(vscode.commands.registerCommand('bench.helloWorld', () => vscode.window.showInformationMessage('Hello World!')));
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
  const times = {};
  for (const id of order) {
    const extension = vscode.extensions.getExtension(id);
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
  installBuiltExtension(extensionsDir);
  writeHelloWorld(extensionsDir);
  writeProbe(extensionsDir);
  const server = await startCodeServer({
    folder,
    extensionsDir,
    name: 'bench',
    env: { CARD_DOCTOR_BENCH_ORDER: order.join(','), CARD_DOCTOR_BENCH_RESULT: resultFile },
  });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}?folder=${encodeURIComponent(folder)}`);
    await fileAppears(resultFile, 120_000, () => `no activation times within 120 s; server log: ${server.logFile}`);
    return JSON.parse(readFileSync(resultFile, 'utf8')) as Record<string, number>;
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
