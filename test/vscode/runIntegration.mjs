// Runs the extension-host tests (out/test/integration/index.js) in a real VS Code:
// - with VSCODE_EXECUTABLE set (a desktop `code`), through @vscode/test-electron's runTests;
// - otherwise in code-server, opened by headless Chromium at a URL whose payload names the
//   extension under development and the tests.
// Each run opens a temporary copy of test/fixtures/workspace/. Counts go to
// $CARD_DOCTOR_SUMMARY_FILE for test/run.mjs (each line naming its host and engine), and the last
// line is "N passed, N failed".
//
//   node test/vscode/runIntegration.mjs [--engine floor|newest|all|4.100.3|4.139.1]...
//       [--host node|web]... [--run trusted|restricted|zh-cn]... [--no-build] [--timeout-ms N]
//
// Hosts: `node`, the Node extension host (desktop VS Code's and code-server's), and `web`, the web
// worker extension host (VS Code for the Web's; webHost.mjs: the browser entry dist/web/extension.js
// and the tests that run without Node, out/test/web/index.js); both by default. The web worker host
// takes the trusted English run only: restricted mode and the Chinese UI are the workbench's, the
// same in either host, and its tests read no environment (webHost.mjs).
//
// Without --engine: every engine of the matrix (installCodeServer.mjs: the engines.vscode floor,
// code-server 4.100.3 = VS Code 1.100, and the newest code-server, 4.139.1 on Node 24), so API use
// newer than the floor is tested on both. Without --run: on each engine the trusted English run,
// plus a restricted-mode run if a test title carries `@restricted` and a Chinese-UI run if one
// carries `@zh-cn` (those tests run only there).
import { appendFileSync, cpSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import { buildIntegrationTests, buildWebIntegrationTests, OUT_DIR } from './buildTests.mjs';
import { startCodeServer, workbenchUrl } from './codeServer.mjs';
import { launchChromium } from './chromium.mjs';
import { webHostLabel, webHostTestRun } from './webHost.mjs';
import { checkDebianPackages, ensureEngine, ENGINE_VERSIONS, FLOOR_VERSION, MissingPrerequisiteError, NEWEST_VERSION, REPO_ROOT } from './installCodeServer.mjs';

const FIXTURE_WORKSPACE = join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const TESTS_ENTRY = join(OUT_DIR, 'index.js');
const DEFAULT_TIMEOUT_MS = 10 * 60_000;
/** Printed by test/integration/index.ts just before mocha runs. */
const START_MARKER = 'card-doctor-tests-start';
/** Lines the workbench repeats because the gallery is turned off (see codeServer.mjs). */
const NOISE = new Set(['No extension gallery service configured.']);
/** Starts of lines the same way: VS Code 1.139's agent host asks for a GitHub session it cannot have, many times a second. */
const NOISE_PREFIXES = ['[AgentHost] No signed-in session resolved for resource: '];

/** The runs the launcher knows; a tag in a test title puts that test in its run only. */
export const RUNS = {
  trusted: { trusted: true, locale: 'en', grep: '@restricted|@zh-cn', invert: true },
  restricted: { trusted: false, locale: 'en', grep: '@restricted', invert: false, tag: '@restricted' },
  'zh-cn': { trusted: true, locale: 'zh-cn', grep: '@zh-cn', invert: false, tag: '@zh-cn' },
};

/** Names --engine takes besides a version. */
const ENGINE_ALIASES = { floor: [FLOOR_VERSION], newest: [NEWEST_VERSION], all: ENGINE_VERSIONS };

/** The engine versions named on the command line (default: all), each once, floor first. */
export function enginesNamed(names) {
  const wanted = new Set();
  for (const name of names?.length ? names : ['all']) {
    const versions = ENGINE_ALIASES[name] ?? (ENGINE_VERSIONS.includes(name) ? [name] : null);
    if (!versions) throw new Error(`unknown engine ${name}; known: ${[...Object.keys(ENGINE_ALIASES), ...ENGINE_VERSIONS].join(', ')}`);
    for (const version of versions) wanted.add(version);
  }
  return ENGINE_VERSIONS.filter((version) => wanted.has(version));
}

/** The extension hosts a run can use; `runs` names the RUNS each takes (null: all the tests ask for). */
const HOSTS = {
  node: { runs: null },
  web: { runs: ['trusted'] },
};

/** How a summary line and the totals name where a run ran: the host kind and the engine. */
export function hostLabel(engine, host = 'node') {
  if (host === 'web') return webHostLabel(engine);
  return engine
    ? `extension host (code-server ${engine.version} / VS Code ${engine.vscodeVersion}, node)`
    : 'extension host (desktop VS Code, node)';
}

function copyFixtureWorkspace() {
  const folder = mkdtempSync(join(tmpdir(), 'card-doctor-workspace-'));
  cpSync(FIXTURE_WORKSPACE, folder, { recursive: true });
  return folder;
}

function readCounts(resultFile) {
  try {
    return JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch {
    return null;
  }
}

function testEnv({ grep, invert, resultFile, trusted, locale, env }) {
  return {
    ...env,
    CARD_DOCTOR_TEST_RESULT_FILE: resultFile,
    CARD_DOCTOR_TEST_GREP: grep ?? '',
    CARD_DOCTOR_TEST_INVERT: invert ? '1' : '0',
    CARD_DOCTOR_TEST_TRUSTED: trusted ? '1' : '0',
    CARD_DOCTOR_TEST_LOCALE: locale,
  };
}

/**
 * Receives the workbench's log (codeAutomationLog: a level and a preformatted message or
 * console.log's arguments). Everything goes to a file; the console gets the lines from the suite's
 * start marker on, as the workbench's start-up chatter says nothing about the tests. If the suite
 * never starts, dump() prints what came before.
 */
function automationLog(logFile) {
  const file = createWriteStream(logFile);
  const early = [];
  let started = false;
  const print = (level, text) => (level === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
  return {
    write(level, args) {
      const text = (Array.isArray(args) ? format(...args) : String(args)).replace(/\n$/, '');
      file.write(`[${level}] ${text}\n`);
      if (NOISE.has(text) || NOISE_PREFIXES.some((prefix) => text.startsWith(prefix))) return;
      if (started) print(level, text);
      else if (text.includes(START_MARKER)) started = true;
      else early.push([level, text]);
    },
    dump() {
      if (started) return;
      for (const [level, text] of early) print(level, text);
    },
    close() {
      file.end();
    },
  };
}

async function runInCodeServer({ folder, trusted, locale, env, timeoutMs, label, version, host, resultFile, grep, invert }) {
  const { extensionDevelopmentArgs } = await ensureEngine({ version });
  const server = await startCodeServer({ folder, trusted, locale, env, name: `integration-${label}`, version, serverArgs: extensionDevelopmentArgs });
  const log = automationLog(join(server.runDir, 'workbench.log'));
  // The web worker has no process.env: webHost.mjs hands it grep and the result file through a file beside the folder.
  const web = host === 'web' ? webHostTestRun({ folder, resultFile, grep: grep ?? '', invert }) : null;
  const target = web ? web.target : { extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: TESTS_ENTRY };
  let browser;
  try {
    browser = await launchChromium({ locale: locale === 'zh-cn' ? 'zh-CN' : 'en-US' });
    const { page } = browser;
    let exit;
    const exited = new Promise((resolve) => { exit = resolve; });
    await page.exposeFunction('codeAutomationLog', (level, args) => log.write(level, args));
    await page.exposeFunction('codeAutomationExit', (code) => exit({ code }));
    page.on('crash', () => exit({ error: 'the page crashed' }));
    browser.context.on('close', () => exit({ error: 'the browser closed' }));
    await page.goto(workbenchUrl(server, { folder, ...target }));
    let timer;
    const timedOut = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ error: `no result within ${timeoutMs / 1000} s (the workbench or the extension host hung; server log: ${server.logFile})` }), timeoutMs);
    });
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome.error || outcome.code !== 0) log.dump();
    if (outcome.error) {
      const serverLog = server.readLog().trimEnd().split('\n').slice(-30).join('\n');
      console.error(`integration run "${label}": ${outcome.error}\nlast lines of ${server.logFile}:\n${serverLog}`);
      return 1;
    }
    return outcome.code;
  } finally {
    log.close();
    await browser?.close();
    await server.stop();
    web?.dispose();
  }
}

async function runInDesktopVsCode({ folder, trusted, locale, env, label }) {
  const { runTests } = await import('@vscode/test-electron');
  const userDataDir = mkdtempSync(join(tmpdir(), `card-doctor-${label}-user-`));
  try {
    return await runTests({
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: TESTS_ENTRY,
      extensionTestsEnv: env,
      launchArgs: [
        folder,
        '--disable-extensions',
        '--skip-welcome',
        '--user-data-dir', userDataDir,
        '--locale', locale,
        ...(trusted ? ['--disable-workspace-trust'] : []),
      ],
    });
  } catch (error) {
    console.error(`integration run "${label}": ${error instanceof Error ? error.message : error}`);
    return 1;
  } finally {
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

/**
 * Runs the built suite once and resolves to its counts. A run that ends without counts, or with a
 * non-zero exit and no failed test, counts one failure, so a suite that never loaded is not green.
 *
 * @param {object} [options]
 * @param {boolean} [options.trusted=true] false: workspace trust on, the folder opens in restricted mode
 * @param {'en'|'zh-cn'} [options.locale='en'] UI language (code-server: see codeServer.mjs)
 * @param {Record<string, string>} [options.env] extra environment of the extension host
 * @param {string} [options.grep] mocha grep (a RegExp source) over full test titles
 * @param {boolean} [options.invert=false] run the tests that do not match grep
 * @param {number} [options.timeoutMs] how long the whole run may take (code-server)
 * @param {string} [options.label] names the run in messages
 * @param {string} [options.version] code-server version (default the engine floor; ignored with VSCODE_EXECUTABLE)
 * @param {'node'|'web'} [options.host='node'] web: the web worker extension host (code-server only)
 */
export async function runIntegrationTests(options = {}) {
  const { trusted = true, locale = 'en', env = {}, grep, invert = false, timeoutMs = DEFAULT_TIMEOUT_MS, label = 'run', version = FLOOR_VERSION, host = 'node' } = options;
  if (!existsSync(TESTS_ENTRY)) throw new Error(`${TESTS_ENTRY} is missing: run node test/vscode/buildTests.mjs first`);
  const folder = copyFixtureWorkspace();
  const resultFile = join(folder, '..', `${label}-${process.pid}-${Date.now()}.result.json`);
  const runEnv = testEnv({ grep, invert, resultFile, trusted, locale, env });
  const started = Date.now();
  try {
    const desktop = Boolean(process.env.VSCODE_EXECUTABLE);
    if (desktop && host === 'web') throw new Error('the web worker host runs in code-server only');
    console.log(`\n--- integration run "${label}" (${desktop ? 'desktop VS Code' : `code-server ${version}`}; ${host === 'web' ? 'web worker host' : 'Node host'}; ${trusted ? 'trusted' : 'restricted mode'}; ${locale}) ---`);
    const exitCode = desktop
      ? await runInDesktopVsCode({ folder, trusted, locale, env: runEnv, label })
      : await runInCodeServer({ folder, trusted, locale, env: runEnv, timeoutMs, label, version, host, resultFile, grep, invert });
    const counts = readCounts(resultFile);
    const result = counts ?? { passes: 0, failures: 0, pending: 0 };
    if (!counts) {
      console.error(`integration run "${label}" reported no counts (exit ${exitCode}): the suite did not load or did not finish`);
      result.failures += 1;
    } else if (exitCode !== 0 && counts.failures === 0) {
      console.error(`integration run "${label}" exited with ${exitCode} without a failing test; counting it as a failure`);
      result.failures += 1;
    }
    console.log(`--- "${label}": ${result.passes} passed, ${result.failures} failed in ${Math.round((Date.now() - started) / 1000)} s ---`);
    return { ...result, exitCode, label };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(resultFile, { force: true });
  }
}

/** The tagged runs some built test asks for, after the trusted one. */
function runsTheTestsAskFor() {
  const tests = readdirSync(OUT_DIR, { recursive: true })
    .filter((name) => String(name).endsWith('.test.js'))
    .map((name) => readFileSync(join(OUT_DIR, String(name)), 'utf8'))
    .join('\n');
  return Object.entries(RUNS).filter(([, run]) => !run.tag || tests.includes(run.tag)).map(([name]) => name);
}

async function main() {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', multiple: true },
      host: { type: 'string', multiple: true },
      run: { type: 'string', multiple: true },
      'no-build': { type: 'boolean', default: false },
      'timeout-ms': { type: 'string' },
    },
  });
  const desktop = Boolean(process.env.VSCODE_EXECUTABLE);
  // A desktop VS Code is one engine, the one installed; the matrix is code-server's.
  const versions = desktop ? [null] : enginesNamed(values.engine);
  // Prerequisites first, so a missing one is named before anything else is tried.
  const engines = new Map();
  if (!desktop) {
    checkDebianPackages(['browser']);
    for (const version of versions) engines.set(version, await ensureEngine({ version }));
  }
  // A desktop VS Code runs the Node host only.
  const hosts = desktop ? ['node'] : (values.host ?? Object.keys(HOSTS));
  const unknownHosts = hosts.filter((host) => !HOSTS[host]);
  if (unknownHosts.length) throw new Error(`unknown host ${unknownHosts.join(', ')}; known: ${Object.keys(HOSTS).join(', ')}`);
  if (!values['no-build']) {
    await buildIntegrationTests();
    if (hosts.includes('web')) {
      const { skipped } = await buildWebIntegrationTests();
      for (const { file, why } of skipped) console.log(`web worker host: ${file} left out (needs Node): ${why}`);
    }
  }
  const names = values.run ?? runsTheTestsAskFor();
  const unknown = names.filter((name) => !RUNS[name]);
  if (unknown.length) throw new Error(`unknown run ${unknown.join(', ')}; known: ${Object.keys(RUNS).join(', ')}`);
  const timeoutMs = values['timeout-ms'] ? Number(values['timeout-ms']) : undefined;
  const totals = { passes: 0, failures: 0, pending: 0 };
  /** @type {Map<string, { passes: number, failures: number, pending: number }>} */
  const perHost = new Map();
  for (const version of versions) {
    const engine = engines.get(version) ?? null;
    for (const hostKind of hosts) {
      const host = hostLabel(engine, hostKind);
      const hostRuns = HOSTS[hostKind].runs;
      const runNames = hostRuns ? names.filter((runName) => hostRuns.includes(runName)) : names;
      // --run restricted asks nothing of the web worker host: it is left out, not an empty host.
      if (runNames.length === 0) continue;
      const hostTotals = { passes: 0, failures: 0, pending: 0 };
      perHost.set(host, hostTotals);
      for (const name of runNames) {
        const { tag: _tag, ...run } = RUNS[name];
        const label = `${name}${hostKind === 'web' ? '-web' : ''}${engine ? `@${engine.version}` : ''}`;
        const result = await runIntegrationTests({ ...run, label, host: hostKind, ...(engine ? { version: engine.version } : {}), ...(timeoutMs ? { timeoutMs } : {}) });
        const counts = { passes: result.passes, failures: result.failures, pending: result.pending };
        if (process.env.CARD_DOCTOR_SUMMARY_FILE) {
          appendFileSync(process.env.CARD_DOCTOR_SUMMARY_FILE, JSON.stringify({ ...counts, host, run: name }) + '\n');
        }
        for (const key of Object.keys(totals)) {
          totals[key] += counts[key];
          hostTotals[key] += counts[key];
        }
      }
    }
  }
  console.log('');
  for (const [host, counts] of perHost) {
    console.log(`${host}: ${counts.passes} passed, ${counts.failures} failed` + (counts.pending ? `, ${counts.pending} skipped` : ''));
  }
  console.log(`${totals.passes} passed, ${totals.failures} failed` + (totals.pending ? `, ${totals.pending} skipped` : ''));
  // Every host must have run something: an engine whose suite matched nothing proves nothing.
  const emptyHost = [...perHost.values()].some((counts) => counts.passes + counts.failures === 0);
  return totals.failures === 0 && !emptyHost ? 0 : 1;
}

if (process.argv[1] && join(process.argv[1]) === join(REPO_ROOT, 'test', 'vscode', 'runIntegration.mjs')) {
  // Servers run in process groups of their own, so Ctrl-C does not reach them: exit through
  // process.exit, whose 'exit' event codeServer.mjs uses to end them.
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));
  main().then(
    (code) => { process.exitCode = code; },
    (error) => {
      console.error(error instanceof MissingPrerequisiteError ? error.message : error?.stack ?? String(error));
      process.exitCode = 1;
    },
  );
}
