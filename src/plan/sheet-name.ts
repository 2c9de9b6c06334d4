/**
 * The plan sheet's name, and telling it apart, without the reader: the task pane checks every
 * workbook for a plan sheet but loads the reader (sheet.ts) only when there is one.
 */
import { foldKey } from '../text/fold';
import type { LocalText } from './types';

export const PLAN_SHEET_NAME: LocalText = { vi: 'Kế hoạch CCHC', en: 'CCHC plan' };

/** True for "Kế hoạch CCHC" and "CCHC plan" however written (case, diacritics, spacing). */
export function isPlanSheetName(name: string): boolean {
  const k = foldKey(name);
  return k === foldKey(PLAN_SHEET_NAME.vi) || k === foldKey(PLAN_SHEET_NAME.en);
}
