/**
 * `card-doctor mcp` as it ships: the server bundled by itself (dist/mcp.js) with only the SDK's
 * server and stdio modules, none of its HTTP stack; cli.js and the chunks it loads free of the
 * SDK; and the freshly built CLI answering an SDK client. Everything is built here, from the
 * sources, into a temporary folder, so a stale dist/ is never tested.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import * as esbuild from 'esbuild';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const ROOT = resolve(__dirname, '..', '..');
// A variable, so that TypeScript does not look for the build script's types.
const PLUGINS_MODULE = join(ROOT, 'templates', 'builtinTemplatesPlugin.mjs');

/** Packages of the SDK's HTTP transports and OAuth, which a stdio server must not carry. */
const HTTP_PACKAGES = [
  'express', 'express-rate-limit', 'hono', '@hono/node-server', 'cors', 'jose', 'eventsource',
  'eventsource-parser', 'raw-body', 'content-type', 'cross-spawn', 'pkce-challenge',
];

/** The SDK's modules for clients and for HTTP servers. */
const SDK_HTTP_MODULES = /@modelcontextprotocol\/sdk\/dist\/(?:esm|cjs)\/(?:client\/|server\/(?:express|sse|streamableHttp|webStandardStreamableHttp|auth\/))/;

/** Strings only the SDK's server and stdio transport hold. */
const SDK_MARKERS = ['ReadBuffer exceeded maximum size', 'notifications/tools/list_changed'];

describe('card-doctor mcp, bundled', function () {
  this.timeout(120000);
  let dist: string;

  before(async function () {
    dist = mkdtempSync(join(tmpdir(), 'card-doctor-mcp-dist-'));
    await promisify(execFile)(process.execPath, ['esbuild.mjs', '--production', `--outdir=${dist}`], { cwd: ROOT });
  });

  after(function () {
    rmSync(dist, { recursive: true, force: true });
  });

  it('bundles the server without the SDK’s HTTP transports, clients or their packages', async function () {
    const { builtinTemplatesPlugin, handlebarsCompilerOnlyPlugin } = (await import(PLUGINS_MODULE)) as {
      builtinTemplatesPlugin: () => esbuild.Plugin;
      handlebarsCompilerOnlyPlugin: () => esbuild.Plugin;
    };
    // As esbuild.mjs builds dist/mcp.js.
    const result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/cli/mcpServer.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outfile: join(dist, 'mcp.metafile-test.js'),
      logLevel: 'silent',
      plugins: [builtinTemplatesPlugin(), handlebarsCompilerOnlyPlugin()],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const packages = new Set(inputs.map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1]).filter(Boolean));
    assert.ok(packages.has('@modelcontextprotocol/sdk'), [...packages].join(', '));
    for (const name of HTTP_PACKAGES) assert.ok(!packages.has(name), `the server bundle holds ${name}`);
    assert.deepEqual(inputs.filter((input) => SDK_HTTP_MODULES.test(input)), []);
  });

  it('leaves the SDK out of cli.js and of every chunk it loads', function () {
    assert.ok(existsSync(join(dist, 'mcp.js')));
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const [, chunk] of readFileSync(join(dist, file), 'utf8').matchAll(/require\("\.\/(chunk-[A-Z0-9]+\.js)"\)/g)) visit(chunk!);
    };
    visit('cli.js');
    for (const file of loaded) {
      const code = readFileSync(join(dist, file), 'utf8');
      for (const marker of SDK_MARKERS) assert.ok(!code.includes(marker), `${file} holds “${marker}”`);
    }
    const server = readFileSync(join(dist, 'mcp.js'), 'utf8');
    for (const marker of SDK_MARKERS) assert.ok(server.includes(marker), `mcp.js lacks “${marker}”`);
  });

  it('answers an SDK client: node cli.js mcp lists the tools and diagnoses a report', async function () {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(dist, 'cli.js'), 'mcp'],
      cwd: dist,
      env: { PATH: process.env.PATH ?? '', LANG: 'C' },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'card-doctor-bundle-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      assert.deepEqual(tools.map((tool) => tool.name).sort(), ['diagnose', 'list_journal', 'render_letter']);
      const result = (await client.callTool({
        name: 'diagnose',
        arguments: {
          report: { errorMessage: 'Your card does not support this type of purchase.', card: { kind: 'virtual', issuerCountry: 'US' } },
          now: '2025-11-27T12:00:00+08:00',
        },
      })) as { structuredContent?: { causes: { id: string }[] } };
      assert.deepEqual(result.structuredContent!.causes.map((cause) => cause.id), ['card-type-restricted']);
    } finally {
      await client.close();
    }
  });
});
