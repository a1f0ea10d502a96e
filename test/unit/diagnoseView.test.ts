/**
 * The diagnosis view's history line (issue 10): what the journal holds, and what recording the
 * attempt on screen would change, in both languages, with the words written out.
 */
import assert from 'node:assert/strict';
import type { Lang } from '../../src/core/catalogue';
import { diagnose } from '../../src/core/diagnose';
import { ordinal, viewDiagnosis } from '../../src/core/diagnosisView';
import type { Report } from '../../src/core/report';
import { validReport as report } from '../validReport';

const NOW = new Date('2025-11-27T04:00:00Z');

function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

function declined(minutes: number, last4 = '4242'): Report {
  return report({ occurredAt: minutesAgo(minutes), errorMessage: 'Your card was declined.', card: { brand: 'visa', last4 } });
}

function line(input: Report, history: readonly Report[], lang: Lang): string {
  return viewDiagnosis(diagnose(input, history, NOW), lang, NOW).historyLine;
}

describe('diagnosis view: the journal’s count and what recording would change', () => {
  it('English ordinals', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 10, 11, 12, 13, 14, 21, 22, 23, 101, 111, 112, 113, 121].map(ordinal),
      ['1st', '2nd', '3rd', '4th', '10th', '11th', '12th', '13th', '14th', '21st', '22nd', '23rd', '101st', '111th', '112th', '113th', '121st'],
    );
  });

  it('an empty form on a journal of one attempt an hour ago: one attempt, and nothing about recording', () => {
    assert.equal(line(report({}), [declined(60)], 'en'), 'Last 24 hours in the journal: 1 attempt, 1 card.');
    assert.equal(line(report({}), [declined(60)], 'zh-cn'), '失败日志中过去 24 小时：绑卡 1 次，用了 1 张卡。');
  });

  it('an empty journal and a first attempt: not in the journal yet', () => {
    const first = declined(0);
    assert.equal(line(first, [], 'en'), 'No attempts in the journal in the last 24 hours. This attempt is not in the journal yet.');
    assert.equal(line(first, [], 'zh-cn'), '失败日志中过去 24 小时没有记录。这次绑卡还没有记入失败日志。');
  });

  it('a second attempt on the same card would start the 24-hour wait', () => {
    assert.equal(
      line(declined(0), [declined(60)], 'en'),
      'Last 24 hours in the journal: 1 attempt, 1 card. Recording this attempt would make it the 2nd in 24 hours and start a 24-hour wait.',
    );
    assert.equal(line(declined(0), [declined(60)], 'zh-cn'), '失败日志中过去 24 小时：绑卡 1 次，用了 1 张卡。若记入失败日志，这将是 24 小时内的第 2 次绑卡，并开始 24 小时的等待期。');
  });

  it('a third attempt, on a second card, while the journal already calls for a wait: it would restart', () => {
    const history = [declined(120), declined(60)];
    assert.equal(
      line(declined(0, '1111'), history, 'en'),
      'Last 24 hours in the journal: 2 attempts, 1 card. Recording this attempt would make it the 3rd in 24 hours, with a 2nd card, and restart the 24-hour wait.',
    );
    assert.equal(
      line(declined(0, '1111'), history, 'zh-cn'),
      '失败日志中过去 24 小时：绑卡 2 次，用了 1 张卡。若记入失败日志，这将是 24 小时内的第 3 次绑卡、用到的第 2 张卡，等待期也将从这次起重新计算 24 小时。',
    );
  });

  it('an attempt between two recorded ones: its place among them, and no change to the wait', () => {
    const history = [declined(180), declined(30)];
    assert.equal(line(declined(90), history, 'en'), 'Last 24 hours in the journal: 2 attempts, 1 card. Recording this attempt would make it the 2nd of 3 in 24 hours.');
    assert.equal(line(declined(90), history, 'zh-cn'), '失败日志中过去 24 小时：绑卡 2 次，用了 1 张卡。若记入失败日志，这将是 24 小时内 3 次绑卡中的第 2 次。');
  });

  it('an attempt the journal holds says so, and counts once', () => {
    const history = [declined(60), declined(0)];
    assert.equal(line(declined(0), history, 'en'), 'Last 24 hours in the journal: 2 attempts, 1 card. This attempt is in the journal.');
    assert.equal(line(declined(0), history, 'zh-cn'), '失败日志中过去 24 小时：绑卡 2 次，用了 1 张卡。这次绑卡已记入失败日志。');
  });

  it('an attempt more than 24 hours ago changes no count', () => {
    assert.equal(
      line(declined(25 * 60), [declined(60)], 'en'),
      'Last 24 hours in the journal: 1 attempt, 1 card. This attempt was more than 24 hours ago: recording it adds it to the timeline but changes no count and no wait.',
    );
    assert.equal(
      line(declined(25 * 60), [declined(60)], 'zh-cn'),
      '失败日志中过去 24 小时：绑卡 1 次，用了 1 张卡。这次绑卡发生在 24 小时以前：记入失败日志会补全时间线，但不改变次数，也不改变等待期。',
    );
  });

  it('no card told apart (brand and country, no last 4): the attempts alone, never “0 cards”', () => {
    const noLast4 = report({ occurredAt: minutesAgo(60), card: { brand: 'unionpay', issuerCountry: 'CN' } });
    assert.equal(line(report({}), [noLast4], 'en'), 'Last 24 hours in the journal: 1 attempt.');
    assert.equal(line(report({}), [noLast4], 'zh-cn'), '失败日志中过去 24 小时：绑卡 1 次。');
    assert.equal(line(report({}), [noLast4, report({ occurredAt: minutesAgo(30), errorMessage: '卡片无效' })], 'en'), 'Last 24 hours in the journal: 2 attempts.');
  });
});
