/**
 * The closed answers of a report's choice fields, on their own so the sidebar's webview can
 * name them (for its protocol's schemas) without bundling the report schema, which it never runs:
 * the host validates every report.
 */

/** Where the card was added. */
export const PRODUCTS = ['chatgpt-web', 'chatgpt-app', 'api-platform', 'other'] as const;
/** What kind of card it is. */
export const CARD_KINDS = ['credit', 'debit', 'virtual', 'prepaid', 'gift', 'unknown'] as const;
/** The card's network. */
export const CARD_BRANDS = ['visa', 'mastercard', 'amex', 'unionpay', 'jcb', 'discover', 'other', 'unknown'] as const;
/** A yes/no question's answers, "not sure" included. */
export const TRI_STATES = ['yes', 'no', 'unknown'] as const;
