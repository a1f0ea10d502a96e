// Copies the README's pictures from the browser tests' screenshots (test-output/screenshots/,
// written by `npm test` or `npm run test:e2e`) into docs/images/, so the pictures always show
// what the tests drove. Run after a browser test run: `npm run readme:images`.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const from = join(root, 'test-output', 'screenshots');
const to = join(root, 'docs', 'images');

/** README picture ← screenshot taken by a browser test. */
export const README_IMAGES = {
  'interview-card-en.png': 'wizard-en-2-card.png',
  'interview-card-zh-cn.png': 'wizard-zh-cn-2-card.png',
  'interview-applies-en.png': 'wizard-en-3-applies.png',
  'diagnosis-tab-en.png': 'diagnosis-stays-en-5-letter-beside-diagnosis.png',
  'diagnosis-tab-zh-cn.png': 'diagnosis-stays-zh-cn-1-diagnosis.png',
  'sidebar-inferred-zh-cn.png': 'sidebar-zh-cn-inferred.png',
  'sidebar-dark-en.png': 'sidebar-dark-diagnosis.png',
  'sidebar-wide-en.png': 'sidebar-wide.png',
  'letter-journal-dark-en.png': 'sidebar-dark-workbench.png',
  'diagnosis-letter-zh-cn.png': 'diagnosis-stays-zh-cn-5-letter-beside-diagnosis.png',
};

mkdirSync(to, { recursive: true });
const missing = Object.values(README_IMAGES).filter((name) => !existsSync(join(from, name)));
if (missing.length > 0) {
  console.error(`missing screenshots (run the browser tests first): ${missing.join(', ')}`);
  process.exit(1);
}
for (const [image, screenshot] of Object.entries(README_IMAGES)) copyFileSync(join(from, screenshot), join(to, image));
console.log(`copied ${Object.keys(README_IMAGES).length} pictures into docs/images/`);
