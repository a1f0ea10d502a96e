import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { compileFastParser } from '../../src/core/fastParse';
import { parseReport, reportSchema } from '../../src/core/report';
import { reportArbitrary } from '../arbitraries';

/** A deep copy as JSON would give it, so each parser gets input nobody else holds. */
function copy<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Every field of a report by its path, plus keys the schema does not know. */
const PATHS = [
  'occurredAt', 'product', 'errorMessage', 'notes', 'card', 'billing', 'bank', 'connection',
  'card.kind', 'card.brand', 'card.bin', 'card.last4', 'card.issuerName', 'card.issuerCountry', 'card.expiry', 'card.dualCurrency',
  'billing.country', 'billing.postalCode', 'billing.matchesIssuer',
  'bank.internationalOnline', 'bank.balanceSufficient',
  'connection.vpn', 'connection.switchedRecently', 'connection.accessCountry',
  'extra', 'card.extra', 'billing.zip',
] as const;

/** Values that are valid somewhere, dirty somewhere (cleaning changes them), or wrong everywhere. */
const messyValue = fc.oneof(
  fc.constantFrom(
    ' cn ', 'us', 'CN', 'XX', '6214 8300', '4242', '42 42', '4242 4242 4242 4242', 'card 4242424242424242',
    '  padded  ', 'a\r\nb', 'bidi \u202e text', 'tab\there', '', '2025-11-27T10:31:00+08:00', '2025-11-27T10:31:00',
    '2028-06', ' 2028-06 ', '2028-13', '06/28', '6/2028', '13/28', '2028年6月', 'debit', 'visa', 'yes', 'maybe', 'chatgpt-web', 'CVC 123', '验证码 654321',
    'x'.repeat(5000), null, 0, 1, true, [], {}, ['yes'], { kind: 'debit' },
  ),
  fc.string({ maxLength: 20 }),
  fc.anything({ maxDepth: 2 }),
);

/** A valid report with a few fields replaced, removed or added. */
const messyReport = fc
  .tuple(
    reportArbitrary,
    fc.array(fc.record({ path: fc.constantFrom(...PATHS), value: messyValue, remove: fc.boolean() }), { maxLength: 4 }),
  )
  .map(([report, edits]) => {
    const input = copy(report) as Record<string, unknown>;
    for (const { path, value, remove } of edits) {
      const [first, second] = path.split('.') as [string, string | undefined];
      let target = input;
      let key = first;
      if (second !== undefined) {
        const parent = input[first];
        if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) continue;
        target = parent as Record<string, unknown>;
        key = second;
      }
      if (remove) delete target[key];
      else target[key] = value;
    }
    return input;
  });

describe('fast parse path', () => {
  it('compiles the report schema (so journal reads really take it)', () => {
    assert.ok(compileFastParser(reportSchema));
  });

  it('gives exactly what zod gives, or leaves the input to zod, for valid, dirty and wrong reports alike', () => {
    const fast = compileFastParser(reportSchema)!;
    let taken = 0;
    fc.assert(
      fc.property(fc.oneof(reportArbitrary, messyReport, fc.anything({ maxDepth: 3 })), (input) => {
        const report = fast(copy(input));
        if (report === undefined) return;
        taken++;
        assert.deepStrictEqual(parseReport(copy(input)), { ok: true, report });
      }),
      { numRuns: 3000 },
    );
    assert.ok(taken > 500, `the fast path answered only ${taken} of 3,000`);
  });

  it('accepts every clean report without zod, returning the very object it was given', () => {
    const fast = compileFastParser(reportSchema)!;
    fc.assert(
      fc.property(reportArbitrary, (input) => {
        const parsed = parseReport(input);
        assert.ok(parsed.ok);
        const stored = copy(parsed.report);
        assert.equal(fast(stored), stored);
      }),
      { numRuns: 500 },
    );
  });

  it('copies rather than changes what it cleans', () => {
    const input = { card: { issuerCountry: ' cn ', last4: '4242' }, notes: 'card 4242 4242 4242 4242 ' };
    const before = copy(input);
    assert.deepEqual(compileFastParser(reportSchema)!(input), { card: { issuerCountry: 'CN', last4: '4242' }, notes: 'card •••• 4242' });
    assert.deepEqual(input, before);
  });

  describe('on a schema of its own', () => {
    const schema = z.strictObject({
      name: z.string().check(z.overwrite((value) => value.trim()), z.regex(/^[a-z]+$/)),
      tag: z.optional(z.enum(['a', 'b'])),
      when: z.optional(z.iso.datetime({ offset: true })),
      even: z.optional(z.string().check(z.refine((value) => value.length % 2 === 0))),
    });
    const fast = compileFastParser(schema)!;

    it('runs overwrites, regexes, enums, formats and refinements as zod does', () => {
      assert.deepEqual(fast({ name: ' abc ', tag: 'a', when: '2025-11-27T10:31:00+08:00', even: 'xy' }), {
        name: 'abc', tag: 'a', when: '2025-11-27T10:31:00+08:00', even: 'xy',
      });
      for (const bad of [
        { name: 'ABC' }, { name: 'abc', tag: 'c' }, { name: 'abc', when: '2025-11-27T10:31:00' }, { name: 'abc', even: 'xyz' },
        { tag: 'a' }, { name: 'abc', other: 1 }, { name: 1 }, [{ name: 'abc' }], null, 'abc',
      ]) {
        assert.equal(fast(bad), undefined, JSON.stringify(bad));
        assert.equal(schema.safeParse(bad).success, false, JSON.stringify(bad));
      }
    });

    it('leaves an object without the usual prototype to zod, which copies it into a plain one', () => {
      const bare = Object.assign(Object.create(null) as object, { name: 'abc' });
      assert.equal(fast(bare), undefined);
      assert.equal(Object.getPrototypeOf(schema.parse(bare)), Object.prototype);
    });

    it('keeps a present undefined in an optional field, as zod does', () => {
      assert.deepStrictEqual(fast({ name: 'abc', tag: undefined }), schema.parse({ name: 'abc', tag: undefined }));
    });
  });

  it('declines schemas that use what it does not know, so zod alone judges them', () => {
    const unsupported = [
      z.strictObject({ count: z.number() }),
      z.object({ name: z.string() }),
      z.strictObject({ name: z.string().check(z.minLength(2)) }),
      z.strictObject({ mail: z.email() }),
      z.strictObject({ list: z.array(z.string()) }),
      z.strictObject({ nested: z.object({ name: z.string() }) }),
      z.strictObject({ name: z.string() }).check(z.refine(() => false)),
      z.strictObject({ tag: z.enum(['a', 'b']).check(z.refine(() => false)) }),
      z.strictObject({ name: z.optional(z.string()).check(z.refine(() => false)) }),
      z.strictObject({ name: z.exactOptional(z.string()) }),
      z.strictObject({ [Symbol('key')]: z.string() }),
      z.strictObject({ day: z.stringFormat('date', /^a$/) }),
      z.string(),
    ];
    for (const schema of unsupported) assert.equal(compileFastParser(schema as z.core.$ZodType), undefined);
  });
});
