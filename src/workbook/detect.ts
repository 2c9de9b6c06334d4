/**
 * Finding the three lists in a workbook by content (SPEC §2): which sheet holds which list, where
 * its header row is (title rows above, two-row headers with merged group cells, Excel tables),
 * and which column holds each field.
 */
import { UNIT_STATUS_TEXT } from '../i18n';
import { foldKey } from '../text/fold';
import { cached } from '../text/memo';
import { FieldSpec, FieldsOf, LIST_KINDS, ListKind, ListSchema, SCHEMAS, headerScore } from './fields';
import { CellValue, SheetGrid, TableInfo, WorkbookGrid, cellAt, lastCol, lastRow } from './grid';
import { YearColumn, bareYear, isYearSubHeaderRow, splitYearHeader, spreadGroupHeaders } from './year-columns';

/** Where a list is and how its columns map to fields (0-based sheet coordinates). */
export interface ListLayout<K extends ListKind = ListKind> {
  readonly kind: K;
  readonly sheet: string;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** First row that may hold data (after the header and any column-number row). */
  readonly dataTop: number;
  /** Last row that may hold data (a table's last row, else the sheet's). */
  readonly dataBottom: number;
  readonly columns: Readonly<Partial<Record<FieldsOf[K], number>>>;
  /** The header text as written, for each mapped field. */
  readonly headers: Readonly<Partial<Record<FieldsOf[K], string>>>;
  /** Every header of the list, by column, as written (for choosing a column by hand). */
  readonly allHeaders: ReadonlyArray<{ readonly col: number; readonly text: string }>;
  readonly table?: string;
  /** How strongly the headers matched (sum of field scores). */
  readonly score: number;
  /** The columns the list spans (several lists may share a sheet, side by side). */
  readonly left: number;
  readonly right: number;
  /**
   * Fields spread over one column per year (SPEC §2 "One column per year"), oldest year first;
   * `columns` then holds the first of them.
   */
  readonly yearColumns?: Readonly<Partial<Record<FieldsOf[K], readonly YearColumn[]>>>;
}

export interface DetectedLists {
  readonly units: readonly ListLayout<'units'>[];
  readonly staff: readonly ListLayout<'staff'>[];
  readonly activities: readonly ListLayout<'activities'>[];
  /** Sheets that hold none of the lists, with the best near-miss (for messages). */
  readonly ignored: ReadonlyArray<{ readonly sheet: string; readonly reason: IgnoredReason }>;
}

export type IgnoredReason = 'no_list' | 'report' | 'weaker_duplicate' | 'empty' | 'hidden';

/** Rows scanned from the top of a sheet for a header row. */
export const HEADER_SCAN_ROWS = 40;

/**
 * The add-in's own sheets are never read as lists: report sheets ("Báo cáo CCHC 2024"), the
 * consolidation of several files ("Tổng hợp CCHC 2024"), the period summary ("Tổng kết CCHC
 * 2022–2025"), the training-needed list ("Danh sách cần bồi dưỡng"), the data issues ("Vấn đề
 * dữ liệu") and the plan sheet ("Kế hoạch CCHC") — in either language, with the " (2)" a second
 * copy gets.
 */
export function isReportSheetName(name: string): boolean {
  const k = foldKey(name);
  return (
    /^(bao cao cchc|cchc report|tong hop cchc|cchc summary)( \d{4})?( \d+)?$/.test(k) ||
    /^(tong ket cchc|cchc summary) \d{4} \d{4}( \d+)?$/.test(k) ||
    /^(danh sach can boi duong|training needed|van de du lieu|data issues)( \d{4})?( \d+)?$/.test(k) ||
    k === 'ke hoach cchc' ||
    k === 'cchc plan'
  );
}

function textOf(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : '';
}

interface RowTexts {
  readonly raw: string[];
  readonly keys: string[];
  /** Distinct non-empty texts (a merged title repeats one). */
  readonly distinct: number;
  readonly hasNumber: boolean;
  /** Numbers by column (null: not a number). */
  readonly numbers: (number | null)[];
  /** Each cell read as a year sub-header ("2023", 2023, "Năm 2023"), else null. */
  readonly years: (number | null)[];
}

function rowTexts(sheet: SheetGrid, row: number, left: number, right: number): RowTexts {
  const raw: string[] = [];
  const keys: string[] = [];
  const numbers: (number | null)[] = [];
  const years: (number | null)[] = [];
  const seen = new Set<string>();
  let hasNumber = false;
  for (let c = left; c <= right; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === 'number' || typeof v === 'boolean') hasNumber = true;
    numbers.push(typeof v === 'number' ? v : null);
    const t = textOf(v);
    raw.push(t);
    const k = t ? foldKey(t) : '';
    keys.push(k);
    years.push(bareYear(v, k));
    if (k) seen.add(k);
  }
  return { raw, keys, distinct: seen.size, hasNumber, numbers, years };
}

/** Every field of every list: whether a header text names one is the same question for all. */
const ALL_FIELDS: ReadonlyArray<{ spec: FieldSpec<string>; year: boolean }> = LIST_KINDS.flatMap((kind) => {
  const schema = SCHEMAS[kind] as ListSchema<string>;
  return schema.fields.map((spec) => ({ spec, year: schema.yearFields?.includes(spec.field) === true }));
});

type AnyField = (typeof ALL_FIELDS)[number];

/**
 * The fields of every list by the first word of each text and phrase they answer to. A key that
 * names a field holds that first word as one of its words (an exact text is the key itself; a
 * phrase starts on a word boundary inside it), and so does the part before a year (its words are
 * the key's): only those fields can score, and most data — people's names, units, dates — meets
 * none or one of them instead of every field's score.
 */
const FIELDS_BY_FIRST_WORD: ReadonlyMap<string, readonly AnyField[]> = (() => {
  const byWord = new Map<string, AnyField[]>();
  for (const f of ALL_FIELDS)
    for (const text of [...f.spec.exact, ...f.spec.phrases]) {
      const word = text.split(' ')[0];
      const list = byWord.get(word) ?? [];
      if (!list.includes(f)) list.push(f);
      byWord.set(word, list);
    }
  return byWord;
})();

/** Whether a folded header text names any field of any list, alone or before a year. */
export const keyNamesAField = cached((key: string): boolean => {
  const candidates = new Set<AnyField>();
  for (const word of key.split(' ')) for (const f of FIELDS_BY_FIRST_WORD.get(word) ?? []) candidates.add(f);
  if (candidates.size === 0) return false;
  const split = splitYearHeader(key);
  return [...candidates].some(
    ({ spec, year }) => headerScore(spec, key) > 0 || (year && split !== null && headerScore(spec, split.rest) > 0),
  );
});

const rowNames = new WeakMap<RowTexts, boolean>();

/** Whether any cell of the row names a field (a row that names none heads no list). */
function namesAField(t: RowTexts): boolean {
  let yes = rowNames.get(t);
  if (yes === undefined) {
    yes = t.keys.some((k) => k !== '' && keyNamesAField(k));
    rowNames.set(t, yes);
  }
  return yes;
}

/** A row of texts as header layer (raw texts given, keys and years recomputed). */
function layerOf(raw: readonly string[]): RowTexts {
  const keys = raw.map((t) => (t ? foldKey(t) : ''));
  return {
    raw: [...raw],
    keys,
    distinct: new Set(keys.filter((k) => k)).size,
    hasNumber: false,
    numbers: raw.map(() => null),
    years: keys.map((k) => bareYear(null, k)),
  };
}

interface Mapping<F extends string> {
  columns: Partial<Record<F, number>>;
  headers: Partial<Record<F, string>>;
  yearColumns: Partial<Record<F, YearColumn[]>>;
  count: number;
  score: number;
}

/**
 * Columns of fields spread over years: "Bồi dưỡng CCHC 2023" in any layer, or a bare year whose
 * group header (the layer above, spread over its span) names the field. One field per column.
 */
function yearCandidates<F extends string>(
  schema: ListSchema<F>,
  layers: readonly RowTexts[],
  left: number,
): Array<{ field: F; col: number; year: number; score: number; text: string }> {
  const fields = schema.fields.filter((f) => schema.yearFields?.includes(f.field));
  if (fields.length === 0) return [];
  const out: Array<{ field: F; col: number; year: number; score: number; text: string }> = [];
  for (let i = 0; i < layers[0].keys.length; i++) {
    let rest = '';
    let year: number | null = null;
    let text = '';
    const bare = layers[0].years[i];
    if (bare !== null && layers.length > 1 && layers[1].keys[i]) {
      rest = layers[1].keys[i];
      year = bare;
      text = layers[1].raw[i];
    } else {
      for (const layer of layers) {
        if (!layer.keys[i]) continue;
        const split = splitYearHeader(layer.keys[i]);
        if (split) ({ rest, year } = split);
        text = layer.raw[i];
        break;
      }
    }
    if (year === null) continue;
    let best: { field: F; score: number } | null = null;
    for (const spec of fields) {
      const score = headerScore(spec, rest);
      if (score > 0 && (best === null || score > best.score)) best = { field: spec.field, score };
    }
    if (best) out.push({ field: best.field, col: left + i, year, score: best.score, text });
  }
  return out;
}

/**
 * Assigns columns to fields, best matches first, each field and column once. `layers` are the
 * header rows from the lowest (sub-headers) up: a column is named by the first layer that names
 * a field. Year columns of one field are assigned together.
 */
function assign<F extends string>(schema: ListSchema<F>, layers: readonly RowTexts[], left: number): Mapping<F> {
  const pairs: Array<{ field: F; col: number; score: number; text: string }> = [];
  const years = yearCandidates(schema, layers, left);
  const yearCols = new Set(years.map((y) => y.col));
  const width = layers[0].keys.length;
  for (let i = 0; i < width; i++) {
    if (yearCols.has(left + i)) continue;
    for (const spec of schema.fields) {
      let best = 0;
      let text = '';
      for (const layer of layers) {
        const s = headerScore(spec, layer.keys[i]);
        if (s > best) {
          best = s;
          text = layer.raw[i];
        }
        if (layer.keys[i]) break; // a sub-header names its column; the group above does not
      }
      if (best > 0) pairs.push({ field: spec.field, col: left + i, score: best, text });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const columns: Partial<Record<F, number>> = {};
  const headers: Partial<Record<F, string>> = {};
  const yearColumns: Partial<Record<F, YearColumn[]>> = {};
  const usedCols = new Set<number>();
  let count = 0;
  let score = 0;
  for (const p of pairs) {
    if (columns[p.field] !== undefined || usedCols.has(p.col)) continue;
    columns[p.field] = p.col;
    headers[p.field] = p.text;
    usedCols.add(p.col);
    count++;
    score += p.score;
  }
  for (const y of years) {
    if (columns[y.field] !== undefined && yearColumns[y.field] === undefined) continue;
    const list = yearColumns[y.field] ?? (yearColumns[y.field] = []);
    if (list.length === 0) {
      columns[y.field] = y.col;
      headers[y.field] = y.text;
      count++;
      score += y.score;
    }
    list.push({ col: y.col, year: y.year });
  }
  for (const list of Object.values(yearColumns) as YearColumn[][]) {
    list.sort((a, b) => a.year - b.year || a.col - b.col);
  }
  for (const [field, list] of Object.entries(yearColumns) as Array<[F, YearColumn[]]>) columns[field] = list[0].col;
  return { columns, headers, yearColumns, count, score };
}

/** A row of nothing but years (2023, "2023", "Năm 2023"), at least two: year sub-headers, not data. */
function onlyYears(t: RowTexts): boolean {
  let n = 0;
  for (let i = 0; i < t.keys.length; i++) {
    if (t.years[i] !== null) n++;
    else if (t.keys[i] !== '' || t.numbers[i] !== null) return false;
  }
  return n >= 2;
}

/** A row of column numbers under the header: 1, 2, 3 … or (1), (2), (3) …, or A, B, C … */
function isColumnNumberRow(sheet: SheetGrid, row: number, left: number, right: number): boolean {
  const seq: number[] = [];
  for (let c = left; c <= right; c++) {
    const v = cellAt(sheet, row, c);
    if (v === null || v === '') continue;
    let n: number | null = null;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string') {
      const m = /^\(?\s*(\d{1,3})\s*\)?$/.exec(v.trim());
      if (m) n = Number(m[1]);
      else if (/^\(?[A-Z]\)?$/.test(v.trim())) n = v.trim().replace(/[()]/g, '').charCodeAt(0) - 64;
    }
    if (n === null) return false;
    seq.push(n);
  }
  if (seq.length < 3) return false;
  return seq.every((n, i) => i === 0 || n === seq[i - 1] + 1);
}

interface Candidate<K extends ListKind> {
  layout: ListLayout<K>;
  count: number;
}

type TextsOf = (r: number) => RowTexts;

function textsCache(sheet: SheetGrid, left: number, right: number, cache: Map<number, RowTexts>): TextsOf {
  return (r: number): RowTexts => {
    let t = cache.get(r);
    if (!t) {
      t = rowTexts(sheet, r, left, right);
      cache.set(r, t);
    }
    return t;
  };
}

/** The layout of `kind` whose header row is `r` (alone, or over sub-headers in row r+1); null if none. */
function layoutAt<K extends ListKind>(
  sheet: SheetGrid,
  schema: ListSchema<FieldsOf[K]>,
  kind: K,
  r: number,
  texts: TextsOf,
  right: number,
): Candidate<K> | null {
  const last = lastRow(sheet);
  const left = sheet.originCol;
  const upper = texts(r);
  if (upper.distinct < 2) return null;
  // A header names fields in this row or (two-row headers) the next: rows that name none — the
  // data under a header, a title — are passed over without trying every field on every cell.
  if (!namesAField(upper) && (r + 1 > last || !namesAField(texts(r + 1)))) return null;
  let mapping = assign(schema, [upper], left);
  let bottom = r;
  if (r + 1 <= last) {
    const lower = texts(r + 1);
    const years = lower.hasNumber && isYearSubHeaderRow(lower.numbers, lower.years, upper.raw);
    if ((!lower.hasNumber || years) && (lower.distinct >= 1 || years)) {
      const spread = layerOf(spreadGroupHeaders(upper.raw, lower.years, r, left, sheet.merges ?? []));
      const lowerLayer: RowTexts = {
        ...lower,
        keys: lower.keys.map((k, i) => k || (lower.years[i] !== null ? String(lower.years[i]) : '')),
      };
      const two = assign(schema, [lowerLayer, spread], left);
      // A row that adds nothing to the row below it (a data row over a header repeated after a
      // page break, a title) does not head it: the row below is a header of its own.
      const alone = assign(schema, [lowerLayer], left);
      const upperAdds = two.count > alone.count || two.score > alone.score;
      if (upperAdds && (two.count > mapping.count || (two.count === mapping.count && two.score > mapping.score))) {
        mapping = two;
        bottom = r + 1;
      }
    }
  }
  if (bottom === r + 1 && r + 2 <= last) {
    // A three-row header: a group over field headers, one of them over year sub-headers
    // ("KẾT QUẢ" over "Bồi dưỡng CCHC" over 2023, 2024).
    const mid = texts(r + 1);
    const low = texts(r + 2);
    if (onlyYears(low) && isYearSubHeaderRow(low.numbers, low.years, mid.raw)) {
      const lowLayer: RowTexts = { ...low, keys: low.years.map((y) => (y !== null ? String(y) : '')) };
      const midSpread = layerOf(spreadGroupHeaders(mid.raw, low.years, r + 1, left, sheet.merges ?? []));
      const topSpread = layerOf(spreadGroupHeaders(upper.raw, mid.years, r, left, sheet.merges ?? []));
      const three = assign(schema, [lowLayer, midSpread, topSpread], left);
      const yearFields = (m: Mapping<FieldsOf[K]>) => Object.keys(m.yearColumns).length;
      if (three.count > mapping.count || (three.count === mapping.count && yearFields(three) > yearFields(mapping))) {
        mapping = three;
        bottom = r + 2;
      }
    }
  }
  const found = new Set(Object.keys(mapping.columns) as FieldsOf[K][]);
  if (!schema.qualifies(found)) return null;
  const table = sheet.tables?.find((t) => t.range.top === r || t.range.top === bottom);
  let dataTop = bottom + 1;
  if (dataTop <= last && isColumnNumberRow(sheet, dataTop, left, right)) dataTop++;
  const allHeaders: Array<{ col: number; text: string }> = [];
  const lowerRow = texts(bottom);
  const midRow = bottom > r + 1 ? texts(r + 1) : lowerRow;
  for (let i = 0; i < upper.raw.length; i++) {
    const text = lowerRow.raw[i] || midRow.raw[i] || upper.raw[i];
    if (text) allHeaders.push({ col: left + i, text });
  }
  const hasYears = Object.keys(mapping.yearColumns).length > 0;
  return {
    count: mapping.count,
    layout: {
      kind,
      sheet: sheet.name,
      headerTop: r,
      headerBottom: bottom,
      dataTop,
      dataBottom: table ? table.range.bottom : Math.max(last, (sheet.totalRows ?? 0) - 1),
      columns: mapping.columns,
      headers: mapping.headers,
      allHeaders,
      table: table?.name,
      score: mapping.score,
      left,
      right,
      ...(hasYears ? { yearColumns: mapping.yearColumns } : {}),
    },
  };
}

function better(a: Candidate<ListKind>, b: Candidate<ListKind> | null): boolean {
  return b === null || a.count > b.count || (a.count === b.count && a.layout.score > b.layout.score);
}

function bestForSchema<K extends ListKind>(
  sheet: SheetGrid,
  schema: ListSchema<FieldsOf[K]>,
  kind: K,
  rowsCache: Map<number, RowTexts>,
): Candidate<K> | null {
  const first = sheet.originRow;
  const last = lastRow(sheet);
  const left = sheet.originCol;
  const right = lastCol(sheet);
  if (right < left || last < first) return null;
  const texts = textsCache(sheet, left, right, rowsCache);
  const scanTo = Math.min(last, first + HEADER_SCAN_ROWS - 1);
  let best: Candidate<K> | null = null;
  for (let r = first; r <= scanTo; r++) {
    const c = layoutAt(sheet, schema, kind, r, texts, right);
    if (c && better(c, best)) best = c;
  }
  return best;
}

/** Every column a list's reading looks at: its fields' columns and all their year columns. */
export function layoutColumns(layout: AnyLayout): number[] {
  const cols = new Set<number>(Object.values(layout.columns as Record<string, number>));
  for (const list of Object.values(layout.yearColumns ?? {}) as Array<readonly YearColumn[]>)
    for (const y of list) cols.add(y.col);
  return [...cols].sort((a, b) => a - b);
}

export type AnyLayout = ListLayout<'units'> | ListLayout<'staff'> | ListLayout<'activities'>;

/** The part of a sheet an Excel table covers, as a sheet of its own (same name and coordinates). */
function tableView(sheet: SheetGrid, table: TableInfo): SheetGrid {
  return { ...view(sheet, table.range.top, table.range.bottom, table.range.left, table.range.right), tables: [table] };
}

/** Rows top..bottom, columns left..right of a sheet, as a sheet of its own (same name and coordinates). */
function view(sheet: SheetGrid, top: number, bottom: number, left: number, right: number): SheetGrid {
  const rows: Array<Array<CellValue | undefined> | undefined> = [];
  for (let r = top; r <= bottom; r++) {
    const src = sheet.rows[r - sheet.originRow];
    rows.push(src ? src.slice(left - sheet.originCol, right - sheet.originCol + 1) : undefined);
  }
  return {
    name: sheet.name,
    rows,
    originRow: top,
    originCol: left,
    merges: sheet.merges,
    ...(sheet.tables ? { tables: sheet.tables } : {}),
    ...(sheet.totalRows !== undefined && bottom === lastRow(sheet) ? { totalRows: sheet.totalRows } : {}),
  };
}

/** The list a sheet holds, if any: the kind whose headers match best and whose needs are met. */
export function detectSheet(sheet: SheetGrid): AnyLayout | null {
  return stackedLists(sheet)[0] ?? null;
}

/** The list of one kind a sheet holds (for a range the user says is, say, the staff list). */
export function detectSheetAs<K extends ListKind>(sheet: SheetGrid, kind: K): ListLayout<K> | null {
  const c = bestForSchema(sheet, SCHEMAS[kind] as ListSchema<FieldsOf[K]>, kind, new Map());
  return c ? c.layout : null;
}

/** Header rows looked at below the top rows (those after a blank row), per sheet. */
const MAX_LOWER_HEADER_CHECKS = 2000;

/** A cell with something in it (a string of spaces is empty); trims only strings that start with a space. */
function filled(v: CellValue | undefined): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v !== 'string') return true;
  return v.length > 0 && (v.charCodeAt(0) > 32 || v.trim() !== '');
}

function isBlankRow(sheet: SheetGrid, r: number): boolean {
  const row = sheet.rows[r - sheet.originRow];
  if (!row) return true;
  for (const v of row) if (filled(v)) return false;
  return true;
}

/**
 * The lists in one block of a sheet, top down (SPEC §2 "Several lists on one sheet", stacked):
 * every row that heads a list — in the top rows, or after a blank row further down — is a
 * candidate; candidates two rows apart or less are one header (title, two-row header) and the
 * best of them wins; each list ends where the next one's header starts.
 */
function stackedLists(sheet: SheetGrid): AnyLayout[] {
  const first = sheet.originRow;
  const last = lastRow(sheet);
  const left = sheet.originCol;
  const right = lastCol(sheet);
  if (right < left || last < first) return [];
  const texts = textsCache(sheet, left, right, new Map());
  const scanTo = Math.min(last, first + HEADER_SCAN_ROWS - 1);
  const bestAt = (r: number): Candidate<ListKind> | null => {
    let best: Candidate<ListKind> | null = null;
    for (const kind of LIST_KINDS) {
      const c = layoutAt(sheet, SCHEMAS[kind] as ListSchema<FieldsOf[ListKind]>, kind, r, texts, right);
      if (c && better(c, best)) best = c;
    }
    return best;
  };
  const clusters: Candidate<ListKind>[][] = [];
  let checks = 0;
  for (let r = first; r <= last; r++) {
    if (r > scanTo) {
      if (checks >= MAX_LOWER_HEADER_CHECKS || !isBlankRow(sheet, r - 1) || isBlankRow(sheet, r)) continue;
      checks++;
      const t = texts(r);
      if (t.distinct < 2 || t.numbers.some((n) => n !== null)) continue;
    }
    const c = bestAt(r);
    if (!c) continue;
    const cluster = clusters[clusters.length - 1];
    const previous = cluster?.[cluster.length - 1];
    if (previous && c.layout.headerTop - previous.layout.headerTop <= 2) cluster.push(c);
    else clusters.push([c]);
  }
  const chosen = clusters.map((cl) => cl.reduce((a, b) => (better(b, a) ? b : a)).layout);
  return chosen.map((l, i) => {
    const next = chosen[i + 1];
    return next && next.headerTop - 1 < l.dataBottom ? ({ ...l, dataBottom: next.headerTop - 1 } as AnyLayout) : l;
  });
}

/** The add-in's own status column beside a units list (header as report/status-column.ts writes it). */
const STATUS_HEADER = /^(trang thai cchc|cchc status) \d{4}$/;
const STATUS_WORDS: ReadonlySet<string> = new Set(Object.values(UNIT_STATUS_TEXT).flatMap((t) => [foldKey(t.vi), foldKey(t.en)]));

function isOwnStatusText(v: CellValue | undefined): boolean {
  if (typeof v !== 'string') return false;
  const k = foldKey(v);
  return STATUS_HEADER.test(k) || STATUS_WORDS.has(k);
}

/**
 * Column bands of a sheet split by columns with no value in any row (SPEC §2 lists side by side).
 * The add-in's own status column (written into that blank column) ends the band on its left.
 */
function columnBands(sheet: SheetGrid): Array<{ left: number; right: number }> {
  const width = lastCol(sheet) - sheet.originCol + 1;
  if (width <= 0) return [];
  /** 0 empty, 1 the user's, 2 only the add-in's status texts. */
  const used = new Uint8Array(width);
  let theirs = 0;
  for (const row of sheet.rows) {
    if (!row) continue;
    for (let i = 0; i < row.length; i++) {
      if (used[i] === 1 || !filled(row[i])) continue;
      if (isOwnStatusText(row[i])) used[i] = 2;
      else {
        used[i] = 1;
        theirs++;
      }
    }
    // Every column holds the user's data: one band (the common case, decided in the first rows).
    if (theirs === width) return [{ left: sheet.originCol, right: sheet.originCol + width - 1 }];
  }
  const bands: Array<{ left: number; right: number; closed: boolean }> = [];
  for (let i = 0; i < width; i++) {
    if (!used[i]) continue;
    const last = bands[bands.length - 1];
    if (last && !last.closed && last.right === sheet.originCol + i - 1) last.right++;
    else bands.push({ left: sheet.originCol + i, right: sheet.originCol + i, closed: false });
    if (used[i] === 2) bands[bands.length - 1].closed = true;
  }
  return bands.map(({ left, right }) => ({ left, right }));
}

/**
 * The lists a sheet holds: one per Excel table when it has several; else side-by-side blocks
 * (separated by a blank column) when at least two of them are lists; else the sheet as one block.
 * Each block may hold lists stacked one under another.
 */
export function detectSheetLists(sheet: SheetGrid): AnyLayout[] {
  const tables = sheet.tables ?? [];
  if (tables.length > 1) return tables.map((t) => detectSheet(tableView(sheet, t))).filter((l): l is AnyLayout => l !== null);
  const bands = columnBands(sheet);
  if (bands.length > 1) {
    const found = bands.map((b) => stackedLists(view(sheet, sheet.originRow, lastRow(sheet), b.left, b.right)));
    if (found.filter((ls) => ls.length > 0).length > 1) return found.flat();
  }
  return stackedLists(sheet);
}

/**
 * Finds the lists in a workbook. Staff lists split over several sheets all count; for units and
 * activities, when several sheets qualify only those matching as many fields as the best are
 * kept (a summary sheet that shares a header or two is not a list), with the lists sharing a
 * sheet with a kept one. A hidden sheet holding a list is read (SPEC §2 "Hidden sheets"); one
 * that holds none is ignored.
 */
export function detectLists(workbook: WorkbookGrid): DetectedLists {
  const found: { [K in ListKind]: ListLayout<K>[] } = { units: [], staff: [], activities: [] };
  const ignored: Array<{ sheet: string; reason: IgnoredReason }> = [];
  for (const sheet of workbook.sheets) {
    if (isReportSheetName(sheet.name)) {
      ignored.push({ sheet: sheet.name, reason: 'report' });
      continue;
    }
    if (sheet.rows.length === 0) {
      ignored.push({ sheet: sheet.name, reason: sheet.hidden ? 'hidden' : 'empty' });
      continue;
    }
    const layouts = detectSheetLists(sheet);
    if (layouts.length === 0) {
      ignored.push({ sheet: sheet.name, reason: sheet.hidden ? 'hidden' : 'no_list' });
      continue;
    }
    for (const layout of layouts) (found[layout.kind] as AnyLayout[]).push(layout);
  }
  const strongest = <K extends ListKind>(lists: ListLayout<K>[]): ListLayout<K>[] => {
    if (lists.length < 2) return lists;
    const fieldCount = (l: ListLayout<K>) => Object.keys(l.columns).length;
    const most = Math.max(...lists.map(fieldCount));
    const keptSheets = new Set(lists.filter((l) => fieldCount(l) === most).map((l) => l.sheet));
    const keep = lists.filter((l) => keptSheets.has(l.sheet));
    for (const l of lists) if (!keep.includes(l)) ignored.push({ sheet: l.sheet, reason: 'weaker_duplicate' });
    return keep;
  };
  return { units: strongest(found.units), staff: found.staff, activities: strongest(found.activities), ignored };
}

export { LIST_KINDS };

/** A list laid out by hand (the user's confirmed or corrected column choice), on a sheet of the grid. */
export interface ManualLayout {
  readonly kind: ListKind;
  readonly sheet: string;
  readonly headerTop: number;
  readonly headerBottom: number;
  readonly columns: Readonly<Record<string, number>>;
}

/** The layout for a manual choice, with the header texts and data rows taken from the sheet. */
export function layoutFromManual(sheet: SheetGrid, m: ManualLayout): AnyLayout | null {
  const fields = new Set(SCHEMAS[m.kind].fields.map((f) => f.field as string));
  const left = sheet.originCol;
  const right = lastCol(sheet);
  const columns: Record<string, number> = {};
  for (const [field, col] of Object.entries(m.columns))
    if (fields.has(field) && col >= left && col <= right) columns[field] = col;
  if (Object.keys(columns).length === 0 || m.headerBottom < m.headerTop) return null;
  const last = lastRow(sheet);
  const upper = rowTexts(sheet, m.headerTop, left, right);
  const lower = rowTexts(sheet, m.headerBottom, left, right);
  const allHeaders: Array<{ col: number; text: string }> = [];
  for (let i = 0; i < upper.raw.length; i++) {
    const t = lower.raw[i] || upper.raw[i];
    if (t) allHeaders.push({ col: left + i, text: t });
  }
  const headers: Record<string, string> = {};
  for (const [field, col] of Object.entries(columns)) headers[field] = lower.raw[col - left] || upper.raw[col - left] || '';
  let dataTop = m.headerBottom + 1;
  if (dataTop <= last && isColumnNumberRow(sheet, dataTop, left, right)) dataTop++;
  return {
    kind: m.kind,
    sheet: sheet.name,
    headerTop: m.headerTop,
    headerBottom: m.headerBottom,
    dataTop,
    dataBottom: Math.max(last, (sheet.totalRows ?? 0) - 1),
    columns,
    headers,
    allHeaders,
    score: 0,
    left,
    right,
  } as AnyLayout;
}

/**
 * Detected lists with the manual choices applied: a manual layout replaces the lists found where
 * it is (its sheet, its header row inside their rows, its columns among theirs) and keeps their
 * bounds, so other lists sharing the sheet (stacked, side by side) stay as found.
 */
export function applyManual(workbook: WorkbookGrid, lists: DetectedLists, manual: readonly ManualLayout[]): DetectedLists {
  if (manual.length === 0) return lists;
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const all: AnyLayout[] = [...lists.units, ...lists.staff, ...lists.activities];
  const replaced = new Set<AnyLayout>();
  const chosen: AnyLayout[] = [];
  for (const m of manual) {
    const sheet = sheets.get(m.sheet);
    const l = sheet ? layoutFromManual(sheet, m) : null;
    if (!l) continue;
    const cols = Object.values(m.columns);
    const under = all.filter(
      (f) =>
        f.sheet === m.sheet &&
        f.headerTop <= m.headerTop &&
        m.headerTop <= f.dataBottom &&
        cols.some((c) => c >= f.left && c <= f.right),
    );
    for (const f of under) replaced.add(f);
    const bounds = under[0];
    chosen.push(bounds ? ({ ...l, dataBottom: bounds.dataBottom, left: bounds.left, right: bounds.right } as AnyLayout) : l);
  }
  const keep = <K extends ListKind>(kind: K, found: readonly ListLayout<K>[]): ListLayout<K>[] => [
    ...found.filter((l) => !replaced.has(l as AnyLayout)),
    ...(chosen.filter((l) => l.kind === kind) as ListLayout<K>[]),
  ];
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const byOrder = <T extends { sheet: string; headerTop: number; left: number }>(ls: T[]): T[] =>
    ls.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.headerTop - b.headerTop || a.left - b.left);
  const taken = new Set(chosen.map((l) => l.sheet));
  return {
    units: byOrder(keep('units', lists.units)),
    staff: byOrder(keep('staff', lists.staff)),
    activities: byOrder(keep('activities', lists.activities)),
    ignored: lists.ignored.filter((i) => !taken.has(i.sheet)),
  };
}
