// How a bundle for a web worker extension host is resolved (the browser entry in esbuild.mjs, the
// browser build of the extension-host tests in test/vscode/buildTests.mjs).
import { builtinModules } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = import.meta.dirname;
const HOST = join(ROOT, 'src', 'host');

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** Whether `specifier` names a Node builtin (`fs`, `node:fs/promises`…). */
export function isNodeBuiltin(specifier) {
  return NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]);
}

/**
 * The host's port is the browser's (src/host/currentPort.web.ts), core's Traditional table is
 * bundled (`virtual:zh-tw-table`), and any Node builtin still imported FAILS the build, naming the
 * importer: a web worker has none, and the extension would die at activation there with nothing
 * in the build to say so.
 * @type {import('esbuild').Plugin}
 */
export const webPortPlugin = {
  name: 'web-port',
  setup(build) {
    build.onResolve({ filter: /^virtual:zh-tw-table$/ }, () => ({ path: join(ROOT, 'l10n', 'zh-tw-table.json') }));
    build.onResolve({ filter: /^\.\/currentPort$/ }, (args) => (resolve(args.resolveDir) === HOST ? { path: join(HOST, 'currentPort.web.ts') } : undefined));
    build.onResolve({ filter: /.*/ }, (args) => {
      if (isNodeBuiltin(args.path)) {
        return { errors: [{ text: `${args.path} is a Node module, and a web worker extension host has none: ${args.importer} must not reach the browser bundle (go through src/host/hostPort.ts)` }] };
      }
      return undefined;
    });
  },
};
