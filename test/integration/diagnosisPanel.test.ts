import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Diagnosis } from '../../src/core/diagnose';
import { parseJournal } from '../../src/core/journal';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { LAST_REPORT_KEY, LastReportStore } from '../../src/host/diagnosisPanelState';
import type { CardDoctorApi } from '../../src/host/extension';
import { activateExtension, answeringWarnings, diagnosisTabs, eventually, inWorkspace, isOpenInTab, readText, resetWorkspace, sampleReport } from './helpers';

/** What the diagnosis tab's title bar passes to its commands: the panel's resource, then the editor's place. */
const TITLE_BAR_ARGUMENT = vscode.Uri.from({ scheme: 'webview-panel', path: 'webview-panel/webview-1' });

function markdownPreviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) =>
    group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('markdown.preview')),
  );
}

function groupShowing(uri: vscode.Uri): vscode.TabGroup | undefined {
  return vscode.window.tabGroups.all.find((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
  );
}

async function journalEntries(): Promise<string[]> {
  const { entries, problems } = parseJournal(await readText(inWorkspace('card-failures', 'journal.md')));
  assert.deepEqual(problems, []);
  return entries.map((entry) => entry.occurredAt);
}

/** An ISO time `minutes` before now, in UTC as the journal keeps it. */
function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

describe('the diagnosis tab', function () {
  this.timeout(60_000);
  let api: CardDoctorApi;

  before(async () => {
    api = await activateExtension();
  });

  // Empty columns left by other suites would change where the tab opens.
  beforeEach(() => vscode.commands.executeCommand('workbench.action.closeAllGroups'));
  afterEach(resetWorkspace);

  it('opens the diagnosis in a tab of its own and keeps it in view while both letters are generated', async () => {
    await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport());
    await eventually(() => diagnosisTabs().length === 1, 'the diagnosis tab to open');
    assert.match(api.session.panel.text, /<h1>Card failure diagnosis<\/h1>/);

    // From the tab's title bar: no report passed, the diagnosed one is used.
    const appeal = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, TITLE_BAR_ARGUMENT, { groupId: 1 })) as vscode.Uri;
    assert.equal(appeal.toString(), inWorkspace('card-failures', 'appeal-2025-11-27.md').toString());
    const inquiry = (await vscode.commands.executeCommand(COMMAND_IDS.generateBankInquiry, TITLE_BAR_ARGUMENT, { groupId: 1 })) as vscode.Uri;
    assert.equal(inquiry.toString(), inWorkspace('card-failures', 'bank-inquiry-2025-11-27.md').toString());
    await eventually(() => isOpenInTab(appeal) && isOpenInTab(inquiry), 'both letters to open');

    const tabs = diagnosisTabs();
    assert.equal(tabs.length, 1, 'one diagnosis tab');
    assert.equal(tabs[0]!.isActive, true, 'the diagnosis is still the tab its group shows');
    assert.notEqual(groupShowing(appeal), tabs[0]!.group, 'the appeal opened in another column');
    assert.notEqual(groupShowing(inquiry), tabs[0]!.group, 'the inquiry opened in another column');
    assert.deepEqual(markdownPreviewTabs(), [], 'no letter preview took the diagnosis’ column');
    assert.equal(vscode.window.tabGroups.all.length, 2);
  });

  it('shows the last diagnosis again after its tab was closed, diagnosed against the journal as it is now', async () => {
    const report = sampleReport({ occurredAt: minutesAgo(10) });
    const first = (await vscode.commands.executeCommand(COMMAND_IDS.diagnose, report)) as Diagnosis;
    await eventually(() => diagnosisTabs().length === 1, 'the diagnosis tab to open');
    await vscode.window.tabGroups.close(diagnosisTabs());
    await eventually(() => diagnosisTabs().length === 0 && !api.session.panel.isOpen, 'the diagnosis tab to close');

    // Another attempt, with another card, goes into the journal meanwhile.
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minutesAgo(5), card: { brand: 'visa', last4: '9999' } }));

    const again = (await vscode.commands.executeCommand(COMMAND_IDS.showLastDiagnosis)) as Diagnosis;
    await eventually(() => diagnosisTabs().length === 1, 'the diagnosis tab to open again');
    assert.equal(again.occurredAt, first.occurredAt, 'the same attempt');
    assert.equal(first.history.cards24h, 0, 'an empty journal at first');
    assert.equal(again.history.cards24h, 1, 'the card recorded since counts');
    assert.match(api.session.panel.text, /<h1>Card failure diagnosis<\/h1>/);
  });

  it('keeps the last report in workspaceState with its card number, CVC and code masked', async () => {
    await vscode.commands.executeCommand(
      COMMAND_IDS.diagnose,
      sampleReport({ errorMessage: 'Your card was declined. 4242 4242 4242 4242', notes: 'CVC 123, SMS code 482913' }),
    );
    const stored = api.workspaceState.get<Record<string, unknown>>(LAST_REPORT_KEY);
    assert.ok(stored, 'the report is kept');
    assert.equal(stored.errorMessage, 'Your card was declined. •••• 4242');
    assert.equal(stored.notes, 'CVC •••, SMS code ••••••');
    const everything = JSON.stringify(api.workspaceState.keys().map((key) => [key, api.workspaceState.get(key)]));
    assert.doesNotMatch(everything, /4242 4242|4242424242424242|CVC 123|482913/);
  });

  it('drops a kept report that no longer validates, and never hands it to a command', async () => {
    const kept = api.workspaceState.get(LAST_REPORT_KEY);
    const warned: string[] = [];
    try {
      await api.workspaceState.update(LAST_REPORT_KEY, { card: { bin: '12' }, errorMessage: 'Your card was declined. 4242 4242 4242 4242' });
      const store = new LastReportStore(api.workspaceState, (message) => warned.push(message));
      assert.equal(store.get(), undefined);
      assert.deepEqual(warned, ['last diagnosis: the stored report is not valid and was dropped (card.bin)']);
      await eventually(() => api.workspaceState.get(LAST_REPORT_KEY) === undefined, 'the invalid report to be removed');
    } finally {
      await api.workspaceState.update(LAST_REPORT_KEY, kept);
    }
  });

  it('shows what the person typed as text, never as markup, on a page that runs no script', async () => {
    await vscode.commands.executeCommand(
      COMMAND_IDS.diagnose,
      sampleReport({
        errorMessage: 'Your card was declined. <script>alert(1)</script><img src=x onerror=alert(2)>',
        // No country: the one inferred from the bank's name is shown with the name as typed.
        card: { kind: 'debit', brand: 'unionpay', last4: '1234', issuerName: '<b>Bank</b> & "招商银行"' },
      }),
    );
    const html = api.session.panel.text;
    assert.match(html, /&lt;b&gt;Bank&lt;\/b&gt; &amp; &quot;招商银行&quot;/);
    assert.doesNotMatch(html, /<script|<img|<b>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src [^"]+">/);
    assert.match(html, /<link rel="stylesheet" href="[^"]+\/media\/diagnosis\.css">/);
  });

  it('asks before recording an attempt the journal already holds, and records it only when told to', async () => {
    const first = await answeringWarnings(undefined, async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()));
    assert.deepEqual(first.asked, [], 'a new attempt is recorded without a question');
    assert.deepEqual(await journalEntries(), ['2025-11-27T10:31:00+08:00']);

    const cancelled = await answeringWarnings(undefined, async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()));
    assert.equal(cancelled.result, undefined);
    assert.deepEqual(cancelled.asked, [
      {
        message: 'The journal already holds this attempt (2025-11-27 10:31 UTC+08:00, card •••• 1234). Record it again?',
        modal: true,
        detail: 'Record it again only if the card really failed twice at that moment: a copy would make one attempt look like two.',
        choices: ['Record Again'],
      },
    ]);
    assert.deepEqual(await journalEntries(), ['2025-11-27T10:31:00+08:00'], 'nothing added when the person cancels');

    const confirmed = await answeringWarnings('Record Again', async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()));
    assert.equal(confirmed.asked.length, 1);
    const text = await readText(inWorkspace('card-failures', 'journal.md'));
    assert.equal(text.split('<!-- card-doctor:entry v1 ').length - 1, 2, 'the second entry was written as told');
  });

  it('does not ask about a copy in a journal deleted a moment ago', async () => {
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport());
    await vscode.workspace.fs.delete(inWorkspace('card-failures'), { recursive: true });
    const again = await answeringWarnings(undefined, async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport()));
    assert.deepEqual(again.asked, []);
    assert.deepEqual(await journalEntries(), ['2025-11-27T10:31:00+08:00']);
  });

  it('asks too when the title bar records the diagnosed attempt a second time', async () => {
    await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport({ occurredAt: '2025-11-28T09:05:00+08:00' }));
    const first = await answeringWarnings(undefined, async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, TITLE_BAR_ARGUMENT, { groupId: 1 }));
    assert.deepEqual(first.asked, []);
    const second = await answeringWarnings(undefined, async () => vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, TITLE_BAR_ARGUMENT, { groupId: 1 }));
    assert.deepEqual(second.asked.map((question) => question.message), [
      'The journal already holds this attempt (2025-11-28 09:05 UTC+08:00, card •••• 1234). Record it again?',
    ]);
    assert.deepEqual(await journalEntries(), ['2025-11-28T09:05:00+08:00']);
  });

  it('leaves the status bar to the journal: diagnosing neither starts nor restarts the wait', async () => {
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minutesAgo(60) }));
    assert.equal(api.session.cooldown.state.visible, false, 'one attempt calls for no wait');
    await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport({ occurredAt: minutesAgo(1) }));
    await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport({ occurredAt: minutesAgo(0), card: { brand: 'visa', last4: '9999' } }));
    assert.equal(api.session.cooldown.state.visible, false, 'a diagnosis is not an attempt');

    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minutesAgo(30), card: { brand: 'visa', last4: '9999' } }));
    await eventually(() => api.session.cooldown.state.visible, 'the wait of two cards to show');
    assert.match(api.session.cooldown.state.text, /^\$\(watch\) Wait 23h (29|30)m$/);
    await vscode.commands.executeCommand(COMMAND_IDS.diagnose, sampleReport({ occurredAt: minutesAgo(0), card: { brand: 'mastercard', last4: '5555' } }));
    assert.match(api.session.cooldown.state.text, /^\$\(watch\) Wait 23h (29|30)m$/, 'still counted from the latest recorded attempt');
  });

  it('@zh-cn labels the wait in Chinese, its time in the diagnosis’ format', async () => {
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minutesAgo(30) }));
    await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt: minutesAgo(10), card: { brand: 'visa', last4: '9999' } }));
    await eventually(() => api.session.cooldown.state.visible, 'the wait to show');
    const { text, label, tooltip } = api.session.cooldown.state;
    assert.match(text, /^\$\(watch\) 等待 23 小时 (49|50) 分钟?$/);
    assert.match(label, /^绑卡医生：请等待 23 小时 (49|50) 分钟? 后再绑卡$/);
    assert.match(tooltip, / \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\+00:00.*\n点击打开失败日志。$/s);
    assert.doesNotMatch(tooltip, /冷却|[AP]M|上午|下午/);
  });
});
