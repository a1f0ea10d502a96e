/**
 * The schema's field messages in the reader's language. The schema speaks English (the CLI's
 * stderr and the tests read it); the wizard and the form show the same message translated.
 */
import type { Lang } from './catalogue';
import { pick, toTraditional } from './language';

const ZH_CN: Readonly<Record<string, string>> = {
  'expected 4 digits': '应为 4 位数字',
  'expected 6-8 digits': '应为 6 到 8 位数字',
  'expected a month and year, such as 06/28 or 2028-06': '应为月份和年份，如 06/28 或 2028-06',
  'expected a two-letter country code': '应为两个字母的国家/地区代码',
  'expected an ISO 3166 two-letter country code, such as CN or US': '应为 ISO 3166 两字母国家/地区代码，如 CN 或 US',
  'expected an ISO 8601 date and time with an offset, such as 2025-11-27T10:31:00+08:00':
    '应为带时区偏移的 ISO 8601 日期时间，如 2025-11-27T10:31:00+08:00',
  'expected an object': '应为一个对象',
  'not a real date: that month has no such day': '日期无效：该月没有这一天',
  'expected text': '应为文本',
  'unknown field': '未知字段',
};

/** Translates one of the schema's messages; an unknown message is returned as it is. */
export function localizeFieldMessage(message: string, lang: Lang): string {
  if (lang === 'en') return message;
  const known = ZH_CN[message];
  if (known) return lang === 'zh-tw' ? toTraditional(known) : known;
  const oneOf = /^expected one of (.+)$/.exec(message);
  // The choices are ids (`visa, mastercard`): only the words around them are translated.
  if (oneOf) return pick('', '应为以下之一：', lang) + oneOf[1];
  return message;
}

/** Every message the table translates, for the test that keeps it complete. */
export const TRANSLATED_FIELD_MESSAGES: readonly string[] = Object.keys(ZH_CN);
