/**
 * A1 addresses, rectangles and Excel's naming rules for sheets and tables.
 * Rectangles are 0-based and inclusive, in sheet coordinates.
 */

import { ErrorCode, officeError } from './errors';

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function rect(top: number, left: number, bottom: number, right: number): Rect {
  return { top, left, bottom, right };
}

export function rectRows(r: Rect): number {
  return r.bottom - r.top + 1;
}
export function rectColumns(r: Rect): number {
  return r.right - r.left + 1;
}
export function rectCells(r: Rect): number {
  return rectRows(r) * rectColumns(r);
}
export function isEntireColumns(r: Rect): boolean {
  return r.top === 0 && r.bottom === MAX_ROWS - 1;
}
export function isEntireRows(r: Rect): boolean {
  return r.left === 0 && r.right === MAX_COLUMNS - 1;
}
export function rectsIntersect(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!rectsIntersect(a, b)) return null;
  return rect(Math.max(a.top, b.top), Math.max(a.left, b.left), Math.min(a.bottom, b.bottom), Math.min(a.right, b.right));
}
export function contains(outer: Rect, inner: Rect): boolean {
  return outer.top <= inner.top && outer.left <= inner.left && outer.bottom >= inner.bottom && outer.right >= inner.right;
}
export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
export function boundingRect(a: Rect, b: Rect): Rect {
  return rect(Math.min(a.top, b.top), Math.min(a.left, b.left), Math.max(a.bottom, b.bottom), Math.max(a.right, b.right));
}
export function inSheet(r: Rect): boolean {
  return r.top >= 0 && r.left >= 0 && r.bottom < MAX_ROWS && r.right < MAX_COLUMNS && r.top <= r.bottom && r.left <= r.right;
}

/** `a` minus `b`, as at most four rectangles (bands above, below, left, right). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const i = intersection(a, b);
  if (!i) return [a];
  const out: Rect[] = [];
  if (a.top < i.top) out.push(rect(a.top, a.left, i.top - 1, a.right));
  if (i.bottom < a.bottom) out.push(rect(i.bottom + 1, a.left, a.bottom, a.right));
  if (a.left < i.left) out.push(rect(i.top, a.left, i.bottom, i.left - 1));
  if (i.right < a.right) out.push(rect(i.top, i.right + 1, i.bottom, a.right));
  return out;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Sheet names Excel writes without quotes in references; everything else is quoted. */
export function quoteSheetName(name: string): string {
  const plain =
    /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr](\d*)([Cc]\d*)?$/.test(name);
  return plain ? name : "'" + name.replace(/'/g, "''") + "'";
}

/** "A1", "A1:C3", "A:C" (entire columns), "2:5" (entire rows), "1:1048576" (whole sheet). */
export function formatRect(r: Rect): string {
  const cols = isEntireColumns(r);
  const rows = isEntireRows(r);
  if (cols && rows) return '1:' + MAX_ROWS;
  if (cols) return columnLetters(r.left) + ':' + columnLetters(r.right);
  if (rows) return r.top + 1 + ':' + (r.bottom + 1);
  const a = columnLetters(r.left) + (r.top + 1);
  if (r.top === r.bottom && r.left === r.right) return a;
  return a + ':' + columnLetters(r.right) + (r.bottom + 1);
}

export function formatAddress(sheetName: string, r: Rect): string {
  return quoteSheetName(sheetName) + '!' + formatRect(r);
}

export interface ParsedAddress {
  readonly sheet?: string;
  readonly rect: Rect;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function parseCell(text: string): { row: number; col: number } | null {
  const m = CELL.exec(text);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col >= MAX_COLUMNS) return null;
  return { row, col };
}

/** Parses the part after any "Sheet!" prefix. Returns null when it is not an A1 reference. */
export function parseRectText(text: string): Rect | null {
  const parts = text.trim().split(':');
  if (parts.length === 1) {
    const c = parseCell(parts[0]);
    return c ? rect(c.row, c.col, c.row, c.col) : null;
  }
  if (parts.length !== 2) return null;
  const [p, q] = parts;
  const a = parseCell(p);
  const b = parseCell(q);
  if (a && b) {
    return rect(Math.min(a.row, b.row), Math.min(a.col, b.col), Math.max(a.row, b.row), Math.max(a.col, b.col));
  }
  const ca = COLUMN.exec(p);
  const cb = COLUMN.exec(q);
  if (ca && cb) {
    const x = columnIndex(ca[1]);
    const y = columnIndex(cb[1]);
    if (x >= MAX_COLUMNS || y >= MAX_COLUMNS) return null;
    return rect(0, Math.min(x, y), MAX_ROWS - 1, Math.max(x, y));
  }
  const ra = ROW.exec(p);
  const rb = ROW.exec(q);
  if (ra && rb) {
    const x = Number(ra[1]) - 1;
    const y = Number(rb[1]) - 1;
    if (x < 0 || y < 0 || x >= MAX_ROWS || y >= MAX_ROWS) return null;
    return rect(Math.min(x, y), 0, Math.max(x, y), MAX_COLUMNS - 1);
  }
  return null;
}

/**
 * Parses "A1", "$A$1:C3", "A:A", "1:3", "Sheet1!A1:B2", "'Cán bộ'!A1". Defined names and
 * structured references are not modelled: they fail with InvalidArgument.
 */
export function parseAddress(address: string, errorLocation?: string): ParsedAddress {
  const text = address.trim();
  let sheet: string | undefined;
  let rest = text;
  if (text.startsWith("'")) {
    let i = 1;
    let name = '';
    for (; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i++;
          continue;
        }
        break;
      }
      name += text[i];
    }
    if (text[i + 1] !== '!') throw officeError(ErrorCode.invalidArgument, errorLocation);
    sheet = name;
    rest = text.slice(i + 2);
  } else {
    const bang = text.lastIndexOf('!');
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      rest = text.slice(bang + 1);
    }
  }
  const r = parseRectText(rest);
  if (!r) throw officeError(ErrorCode.invalidArgument, errorLocation);
  return sheet === undefined ? { rect: r } : { sheet, rect: r };
}

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

/**
 * Excel's worksheet-name rules: 1–31 characters, none of [ ] : * ? / \, not starting or ending
 * with an apostrophe, and not the reserved name "History". Uniqueness is checked by the caller.
 */
export function isValidSheetName(name: unknown): name is string {
  if (typeof name !== 'string') return false;
  if (name.length === 0 || name.length > 31) return false;
  if (FORBIDDEN_SHEET_CHARS.test(name)) return false;
  if (name.startsWith("'") || name.endsWith("'")) return false;
  if (name.toLowerCase() === 'history') return false;
  return true;
}

/**
 * Table names: start with a letter, underscore or backslash; then letters, digits, underscores or
 * periods; at most 255 characters; not a cell reference ("A1", "R1C1") and not "C" or "R".
 */
export function isValidTableName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  return true;
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleUpperCase() === b.toLocaleUpperCase();
}
