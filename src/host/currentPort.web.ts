/** The port of dist/web/extension.js: the browser's (see currentPort.ts). */
export { webPort as currentPort } from './webPort';
