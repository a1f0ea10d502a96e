// Types of codeServer.mjs, for the TypeScript tests that use it (test/e2e/harness.ts).

export const RUNS_DIR: string;

export interface StartCodeServerOptions {
  /** Folder to open (absolute). */
  folder?: string;
  /** false leaves workspace trust on, so an unknown folder opens in restricted mode. Default true. */
  trusted?: boolean;
  /** UI language; 'zh-tw' is Traditional Chinese. Default 'en'. */
  locale?: 'en' | 'zh-cn' | 'zh-tw';
  /** User settings added to the quiet defaults. */
  settings?: Record<string, unknown>;
  /** Environment of the server; reaches the extension host. */
  env?: Record<string, string>;
  /** Default: an empty folder of this run. */
  extensionsDir?: string;
  /** A word in the run folder's name. */
  name?: string;
  /** code-server version (installCodeServer.mjs ENGINE_VERSIONS). Default the engine floor. */
  version?: string;
  /** More command-line arguments, such as an engine's extensionDevelopmentArgs. */
  serverArgs?: string[];
}

export interface CodeServer {
  url: string;
  port: number;
  pid: number;
  folder: string | undefined;
  runDir: string;
  userDataDir: string;
  extensionsDir: string;
  logFile: string;
  readLog(): string;
  /** Ends the server's whole process group. */
  stop(): Promise<void>;
  /** The engine: code-server's version, its VS Code's, and the Node it runs on. */
  version: string;
  vscodeVersion: string;
  nodeVersion: string;
}

export function startCodeServer(options?: StartCodeServerOptions): Promise<CodeServer>;

export function workbenchUrl(
  server: { port: number },
  target: { folder?: string; extensionDevelopmentPath?: string; extensionTestsPath?: string; extensionDevelopmentKind?: 'web' | 'workspace' | 'ui' },
): string;
