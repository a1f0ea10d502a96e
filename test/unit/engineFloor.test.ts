/**
 * API newer than the engine floor (issue 15). engines.vscode claims ^1.100.0, so src/ may use only
 * what VS Code 1.100 has, or guard what it lacks. The type-check (`tsc -p . --noEmit`, part of
 * `npm run build`) is what enforces it: it compiles src/host against @types/vscode, and a member
 * missing from that vscode.d.ts is an error. These tests keep that check honest: the types are
 * 1.100's, nothing in src/ adds members to the 'vscode' module, and no cast or directive hides a
 * use from the compiler. A feature of a later VS Code is then reached only through a guarded
 * lookup such as `(vscode as Partial<typeof vscode>).lm` (still typed by 1.100's declarations),
 * and the extension-host suite runs on both the floor and the newest engine
 * (test/vscode/runIntegration.mjs).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../l10nFiles';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** A file's code without its comments (a comment may say "as any" in prose). */
function codeOf(text: string): string {
  return text.replace(/\/\*[^*]*\*+(?:[^/*][^*]*\*+)*\//g, '').replace(/(^|[^:])\/\/[^\n]*/g, '$1');
}

/** Files of src/ whose code (or, with `comments`, whose text) matches `pattern`, relative to the repository. */
function filesMatching(pattern: RegExp, { comments = false } = {}): string[] {
  return sourceFiles(join(ROOT, 'src'))
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      return pattern.test(comments ? text : codeOf(text));
    })
    .map((file) => relative(ROOT, file));
}

describe('API use stays within the engine floor (VS Code 1.100)', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    engines: { vscode: string };
    devDependencies: Record<string, string>;
  };

  it('claims VS Code ^1.100.0 and type-checks against @types/vscode 1.100.0, pinned and installed', () => {
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
    const installed = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'package.json'), 'utf8')) as { version: string };
    assert.equal(installed.version, '1.100.0');
  });

  it('adds no members to the vscode module (a declaration would let a newer API pass the type-check)', () => {
    assert.deepEqual(filesMatching(/declare\s{1,20}module\s{1,20}['"]vscode['"]/), []);
  });

  it('finds a cast to any in code and not in a comment', () => {
    assert.equal(codeOf('const a = (vscode as any).lm; // as any'), 'const a = (vscode as any).lm; ');
    assert.equal(codeOf('/** cleaned as any free text */\nconst b = 1;'), '\nconst b = 1;');
    assert.equal(codeOf('const url = "https://x"; // note'), 'const url = "https://x"; ');
  });

  it('hides nothing from the compiler: no ts-ignore, ts-expect-error or ts-nocheck, no cast to any', () => {
    assert.deepEqual(filesMatching(/@ts-(?:ignore|expect-error|nocheck)/, { comments: true }), []);
    assert.deepEqual(filesMatching(/\bas\s{1,20}any\b/), []);
  });

  it('runs the extension-host suite on the floor and on the newest engine', async () => {
    const install = await import('../vscode/installCodeServer.mjs');
    assert.equal(install.FLOOR_VERSION, '4.100.3');
    assert.equal(install.NEWEST_VERSION, '4.139.1');
    assert.deepEqual([...install.ENGINE_VERSIONS], ['4.100.3', '4.139.1']);
  });
});
