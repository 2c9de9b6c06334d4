/**
 * A number cell's text as Excel shows it in the reader's locale. The in-memory Excel formats with
 * the workbook's number format the way Excel does in en-US ("93.02%", "1,500"); in Vietnamese
 * Excel the same format shows a decimal comma and a thousands dot ("93,02%", "1.500"). Dates and
 * times keep their own separators (they come from the format, not the locale).
 */
import type { Lang } from '../i18n';

/** A format section that formats dates or times (d, m, y, h, s outside quotes and brackets). */
function isDateTimeFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmyhs]/i.test(bare.replace(/general/gi, ''));
}

export function localNumberText(text: string, numberFormat: string, lang: Lang): string {
  if (lang === 'en' || text === '' || isDateTimeFormat(numberFormat)) return text;
  let out = '';
  for (const ch of text) out += ch === '.' ? ',' : ch === ',' ? '.' : ch;
  return out;
}
