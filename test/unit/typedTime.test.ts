import assert from 'node:assert/strict';
import { formatTypedTime, parseTypedTime } from '../../src/core/typedTime';

// 2026-12-01 22:30 in Beijing (UTC+08:00).
const NOW = new Date('2026-12-01T14:30:00Z');
const BEIJING = 480;

function iso(text: string, now = NOW, offset = BEIJING): string | undefined {
  const result = parseTypedTime(text, now, offset);
  return result.ok ? result.iso : undefined;
}

describe('parseTypedTime', () => {
  it('reads a time alone as today in the given offset', () => {
    assert.equal(iso('22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('22:10:05'), '2026-12-01T22:10:05+08:00');
    assert.equal(iso('9:05'), '2026-12-01T09:05:00+08:00');
    assert.equal(iso('22:30'), '2026-12-01T22:30:00+08:00', 'the current minute is today');
  });

  it('reads a time alone that is later than now as yesterday', () => {
    assert.equal(iso('22:31'), '2026-11-30T22:31:00+08:00');
    assert.equal(iso('23:50'), '2026-11-30T23:50:00+08:00');
    // Just after midnight in Beijing: 23:50 was the evening before, 00:05 was this morning.
    const justAfterMidnight = new Date('2026-11-30T16:10:00Z');
    assert.equal(iso('23:50', justAfterMidnight), '2026-11-30T23:50:00+08:00');
    assert.equal(iso('00:05', justAfterMidnight), '2026-12-01T00:05:00+08:00');
    assert.equal(iso('0:00', justAfterMidnight), '2026-12-01T00:00:00+08:00');
  });

  it('takes today in the typed offset, not the machine one, for a time alone with an offset', () => {
    // 14:30 UTC is 09:30 in New York: 09:00 there is today, 10:00 yesterday.
    assert.equal(iso('09:00 -05:00'), '2026-12-01T09:00:00-05:00');
    assert.equal(iso('10:00-05:00'), '2026-11-30T10:00:00-05:00');
    assert.equal(iso('14:00Z'), '2026-12-01T14:00:00+00:00');
    // India's half-hour offset, no daylight saving: 20:00 UTC+05:30 is 14:30 UTC.
    assert.equal(iso('20:00 UTC+05:30'), '2026-12-01T20:00:00+05:30');
    assert.equal(iso('20:01 UTC+05:30'), '2026-11-30T20:01:00+05:30');
  });

  it('reads dates with dashes, slashes, dots or 年月日, with a space or T', () => {
    assert.equal(iso('2026-12-01 22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026/12/1 22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026.12.01 8:10'), '2026-12-01T08:10:00+08:00');
    assert.equal(iso('2026-12-01T22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026年12月1日 22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026年12月1日22:10'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('  2026-12-01   22:10  '), '2026-12-01T22:10:00+08:00');
  });

  it('reads every way of writing the offset', () => {
    assert.equal(iso('2026-12-01 22:10 +08:00'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 22:10+0800'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 22:10 UTC+8'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 22:10 utc+8'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 22:10 GMT-3'), '2026-12-01T22:10:00-03:00');
    assert.equal(iso('2026-12-01 22:10Z'), '2026-12-01T22:10:00+00:00');
    assert.equal(iso('2026-12-01 22:10 UTC'), '2026-12-01T22:10:00+00:00');
    assert.equal(iso('2026-12-01 22:10 UTC+09:30'), '2026-12-01T22:10:00+09:30');
  });

  it('reads full ISO 8601, dropping a fraction of a second', () => {
    assert.equal(iso('2025-11-27T10:31:00+08:00'), '2025-11-27T10:31:00+08:00');
    assert.equal(iso('2025-11-27T10:31:07.123Z'), '2025-11-27T10:31:07+00:00');
    assert.equal(iso('2025-11-27T10:31:00-05:00', NOW, 0), '2025-11-27T10:31:00-05:00');
  });

  it('folds full-width digits, colon and plus, as a Chinese IME types them', () => {
    assert.equal(iso('２２：１０'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('２０２６－１２－０１　２２：１０'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 22:10 ＵＴＣ＋８'), '2026-12-01T22:10:00+08:00');
  });

  it('reads back its own display form', () => {
    assert.equal(iso('2026-12-01 22:10 UTC+08:00'), '2026-12-01T22:10:00+08:00');
    assert.equal(iso('2026-12-01 09:10 UTC-05:00', NOW, 0), '2026-12-01T09:10:00-05:00');
  });

  it('refuses what is not a real time', () => {
    for (const text of [
      '', 'now', '2210', '22', '24:00', '22:60', '22:10:60', '2026-02-29 10:00', '2026-13-01 10:00',
      '2026-00-10 10:00', '2026-04-31 10:00', '2026-12-01', '12/01 22:10', '22:10 +15:00', '22:10 -13:00',
      '22:10 +08:60', '22:10 PST', '2026-12-01 22:10 +08:00 extra', '１２３４５６７８',
    ]) {
      assert.deepEqual(parseTypedTime(text, NOW, BEIJING), { ok: false }, JSON.stringify(text));
    }
    assert.equal(iso('2028-02-29 10:00'), '2028-02-29T10:00:00+08:00', 'a leap day is real');
  });

  it('reads nothing longer than 48 characters', () => {
    assert.deepEqual(parseTypedTime(`${' '.repeat(40)}2026-12-01 22:10`, NOW, BEIJING), { ok: false });
    assert.deepEqual(parseTypedTime('2'.repeat(100_000), NOW, BEIJING), { ok: false });
  });
});

describe('formatTypedTime', () => {
  it('shows a time in the one display form, in its own offset', () => {
    assert.equal(formatTypedTime('2026-12-01T22:10:05+08:00'), '2026-12-01 22:10 UTC+08:00');
    assert.equal(formatTypedTime('2026-12-01T22:10:05.5-05:00'), '2026-12-01 22:10 UTC-05:00');
    assert.equal(formatTypedTime('2026-12-01T22:10:05Z'), '2026-12-01 22:10 UTC+00:00');
    assert.equal(formatTypedTime('not a time'), 'not a time');
  });

  it('shows a half-hour offset and a date that does not exist as they are', () => {
    assert.equal(formatTypedTime('2025-11-27T10:31:00+05:30'), '2025-11-27 10:31 UTC+05:30');
    assert.equal(formatTypedTime('2026-13-45T10:31:00+08:00'), '2026-13-45T10:31:00+08:00');
  });
});
