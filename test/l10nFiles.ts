/**
 * The l10n files and the strings the host and webview pass to `vscode.l10n.t`, read from the
 * sources: shared by the l10n test (every string translated) and the Chinese-terms test (every
 * translation in the glossary's words).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository's root. */
export const ROOT = resolve(__dirname, '..');

/** A JSON file of the repository, parsed. */
export const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/** The literal first argument of every l10n.t call. A non-literal one cannot be translated and fails the test. */
export function l10nStrings(): { strings: Set<string>; dynamic: string[] } {
  const strings = new Set<string>();
  const dynamic: string[] = [];
  for (const file of ['src/host', 'src/webview'].flatMap((dir) => sources(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*(.)/g)) {
      const quote = match[1]!;
      const start = match.index! + match[0].length;
      if (quote !== "'" && quote !== '"') {
        dynamic.push(`${file}: ${text.slice(match.index!, match.index! + 40)}`);
        continue;
      }
      let value = '';
      for (let i = start; i < text.length && text[i] !== quote; i++) value += text[i] === '\\' ? text[++i] : text[i];
      strings.add(value);
    }
  }
  return { strings, dynamic };
}
