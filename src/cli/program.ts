/**
 * `card-doctor`: the command-line front end over the core. Exit codes: 0 success, 2 invalid
 * input (every bad field on stderr, nothing written), 1 anything unexpected. `main.ts` runs it;
 * tests call {@link main} in process.
 */
import { runDiagnose, DIAGNOSE_HELP } from './diagnoseCommand';
import { runJournal, JOURNAL_HELP } from './journalCommand';
import { runMcp, MCP_HELP } from './mcpCommand';
import { runPack, PACK_HELP } from './packCommand';
import { runRender, RENDER_HELP } from './renderCommand';
import { containsSecret, redactSecrets } from '../core/redact';
import { InputError } from './cliError';
import { reportFilesHelp } from './reportSchemaHelp';

const MAIN_HELP = `card-doctor — diagnose a refused card on an OpenAI account

Usage:
  card-doctor diagnose <report.json | -> [--journal FILE] [--now ISO] [--lang en|zh-cn|zh-tw] [--format text|json|markdown]
  card-doctor journal add <report.json | -> [--journal FILE] [--now ISO] [--lang en|zh-cn|zh-tw] [--force]
  card-doctor journal list [--journal FILE] [--format json|text]
  card-doctor render appeal|bank-inquiry <report.json | -> [--journal FILE] [--lang en|zh-cn|zh-tw] [--out FILE]
                     [--templates DIR] [--name NAME] [--email EMAIL] [--amount "20 USD"] [--now ISO]
                     [--format markdown|text] [--self-diagnosis]
  card-doctor pack --journal FILE --out FOLDER [--lang en|zh-cn|zh-tw] [--now ISO]
  card-doctor mcp [--folder DIR] [--allow-write] [--lang en|zh-cn|zh-tw]
  card-doctor <command> --help

Commands:
  diagnose   check a failed attempt against the known causes
  journal    record an attempt in the Markdown failure journal, or list it
  render     write the appeal to support or the inquiry to the issuing bank (Markdown)
  pack       write an evidence pack (timeline, diagnosis, dates, screenshots checklist) to a new folder
  mcp        serve the diagnosis, the journal and the letters to an assistant (Model Context Protocol, stdio)

A report (a file, or - for standard input) may be at most 1 MB.
Exit codes: 0 success, 2 invalid input (every problem listed on stderr, nothing written),
3 refused: journal add of an attempt the journal already holds (--force adds it anyway),
1 unexpected error. The report format and the cause ids are documented in the README.

${reportFilesHelp()}`;

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Readonly<Record<string, { run: Command; help: string }>> = {
  diagnose: { run: runDiagnose, help: DIAGNOSE_HELP },
  journal: { run: runJournal, help: JOURNAL_HELP },
  render: { run: runRender, help: RENDER_HELP },
  pack: { run: runPack, help: PACK_HELP },
  mcp: { run: runMcp, help: MCP_HELP },
};

/**
 * Masks what `stream` is given to print until the returned function is called. Every line the
 * CLI prints passes here: a path, a command name or an option the person typed may hold a card
 * number, a CVC or a one-time code (a folder named after the card), and the commands print them
 * back in many places. Text without one is passed on untouched.
 */
function maskWrites(stream: NodeJS.WriteStream): () => void {
  const write = stream.write;
  stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
    const text = typeof chunk === 'string' && containsSecret(chunk) ? redactSecrets(chunk) : chunk;
    return (write as (...args: unknown[]) => boolean).call(this, text, ...rest);
  } as NodeJS.WriteStream['write'];
  return () => {
    stream.write = write;
  };
}

/** Runs one command line (without `node` and the script) and returns the exit code; what it prints is masked. */
export async function main(argv: readonly string[]): Promise<number> {
  // The MCP server's standard output is its protocol: each tool result is checked on its own (mcpTools.ts).
  const restore = [maskWrites(process.stderr), ...(argv[0] === 'mcp' ? [] : [maskWrites(process.stdout)])];
  try {
    return await runCommandLine(argv);
  } finally {
    for (const undo of restore) undo();
  }
}

async function runCommandLine(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(MAIN_HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`card-doctor: unknown command '${name}'\n\n${MAIN_HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (error) {
    if (error instanceof InputError) {
      process.stderr.write(error.problems.map((problem) => `error: ${problem}`).join('\n') + '\n');
      return error.exitCode;
    }
    process.stderr.write(`card-doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
