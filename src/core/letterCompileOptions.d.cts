/** Types for `letterCompileOptions.cjs`: see there. */
export declare const LETTER_HELPER_NAMES: readonly string[];
export declare function letterCompileOptions(): {
  strict: true;
  knownHelpersOnly: true;
  noEscape: true;
  knownHelpers: Record<string, boolean>;
};
