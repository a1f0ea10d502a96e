/**
 * Accessibility of the sidebar form, measured rather than asserted: axe-core
 * (`@axe-core/playwright`) over the form's own frame in a real VS Code (code-server + Chromium),
 * in the light, dark and high-contrast themes and in both UI languages. The form is shown as a
 * person mid-way sees it: a diagnosis with findings and a wait, a field problem, an inferred
 * value offered, and the time read back. The workbench around the frame is VS Code's, not ours,
 * so the audit is scoped to the form's document.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Result } from 'axe-core';
import { formatJournalEntry, journalHeader } from '../../src/core/journal';
import { ACTIVITY_ITEM, EXTENSION_ID, closeWorkbench, extensionWebview, openWorkbench, screenshotIfFailed, type Workbench } from './harness';


/** The form's document: the webview's outer frame, its inner frame, and the page the script fills. */
const FORM_CONTEXT = [`iframe.webview[src*="extensionId=${EXTENSION_ID}"]`, 'iframe#active-frame', '#app'];

/** A folder whose journal holds two attempts with two cards in the last hours: the diagnosis shows a wait. */
function workspaceWithRecentAttempts(): string {
  const folder = mkdtempSync(join(tmpdir(), 'card-doctor-a11y-fixture-'));
  writeFileSync(join(folder, 'README.md'), '# Accessibility test workspace\n');
  mkdirSync(join(folder, 'card-failures'));
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  const entries = [
    { occurredAt: at(3), product: 'chatgpt-web' as const, errorMessage: 'Your card was declined.', card: { brand: 'visa' as const, last4: '1111', issuerCountry: 'CN' } },
    { occurredAt: at(2), product: 'chatgpt-web' as const, errorMessage: 'Your card was declined.', card: { brand: 'mastercard' as const, last4: '2222', issuerCountry: 'HK' } },
  ];
  writeFileSync(join(folder, 'card-failures', 'journal.md'), journalHeader('en') + entries.map((entry) => formatJournalEntry(entry, 'en')).join(''));
  return folder;
}

/** One line per violation: its rule, impact and how many nodes, then the first node's target. */
function describeViolations(violations: readonly Result[]): string {
  return violations
    .map((violation) => `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.nodes.length} node(s), e.g. ${JSON.stringify(violation.nodes[0]?.target)} ${violation.nodes[0]?.failureSummary?.split('\n').slice(0, 2).join(' ') ?? ''}`)
    .join('\n');
}

/** Violations counted by impact, for the run's log: `critical 0, serious 0, moderate 1, minor 0`. */
function byImpact(violations: readonly Result[]): string {
  return (['critical', 'serious', 'moderate', 'minor'] as const)
    .map((impact) => `${impact} ${violations.filter((violation) => violation.impact === impact).reduce((sum, violation) => sum + violation.nodes.length, 0)}`)
    .join(', ');
}

const THEMES: [string, string][] = [
  ['light', 'Default Light Modern'],
  ['dark', 'Default Dark Modern'],
  ['high contrast', 'Default High Contrast'],
];

for (const locale of ['en', 'zh-cn'] as const) {
  for (const [themeName, theme] of THEMES) {
    describe(`sidebar form accessibility, ${themeName} theme, ${locale}`, function () {
      this.timeout(300_000);
      let workbench: Workbench | undefined;
      let fixture: string | undefined;

      before(async () => {
        fixture = workspaceWithRecentAttempts();
        workbench = await openWorkbench({ fixture, locale, settings: { 'workbench.colorTheme': theme } });
      });

      afterEach(async function () {
        await screenshotIfFailed(this.currentTest, workbench?.page);
      });

      after(async () => {
        await closeWorkbench(workbench);
        if (fixture) rmSync(fixture, { recursive: true, force: true });
      });

      it('has no serious or critical axe violations in the form', async () => {
        const { page } = workbench!;
        await page.locator(ACTIVITY_ITEM).click();
        await page.mouse.move(900, 600);
        const form = extensionWebview(page);
        await form.locator('#app[data-ready="true"]').waitFor({ timeout: 60_000 });
        // The form mid-way: a recognised error, first digits that infer a brand and a country,
        // a half-typed last 4 left (its problem shown), and the journal's wait in the diagnosis.
        await form.locator('#f-errorMessage').fill('Your card was declined.');
        await form.locator('#f-card-bin').fill('62');
        await form.locator('#f-card-last4').fill('42');
        await form.locator('#f-card-last4').blur();
        await form.locator('#f-card-last4-error:not([hidden])').waitFor();
        await form.locator('#f-card-brand-suggestion:not([hidden])').waitFor();
        await form.locator('#f-card-issuerCountry-suggestion:not([hidden])').waitFor();
        await form.locator('#f-occurredAt-reading:not([hidden])').waitFor();
        await form.locator('.cooldown .countdown').waitFor();
        await form.locator('.finding').first().waitFor();

        const results = await new AxeBuilder({ page }).include(FORM_CONTEXT).analyze();
        const nodes = results.passes.length + results.violations.length;
        assert.ok(nodes > 10, `axe checked the form (${results.passes.length} rules passed)`);
        console.log(`    axe, ${themeName}, ${locale}: ${byImpact(results.violations)}${results.violations.length ? `\n${describeViolations(results.violations)}` : ''}`);
        const blocking = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
        assert.equal(blocking.length, 0, `serious or critical violations:\n${describeViolations(blocking)}`);
      });
    });
  }
}
