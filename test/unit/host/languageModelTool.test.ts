/**
 * The language-model tool `card-doctor_diagnose` over the fake vscode: the input read (redacted
 * first, every bad field named by its path), the diagnosis with the journal's history in the UI
 * language, nothing unmasked in what goes back to the model, the confirmations VS Code would show
 * before the writing actions, the writing done by the extension's own commands, and the manifest.
 */
import assert from 'node:assert/strict';
import { promises as fsp, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { journalHeader, formatJournalEntry } from '../../../src/core/journal';
import { REPORT_JSON_SCHEMA } from '../../../src/core/reportJsonSchema';
import { DiagnoseTool, readToolInput, type DiagnoseToolServices } from '../../../src/host/languageModelTool/diagnoseTool';
import { activateWith } from '../../../src/host/extension';
import { DIAGNOSE_TOOL_NAME, registerLanguageModelTool } from '../../../src/host/languageModelTool/registration';
import { JournalRepository } from '../../../src/host/journalRepository';
import { JournalStore } from '../../../src/host/journalStore';
import { Notifier } from '../../../src/host/notifier';
import { createServices, type Services } from '../../../src/host/services';
import { SettingsService } from '../../../src/host/settingsService';
import { readingFolder } from '../../../src/host/workspaceTarget';
import { disposeAll, extensionContext, fake, readInFolder, REPO_ROOT, resetFake, tempWorkspace, writeInFolder } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';
import { useSourceExtension } from './sourceExtension';

const NOW = new Date('2025-11-27T04:00:00Z');

/** A mainland UnionPay debit card refused as "country not supported", bought through a VPN from the US. */
const REPORT = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: '国家不支持',
  card: { kind: 'debit', brand: 'unionpay', last4: '1234', issuerCountry: 'CN' },
  connection: { vpn: 'yes', accessCountry: 'US' },
};

const extensionPath = useSourceExtension('card-doctor-lm-tool-');

after(() => resetFake());

function textOf(result: unknown): string {
  const content = (result as vscode.LanguageModelToolResult).content;
  assert.equal(content.length, 1);
  assert.ok(content[0] instanceof vscode.LanguageModelTextPart, 'one text part');
  return content[0].value;
}

const NEVER: vscode.CancellationToken = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) };

describe('language-model tool: reading the input', () => {
  it('takes { report } as a diagnosis, the report cleaned by the schema', () => {
    const input = readToolInput({ report: { card: { last4: '４２４２' }, errorMessage: ' Your card was declined. ' } });
    assert.deepEqual(input, { ok: true, request: { action: 'diagnose', report: { card: { last4: '4242' }, errorMessage: 'Your card was declined.' } } });
  });

  it('names every bad field by its path from the input, never echoing a value', () => {
    const input = readToolInput({ action: 'delete', extra: 1, report: { occurredAt: 'yesterday', card: { bin: '4242 4242 4242 4242', brand: 'visa-gold' } } });
    assert.deepEqual(input, {
      ok: false,
      errors: [
        { path: 'extra', message: 'unknown field' },
        { path: 'action', message: 'expected one of diagnose, record, appeal, bankInquiry' },
        { path: 'report.occurredAt', message: 'expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00' },
        { path: 'report.card.brand', message: 'expected one of visa, mastercard, amex, unionpay, jcb, discover, other, unknown' },
        { path: 'report.card.bin', message: 'expected 6-8 digits' },
      ],
    });
  });

  it('refuses a missing report, and input that is no object', () => {
    assert.deepEqual(readToolInput({ action: 'record' }), { ok: false, errors: [{ path: 'report', message: 'expected an object' }] });
    assert.deepEqual(readToolInput('4242424242424242'), { ok: false, errors: [{ path: '(input)', message: 'expected an object' }] });
  });

  it('masks a card number a model put in a key before naming the key', () => {
    assert.deepEqual(readToolInput({ report: { card: { '4242424242424242': 'x' } } }), {
      ok: false,
      errors: [{ path: 'report.card.•••• 4242', message: 'unknown field' }],
    });
  });

  it('keeps a `__proto__` key a key: refused as unknown, no prototype set', () => {
    const input = readToolInput(JSON.parse('{"report": {}, "__proto__": {"action": "record"}}'));
    assert.deepEqual(input, { ok: false, errors: [{ path: '__proto__', message: 'unknown field' }] });
  });

  it('refuses input far larger than any report before reading it', () => {
    const wide = Object.fromEntries(Array.from({ length: 600 }, (_, index) => [`k${index}`, 'x']));
    assert.deepEqual(readToolInput({ report: wide }), { ok: false, errors: [{ path: '(input)', message: 'too large' }] });
    assert.deepEqual(readToolInput({ report: { notes: 'x'.repeat(64_001) } }), { ok: false, errors: [{ path: '(input)', message: 'too large' }] });
    let deep: unknown = 'x';
    for (let level = 0; level < 8; level++) deep = { a: deep };
    assert.deepEqual(readToolInput({ report: deep }), { ok: false, errors: [{ path: '(input)', message: 'too large' }] });
  });
});

describe('language-model tool: invoking it', () => {
  let folder: vscode.WorkspaceFolder;
  let services: Services;
  let subscriptions: { dispose(): unknown }[];
  let tool: DiagnoseTool;

  beforeEach(async () => {
    await resetFake();
    [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
    const context = { ...extensionContext(), extensionPath: extensionPath() };
    subscriptions = context.subscriptions;
    services = createServices(context as unknown as vscode.ExtensionContext, { clock: () => NOW });
    const log = vscode.window.createOutputChannel('Card Doctor tool', { log: true });
    const settings = new SettingsService(new Notifier(log));
    const journal = new JournalRepository(new JournalStore(log), settings);
    subscriptions.push(settings, journal);
    const toolServices: DiagnoseToolServices = {
      journal,
      settings,
      readingFolder,
      clock: () => NOW,
      log,
      runCommand: (name, argument) => services.run(name, argument),
    };
    tool = new DiagnoseTool(toolServices);
    subscriptions.push(...registerLanguageModelTool(() => tool));
  });

  afterEach(() => disposeAll(subscriptions));

  const invoke = (input: object) => vscode.lm.invokeTool(DIAGNOSE_TOOL_NAME, { input, toolInvocationToken: undefined });

  it('diagnoses with the journal: each cause by id and title, its likelihood in words, evidence and next steps', async () => {
    // Two refusals of another card in the two hours before: the journal's history counts.
    const earlier = [
      validReport({ occurredAt: '2025-11-27T09:05:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } }),
      validReport({ occurredAt: '2025-11-27T09:40:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } }),
    ] as { occurredAt: string }[];
    const journal = journalHeader('en') + earlier.map((entry) => formatJournalEntry(entry as never, 'en')).join('');
    await writeInFolder(folder, 'card-failures/journal.md', journal);
    const text = textOf(await invoke({ report: REPORT }));
    assert.deepEqual(
      [...text.matchAll(/^### \d+\. .* \(`([a-z-]+)`\) — (likely|possible|less likely)$/gm)].map((match) => [match[1], match[2]]),
      [
        ['region-unsupported', 'likely'],
        ['network-anomaly', 'likely'],
        ['international-payments-disabled', 'possible'],
        ['retry-velocity', 'possible'],
      ],
    );
    assert.ok(text.startsWith('Card Doctor diagnosed the failed attempt. The causes below are likely, not certain:'), text.slice(0, 200));
    assert.match(text, /^### 1\. Region not supported \(`region-unsupported`\) — likely$/m);
    assert.match(text, /^\*\*Why:\*\*$/m);
    assert.match(text, /^\*\*What to do:\*\*$/m);
    assert.match(text, /^- Last 24 hours in the journal: 2 attempts, 1 card\./m);
    assert.doesNotMatch(text, /the cause is/i);
    assert.match(text, /These are likely causes, not certainties/);
    assert.equal(await readInFolder(folder, 'card-failures/journal.md'), journal, 'a diagnosis writes nothing');
  });

  it('answers in Simplified and Traditional Chinese when VS Code is', async () => {
    fake.env.language = 'zh-cn';
    const simplified = textOf(await invoke({ report: REPORT }));
    assert.ok(simplified.startsWith('绑卡医生已诊断这次绑卡失败。以下只是可能的原因，并非定论'), simplified.slice(0, 80));
    assert.match(simplified, /^### 1\. 地区不受支持 `region-unsupported` — 可能性较高$/m);
    fake.env.language = 'zh-tw';
    const traditional = textOf(await invoke({ report: REPORT }));
    assert.ok(traditional.startsWith('綁卡醫生已診斷這次綁卡失敗。以下只是可能的原因，並非定論'), traditional.slice(0, 80));
    assert.match(traditional, /^### 1\. 地區不受支援 `region-unsupported` — 可能性較高$/m);
  });

  it('returns a bad field as a result naming its path, in the UI language, without throwing', async () => {
    const text = textOf(await invoke({ report: { card: { bin: '12' } } }));
    assert.equal(
      text,
      'The report is not valid, so nothing was done. report.card.bin: expected 6-8 digits\n\nCorrect or leave out these fields and call the tool again. Every field is optional; never ask for the full card number, the CVC or a one-time code.',
    );
    fake.env.language = 'zh-cn';
    assert.match(textOf(await invoke({ report: { card: { bin: '12' } } })), /^报告内容无效，未执行任何操作。report\.card\.bin: 应为 6 到 8 位数字\n/);
  });

  it('never returns a card number, CVC or one-time code the model sent, however written', async () => {
    const secrets = {
      errorMessage: 'Your card was declined. Card 4242 4242 4242 4242, CVC 737, code 483920',
      notes: '卡号４２４２－４２４２－４２４２－４２４２ 安全码 737 验证码 483920',
      card: { issuerName: 'Bank 4242-4242-4242-4242', last4: '4242' },
    };
    const diagnosed = textOf(await invoke({ report: secrets }));
    const refused = textOf(await invoke({ report: { ...secrets, card: { ...secrets.card, bin: '4242424242424242' } }, '4242 4242 4242 4242': 'x' }));
    assert.match(refused, /report\.card\.bin: expected 6-8 digits/);
    assert.match(refused, /•••• 4242: unknown field/);
    for (const text of [diagnosed, refused]) {
      for (const secret of ['4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', '４２４２', '737', '483920']) {
        assert.ok(!text.includes(secret), `"${secret}" in ${text}`);
      }
    }
    assert.ok(!diagnosed.includes('Bank 4242'), 'the issuer name is masked too');
  });

  it('gives back none of the free text it was sent, so a number the redaction cannot read never comes back either', async () => {
    const spelt = '4532&nbsp;0151&nbsp;1283&nbsp;0366 at shop QZX-771';
    const text = textOf(await invoke({ report: { errorMessage: spelt, notes: spelt, card: { issuerName: spelt } } }));
    for (const piece of ['0151', '1283', 'QZX-771', '&nbsp;']) assert.ok(!text.includes(piece), `"${piece}" in ${text}`);
  });

  it('writes nothing for a diagnosis and asks no confirmation', async () => {
    await invoke({ report: REPORT, action: 'diagnose' });
    assert.deepEqual(fake.lm.confirmations, []);
    assert.equal(await readInFolder(folder, 'card-failures/journal.md'), undefined);
  });

  it('records the attempt through the command once the person confirms, saying what and where first', async () => {
    const text = textOf(await invoke({ report: REPORT, action: 'record' }));
    assert.equal(text, 'Recorded the attempt in card-failures/journal.md.');
    const [asked] = fake.lm.confirmations;
    assert.equal(asked?.title, 'Record this attempt in the failure journal?');
    assert.ok(asked?.message.startsWith('Card Doctor will append this entry to card-failures/journal.md in the folder ws0:\n\n```markdown\n## 2025-11-27 10:31 UTC+08:00 · ChatGPT (web)\n'), asked?.message);
    assert.ok(asked?.message.endsWith('```\n\nNothing is sent anywhere.'), asked?.message);
    const journal = await readInFolder(folder, 'card-failures/journal.md');
    assert.match(journal ?? '', /^## 2025-11-27 10:31 UTC\+08:00 · ChatGPT \(web\)$/m);
    assert.equal(fake.lm.confirmations.length, 1);
  });

  it('writes nothing when the person declines', async () => {
    fake.lm.confirm = () => false;
    await assert.rejects(Promise.resolve(invoke({ report: REPORT, action: 'appeal' })), (error: Error) => error.name === 'Canceled');
    assert.equal(fake.lm.confirmations[0]?.title, 'Write the appeal to support?');
    assert.equal(await readInFolder(folder, 'card-failures/appeal-2025-11-27.md'), undefined);
  });

  it('writes the appeal and the bank inquiry through the commands, naming each file before', async () => {
    assert.equal(
      textOf(await invoke({ report: REPORT, action: 'appeal' })),
      'Wrote the appeal to card-failures/appeal-2025-11-27.md. Check it, then send it yourself from the Help Center (Billing & Payments).',
    );
    assert.equal(
      fake.lm.confirmations[0]?.message,
      'Card Doctor will write the appeal to support as a new file card-failures/appeal-2025-11-27.md in the folder ws0 (-2, -3… if that name is taken) and open it. Nothing is sent: you check the letter and send it yourself.',
    );
    assert.match((await readInFolder(folder, 'card-failures/appeal-2025-11-27.md')) ?? '', /^\*\*1\. 27 November 2025, 10:31 \(UTC\+08:00\)\*\* · ChatGPT \(web\) · UnionPay •••• 1234$/m);
    assert.equal(
      textOf(await invoke({ report: REPORT, action: 'bankInquiry' })),
      'Wrote the bank inquiry to card-failures/bank-inquiry-2025-11-27.md. Check it, then send it to your bank yourself.',
    );
    assert.equal(fake.lm.confirmations[1]?.title, 'Write the bank inquiry?');
  });

  it('says, under a Chinese UI, that the person’s own copy of the English appeal goes beside it', async () => {
    fake.env.language = 'zh-cn';
    const prepared = tool.prepareInvocation({ input: { report: REPORT, action: 'appeal' } });
    assert.equal(prepared.confirmationMessages?.title, '生成致客服的申诉信？');
    assert.equal(
      (prepared.confirmationMessages?.message as vscode.MarkdownString).value,
      '绑卡医生将把致客服的申诉信写入文件夹 ws0 中的新文件 card-failures/appeal-2025-11-27.md（该文件名已存在时改用 -2, -3…）并打开。 另有一份您所用语言的副本放在旁边：appeal-2025-11-27.zh-cn.md。 不会发送任何内容：请检查信件后自行发送。',
    );
  });

  it('says in Restricted Mode that the built-in template is used, not the person’s', async () => {
    fake.workspace.isTrusted = false;
    fake.workspace.setSetting('cardDoctor.templatesFolder', 'my-templates');
    const prepared = tool.prepareInvocation({ input: { report: REPORT, action: 'bankInquiry' } });
    assert.match((prepared.confirmationMessages?.message as vscode.MarkdownString).value, / This workspace is in Restricted Mode, so the built-in template is used, not yours\. /);
  });

  it('asks nothing for a bad input and writes nothing', async () => {
    const prepared = tool.prepareInvocation({ input: { report: { card: { bin: '12' } }, action: 'record' } });
    assert.deepEqual(prepared, { invocationMessage: 'Diagnosing the failed card attempt' });
    assert.match(textOf(await tool.invoke({ input: { report: { card: { bin: '12' } }, action: 'record' }, toolInvocationToken: undefined }, NEVER)), /^The report is not valid/);
    assert.equal(await readInFolder(folder, 'card-failures/journal.md'), undefined);
  });
});

describe('language-model tool: registration and manifest', () => {
  beforeEach(() => resetFake());

  it('registers nothing, and does not fail, on a host without vscode.lm.registerTool', () => {
    fake.lm.available = false;
    assert.deepEqual(registerLanguageModelTool(() => undefined), []);
  });

  it('answers with a result, not an error, when the services could not load', async () => {
    const [registration] = registerLanguageModelTool(() => undefined);
    const result = await vscode.lm.invokeTool(DIAGNOSE_TOOL_NAME, { input: { report: {} }, toolInvocationToken: undefined });
    assert.equal(textOf(result), 'Card Doctor could not load, so nothing was diagnosed or written. The Card Doctor log says why.');
    registration?.dispose();
  });

  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    contributes: { languageModelTools: Record<string, unknown>[] };
  };
  const nls = (lang: string) => JSON.parse(readFileSync(path.join(REPO_ROOT, `package.nls${lang}.json`), 'utf8')) as Record<string, string>;

  it('contributes the tool under its name, with localized descriptions, referable in a prompt', () => {
    const [tool] = manifest.contributes.languageModelTools;
    assert.equal(manifest.contributes.languageModelTools.length, 1);
    assert.deepEqual(
      { ...tool, inputSchema: undefined },
      {
        name: 'card-doctor_diagnose',
        toolReferenceName: 'cardDoctor',
        displayName: '%lmTool.diagnose.displayName%',
        userDescription: '%lmTool.diagnose.userDescription%',
        modelDescription: '%lmTool.diagnose.modelDescription%',
        canBeReferencedInPrompt: true,
        icon: '$(credit-card)',
        inputSchema: undefined,
      },
    );
    for (const lang of ['', '.zh-cn', '.zh-tw']) {
      for (const key of ['lmTool.diagnose.displayName', 'lmTool.diagnose.userDescription', 'lmTool.diagnose.modelDescription']) {
        assert.ok(nls(lang)[key], `package.nls${lang}.json has ${key}`);
      }
    }
    assert.equal(nls('.zh-cn')['lmTool.diagnose.displayName'], '绑卡医生：诊断绑卡失败');
  });

  it('takes { action, report } and nothing else, the report described by the report schema itself', () => {
    const schema = manifest.contributes.languageModelTools[0]!.inputSchema as { properties: { report: unknown; action: { enum: string[] } }; required: string[]; additionalProperties: boolean };
    assert.deepEqual(Object.keys(schema.properties), ['action', 'report']);
    assert.deepEqual(schema.properties.action.enum, ['diagnose', 'record', 'appeal', 'bankInquiry']);
    assert.deepEqual(schema.required, ['report']);
    assert.equal(schema.additionalProperties, false);
    // The generated file but its `$schema`, which belongs at a schema's root only.
    const { $schema: _, ...generated } = REPORT_JSON_SCHEMA;
    assert.deepEqual(
      schema.properties.report,
      generated,
      'package.json\'s tool input must carry src/core/reportJsonSchema.json as generated: copy it in (without $schema) after schemas/build.ts changed it',
    );
  });
});

describe('language-model tool: as activation wires it', () => {
  let bundleFolder: string;
  let context: ReturnType<typeof extensionContext>;

  before(async () => {
    // A services "bundle" that is the sources (the shared dist/ holds whatever was last built).
    bundleFolder = await fsp.mkdtemp(path.join(os.tmpdir(), 'card-doctor-lm-bundle-'));
    await fsp.writeFile(path.join(bundleFolder, 'services.js'), `module.exports = require(${JSON.stringify(path.resolve(__dirname, '../../../src/host/services.ts'))});\n`);
  });

  after(() => fsp.rm(bundleFolder, { recursive: true, force: true }));

  beforeEach(async () => {
    await resetFake();
    context = { ...extensionContext(), extensionPath: extensionPath() };
  });

  afterEach(() => disposeAll(context.subscriptions));

  it('registers the tool at activation, loading nothing, and runs it and the record command through the services', async () => {
    const [folder] = (await tempWorkspace()) as [vscode.WorkspaceFolder];
    activateWith(context as unknown as vscode.ExtensionContext, path.join(bundleFolder, 'services.js'));
    assert.deepEqual(vscode.lm.tools.map((tool) => tool.name), ['card-doctor_diagnose']);
    assert.equal(fake.window.statusBarItems.length, 0, 'the services are not loaded by registering the tool');
    const diagnosed = textOf(await vscode.lm.invokeTool(DIAGNOSE_TOOL_NAME, { input: { report: REPORT }, toolInvocationToken: undefined }));
    assert.match(diagnosed, /^### 1\. Region not supported \(`region-unsupported`\) — likely$/m);
    const recorded = textOf(await vscode.lm.invokeTool(DIAGNOSE_TOOL_NAME, { input: { report: REPORT, action: 'record' }, toolInvocationToken: undefined }));
    assert.equal(recorded, 'Recorded the attempt in card-failures/journal.md.');
    assert.match((await readInFolder(folder, 'card-failures/journal.md')) ?? '', /^## 2025-11-27 10:31 UTC\+08:00 · ChatGPT \(web\)$/m);
    assert.deepEqual(
      fake.commands.executed.map((call) => call.id),
      ['cardDoctor.recordAttempt'],
      'the tool wrote through the command',
    );
  });
});
