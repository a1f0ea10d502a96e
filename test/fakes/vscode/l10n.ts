import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository's l10n folder: what package.json `l10n` points VS Code at. */
const L10N_FOLDER = path.resolve(__dirname, '../../../l10n');

const bundles = new Map<string, Record<string, string> | undefined>();

/**
 * The extension's bundle for a display language, as VS Code picks it: `bundle.l10n.<language>.json`
 * (lower case), none for English or a language without one. Read once per language.
 */
export function bundleFor(language: string): Record<string, string> | undefined {
  const name = language.toLowerCase();
  if (!bundles.has(name)) {
    let bundle: Record<string, string> | undefined;
    if (name !== 'en') {
      try {
        bundle = JSON.parse(readFileSync(path.join(L10N_FOLDER, `bundle.l10n.${name}.json`), 'utf8')) as Record<string, string>;
      } catch {
        bundle = undefined;
      }
    }
    bundles.set(name, bundle);
  }
  return bundles.get(name);
}

type Args = (string | number | boolean | undefined | null)[] | Record<string, unknown>;

/**
 * Fills `{0}`-style and `{name}`-style placeholders as VS Code's `format2` does: a placeholder
 * with no value is left as written.
 */
export function format(message: string, args: Args): string {
  return message.replace(/\{([^{}]{1,40})\}/g, (match, name: string) => {
    const value = Array.isArray(args) ? (/^\d+$/.test(name) ? args[Number(name)] : undefined) : args[name];
    return value === undefined ? match : String(value);
  });
}

/** vscode.l10n.t over the bundle of `language()`: the three call shapes of the real one. */
export function makeT(language: () => string) {
  return function t(...params: unknown[]): string {
    const first = params[0];
    let message: string;
    let args: Args;
    let key: string;
    if (typeof first === 'string') {
      message = first;
      key = first;
      const rest = params.slice(1);
      args = rest.length === 1 && typeof rest[0] === 'object' && rest[0] !== null && !Array.isArray(rest[0]) ? (rest[0] as Record<string, unknown>) : (rest as Args);
    } else {
      const options = first as { message: string; args?: Args; comment?: string | string[] };
      message = options.message;
      args = options.args ?? [];
      const comment = options.comment === undefined ? undefined : Array.isArray(options.comment) ? options.comment.join('') : options.comment;
      key = comment === undefined ? message : `${message}/${comment}`;
    }
    const translated = bundleFor(language())?.[key];
    return format(typeof translated === 'string' ? translated : message, args);
  };
}
