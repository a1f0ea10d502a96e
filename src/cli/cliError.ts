/**
 * Expected failures of a command: bad input (exit 2, with every problem listed) or a usage
 * mistake. Anything else that escapes a command is unexpected (exit 1).
 */
export class InputError extends Error {
  /** `exitCode`: 2 for bad input; 3 when the input is sound but the command refuses it (a duplicate journal entry). */
  constructor(
    readonly problems: readonly string[],
    readonly exitCode: 2 | 3 = 2,
  ) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}
