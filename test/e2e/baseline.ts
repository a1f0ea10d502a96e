/**
 * Screenshots that are tests: a picture of one of the extension's own views (its webview element,
 * not the workbench around it) compared with a committed baseline, test/e2e/baselines/<name>.png,
 * pixel by pixel (pixelmatch) within a tolerance.
 *
 * When to run `npm run test:update-baselines` (it rewrites the baselines from
 * test/e2e/looks.test.ts, about two and a half minutes): after a change MEANT to change how the
 * form or the diagnosis tab looks (a string, a translation, a style, a field, the layout), and
 * after the machine's Chromium or fonts change. Then look at every PNG that `git status` shows changed before committing it: a baseline is
 * only as right as the picture someone looked at. A baseline that still matches within the tolerance
 * is left as it is, so the command only touches what really changed.
 *
 * A failure leaves the picture taken and a diff (differing pixels in red) in test-output/baselines/,
 * named in the message.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Locator } from 'playwright-core';
import { PNG } from 'pngjs';
import { settledScreenshot } from './harness';

const REPO_ROOT = resolve(__dirname, '../..');
export const BASELINES_DIR = join(REPO_ROOT, 'test', 'e2e', 'baselines');
const FAILURES_DIR = join(REPO_ROOT, 'test-output', 'baselines');

/** Set by `npm run test:update-baselines`: write the pictures taken as the new baselines. */
const UPDATING = process.env['UPDATE_BASELINES'] === '1';

/**
 * pixelmatch's per-pixel colour distance under which two pixels count as the same (0–1; its
 * default). Text anti-aliasing that wobbles between runs stays under it or is recognised as
 * anti-aliasing and not counted.
 */
const PIXEL_THRESHOLD = 0.1;

/**
 * The differing pixels allowed (after pixelmatch's threshold and its anti-aliasing detection),
 * whatever the picture's size. Measured: six runs of looks.test.ts comparing its pictures with
 * the baselines (eight, then twelve with zh-tw; Debian's Chromium, 2 shared cores, other test
 * suites running) found 0 differing pixels every time. Measured too, with this font at the form's
 * size: one changed character changes 12–15 pixels, one changed word 60–210. So a share such as 0.5 % (1,062
 * pixels of a 300 × 708 form) would let a changed word through; 8 pixels keeps a margin over the
 * measured 0 for a stray glyph edge and still fails on any changed character.
 */
export const MAX_DIFF_PIXELS = 8;

export interface BaselineResult {
  /** Differing pixels (0 when the baseline was just written). */
  differing: number;
  /** What happened to the baseline file in update mode. */
  written?: 'new' | 'rewritten' | 'kept';
}

/** Compares two decoded pictures; returns how many pixels differ and a diff picture. */
async function compare(expected: PNG, actual: PNG): Promise<{ differing: number; diff: PNG }> {
  // pixelmatch is an ES module; this file runs as CommonJS under mocha, so it is imported dynamically.
  const { default: pixelmatch } = await import('pixelmatch');
  const { width, height } = expected;
  const diff = new PNG({ width, height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, width, height, { threshold: PIXEL_THRESHOLD });
  return { differing, diff };
}

function percentOf(differing: number, picture: PNG): string {
  return `${((differing / (picture.width * picture.height)) * 100).toFixed(4)} %`;
}

/** Where the baselines are, where a failure's pictures go, and whether to write baselines instead. */
export interface BaselineOptions {
  baselinesDir: string;
  failuresDir: string;
  update: boolean;
}

const DEFAULT_OPTIONS: BaselineOptions = { baselinesDir: BASELINES_DIR, failuresDir: FAILURES_DIR, update: UPDATING };

/**
 * Asserts that `target` looks like test/e2e/baselines/<name>.png: the same size and at most
 * MAX_DIFF_PIXELS of its pixels different. With UPDATE_BASELINES=1, writes the picture as the
 * baseline instead (unless the old one still matches).
 */
export async function expectToMatchBaseline(target: Locator, name: string): Promise<BaselineResult> {
  return compareWithBaseline(await settledScreenshot(target), name);
}

/** expectToMatchBaseline for a picture already taken (a PNG). */
export async function compareWithBaseline(shot: Buffer, name: string, options: BaselineOptions = DEFAULT_OPTIONS): Promise<BaselineResult> {
  assert.match(name, /^[a-z0-9][a-z0-9-]{0,80}$/, 'a baseline name is lower-case words joined by hyphens');
  const { baselinesDir, failuresDir, update } = options;
  const baselinePath = join(baselinesDir, `${name}.png`);
  const actualPath = join(failuresDir, `${name}-actual.png`);
  const diffPath = join(failuresDir, `${name}-diff.png`);
  rmSync(actualPath, { force: true });
  rmSync(diffPath, { force: true });
  const actual = PNG.sync.read(shot);
  const shown = (path: string) => relative(REPO_ROOT, path);

  if (!existsSync(baselinePath)) {
    if (update) {
      mkdirSync(baselinesDir, { recursive: true });
      writeFileSync(baselinePath, shot);
      console.log(`    baseline ${name}: new, ${actual.width} × ${actual.height}`);
      return { differing: 0, written: 'new' };
    }
    mkdirSync(failuresDir, { recursive: true });
    writeFileSync(actualPath, shot);
    assert.fail(`no baseline ${shown(baselinePath)}; the picture taken is ${shown(actualPath)}. Look at it, then run \`npm run test:update-baselines\``);
  }

  const expected = PNG.sync.read(readFileSync(baselinePath));
  const sameSize = expected.width === actual.width && expected.height === actual.height;
  const { differing, diff } = sameSize ? await compare(expected, actual) : { differing: Infinity, diff: undefined };
  const matches = differing <= MAX_DIFF_PIXELS;
  const what = sameSize
    ? `${differing} pixels differ (${percentOf(differing, actual)})`
    : `the picture is ${actual.width} × ${actual.height}, the baseline ${expected.width} × ${expected.height}`;
  console.log(`    baseline ${name}: ${what}`);

  if (update) {
    if (matches) return { differing, written: 'kept' };
    writeFileSync(baselinePath, shot);
    console.log(`    baseline ${name}: rewritten`);
    return { differing, written: 'rewritten' };
  }
  if (!matches) {
    mkdirSync(failuresDir, { recursive: true });
    writeFileSync(actualPath, shot);
    if (diff) writeFileSync(diffPath, PNG.sync.write(diff));
    assert.fail(
      `${name} does not look like its baseline ${shown(baselinePath)}: ${what}, at most ${MAX_DIFF_PIXELS} allowed. ` +
        `Taken: ${shown(actualPath)}${diff ? `; differences in red: ${shown(diffPath)}` : ''}. ` +
        'If the change is meant, look at the picture and run `npm run test:update-baselines`.',
    );
  }
  return { differing };
}

/**
 * Several pictures checked in one test: each is compared even when an earlier one failed, so one
 * run names every picture a change affected; `assertAll` then fails with all of them.
 */
export class BaselineChecks {
  private readonly failures: string[] = [];

  async check(target: Locator, name: string): Promise<void> {
    try {
      await expectToMatchBaseline(target, name);
    } catch (error) {
      if (!(error instanceof assert.AssertionError)) throw error;
      this.failures.push(error.message);
    }
  }

  assertAll(): void {
    if (this.failures.length > 0) assert.fail(this.failures.join('\n'));
  }
}
