/**
 * The picture comparison itself (baseline.ts), on pictures drawn here rather than taken in a
 * browser: it must fail on a change the size of one character, name the pictures it leaves, and
 * in update mode write only what changed. No browser; runs in well under a second.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { MAX_DIFF_PIXELS, compareWithBaseline, type BaselineOptions } from './baseline';

/** A white picture with black squares of `blocks` [x, y, width, height], encoded as a PNG. */
function picture(width: number, height: number, blocks: [number, number, number, number][] = []): Buffer {
  const png = new PNG({ width, height });
  png.data.fill(255);
  for (const [left, top, blockWidth, blockHeight] of blocks) {
    for (let y = top; y < top + blockHeight; y++) {
      for (let x = left; x < left + blockWidth; x++) {
        const at = (y * width + x) * 4;
        png.data[at] = 0;
        png.data[at + 1] = 0;
        png.data[at + 2] = 0;
      }
    }
  }
  return PNG.sync.write(png);
}

describe('comparing a picture with its baseline', () => {
  let root: string;
  let options: BaselineOptions;
  const baseline = picture(300, 200, [[20, 20, 100, 10]]);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'card-doctor-baselines-'));
    options = { baselinesDir: join(root, 'baselines'), failuresDir: join(root, 'failures'), update: false };
    mkdirSync(options.baselinesDir);
    writeFileSync(join(options.baselinesDir, 'view.png'), baseline);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('passes the same picture, with 0 pixels differing', async () => {
    assert.deepEqual(await compareWithBaseline(picture(300, 200, [[20, 20, 100, 10]]), 'view', options), { differing: 0 });
    assert.equal(existsSync(options.failuresDir), false, 'nothing left behind');
  });

  it('tolerates at most 8 differing pixels', async () => {
    assert.equal(MAX_DIFF_PIXELS, 8);
    // Two by four pixels more of the bar: 8 pixels.
    assert.deepEqual(await compareWithBaseline(picture(300, 200, [[20, 20, 100, 10], [120, 20, 2, 4]]), 'view', options), { differing: 8 });
  });

  it('fails on a change the size of a character, leaving the picture and a diff it names', async () => {
    // A 3 × 5 mark (15 pixels): one changed digit of the form's text measured 12–15 pixels.
    const changed = picture(300, 200, [[20, 20, 100, 10], [200, 100, 3, 5]]);
    await assert.rejects(compareWithBaseline(changed, 'view', options), (error: Error) => {
      assert.match(error.message, /^view does not look like its baseline .*view\.png: 15 pixels differ \(0\.0250 %\), at most 8 allowed\. Taken: .*view-actual\.png; differences in red: .*view-diff\.png\./);
      return true;
    });
    assert.deepEqual(readFileSync(join(options.failuresDir, 'view-actual.png')), changed);
    const diff = PNG.sync.read(readFileSync(join(options.failuresDir, 'view-diff.png')));
    assert.deepEqual([diff.width, diff.height], [300, 200]);
    // The changed mark is red in the diff.
    const at = (102 * 300 + 201) * 4;
    assert.deepEqual([...diff.data.subarray(at, at + 3)], [255, 0, 0]);
  });

  it('fails on a picture of another size, whatever its content', async () => {
    await assert.rejects(compareWithBaseline(picture(300, 201, [[20, 20, 100, 10]]), 'view', options), /the picture is 300 × 201, the baseline 300 × 200/);
  });

  it('fails without a baseline, leaving the picture taken', async () => {
    await assert.rejects(compareWithBaseline(baseline, 'missing', options), /no baseline .*missing\.png; the picture taken is .*missing-actual\.png/);
    assert.ok(existsSync(join(options.failuresDir, 'missing-actual.png')));
  });

  it('in update mode, writes a new or changed baseline and keeps one that still matches', async () => {
    const update = { ...options, update: true };
    const changed = picture(300, 200, [[20, 20, 100, 10], [200, 100, 3, 5]]);
    assert.deepEqual(await compareWithBaseline(changed, 'new-view', update), { differing: 0, written: 'new' });
    assert.deepEqual(readFileSync(join(options.baselinesDir, 'new-view.png')), changed);

    assert.deepEqual(await compareWithBaseline(changed, 'view', update), { differing: 15, written: 'rewritten' });
    assert.deepEqual(readFileSync(join(options.baselinesDir, 'view.png')), changed);

    const nearly = picture(300, 200, [[20, 20, 100, 10], [200, 100, 3, 5], [120, 20, 2, 4]]);
    assert.deepEqual(await compareWithBaseline(nearly, 'view', update), { differing: 8, written: 'kept' });
    assert.deepEqual(readFileSync(join(options.baselinesDir, 'view.png')), changed, 'the old baseline, byte for byte');
  });
});
