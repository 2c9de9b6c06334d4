/**
 * The status column the add-in writes beside a units list ("Trạng thái CCHC 2024"), and how it
 * finds it again: never on a cell of the user's, always replacing its own.
 */
import type { UnitStatus } from '../engine';
import { Lang, UNIT_STATUS_TEXT } from '../i18n';
import { foldKey } from '../text/fold';
import { ListLayout } from '../workbook/detect';
import { CellValue } from '../workbook/grid';

export function statusHeader(year: number, lang: Lang): string {
  return lang === 'vi' ? `Trạng thái CCHC ${year}` : `CCHC status ${year}`;
}

/** Whether a header is one the add-in wrote (any year, either language). */
export function isStatusHeader(text: string): boolean {
  return /^(trang thai cchc|cchc status) \d{4}$/.test(foldKey(text));
}

export function statusText(status: UnitStatus, lang: Lang): string {
  return status === 'not_applicable' ? UNIT_STATUS_TEXT.not_applicable[lang] : UNIT_STATUS_TEXT[status][lang];
}

function isEmpty(v: CellValue): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * The column (0-based) for the status: the add-in's own status column beside the list if there is
 * one (so a re-run replaces it), else the first column right of the list that is empty on every
 * row from the header down to `lastRow`. `cell` reads the sheet.
 */
export function chooseStatusColumn(
  layout: ListLayout<'units'>,
  lastRow: number,
  cell: (row: number, col: number) => CellValue,
  maxCol = 16383,
): number {
  const own = layout.allHeaders.find((h) => isStatusHeader(h.text));
  if (own) return own.col;
  const rightmost = lastListColumn(layout);
  for (let col = rightmost + 1; col <= maxCol; col++) {
    let empty = true;
    for (let r = layout.headerTop; r <= lastRow && empty; r++) empty = isEmpty(cell(r, col));
    if (empty) return col;
  }
  throw new Error('No free column for the status');
}

/** The list's rightmost column of the user's (the add-in's own status column left out). */
export function lastListColumn(layout: ListLayout<'units'>): number {
  return Math.max(
    ...layout.allHeaders.filter((h) => !isStatusHeader(h.text)).map((h) => h.col),
    ...Object.values(layout.columns).map((c) => c as number),
  );
}

/** The list's leftmost column (where its row coloring starts). */
export function firstColumn(layout: ListLayout<'units'>): number {
  return Math.min(...layout.allHeaders.map((h) => h.col), ...Object.values(layout.columns).map((c) => c as number));
}

/** Expression for a conditional format over rows starting at `firstRow` keyed to the status column. */
export function statusRule(statusCol: string, firstRow: number, word: string): string {
  return `=$${statusCol}${firstRow + 1}="${word.replace(/"/g, '""')}"`;
}

const ALL_STATUS_WORDS = new Set(
  (['non_compliant', 'undetermined', 'compliant'] as const).flatMap((st) => [UNIT_STATUS_TEXT[st].vi, UNIT_STATUS_TEXT[st].en]),
);

/** Whether a conditional-format formula is one of the add-in's row-coloring rules. */
export function isStatusRuleFormula(formula: string): boolean {
  const m = /^=?\$[A-Z]{1,3}\d+="(.*)"$/.exec(formula.trim());
  return m !== null && ALL_STATUS_WORDS.has(m[1].replace(/""/g, '"'));
}
