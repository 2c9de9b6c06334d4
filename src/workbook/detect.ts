/**
 * Finding the three lists in a workbook by content (SPEC §2): which sheet holds which list, where
 * its header row is (title rows above, two-row headers with merged group cells, Excel tables),
 * and which column holds each field.
 */
import { foldKey } from '../text/fold';
import { FieldsOf, LIST_KINDS, ListKind, ListSchema, SCHEMAS, headerScore } from './fields';
import { CellValue, SheetGrid, TableInfo, WorkbookGrid, cellAt, lastCol, lastRow } from './grid';

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
 * consolidation of several files ("Tổng hợp CCHC 2024") and the plan sheet ("Kế hoạch CCHC").
 */
export function isReportSheetName(name: string): boolean {
  const k = foldKey(name);
  return (
    /^(bao cao cchc|cchc report|tong hop cchc|cchc summary)( \d{4})?( \d+)?$/.test(k) ||
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
}

function rowTexts(sheet: SheetGrid, row: number, left: number, right: number): RowTexts {
  const raw: string[] = [];
  const keys: string[] = [];
  const seen = new Set<string>();
  let hasNumber = false;
  for (let c = left; c <= right; c++) {
    const v = cellAt(sheet, row, c);
    if (typeof v === 'number' || typeof v === 'boolean') hasNumber = true;
    const t = textOf(v);
    raw.push(t);
    const k = t ? foldKey(t) : '';
    keys.push(k);
    if (k) seen.add(k);
  }
  return { raw, keys, distinct: seen.size, hasNumber };
}

interface Mapping<F extends string> {
  columns: Partial<Record<F, number>>;
  headers: Partial<Record<F, string>>;
  count: number;
  score: number;
}

/**
 * Assigns columns to fields, best matches first, each field and column once. `layers` are the
 * header rows from the lowest (sub-headers) up: a column is named by the first layer that names
 * a field.
 */
function assign<F extends string>(schema: ListSchema<F>, layers: readonly RowTexts[], left: number): Mapping<F> {
  const pairs: Array<{ field: F; col: number; score: number; text: string }> = [];
  const width = layers[0].keys.length;
  for (let i = 0; i < width; i++) {
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
  return { columns, headers, count, score };
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
  const texts = (r: number): RowTexts => {
    let t = rowsCache.get(r);
    if (!t) {
      t = rowTexts(sheet, r, left, right);
      rowsCache.set(r, t);
    }
    return t;
  };
  const scanTo = Math.min(last, first + HEADER_SCAN_ROWS - 1);
  let best: Candidate<K> | null = null;
  for (let r = first; r <= scanTo; r++) {
    const upper = texts(r);
    if (upper.distinct < 2) continue;
    let mapping = assign(schema, [upper], left);
    let bottom = r;
    if (r + 1 <= last) {
      const lower = texts(r + 1);
      if (!lower.hasNumber && lower.distinct >= 1) {
        const two = assign(schema, [lower, upper], left);
        if (two.count > mapping.count || (two.count === mapping.count && two.score > mapping.score)) {
          mapping = two;
          bottom = r + 1;
        }
      }
    }
    const found = new Set(Object.keys(mapping.columns) as FieldsOf[K][]);
    if (!schema.qualifies(found)) continue;
    if (best && (mapping.count < best.count || (mapping.count === best.count && mapping.score <= best.layout.score))) continue;
    const table = sheet.tables?.find((t) => t.range.top === r || t.range.top === bottom);
    let dataTop = bottom + 1;
    if (dataTop <= last && isColumnNumberRow(sheet, dataTop, left, right)) dataTop++;
    const allHeaders: Array<{ col: number; text: string }> = [];
    const lowerRow = texts(bottom);
    for (let i = 0; i < upper.raw.length; i++) {
      const text = lowerRow.raw[i] || upper.raw[i];
      if (text) allHeaders.push({ col: left + i, text });
    }
    best = {
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
      },
    };
  }
  return best;
}

export type AnyLayout = ListLayout<'units'> | ListLayout<'staff'> | ListLayout<'activities'>;

/** The part of a sheet an Excel table covers, as a sheet of its own (same name and coordinates). */
function tableView(sheet: SheetGrid, table: TableInfo): SheetGrid {
  const rows: Array<Array<CellValue | undefined> | undefined> = [];
  for (let r = table.range.top; r <= table.range.bottom; r++) {
    const src = sheet.rows[r - sheet.originRow];
    rows.push(src ? src.slice(table.range.left - sheet.originCol, table.range.right - sheet.originCol + 1) : undefined);
  }
  return {
    name: sheet.name,
    rows,
    originRow: table.range.top,
    originCol: table.range.left,
    tables: [table],
    merges: sheet.merges,
  };
}

/** The list a sheet holds, if any: the kind whose headers match best and whose needs are met. */
export function detectSheet(sheet: SheetGrid): AnyLayout | null {
  const cache = new Map<number, RowTexts>();
  const units = bestForSchema(sheet, SCHEMAS.units, 'units', cache);
  const staff = bestForSchema(sheet, SCHEMAS.staff, 'staff', cache);
  const activities = bestForSchema(sheet, SCHEMAS.activities, 'activities', cache);
  const all: Array<{ count: number; layout: AnyLayout }> = [];
  if (units) all.push(units);
  if (staff) all.push(staff);
  if (activities) all.push(activities);
  if (all.length === 0) return null;
  all.sort((a, b) => b.count - a.count || b.layout.score - a.layout.score);
  return all[0].layout;
}

/** The list of one kind a sheet holds (for a range the user says is, say, the staff list). */
export function detectSheetAs<K extends ListKind>(sheet: SheetGrid, kind: K): ListLayout<K> | null {
  const c = bestForSchema(sheet, SCHEMAS[kind] as ListSchema<FieldsOf[K]>, kind, new Map());
  return c ? c.layout : null;
}

/**
 * Finds the lists in a workbook. Staff lists split over several sheets all count; for units and
 * activities, when several sheets qualify only those matching as many fields as the best are
 * kept (a summary sheet that shares a header or two is not a list).
 */
export function detectLists(workbook: WorkbookGrid): DetectedLists {
  const found: { [K in ListKind]: ListLayout<K>[] } = { units: [], staff: [], activities: [] };
  const ignored: Array<{ sheet: string; reason: IgnoredReason }> = [];
  for (const sheet of workbook.sheets) {
    if (isReportSheetName(sheet.name)) {
      ignored.push({ sheet: sheet.name, reason: 'report' });
      continue;
    }
    if (sheet.hidden) {
      ignored.push({ sheet: sheet.name, reason: 'hidden' });
      continue;
    }
    if (sheet.rows.length === 0) {
      ignored.push({ sheet: sheet.name, reason: 'empty' });
      continue;
    }
    // Several Excel tables on one sheet are several lists; otherwise the sheet holds one list.
    const views = (sheet.tables ?? []).length > 1 ? (sheet.tables ?? []).map((t) => tableView(sheet, t)) : [sheet];
    const layouts = views.map(detectSheet).filter((l): l is AnyLayout => l !== null);
    if (layouts.length === 0) {
      ignored.push({ sheet: sheet.name, reason: 'no_list' });
      continue;
    }
    for (const layout of layouts) (found[layout.kind] as AnyLayout[]).push(layout);
  }
  const strongest = <K extends ListKind>(lists: ListLayout<K>[]): ListLayout<K>[] => {
    if (lists.length < 2) return lists;
    const fieldCount = (l: ListLayout<K>) => Object.keys(l.columns).length;
    const most = Math.max(...lists.map(fieldCount));
    const keep = lists.filter((l) => fieldCount(l) === most);
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
  } as AnyLayout;
}

/** Detected lists with the manual choices applied: a manual layout replaces what was found on its sheet. */
export function applyManual(workbook: WorkbookGrid, lists: DetectedLists, manual: readonly ManualLayout[]): DetectedLists {
  if (manual.length === 0) return lists;
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const chosen = manual
    .map((m) => (sheets.has(m.sheet) ? layoutFromManual(sheets.get(m.sheet) as SheetGrid, m) : null))
    .filter((l): l is AnyLayout => l !== null);
  const taken = new Set(chosen.map((l) => l.sheet));
  const keep = <K extends ListKind>(kind: K, found: readonly ListLayout<K>[]): ListLayout<K>[] => [
    ...found.filter((l) => !taken.has(l.sheet)),
    ...(chosen.filter((l) => l.kind === kind) as ListLayout<K>[]),
  ];
  const order = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const byOrder = <T extends { sheet: string }>(ls: T[]): T[] =>
    ls.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0));
  return {
    units: byOrder(keep('units', lists.units)),
    staff: byOrder(keep('staff', lists.staff)),
    activities: byOrder(keep('activities', lists.activities)),
    ignored: lists.ignored.filter((i) => !taken.has(i.sheet)),
  };
}
