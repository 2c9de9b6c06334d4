/**
 * Why the preview could not open a file, as a reason the page words in its own language: the
 * reader's messages are English and for developers ("not an .xlsx workbook"), and a Vietnamese
 * page must not show them half-translated. Reasons are recognised by the reader's wording, so a
 * new reader only has to keep (or add) these words; anything else reads as a damaged file.
 */
export type OpenReason = 'empty' | 'oldFormat' | 'notXlsx' | 'noSheets' | 'damaged';

const PATTERNS: ReadonlyArray<readonly [RegExp, OpenReason]> = [
  [/\bempty\b/i, 'empty'],
  [/\.xls\b|encrypt|password/i, 'oldFormat'],
  [/not an? \.?xlsx|not a zip/i, 'notXlsx'],
  [/no (work)?sheets?/i, 'noSheets'],
];

export function openReason(error: unknown): OpenReason {
  const message = error instanceof Error ? error.message : String(error);
  return PATTERNS.find(([re]) => re.test(message))?.[1] ?? 'damaged';
}
