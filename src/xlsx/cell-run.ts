/**
 * The worksheet reader's fast lane: a run of plain rows and cells read in one tight loop, which is
 * where nearly all of a big sheet's bytes are —
 *
 *   <row r="12" spans="1:13"><c r="A12" s="3"><v>7</v></c><c r="B12" t="s"><v>41</v></c><c r="C12" s="3"/></row>
 *
 * Only shapes whose meaning is certain are taken here: `<row>` with plain attributes, `</row>`,
 * `<c>` with plain attributes and either no content or one `<v>` holding a shared-string index, a
 * number, a boolean or a plain string. Anything else — a formula, an inline string, an error, a
 * date cell, an entity in a number, CDATA, a prefix, a reference beyond Excel's grid, a tag cut
 * off — ends the run where that element starts, untouched, and the general tokenizer in
 * sheet-read.ts reads it (and reports it when it is wrong). So both lanes give the same grid; the
 * fast one only does it with fewer steps per byte.
 */
import type { CellValue } from '../workbook/grid';
import * as cells from './cell-type';
import * as xml from './xml-scan';

// Module-level bindings of what is shared: the hot loop reads them as constants (compiled to
// CommonJS, an imported name is a property of the other module's exports, read again each use).
const { DAYS_1900_TO_1904, MAX_COLS, MAX_ROWS, T_BOOL, T_NUMBER, T_SHARED, T_STR, cellType } = cells;
const { APOS, EQ, GT, LT, QUOTE, SLASH, decodeUtf8, numberAt, unescapeXml, unescapeXstring } = xml;

/**
 * xml-scan's `digits` for this lane alone: that one is also given Node Buffers (parts inflated
 * whole) and other views, and a function that sees several array types reads each byte more
 * slowly; this lane only ever reads plain Uint8Arrays (sheet-read.ts sees to it).
 */
function digits(b: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** What the run reads and updates; the same fields as sheet-read.ts keeps between tokens. */
export interface RunState {
  rows: Array<Array<CellValue | undefined> | undefined>;
  cur: Array<CellValue | undefined> | undefined;
  /** Current row and column (0-based; -1 before the first). */
  row: number;
  col: number;
  usedBottom: number;
  usedRight: number;
  readonly sharedStrings: readonly string[];
  readonly isDate: readonly boolean[];
  readonly date1904: boolean;
  readonly budget: { cells: number };
  /** The fast lane's row sizing (see newRow): width ahead, the row is fresh, its last cell. */
  width: number;
  fresh: boolean;
  top: number;
}

/**
 * Reads plain rows and cells from `pos` (at a `<`, inside <sheetData>) and returns where it
 * stopped: at the first byte it did not take (the start of that element), or `end`. Throws only
 * what the general reader would (none: a budget overrun returns `-1 - pos` for the caller to
 * report as it does).
 */
export function readCellRun(b: Uint8Array, pos: number, end: number, s: RunState): number {
  const at = runCells(b, pos, end, s);
  trimRow(s);
  return at;
}

/**
 * Rows the fast lane makes are sized ahead (as wide as the row before): filled in place, they
 * are not grown cell by cell, which leaves the garbage collector far less to copy. Before anyone
 * else sees a row — the lane moves to another row, or returns — it is cut to its last cell, so
 * that its length is what a row grown cell by cell would have.
 */
function newRow(s: RunState): Array<CellValue | undefined> {
  s.fresh = true;
  s.top = -1;
  return new Array<CellValue | undefined>(s.width);
}

function trimRow(s: RunState): void {
  if (!s.fresh) return;
  s.fresh = false;
  const cur = s.cur;
  if (!cur) return;
  if (cur.length > s.top + 1) cur.length = s.top + 1;
  // The next row is made as wide as this one: rows of a list end in the same column.
  s.width = Math.min(256, s.top + 1);
}

/**
 * Where an attribute's quoted value ends (its closing quote), the `=` being at `eq` and the value
 * starting at `eq + 2`; -1 when no quote follows the `=` or the value is not closed before `end`.
 */
function valueEnd(b: Uint8Array, eq: number, end: number): number {
  const q = b[eq + 1];
  if (q !== QUOTE && q !== APOS) return -1;
  let e = eq + 2;
  while (e < end && b[e] !== q) e++;
  return e < end ? e : -1;
}

/** What readCell and readRowOpen return when the element is not theirs to take. */
const LEAVE = -1;
/** What readCell returns when the cell budget is spent. */
const SPENT = -2;

function runCells(b: Uint8Array, pos: number, end: number, s: RunState): number {
  let i = pos;
  for (;;) {
    // Whitespace between elements (pretty-printed parts).
    while (i < end && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
    if (i >= end || b[i] !== LT) return i;
    const c1 = b[i + 1];
    let next: number;
    if (c1 === 0x63 /* c */) next = readCell(b, i, end, s);
    else if (c1 === 0x72 /* r */ && b[i + 2] === 0x6f && b[i + 3] === 0x77) next = readRowOpen(b, i, end, s);
    else if (c1 === SLASH && b[i + 2] === 0x72 && b[i + 3] === 0x6f && b[i + 4] === 0x77 && b[i + 5] === GT) next = i + 6;
    else return i;
    if (next === LEAVE) return i;
    if (next === SPENT) return -1 - i;
    i = next;
  }
}

/** A plain string cell's text (entities and ST_Xstring escapes decoded). */
function strValue(b: Uint8Array, vs: number, ve: number): string {
  return unescapeXstring(unescapeXml(decodeUtf8(b, vs, ve)));
}

/** A number or boolean cell's value; undefined when the text is not a finite number. */
function numberValue(b: Uint8Array, vs: number, ve: number, type: number, style: number, s: RunState): CellValue | undefined {
  const n = numberAt(b, vs, ve);
  if (!Number.isFinite(n)) return undefined;
  if (type === T_BOOL) return n !== 0;
  return s.date1904 && s.isDate[style] ? n + DAYS_1900_TO_1904 : n;
}

/** The cell's row moves to `row` (a reference outside its row element). */
function moveToRow(s: RunState, row: number): void {
  trimRow(s);
  s.row = row;
  s.cur = s.rows[row];
}

/** Stores a value at (s.row, col). */
function store(s: RunState, col: number, v: CellValue): void {
  let cur = s.cur;
  if (!cur) {
    cur = newRow(s);
    s.cur = cur;
    s.rows[s.row] = cur;
  }
  cur[col] = v;
  if (col > s.top) s.top = col;
  if (s.row > s.usedBottom) s.usedBottom = s.row;
  if (col > s.usedRight) s.usedRight = col;
}

// What plainHeader read (module scratch: one cell at a time, no object per cell).
let hEnd = 0;
let hCol = 0;
let hRow = 0;
let hType = T_NUMBER;
let hStyle = 0;

/**
 * The header as Excel, LibreOffice and exceljs write it — ` r="B12"`, then ` s="3"` and ` t="s"`
 * if any, in that order, double quotes, single spaces — read at fixed places (no attribute names
 * to scan). False for any other shape, which the general attribute loop then reads.
 */
function plainHeader(b: Uint8Array, i: number, end: number): boolean {
  let k = i + 2;
  if (b[k] !== 0x20 || b[k + 1] !== 0x72 || b[k + 2] !== EQ || b[k + 3] !== QUOTE) return false;
  k += 4;
  let c = 0;
  const c0 = k;
  for (let d = b[k]; d >= 0x41 && d <= 0x5a; d = b[++k]) c = c * 26 + (d - 0x40);
  if (k === c0 || k - c0 > 3) return false;
  let n = 0;
  const n0 = k;
  for (let d = b[k] - 0x30; d >= 0 && d <= 9; d = b[++k] - 0x30) n = n * 10 + d;
  if (k === n0 || k - n0 > 7 || b[k] !== QUOTE) return false;
  k++;
  let style = 0;
  if (b[k] === 0x20 && b[k + 1] === 0x73 && b[k + 2] === EQ && b[k + 3] === QUOTE) {
    k += 4;
    const s0 = k;
    for (let d = b[k] - 0x30; d >= 0 && d <= 9; d = b[++k] - 0x30) style = style * 10 + d;
    if (k === s0 || k - s0 > 9 || b[k] !== QUOTE) return false;
    k++;
  }
  let type = T_NUMBER;
  if (b[k] === 0x20 && b[k + 1] === 0x74 && b[k + 2] === EQ && b[k + 3] === QUOTE) {
    k += 4;
    const t0 = k;
    while (k < end && k - t0 < 4 && b[k] !== QUOTE) k++;
    if (b[k] !== QUOTE) return false;
    type = cellType(b, t0, k);
    k++;
  }
  if (b[k] !== GT && b[k] !== SLASH) return false;
  hEnd = k;
  hCol = c;
  hRow = n;
  hType = type;
  hStyle = style;
  return true;
}

/** `<c …/>` or `<c …><v>…</v></c>` at `i`: the position after it, LEAVE or SPENT. */
function readCell(b: Uint8Array, i: number, end: number, s: RunState): number {
  let j: number;
  let type: number;
  let style: number;
  /** From the reference: 1-based column and row, or -1 when the cell has none. */
  let refCol = -1;
  let refRow = -1;
  if (plainHeader(b, i, end)) {
    j = hEnd;
    type = hType;
    style = hStyle;
    refCol = hCol;
    refRow = hRow;
  } else {
    j = i + 2;
    let ch = b[j];
    if (ch !== 0x20 && ch !== GT && ch !== SLASH) return LEAVE;
    // Attributes: r, s and t by their one-letter names; others (cm, vm, ph …) are passed over.
    let r0 = -1;
    let r1 = -1;
    type = T_NUMBER;
    style = 0;
    for (;;) {
      while (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) ch = b[++j];
      if (ch === GT || ch === SLASH) break;
      // A prefixed name (x:r) is another attribute, as sheet-read.ts's openCell reads it.
      const ns = j;
      while (j < end && ch !== EQ && ch !== 0x20 && ch !== GT && ch !== SLASH) ch = b[++j];
      if (ch !== EQ) return LEAVE;
      const one = j - ns === 1 ? b[ns] : 0;
      const vs = j + 2;
      const e = valueEnd(b, j, end);
      if (e < 0) return LEAVE;
      if (one === 0x72 /* r */) {
        r0 = vs;
        r1 = e;
      } else if (one === 0x74 /* t */) type = cellType(b, vs, e);
      else if (one === 0x73 /* s */) {
        style = digits(b, vs, e);
        if (style < 0) return LEAVE;
      }
      j = e + 1;
      ch = b[j];
    }
    if (r0 >= 0) {
      let k = r0;
      let c = 0;
      while (k < r1) {
        const d = b[k];
        if (d < 0x41 || d > 0x5a) break;
        c = c * 26 + (d - 0x40);
        k++;
      }
      if (k === r0) return LEAVE;
      refCol = c;
      refRow = digits(b, k, r1);
      if (refRow < 0) return LEAVE;
    }
  }
  // Numbers, shared strings, plain strings, booleans; inline strings, errors and dates are the
  // general reader's.
  if (type !== T_NUMBER && type !== T_SHARED && type !== T_STR && type !== T_BOOL) return LEAVE;
  // Where the cell is: its reference, or the one after the previous cell.
  let col: number;
  if (refCol >= 0) {
    if (refCol > MAX_COLS || refRow < 1 || refRow > MAX_ROWS) return LEAVE;
    col = refCol - 1;
    if (refRow - 1 !== s.row) moveToRow(s, refRow - 1);
  } else {
    if (s.row < 0 || s.col + 1 >= MAX_COLS) return LEAVE;
    col = s.col + 1;
  }
  const ch = b[j];
  if (ch === SLASH) {
    if (b[j + 1] !== GT) return LEAVE;
    s.col = col;
    return j + 2;
  }
  // ><v>text</v></c>
  j++;
  if (b[j] !== LT || b[j + 1] !== 0x76 || b[j + 2] !== GT) {
    // </c> right away: an empty cell written long-hand.
    if (b[j] === LT && b[j + 1] === SLASH && b[j + 2] === 0x63 && b[j + 3] === GT) {
      s.col = col;
      return j + 4;
    }
    return LEAVE;
  }
  const vs = j + 3;
  let ve = vs;
  while (ve < end && b[ve] !== LT) ve++;
  if (b[ve + 1] !== SLASH || b[ve + 2] !== 0x76 || b[ve + 3] !== GT) return LEAVE;
  if (b[ve + 4] !== LT || b[ve + 5] !== SLASH || b[ve + 6] !== 0x63 || b[ve + 7] !== GT) return LEAVE;
  let v: CellValue | undefined;
  if (type === T_SHARED) {
    const n = digits(b, vs, ve);
    // An index beyond the table is the general reader's to report.
    if (n < 0 || n >= s.sharedStrings.length) return LEAVE;
    v = s.sharedStrings[n];
  } else if (type === T_STR) v = strValue(b, vs, ve);
  else {
    v = numberValue(b, vs, ve, type, style, s);
    if (v === undefined) return LEAVE;
  }
  s.col = col;
  if (v === undefined || v === '') return ve + 8;
  if (--s.budget.cells < 0) return SPENT;
  store(s, col, v);
  return ve + 8;
}

/** `<row …>` at `i`: the position after the tag, or LEAVE. */
function readRowOpen(b: Uint8Array, i: number, end: number, s: RunState): number {
  let j = i + 4;
  let ch = b[j];
  if (ch !== 0x20 && ch !== GT) return LEAVE;
  let r = -1;
  for (;;) {
    while (ch === 0x20 || ch === 0x0a || ch === 0x0d || ch === 0x09) ch = b[++j];
    if (ch === GT) break;
    if (ch === SLASH) return LEAVE; // <row/>: rare, the general reader takes it
    // Row attributes are compared by local name (x14ac:dyDescent is dyDescent): a prefixed
    // r (x:r) is the row number, left to the general reader.
    let ns = j;
    let prefixed = false;
    while (j < end && ch !== EQ && ch !== 0x20 && ch !== GT && ch !== SLASH) {
      if (ch === 0x3a) {
        ns = j + 1;
        prefixed = true;
      }
      ch = b[++j];
    }
    if (ch !== EQ) return LEAVE;
    const one = j - ns === 1 ? b[ns] : 0;
    if (prefixed && one === 0x72) return LEAVE;
    const vs = j + 2;
    const e = valueEnd(b, j, end);
    if (e < 0) return LEAVE;
    if (one === 0x72 && r < 0) {
      // The first r counts (as the general reader's findAttr takes it).
      if (e - vs > 7) return LEAVE;
      r = digits(b, vs, e);
      if (r < 0) return LEAVE;
    }
    j = e + 1;
    ch = b[j];
  }
  const row = r > 0 ? r - 1 : s.row + 1;
  if (r === 0 || row >= MAX_ROWS) return LEAVE;
  trimRow(s);
  s.row = row;
  s.cur = s.rows[row];
  s.col = -1;
  return j + 1;
}
