/**
 * The texts that `tsx test/bench/bench.ts adversarial` times: each about 100 KB, each aimed at a
 * way a backtracking pattern goes super-linear (long runs one quantifier could hand to another,
 * thousands of starts that almost match), plus an honest big paste.
 */

/** What the bench can time; the journal task takes the line sizes as its inputs. */
export type AdversarialTask = 'redactSecrets' | 'recognizeDeclineMessages' | 'cleanFreeText' | 'parseJournalBytes';

/** One input's figures from the worker, medians in ms. */
export interface AdversarialResult {
  readonly index: number;
  readonly ms: number;
  readonly scanMs: number;
  /** The same on the input at half the size: ms / halfMs near 2 is linear, near 4 quadratic. */
  readonly halfMs: number;
}

/** The hand-edited machine lines the journal is read with: 1 MB and 10 MB. */
export const JOURNAL_LINE_BYTES: readonly number[] = [1024 * 1024, 10 * 1024 * 1024];

/** 100 KB, the size the targets are stated for. */
export const ADVERSARIAL_SIZE = 100 * 1024;

/** `unit` repeated to `size` characters (the last copy cut), after `head` and before `tail`. */
function filled(unit: string, head = '', tail = '', size = ADVERSARIAL_SIZE): string {
  const body = size - head.length - tail.length;
  return head + unit.repeat(Math.ceil(body / unit.length)).slice(0, body) + tail;
}

/** A Stripe-like error body, as people paste it from the browser's network tab. */
function pastedJson(size: number): string {
  const attempts: unknown[] = [];
  for (let index = 0; JSON.stringify(attempts, null, 2).length < size; index++) {
    attempts.push({
      error: {
        code: 'card_declined',
        decline_code: index % 2 === 0 ? 'do_not_honor' : 'generic_decline',
        message: 'Your card was declined.',
        param: '',
        type: 'card_error',
        request_log_url: `https://dashboard.example.com/logs/req_${String(100000 + index)}`,
        payment_method: { id: `pm_${index}`, card: { brand: 'visa', country: 'CN', exp_month: 12, exp_year: 2030, last4: '4242', funding: 'credit' } },
        charge: `ch_3Q${String(index).padStart(8, '0')}`,
        created: 1764200000 + index,
        amount: 2000,
      },
    });
  }
  return JSON.stringify(attempts, null, 2);
}

/** Name, and the text at a size; built on demand so a worker builds only the one it times. */
export const ADVERSARIAL_INPUTS: readonly { name: string; make: (size: number) => string }[] = [
  { name: 'spaces, then a letter', make: (size) => filled(' ', 'cvv', 'x', size) },
  { name: 'tabs and spaces after a number', make: (size) => filled(' \t', '4242', 'x', size) },
  { name: 'line breaks after a short number', make: (size) => filled('\n', '123', 'x', size) },
  { name: 'CRLF runs after a short number', make: (size) => filled('\r\n', '4242 ', 'x', size) },
  { name: 'one long digit run', make: (size) => filled('1', '', '', size) },
  { name: 'digits, then a letter', make: (size) => filled('4', '', 'x', size) },
  { name: '1-1-1-…', make: (size) => filled('1-', '', '', size) },
  { name: '1 . 1 . …', make: (size) => filled('1 . ', '', '', size) },
  { name: '1 - 1 - … (full-width)', make: (size) => filled('１ － ', '', '', size) },
  { name: 'digits between zero-width spaces', make: (size) => filled('1\u200b', '', '', size) },
  { name: 'digits between soft hyphens and joiners', make: (size) => filled('4\u00ad\u200d', '', '', size) },
  { name: '"cvv: " repeated', make: (size) => filled('cvv: ', '', '', size) },
  { name: '"cvv: 1" repeated', make: (size) => filled('cvv: 1 ', '', '', size) },
  { name: '"验证码" repeated', make: (size) => filled('验证码', '', '', size) },
  { name: '"验证码 1" repeated', make: (size) => filled('验证码 1 ', '', '', size) },
  { name: '"one time code is " repeated', make: (size) => filled('one time code is ', '', '', size) },
  { name: '"card was declined" repeated', make: (size) => filled('card was declined ', '', '', size) },
  { name: '"your card was " repeated', make: (size) => filled('your card was ', '', '', size) },
  { name: '"支付失败" repeated', make: (size) => filled('支付失败，', '', '', size) },
  { name: '"payment … not authorized" near-misses', make: (size) => filled('payment was not really ', '', '', size) },
  { name: '100 KB pasted JSON', make: pastedJson },
];

/** Bytes of a journal whose one entry is a hand-edited machine line of about `lineBytes`. */
export function journalWithLongLine(marker: string, lineBytes: number): Uint8Array {
  const header = '# Card failures\n\n## 2025-11-27 12:00 · ChatGPT (web)\n\n';
  const head = `${marker}v1 {"occurredAt":"2025-11-27T12:00:00Z","report":{"status":"declined","errorMessage":"`;
  const tail = '"}} -->\n';
  // Digits and spaces, as if someone pasted a long log into the JSON by hand.
  const line = filled('4242 1 ', head, tail, lineBytes);
  return new TextEncoder().encode(header + line + '\nA note after the entry.\n');
}
