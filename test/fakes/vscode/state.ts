import { LmState } from './lm';
import { WindowState } from './window';
import { WorkspaceState } from './workspace';

/** What the fake remembers between calls; `harness.resetFake()` starts it afresh. */
export const state = {
  workspace: new WorkspaceState(),
  window: new WindowState(),
  /** `vscode.lm`: registered tools, confirmations asked (see lm.ts). */
  lm: new LmState(),
  commands: {
    registered: new Map<string, (...args: unknown[]) => unknown>(),
    executed: [] as { id: string; args: unknown[] }[],
    /** What VS Code's own commands (not registered by the extension) answer; undefined by default. */
    builtIn: (_id: string, _args: unknown[]): unknown => undefined,
  },
  env: {
    language: 'en',
    uiKind: 1,
    remoteName: undefined as string | undefined,
    clipboard: '',
    opened: [] as string[],
  },
};

export function resetState(): void {
  state.workspace.reset();
  state.window.reset();
  state.lm.reset();
  state.commands.registered.clear();
  state.commands.executed.length = 0;
  state.commands.builtIn = () => undefined;
  state.env.language = 'en';
  state.env.uiKind = 1;
  state.env.remoteName = undefined;
  state.env.clipboard = '';
  state.env.opened.length = 0;
}
