// Types of installCodeServer.mjs, for the TypeScript tests that use it (test/e2e/harness.ts).

/** The engine floor (engines.vscode ^1.100.0): code-server 4.100.3, on the Node running the tests. */
export const FLOOR_VERSION: string;
/** The newest code-server on the npm registry, on Node 24 from the registry. */
export const NEWEST_VERSION: string;
/** The engine the browser tests and a bare ensureCodeServer() use (the floor). */
export const CODE_SERVER_VERSION: string;
/** Every version ensureEngine() can install, floor first. */
export const ENGINE_VERSIONS: readonly string[];
export const REPO_ROOT: string;
export const VSCODE_TEST_DIR: string;
/** entry.js of the floor engine. */
export const CODE_SERVER_ENTRY: string;

/** Thrown with a message naming the missing Debian packages and how to install them. */
export class MissingPrerequisiteError extends Error {}

/** What starting one installed engine takes. */
export interface Engine {
  version: string;
  vscodeVersion: string;
  entry: string;
  /** The Node binary to run entry.js with. */
  nodePath: string;
  nodeVersion: string;
  /** Server arguments a run with a development extension and tests (the page URL's payload) needs. */
  extensionDevelopmentArgs: string[];
}

export function checkDebianPackages(groups: Array<'install' | 'browser'>): void;
export function scratchEnv(baseDir: string): Record<'TMPDIR' | 'XDG_CONFIG_HOME' | 'XDG_DATA_HOME' | 'XDG_CACHE_HOME', string>;
export function ensureEngine(options?: { version?: string; quiet?: boolean }): Promise<Engine>;
export function ensureCodeServer(options?: { version?: string; quiet?: boolean }): Promise<string>;
