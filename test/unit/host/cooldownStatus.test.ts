/**
 * The status bar's countdown: the article's 24-hour wait, counted from a fixed clock, in the UI's
 * language, gone when there is no wait (no journal, one attempt, or the wait is over).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { CooldownStatus } from '../../../src/host/cooldownStatus';
import { fake, resetFake, type FakeLogOutputChannel, type FakeStatusBarItem } from '../../fakes/vscode/harness';
import { validReport } from '../../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');

/** Two cards tried within the hour, the latest at 11:30 in Beijing (03:30 UTC). */
const TWO_CARDS = [
  validReport({ occurredAt: '2025-11-27T10:30:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'visa', last4: '4242' } }),
  validReport({ occurredAt: '2025-11-27T11:30:00+08:00', errorMessage: 'Your card was declined.', card: { brand: 'mastercard', last4: '5555' } }),
];

describe('host CooldownStatus', () => {
  let status: CooldownStatus;
  let item: FakeStatusBarItem;
  let log: FakeLogOutputChannel;

  beforeEach(async () => {
    await resetFake();
  });

  afterEach(() => status.dispose());

  function build(language: string): void {
    fake.env.language = language;
    log = vscode.window.createOutputChannel('Card Doctor', { log: true }) as unknown as FakeLogOutputChannel;
    status = new CooldownStatus(() => NOW, log as unknown as vscode.LogOutputChannel);
    item = fake.window.statusBarItems[0]!;
  }

  it('is one item on the left that opens the journal, hidden until there is a wait', () => {
    build('en');
    assert.equal(fake.window.statusBarItems.length, 1);
    assert.equal(item.id, 'cardDoctor.cooldown');
    assert.equal(item.alignment, vscode.StatusBarAlignment.Left);
    assert.equal(item.name, 'Card Doctor: wait before trying again');
    assert.equal(item.command, 'cardDoctor.openJournal');
    assert.equal(item.visible, false);
  });

  it('counts down in English from the latest attempt of the journal', () => {
    build('en');
    status.showFrom(TWO_CARDS);
    assert.equal(item.visible, true);
    assert.deepEqual(status.state, {
      visible: true,
      text: '$(watch) Wait 23h 30m',
      label: 'Card Doctor: wait 23h 30m before trying to add a card again',
      tooltip:
        'More than one card was tried in the last 24 hours; the article advises waiting 24 hours. Wait until 2025-11-28 11:30 UTC+08:00 (23h 30m from now) before trying again or trying another card.\nClick to open the journal.',
    });
    assert.deepEqual(log.at('debug'), ['cooldown: until 2025-11-28T03:30:00.000Z (card-changed), from 2 journal entries']);
  });

  it('counts down in Simplified Chinese in a Chinese UI', () => {
    build('zh-cn');
    assert.equal(item.name, '绑卡医生：再次绑卡前的等待期');
    status.showFrom(TWO_CARDS);
    assert.deepEqual(status.state, {
      visible: true,
      text: '$(watch) 等待 23 小时 30 分钟',
      label: '绑卡医生：请等待 23 小时 30 分钟 后再绑卡',
      tooltip: '过去 24 小时内用过不止一张卡；文章建议先等 24 小时。请等到 2025-11-28 11:30 UTC+08:00（还有 23 小时 30 分钟）再重试或换卡。\n点击打开失败日志。',
    });
  });

  it('counts down in Traditional Chinese in a Traditional Chinese UI', () => {
    build('zh-tw');
    assert.equal(item.name, '綁卡醫生：再次綁卡前的等待期');
    status.showFrom(TWO_CARDS);
    assert.deepEqual(status.state, {
      visible: true,
      text: '$(watch) 等待 23 小時 30 分鐘',
      label: '綁卡醫生：請等待 23 小時 30 分鐘 後再綁卡',
      tooltip: '過去 24 小時內用過不止一張卡；文章建議先等 24 小時。請等到 2025-11-28 11:30 UTC+08:00（還有 23 小時 30 分鐘）再重試或換卡。\n點選開啟失敗日誌。',
    });
  });

  it('rounds a part of a minute up and writes the end in the offset it is given', () => {
    build('en');
    status.update({ until: '2025-11-27T05:00:30Z', reason: 'repeated-attempts' }, -300);
    assert.equal(status.state.text, '$(watch) Wait 1h 1m');
    assert.equal(
      status.state.tooltip,
      'Several attempts were made in the last 24 hours; the article advises waiting 24 hours. Wait until 2025-11-27 00:00 UTC-05:00 (1h 1m from now) before trying again or trying another card.\nClick to open the journal.',
    );
  });

  it('is hidden when there is no journal, or one attempt', () => {
    build('en');
    status.showFrom([]);
    assert.equal(item.visible, false);
    status.showFrom(TWO_CARDS.slice(0, 1));
    assert.equal(item.visible, false);
    assert.equal(status.state.visible, false);
    assert.deepEqual(log.at('debug'), ['cooldown: none, from 0 journal entries', 'cooldown: none, from 1 journal entries']);
  });

  it('goes when the wait is cleared or already over', () => {
    build('en');
    status.showFrom(TWO_CARDS);
    assert.equal(item.visible, true);
    status.update(null);
    assert.equal(item.visible, false);
    status.update({ until: '2025-11-27T03:59:59Z', reason: 'repeated-attempts' });
    assert.equal(item.visible, false);
    assert.equal(status.state.visible, false);
  });

  it('takes its item away when disposed', () => {
    build('en');
    status.showFrom(TWO_CARDS);
    status.dispose();
    assert.equal(item.disposed, true);
    assert.equal(item.visible, false);
  });
});
