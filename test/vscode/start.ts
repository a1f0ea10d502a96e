/**
 * `npm start`: the extension in a real VS Code with a sample workspace. A desktop `code` on the
 * PATH gets the repository as a development extension; otherwise code-server (installed on
 * demand into .vscode-test/) serves the built extension and this prints the address to open.
 * Runs until Ctrl-C.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installBuiltExtension } from '../e2e/harness';

const REPO_ROOT = resolve(__dirname, '../..');
const SAMPLE = join(REPO_ROOT, 'examples', 'workspace');
const WORKSPACE = join(REPO_ROOT, '.vscode-test', 'sample-workspace');

function desktopCode(): string | undefined {
  if (process.env.CARD_DOCTOR_NO_DESKTOP) return undefined;
  const found = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

async function main(): Promise<void> {
  // A copy, so what you write while trying it out stays between runs but never lands in git.
  if (!existsSync(WORKSPACE)) {
    mkdirSync(WORKSPACE, { recursive: true });
    cpSync(SAMPLE, WORKSPACE, { recursive: true });
  }
  const code = desktopCode();
  if (code) {
    console.log(`Opening ${WORKSPACE} in ${code} with the extension from ${REPO_ROOT}`);
    spawn(code, ['--extensionDevelopmentPath', REPO_ROOT, WORKSPACE], { stdio: 'inherit' });
    return;
  }
  const { startCodeServer } = await import('./codeServer.mjs');
  const extensionsDir = join(REPO_ROOT, '.vscode-test', 'start-extensions');
  mkdirSync(extensionsDir, { recursive: true });
  installBuiltExtension(extensionsDir);
  const locale = /^zh/i.test(process.env.CARD_DOCTOR_LOCALE ?? '') ? 'zh-cn' : 'en';
  const server = await startCodeServer({ folder: WORKSPACE, extensionsDir, locale, name: 'start', trusted: true });
  const url = `${server.url}?folder=${encodeURIComponent(WORKSPACE)}`;
  console.log(`\nCard Binding Doctor is running in VS Code (code-server${locale === 'zh-cn' ? ', Chinese UI' : ''}).`);
  console.log(`Open this address in a browser:\n\n  ${url}\n`);
  console.log('Press Ctrl-C to stop. (CARD_DOCTOR_LOCALE=zh-cn npm start shows the Chinese UI.)');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  await new Promise(() => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
