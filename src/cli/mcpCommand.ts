/**
 * `card-doctor mcp`: the flags, then the server, loaded only now. In the bundle the server is
 * `dist/mcp.js`, a self-contained file beside `cli.js` (esbuild.mjs), so that the MCP SDK and
 * its schemas are read by this command alone; run from source (tests), the TypeScript module.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from './cliError';
import { parseLang } from './language';
import { parseCommandArgs } from './options';

export const MCP_HELP = `Usage: card-doctor mcp [--folder DIR] [--allow-write] [--lang en|zh-cn|zh-tw]

Runs a Model Context Protocol server on standard input and output, for an assistant (Claude
Desktop, VS Code, any MCP client) to call, in the folder that holds your failure journal.

Tools:
  diagnose       a report's possible causes, most likely first, with likelihoods, evidence and
                 next steps (never certain); with journal, the last 24 hours count
  list_journal   the attempts in the failure journal (default card-failures/journal.md), oldest first
  render_letter  the appeal to support or the inquiry to the issuing bank, returned as Markdown
                 or plain text

Every path a client names must be inside that folder (symbolic links out of it are
refused). Card numbers, CVCs and one-time codes are masked in whatever a client sends and
checked again in every answer. Nothing is ever submitted anywhere.

Options:
  --folder DIR           the folder the tools work in: journals are read and letters written
                         there only (default: the current folder)
  --allow-write          let render_letter write its letter to a new file (its out argument)
                         inside the folder, never over an existing one (default: the
                         server writes no file)
  --lang en|zh-cn|zh-tw  language when a call names none (default: from LANG)
  -h, --help             show this help

Exit codes: 0 when the client closes the session; 2 invalid options (a --folder that is not a
folder); 1 unexpected error.
`;

type McpServerModule = typeof import('./mcpServer');

/**
 * The server's module. The specifier is a variable so that esbuild leaves the require alone
 * instead of pulling the SDK into cli.js (as templateFiles.ts loads the template compiler).
 */
function loadMcpServer(): McpServerModule {
  const bundled = join(__dirname, 'mcp.js');
  const specifier = existsSync(bundled) ? bundled : './mcpServer';
  return require(specifier) as McpServerModule;
}

/** `card-doctor mcp …`: serves until the client closes standard input. */
export async function runMcp(args: string[]): Promise<void> {
  const { values, positionals } = parseCommandArgs(args, {
    folder: { type: 'string' },
    'allow-write': { type: 'boolean' },
    lang: { type: 'string' },
  });
  if (positionals.length > 0) throw new InputError([`mcp takes no arguments besides its options (got ${positionals[0]})`]);
  const lang = parseLang(values.lang, process.env);
  const folder = resolve(values.folder ?? '.');
  const isFolder = await stat(folder).then((stats) => stats.isDirectory(), () => false);
  if (!isFolder) throw new InputError([`--folder: ${folder} is not a folder`]);
  await loadMcpServer().serveMcp({ folder, lang, allowWrite: values['allow-write'] === true });
}
