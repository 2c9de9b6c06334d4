/**
 * The neutral grid model: what the engine sees of a workbook, whoever read it (exceljs from a
 * file, Office.js from the open workbook). Values are what a cell shows as data: dates arrive as
 * Excel serial numbers, formulas as their cached result, Excel errors as `CellError` values.
 */

/** An Excel error shown in a cell (#N/A, #VALUE! …): a value, not an exception. */
export interface CellError {
  readonly error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

/** A rectangle of cells, 0-based and inclusive, in sheet coordinates. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface TableInfo {
  readonly name: string;
  /** The whole table, header row included. */
  readonly range: CellRange;
}

export interface SheetGrid {
  readonly name: string;
  /**
   * rows[r][c] is the cell at sheet row `originRow + r`, column `originCol + c` (0-based).
   * Rows may be shorter than others or sparse; a missing cell is empty.
   */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue | undefined> | undefined>;
  readonly originRow: number;
  readonly originCol: number;
  /** Sheet rows after the last row in `rows` that hold data (known when only the top was read). */
  readonly totalRows?: number;
  readonly merges?: readonly CellRange[];
  readonly tables?: readonly TableInfo[];
  /**
   * Hidden or very hidden (readers map both states here). A hidden sheet holding a list is read
   * and reported (`hidden_sheet`); one that holds none is ignored silently.
   */
  readonly hidden?: boolean;
}

export interface WorkbookGrid {
  readonly sheets: readonly SheetGrid[];
  /** Sheets the reader could not read, with what went wrong (reported as `unreadable_sheet`). */
  readonly unreadable?: ReadonlyArray<{ readonly sheet: string; readonly reason: string }>;
}

/** The value at a sheet position (0-based), or null when outside what was read. */
export function cellAt(sheet: SheetGrid, row: number, col: number): CellValue {
  const r = sheet.rows[row - sheet.originRow];
  if (!r) return null;
  const v = r[col - sheet.originCol];
  return v === undefined ? null : v;
}

/** The last sheet row (0-based) held in the grid. */
export function lastRow(sheet: SheetGrid): number {
  return sheet.originRow + sheet.rows.length - 1;
}

/**
 * Widths already measured, by sheet: a SheetGrid is read-only once made (readers build a new
 * one for new rows), and detection asks for the width many times.
 */
const widths = new WeakMap<SheetGrid, number>();

export function lastCol(sheet: SheetGrid): number {
  let width = widths.get(sheet);
  if (width === undefined) {
    width = 0;
    for (const r of sheet.rows) if (r && r.length > width) width = r.length;
    widths.set(sheet, width);
  }
  return sheet.originCol + width - 1;
}

/** "A", "B", … "Z", "AA" for a 0-based column index. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based position. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** 0-based column index of "A", "AB" …; -1 when not letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses "B7" into 0-based { row, col }; null when not an A1 address. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

/** Parses "A1:C3", "B7" or "Sheet!A1:C3" into a 0-based range (corners in any order); null when not A1. */
export function parseRange(ref: string): CellRange | null {
  const [a, b] = ref.replace(/^.*!/, '').split(':');
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) return null;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** Text shown for a value (for messages and headers). */
export function displayText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v).toUpperCase();
  return v.error;
}

/** Excel's error values as Office.js shows them in `values` (and custom functions may receive). */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#CONNECT!',
  '#BLOCKED!',
  '#UNKNOWN!',
  '#BUSY!',
  '#PYTHON!',
]);

/**
 * A value from Office.js (a range's `values`, a custom function's argument) as a neutral cell
 * value: error texts and error objects become `CellError`, "" and undefined become empty.
 */
export function cellFromOffice(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return EXCEL_ERRORS.has(v) ? { error: v } : v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as { code?: unknown; errorCode?: unknown; type?: unknown; errorType?: unknown; basicValue?: unknown };
    if (typeof o.code === 'string' && o.code.startsWith('#')) return { error: o.code };
    if (o.type === 'Error' && typeof o.basicValue === 'string') return { error: o.basicValue };
    if (typeof o.errorCode === 'string') return { error: o.errorCode };
  }
  return { error: '#VALUE!' };
}
