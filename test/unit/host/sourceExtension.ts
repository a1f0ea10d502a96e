import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { installBuiltinTemplatesModule } from '../../templateLoader';

/**
 * An extension folder whose dist/ bundles load the sources (the shared dist/ holds whatever was
 * last built): the letter writer loads letterRendering.js and templateCompiler.js from there.
 * Registers the suite's before/after hooks; the returned function gives the folder's path.
 */
export function useSourceExtension(prefix: string): () => string {
  let extensionPath = '';
  before(async () => {
    installBuiltinTemplatesModule();
    extensionPath = await fsp.mkdtemp(path.join(os.tmpdir(), prefix));
    await fsp.mkdir(path.join(extensionPath, 'dist'));
    const source = (name: string) => JSON.stringify(path.resolve(__dirname, '../../../src/core', name));
    await fsp.writeFile(path.join(extensionPath, 'dist', 'letterRendering.js'), `module.exports = require(${source('letterRendering.ts')});\n`);
    await fsp.writeFile(path.join(extensionPath, 'dist', 'templateCompiler.js'), `module.exports = require(${source('templateCompiler.ts')});\n`);
  });
  after(async () => {
    await fsp.rm(extensionPath, { recursive: true, force: true });
  });
  return () => extensionPath;
}
