/**
 * The port this bundle runs with: Node's. The browser build resolves this module to
 * currentPort.web.ts instead (esbuild.mjs), so nothing Node-only reaches dist/web/extension.js.
 */
export { nodePort as currentPort } from './nodePort';
