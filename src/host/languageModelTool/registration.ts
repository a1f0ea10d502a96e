import * as vscode from 'vscode';

/** The tool's name, as package.json's `languageModelTools` contributes it (and `#cardDoctor` refers to it in a prompt). */
export const DIAGNOSE_TOOL_NAME = 'card-doctor_diagnose';

/**
 * Registers the diagnose tool, its work done by `tool()` (the services' tool, loaded on first use,
 * as the commands are). Nothing when the host has no `vscode.lm.registerTool`: engines.vscode
 * allows hosts (a web build, a fork, a later VS Code) where the language-model API is missing,
 * and activation must not fail there for a feature that is an extra. VS Code 1.100 activates the
 * extension for the tool by itself (`onLanguageModelTool:<name>`, generated from the
 * contribution), so package.json lists no such event.
 */
export function registerLanguageModelTool(tool: () => vscode.LanguageModelTool<unknown> | undefined): vscode.Disposable[] {
  const lm = (vscode as Partial<typeof vscode>).lm;
  if (typeof lm?.registerTool !== 'function') return [];
  return [
    lm.registerTool<unknown>(DIAGNOSE_TOOL_NAME, {
      prepareInvocation: (options, token) => tool()?.prepareInvocation?.(options, token),
      invoke: (options, token) => tool()?.invoke(options, token) ?? servicesMissing(),
    }),
  ];
}

/**
 * What the model reads when the services could not load (the person already got the notification
 * with "Show Log"): a result, because VS Code turns a tool that gives none into an opaque error.
 */
function servicesMissing(): vscode.LanguageModelToolResult {
  return new vscode.LanguageModelToolResult([
    new vscode.LanguageModelTextPart(vscode.l10n.t('Card Doctor could not load, so nothing was diagnosed or written. The Card Doctor log says why.')),
  ]);
}
