/**
 * The failure reporting of `Notifier` under its former name, for test/integration/activation.test.ts.
 * New code uses `Notifier` (notifier.ts).
 */
export { Notifier as FailureReporter } from './notifier';
