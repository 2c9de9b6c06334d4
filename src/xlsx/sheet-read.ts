/**
 * One worksheet part (xl/worksheets/sheetN.xml) into the engine's grid rows: every cell's value
 * with its type (formulas by their cached result, as they are), merged areas clamped to the used
 * range, and — when asked, for the preview — formulas, cell styles, column widths and hidden rows.
 * Rows and columns beyond Excel's (1,048,576 × XFD) and more cells than the limit are refused.
 */
import { CellRange, CellValue } from '../workbook/grid';
import { CellStyles } from './styles';
import { RunState, readCellRun } from './cell-run';
import {
  DAYS_1900_TO_1904,
  MAX_COLS,
  MAX_ROWS,
  T_BOOL,
  T_DATE,
  T_ERROR,
  T_INLINE,
  T_NUMBER,
  T_SHARED,
  T_STR,
  cellType,
} from './cell-type';
import {
  END,
  OPEN,
  TEXT,
  XmlProblem,
  XmlScanner,
  decodeUtf8,
  digits,
  numberAt,
  unescapeXml,
  unescapeXstring,
  utf16Start,
} from './xml-scan';

export { MAX_COLS, MAX_ROWS } from './cell-type';

/** A value beyond a limit (Excel's grid, the reader's cell budget): `detail` says which. */
export class BeyondLimits extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'BeyondLimits';
  }
}

/** What the preview shows beyond values (collected only with `extras`). */
export interface SheetExtras {
  /** Cells holding a formula: 0-based position and the formula text without "=". */
  readonly formulas: Array<{ row: number; col: number; formula: string }>;
  /** Cells with a style other than the default: 0-based position and cellXfs index. */
  readonly styled: Array<{ row: number; col: number; style: number }>;
  /** <col> elements: 1-based min..max, width in characters, hidden. */
  readonly columns: Array<{ min: number; max: number; width: number | null; hidden: boolean }>;
  /** 1-based numbers of hidden rows. */
  readonly hiddenRows: number[];
}

export interface SheetCells {
  readonly rows: Array<Array<CellValue | undefined> | undefined>;
  readonly merges: CellRange[];
  /** r:id of each <tablePart>. */
  readonly tableParts: string[];
  readonly extras?: SheetExtras;
}

export interface SheetContext {
  readonly part: string;
  readonly sharedStrings: readonly string[];
  readonly styles: CellStyles;
  readonly date1904: boolean;
  readonly extras: boolean;
  /** Cells the whole workbook may still hold; decremented as cells are kept. */
  budget: { cells: number; readonly max: number };
}

/** An ISO 8601 date-time (a `t="d"` cell) as a 1900-system serial; null when not a date. */
export function isoToSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(text) || text.length <= 10 ? text : text + 'Z');
  return Number.isNaN(ms) ? null : ms / 86400000 + 25569;
}

/**
 * A `t="b"` cell's value from its number (1 or 0 as Excel writes it; any other number is true) or,
 * when that is not a number, its text: "true" / "false", the rest of xsd:boolean, which Excel
 * also reads (excel4node writes them). No text is no value, as for a number; any other text is
 * not a boolean (#VALUE!), never true.
 */
function boolValue(n: number, text: () => string): CellValue | undefined {
  if (!Number.isNaN(n)) return n !== 0;
  const t = text().trim();
  return t === 'true' ? true : t === 'false' ? false : t === '' ? undefined : { error: '#VALUE!' };
}

/** Parses "B7" at bytes [s, e) into `out` (0-based); false when not a cell reference. */
function cellRef(b: Uint8Array, s: number, e: number, out: { row: number; col: number }, part: string): boolean {
  let i = s;
  let col = 0;
  while (i < e) {
    let c = b[i];
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
    if (col > MAX_COLS) throw new BeyondLimits(`${part}: ${decodeUtf8(b, s, Math.min(e, s + 20))} > XFD${MAX_ROWS}`);
    i++;
  }
  if (i === s || i === e) return false;
  const row = digits(b, i, e);
  if (row < 1) {
    if (e - i > 15) throw new BeyondLimits(`${part}: ${decodeUtf8(b, s, s + 20)}… > XFD${MAX_ROWS}`);
    return false;
  }
  if (row > MAX_ROWS) throw new BeyondLimits(`${part}: ${decodeUtf8(b, s, e)} > XFD${MAX_ROWS}`);
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

function rangeRef(text: string): CellRange | null {
  if (text.length > 40) return null;
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(text);
  if (!m) return null;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const r1 = Number(m[2]) - 1;
  const c1 = col(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? col(m[3]) : c1;
  if (Math.max(r1, r2) >= MAX_ROWS || Math.max(c1, c2) >= MAX_COLS || Math.min(r1, r2, c1, c2) < 0) return null;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

export { rangeRef };

/**
 * A piece of a worksheet part given to SheetReader.feed that does not end between two rows: the
 * part must be read whole instead (see sheet-stream.ts).
 */
export class CutUnsafe extends Error {
  constructor() {
    super('a piece of the sheet did not end between rows');
    this.name = 'CutUnsafe';
  }
}

/**
 * A worksheet part read piece by piece as it is inflated (sheet-stream.ts), or whole. Every piece
 * but the last must end right after a `</row>`; one that does not end between rows (the `</row>`
 * was inside a comment, an element outside the sheet data was cut …) throws CutUnsafe, and the
 * caller reads the part whole instead. Pieces read give the same grid as the whole part.
 */
export interface SheetReader {
  feed(piece: Uint8Array, last: boolean): void;
  finish(): SheetCells;
}

export function readSheet(bytes: Uint8Array, ctx: SheetContext): SheetCells {
  const reader = sheetReader(ctx);
  reader.feed(bytes, true);
  return reader.finish();
}

export function sheetReader(ctx: SheetContext): SheetReader {
  let x = new XmlScanner(new Uint8Array(0), ctx.part);
  let b: Uint8Array = x.bytes;
  let pieces = 0;
  const rows: Array<Array<CellValue | undefined> | undefined> = [];
  const rawMerges: CellRange[] = [];
  const tableParts: string[] = [];
  const extras: SheetExtras | undefined = ctx.extras ? { formulas: [], styled: [], columns: [], hiddenRows: [] } : undefined;
  const { sharedStrings, styles, date1904 } = ctx;
  const ref = { row: 0, col: 0 };

  // Where the reading is (row, column, the row's array, the used range): one record that both
  // lanes read and move on, the fast one (cell-run.ts) and the general one below.
  const st: RunState = {
    rows,
    cur: undefined,
    row: -1,
    col: -1,
    usedBottom: -1,
    usedRight: -1,
    sharedStrings,
    isDate: styles.isDate,
    date1904,
    budget: ctx.budget,
    width: 16,
    fresh: false,
    top: -1,
  };
  // Current cell.
  let inCell = false;
  let type = T_NUMBER;
  let style = 0;
  let hasFormula = false;
  let formula: string | null = null;
  let capture = 0; // 1 <v>, 2 <t> inside <is>, 3 <f>
  let vStart = -1;
  let vEnd = -1;
  let vStr: string | null = null;
  let hasV = false;
  let inline: string | null = null;
  let phonetic = 0;
  let inSheetData = false;

  const rawText = (): string => vStr ?? (vStart >= 0 ? unescapeXml(decodeUtf8(b, vStart, vEnd)) : '');
  const commit = (): void => {
    let v: CellValue | undefined;
    const raw = rawText;
    if (type === T_INLINE) v = inline !== null ? unescapeXstring(inline) : hasV ? raw() : undefined;
    else if (!hasV) v = undefined;
    else if (type === T_SHARED) {
      let i = vStr !== null || vStart < 0 ? -1 : digits(b, vStart, vEnd);
      const text = i < 0 ? raw().trim() : '';
      // An index written with spaces around it (" 0 ") is still that index, as LibreOffice reads it.
      if (i < 0 && /^\d{1,15}$/.test(text)) i = Number(text);
      if (i >= 0 && i < sharedStrings.length) v = sharedStrings[i];
      else if (i < 0 && text === '') v = null;
      // A string the table does not hold (a shared strings part cut short, empty or missing): the
      // sheet is unreadable, said so, rather than its text cells read as blank.
      else throw new XmlProblem(`${ctx.part}: shared string "${text || i}" is not in the table of ${sharedStrings.length}`);
    } else if (type === T_STR) v = unescapeXstring(raw());
    else if (type === T_BOOL)
      v = boolValue(vStr !== null || vStart < 0 ? Number(raw().trim() || NaN) : numberAt(b, vStart, vEnd), raw);
    else if (type === T_ERROR) v = { error: raw().trim() };
    else if (type === T_DATE) {
      const n = isoToSerial(raw().trim());
      v = n === null ? { error: '#VALUE!' } : n;
    } else {
      const n = vStr !== null || vStart < 0 ? Number(raw().trim() || NaN) : numberAt(b, vStart, vEnd);
      if (Number.isNaN(n)) v = hasFormula ? null : raw() === '' ? undefined : { error: '#VALUE!' };
      else if (!Number.isFinite(n)) v = { error: '#NUM!' };
      else v = date1904 && styles.isDate[style] ? n + DAYS_1900_TO_1904 : n;
    }
    if (hasFormula && v === undefined) {
      // A formula never calculated (no cached result): LibreOffice's booleans are known anyway.
      const f = (formula ?? '').trim().toUpperCase();
      v = f === 'TRUE()' || f === 'TRUE' ? true : f === 'FALSE()' || f === 'FALSE' ? false : { error: '#N/A' };
    }
    if (extras) {
      if (formula !== null && formula !== '') extras.formulas.push({ row: st.row, col: st.col, formula });
      if (style > 0) extras.styled.push({ row: st.row, col: st.col, style });
    }
    if (v === undefined || v === null || v === '') return;
    if (--ctx.budget.cells < 0) throw new BeyondLimits(`> ${ctx.budget.max.toLocaleString('en-US')} cells`);
    let cur = st.cur;
    if (!cur) {
      cur = [];
      st.cur = cur;
      rows[st.row] = cur;
    }
    cur[st.col] = v;
    if (st.row > st.usedBottom) st.usedBottom = st.row;
    if (st.col > st.usedRight) st.usedRight = st.col;
  };

  /** A cell opens: its r, t and s attribute values at byte ranges (start -1 when absent). */
  const startCell = (r0: number, r1: number, t0: number, t1: number, s0: number, s1: number, selfClosing: boolean): void => {
    if (r0 >= 0 && cellRef(b, r0, r1, ref, ctx.part)) {
      if (ref.row !== st.row) {
        // A cell outside its row element: trust its reference.
        st.row = ref.row;
        st.cur = rows[st.row];
      }
      st.col = ref.col;
    } else {
      if (st.row < 0) st.row = 0;
      st.col++;
      if (st.col >= MAX_COLS) throw new BeyondLimits(`${ctx.part}: XFE${st.row + 1} > XFD${MAX_ROWS}`);
    }
    type = t0 >= 0 ? cellType(b, t0, t1) : T_NUMBER;
    style = s0 >= 0 ? Math.max(0, digits(b, s0, s1)) : 0;
    hasFormula = false;
    formula = null;
    vStart = -1;
    vStr = null;
    hasV = false;
    inline = null;
    capture = 0;
    phonetic = 0;
    if (selfClosing) {
      if (extras && style > 0) extras.styled.push({ row: st.row, col: st.col, style });
    } else if (x.leaf(0x76) /* <v>…</v> */) {
      hasV = true;
      vStart = x.textStart;
      vEnd = x.textEnd;
      if (x.closes(0x63) /* </c> */) commit();
      else inCell = true;
    } else inCell = true;
  };

  // Plain rows and cells in one tight loop (cell-run.ts); what it does not take is read below.
  // The preview's extras (formulas, styles, hidden rows) are collected by the general lane only.
  const fast = !ctx.extras;
  const feed = (piece: Uint8Array, last: boolean): void => {
    // Always a plain Uint8Array (not a Node Buffer or another view type): the byte loops stay
    // monomorphic whoever cut the piece.
    const bytes = piece.constructor === Uint8Array ? piece : new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength);
    // A part in UTF-16 is transcoded whole: cut into pieces, the later ones would be read as UTF-8.
    if (pieces === 0 && !last && utf16Start(bytes) !== null) throw new CutUnsafe();
    x = new XmlScanner(bytes, ctx.part, pieces++ === 0);
    b = x.bytes;
    try {
      readPiece(last);
    } catch (e) {
      if (!last && e instanceof XmlProblem) throw new CutUnsafe();
      throw e;
    }
    if (!last && (!inSheetData || inCell)) throw new CutUnsafe();
  };

  const readPiece = (last: boolean): void => {
    for (;;) {
      if (fast && inSheetData && !inCell) {
        const from = x.position;
        const at = readCellRun(b, from, b.length, st);
        if (at < 0) throw new BeyondLimits(`> ${ctx.budget.max.toLocaleString('en-US')} cells`);
        if (at !== from) x.moveTo(at);
      }
      // The commonest element, <c …>, read without the general tokenizer.
      if (inSheetData && !inCell && x.openCell()) {
        startCell(x.cellR0, x.cellR1, x.cellT0, x.cellT1, x.cellS0, x.cellS1, x.selfClosing);
        continue;
      }
      const t = x.next();
      if (t === END) break;
      if (t === TEXT) {
        if (capture === 1) {
          if (vStart < 0 && vStr === null && !x.cdata) {
            vStart = x.textStart;
            vEnd = x.textEnd;
          } else vStr = (vStr ?? (vStart >= 0 ? unescapeXml(decodeUtf8(b, vStart, vEnd)) : '')) + x.text();
        } else if (capture === 2) {
          if (phonetic === 0) inline = (inline ?? '') + x.text();
        } else if (capture === 3) formula = (formula ?? '') + x.text();
        continue;
      }
      if (t === OPEN) {
        if (inCell) {
          if (x.is('v')) {
            capture = x.selfClosing ? 0 : 1;
            hasV = true;
          } else if (x.is('f')) {
            hasFormula = true;
            capture = x.selfClosing ? 0 : 3;
          } else if (x.is('t')) {
            if (!x.selfClosing) capture = 2;
            inline = inline ?? '';
          } else if (x.is('rPh')) {
            if (!x.selfClosing) phonetic++;
          }
          continue;
        }
        if (x.is('c') && inSheetData) {
          const r0 = x.findAttr('r') ? x.valueStart : -1;
          const r1 = x.valueEnd;
          const t0 = x.findAttr('t') ? x.valueStart : -1;
          const t1 = x.valueEnd;
          const s0 = x.findAttr('s') ? x.valueStart : -1;
          startCell(r0, r1, t0, t1, s0, x.valueEnd, x.selfClosing);
        } else if (x.is('row') && inSheetData) {
          let r = -1;
          if (x.findAttr('r')) {
            r = digits(b, x.valueStart, x.valueEnd);
            if (r < 0 && x.valueEnd - x.valueStart > 15) r = Infinity;
          }
          if (r > MAX_ROWS) {
            const shown = decodeUtf8(b, x.valueStart, Math.min(x.valueEnd, x.valueStart + 16));
            throw new BeyondLimits(`${ctx.part}: row ${shown} > ${MAX_ROWS}`);
          }
          st.row = r > 0 ? r - 1 : st.row + 1;
          if (st.row >= MAX_ROWS) throw new BeyondLimits(`${ctx.part}: row ${st.row + 1} > ${MAX_ROWS}`);
          st.cur = rows[st.row];
          st.col = -1;
          if (extras && x.attrTrue('hidden')) extras.hiddenRows.push(st.row + 1);
        } else if (x.is('sheetData')) inSheetData = !x.selfClosing;
        else if (x.is('mergeCell')) {
          const m = rangeRef(x.attr('ref') ?? '');
          if (m) rawMerges.push(m);
        } else if (x.is('tablePart')) {
          const id = x.attr('id');
          if (id) tableParts.push(id);
        } else if (x.is('col') && extras) {
          const min = x.attrInt('min');
          const max = x.attrInt('max');
          const w = x.attr('width');
          if (min >= 1 && max >= min)
            extras.columns.push({
              min,
              max: Math.min(max, MAX_COLS),
              width: w === null ? null : Number(w),
              hidden: x.attrTrue('hidden'),
            });
        } else if (!inSheetData && !x.is('worksheet') && !x.is('cols') && !x.is('mergeCells') && !x.is('tableParts')) {
          // Everything else (conditional formats, drawings, extensions …) is not read.
          if (!x.skipElement() && !last) throw new CutUnsafe();
        }
        continue;
      }
      // CLOSE
      if (inCell) {
        if (x.is('c')) {
          commit();
          inCell = false;
        } else if (x.is('v') || x.is('f') || x.is('t')) capture = 0;
        else if (x.is('rPh')) phonetic = Math.max(0, phonetic - 1);
      } else if (x.is('sheetData')) inSheetData = false;
    }
  };

  const finish = (): SheetCells => {
    // Merged areas within the used range: a merge over the whole sheet covers only what holds data.
    const { usedBottom, usedRight } = st;
    const merges: CellRange[] = [];
    for (const m of rawMerges) {
      if (m.top > usedBottom || m.left > usedRight) continue;
      merges.push({ top: m.top, left: m.left, bottom: Math.min(m.bottom, usedBottom), right: Math.min(m.right, usedRight) });
    }
    return { rows, merges, tableParts, ...(extras ? { extras } : {}) };
  };
  return { feed, finish };
}
