/**
 * The one check of an email address's shape, shared by the extension's setting and the CLI's
 * `--email`: something, `@`, then dot-separated labels. Each part excludes the character that
 * ends it, so the match is linear whatever the input (the looser `[^\s@]+\.[^\s@]+` is
 * quadratic on a run of dots).
 */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** Whether `value` has the shape of an email address (`name@example.com`). Not a deliverability check. */
export function isEmailAddress(value: string): boolean {
  return EMAIL_SHAPE.test(value);
}
