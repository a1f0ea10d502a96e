/**
 * Whether the person's own words place the purchase in an app store: the error they saw or
 * their notes name an in-app purchase, the App Store, Google Play or an Apple ID. The domain
 * page counts "store messages" as evidence that the store, not the web card form, charged the
 * card. Only naming the store counts: "Apple Pay" is a wallet used on the web too, and "US
 * region" alone is as often a VPN node as a store.
 */

/** In-app and store wording in English, Simplified and Traditional Chinese. */
const STORE_WORDS =
  /in[- ]?app (?:purchases?|subscriptions?|billing)|app ?store|google play|play store|apple id|itunes|应用内购买|應用程式內購買|内购|內購|苹果商店|蘋果商店|谷歌商店/i;

/** Text beyond this adds nothing and would only cost time. */
const MAX_TEXT_LENGTH = 8000;

/** The store wording found in `texts` (the error message, the notes), as typed, or `undefined`. */
export function storePurchaseMention(...texts: readonly (string | undefined)[]): string | undefined {
  for (const text of texts) {
    if (!text) continue;
    const match = STORE_WORDS.exec(text.slice(0, MAX_TEXT_LENGTH).normalize('NFKC'));
    if (match) return match[0];
  }
  return undefined;
}
