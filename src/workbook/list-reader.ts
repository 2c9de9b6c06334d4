/**
 * Walking the data rows of one detected list (SPEC §2 "Not data", "Totals and breakdowns",
 * "End of a list"): what each row is — data, blank, a group heading, a total or breakdown, a
 * repeated header, a note or signature line — and the cell values, with merged cells filled in.
 */
import { foldKey } from '../text/fold';
import { AnyLayout, ListLayout } from './detect';
import { FieldsOf, ListKind } from './fields';
import { CellValue, SheetGrid } from './grid';
import { inferUnitKind } from './values';

export type RowClass = 'data' | 'blank' | 'group' | 'total' | 'header' | 'note';
/** Row classes as small numbers, one byte per row. */
export const ROW_CLASSES: readonly RowClass[] = ['data', 'blank', 'group', 'total', 'header', 'note'];
export const DATA = 0;
export const BLANK = 1;
export const GROUP = 2;

/** A word that opens a total or breakdown row, unless one of the words after it makes a name. */
const TOTAL_OPENERS: ReadonlyArray<{ readonly word: RegExp; readonly not: RegExp | null }> = [
  { word: /^cộng(?=$|[^\p{L}])/u, not: /^cộng (đồng|hòa|hoà|tác|sự)(?=$|[^\p{L}])/u },
  {
    word: /^tổng(?=$|[^\p{L}])/u,
    not: /^tổng (công ty|cục|đội|liên đoàn|lãnh sự|biên tập|giám đốc|thư ký|kiểm toán)(?=$|[^\p{L}])/u,
  },
  { word: /^trong đó(?=$|[^\p{L}])/u, not: null },
  { word: /^(grand total|total|subtotal|of which)(?=$|[^\p{L}])/u, not: null },
];

/**
 * Totals and breakdowns (SPEC §2): a first text starting with "Cộng", "Tổng" or "Trong đó" —
 * "Tổng cộng", "Cộng khối A", "Tổng số (A+B)", "Cộng năm 2023", "Trong đó: nữ" — but not "Cộng
 * đồng …", "Tổng công ty …" or "Công chức …" (another word).
 */
export function isTotalText(text: string): boolean {
  const t = text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  for (const o of TOTAL_OPENERS) if (o.word.test(t) && !(o.not && o.not.test(t))) return true;
  // Typed without diacritics: "Tong cong", "Cong khoi A", "Trong do: nu".
  if (!/^[\x20-\x7e]+$/.test(text)) return false;
  const k = foldKey(text);
  return ['tong cong', 'tong so', 'tong', 'cong', 'cong khoi', 'cong nam', 'trong do'].some(
    (p) => k === p || k.startsWith(p + ' '),
  );
}

/** Notes under a list: they end it (when no data follows) whatever sits beside them. */
/** Notes under a list: "Ghi chú: …", "Nơi nhận: …", "Số liệu tính đến ngày 31/12/2024" … */
const NOTE_PREFIXES = 'ghi chu|noi nhan|nguon|luu y|chu thich|so lieu tinh den|so lieu den|so lieu cap nhat'.split('|');
/** Signature lines: they end a list when alone on their row, or beside another such line. */
const SIGNATURE_PREFIXES =
  'nguoi lap|xac nhan|thu truong|kt giam doc|kt chu tich|tm uy ban nhan dan|giam doc|chu tich|pho giam doc|pho chu tich|da ky'.split(
    '|',
  );
const HEADING_PREFIXES = 'khoi|nhom|danh sach|cap|nam|quy|dot|giai doan|thang'.split('|');
const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\s*[.)]?$/;
const LETTER = /^[A-Z]\s*[.)]?$/;
/** "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm 2024": a place, a comma, the date, nothing after. */
const DATE_LINE = /^[\p{L}\d .]{2,60}, ngày \d{1,2} tháng \d{1,2} năm \d{4}\.?$/iu;

function isUpperHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.trim().includes(' ');
}

function startsWithAny(key: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => key === p || key.startsWith(p + ' '));
}

/** A footnote: "* Đánh dấu x vào cột tương ứng", "(*) Số liệu …", "(1) Ghi rõ năm …". */
const FOOTNOTE = /^(?:\*+\s+|\(\*+\)\s*|\(\d{1,2}\)\s*)\p{L}/u;

function isNoteText(text: string): boolean {
  return FOOTNOTE.test(text.trim()) || startsWithAny(foldKey(text), NOTE_PREFIXES);
}

/** A line of a signature block: a title, "(Ký, ghi rõ họ tên)", the date and place line. */
function isSignatureText(text: string): boolean {
  const t = text.normalize('NFC').trim();
  if (DATE_LINE.test(t) || /^\(.*\bk[ýy]\b.*\)$/iu.test(t)) return true;
  return startsWithAny(foldKey(text), SIGNATURE_PREFIXES);
}

/**
 * A heading alone on its row: "I. KHỐI SỞ, NGÀNH", "Khối quận, huyện", "NĂM 2023". Text in capitals
 * counts as a heading only in a list that numbers its rows (a unit written "SỞ TƯ PHÁP" in a list
 * without numbers is a unit).
 */
function isHeadingText(text: string, numbered: boolean): boolean {
  if (/^([IVXLC]+|[A-Z]|\d{1,2})\s*[.)]\s*\S/.test(text)) return true;
  return startsWithAny(foldKey(text), HEADING_PREFIXES) || (numbered && isUpperHeading(text));
}

/** "I. Sở Nội vụ", "1) Sở Nội vụ", "A - Sở Nội vụ" → "Sở Nội vụ": a heading's text without its number. */
export function withoutNumbering(text: string): string {
  return text.replace(/^\s*(?:[IVXLC]+|[A-Z]|\d{1,3})\s*[.):-]\s*/, '').trim();
}

/** Whether a lone cell beside a heading only numbers it ("I", "1", "A."). */
export function isNumbering(v: CellValue): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 && v < 1000;
  return typeof v === 'string' && (ROMAN.test(v.trim()) || LETTER.test(v.trim()) || /^\d{1,3}\s*[.)]?$/.test(v.trim()));
}

/**
 * A text field (name, unit, kind, format) as text. Excel desktop passes empty cells to custom
 * functions as 0, so a lone 0 in a text field reads as blank; errors and booleans are not text.
 */
export function textOf(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return v === 0 ? '' : String(v);
  return '';
}

/**
 * Values of cells merged down a column in a list's data area (a unit name spanning its people's
 * rows), taken from the merge's top cell. Merges across columns are headings or notes: not filled.
 */
function mergedFill(sheet: SheetGrid, layout: AnyLayout): Map<string, CellValue> {
  const fill = new Map<string, CellValue>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom < layout.dataTop || m.top > layout.dataBottom) continue;
    if (m.left !== m.right || m.left < layout.left || m.left > layout.right || m.bottom - m.top + 1 > 100_000) continue;
    const r0 = m.top - sheet.originRow;
    const c0 = m.left - sheet.originCol;
    const v = sheet.rows[r0]?.[c0] ?? null;
    for (let r = m.top + 1; r <= m.bottom; r++) fill.set(`${r},${m.left}`, v);
  }
  return fill;
}

/** A text as short as a marker ("x", "có", "✓"): signature lines are longer. */
function hasShortText(a: string, b: string): boolean {
  return (a !== '' && a.length <= 3) || (b !== '' && b.length <= 3);
}

/** A text that names a unit ("Sở Nội vụ", "UBND Phường 1"): a person's row, not a signer's. */
function namesUnit(a: string, b: string): boolean {
  return (a !== '' && inferUnitKind(a) !== 'khac') || (b !== '' && inferUnitKind(b) !== 'khac');
}

/** Rows that look like data after a note: numbered, or with this many cells filled. */
const FOOTER_DATA_CELLS = 3;

export class ListReader<K extends ListKind> {
  private readonly fill: Map<string, CellValue>;
  private readonly headerTexts: ReadonlySet<string>;
  private readonly cols: readonly number[];
  private readonly sttCol: number | undefined;
  private readonly rows: SheetGrid['rows'];
  private readonly originRow: number;
  private readonly originCol: number;

  constructor(
    readonly sheet: SheetGrid,
    readonly layout: ListLayout<K>,
  ) {
    this.fill = mergedFill(sheet, layout as AnyLayout);
    this.headerTexts = new Set(layout.allHeaders.map((h) => h.text.trim()).filter((t) => t !== ''));
    const cols = new Set<number>();
    for (const [f, c] of Object.entries(layout.columns)) if (f !== 'stt') cols.add(c as number);
    for (const list of Object.values(layout.yearColumns ?? {}) as Array<ReadonlyArray<{ col: number }>>)
      for (const y of list) cols.add(y.col);
    this.cols = [...cols].sort((a, b) => a - b);
    this.sttCol = (layout.columns as Partial<Record<string, number>>).stt;
    this.rows = sheet.rows;
    this.originRow = sheet.originRow;
    this.originCol = sheet.originCol;
  }

  col(field: FieldsOf[K]): number | undefined {
    return (this.layout.columns as Partial<Record<string, number>>)[field];
  }

  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    const r = this.rows[row - this.originRow];
    const v = r ? r[col - this.originCol] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
    if (this.fill.size > 0) {
      const f = this.fill.get(`${row},${col}`);
      if (f !== undefined) return f;
    }
    return v === undefined ? null : v;
  }

  /** The raw row array of a sheet row (undefined when the row is empty), for hot loops. */
  rowArray(row: number): ReadonlyArray<CellValue | undefined> | undefined {
    return this.rows[row - this.originRow];
  }

  /** True when merged cells must be filled in (rare): hot loops then use `value`. */
  get hasMerges(): boolean {
    return this.fill.size > 0;
  }

  get colOffset(): number {
    return this.originCol;
  }

  /** The last row read (the list's last row, or the grid's when it ends earlier). */
  get lastRow(): number {
    return Math.min(this.layout.dataBottom, this.originRow + this.rows.length - 1);
  }

  /**
   * What a row is, without allocating: numbered rows are data at once; others are looked at.
   * `footer`: a note was seen above, so only rows that look like data (numbered, or with three
   * cells filled) are data; the rest of a signature block is a note.
   */
  classify(r: number, footer = false): RowClass {
    const stt = this.value(r, this.sttCol);
    if (typeof stt === 'number') {
      // A numbered row is data when anything besides its number is filled in (templates number rows ahead).
      for (const c of this.cols) {
        const v = this.value(r, c);
        if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) return 'data';
      }
      return 'blank';
    }
    let sttText = '';
    if (typeof stt === 'string') {
      sttText = stt.trim();
      if (ROMAN.test(sttText) || LETTER.test(sttText)) return 'group';
      if (sttText && isTotalText(sttText)) return 'total';
    }
    let nonEmpty = 0;
    let texts = 0;
    let first = '';
    let second = '';
    let headerHits = sttText && this.headerTexts.has(sttText) ? 1 : 0;
    for (const c of this.cols) {
      const v = this.value(r, c);
      if (v === null || v === '') continue;
      if (typeof v === 'string') {
        const t = v.trim();
        if (!t) continue;
        texts++;
        if (!first) first = t;
        else if (!second) second = t;
        if (this.headerTexts.has(t)) headerHits++;
      }
      nonEmpty++;
    }
    if (nonEmpty === 0) return sttText && (isNoteText(sttText) || isSignatureText(sttText)) ? 'note' : 'blank';
    if (first && isTotalText(first)) return 'total';
    if (headerHits >= 2) return 'header';
    if (first && nonEmpty <= 2 && isNoteText(first)) return 'note';
    if (nonEmpty === 1 && first && isSignatureText(first)) return 'note';
    if (nonEmpty === 2 && texts === 2 && [first, second].every((t) => isNoteText(t) || isSignatureText(t))) return 'note';
    if (nonEmpty === 1 && !sttText && texts === 1 && isHeadingText(first, this.sttCol !== undefined)) return 'group';
    // After a note, a row of one or two texts is the signature block (titles, signers' names); a
    // number, a marker, a unit's name or a third cell says data.
    if (footer && nonEmpty < FOOTER_DATA_CELLS && texts === nonEmpty && !hasShortText(first, second) && !namesUnit(first, second))
      return 'note';
    return 'data';
  }

  /**
   * The class of every row from the list's first data row to its last, one byte each (see
   * ROW_CLASSES). A note or signature line does not end the list: rows after it that look like
   * data are still data (SPEC §2 "End of a list").
   */
  rowClasses(): Uint8Array {
    const top = this.layout.dataTop;
    const last = this.lastRow;
    const out = new Uint8Array(Math.max(0, last - top + 1));
    let footer = false;
    for (let r = top; r <= last; r++) {
      const kind = this.classify(r, footer);
      if (kind === 'note') footer = true;
      out[r - top] = ROW_CLASSES.indexOf(kind);
    }
    return out;
  }

  /** The data rows, top down. */
  *dataRows(): Generator<number> {
    const classes = this.rowClasses();
    for (let i = 0; i < classes.length; i++) if (classes[i] === DATA) yield this.layout.dataTop + i;
  }

  /** An upper bound on the data rows (for sizing tables). */
  rowBound(): number {
    return Math.max(0, this.lastRow - this.layout.dataTop + 1);
  }

  /**
   * The one text of a row within the list's columns (a heading such as "I. Sở Nội vụ" or a merged
   * "SỞ NỘI VỤ"), without its numbering; null when the row holds anything else.
   */
  loneText(r: number): { text: string; col: number } | null {
    const row = this.rows[r - this.originRow];
    if (!row) return null;
    let found: { text: string; col: number } | null = null;
    const from = Math.max(this.layout.left, this.originCol);
    const to = Math.min(this.layout.right, this.originCol + row.length - 1);
    let numbering = 0;
    for (let c = from; c <= to; c++) {
      const v = row[c - this.originCol];
      if (v === null || v === undefined || (typeof v === 'string' && v.trim() === '')) continue;
      if (!found && numbering === 0 && isNumbering(v)) {
        numbering++;
        continue;
      }
      if (found || typeof v !== 'string') return null;
      found = { text: withoutNumbering(v), col: c };
    }
    return found && found.text ? found : null;
  }
}
