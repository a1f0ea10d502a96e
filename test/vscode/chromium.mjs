// Headless Chromium (Debian's, driven by playwright-core) for the code-server tests. Each launch
// gets a fresh profile, so nothing carries over between runs.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkDebianPackages, scratchEnv } from './installCodeServer.mjs';
import { RUNS_DIR } from './codeServer.mjs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox', // root on CI
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser's own language (navigator.language, Accept-Language) for a VS Code UI locale. */
const BROWSER_LOCALES = { en: 'en-US', 'zh-cn': 'zh-CN', 'zh-tw': 'zh-TW' };

/**
 * The browser locale that goes with a VS Code UI locale, so the page and the workbench agree.
 *
 * @param {'en'|'zh-cn'|'zh-tw'} locale
 */
export function browserLocale(locale) {
  if (!Object.hasOwn(BROWSER_LOCALES, locale)) throw new Error(`no browser locale for ${locale}`);
  return BROWSER_LOCALES[locale];
}

/**
 * Crash reports and caches go to the profile, not under the home directory. TMPDIR stays short:
 * Chromium puts a socket there, and socket paths are limited to 107 bytes.
 */
function chromiumEnv(profile) {
  const { TMPDIR: _long, ...xdg } = scratchEnv(join(profile, 'scratch'));
  return { ...process.env, ...xdg };
}

/**
 * Launches Chromium with a fresh user-data dir; resolves to a persistent context whose first page
 * is ready to use. close() ends the browser and removes the profile.
 *
 * @param {{ viewport?: { width: number, height: number }, locale?: string }} [options]
 */
export async function launchChromium({ viewport = { width: 1280, height: 800 }, locale = 'en-US' } = {}) {
  checkDebianPackages(['browser']);
  mkdirSync(RUNS_DIR, { recursive: true });
  const profile = mkdtempSync(join(RUNS_DIR, 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    timeout: 60_000,
    env: chromiumEnv(profile),
  });
  const page = context.pages()[0] ?? await context.newPage();
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, page, profile, close };
}
