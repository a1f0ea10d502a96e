/**
 * The stable cause ids of `../shared/domain.md`. They are a public contract: the CLI's JSON,
 * the journal, the templates and the tests all use them, so they never change spelling.
 */
export const CAUSE_IDS = [
  'region-unsupported',
  'billing-mismatch',
  'card-details-invalid',
  'international-payments-disabled',
  'card-type-restricted',
  'network-anomaly',
  'retry-velocity',
  'authentication-failed',
  'insufficient-funds',
  'app-store-billing',
] as const;

/** One of {@link CAUSE_IDS}. */
export type CauseId = (typeof CAUSE_IDS)[number];
