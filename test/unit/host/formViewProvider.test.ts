/**
 * The sidebar form's host side: every message from the webview parsed before anything is done
 * (a crafted or early one is logged and dropped), drafts kept only masked, each edit answered
 * with its diagnosis (the latest only), the buttons run as the palette's commands with the
 * validated report, and the journal's changes passed on.
 */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DatedReport } from '../../../src/core/journal';
import type { FolderFile } from '../../../src/host/folderBounds';
import { JournalStore } from '../../../src/host/journalStore';
import { FormViewProvider } from '../../../src/host/sidebar/formViewProvider';
import { JournalHistoryCache } from '../../../src/host/sidebar/journalHistoryCache';
import type { HostToWebviewMessage } from '../../../src/protocol/messages';
import { fake, FakeWebviewView, REPO_ROOT, resetFake, tempWorkspace, writeInFolder, type FakeLogOutputChannel, type FakeWebview } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');
const CARD = '4000 0566 5566 5556';
const JOURNAL = `# Journal\n\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"card":{"last4":"4242"}}} -->\n`;

interface Setup {
  provider: FormViewProvider;
  log: FakeLogOutputChannel;
  store: JournalStore;
  cache: JournalHistoryCache;
  folder: vscode.WorkspaceFolder;
  file: FolderFile;
}

async function setup(): Promise<Setup> {
  const [folder] = await tempWorkspace();
  const log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
  const store = new JournalStore(log as unknown as vscode.LogOutputChannel);
  const file: FolderFile = { folder: folder!.uri, uri: vscode.Uri.joinPath(folder!.uri, 'card-failures', 'journal.md'), setting: 'cardDoctor.journalPath' };
  const cache = new JournalHistoryCache({ journal: store, journalFile: () => file });
  const host = { log: log as unknown as vscode.LogOutputChannel, readingFolder: () => folder, clock: () => NOW };
  const provider = new FormViewProvider(vscode.Uri.file(REPO_ROOT), host, cache);
  return { provider, log, store, cache, folder: folder!, file };
}

function open(provider: FormViewProvider): FakeWebviewView {
  const view = new FakeWebviewView('cardDoctor.form');
  provider.resolveWebviewView(view as unknown as vscode.WebviewView);
  return view;
}

/** Settles once the host has posted `count` messages in all (at once if it has), with them. */
function posted(webview: FakeWebview, count: number): Promise<HostToWebviewMessage[]> {
  return new Promise((resolve) => {
    const check = () => {
      if (webview.posted.length >= count) resolve(webview.posted.slice() as HostToWebviewMessage[]);
    };
    const post = webview.postMessage.bind(webview);
    webview.postMessage = (message: unknown) => {
      const delivered = post(message);
      check();
      return delivered;
    };
    check();
  });
}

/** Settles once the host has written `count` lines of `level` to the log. */
function logged(log: FakeLogOutputChannel, level: 'warn' | 'error', count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const check = () => {
      if (log.at(level).length >= count) resolve(log.at(level));
    };
    const lines = log.lines;
    const push = lines.push.bind(lines);
    lines.push = (...items) => {
      const length = push(...items);
      check();
      return length;
    };
    check();
  });
}

/** A view that said `ready` and got its `init`. */
async function ready(provider: FormViewProvider): Promise<FakeWebview> {
  const view = open(provider);
  const init = posted(view.webview, 1);
  view.webview.receive({ type: 'ready' });
  await init;
  return view.webview;
}

function typeOf(messages: readonly HostToWebviewMessage[]): string[] {
  return messages.map((message) => message.type);
}

describe('host formViewProvider', () => {
  let current: Setup;
  beforeEach(async () => {
    await resetFake();
    current = await setup();
  });
  afterEach(() => {
    current.provider.dispose();
    current.cache.dispose();
  });
  after(() => resetFake());

  it('gives the view a page with scripts on, command links off and only the extension’s folders to load from', () => {
    const view = open(current.provider);
    const options = view.webview.options as { enableScripts: boolean; enableCommandUris: boolean; localResourceRoots: vscode.Uri[] };
    assert.equal(options.enableScripts, true);
    assert.equal(options.enableCommandUris, false);
    for (const root of options.localResourceRoots) assert.ok(root.fsPath.startsWith(REPO_ROOT + path.sep), root.fsPath);
    assert.ok(view.webview.html.startsWith('<!DOCTYPE html>'), view.webview.html.slice(0, 40));
  });

  it('answers ready with init in the UI language, no draft and no last attempt for an empty journal', async () => {
    const webview = await ready(current.provider);
    const [init] = webview.posted as HostToWebviewMessage[];
    assert.equal(init?.type, 'init');
    if (init?.type !== 'init') return;
    assert.equal(init.lang, 'en');
    assert.equal(init.draft, null);
    assert.equal(init.lastAttempt, null);
  });

  it('sends the journal’s last attempt after init when the journal was not read yet', async () => {
    await writeInFolder(current.folder, 'card-failures/journal.md', JOURNAL);
    const view = open(current.provider);
    const both = posted(view.webview, 2);
    view.webview.receive({ type: 'ready' });
    const messages = await both;
    assert.deepEqual(typeOf(messages), ['init', 'journalDidChange']);
    assert.deepEqual(messages[1], { type: 'journalDidChange', lastAttempt: { card: { last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' } });
  });

  it('puts the last attempt into init when the journal was read already', async () => {
    await writeInFolder(current.folder, 'card-failures/journal.md', JOURNAL);
    await current.cache.history(current.folder);
    const webview = await ready(current.provider);
    const [init] = webview.posted as HostToWebviewMessage[];
    assert.equal(init?.type === 'init' && JSON.stringify(init.lastAttempt), '{"card":{"last4":"4242"},"occurredAt":"2025-11-27T10:31:00+08:00"}');
  });

  it('drops crafted messages, logging why, and does nothing with them', async () => {
    const webview = await ready(current.provider);
    const warnings = logged(current.log, 'warn', 5);
    webview.receive({ type: 'formDidChange', revision: 1, report: { errorMessage: 'x' }, extra: '<script>' });
    webview.receive({ type: 'formDidChange', revision: -1, report: {} });
    webview.receive({ type: 'saveJournal', requestId: 1, report: { card: { last4: 'x'.repeat(201) } } });
    webview.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    webview.receive('ready');
    const lines = await warnings;
    assert.equal(lines.length, 5);
    for (const line of lines) assert.ok(line.startsWith('form view: dropped a malformed message from the webview ('), line);
    assert.deepEqual(typeOf(webview.posted as HostToWebviewMessage[]), ['init']);
    assert.deepEqual(fake.commands.executed, []);
  });

  it('drops anything but ready before ready', async () => {
    const view = open(current.provider);
    const warning = logged(current.log, 'warn', 1);
    view.webview.receive({ type: 'openJournal', requestId: 1 });
    assert.deepEqual(await warning, ['form view: dropped a openJournal message sent before ready']);
    assert.deepEqual(view.webview.posted, []);
    assert.deepEqual(fake.commands.executed, []);
  });

  it('answers an edit with its diagnosis, field problems and suggestions, echoing the revision', async () => {
    const webview = await ready(current.provider);
    const answer = posted(webview, 2);
    webview.receive({ type: 'formDidChange', revision: 7, report: { errorMessage: 'Your card was declined.', card: { bin: '62', last4: '12' } } });
    const message = (await answer)[1]!;
    assert.equal(message.type, 'diagnosisDidUpdate');
    if (message.type !== 'diagnosisDidUpdate') return;
    assert.equal(message.revision, 7);
    assert.deepEqual(message.fieldErrors, [
      { path: 'card.bin', message: 'expected 6-8 digits' },
      { path: 'card.last4', message: 'expected 4 digits' },
    ]);
    assert.deepEqual(message.suggestions, [
      { path: 'card.brand', value: 'unionpay', basis: 'bin', detail: '62' },
      { path: 'card.issuerCountry', value: 'CN', basis: 'brand', detail: 'unionpay' },
    ]);
    assert.equal(message.cooldown, null);
  });

  it('keeps a draft only masked: a card number typed reaches neither the next view nor the log', async () => {
    const webview = await ready(current.provider);
    const answer = posted(webview, 2);
    webview.receive({ type: 'formDidChange', revision: 1, report: { errorMessage: `Card ${CARD} was declined`, card: { bin: CARD }, notes: `cvv 737, card ${CARD}` } });
    await answer;
    assert.deepEqual(current.provider.lastDraft, { errorMessage: 'Card •••• 5556 was declined', card: { bin: '•••• 5556' }, notes: 'cvv •••, card •••• 5556' });
    const next = await ready(current.provider);
    const [init] = next.posted as HostToWebviewMessage[];
    assert.equal(init?.type === 'init' && JSON.stringify(init.draft), '{"errorMessage":"Card •••• 5556 was declined","card":{"bin":"•••• 5556"},"notes":"cvv •••, card •••• 5556"}');
    const everything = JSON.stringify([current.log.lines, webview.posted, next.posted]);
    assert.equal(everything.includes('0566'), false);
    assert.equal(everything.includes('737'), false);
  });

  it('answers only the latest of edits that arrive while the journal is read', async () => {
    await writeInFolder(current.folder, 'card-failures/journal.md', JOURNAL);
    const view = open(current.provider);
    const messages = posted(view.webview, 3);
    // Ready starts the journal's first read; both edits wait for it, and an answer to the first
    // would be posted before the answer to the second.
    view.webview.receive({ type: 'ready' });
    view.webview.receive({ type: 'formDidChange', revision: 1, report: { errorMessage: 'first' } });
    view.webview.receive({ type: 'formDidChange', revision: 2, report: { errorMessage: 'second' } });
    const all = await messages;
    // The journal's last attempt and the diagnosis wait on the same read: either may come first.
    assert.deepEqual(
      all.map((message) => (message.type === 'diagnosisDidUpdate' ? `diagnosis ${message.revision}` : message.type)).sort(),
      ['diagnosis 2', 'init', 'journalDidChange'],
    );
  });

  it('passes a journal change on: the new last attempt, and the draft diagnosed again', async () => {
    const webview = await ready(current.provider);
    const first = posted(webview, 2);
    webview.receive({ type: 'formDidChange', revision: 3, report: { card: { last4: '4242' } } });
    await first;
    const after = posted(webview, 4);
    await current.store.append(current.file, validReport({ occurredAt: '2025-11-27T10:31:00+08:00', card: { last4: '4242' } }) as DatedReport, 'en', NOW);
    const messages = await after;
    assert.deepEqual(typeOf(messages), ['init', 'diagnosisDidUpdate', 'journalDidChange', 'diagnosisDidUpdate']);
    assert.deepEqual(messages[2], { type: 'journalDidChange', lastAttempt: { card: { last4: '4242' }, occurredAt: '2025-11-27T10:31:00+08:00' } });
    assert.equal(messages[3]?.type === 'diagnosisDidUpdate' && messages[3].revision, 3);
  });

  it('logs a journal that cannot be read again after a change, and leaves the form as it was', async () => {
    const webview = await ready(current.provider);
    current.store.history = () => Promise.reject(new Error('EIO'));
    const warning = logged(current.log, 'warn', 1);
    await current.store.append(current.file, validReport({ occurredAt: '2025-11-27T10:31:00+08:00' }) as DatedReport, 'en', NOW);
    assert.deepEqual(await warning, ['form view: could not refresh after a journal change: Error: EIO']);
    assert.deepEqual(typeOf(webview.posted as HostToWebviewMessage[]), ['init']);
  });

  describe('the buttons', () => {
    function registerCommand(id: string, answer: (...args: unknown[]) => unknown): unknown[][] {
      const calls: unknown[][] = [];
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        calls.push(args);
        return answer(...args);
      });
      return calls;
    }

    it('records the attempt through the palette’s command, with the report validated and masked, and says where', async () => {
      const journal = vscode.Uri.joinPath(current.folder.uri, 'card-failures', 'journal.md');
      const calls = registerCommand('cardDoctor.recordAttempt', () => journal);
      const webview = await ready(current.provider);
      const reply = posted(webview, 2);
      webview.receive({ type: 'saveJournal', requestId: 41, report: { occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: `Card ${CARD} was declined`, card: { last4: '5556' } } });
      assert.deepEqual((await reply)[1], { type: 'didComplete', requestId: 41, ok: true, uri: journal.toString(), message: 'Recorded the attempt in card-failures/journal.md.' });
      assert.deepEqual(calls, [[{ occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Card •••• 5556 was declined', card: { last4: '5556' } }]]);
    });

    it('says what each letter button wrote, and that the person sends it', async () => {
      const appeal = vscode.Uri.joinPath(current.folder.uri, 'card-failures', 'appeal-2025-11-27.md');
      const inquiry = vscode.Uri.joinPath(current.folder.uri, 'card-failures', 'bank-inquiry-2025-11-27.md');
      registerCommand('cardDoctor.generateAppeal', () => appeal);
      registerCommand('cardDoctor.generateBankInquiry', () => inquiry);
      const webview = await ready(current.provider);
      const replies = posted(webview, 3);
      webview.receive({ type: 'generateAppeal', requestId: 1, report: {} });
      webview.receive({ type: 'generateBankInquiry', requestId: 2, report: {} });
      const messages = await replies;
      assert.deepEqual(messages.slice(1), [
        {
          type: 'didComplete',
          requestId: 1,
          ok: true,
          uri: appeal.toString(),
          message: 'Wrote the appeal to card-failures/appeal-2025-11-27.md. Check it, then send it yourself from the Help Center (Billing & Payments).',
        },
        { type: 'didComplete', requestId: 2, ok: true, uri: inquiry.toString(), message: 'Wrote the bank inquiry to card-failures/bank-inquiry-2025-11-27.md. Check it, then send it to your bank yourself.' },
      ]);
    });

    it('opens the journal with no report', async () => {
      const journal = vscode.Uri.joinPath(current.folder.uri, 'card-failures', 'journal.md');
      const calls = registerCommand('cardDoctor.openJournal', () => journal);
      const webview = await ready(current.provider);
      const reply = posted(webview, 2);
      webview.receive({ type: 'openJournal', requestId: 5 });
      assert.deepEqual((await reply)[1], { type: 'didComplete', requestId: 5, ok: true, uri: journal.toString(), message: 'Opened card-failures/journal.md.' });
      assert.deepEqual(calls, [[]]);
    });

    it('does nothing with a report the schema refuses, and says fields need attention', async () => {
      const calls = registerCommand('cardDoctor.recordAttempt', () => undefined);
      const webview = await ready(current.provider);
      const reply = posted(webview, 2);
      webview.receive({ type: 'saveJournal', requestId: 9, report: { card: { last4: '12' } } });
      assert.deepEqual((await reply)[1], { type: 'didComplete', requestId: 9, ok: false, message: 'Some fields need attention, so nothing was done.' });
      assert.deepEqual(calls, []);
    });

    it('answers a cancelled command with no message', async () => {
      registerCommand('cardDoctor.generateAppeal', () => undefined);
      const webview = await ready(current.provider);
      const reply = posted(webview, 2);
      webview.receive({ type: 'generateAppeal', requestId: 3, report: {} });
      assert.deepEqual((await reply)[1], { type: 'didComplete', requestId: 3, ok: false });
    });

    it('logs a command’s failure and tells the form to see the log', async () => {
      registerCommand('cardDoctor.recordAttempt', () => Promise.reject(new Error('disk full')));
      const webview = await ready(current.provider);
      const reply = posted(webview, 2);
      webview.receive({ type: 'saveJournal', requestId: 4, report: { occurredAt: '2025-11-27T10:31:00+08:00' } });
      assert.deepEqual((await reply)[1], { type: 'didComplete', requestId: 4, ok: false, message: 'Something went wrong; see the log.' });
      assert.equal(current.log.at('error').length, 1);
      assert.ok(current.log.at('error')[0]!.startsWith('form view: saveJournal failed: Error: disk full'), current.log.at('error')[0]);
    });
  });

  it('lets go of a view VS Code disposed', async () => {
    const view = open(current.provider);
    assert.equal(view.webview.listenerCount, 1);
    view.close();
    assert.equal(view.webview.listenerCount, 0);
  });

  it('lets go of every view when disposed', () => {
    const view = open(current.provider);
    current.provider.dispose();
    assert.equal(view.webview.listenerCount, 0);
  });
});
