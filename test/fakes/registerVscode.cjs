// Mocha `--require` hook for the unit suite: `require('vscode')` (which only exists inside VS
// Code's extension host) resolves to the in-memory fake in test/fakes/vscode, so src/host runs
// under plain Node. Listed after tsx/cjs in .mocharc.json, which compiles the fake's TypeScript.
'use strict';
const Module = require('node:module');
const path = require('node:path');

const FAKE = path.join(__dirname, 'vscode', 'index.ts');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveVscode(request, ...rest) {
  if (request === 'vscode') return FAKE;
  return resolve.call(this, request, ...rest);
};
