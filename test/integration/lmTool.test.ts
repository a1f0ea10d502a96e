/**
 * The language-model tool in a real VS Code (code-server 1.100): `vscode.lm.invokeTool` with no
 * chat session and no language model at all (`toolInvocationToken: undefined`) goes to the
 * workbench's LanguageModelToolsService, which activates the extension by the generated
 * `onLanguageModelTool:card-doctor_diagnose` event if needed, runs `prepareInvocation`, and (no
 * confirmation for a diagnosis) calls the tool. The writing actions would open a modal dialog
 * here, which nothing can answer in an extension-host test: they are covered by the unit tests.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, inWorkspace, readText, resetWorkspace } from './helpers';

const TOOL = 'card-doctor_diagnose';

/** A mainland UnionPay debit card refused as "country not supported", bought through a VPN from the US. */
const REPORT = {
  occurredAt: '2025-11-27T10:31:00+08:00',
  product: 'chatgpt-web',
  errorMessage: '国家不支持',
  card: { kind: 'debit', brand: 'unionpay', last4: '1234', issuerCountry: 'CN' },
  connection: { vpn: 'yes', accessCountry: 'US' },
};

/** An ISO time `hours` before now, in UTC (the schema takes `Z` as an offset). */
function hoursAgo(hours: number): string {
  return new Date(Date.now() - hours * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function invoke(input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(TOOL, { input, toolInvocationToken: undefined });
  assert.equal(result.content.length, 1);
  const [part] = result.content;
  assert.ok(part instanceof vscode.LanguageModelTextPart, 'one text part');
  return part.value;
}

/** The cause ids and likelihoods, in order, from the findings' headings. */
function causes(text: string): string[][] {
  return [...text.matchAll(/^### \d+\. .*`([a-z-]+)`.* — (.+)$/gm)].map((match) => [match[1]!, match[2]!]);
}

describe('language-model tool card-doctor_diagnose', function () {
  this.timeout(30_000);

  before(() => activateExtension());
  afterEach(resetWorkspace);

  it('is listed in vscode.lm.tools with the report schema as its input', () => {
    const tool = vscode.lm.tools.find((candidate) => candidate.name === TOOL);
    assert.ok(tool, `lm.tools: ${vscode.lm.tools.map((candidate) => candidate.name).join(', ')}`);
    const schema = tool.inputSchema as { properties: Record<string, { properties?: Record<string, unknown> }>; required: string[] };
    assert.deepEqual(Object.keys(schema.properties), ['action', 'report']);
    assert.deepEqual(schema.required, ['report']);
    assert.deepEqual(Object.keys(schema.properties.report?.properties ?? {}), ['occurredAt', 'product', 'errorMessage', 'card', 'billing', 'bank', 'connection', 'notes']);
  });

  it('diagnoses a report without any model, each cause by id with its likelihood in words, writing nothing', async () => {
    const text = await invoke({ report: REPORT });
    assert.deepEqual(causes(text), [
      ['region-unsupported', 'likely'],
      ['network-anomaly', 'likely'],
      ['international-payments-disabled', 'possible'],
    ]);
    assert.match(text, /^Card Doctor diagnosed the failed attempt\. The causes below are likely, not certain/);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(inWorkspace('card-failures'))), 'a diagnosis writes no file');
  });

  it('diagnoses with the journal: two refusals of another card in the hours before count', async () => {
    // Written out as the extension writes entries (machine lines only: the parser reads those).
    const entry = (time: string) =>
      `\n## ${time}\n\n<!-- card-doctor:entry v1 {"occurredAt":"${time}","report":{"errorMessage":"Your card was declined.","card":{"brand":"visa","last4":"4242"}}} -->\n`;
    await vscode.workspace.fs.writeFile(
      inWorkspace('card-failures', 'journal.md'),
      new TextEncoder().encode(`# Card failure journal\n${entry(hoursAgo(2))}${entry(hoursAgo(1.5))}`),
    );
    // The host's clock is real: the journal counts the 24 hours before now. The tool reads the
    // journal as it is on disk at the call, so the file just written counts at once.
    const text = await invoke({ report: { ...REPORT, occurredAt: hoursAgo(0.25) } });
    assert.ok(causes(text).some(([id]) => id === 'retry-velocity'), text);
    assert.match(text, /in the journal: 2 attempts, 1 card\./);
  });

  it('returns a bad field as a result naming its path, not an error', async () => {
    const text = await invoke({ report: { card: { bin: '12' }, product: 'chatgpt-desktop' } });
    assert.match(text, /^The report is not valid, so nothing was done\. /);
    assert.match(text, /report\.card\.bin: expected 6-8 digits/);
    assert.match(text, /report\.product: expected one of chatgpt-web, chatgpt-app, api-platform, other/);
  });

  it('never returns a card number, CVC or one-time code it was sent, however written', async () => {
    const secrets = {
      errorMessage: 'Your card was declined. Card 4242 4242 4242 4242, CVC 737, code 483920',
      notes: '卡号４２４２－４２４２－４２４２－４２４２ 安全码 737',
      card: { issuerName: 'Bank 4242-4242-4242-4242', last4: '4242' },
    };
    const diagnosed = await invoke({ report: secrets });
    const refused = await invoke({ report: { ...secrets, card: { ...secrets.card, bin: '4242424242424242' } } });
    assert.match(refused, /report\.card\.bin: expected 6-8 digits/);
    for (const text of [diagnosed, refused]) {
      for (const secret of ['4242424242424242', '4242 4242 4242 4242', '4242-4242-4242-4242', '４２４２', '737', '483920']) {
        assert.ok(!text.includes(secret), `"${secret}" in ${text}`);
      }
    }
  });

  it('answers in Simplified Chinese under a Chinese UI @zh-cn', async () => {
    const text = await invoke({ report: REPORT });
    assert.match(text, /^绑卡医生已诊断这次绑卡失败。以下只是可能的原因，并非定论/);
    assert.deepEqual(causes(text)[0], ['region-unsupported', '可能性较高']);
  });

  it('diagnoses in Restricted Mode too, writing nothing @restricted', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const text = await invoke({ report: REPORT });
    assert.deepEqual(causes(text)[0], ['region-unsupported', 'likely']);
    assert.equal(await readText(inWorkspace('card-failures', 'journal.md')).catch(() => 'none'), 'none', 'still nothing written');
  });
});
