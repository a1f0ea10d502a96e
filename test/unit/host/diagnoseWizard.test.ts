/**
 * The diagnose wizard driven as a person would, through the fake's quick picks and input boxes:
 * every screen in order with its step counter, Back keeping answers, Esc ending it quietly, "Not
 * sure", a typed time (a wrong one blocked in place), a whole card number refused, and a repeat
 * attempt prefilled from the journal's latest entry.
 */
import assert from 'node:assert/strict';
import type { Report } from '../../../src/core/report';
import { runDiagnoseWizard } from '../../../src/host/wizard/diagnoseWizard';
import { fake, resetFake, type FakeInputBox, type FakeQuickPick, type QuickInputStep } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

/** 12:00:30 in Beijing, where the machine is (the wizard offers now in the machine's offset). */
const NOW = new Date('2025-11-27T04:00:30Z');

type Screen = [title: string | undefined, step: number | undefined, totalSteps: number | undefined, back: boolean, value: string];

const pick = (act: (input: FakeQuickPick) => void): QuickInputStep => (input) => act(input as FakeQuickPick);
const box = (act: (input: FakeInputBox) => void): QuickInputStep => (input) => act(input as FakeInputBox);

/** Runs the wizard on `script`, noting each screen as it opened. */
async function run(script: QuickInputStep[], prefill: Promise<Report | undefined> = Promise.resolve(undefined), lang: 'en' | 'zh-cn' = 'en') {
  const screens: Screen[] = [];
  fake.window.quickInputScript = script.map((step) => (input) => {
    screens.push([input.title, input.step, input.totalSteps, input.buttons.length > 0, input.value]);
    step(input);
  });
  const report = await runDiagnoseWizard(prefill, lang, NOW);
  assert.deepEqual(fake.window.scriptErrors, []);
  return { report, screens };
}

describe('host diagnoseWizard', () => {
  let timeZone: string | undefined;
  before(() => {
    timeZone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
  });
  after(async () => {
    if (timeZone === undefined) delete process.env.TZ;
    else process.env.TZ = timeZone;
    await resetFake();
  });
  beforeEach(() => resetFake());

  it('asks each screen in turn, counting the steps as the plan grows, and gives the validated report', async () => {
    let timeBox: FakeInputBox | undefined;
    const { report, screens } = await run([
      pick((input) => {
        input.type('Your card was declined');
        input.pick('On ChatGPT on the web');
      }),
      pick((input) => {
        input.type('visa 4242 06/28');
        input.pick('Credit card');
      }),
      pick((input) => input.pick('United States')),
      pick((input) => input.pickMany(['A VPN or proxy was on', 'The balance or credit limit is enough'])),
      pick((input) => input.pick('Japan')),
      box((input) => {
        timeBox = input;
        input.enter('2025-11-26 22:10');
      }),
    ]);
    assert.deepEqual(screens, [
      ['What did the error say, and where?', 1, 4, false, ''],
      ['The card: what kind is it?', 2, 4, true, ''],
      ['Where was the card issued?', 3, 5, true, ''],
      ['What applies? Tick all that do (Space), then Enter', 4, 5, true, ''],
      ['Which country was your VPN or proxy exit in?', 5, 6, true, ''],
      ['When did it fail?', 6, 6, true, '2025-11-27 12:00 UTC+08:00'],
    ]);
    assert.deepEqual(timeBox?.validationMessage, { message: 'Read as 2025-11-26 22:10 UTC+08:00', severity: 1 });
    assert.deepEqual(report, {
      occurredAt: '2025-11-26T22:10:00+08:00',
      product: 'chatgpt-web',
      errorMessage: 'Your card was declined',
      card: { kind: 'credit', brand: 'visa', last4: '4242', issuerCountry: 'US', expiry: '2028-06' },
      billing: { matchesIssuer: 'unknown' },
      bank: { internationalOnline: 'unknown', balanceSufficient: 'yes' },
      connection: { vpn: 'yes', switchedRecently: 'no', accessCountry: 'JP' },
    });
    // Every screen closed once the wizard was done.
    assert.deepEqual(
      fake.window.quickInputs.map((input) => input.disposed),
      [true, true, true, true, true, true],
    );
  });

  it('Back shows the previous screen with its answer kept; "Not sure" leaves the answer out', async () => {
    const { report, screens } = await run([
      pick((input) => {
        input.type('Your card was declined');
        input.pick('On ChatGPT on the web');
      }),
      pick((input) => input.back()),
      pick((input) => input.pick('On the API platform (platform.openai.com)')),
      pick((input) => input.pick('Not sure')),
      pick((input) => input.pick('Not sure')),
      pick((input) => input.accept()),
      box((input) => input.accept()),
    ]);
    assert.deepEqual(
      screens.map(([title, step, total, , value]) => [title, step, total, value]),
      [
        ['What did the error say, and where?', 1, 4, ''],
        ['The card: what kind is it?', 2, 4, ''],
        ['What did the error say, and where?', 1, 4, 'Your card was declined'],
        ['The card: what kind is it?', 2, 4, ''],
        ['Where was the card issued?', 3, 5, ''],
        ['What applies? Tick all that do (Space), then Enter', 4, 5, ''],
        ['When did it fail?', 5, 5, '2025-11-27 12:00 UTC+08:00'],
      ],
    );
    assert.deepEqual(report, {
      occurredAt: '2025-11-27T12:00:00+08:00',
      product: 'api-platform',
      errorMessage: 'Your card was declined',
      card: { kind: 'unknown' },
      billing: { matchesIssuer: 'unknown' },
      bank: { internationalOnline: 'unknown', balanceSufficient: 'unknown' },
      connection: { vpn: 'no', switchedRecently: 'no' },
    });
  });

  it('reads a typed time to the second', async () => {
    const { report, screens } = await run([
      pick((input) => input.pick('Your card was declined.')),
      pick((input) => input.pick('Debit card')),
      pick((input) => input.pick('China')),
      pick((input) => input.accept()),
      box((input) => input.enter('2025-11-26 22:10:45')),
    ]);
    assert.equal(screens.length, 5);
    assert.equal(report?.occurredAt, '2025-11-26T22:10:45+08:00');
  });

  it('Esc ends the wizard quietly, with no report, and closes the screen', async () => {
    const { report, screens } = await run([
      pick((input) => {
        input.type('Your card was declined');
        input.pick('On ChatGPT on the web');
      }),
      pick((input) => input.hide()),
    ]);
    assert.equal(report, undefined);
    assert.equal(screens.length, 2);
    assert.deepEqual(
      fake.window.quickInputs.map((input) => input.disposed),
      [true, true],
    );
  });

  it('a wrong time is refused in place (Enter does nothing) until a readable one is typed', async () => {
    let stillOpen: boolean | undefined;
    let message: unknown;
    const { report } = await run([
      pick((input) => input.pick('Your card was declined.')),
      pick((input) => input.pick('Debit card')),
      pick((input) => input.pick('China')),
      pick((input) => input.accept()),
      box((input) => {
        input.enter('yesterday-ish');
        stillOpen = input.visible;
        message = input.validationMessage;
        input.enter('22:10');
      }),
    ]);
    assert.equal(stillOpen, true);
    assert.deepEqual(message, { message: 'Not a time this can read: type e.g. 22:10 or 2026-12-01 22:10', severity: 3 });
    // 22:10 is later than now (12:00): the evening before.
    assert.equal(report?.occurredAt, '2025-11-26T22:10:00+08:00');
  });

  it('refuses a whole card number typed on the card screen: Enter does nothing and nothing of it is kept', async () => {
    let labels: string[] = [];
    let stillOpen: boolean | undefined;
    const { report } = await run([
      pick((input) => input.pick('Your card was declined.')),
      pick((input) => {
        input.type('4000 0566 5566 5556');
        labels = input.labels;
        input.accept();
        stillOpen = input.visible;
        input.type('400005 5556');
        input.pick('Debit card');
      }),
      pick((input) => input.pick('Not sure')),
      pick((input) => input.accept()),
      box((input) => input.accept()),
    ]);
    assert.deepEqual(labels, ['$(warning) That looks like a whole card number. Type only the first 6-8 digits and the last 4.']);
    assert.equal(stillOpen, true);
    assert.deepEqual(report?.card, { kind: 'debit', brand: 'visa', bin: '400005', last4: '5556' });
    assert.equal(JSON.stringify(report).includes('0566'), false);
  });

  it('prefills a repeat attempt from the journal’s latest entry: its card and circumstances, never its time, error or notes', async () => {
    const latest = validReport({
      occurredAt: '2025-11-26T22:10:00+08:00',
      errorMessage: 'old error',
      notes: 'old notes',
      product: 'chatgpt-app',
      card: { kind: 'debit', brand: 'unionpay', bin: '621483', last4: '4242', issuerCountry: 'CN', issuerName: 'China Merchants Bank' },
      connection: { vpn: 'yes', accessCountry: 'JP' },
      bank: { internationalOnline: 'yes' },
    });
    const { report, screens } = await run(
      [
        pick((input) => input.pick('Your card has insufficient funds.')),
        pick((input) => input.accept()),
        pick((input) => input.accept()),
        pick((input) => input.accept()),
        box((input) => input.accept()),
      ],
      Promise.resolve(latest),
    );
    assert.deepEqual(
      screens.map(([title, step, total, , value]) => [title, step, total, value]),
      [
        ['What did the error say, and where?', 1, 4, ''],
        ['The card: what kind is it?', 2, 5, '621483 4242 China Merchants Bank'],
        ['What applies? Tick all that do (Space), then Enter', 3, 5, ''],
        ['Which country was your VPN or proxy exit in?', 4, 5, ''],
        ['When did it fail?', 5, 5, '2025-11-27 12:00 UTC+08:00'],
      ],
    );
    assert.deepEqual(
      (fake.window.quickInputs[2] as FakeQuickPick).selectedItems.map((item) => item.label),
      ['A VPN or proxy was on', 'International online payments are turned on for this card'],
    );
    assert.deepEqual(report, {
      occurredAt: '2025-11-27T12:00:00+08:00',
      // A known message picked says nothing of where: the journal's answer stands.
      product: 'chatgpt-app',
      errorMessage: 'Your card has insufficient funds.',
      card: { kind: 'debit', brand: 'unionpay', bin: '621483', last4: '4242', issuerName: 'China Merchants Bank', issuerCountry: 'CN' },
      billing: { matchesIssuer: 'unknown' },
      bank: { internationalOnline: 'yes', balanceSufficient: 'unknown' },
      connection: { vpn: 'yes', switchedRecently: 'no', accessCountry: 'JP' },
    });
  });

  it('a place picked on the first screen wins over the journal’s', async () => {
    const latest = validReport({ occurredAt: '2025-11-26T22:10:00+08:00', product: 'chatgpt-app' });
    const { report } = await run(
      [
        pick((input) => {
          input.type('Declined');
          input.pick('On the API platform (platform.openai.com)');
        }),
        pick((input) => input.pick('Not sure')),
        pick((input) => input.pick('Not sure')),
        pick((input) => input.accept()),
        box((input) => input.accept()),
      ],
      Promise.resolve(latest),
    );
    assert.equal(report?.product, 'api-platform');
  });

  it('goes on without a prefill when the journal could not be read', async () => {
    const { report } = await run(
      [
        pick((input) => input.pick('Your card was declined.')),
        pick((input) => input.pick('Debit card')),
        pick((input) => input.pick('Not sure')),
        pick((input) => input.accept()),
        box((input) => input.accept()),
      ],
      Promise.reject(new Error('EACCES')),
    );
    assert.deepEqual(report?.card, { kind: 'debit' });
  });

  it('prefills once: after Back to the first screen, an answer changed since stays changed', async () => {
    const latest = validReport({ occurredAt: '2025-11-26T22:10:00+08:00', card: { kind: 'credit', last4: '1111' } });
    const { report } = await run(
      [
        pick((input) => input.pick('Your card was declined.')),
        pick((input) => {
          input.type('4242');
          input.pick('Debit card');
        }),
        pick((input) => input.back()),
        pick((input) => input.back()),
        pick((input) => input.pick('Your card was declined.')),
        pick((input) => input.accept()),
        pick((input) => input.pick('Not sure')),
        pick((input) => input.accept()),
        box((input) => input.accept()),
      ],
      Promise.resolve(latest),
    );
    assert.deepEqual(report?.card, { kind: 'debit', last4: '4242' });
  });

  it('speaks Chinese', async () => {
    fake.env.language = 'zh-cn';
    let labels: string[] = [];
    let placeholder: string | undefined;
    const { report, screens } = await run(
      [
        pick((input) => {
          labels = input.labels.slice(0, 5);
          placeholder = input.placeholder;
          input.hide();
        }),
      ],
      Promise.resolve(undefined),
      'zh-cn',
    );
    assert.equal(report, undefined);
    assert.equal(screens[0]![0], '错误提示是什么？在哪里看到的？');
    assert.equal(placeholder, '原样粘贴页面显示的错误（文本或支付处理方的 JSON），或从下面选一条');
    assert.deepEqual(labels, ['在 ChatGPT 网页版', '在 ChatGPT 手机 App（iOS / Android）', '在 API 平台（platform.openai.com）', '其他地方', '您的银行卡被拒绝了。']);
  });
});
