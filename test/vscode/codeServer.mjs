// Starts and stops one code-server for a test run: a free port on 127.0.0.1, a fresh user-data
// dir with quiet settings, optionally untrusted (restricted mode) or in Chinese (Simplified or Traditional). Used by both the
// extension-host launcher (runIntegration.mjs) and the browser tests (test/e2e/harness.ts).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureEngine, FLOOR_VERSION, scratchEnv, VSCODE_TEST_DIR } from './installCodeServer.mjs';

const HEALTH_TIMEOUT_MS = 60_000;
/** Run folders are kept for their logs, and removed when a later server starts this much later. */
const RUNS_KEPT_MS = 6 * 60 * 60_000;
const STOP_TIMEOUT_MS = 5_000;

/** Where each run keeps its user data, logs and scratch folders (inside the ignored .vscode-test/). */
export const RUNS_DIR = join(VSCODE_TEST_DIR, 'runs');

const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.commandCenter.enabled': false,
  // Restricted mode still applies; only the modal asking to trust the folder is left out, because
  // nothing could answer it.
  'security.workspace.trust.startupPrompt': 'never',
};

/** The UI languages a run can have besides English, with the label VS Code shows for each pack. */
const LANGUAGE_PACK_LABELS = {
  'zh-cn': '中文(简体)',
  // Also what a reader in Hong Kong or Macau gets: the extension ships one Traditional Chinese.
  'zh-tw': '中文(繁體)',
};

/**
 * A language pack the server accepts: it switches the page language only when languagepacks.json
 * names a pack whose translations file exists. An empty translations file is enough; the
 * extension's own package.nls.<locale>.json and l10n bundle then take effect (VS Code's own menus
 * stay English).
 */
function writeLanguagePack(runDir, userDataDir, locale) {
  const packDir = join(runDir, `${locale}-pack`);
  const translations = join(packDir, 'main.i18n.json');
  mkdirSync(packDir, { recursive: true });
  writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify({
    [locale]: {
      // Names a cache folder; the user-data dir is fresh on every run, so a fixed value is safe.
      hash: `card-doctor-test-${locale}`,
      extensions: [{ extensionIdentifier: { id: 'card-binding-doctor.test-language-pack' }, version: '0.0.1' }],
      translations: { vscode: translations },
      label: LANGUAGE_PACK_LABELS[locale],
    },
  }));
  writeFileSync(join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }));
}

class PortTakenError extends Error {}

function pruneOldRuns() {
  for (const name of readdirSync(RUNS_DIR)) {
    const path = join(RUNS_DIR, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > RUNS_KEPT_MS) rmSync(path, { recursive: true, force: true });
    } catch { /* removed meanwhile by another run */ }
  }
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * What the server's start-up came to, read from its output as it is written: 'listening' (its
 * "HTTP server listening on" line), 'port-taken' (EADDRINUSE), 'exited', or 'timeout' after
 * HEALTH_TIMEOUT_MS.
 *
 * @param {import('node:child_process').ChildProcess} child
 * @param {Promise<void>} exitPromise
 * @returns {Promise<'listening' | 'port-taken' | 'exited' | 'timeout'>}
 */
function startUpOutcome(child, exitPromise) {
  return new Promise((resolveOutcome) => {
    // The end of what was written so far, so a line split across two chunks is still seen whole.
    let tail = '';
    const onOutput = (chunk) => {
      tail = (tail + chunk.toString('utf8')).slice(-4096);
      if (tail.includes('EADDRINUSE')) finish('port-taken');
      else if (tail.includes('HTTP server listening on ')) finish('listening');
    };
    const timer = setTimeout(() => finish('timeout'), HEALTH_TIMEOUT_MS);
    function finish(outcome) {
      clearTimeout(timer);
      child.stdout.off('data', onOutput);
      child.stderr.off('data', onOutput);
      resolveOutcome(outcome);
    }
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    void exitPromise.then(() => finish('exited'));
  });
}

function delay(ms) {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

/** Variables of an enclosing VS Code (its terminal sets them) would point the server at that one. */
function inheritedEnv() {
  return Object.fromEntries(Object.entries(process.env)
    .filter(([key]) => !key.startsWith('VSCODE_') && key !== 'ELECTRON_RUN_AS_NODE'));
}

/**
 * Starts code-server and resolves once /healthz answers.
 *
 * @param {object} [options]
 * @param {string} [options.folder] folder to open (absolute); the page URL carries it too
 * @param {boolean} [options.trusted=true] false leaves workspace trust on, so an unknown folder opens in restricted mode
 * @param {'en'|'zh-cn'|'zh-tw'} [options.locale='en'] zh-tw: Traditional Chinese
 * @param {Record<string, unknown>} [options.settings] user settings added to the quiet defaults
 * @param {Record<string, string>} [options.env] environment of the server; reaches the extension host
 * @param {string} [options.extensionsDir] default: an empty folder of this run
 * @param {string} [options.name] a word in the run folder's name, to tell runs apart
 * @param {string} [options.version] code-server version (installCodeServer.mjs ENGINE_VERSIONS); default the engine floor
 * @param {string[]} [options.serverArgs] more command-line arguments, such as an engine's extensionDevelopmentArgs
 */
export async function startCodeServer(options = {}) {
  const { folder, trusted = true, locale = 'en', settings = {}, env = {}, name = 'run' } = options;
  if (locale !== 'en' && !Object.hasOwn(LANGUAGE_PACK_LABELS, locale)) throw new Error(`no language pack for locale ${locale}`);
  const engine = await ensureEngine({ version: options.version ?? FLOOR_VERSION });
  const { entry } = engine;
  mkdirSync(RUNS_DIR, { recursive: true });
  pruneOldRuns();
  const runDir = mkdtempSync(join(RUNS_DIR, `${name}-`));
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = options.extensionsDir ?? join(runDir, 'extensions');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
  if (locale !== 'en') writeLanguagePack(runDir, userDataDir, locale);
  // Its own config file, so a developer's ~/.config/code-server/config.yaml (password, port) is not read.
  const configFile = join(runDir, 'config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');

  // Between finding a free port and the server binding it, another process may take it: retry then.
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      return await launch(port);
    } catch (error) {
      if (attempt >= 3 || !(error instanceof PortTakenError)) throw error;
    }
  }

  async function launch(port) {
    const args = [
      entry,
      '--config', configFile,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
      ...(trusted ? ['--disable-workspace-trust'] : []),
      ...(locale !== 'en' ? ['--locale', locale] : []),
      ...(options.serverArgs ?? []),
      ...(folder ? [folder] : []),
    ];
    // The server puts its IPC sockets in TMPDIR, and a socket path over 107 bytes fails; a folder of
    // the run (deep inside a clone) can be that long, so TMPDIR is a short one of its own.
    const socketTmpDir = mkdtempSync(join(tmpdir(), 'cdt-'));
    const logFile = join(runDir, 'code-server.log');
    const log = createWriteStream(logFile);
    // A process group of its own (detached), so stop() can end the extension host and file watchers too.
    // Each engine runs on the Node it was built for (4.139.1: Node 24 from the registry).
    const child = spawn(engine.nodePath, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...inheritedEnv(),
        ...scratchEnv(join(runDir, 'scratch')),
        TMPDIR: socketTmpDir,
        // No extension gallery: this machine cannot reach one, and every lookup logs an error.
        EXTENSIONS_GALLERY: '{}',
        ...env,
      },
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let exited = null;
    const exitPromise = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        exited = { code, signal };
        resolveExit();
      });
    });
    const killGroup = (signal) => {
      try { process.kill(-child.pid, signal); } catch { /* the group is gone */ }
    };
    // If the test process dies first, take the server with it.
    const onExit = () => killGroup('SIGKILL');
    process.once('exit', onExit);

    const readLog = () => {
      try { return readFileSync(logFile, 'utf8'); } catch { return ''; }
    };
    const stop = async () => {
      process.removeListener('exit', onExit);
      if (exited === null) {
        killGroup('SIGTERM');
        await Promise.race([exitPromise, delay(STOP_TIMEOUT_MS)]);
      }
      // The main process may be gone while a watcher or extension host of its group lives on.
      killGroup('SIGKILL');
      log.end();
      rmSync(socketTmpDir, { recursive: true, force: true });
    };
    const url = `http://127.0.0.1:${port}/`;
    const outcome = await startUpOutcome(child, exitPromise);
    if (outcome === 'port-taken') {
      await stop();
      throw new PortTakenError(`port ${port} was taken`);
    }
    if (outcome === 'exited') {
      await stop();
      throw new Error(`code-server exited during start-up (${JSON.stringify(exited)}); log ${logFile}:\n${readLog()}`);
    }
    const healthy = outcome === 'listening'
      && await fetch(`${url}healthz`, { signal: AbortSignal.timeout(10_000) }).then((response) => response.ok, () => false);
    if (!healthy) {
      await stop();
      const why = outcome === 'timeout' ? `said nothing of listening within ${HEALTH_TIMEOUT_MS / 1000} s` : `listens, but ${url}healthz did not answer OK`;
      throw new Error(`code-server ${why}; log ${logFile}:\n${readLog()}`);
    }

    const { version, vscodeVersion, nodeVersion } = engine;
    return { url, port, pid: child.pid, folder, runDir, userDataDir, extensionsDir, logFile, readLog, stop, version, vscodeVersion, nodeVersion };
  }
}

/**
 * The page URL that opens `folder` with extra workbench arguments: code-server rejects
 * --extensionDevelopmentPath and --extensionTestsPath on its command line but takes them here.
 * Paths are on the server, so they become vscode-remote URIs.
 *
 * `extensionDevelopmentKind: 'web'` runs the extension under development (and its tests) in the
 * web worker extension host, as VS Code for the Web does, instead of the server's Node one: it
 * then loads package.json's `browser` entry.
 *
 * @param {{ port: number }} server
 * @param {{ folder?: string, extensionDevelopmentPath?: string, extensionTestsPath?: string, extensionDevelopmentKind?: 'web' | 'workspace' | 'ui' }} target
 */
export function workbenchUrl(server, { folder, extensionDevelopmentPath, extensionTestsPath, extensionDevelopmentKind }) {
  const remote = (path) => `vscode-remote://127.0.0.1:${server.port}${path}`;
  const payload = [['skipWelcome', 'true']];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  if (extensionDevelopmentKind) payload.push(['extensionDevelopmentKind', extensionDevelopmentKind]);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  query.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${server.port}/?${query}`;
}
