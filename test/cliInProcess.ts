/**
 * The CLI run in this process through `main` (src/cli/program.ts), with standard output and
 * error captured: the exit code it returns and what a person would read. Loads the program only
 * after the stand-in for the build's `virtual:builtin-templates` module is installed.
 */
import { installBuiltinTemplatesModule } from './templateLoader';

installBuiltinTemplatesModule();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('../src/cli/program') as typeof import('../src/cli/program');

export async function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}
