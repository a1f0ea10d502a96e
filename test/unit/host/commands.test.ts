/**
 * The six commands, built by createServices over the fake vscode as the extension builds them:
 * what each writes, shows and says, and what each refuses (an invalid report, no folder, a copy of
 * an attempt, a journal held by unsaved edits, a journal that leads outside the folder).
 */
import assert from 'node:assert/strict';
import { promises as fsp } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Report } from '../../../src/core/report';
import { LAST_REPORT_KEY } from '../../../src/host/diagnosisPanelState';
import { createServices, type ServiceOptions, type Services } from '../../../src/host/services';
import { disposeAll, extensionContext, fake, FakeMemento, readInFolder, resetFake, tempWorkspace, writeInFolder, type FakeWebviewPanel } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';
import { useSourceExtension } from './sourceExtension';

const NOW = new Date('2025-11-27T04:00:00Z');
const REPORT = { occurredAt: '2025-11-27T10:31:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } };
const OTHER_CARD = { occurredAt: '2025-11-27T11:30:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'mastercard', last4: '5555' } };

const extensionPath = useSourceExtension('card-doctor-commands-');

after(() => resetFake());

interface Setup {
  services: Services;
  state: FakeMemento;
  subscriptions: { dispose(): unknown }[];
}

function start(options: ServiceOptions = {}, state = new FakeMemento()): Setup {
  const context = { ...extensionContext({ workspaceState: state }), extensionPath: extensionPath() };
  const services = createServices(context as unknown as vscode.ExtensionContext, { clock: () => NOW, ...options });
  return { services, state, subscriptions: context.subscriptions };
}

/** Waits (on the event loop, not a timer) until `condition` holds; fails after 5 s. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const HEADER =
  '# Card failure journal\n\nWritten by Card Binding Doctor: one section per failed attempt to add a card, oldest first. Card numbers appear masked, last 4 digits only. Write your own notes anywhere, between entries or inside them, but leave each `<!-- card-doctor:entry … -->` line as it is: it holds the entry’s details for reading back, and Markdown previews hide it.\n';

const messages = () => fake.window.messages.map(({ severity, message, items }) => ({ severity, message, items }));
const panel = (): FakeWebviewPanel | undefined => fake.window.panels.find((candidate) => !candidate.disposed);

describe('host commands', () => {
  let setup: Setup;
  let folder: vscode.WorkspaceFolder;

  beforeEach(async () => {
    await resetFake();
    [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
  });

  afterEach(() => disposeAll(setup.subscriptions));

  describe('diagnose', () => {
    it('diagnoses the report given, shows it in the diagnosis tab and keeps it dated', async () => {
      setup = start();
      const diagnosis = (await setup.services.run('diagnose', REPORT)) as { occurredAt: string; cooldown: unknown } | undefined;
      assert.equal(diagnosis?.occurredAt, '2025-11-27T10:31:00+08:00');
      assert.equal(diagnosis?.cooldown, null, 'a diagnosis alone is no attempt');
      const shown = panel();
      assert.equal(shown?.title, 'Card Doctor: Diagnosis');
      assert.equal(shown?.viewType, 'cardDoctor.diagnosis');
      assert.match(shown!.webview.html, /<h1>Card failure diagnosis<\/h1>/);
      assert.deepEqual(fake.window.statusBarMessages, [{ text: 'Diagnosis ready. The causes are likely, not certain.', timeout: 10_000 }]);
      assert.deepEqual(messages(), []);
      assert.equal((setup.state.get(LAST_REPORT_KEY) as Report).occurredAt, '2025-11-27T10:31:00+08:00');
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), undefined, 'a diagnosis writes nothing');
    });

    it('dates a report without a time now, in the machine’s offset', async () => {
      setup = start();
      await setup.services.run('diagnose', { errorMessage: 'Your card was declined.' });
      const kept = setup.state.get(LAST_REPORT_KEY) as Report;
      assert.equal(Date.parse(kept.occurredAt!), NOW.getTime());
    });

    it('refuses an invalid report, naming each field, and shows nothing', async () => {
      setup = start();
      const result = await setup.services.run('diagnose', { card: { last4: '12' }, occurredAt: 'yesterday' });
      assert.equal(result, undefined);
      assert.equal(panel(), undefined);
      assert.deepEqual(messages(), [
        {
          severity: 'error',
          message:
            'The report is not valid, so nothing was done. occurredAt: expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00; card.last4: expected 4 digits',
          items: [],
        },
      ]);
      assert.equal(setup.state.get(LAST_REPORT_KEY), undefined);
    });

    it('does nothing when the person closes the wizard', async () => {
      setup = start();
      assert.equal(await setup.services.run('diagnose'), undefined);
      assert.equal(fake.window.quickInputs.length, 1);
      assert.equal(panel(), undefined);
      assert.deepEqual(fake.window.statusBarMessages, []);
    });
  });

  describe('record attempt', () => {
    it('appends the attempt to the journal, says where, and offers to open it', async () => {
      setup = start();
      fake.window.answer = ({ items }) => (items.includes('Open Journal') ? 'Open Journal' : undefined);
      const uri = (await setup.services.run('recordAttempt', REPORT)) as vscode.Uri;
      assert.equal(uri.path, `${folder.uri.path}/card-failures/journal.md`);
      assert.equal(
        await readInFolder(folder, 'card-failures/journal.md'),
        `${HEADER}\n## 2025-11-27 10:31 UTC+08:00\n\n- Error: “Your card was declined.”\n- Card: Visa •••• 4242\n- Possible causes: nothing specific stands out yet\n\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:31:00+08:00","report":{"errorMessage":"Your card was declined.","card":{"brand":"visa","last4":"4242"}}} -->\n`,
      );
      assert.deepEqual(messages(), [{ severity: 'information', message: 'Recorded the attempt in card-failures/journal.md.', items: ['Open Journal'] }]);
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'cardDoctor.openJournal', args: [] }]);
    });

    it('shows the wait once a second card is recorded', async () => {
      setup = start();
      await setup.services.run('recordAttempt', REPORT);
      assert.equal(setup.services.session.cooldown.state.visible, false, 'one attempt calls for no wait');
      await setup.services.run('recordAttempt', OTHER_CARD);
      assert.equal(setup.services.session.cooldown.state.text, '$(watch) Wait 23h 30m');
    });

    it('asks before recording an attempt the journal holds, and records nothing when not confirmed', async () => {
      setup = start();
      await setup.services.run('recordAttempt', REPORT);
      const before = await readInFolder(folder, 'card-failures/journal.md');
      assert.equal(await setup.services.run('recordAttempt', REPORT), undefined);
      const asked = fake.window.messages[1]!;
      assert.deepEqual(
        { severity: asked.severity, message: asked.message, items: asked.items, modal: asked.modal, detail: asked.detail },
        {
          severity: 'warning',
          message: 'The journal already holds this attempt (2025-11-27 10:31 UTC+08:00, card •••• 4242). Record it again?',
          items: ['Record Again'],
          modal: true,
          detail: 'Record it again only if the card really failed twice at that moment: a copy would make one attempt look like two.',
        },
      );
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), before);
    });

    it('records the copy when the person confirms', async () => {
      setup = start();
      await setup.services.run('recordAttempt', REPORT);
      fake.window.answer = ({ items }) => (items.includes('Record Again') ? 'Record Again' : undefined);
      await setup.services.run('recordAttempt', REPORT);
      const journal = (await readInFolder(folder, 'card-failures/journal.md'))!;
      assert.equal(journal.split('\n<!-- card-doctor:entry v1 ').length - 1, 2);
    });

    it('writes to the journal the setting names', async () => {
      setup = start();
      fake.workspace.setSetting('cardDoctor.journalPath', 'notes/attempts.md');
      await setup.services.run('recordAttempt', REPORT);
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), undefined);
      assert.match((await readInFolder(folder, 'notes/attempts.md'))!, /•••• 4242/);
      assert.deepEqual(fake.window.texts('information'), ['Recorded the attempt in notes/attempts.md.']);
    });

    it('warns about an invalid journal path and uses the default', async () => {
      setup = start();
      fake.workspace.setSetting('cardDoctor.journalPath', '../outside.md');
      await setup.services.run('recordAttempt', REPORT);
      assert.deepEqual(messages(), [
        {
          severity: 'warning',
          message: 'The setting cardDoctor.journalPath is invalid: it must be a path inside the workspace folder. The default is used instead.',
          items: ['Open Settings'],
        },
        { severity: 'information', message: 'Recorded the attempt in card-failures/journal.md.', items: ['Open Journal'] },
      ]);
    });

    it('asks for a folder when none is open, and writes nothing', async () => {
      fake.workspace.setFolders(undefined);
      setup = start();
      fake.window.answer = () => 'Open Folder…';
      assert.equal(await setup.services.run('recordAttempt', REPORT), undefined);
      assert.deepEqual(messages(), [{ severity: 'warning', message: 'No folder is open. Open a folder to keep the failure journal in it.', items: ['Open Folder…'] }]);
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'vscode.openFolder', args: [] }]);
    });

    it('leaves a journal open with unsaved edits alone when the edit is refused, and says so', async () => {
      setup = start();
      const journalUri = await writeInFolder(folder, 'card-failures/journal.md', '# Card failure journal\n');
      fake.workspace.openDocument(journalUri, '# Card failure journal\n\nmy own notes\n', { dirty: true });
      fake.workspace.acceptEdits = false;
      assert.equal(await setup.services.run('recordAttempt', REPORT), undefined);
      assert.deepEqual(fake.window.texts('warning'), [
        'The journal is open with unsaved changes and could not be updated. Save or close it, then record the attempt again.',
      ]);
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), '# Card failure journal\n');
    });

    it('refuses a journal folder that is a link leading outside the workspace folder, with Open Settings', async () => {
      const outside = await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-outside-'));
      try {
        await fsp.symlink(outside, path.join(folder.uri.fsPath, 'card-failures'));
        setup = start();
        assert.equal(await setup.services.run('recordAttempt', REPORT), undefined);
        // The first from the start-up read of the journal for the cooldown, shown once; the second from the command.
        assert.deepEqual(messages(), [
          {
            severity: 'warning',
            message:
              'card-failures/journal.md leads outside the workspace folder through a symbolic link. So it was not read: the cooldown and the wizard leave it out. Check the setting cardDoctor.journalPath.',
            items: ['Open Settings'],
          },
          {
            severity: 'warning',
            message: 'card-failures/journal.md leads outside the workspace folder through a symbolic link. Nothing was written. Check the setting cardDoctor.journalPath.',
            items: ['Open Settings'],
          },
        ]);
        assert.deepEqual(await fsp.readdir(outside), []);
      } finally {
        await fsp.rm(outside, { recursive: true, force: true });
      }
    });
  });

  describe('generate letters', () => {
    it('writes the appeal into the output folder, opens it with its preview, and says where', async () => {
      setup = start();
      const uri = (await setup.services.run('generateAppeal', REPORT)) as vscode.Uri;
      assert.equal(uri.path, `${folder.uri.path}/card-failures/appeal-2025-11-27.md`);
      const letter = (await readInFolder(folder, 'card-failures/appeal-2025-11-27.md'))!;
      assert.match(letter, /•••• 4242/);
      assert.deepEqual(fake.window.shownDocuments, [{ uri: uri.toString(), options: { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false } }]);
      assert.deepEqual(fake.commands.executed, [{ id: 'markdown.showPreviewToSide', args: [uri] }]);
      // Without cardDoctor.name and accountEmail, the person is offered to fill them in (senderDetails.ts).
      assert.deepEqual(fake.window.texts(), [
        'The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?',
        'Wrote the appeal to card-failures/appeal-2025-11-27.md. Check it, then send it yourself from the Help Center (Billing & Payments).',
      ]);
    });

    it('writes a second letter of the day beside the first, never over it', async () => {
      setup = start();
      await setup.services.run('generateBankInquiry', REPORT);
      const second = (await setup.services.run('generateBankInquiry', REPORT)) as vscode.Uri;
      assert.equal(path.posix.basename(second.path), 'bank-inquiry-2025-11-27-2.md');
      // The name and email are offered once per window, not with every letter.
      assert.deepEqual(fake.window.texts(), [
        'The letter leaves your name and account email as placeholders to fill in. Enter them once for your next letters?',
        'Wrote the bank inquiry to card-failures/bank-inquiry-2025-11-27.md. Check it, then send it to your bank yourself.',
        'Wrote the bank inquiry to card-failures/bank-inquiry-2025-11-27-2.md. Check it, then send it to your bank yourself.',
      ]);
    });

    it('puts the letter beside an open diagnosis, which keeps the focus, and opens no preview', async () => {
      setup = start();
      await setup.services.run('diagnose', REPORT);
      const uri = (await setup.services.run('generateAppeal')) as vscode.Uri;
      assert.equal(path.posix.basename(uri.path), 'appeal-2025-11-27.md');
      const column = panel()!.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      assert.deepEqual(fake.window.shownDocuments, [{ uri: uri.toString(), options: { viewColumn: column, preview: false, preserveFocus: true } }]);
      assert.deepEqual(fake.commands.executed, []);
    });

    it('opens the letter as an untitled document when no folder is open and the person asks', async () => {
      fake.workspace.setFolders(undefined);
      setup = start();
      fake.window.answer = ({ items }) => (items.includes('Open as Untitled') ? 'Open as Untitled' : undefined);
      const uri = (await setup.services.run('generateBankInquiry', REPORT)) as vscode.Uri;
      assert.equal(uri.scheme, 'untitled');
      assert.deepEqual(fake.window.messages[0]!.items, ['Open Folder…', 'Open as Untitled']);
      const document = fake.workspace.documents.find((candidate) => candidate.uri.toString() === uri.toString())!;
      assert.equal(document.languageId, 'markdown');
      assert.match(document.getText(), /^\*\*Subject:\*\* Declined card verification by the merchant OpenAI on my card ending in 4242$/m);
    });

    it('writes nothing when no folder is open and the person declines', async () => {
      fake.workspace.setFolders(undefined);
      setup = start();
      assert.equal(await setup.services.run('generateAppeal', REPORT), undefined);
      assert.deepEqual(fake.window.shownDocuments, []);
    });

    it('says which line of the person’s own template is wrong, writing no letter', async () => {
      setup = start();
      fake.workspace.setSetting('cardDoctor.templatesFolder', 'my-templates');
      await writeInFolder(folder, 'my-templates/appeal.en.hbs', 'Dear team,\n{{#if card}}\nno closing tag\n');
      assert.equal(await setup.services.run('generateAppeal', REPORT), undefined);
      assert.equal(fake.window.messages.length, 1);
      assert.equal(fake.window.messages[0]!.severity, 'warning');
      assert.deepEqual(fake.window.messages[0]!.items, ['Open Template']);
      assert.match(fake.window.messages[0]!.message, /^Your template my-templates\/appeal\.en\.hbs /);
      assert.equal(await readInFolder(folder, 'card-failures/appeal-2025-11-27.md'), undefined);
      assert.deepEqual(fake.window.shownDocuments, []);
    });

    it('refuses a template over 64 KB with Open Settings, writing no letter', async () => {
      setup = start();
      fake.workspace.setSetting('cardDoctor.templatesFolder', 'my-templates');
      await writeInFolder(folder, 'my-templates/bank-inquiry.en.hbs', 'x'.repeat(64 * 1024 + 1));
      fake.window.answer = () => 'Open Settings';
      assert.equal(await setup.services.run('generateBankInquiry', REPORT), undefined);
      assert.deepEqual(messages(), [
        {
          severity: 'warning',
          message: 'Your template my-templates/bank-inquiry.en.hbs is larger than 64 KB, so it was not used and no letter was written.',
          items: ['Open Settings'],
        },
      ]);
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'workbench.action.openSettings', args: ['cardDoctor.templatesFolder'] }]);
    });

    it('reports a failure of the letter writer with Show Log', async () => {
      setup = start({
        letters: {
          render: () => Promise.reject(new Error('the renderer broke')),
          write: () => Promise.reject(new Error('unreachable')),
          renderOwnCopy: () => Promise.reject(new Error('unreachable')),
          writeOwnCopy: () => Promise.reject(new Error('unreachable')),
        },
      });
      assert.equal(await setup.services.run('generateAppeal', REPORT), undefined);
      assert.deepEqual(messages(), [{ severity: 'error', message: 'Card Doctor: cardDoctor.generateAppeal failed: the renderer broke', items: ['Show Log'] }]);
    });
  });

  describe('letters in their reader’s language (issue 13)', () => {
    const MAINLAND = { ...REPORT, card: { brand: 'unionpay', last4: '4242', issuerCountry: 'CN' } };

    it('from a Chinese UI: the appeal in English, with the person’s Chinese copy written and opened beside it', async () => {
      fake.env.language = 'zh-cn';
      setup = start();
      const uri = (await setup.services.run('generateAppeal', REPORT)) as vscode.Uri;
      assert.equal(path.posix.basename(uri.path), 'appeal-2025-11-27.md');
      assert.ok((await readInFolder(folder, 'card-failures/appeal-2025-11-27.md'))!.startsWith('**To:** OpenAI Support — Billing & Payments\n'));
      const copy = (await readInFolder(folder, 'card-failures/appeal-2025-11-27.zh-cn.md'))!;
      assert.ok(
        copy.startsWith('> 这是供您阅读的中文副本，内容与英文信相同。请发送英文信 appeal-2025-11-27.md，不要发送这份副本。\n\n**收件方：** OpenAI 支持团队（Billing & Payments）\n'),
        copy.slice(0, 200),
      );
      assert.deepEqual(fake.window.shownDocuments, [
        { uri: uri.toString(), options: { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false } },
        { uri: `${folder.uri.toString()}/card-failures/appeal-2025-11-27.zh-cn.md`, options: { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true } },
      ]);
      // The copy is what the person reads: no preview of the English letter on top of it.
      assert.deepEqual(fake.commands.executed, []);
    });

    it('from an English UI: a mainland card’s bank inquiry in Simplified Chinese, and no copy', async () => {
      fake.env.language = 'en';
      setup = start();
      const uri = (await setup.services.run('generateBankInquiry', MAINLAND)) as vscode.Uri;
      const letter = (await readInFolder(folder, 'card-failures/bank-inquiry-2025-11-27.md'))!;
      assert.ok(/[\u4e00-\u9fff]/.test(letter.slice(0, 40)), letter.slice(0, 200));
      assert.ok(!letter.includes('Dear '), letter.slice(0, 200));
      assert.deepEqual(fake.window.shownDocuments, [{ uri: uri.toString(), options: { viewColumn: vscode.ViewColumn.One, preview: false, preserveFocus: false } }]);
    });

    it('a language in the setting writes every letter in it, with no copy', async () => {
      fake.env.language = 'zh-cn';
      fake.workspace.setSetting('cardDoctor.letterLanguage', 'zh-cn');
      setup = start();
      await setup.services.run('generateAppeal', REPORT);
      assert.ok((await readInFolder(folder, 'card-failures/appeal-2025-11-27.md'))!.startsWith('**收件方：** OpenAI 支持团队（Billing & Payments）\n'));
      assert.equal(await readInFolder(folder, 'card-failures/appeal-2025-11-27.zh-cn.md'), undefined);
    });
  });

  describe('open journal', () => {
    it('creates the journal with its header and opens it', async () => {
      setup = start();
      const uri = (await setup.services.run('openJournal')) as vscode.Uri;
      assert.equal(uri.path, `${folder.uri.path}/card-failures/journal.md`);
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), HEADER);
      assert.deepEqual(fake.window.shownDocuments, [{ uri: uri.toString(), options: { preview: false, viewColumn: undefined } }]);
    });

    it('leaves an existing journal as it is', async () => {
      setup = start();
      await writeInFolder(folder, 'card-failures/journal.md', '# mine\n');
      await setup.services.run('openJournal');
      assert.equal(await readInFolder(folder, 'card-failures/journal.md'), '# mine\n');
    });
  });

  describe('show last diagnosis', () => {
    it('offers to diagnose when there has been none', async () => {
      setup = start();
      fake.window.answer = () => 'Diagnose…';
      assert.equal(await setup.services.run('showLastDiagnosis'), undefined);
      assert.deepEqual(messages(), [{ severity: 'information', message: 'There is no diagnosis in this workspace yet.', items: ['Diagnose…'] }]);
      await fake.window.messages[0]!.answered;
      assert.deepEqual(fake.commands.executed, [{ id: 'cardDoctor.diagnose', args: [] }]);
    });

    it('shows the diagnosis kept from an earlier window', async () => {
      const state = new FakeMemento({ [LAST_REPORT_KEY]: validReport(REPORT) });
      setup = start({}, state);
      assert.ok(await setup.services.run('showLastDiagnosis'));
      assert.match(panel()!.webview.html, /<h1>Card failure diagnosis<\/h1>/);
    });
  });

  describe('the status bar at start-up', () => {
    it('stays hidden without a journal', async () => {
      setup = start();
      await setup.services.run('showLastDiagnosis');
      assert.equal(setup.services.session.cooldown.state.visible, false);
      assert.equal(fake.window.statusBarItems[0]!.visible, false);
    });

    it('shows the wait of a journal already there', async () => {
      setup = start();
      const seed = start();
      await seed.services.run('recordAttempt', REPORT);
      await seed.services.run('recordAttempt', OTHER_CARD);
      disposeAll(seed.subscriptions);
      fake.window.statusBarItems.length = 0;
      disposeAll(setup.subscriptions);
      setup = start();
      await until(() => fake.window.statusBarItems[0]?.visible === true, 'the cooldown to show');
      assert.equal(fake.window.statusBarItems[0]!.text, '$(watch) Wait 23h 30m');
    });
  });
});
