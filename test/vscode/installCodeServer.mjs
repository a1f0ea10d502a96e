// Installs code-server (VS Code's own workbench and Node extension host, served to a browser) into
// .vscode-test/code-server/, because @vscode/test-electron cannot download a desktop VS Code on a
// machine that reaches only the npm registry and Debian. Idempotent: a verified install is reused in
// well under a second. Run by the test launchers; also runnable alone:
//   node test/vscode/installCodeServer.mjs
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
/** The @vscode/ripgrep version code-server 4.100.3 pins, and the archive its postinstall looks for. */
const RIPGREP_PACKAGE_VERSION = '1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const INSTALL_TIMEOUT_MS = 25 * 60_000;

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const VSCODE_TEST_DIR = join(REPO_ROOT, '.vscode-test');
const INSTALL_DIR = join(VSCODE_TEST_DIR, 'code-server');
const PACKAGE_DIR = join(INSTALL_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = join(PACKAGE_DIR, 'out', 'node', 'entry.js');
const MARKER = join(INSTALL_DIR, 'installed.json');
const LOG_FILE = join(INSTALL_DIR, 'install.log');

/**
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
 * install is checked by what the scripts build (NATIVE_ARTIFACTS) and by starting code-server.
 */
const ALLOWED_SCRIPTS = {
  [`code-server@${CODE_SERVER_VERSION}`]: true, // postinstall.sh: installs lib/vscode and its extensions
  'argon2@0.31.2': true, // password hashing, loaded at start-up even with --auth none
};
const ALLOWED_SCRIPTS_IN_LIB_VSCODE = [
  '@parcel/watcher@2.5.1', // file watcher
  '@vscode/deviceid@0.1.1',
  '@vscode/ripgrep@1.15.11', // unpacks the pre-placed archive built from Debian's rg
  '@vscode/spdlog@0.15.1', // logging
  '@vscode/windows-process-tree@0.6.0', // empty builds off Windows, run as upstream runs them
  '@vscode/windows-registry@1.1.0',
  'kerberos@2.1.1', // needs libkrb5-dev's gssapi headers
  'native-watchdog@1.4.2',
  'node-pty@1.1.0-beta33', // terminals
];

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

/** What the install scripts build; their presence proves the scripts ran (npm says nothing when skipped). */
const NATIVE_ARTIFACTS = [
  'node_modules/argon2/lib/binding/napi-v3/argon2.node',
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/kerberos/build/Release/kerberos.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
];

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

function isInstalled() {
  if (!existsSync(MARKER) || !existsSync(CODE_SERVER_ENTRY)) return false;
  try {
    if (JSON.parse(readFileSync(MARKER, 'utf8')).version !== CODE_SERVER_VERSION) return false;
  } catch {
    return false;
  }
  return NATIVE_ARTIFACTS.every((file) => existsSync(join(INSTALL_DIR, file)));
}

/** @vscode/ripgrep's postinstall downloads from GitHub unless its cache already holds the archive. */
function placeRipgrepArchive(tmpDir) {
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`);
  const archive = join(cacheDir, RIPGREP_ARCHIVE);
  if (existsSync(archive)) return;
  const staging = join(tmpDir, 'ripgrep-staging');
  mkdirSync(staging, { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(staging, 'rg'), readFileSync('/usr/bin/rg'), { mode: 0o755 });
  const tar = spawnSync('tar', ['-C', staging, '-czf', archive, 'rg'], { encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`could not pack /usr/bin/rg for @vscode/ripgrep: ${tar.stderr}`);
}

function runLogged(command, args, options) {
  return new Promise((resolvePromise, reject) => {
    const log = createWriteStream(LOG_FILE, { flags: 'a' });
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

function tailOfLog(lines = 40) {
  return existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8').trimEnd().split('\n').slice(-lines).join('\n') : '';
}

/** Installs code-server unless a verified install is there; resolves to the path of its entry.js. */
export async function ensureCodeServer({ quiet = false } = {}) {
  if (isInstalled()) return CODE_SERVER_ENTRY;
  checkDebianPackages(['install']);
  const say = quiet ? () => {} : (text) => console.log(text);
  const started = Date.now();
  say(`installing code-server ${CODE_SERVER_VERSION} into ${INSTALL_DIR} (a few minutes: native modules are compiled; log: ${LOG_FILE})`);

  // A half-finished install is not worth repairing: start from an empty folder.
  rmSync(INSTALL_DIR, { recursive: true, force: true });
  mkdirSync(INSTALL_DIR, { recursive: true });
  const scratch = scratchEnv(join(VSCODE_TEST_DIR, 'install-scratch'));
  placeRipgrepArchive(scratch.TMPDIR);
  writeFileSync(join(INSTALL_DIR, 'package.json'), JSON.stringify({
    name: 'card-binding-doctor-code-server',
    private: true,
    description: 'code-server for the extension tests; installed by test/vscode/installCodeServer.mjs',
    dependencies: { 'code-server': CODE_SERVER_VERSION },
    allowScripts: ALLOWED_SCRIPTS,
  }, null, 2) + '\n');

  const env = {
    ...process.env,
    ...scratch,
    // postinstall.sh refuses to run as root without it (npm 11 itself no longer knows the option).
    npm_config_unsafe_perm: 'true',
    // node-gyp would otherwise download Node's headers; Debian's are in /usr/include/node.
    npm_config_nodedir: '/usr',
    // a postinstall runs `npx node-gyp`, which otherwise stops to ask.
    npm_config_yes: 'true',
    // The allowScripts policy trusts only the name and version in a lockfile's `resolved` URL; a
    // lockfile written without them (this machine's ~/.npmrc asks for that) matches no entry.
    npm_config_omit_lockfile_registry_resolved: 'false',
  };
  let code = await runLogged('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: INSTALL_DIR, env });
  if (code === 0) {
    writeFileSync(join(PACKAGE_DIR, 'lib', 'vscode', '.npmrc'), `allow-scripts=${ALLOWED_SCRIPTS_IN_LIB_VSCODE.join(',')}\n`);
    code = await runLogged('npm', ['rebuild', '--foreground-scripts'], { cwd: INSTALL_DIR, env });
  }
  const missingArtifacts = NATIVE_ARTIFACTS.filter((file) => !existsSync(join(INSTALL_DIR, file)));
  if (code !== 0 || missingArtifacts.length > 0) {
    const skipped = existsSync(LOG_FILE) ? readFileSync(LOG_FILE, 'utf8').split('\n').filter((line) => line.includes('install-scripts')) : [];
    throw new Error(
      `code-server install failed (npm exit ${code}` +
      (missingArtifacts.length ? `; not built: ${missingArtifacts.join(', ')}` : '') +
      `). Last lines of ${LOG_FILE}:\n${tailOfLog()}` +
      (skipped.length ? `\nnpm's install-script gate said:\n${skipped.join('\n')}` : ''),
    );
  }
  const version = spawnSync(process.execPath, [CODE_SERVER_ENTRY, '--version'], { env, encoding: 'utf8', timeout: 60_000 });
  // It prints a log line ("Wrote default config file") before the version.
  const versionLine = version.stdout?.split('\n').find((line) => line.startsWith(`${CODE_SERVER_VERSION} `));
  if (version.status !== 0 || !versionLine) {
    throw new Error(`code-server was installed but does not start: ${version.stdout}${version.stderr}`);
  }
  writeFileSync(MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }) + '\n');
  say(`code-server ${versionLine} installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return CODE_SERVER_ENTRY;
}

// No top-level await: the TypeScript e2e harness loads these modules through tsx's require().
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureCodeServer().then(
    (entry) => console.log(`code-server ${CODE_SERVER_VERSION} ready: ${entry}`),
    (error) => {
      console.error(error instanceof MissingPrerequisiteError ? error.message : error.stack ?? String(error));
      process.exitCode = 1;
    },
  );
}
