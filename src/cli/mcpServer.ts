/**
 * The MCP server behind `card-doctor mcp`, over standard input and output. In the bundle this is
 * `dist/mcp.js`, an entry of its own that only `card-doctor mcp` loads (mcpCommand.ts), so the
 * SDK never slows the other commands. Only the SDK's server and stdio modules are imported: its
 * HTTP transports (express, hono) must stay out of every bundle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { REPORT_SIZE_LIMIT } from './readInput';
import { diagnoseTool, listJournalTool, renderLetterTool, TOOL_INPUTS, type McpOptions } from './mcpTools';

/**
 * The largest message read: a report may be 1 MB, as on the command line, and the rest of a
 * call is small. A larger message ends the session rather than being buffered.
 */
const MESSAGE_SIZE_LIMIT = 2 * REPORT_SIZE_LIMIT;

/** The most values (keys, items, leaves) one call's arguments may hold; a report has about 25. */
const ARGUMENT_ELEMENTS_LIMIT = 500;

/** The package's version, read from package.json beside dist/ (the bundle) or src/ (from source). */
function packageVersion(): string {
  for (const path of [join(__dirname, '..', 'package.json'), join(__dirname, '..', '..', 'package.json')]) {
    try {
      const { name, version } = JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
      if (name === 'card-binding-doctor' && version) return version;
    } catch {
      // Not this one; try the next.
    }
  }
  return '0.0.0';
}

/** The server with its three tools registered, not yet connected. */
export function createMcpServer(options: McpOptions): McpServer {
  const server = new McpServer(
    { name: 'card-doctor', version: packageVersion() },
    {
      maxToolInputElements: ARGUMENT_ELEMENTS_LIMIT,
      instructions:
        'Card Binding Doctor: why a card was refused when added to an OpenAI account (ChatGPT or the API platform). ' +
        'Findings are possible causes with a likelihood and the evidence behind them, never certainties. ' +
        'Never send a full card number, CVC or one-time code: only brand, first 6-8 digits, last 4, issuer and country. ' +
        'The tools submit nothing anywhere; the person sends the letters themselves.',
    },
  );
  server.registerTool(
    'diagnose',
    {
      title: 'Diagnose a refused card',
      description:
        'Checks one failed attempt to add a card (a report: card facts, billing, bank, connection, the error message) against the known causes. ' +
        'Returns the possible causes, most likely first, each with its id, a likelihood in words, the evidence for and against it and next steps, ' +
        'localized (lang: en, zh-cn, zh-tw). A likelihood is never a certainty. With journal (a path inside the server\'s folder), ' +
        'the last 24 hours of recorded attempts count. Card numbers, CVCs and one-time codes are masked.',
      inputSchema: TOOL_INPUTS.diagnose,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    diagnoseTool(options),
  );
  server.registerTool(
    'list_journal',
    {
      title: 'List the failure journal',
      description:
        'Lists the attempts recorded in the failure journal (default card-failures/journal.md in the server\'s folder; at most 64 MB), oldest first: ' +
        'time, product, card (brand, kind, last 4), error message, line, and each attempt\'s report to pass to diagnose or render_letter. ' +
        'Damaged entries are reported as warnings. The file is never changed.',
      inputSchema: TOOL_INPUTS.list_journal,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    listJournalTool(options),
  );
  server.registerTool(
    'render_letter',
    {
      title: 'Write an appeal or a bank inquiry',
      description:
        'Writes the appeal to the merchant\'s support (kind appeal) or the inquiry to the issuing bank (kind bank-inquiry) for a report, ' +
        'in Markdown or plain text (format), and returns it. Without lang, each letter is in its reader\'s language. ' +
        'With journal, its attempts are the letter\'s timeline. Placeholders such as [your account email] are left for the person to fill in. ' +
        'Nothing is sent: the person sends the letter. out writes the letter to a new file inside the server\'s folder (never over one), ' +
        'only when the server was started with --allow-write.',
      inputSchema: TOOL_INPUTS.render_letter,
      annotations: { readOnlyHint: !options.allowWrite, destructiveHint: false, openWorldHint: false },
    },
    renderLetterTool(options),
  );
  return server;
}

/**
 * Serves MCP on `input` and `output` until the client closes its end (or the output breaks).
 * Resolves when the session is over.
 */
export async function serveMcp(options: McpOptions, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const server = createMcpServer(options);
  const transport = new StdioServerTransport(input as typeof process.stdin, output as typeof process.stdout, { maxBufferSize: MESSAGE_SIZE_LIMIT });
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = resolve;
  });
  // The transport does not watch for the end of its input, nor for a client that went away.
  const close = () => void transport.close();
  input.once('end', close);
  output.once('error', close);
  await server.connect(transport);
  await closed;
  input.off('end', close);
  output.off('error', close);
}
