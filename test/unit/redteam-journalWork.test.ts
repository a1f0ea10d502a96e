/**
 * Red team (issue 14 round): an open journal is read on the extension host's one thread, again
 * after every pause in typing, so a crafted journal must not hold it for seconds. The header of
 * journalOutline.ts promises that work is capped; these journals are well under what VS Code
 * hands an extension (50 MB). The bound is generous (a 2-core machine shared by several runs):
 * a capped reader takes a fraction of it.
 */
import assert from 'node:assert/strict';
import { journalOutline } from '../../src/core/journalOutline';

const BOUND_MS = 3000;

function timed(text: string): number {
  const start = performance.now();
  journalOutline(text, 'en');
  return performance.now() - start;
}

describe('red team: crafted journals do not hold the editor', function () {
  // A failing run reads each journal in full (10-17 s today); the bound is checked inside.
  this.timeout(60_000);
  it('100 000 lines, each a full card number (1.8 MB, CRLF), are read within 3 s', () => {
    const text = Array.from({ length: 100_000 }, () => '4532015112830366').join('\r\n');
    assert.equal(text.length, 1_799_998);
    const ms = timed(text);
    assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
  });

  it('100 000 lines of "CVC 123 code 456789 otp 1234" (2.9 MB) are read within 3 s', () => {
    const text = Array.from({ length: 100_000 }, () => 'CVC 123 code 456789 otp 1234').join('\n');
    const ms = timed(text);
    assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
  });

  it('90 000 entries that are duplicates of 60 (10 MB) are read within 3 s', () => {
    const entry = (index: number) =>
      `## Attempt\n<!-- card-doctor:entry v1 {"occurredAt":"2025-11-27T10:${String(index % 60).padStart(2, '0')}:00+08:00","report":{"card":{"last4":"0366"}}} -->`;
    const text = Array.from({ length: 90_000 }, (_, index) => entry(index)).join('\n');
    assert.ok(text.length > 10_000_000);
    const ms = timed(text);
    assert.ok(ms < BOUND_MS, `took ${Math.round(ms)} ms`);
  });
});
