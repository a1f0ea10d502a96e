/**
 * The same extension from either entry (issue 15): in the Node extension host the commands come
 * from dist/extension.js and dist/services.js, in the web worker one (VS Code for the Web) from
 * dist/web/extension.js, whose files all go through vscode.workspace.fs. This suite runs in both
 * (test/vscode/webHost.mjs runs it in the web worker): what differs between them is checked here,
 * in each.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseJournal } from '../../src/core/journal';
import { COMMAND_IDS } from '../../src/host/commandIds';
import { activateExtension, eventually, inWorkspace, readText, resetWorkspace, sampleReport, writeText } from './helpers';

/** A web worker has no `process`; Node's extension host has. */
const IN_WEB_WORKER = typeof (globalThis as { process?: unknown }).process === 'undefined';

describe('the entry of the host it runs in', () => {
  afterEach(async () => {
    await resetWorkspace();
    await vscode.workspace.getConfiguration('cardDoctor').update('letterLanguage', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('is the build for this host: the browser entry in a web worker, the Node entry elsewhere', async () => {
    const api = await activateExtension();
    assert.equal(api.host, IN_WEB_WORKER ? 'web' : 'node');
  });

  it('compiles the person’s own template here too (Handlebars’ compiler is plain JavaScript)', async () => {
    assert.equal(vscode.workspace.isTrusted, true, 'this run needs a trusted workspace');
    await writeText(inWorkspace('my-templates', 'appeal.en.hbs'), 'Own template: card ending {{card.last4}}.\n');
    await writeText(inWorkspace('my-templates', 'appeal.zh-cn.hbs'), 'Own template: card ending {{card.last4}}.\n');
    await vscode.workspace.getConfiguration('cardDoctor').update('templatesFolder', 'my-templates', vscode.ConfigurationTarget.Workspace);
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.generateAppeal, sampleReport())) as vscode.Uri;
    assert.equal(uri.path.slice(uri.path.lastIndexOf('/') + 1), 'appeal-2025-11-27.md');
    assert.equal(await readText(uri), 'Own template: card ending 1234.\n');
  });

  it('writes a Traditional Chinese letter with core’s table (read from l10n/ on Node, bundled in the browser)', async () => {
    await vscode.workspace.getConfiguration('cardDoctor').update('letterLanguage', 'zh-tw', vscode.ConfigurationTarget.Workspace);
    // No bank named: the letter's own placeholder for it shows, converted (what a person typed is never converted).
    const report = sampleReport({ card: { kind: 'debit', brand: 'visa', last4: '1234', issuerCountry: 'TW' } });
    const uri = (await vscode.commands.executeCommand(COMMAND_IDS.generateBankInquiry, report)) as vscode.Uri;
    const letter = await readText(uri);
    assert.ok(letter.includes('【發卡銀行名稱】'), letter);
    assert.ok(!letter.includes('【发卡银行名称】'), letter);
  });

  it('records attempts in the journal and shows their cooldown in the status bar', async () => {
    const api = await activateExtension();
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const times = [minutesAgo(3), minutesAgo(2)];
    for (const occurredAt of times) await vscode.commands.executeCommand(COMMAND_IDS.recordAttempt, sampleReport({ occurredAt }));
    const journal = parseJournal(await readText(inWorkspace('card-failures', 'journal.md')));
    assert.deepEqual(journal.problems, []);
    assert.deepEqual(journal.entries.map((entry) => entry.occurredAt), times);
    // Two failures within the hour: a day's wait from the last one, so 23 h and 57 or 58 min are left.
    await eventually(() => /Wait 23h 5[78]m$/.test(api.session.cooldown.state.text), 'the cooldown of these attempts to show');
    assert.equal(api.session.cooldown.state.visible, true);
  });
});
