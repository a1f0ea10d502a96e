/**
 * The evidence pack: the files a person attaches to an appeal or brings to the bank, built from
 * the failure journal. Pure: the journal's entries and `now` in, `{ path, text }` out; the CLI and
 * the extension write them into a new folder. Every text is checked for a card number, a CVC and
 * a one-time code before it is returned, so a pack that would leak one is never written at all.
 */
import { bankAnswerItems, bankAnswerTitle, type BankAnswer } from './bankAnswer';
import type { Lang } from './catalogue';
import { PRODUCT_NAMES } from './catalogue';
import { diagnose } from './diagnose';
import { viewDiagnosis, type DiagnosisView } from './diagnosisView';
import { cardName, inlineText, journalReports, type JournalEntry } from './journal';
import { labelsFor, say } from './language';
import { letterLangFor, type LetterKind, type LetterLanguageSetting } from './letterKinds';
import { PLAIN_TEXT_LIMIT } from './plainText';
import { bankLanguage, phoneScriptMarkdown } from './phoneScript';
import { formatLocalTime, offsetOf } from './localTime';
import { containsSecret } from './redact';
import type { Report } from './report';
import { SUPPORTED_REGIONS } from './supportedRegions';

/** One file of a pack: a path relative to the pack's folder, and its text. */
export interface PackFile {
  path: string;
  text: string;
}

/** What a pack is built from. */
export interface EvidencePackInput {
  /** The journal's entries, oldest first (as `parseJournal` returns them); at least one. */
  entries: readonly JournalEntry[];
  /** The moment the pack is written: the diagnosis and the snapshot's age are reckoned at it. */
  now: Date;
  /** The reader's language. */
  lang: Lang;
  /** What the bank said, from the journal's bank answers (`parseBankAnswers`), oldest first: listed after the attempts in the timeline. */
  bankAnswers?: readonly BankAnswer[];
  /** Files to add after the built-in ones and the letters, each checked like the rest. */
  extraFiles?: readonly PackFile[];
  /** The letters: the person's own from the letters' folder, and fresh ones for the kinds missing there. */
  letters?: PackLettersInput;
}

/** Why a letter of the person's was left out of the pack. */
export type LeftOutReason =
  /** It holds what looks like a full card number, a CVC or a one-time code ({@link containsSecret}). */
  | 'secret'
  /** It is larger than {@link PACK_LETTER_LIMIT_BYTES}: not read. */
  | 'too-large'
  /** It leads outside the folder through a symbolic link: not read. */
  | 'outside'
  /** It is a symbolic link where its target cannot be checked (folders only workspace.fs reaches): not read. */
  | 'link';

/** A file from the letters' folder as the reader found it: its text, or why it was not read. */
export type FoundLetter = { file: string; text: string } | { file: string; unread: Exclude<LeftOutReason, 'secret'> };

/** A built-in letter rendered fresh from the last attempt, for a kind the letters' folder had none of. */
export interface FreshLetter {
  kind: LetterKind;
  text: string;
}

/** The letters a pack holds. */
export interface PackLettersInput {
  /** The files {@link lettersToPack} named, as read from the letters' folder. */
  own: readonly FoundLetter[];
  /** One per kind {@link lettersToRender} gave, in the language {@link freshLetterLang} gives. */
  fresh: readonly FreshLetter[];
}

/** A letter of the person's not copied into the pack, and why: the pack's about.md says so too. */
export interface LeftOutLetter {
  file: string;
  reason: LeftOutReason;
}

/**
 * The largest letter of the person's copied into a pack: as large as a letter the extension
 * copies as text ({@link PLAIN_TEXT_LIMIT}, 1 MB). The readers check the file's size before reading it.
 */
export const PACK_LETTER_LIMIT_BYTES = PLAIN_TEXT_LIMIT;

/** The supported-countries snapshot counts as old, and the pack says so, after this many days. */
export const SNAPSHOT_WARNING_DAYS = 180;

/**
 * The most recent attempts the timeline lists. A journal may hold tens of thousands; support and
 * a bank read the last few, and a longer timeline says how many earlier ones it leaves out.
 */
export const TIMELINE_LIMIT = 200;

/** Where the diagnosis rules come from, and when those sources were read. */
const RULES_SOURCES = {
  article: '2025-11',
  declineCodes: '2026',
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;

const LABELS = {
  en: {
    timelineTitle: 'Timeline of failed attempts',
    timelineIntro: (count: number) =>
      `${count} failed attempt${count === 1 ? '' : 's'} to add a card, oldest first, from the failure journal. ` +
      'Cards are shown by brand, kind and last 4 digits only.',
    omitted: (count: number) => `${count} earlier attempt${count === 1 ? ' is' : 's are'} in the journal but not listed here.`,
    error: 'Error as shown',
    noError: 'not recorded',
    card: 'Card',
    colon: ': ',
    quoteOpen: '“',
    quoteClose: '”',
    diagnosisTitle: 'Last diagnosis',
    bankSaidTitle: 'What the bank said',
    bankSaid: (when: string) => `Latest answer from the bank (${when}), as the cardholder recorded it:`,
    bankDeclined: {
      bank: 'the bank says it declined the authorization itself.',
      merchant: 'the bank says the decline came from the merchant’s side (the merchant or its payment processor), not from the bank.',
      unknown: 'the bank could not say who declined.',
    },
    bankSaw: { yes: 'It found the verification authorization.', no: 'It found no verification authorization from the merchant.', unknown: '' },
    bankOverCauses: 'Where this differs from the likely causes below, the bank’s word counts for more: the causes are guesses from the journal.',
    diagnosisOf: (count: number) => `the last of ${count} in the journal`,
    causes: 'Possible causes, most likely first',
    noCauses: 'Nothing in the journal points to a specific cause.',
    ruledOut: 'Less likely, or with evidence against',
    ruledOutNone: 'No cause was set aside.',
    onlyWeak: 'only weak evidence points to it.',
    open: ' (',
    close: ')',
    aboutTitle: 'About this pack',
    written: (date: string) => `Written by Card Binding Doctor on ${date} (UTC).`,
    rules: (article: string, codes: string) =>
      `Diagnosis rules: from the article on failed card binding (${article}) and the card processor’s decline-code reference (${codes}).`,
    snapshot: (asOf: string, source: string) => `Supported countries and regions: a snapshot of ${asOf} of ${source}.`,
    oldSnapshot: (days: number, source: string) =>
      `Warning: the supported-countries snapshot is ${days} days old (more than ${SNAPSHOT_WARNING_DAYS}). ` +
      `Check the current list at ${source} before relying on anything it says about a region.`,
    attempts: (count: number, first: string, last: string) =>
      count === 1 ? `The journal holds 1 attempt, at ${first}.` : `The journal holds ${count} attempts, from ${first} to ${last}.`,
    privacy:
      'No file in this pack holds a full card number, a CVC or a one-time code: the pack was checked for them before it was written.',
    notCertain: 'The causes in diagnosis.md are likely causes, not certainties: only the bank and the merchant know the real reason.',
    lettersTitle: 'Letters',
    own: 'your own letter, as you edited it.',
    ownCopy: 'your own copy of a letter in your language, as you edited it; send the letter it names, not this copy.',
    kinds: { appeal: 'appeal', 'bank-inquiry': 'bank inquiry' },
    fresh: (kind: string) =>
      `written fresh by Card Binding Doctor from the last attempt, as the letters’ folder held no ${kind} that could be copied. Read it and fill in what it leaves to you before you send it.`,
    leftOut: (file: string, why: string) => `Left out: ${file} ${why}`,
    why: {
      secret: 'holds what looks like a full card number, a CVC or a one-time code, so it was not copied. Take that out of the letter, then write the pack again.',
      'too-large': `is larger than ${PACK_LETTER_LIMIT_BYTES / 1_000_000} MB, so it was not read.`,
      outside: 'leads outside the folder through a symbolic link, so it was not read.',
      link: 'is a symbolic link, and in this folder Card Binding Doctor cannot check where it leads, so it was not read.',
    },
    shotsTitle: 'Screenshots to add',
    shotsIntro:
      'Take each screenshot below and cover the parts listed before you attach it. ' +
      'Never attach a full card number, a CVC, a one-time code or an account balance.',
    hide: 'Hide',
    shots: {
      errorPage: {
        what: 'The error page: the payment form with the error message exactly as shown, and the time if it is visible.',
        hide: 'the card number except the last 4 digits, the CVC, and the expiry date.',
      },
      cardList: {
        what: 'The card list in your account (the payment methods page), if the card appears there.',
        hide: 'everything of each card except its brand and last 4 digits.',
      },
      bankRecord: {
        what: 'The bank app’s transaction list, or the bank’s SMS, showing the attempt (a verification of 0 or about 1 dollar, or a small temporary hold).',
        hide: 'one-time codes, balances and available credit, the full card number, and your other transactions.',
      },
    },
  },
  'zh-cn': {
    timelineTitle: '绑卡失败时间线',
    timelineIntro: (count: number) => `摘自失败日志：共 ${count} 次绑卡失败，按时间先后排列。卡片只显示卡组织、类型和卡号后四位。`,
    omitted: (count: number) => `失败日志中还有更早的 ${count} 次绑卡，这里没有列出。`,
    error: '页面提示原文',
    noError: '未记录',
    card: '卡片',
    colon: '：',
    quoteOpen: '“',
    quoteClose: '”',
    diagnosisTitle: '最近一次诊断',
    bankSaidTitle: '银行的答复',
    bankSaid: (when: string) => `银行最近一次的答复（${when}，由持卡人记录）：`,
    bankDeclined: {
      bank: '银行表示是它自己拒绝了这笔授权。',
      merchant: '银行表示拒绝来自商户一方（商户或其支付处理商），而不是银行。',
      unknown: '银行无法确定是哪一方拒绝的。',
    },
    bankSaw: { yes: '银行查到了这笔验证交易。', no: '银行没有查到商户发起的验证交易。', unknown: '' },
    bankOverCauses: '如与下面列出的可能原因不一致，以银行的说法为准：这些原因只是根据失败日志作出的推测。',
    diagnosisOf: (count: number) => `失败日志中 ${count} 次绑卡的最后一次`,
    causes: '可能的原因（按可能性排序）',
    noCauses: '失败日志中的信息没有指向具体原因。',
    ruledOut: '可能性较低或有反面依据的原因',
    ruledOutNone: '没有被排除的原因。',
    onlyWeak: '只有较弱的依据指向它。',
    open: '（',
    close: '）',
    aboutTitle: '关于本证据包',
    written: (date: string) => `由绑卡医生（Card Binding Doctor）于 ${date}（UTC）生成。`,
    rules: (article: string, codes: string) => `诊断规则依据：关于绑卡失败的文章（${article}）和支付处理商的拒绝代码说明（${codes}）。`,
    snapshot: (asOf: string, source: string) => `支持的国家和地区：${source} 截至 ${asOf} 的快照。`,
    oldSnapshot: (days: number, source: string) =>
      `注意：支持地区快照已有 ${days} 天（超过 ${SNAPSHOT_WARNING_DAYS} 天）。涉及地区的判断，请先到 ${source} 核对最新列表。`,
    attempts: (count: number, first: string, last: string) =>
      count === 1 ? `失败日志中有 1 次绑卡，时间为 ${first}。` : `失败日志中有 ${count} 次绑卡，从 ${first} 到 ${last}。`,
    privacy: '本证据包中的文件都不含完整卡号、CVC 或验证码：写入前已逐一检查。',
    notCertain: 'diagnosis.md 中列出的只是可能的原因，并非定论：真正的原因只有银行和商户知道。',
    lettersTitle: '信件',
    own: '您自己的信，保留您修改后的内容。',
    ownCopy: '您自己的信件中文副本，保留您修改后的内容；请发送副本开头注明的那封信，不要发送这份副本。',
    kinds: { appeal: '申诉信', 'bank-inquiry': '银行咨询信' },
    fresh: (kind: string) =>
      `信件文件夹中没有可以复制的${kind}，这份是绑卡医生根据最近一次绑卡新写的。发送前请通读一遍，并补上需要您填写的内容。`,
    leftOut: (file: string, why: string) => `未放入：${file} ${why}`,
    why: {
      secret: '中似乎有完整卡号、CVC 或一次性验证码，因此没有复制。请先从信中删去这些内容，再重新生成证据包。',
      'too-large': `超过 ${PACK_LETTER_LIMIT_BYTES / 1_000_000} MB，因此没有读取。`,
      outside: '经由符号链接指向文件夹之外，因此没有读取。',
      link: '是符号链接，在这个文件夹中绑卡医生无法确认它指向哪里，因此没有读取。',
    },
    shotsTitle: '需要补充的截图',
    shotsIntro: '请逐一截取下列画面，并在附上之前遮住所列内容。切勿附上完整卡号、CVC、验证码或账户余额。',
    hide: '需遮住',
    shots: {
      errorPage: {
        what: '出错页面：显示错误提示原文的付款表单，能看到时间的话一并截入。',
        hide: '卡号（后四位除外）、CVC 和有效期。',
      },
      cardList: {
        what: '账户中的卡片列表（付款方式页面），如果这张卡出现在其中。',
        hide: '每张卡除卡组织和后四位以外的全部信息。',
      },
      bankRecord: {
        what: '银行 App 的交易记录或银行短信中的这次绑卡（0 或约 1 美元的验证交易，或一笔小额临时预授权）。',
        hide: '验证码、余额和可用额度、完整卡号，以及其他交易。',
      },
    },
  },
} as const;

/**
 * The files of an evidence pack, in the reader's language: `timeline.md`, `diagnosis.md`,
 * `about.md`, `screenshots-checklist.md`, `bank-phone-script.md` (in the bank's language), then
 * the letters (the person's own under their own names, those holding a secret left out; the fresh
 * ones as `appeal.md`, `bank-inquiry.md`), then `extraFiles`. Throws when there is no entry, and
 * when any other text would hold a card number, a CVC or a one-time code (so nothing is written).
 */
export function evidencePackFiles(input: EvidencePackInput): PackFile[] {
  return packContents(input).files;
}

/** The pack's files and the letters left out, from one reading of the letters (each up to 1 MB, checked for secrets once). */
function packContents(input: EvidencePackInput): { files: PackFile[]; leftOut: LeftOutLetter[] } {
  const { entries, now, lang } = input;
  const last = entries[entries.length - 1];
  if (!last) throw new Error('the journal holds no attempt; an evidence pack needs at least one');
  const diagnosis = diagnose(last.report, journalReports({ entries: [...entries], problems: [] }), now);
  const view = viewDiagnosis(diagnosis, lang, now);
  const letters = packLetters(input.letters);
  const files: PackFile[] = [
    { path: 'timeline.md', text: timelineMarkdown(entries, input.bankAnswers ?? [], lang) },
    { path: 'diagnosis.md', text: diagnosisMarkdown(view, entries.length, input.bankAnswers?.at(-1), lang) },
    { path: 'about.md', text: aboutMarkdown(entries, now, lang, letters) },
    { path: 'screenshots-checklist.md', text: screenshotsMarkdown(lang) },
    // In the bank's language, not the reader's: it is read out to the bank.
    { path: 'bank-phone-script.md', text: phoneScriptMarkdown(entries, bankLanguage(last.report.card?.issuerCountry, lang))! },
    ...letters.files,
    ...(input.extraFiles ?? []),
  ];
  for (const file of files) {
    if (containsSecret(file.text)) {
      throw new Error(`${file.path} would hold a card number, CVC or one-time code; the pack was not written`);
    }
  }
  return { files, leftOut: letters.leftOut };
}

/** A pack's folder name and files: what the CLI and the extension both write, from one place. */
export interface EvidencePack {
  /** `evidence-2026-12-01`, dated as the person reads the last attempt's time ({@link evidencePackFolderName}). */
  folderName: string;
  files: PackFile[];
  /** The person's letters not copied, and why (about.md says it too): for the CLI's stderr and the command's message. */
  leftOut: LeftOutLetter[];
}

/**
 * The pack as written: {@link evidencePackFiles}, and a folder name dated by the last attempt's
 * own offset, not UTC (a pack made in Beijing just after midnight is named that day). Throws as
 * `evidencePackFiles` does.
 */
export function evidencePack(input: EvidencePackInput): EvidencePack {
  const { files, leftOut } = packContents(input);
  const last = input.entries[input.entries.length - 1]!;
  return { folderName: evidencePackFolderName(input.now, offsetOf(last.occurredAt)), files, leftOut };
}

// `appeal-2025-11-27.md`, `-2` when that was taken, and the person's copy `appeal-2025-11-27.zh-cn.md`
// (`.zh-cn-2.md` when taken): the names the letter writer gives. Each part is bounded and ends
// at a character the next cannot start with, so the match is linear.
const LETTER_NAME = /^(appeal|bank-inquiry)-(\d{4}-\d{2}-\d{2})(?:-(\d{1,4}))?(?:\.(en|zh-cn|zh-tw)(?:-(\d{1,4}))?)?\.md$/;

interface LetterName {
  file: string;
  kind: LetterKind;
  /** `appeal-2025-11-27-2`: the letter this is, or is a copy of. */
  letter: string;
  date: string;
  number: number;
  copyLang?: string;
  copyNumber: number;
}

function letterName(file: string): LetterName | undefined {
  const match = file.length <= 64 ? LETTER_NAME.exec(file) : null;
  if (!match) return undefined;
  const [, kind, date, number, copyLang, copyNumber] = match;
  return {
    file,
    kind: kind as LetterKind,
    letter: `${kind}-${date}${number ? `-${number}` : ''}`,
    date: date!,
    number: Number(number ?? 1),
    ...(copyLang ? { copyLang } : {}),
    copyNumber: Number(copyNumber ?? 1),
  };
}

/**
 * Of the file names in the letters' folder, the ones a pack copies: for each kind, the newest
 * letter (by the date in its name, then its `-2`, `-3`… number) and the person's copy of it in
 * each language (the newest copy when there are several). Letters first, appeal before bank
 * inquiry, each followed by its copies. Other names are ignored.
 */
export function lettersToPack(names: readonly string[]): string[] {
  const parsed = names.map(letterName).filter((name): name is LetterName => name !== undefined);
  const chosen: string[] = [];
  for (const kind of ['appeal', 'bank-inquiry'] as const) {
    const letters = parsed.filter((name) => name.kind === kind && name.copyLang === undefined);
    const newest = letters.reduce<LetterName | undefined>((best, name) => (!best || newer(name, best) ? name : best), undefined);
    if (!newest) continue;
    chosen.push(newest.file);
    const copies = new Map<string, LetterName>();
    for (const name of parsed) {
      if (name.letter !== newest.letter || name.copyLang === undefined) continue;
      const best = copies.get(name.copyLang);
      if (!best || name.copyNumber > best.copyNumber) copies.set(name.copyLang, name);
    }
    chosen.push(...[...copies.values()].map((copy) => copy.file).sort());
  }
  return chosen;
}

function newer(name: LetterName, than: LetterName): boolean {
  return name.date !== than.date ? name.date > than.date : name.number > than.number;
}

/**
 * The letter kinds the pack needs rendered fresh: those with no letter of the person's it can
 * copy (none in the folder, or the one there left out). Copies of a letter do not count.
 */
export function lettersToRender(own: readonly FoundLetter[]): LetterKind[] {
  const copied = own.filter((found) => leftOutReason(found) === undefined).map((found) => letterName(found.file));
  return (['appeal', 'bank-inquiry'] as const).filter((kind) => !copied.some((name) => name?.kind === kind && name.copyLang === undefined));
}

/**
 * The language a fresh letter is written in: as the letter writer's, the setting's when it names
 * one, else the reader's (letterKinds' readerLang: the appeal in English, the bank inquiry in the
 * issuing country's language, the person's when that is unknown), by the last attempt's card.
 */
export function freshLetterLang(kind: LetterKind, entries: readonly JournalEntry[], personLang: Lang, setting: LetterLanguageSetting = 'auto'): Lang {
  return letterLangFor(kind, setting, entries[entries.length - 1]?.report.card?.issuerCountry, personLang);
}

/** What a fresh letter is rendered from, as `card-doctor render --journal` does: the last attempt, dated, and every attempt as its history. */
export function freshLetterInput(entries: readonly JournalEntry[]): { report: Report; history: Report[] } {
  const history = entries.map((entry) => ({ ...entry.report, occurredAt: entry.occurredAt }));
  return { report: history[history.length - 1]!, history };
}

function leftOutReason(found: FoundLetter): LeftOutReason | undefined {
  if ('unread' in found) return found.unread;
  // Counted in characters here; the readers have refused larger files before reading them.
  if (found.text.length > PACK_LETTER_LIMIT_BYTES) return 'too-large';
  return containsSecret(found.text) ? 'secret' : undefined;
}

interface PackLetters {
  files: PackFile[];
  /** For about.md: each letter file and whose it is. */
  listed: { file: string; fresh?: LetterKind; copy: boolean }[];
  leftOut: LeftOutLetter[];
}

function packLetters(letters: PackLettersInput | undefined): PackLetters {
  const result: PackLetters = { files: [], listed: [], leftOut: [] };
  for (const found of letters?.own ?? []) {
    const reason = leftOutReason(found);
    if (reason !== undefined) {
      result.leftOut.push({ file: found.file, reason });
    } else if ('text' in found) {
      result.files.push({ path: found.file, text: found.text });
      result.listed.push({ file: found.file, copy: letterName(found.file)?.copyLang !== undefined });
    }
  }
  for (const fresh of letters?.fresh ?? []) {
    result.files.push({ path: `${fresh.kind}.md`, text: fresh.text });
    result.listed.push({ file: `${fresh.kind}.md`, fresh: fresh.kind, copy: false });
  }
  return result;
}

/**
 * The language the pack's phone script is in (the bank's, {@link bankLanguage}): the writer loads
 * the Traditional Chinese table when it is `zh-tw`, even if the pack itself is not. Undefined
 * for an empty journal.
 */
export function packPhoneScriptLang(entries: readonly JournalEntry[], lang: Lang): Lang | undefined {
  const last = entries[entries.length - 1];
  return last && bankLanguage(last.report.card?.issuerCountry, lang);
}

/** `evidence-2026-12-01`: the pack's folder name, by the date of `now` at the offset given (minutes east of UTC). */
export function evidencePackFolderName(now: Date, offsetMinutes: number): string {
  return `evidence-${new Date(now.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10)}`;
}

/** Days from the supported-countries snapshot to `now`, whole days, never negative. */
export function snapshotAgeDays(now: Date, asOf: string = SUPPORTED_REGIONS.asOf): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / DAY_MS));
}

/**
 * An entry's time in the pack's one offset, the last attempt's: entries recorded on different
 * clocks (a trip, a VPN-set clock) would otherwise read out of order.
 */
function entryTime(entry: JournalEntry, entries: readonly JournalEntry[]): string {
  const last = entries[entries.length - 1] ?? entry;
  return formatLocalTime(entry.occurredAt, offsetOf(last.occurredAt));
}

/** Brand, kind and last 4 only ({@link cardName}): the issuer's name and country stay out of what is attached. */
function packCardText(report: Report, lang: Lang): string | undefined {
  return (report.card && cardName(report.card, lang)) || undefined;
}

function timelineMarkdown(entries: readonly JournalEntry[], answers: readonly BankAnswer[], lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  const shown = entries.slice(-TIMELINE_LIMIT);
  const lines = [`# ${labels.timelineTitle}`, '', labels.timelineIntro(entries.length), ''];
  if (shown.length < entries.length) lines.push(labels.omitted(entries.length - shown.length), '');
  const first = entries.length - shown.length + 1;
  shown.forEach((entry, index) => {
    const report = entry.report;
    const product = report.product ? ` · ${say(PRODUCT_NAMES[report.product], lang)}` : '';
    lines.push(`## ${first + index}. ${entryTime(entry, entries)}${product}`, '');
    const error = report.errorMessage
      ? `${labels.quoteOpen}${inlineText(report.errorMessage)}${labels.quoteClose}`
      : labels.noError;
    lines.push(`- ${labels.error}${labels.colon}${error}`);
    const card = packCardText(report, lang);
    if (card) lines.push(`- ${labels.card}${labels.colon}${card}`);
    lines.push('');
  });
  // What the bank said comes after the attempts it was asked about, each in its own offset.
  for (const answer of answers.slice(-TIMELINE_LIMIT)) {
    lines.push(`## ${bankAnswerTitle(answer, lang)}`, '', ...bankAnswerItems(answer, lang).map((item) => `- ${item}`), '');
  }
  return lines.join('\n');
}

function diagnosisMarkdown(view: DiagnosisView, count: number, answer: BankAnswer | undefined, lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  const lines = [`# ${labels.diagnosisTitle}`, '', `- ${view.attemptLine}${labels.open}${labels.diagnosisOf(count)}${labels.close}`];
  if (view.messageLine) lines.push(`- ${view.messageLine}`);
  lines.push('', `> ${view.disclaimer}`, '');
  // The bank knows what the journal can only guess at: its answer comes before the guesses.
  if (answer) {
    const when = formatLocalTime(answer.answeredAt, offsetOf(answer.answeredAt));
    const saw = labels.bankSaw[answer.sawAuthorization];
    const space = lang === 'en' ? ' ' : '';
    const said = labels.bankDeclined[answer.declinedBy];
    lines.push(`## ${labels.bankSaidTitle}`, '', `${labels.bankSaid(when)}${space}${saw ? `${saw}${space}` : ''}${lang === 'en' ? capitalized(said) : said}`, '', labels.bankOverCauses, '');
  }
  const likely = view.findings.filter((finding) => finding.likelihood !== 'low');
  lines.push(`## ${labels.causes}`, '');
  if (likely.length === 0) lines.push(labels.noCauses, '');
  likely.forEach((finding, index) => {
    lines.push(`### ${index + 1}. ${finding.title} — ${finding.likelihoodText}`, '', finding.summary, '');
    if (finding.evidenceFor.length > 0) {
      lines.push(`${view.labels.evidence}${labels.colon.trim()}`, '', ...finding.evidenceFor.map((item) => `- ${item}`), '');
    }
    if (finding.evidenceAgainst.length > 0) {
      lines.push(`${view.labels.against}${labels.colon.trim()}`, '', ...finding.evidenceAgainst.map((item) => `- ${item}`), '');
    }
  });
  const setAside = view.findings.filter((finding) => finding.likelihood === 'low' || finding.evidenceAgainst.length > 0);
  lines.push(`## ${labels.ruledOut}`, '');
  if (setAside.length === 0) lines.push(labels.ruledOutNone, '');
  for (const finding of setAside) {
    const why = finding.evidenceAgainst.length > 0 ? finding.evidenceAgainst.join(lang === 'en' ? ' ' : '') : labels.onlyWeak;
    lines.push(`- ${finding.title}${labels.open}${finding.likelihoodText}${labels.close}${labels.colon}${why}`);
  }
  if (setAside.length > 0) lines.push('');
  return lines.join('\n');
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function aboutMarkdown(entries: readonly JournalEntry[], now: Date, lang: Lang, letters: PackLetters): string {
  const labels = labelsFor(LABELS, lang);
  const { asOf, source } = SUPPORTED_REGIONS;
  const lines = [`# ${labels.aboutTitle}`, ''];
  lines.push(`- ${labels.written(now.toISOString().slice(0, 10))}`);
  lines.push(`- ${labels.attempts(entries.length, entryTime(entries[0]!, entries), entryTime(entries[entries.length - 1]!, entries))}`);
  lines.push(`- ${labels.rules(RULES_SOURCES.article, RULES_SOURCES.declineCodes)}`);
  lines.push(`- ${labels.snapshot(asOf, source)}`, '');
  const age = snapshotAgeDays(now);
  if (age > SNAPSHOT_WARNING_DAYS) lines.push(`> ${labels.oldSnapshot(age, source)}`, '');
  if (letters.listed.length > 0 || letters.leftOut.length > 0) {
    lines.push(`## ${labels.lettersTitle}`, '');
    for (const letter of letters.listed) {
      const whose = letter.fresh ? labels.fresh(labels.kinds[letter.fresh]) : letter.copy ? labels.ownCopy : labels.own;
      lines.push(`- ${letter.file}${labels.colon}${whose}`);
    }
    for (const left of letters.leftOut) lines.push(`- ${labels.leftOut(left.file, labels.why[left.reason])}`);
    lines.push('');
  }
  lines.push(labels.notCertain, '', labels.privacy, '');
  return lines.join('\n');
}

function screenshotsMarkdown(lang: Lang): string {
  const labels = labelsFor(LABELS, lang);
  const lines = [`# ${labels.shotsTitle}`, '', labels.shotsIntro, ''];
  const { errorPage, cardList, bankRecord } = labels.shots;
  for (const shot of [errorPage, cardList, bankRecord]) lines.push(`- [ ] ${shot.what}`, `  ${labels.hide}${labels.colon}${shot.hide}`);
  lines.push('');
  return lines.join('\n');
}
