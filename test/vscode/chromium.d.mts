// Types of chromium.mjs, for the TypeScript tests that use it (test/e2e/harness.ts).
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH: string;

/** The browser locale for a VS Code UI locale: 'zh-tw' -> 'zh-TW'. */
export function browserLocale(locale: 'en' | 'zh-cn' | 'zh-tw'): string;

export function launchChromium(options?: {
  viewport?: { width: number; height: number };
  locale?: string;
}): Promise<{ context: BrowserContext; page: Page; profile: string; close(): Promise<void> }>;
