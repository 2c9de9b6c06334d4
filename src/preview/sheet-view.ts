/**
 * What the preview's workbook view draws for one sheet of the in-memory Excel: a window of rows
 * (so a 1,500-row list stays fast), each cell's text and look (its own format, the conditional
 * formats the add-in wrote, evaluated here), merged areas, the selection and the charts.
 * Plain TypeScript over FakeExcel's inspection API; the React component only paints it.
 */
import type { CSSProperties } from 'react';
import type { FakeExcel, SheetSnapshot, WorkbookSnapshot } from '../fake-excel';
import { CellRange, columnLetters, parseA1, parseRange } from '../workbook/grid';
import { CellValueOf, Rule, parseRule, ruleHolds } from './conditional';
import type { Lang } from '../i18n';
import { localNumberText } from './number-text';

export const DEFAULT_COLUMN_PT = 48;
export const DEFAULT_ROW_PT = 15;
/** Rows drawn at once; the view pages through longer sheets. */
export const ROW_WINDOW = 300;
/** An empty sheet still shows a grid, as Excel does. */
const MIN_ROWS = 30;
const MIN_COLUMNS = 10;

type Scalar = string | number | boolean;

export interface ViewCell {
  readonly address: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly style: CSSProperties;
  /** Whether a conditional format's rule holds here (its look is in `style`). */
  readonly conditional: boolean;
  /**
   * Text that runs on to the right: the width it may take, up to the next cell with content (or
   * a merged area), where Excel cuts it. Absent when the text stays in its cell.
   */
  readonly spillPx?: number;
}

export interface ViewRow {
  readonly row: number;
  readonly heightPx: number;
  readonly cells: readonly ViewCell[];
}

export interface ViewColumn {
  readonly col: number;
  readonly letter: string;
  readonly widthPx: number;
}

export interface ChartView {
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly kind: string;
  /** The cell the chart's top-left corner sits on (null: drawn under the grid). */
  readonly anchor: string | null;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: ReadonlyArray<{ value: number; text: string }> }>;
  readonly min: number;
  readonly max: number;
}

export interface SheetView {
  readonly name: string;
  readonly columns: readonly ViewColumn[];
  readonly rows: readonly ViewRow[];
  /** First and last sheet rows (0-based) in the window, and the rows there are to draw. */
  readonly firstRow: number;
  readonly lastRow: number;
  readonly totalRows: number;
  readonly gridlines: boolean;
  readonly charts: readonly ChartView[];
  /** Rule formulas the view cannot evaluate (their looks are not drawn). */
  readonly unsupportedRules: readonly string[];
  /** The selected range on this sheet. */
  readonly selection: CellRange | null;
}

export function ptToPx(pt: number): number {
  return Math.round((pt * 4) / 3);
}

/** What a cell looks like unless its format says otherwise (the view's cell class sets these). */
export const CELL_DEFAULTS = {
  fontFamily: 'Calibri, Carlito, "Segoe UI", Arial, sans-serif',
  fontSize: '11pt',
  color: '#000000',
  gridline: '1px solid #e1e1e1',
} as const;

const FONTS: Record<string, string> = {
  calibri: CELL_DEFAULTS.fontFamily,
  'times new roman': '"Times New Roman", Tinos, "Liberation Serif", "DejaVu Serif", serif',
  arial: 'Arial, "Liberation Sans", Helvetica, sans-serif',
};

function fontFamily(name: string): string {
  return FONTS[name.toLowerCase()] ?? `"${name.replace(/"/g, '')}", sans-serif`;
}

const BORDER_STYLES: Record<string, string> = {
  Continuous: 'solid',
  Dash: 'dashed',
  DashDot: 'dashed',
  DashDotDot: 'dashed',
  Dot: 'dotted',
  Double: 'double',
  SlantDashDot: 'dashed',
};
const BORDER_WIDTHS: Record<string, number> = { Hairline: 1, Thin: 1, Medium: 2, Thick: 3 };

type Format = Record<string, string | number | boolean>;

function border(f: Format, edge: 'Top' | 'Bottom' | 'Left' | 'Right'): string | null {
  const style = String(f[`border${edge}Style`] ?? 'None');
  if (style === 'None') return null;
  const css = BORDER_STYLES[style] ?? 'solid';
  const width = style === 'Double' ? 3 : (BORDER_WIDTHS[String(f[`border${edge}Weight`])] ?? 1);
  return `${width}px ${css} ${String(f[`border${edge}Color`] ?? '#000000')}`;
}

function alignment(f: Format, valueType: string): CSSProperties['textAlign'] {
  switch (f.horizontalAlignment) {
    case 'Left':
      return 'left';
    case 'Center':
    case 'CenterAcrossSelection':
      return 'center';
    case 'Right':
      return 'right';
    case 'Justify':
    case 'Distributed':
      return 'justify';
  }
  if (valueType === 'Double') return 'right';
  if (valueType === 'Boolean' || valueType === 'Error') return 'center';
  return 'left';
}

function verticalAlign(f: Format): CSSProperties['verticalAlign'] {
  return f.verticalAlignment === 'Top' ? 'top' : f.verticalAlignment === 'Center' ? 'middle' : 'bottom';
}

interface Look {
  fill?: string;
  fontColor?: string;
  fontBold?: boolean;
  fontItalic?: boolean;
}

export interface BuildOptions {
  /** First sheet row (0-based) of the window. */
  readonly startRow?: number;
  readonly maxRows?: number;
  /** Number cells in this locale's style (vi: "93,02%", "1.500"); default vi. */
  readonly lang?: Lang;
}

/** "AB12" → 0-based row and column, without regular expressions (the view reads every cell's address). */
function position(address: string): { row: number; col: number } {
  let col = 0;
  let i = 0;
  for (; i < address.length; i++) {
    const ch = address.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  return { row: Number(address.slice(i)) - 1, col: col - 1 };
}

/** The sheet's extent: rows and columns holding anything the view should show. */
function extent(sheet: SheetSnapshot): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  for (const c of sheet.cells) {
    const p = position(c.address);
    if (p.row >= rows) rows = p.row + 1;
    if (p.col >= cols) cols = p.col + 1;
  }
  const take = (r: CellRange | null) => {
    if (!r) return;
    rows = Math.max(rows, r.bottom + 1);
    cols = Math.max(cols, r.right + 1);
  };
  for (const m of sheet.merges) take(parseRange(m));
  for (const ch of sheet.charts) if (ch.position) take(parseRange(ch.position.end ?? ch.position.start));
  return { rows, cols };
}

function chartViews(fake: FakeExcel, sheet: SheetSnapshot): ChartView[] {
  return sheet.charts.map((ch) => {
    const src = parseRange(ch.source);
    const cell = (r: number, c: number) => fake.cell(sheet.name, columnLetters(c) + (r + 1));
    const categories: string[] = [];
    const series: Array<{ name: string; values: Array<{ value: number; text: string }> }> = [];
    if (src) {
      const byColumns = ch.seriesBy !== 'Rows';
      const outer = byColumns ? src.right - src.left : src.bottom - src.top;
      const inner = byColumns ? src.bottom - src.top : src.right - src.left;
      for (let i = 1; i <= inner; i++)
        categories.push(byColumns ? cell(src.top + i, src.left).text : cell(src.top, src.left + i).text);
      for (let s = 1; s <= outer; s++) {
        const name = ch.series[s - 1]?.name ?? (byColumns ? cell(src.top, src.left + s).text : cell(src.top + s, src.left).text);
        const values: Array<{ value: number; text: string }> = [];
        for (let i = 1; i <= inner; i++) {
          const info = byColumns ? cell(src.top + i, src.left + s) : cell(src.top + s, src.left + i);
          values.push({ value: typeof info.value === 'number' ? info.value : 0, text: info.text });
        }
        series.push({ name, values });
      }
    }
    const all = series.flatMap((s) => s.values.map((v) => v.value));
    const min = ch.axes.value.minimum ?? Math.min(0, ...all);
    const max = ch.axes.value.maximum ?? Math.max(1, ...all);
    return {
      id: ch.id,
      name: ch.name,
      title: ch.title.visible ? ch.title.text : '',
      kind: ch.chartType,
      anchor: ch.position?.start ?? null,
      widthPx: ptToPx(ch.width),
      heightPx: ptToPx(ch.height),
      categories,
      series,
      min,
      max: max > min ? max : min + 1,
    };
  });
}

export interface SheetTab {
  readonly name: string;
  readonly tabColor: string;
}

export interface WorkbookView {
  /** Visible sheets, in tab order. */
  readonly tabs: readonly SheetTab[];
  readonly sheet: SheetView;
}

/** The tabs and the active sheet's view (one snapshot of the workbook, then only the window's cells). */
export function buildWorkbookView(fake: FakeExcel, options: BuildOptions = {}): WorkbookView {
  const snap = fake.snapshot();
  const tabs = snap.sheets.filter((s) => s.visibility === 'Visible').map((s) => ({ name: s.name, tabColor: s.tabColor }));
  return { tabs, sheet: buildSheetView(fake, snap, snap.activeSheet, options) };
}

/** What the view draws for one sheet of a snapshot. */
export function buildSheetView(
  fake: FakeExcel,
  snap: WorkbookSnapshot,
  sheetName: string,
  options: BuildOptions = {},
): SheetView {
  const sheet = snap.sheets.find((s) => s.name === sheetName) ?? snap.sheets[0];
  const name = sheet.name;
  const size = extent(sheet);
  const shownRows = Math.max(size.rows, MIN_ROWS);
  const shownCols = Math.max(size.cols + 1, MIN_COLUMNS);
  const hiddenRows = new Set(sheet.hiddenRows.map((r) => r - 1));
  const hiddenCols = new Set(sheet.hiddenColumns.map((c) => parseA1(c + '1')?.col ?? -1));
  const maxRows = options.maxRows ?? ROW_WINDOW;
  const firstRow = Math.max(0, Math.min(options.startRow ?? 0, shownRows - 1));
  const lastRow = Math.min(shownRows, firstRow + maxRows) - 1;

  const columns: ViewColumn[] = [];
  for (let c = 0; c < shownCols; c++) {
    if (hiddenCols.has(c)) continue;
    const letter = columnLetters(c);
    columns.push({ col: c, letter, widthPx: ptToPx(sheet.columnWidths[letter] ?? DEFAULT_COLUMN_PT) });
  }
  const rowNumbers: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) if (!hiddenRows.has(r)) rowNumbers.push(r);

  // Values by position, for conditional-format rules (which may look outside the window); made on first use.
  let values: Map<string, Scalar> | null = null;
  const valueOf: CellValueOf = (r, c) => {
    if (!values) {
      values = new Map();
      for (const cell of sheet.cells) {
        const v = cell.error ?? cell.value;
        if (v === undefined) continue;
        const p = position(cell.address);
        values.set(`${p.row}:${p.col}`, v);
      }
    }
    return values.get(`${r}:${c}`) ?? null;
  };

  // Merged areas: the anchor (first shown cell) spans the shown rows and columns; the rest are covered.
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of sheet.merges) {
    const r = parseRange(m);
    if (!r || r.bottom < firstRow || r.top > lastRow) continue;
    const rows = rowNumbers.filter((x) => x >= r.top && x <= r.bottom);
    const cols = columns.filter((x) => x.col >= r.left && x.col <= r.right).map((x) => x.col);
    if (rows.length === 0 || cols.length === 0) continue;
    spans.set(`${rows[0]}:${cols[0]}`, { rowSpan: rows.length, colSpan: cols.length });
    for (const y of rows) for (const x of cols) if (y !== rows[0] || x !== cols[0]) covered.add(`${y}:${x}`);
  }

  // Conditional formats over the window, highest priority first: each look property comes from
  // the first rule that holds and sets it (Excel's rule for non-conflicting rules).
  const looks = new Map<string, Look>();
  const stopped = new Set<string>();
  const unsupportedRules: string[] = [];
  for (const cf of sheet.conditionalFormats) {
    const rule: Rule | null = cf.type === 'Custom' ? parseRule(cf.formula) : null;
    if (!rule) {
      unsupportedRules.push(cf.formula || cf.type);
      continue;
    }
    const ranges = cf.ranges.map(parseRange).filter((r): r is CellRange => r !== null);
    const anchor = ranges[0];
    if (!anchor) continue;
    for (const r of ranges) {
      for (const row of rowNumbers) {
        if (row < r.top || row > r.bottom) continue;
        for (let col = r.left; col <= r.right; col++) {
          const key = `${row}:${col}`;
          if (stopped.has(key) || !ruleHolds(rule, anchor.top, anchor.left, row, col, valueOf)) continue;
          const look = looks.get(key) ?? {};
          const f = cf.format;
          if (look.fill === undefined && f.fill !== undefined) look.fill = f.fill;
          if (look.fontColor === undefined && f.fontColor !== undefined) look.fontColor = f.fontColor;
          if (look.fontBold === undefined && f.fontBold !== undefined) look.fontBold = f.fontBold;
          if (look.fontItalic === undefined && f.fontItalic !== undefined) look.fontItalic = f.fontItalic;
          looks.set(key, look);
          if (cf.stopIfTrue) stopped.add(key);
        }
      }
    }
  }

  const formatCache = new Map<string, { f: Format; text: string; type: string }>();
  const info = (row: number, col: number) => {
    const key = `${row}:${col}`;
    let out = formatCache.get(key);
    if (!out) {
      const c = fake.cell(name, columnLetters(col) + (row + 1));
      const text = c.valueType === 'Double' ? localNumberText(c.text, c.numberFormat, options.lang ?? 'vi') : c.text;
      out = { f: c.format as Format, text, type: c.valueType };
      formatCache.set(key, out);
    }
    return out;
  };
  const edge = (row: number, col: number, side: 'Top' | 'Bottom' | 'Left' | 'Right') => border(info(row, col).f, side);

  const rows: ViewRow[] = rowNumbers.map((row, ri) => {
    const cells: ViewCell[] = [];
    const visible = columns.filter((c) => !covered.has(`${row}:${c.col}`));
    visible.forEach((column, ci) => {
      const col = column.col;
      const span = spans.get(`${row}:${col}`) ?? { rowSpan: 1, colSpan: 1 };
      const { f, text, type } = info(row, col);
      const look = looks.get(`${row}:${col}`);
      const fill = look?.fill ?? (f.fill !== 'none' ? String(f.fill) : undefined);
      const bottomRow = rowNumbers[Math.min(rowNumbers.length - 1, ri + span.rowSpan - 1)];
      const rightCol = columns[Math.min(columns.length - 1, columns.indexOf(column) + span.colSpan - 1)].col;
      const below = rowNumbers[ri + span.rowSpan];
      const right = columns[columns.indexOf(column) + span.colSpan]?.col;
      // One line per shared edge: the cell above/left draws it (explicit borders of either side win).
      // One line per shared edge: the cell above/left draws it (explicit borders of either side win).
      // Gridlines and every other default look come from the view's cell class: only differences go inline.
      const bottom = edge(bottomRow, col, 'Bottom') ?? (below !== undefined ? edge(below, col, 'Top') : null);
      const rightB = edge(row, rightCol, 'Right') ?? (right !== undefined ? edge(row, right, 'Left') : null);
      const top = ri === 0 ? edge(row, col, 'Top') : null;
      const left = ci === 0 ? edge(row, col, 'Left') : null;
      const style: CSSProperties = {};
      const family = fontFamily(String(f.fontName));
      if (family !== CELL_DEFAULTS.fontFamily) style.fontFamily = family;
      if (Number(f.fontSize) !== 11) style.fontSize = `${Number(f.fontSize)}pt`;
      const color = look?.fontColor ?? String(f.fontColor);
      if (color.toUpperCase() !== '#000000') style.color = color;
      if (look?.fontBold ?? f.fontBold) style.fontWeight = 700;
      if (look?.fontItalic ?? f.fontItalic) style.fontStyle = 'italic';
      const decoration = [f.fontUnderline !== 'None' ? 'underline' : '', f.fontStrikethrough ? 'line-through' : '']
        .filter(Boolean)
        .join(' ');
      if (decoration) style.textDecoration = decoration;
      const align = alignment(f, type);
      if (align !== 'left') style.textAlign = align;
      const vertical = verticalAlign(f);
      if (vertical !== 'bottom') style.verticalAlign = vertical;
      if (f.wrapText) style.whiteSpace = 'pre-wrap';
      // Text that does not wrap runs on over empty cells to its right, as in Excel, and is cut at
      // the first cell that holds something (or belongs to a merged area).
      let spillPx: number | undefined;
      const spills = !f.wrapText && span.colSpan === 1 && text !== '' && type !== 'Double' && align === 'left';
      if (spills) {
        let width = column.widthPx;
        for (let k = columns.indexOf(column) + 1; k < columns.length; k++) {
          const next = columns[k].col;
          const key = `${row}:${next}`;
          if (covered.has(key) || spans.has(key) || info(row, next).text !== '') break;
          width += columns[k].widthPx;
        }
        if (width > column.widthPx) {
          style.overflow = 'visible';
          spillPx = width;
        }
      }
      if (bottom) style.borderBottom = bottom;
      if (rightB) style.borderRight = rightB;
      if (top) style.borderTop = top;
      if (left) style.borderLeft = left;
      if (fill) style.backgroundColor = fill;
      cells.push({
        address: columnLetters(col) + (row + 1),
        row,
        col,
        text,
        rowSpan: span.rowSpan,
        colSpan: span.colSpan,
        style,
        conditional: look !== undefined,
        ...(spillPx !== undefined ? { spillPx } : {}),
      });
    });
    return { row, heightPx: ptToPx(sheet.rowHeights[String(row + 1)] ?? DEFAULT_ROW_PT), cells };
  });

  const active = fake.selection;
  return {
    name,
    columns,
    rows,
    firstRow,
    lastRow,
    totalRows: shownRows,
    gridlines: sheet.showGridlines,
    charts: chartViews(fake, sheet),
    unsupportedRules,
    selection: active.sheet === name ? parseRange(active.address) : parseRange(sheet.selection),
  };
}
