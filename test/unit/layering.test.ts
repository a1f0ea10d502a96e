/**
 * The dependency direction of STYLE.md, checked on every import in src/: core is pure, nothing
 * imports host, only host imports vscode, the CLI stays off the webview and host, and the Node
 * I/O that the CLI and host share (src/node) uses only the core. The core's own tsconfig (no
 * ambient types) also makes a Node or DOM import fail to compile; this test adds the rules a
 * compiler cannot express.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^[ \t]*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
    specifiers.push((match[1] ?? match[2] ?? match[3])!);
  }
  return specifiers;
}

function layerOf(file: string): string {
  return relative(SRC, file).split(/[\\/]/)[0]!;
}

/** The layer a relative import lands in, or the package name of a bare one. */
function targetOf(file: string, specifier: string): { layer?: string; pkg?: string } {
  if (specifier.startsWith('.')) return { layer: layerOf(resolve(file, '..', specifier)) };
  return { pkg: specifier.startsWith('node:') ? specifier : specifier.split('/')[0]!.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]! };
}

const ALLOWED_LAYERS: Record<string, string[]> = {
  core: ['core'],
  protocol: ['protocol', 'core'],
  webview: ['webview', 'protocol', 'core'],
  // Node file I/O that must be safe against other writers, shared by the CLI and the host.
  node: ['node', 'core'],
  cli: ['cli', 'node', 'core'],
  host: ['host', 'protocol', 'core', 'node'],
};

/** Packages the pure layers may use: data libraries with no I/O. */
const PURE_PACKAGES = ['zod', 'credit-card-type', 'postcode-validator', 'handlebars', 'virtual:builtin-templates'];

describe('layering', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => assert.ok(files.length > 5));

  for (const file of files) {
    const layer = layerOf(file);
    const name = relative(SRC, file);
    it(`${name} imports only what its layer allows`, () => {
      for (const specifier of importsOf(file)) {
        const target = targetOf(file, specifier);
        if (target.layer) {
          assert.ok(ALLOWED_LAYERS[layer]?.includes(target.layer), `${name} (${layer}) must not import ${specifier} (${target.layer})`);
        } else if (target.pkg === 'vscode') {
          assert.equal(layer, 'host', `${name}: only src/host may import vscode`);
        } else if (layer === 'core' || layer === 'protocol' || layer === 'webview') {
          assert.ok(PURE_PACKAGES.includes(target.pkg!), `${name} (${layer}) must stay pure but imports ${specifier}`);
        }
      }
    });
  }
});
