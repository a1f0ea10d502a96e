/**
 * Expected failures of a command: bad input (exit 2, with every problem listed) or a usage
 * mistake. Anything else that escapes a command is unexpected (exit 1).
 */
export class InputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}
