import * as vscode from 'vscode';
import { BRAND_NAMES, type Lang } from '../../core/catalogue';
import { rankedCountryOptions } from '../../core/countries';
import { DECLINE_MESSAGES } from '../../core/declineMessages';
import { say, sayMaybe } from '../../core/language';
import { CARD_BRANDS } from '../../core/report';
import type { Choices, InitMessage, UiStrings } from '../../protocol/messages';

/**
 * Every word the form shows, in the UI language. The webview has no l10n of its own: it gets
 * these once, in `init`. Labels are the wizard's questions where the two ask the same thing, so
 * the palette and the sidebar read alike (and share their translations).
 */
export function formStrings(): UiStrings {
  return {
    formLabel: vscode.l10n.t('The failed attempt'),
    sectionAttempt: vscode.l10n.t('The attempt'),
    sectionCard: vscode.l10n.t('The card'),
    sectionBilling: vscode.l10n.t('Billing address'),
    sectionBank: vscode.l10n.t('The bank'),
    sectionConnection: vscode.l10n.t('The connection'),
    sectionNotes: vscode.l10n.t('Notes'),
    occurredAt: vscode.l10n.t('When did it fail?'),
    occurredAtHint: vscode.l10n.t('Type the time as you like: 22:10, or 2026-12-01 22:10. Add an offset such as +08:00 if it was not this computer’s time zone.'),
    // A template: the webview puts the time it read in place of {0}.
    occurredAtReading: vscode.l10n.t('Read as {0}', '{0}'),
    occurredAtUnreadable: vscode.l10n.t('The time could not be read. Type it as 22:10, 2026-12-01 22:10 or 2026-12-01 22:10 +08:00.'),
    now: vscode.l10n.t('Now'),
    product: vscode.l10n.t('Where did you add the card?'),
    errorMessage: vscode.l10n.t('What did the error say?'),
    errorMessagePlaceholder: vscode.l10n.t('Paste the error exactly as shown (text or the processor’s JSON), or pick one'),
    knownMessage: vscode.l10n.t('Or pick a known message'),
    knownMessageNone: vscode.l10n.t('Pick a known message…'),
    cardKind: vscode.l10n.t('What kind of card is it?'),
    cardBrand: vscode.l10n.t('Which card brand?'),
    bin: vscode.l10n.t('First 6-8 digits of the card (optional)'),
    binHint: vscode.l10n.t('Only the first 6-8 digits. Never the full number, the CVC or a one-time code.'),
    last4: vscode.l10n.t('Last 4 digits of the card'),
    issuerName: vscode.l10n.t('Which bank issued the card?'),
    issuerCountry: vscode.l10n.t('Where was the card issued?'),
    countryPlaceholder: vscode.l10n.t('Type a country name or code'),
    expiry: vscode.l10n.t('Card expiry (optional)'),
    expiryHint: vscode.l10n.t('Month and year as printed on the card, e.g. 06/28.'),
    billingCountry: vscode.l10n.t('Billing address country'),
    postalCode: vscode.l10n.t('Billing postal code (optional)'),
    matchesIssuer: vscode.l10n.t('Does the billing address match what the bank has on file?'),
    internationalOnline: vscode.l10n.t('Are international online payments enabled on the card?'),
    balanceSufficient: vscode.l10n.t('Is the balance or credit limit sufficient?'),
    vpn: vscode.l10n.t('Were you using a VPN or proxy?'),
    switchedRecently: vscode.l10n.t('Did you switch network, node or region shortly before?'),
    accessCountry: vscode.l10n.t('Which country were you connecting from?'),
    notes: vscode.l10n.t('Anything else (optional)'),
    notesHint: vscode.l10n.t('For your journal and letters. Never a card number, CVC or code.'),
    notAnswered: vscode.l10n.t('Not answered'),
    maskedNote: vscode.l10n.t(
      'This looked like a full card number, so it was masked. Card Doctor needs at most the first 6-8 and the last 4 digits, and never keeps more.',
    ),
    maskedCodeNote: vscode.l10n.t('This looked like a CVC or a one-time code, so it was masked. Card Doctor never keeps them.'),
    saveJournal: vscode.l10n.t('Save to Journal'),
    generateAppeal: vscode.l10n.t('Generate Appeal'),
    generateBankInquiry: vscode.l10n.t('Generate Bank Inquiry'),
    loadLastAttempt: vscode.l10n.t('Load Last Attempt'),
    noLastAttempt: vscode.l10n.t('The journal has no attempt yet.'),
    clear: vscode.l10n.t('Clear'),
    working: vscode.l10n.t('Working…'),
    diagnosisLabel: vscode.l10n.t('Live diagnosis'),
    // A template: the webview puts the time left in place of {0} every second.
    cooldownLeft: vscode.l10n.t('Time left: {0}', '{0}'),
    actionsLabel: vscode.l10n.t('Actions'),
    inferredTag: vscode.l10n.t('Inferred'),
    // Templates: the webview puts the inferred value in place of {0}, what it was inferred from in place of {1}.
    inferredFromDigits: vscode.l10n.t('{0} — from the first digits {1}', '{0}', '{1}'),
    inferredFromBank: vscode.l10n.t('{0} — from the bank’s name “{1}”', '{0}', '{1}'),
    inferredFromBrand: vscode.l10n.t('{0} — from the card brand ({1})', '{0}', '{1}'),
    acceptInferred: vscode.l10n.t('Use'),
  };
}

function triStateLabel(value: 'yes' | 'no' | 'unknown'): string {
  return value === 'yes' ? vscode.l10n.t('Yes') : value === 'no' ? vscode.l10n.t('No') : vscode.l10n.t('Not sure');
}

/** The selects' options. The labels of products and tri-states are the wizard's. */
export function formChoices(lang: Lang): Choices {
  return {
    product: [
      { value: 'chatgpt-web', label: vscode.l10n.t('ChatGPT on the web') },
      { value: 'chatgpt-app', label: vscode.l10n.t('ChatGPT mobile app (iOS / Android)') },
      { value: 'api-platform', label: vscode.l10n.t('API platform (platform.openai.com)') },
      { value: 'other', label: vscode.l10n.t('Something else') },
    ],
    kind: [
      { value: 'credit', label: vscode.l10n.t('Credit card') },
      { value: 'debit', label: vscode.l10n.t('Debit card') },
      { value: 'virtual', label: vscode.l10n.t('Virtual card') },
      { value: 'prepaid', label: vscode.l10n.t('Prepaid card') },
      { value: 'gift', label: vscode.l10n.t('Gift card') },
      { value: 'unknown', label: triStateLabel('unknown') },
    ],
    brand: CARD_BRANDS.map((value) => ({
      value,
      label: value === 'other' ? vscode.l10n.t('Another brand') : value === 'unknown' ? triStateLabel('unknown') : (sayMaybe(BRAND_NAMES[value], lang) ?? value),
    })),
    triState: (['yes', 'no', 'unknown'] as const).map((value) => ({ value, label: triStateLabel(value) })),
  };
}

/** The parts of `init` that depend only on the language. */
export function staticInit(lang: Lang): Pick<InitMessage, 'lang' | 'strings' | 'choices' | 'countries' | 'declineMessages'> {
  const { likely, others } = rankedCountryOptions(lang);
  return {
    lang,
    strings: formStrings(),
    choices: formChoices(lang),
    // The likely countries first (mainland China, Hong Kong…), then all others by name in the UI language.
    countries: [...likely, ...others],
    declineMessages: DECLINE_MESSAGES.map((message) => ({ id: message.id, text: say({ en: message.en, 'zh-cn': message.zhCn }, lang) })),
  };
}
