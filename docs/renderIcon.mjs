// Renders an SVG to a PNG of the SVG's own size with a transparent background, using Debian's
// Chromium through playwright-core (both already used by the browser tests), so the icon can be
// redrawn offline: `node docs/renderIcon.mjs media/icon.svg media/icon.png`.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const [, , from, to] = process.argv;
if (!from || !to) {
  console.error('usage: node docs/renderIcon.mjs <in.svg> <out.png>');
  process.exit(2);
}
const svg = readFileSync(from, 'utf8');
const size = /<svg[^>]*\bwidth="(\d{1,4})"[^>]*\bheight="(\d{1,4})"/.exec(svg);
if (!size) {
  console.error(`${from}: the <svg> element needs width and height in pixels`);
  process.exit(2);
}
const [width, height] = [Number(size[1]), Number(size[2])];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: to, omitBackground: true });
  console.log(`wrote ${to} (${width}×${height})`);
} finally {
  await browser.close();
}
