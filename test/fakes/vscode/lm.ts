/**
 * The fake's `vscode.lm` tools, behaving as VS Code 1.100's LanguageModelToolsService does for a
 * call from an extension without a chat session (`toolInvocationToken: undefined`): a tool must be
 * contributed in package.json's `languageModelTools` to be registered; `invokeTool` runs
 * `prepareInvocation` first and, when it returns `confirmationMessages`, asks the person (a modal
 * dialog in VS Code; here `state.confirm`, which records what was asked) and throws a
 * CancellationError when they decline; a tool that gives no result is an error.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NEVER_CANCELLED } from './events';

/** A tool's confirmation as the person would read it: the title and the message's text. */
export interface AskedConfirmation {
  toolName: string;
  title: string;
  message: string;
}

interface ToolLike {
  invoke(options: { input: unknown; toolInvocationToken: unknown }, token: unknown): unknown;
  prepareInvocation?(options: { input: unknown }, token: unknown): unknown;
}

/** vscode.LanguageModelTextPart. */
export class LanguageModelTextPart {
  constructor(public value: string) {}
}

/** vscode.LanguageModelPromptTsxPart (never made by this extension; here so `instanceof` checks compile). */
export class LanguageModelPromptTsxPart {
  constructor(public value: unknown) {}
}

/** vscode.LanguageModelToolResult. */
export class LanguageModelToolResult {
  constructor(public content: unknown[]) {}
}

/** vscode.CancellationError: what invokeTool throws when the person declines a confirmation. */
export class CancellationError extends Error {
  constructor() {
    super('Canceled');
    this.name = 'Canceled';
  }
}

export class LmState {
  readonly tools = new Map<string, ToolLike>();
  /** Every confirmation a tool asked for, in order. */
  readonly confirmations: AskedConfirmation[] = [];
  /** The person's answer to a confirmation; yes by default. */
  confirm: (asked: AskedConfirmation) => boolean = () => true;
  /** False: the host has no `lm.registerTool` (an older VS Code, or one that dropped it). */
  available = true;

  reset(): void {
    this.tools.clear();
    this.confirmations.length = 0;
    this.confirm = () => true;
    this.available = true;
  }
}

const REPO_ROOT = path.resolve(__dirname, '../../..');

/** The tools package.json contributes, by name: VS Code registers only those. */
function contributedTools(): Map<string, { name: string; modelDescription?: string; inputSchema?: unknown; tags?: string[] }> {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes?: { languageModelTools?: { name: string; modelDescription?: string; inputSchema?: unknown; tags?: string[] }[] };
  };
  return new Map((manifest.contributes?.languageModelTools ?? []).map((tool) => [tool.name, tool]));
}

function messageText(message: unknown): string {
  return typeof message === 'string' ? message : String((message as { value?: unknown } | undefined)?.value ?? '');
}

export function makeLm(state: LmState) {
  const registerTool = (name: string, tool: ToolLike): { dispose(): void } => {
    if (!contributedTools().has(name)) throw new Error(`fake vscode: tool "${name}" was not contributed`);
    if (state.tools.has(name)) throw new Error(`fake vscode: tool "${name}" already has an implementation`);
    state.tools.set(name, tool);
    return { dispose: () => state.tools.delete(name) };
  };
  const invokeTool = async (name: string, options: { input: object; toolInvocationToken: unknown }, token: unknown = NEVER_CANCELLED): Promise<unknown> => {
    if (!contributedTools().has(name)) throw new Error(`Tool ${name} was not contributed`);
    const tool = state.tools.get(name);
    if (!tool) throw new Error(`Tool ${name} does not have an implementation registered.`);
    const prepared = (await tool.prepareInvocation?.({ input: options.input }, token)) as
      | { confirmationMessages?: { title: string; message: unknown } }
      | undefined;
    if (prepared?.confirmationMessages) {
      const asked = { toolName: name, title: prepared.confirmationMessages.title, message: messageText(prepared.confirmationMessages.message) };
      state.confirmations.push(asked);
      if (!state.confirm(asked)) throw new CancellationError();
    }
    const result = await tool.invoke({ input: options.input, toolInvocationToken: options.toolInvocationToken }, token);
    if (!result) throw new Error('fake vscode: the tool gave no result');
    return result;
  };
  return {
    get registerTool() {
      return state.available ? registerTool : undefined;
    },
    get invokeTool() {
      return state.available ? invokeTool : undefined;
    },
    /** The registered tools that package.json contributes, as `vscode.lm.tools` lists them. */
    get tools() {
      const contributed = contributedTools();
      return [...state.tools.keys()].flatMap((name) => {
        const info = contributed.get(name);
        return info ? [{ name, description: info.modelDescription ?? '', inputSchema: info.inputSchema, tags: info.tags ?? [] }] : [];
      });
    },
  };
}
