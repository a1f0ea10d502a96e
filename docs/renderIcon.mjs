// Renders an SVG to a PNG with a transparent background, using Debian's Chromium through
// playwright-core (both already used by the browser tests), so the icon can be redrawn offline:
// `node docs/renderIcon.mjs media/icon.svg media/icon.png 128`. The size (square, in pixels)
// defaults to the SVG's own width and height. 128×128 is the marketplaces' size and keeps the
// icon a few KB (it ships in the .vsix, where PNG does not compress further).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [, , from, to, side] = process.argv;
if (!from || !to) {
  console.error('usage: node docs/renderIcon.mjs <in.svg> <out.png> [size]');
  process.exit(2);
}
const svg = readFileSync(from, 'utf8');
const size = /<svg[^>]*\bwidth="(\d{1,4})"[^>]*\bheight="(\d{1,4})"/.exec(svg);
if (!size) {
  console.error(`${from}: the <svg> element needs width and height in pixels`);
  process.exit(2);
}
const [width, height] = side ? [Number(side), Number(side)] : [Number(size[1]), Number(size[2])];
const sized = svg.replace(/(<svg[^>]*\bwidth=")\d{1,4}("[^>]*\bheight=")\d{1,4}"/, `$1${width}$2${height}"`);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.locator('svg').screenshot({ path: to, omitBackground: true });
  console.log(`wrote ${to} (${width}×${height})`);
} finally {
  await browser.close();
}
