// Types of installCodeServer.mjs, for the TypeScript tests that use it (test/e2e/harness.ts).

export const CODE_SERVER_VERSION: string;
export const REPO_ROOT: string;
export const VSCODE_TEST_DIR: string;
export const CODE_SERVER_ENTRY: string;

/** Thrown with a message naming the missing Debian packages and how to install them. */
export class MissingPrerequisiteError extends Error {}

export function checkDebianPackages(groups: Array<'install' | 'browser'>): void;
export function scratchEnv(baseDir: string): Record<'TMPDIR' | 'XDG_CONFIG_HOME' | 'XDG_DATA_HOME' | 'XDG_CACHE_HOME', string>;
export function ensureCodeServer(options?: { quiet?: boolean }): Promise<string>;
