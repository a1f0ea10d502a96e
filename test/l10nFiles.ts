/**
 * The l10n files, shared by the l10n tests (every string translated, generated files current),
 * the Chinese-terms test and the Traditional Chinese tests. The strings themselves are extracted
 * by @vscode/l10n-dev (`npm run l10n` writes l10n/bundle.l10n.json; test/unit/l10nGenerated.test.ts
 * fails when that file is not what the tool extracts now).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { useTraditionalTable } from '../src/core/language';

/** The repository's root. */
export const ROOT = resolve(__dirname, '..');

/** A JSON file of the repository, parsed. */
export const readJson = (file: string) => JSON.parse(readFileSync(join(ROOT, file), 'utf8'));

/** The folders whose `l10n.t` calls are extracted (as in l10n/build.mjs). */
export const L10N_SOURCES = ['src/host', 'src/webview', 'src/cli'];

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every string passed to `l10n.t` (the extracted English bundle's keys), and every call whose
 * first argument is not a literal: the extractor skips those, so they could never be translated.
 */
export function l10nStrings(): { strings: Set<string>; dynamic: string[] } {
  const strings = new Set(Object.keys(readJson('l10n/bundle.l10n.json') as Record<string, string>));
  const dynamic: string[] = [];
  for (const file of L10N_SOURCES.flatMap((dir) => sources(join(ROOT, dir)))) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/l10n\.t\(\s*(.)/g)) {
      if (match[1] !== "'" && match[1] !== '"') dynamic.push(`${file}: ${text.slice(match.index, match.index + 40)}`);
    }
  }
  return { strings, dynamic };
}

/** Installs core's Traditional Chinese table from l10n/, as the host and the CLI do. */
export function installTraditionalTable(): void {
  useTraditionalTable(readJson('l10n/zh-tw-table.json'));
}
