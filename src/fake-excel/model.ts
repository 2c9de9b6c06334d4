/**
 * The workbook state the fake keeps: sparse cells (a 50,000-row sheet costs only its filled
 * cells), formats at cell, row, column and sheet level, merges, tables, conditional formats,
 * charts, page layout, protection, settings and selection — plus a transaction (meta copy +
 * cell journal) so a sync can be undone when it must apply nothing.
 */

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  intersection,
  isEntireColumns,
  isEntireRows,
  rect,
  rectCells,
  rectsIntersect,
} from './address';
import { CellContent, Scalar } from './values';

// ---------------------------------------------------------------------------------------------
// Formats

export const BORDER_EDGES = ['Top', 'Bottom', 'Left', 'Right', 'DiagDown', 'DiagUp'] as const;
export type BorderEdge = (typeof BORDER_EDGES)[number];

export const FORMAT_DEFAULTS = {
  numberFormat: 'General',
  fill: 'none',
  fontBold: false,
  fontItalic: false,
  fontColor: '#000000',
  fontSize: 11,
  fontName: 'Calibri',
  fontUnderline: 'None',
  fontStrikethrough: false,
  horizontalAlignment: 'General',
  verticalAlignment: 'Bottom',
  wrapText: false,
  borderTopStyle: 'None',
  borderTopColor: '#000000',
  borderTopWeight: 'Thin',
  borderBottomStyle: 'None',
  borderBottomColor: '#000000',
  borderBottomWeight: 'Thin',
  borderLeftStyle: 'None',
  borderLeftColor: '#000000',
  borderLeftWeight: 'Thin',
  borderRightStyle: 'None',
  borderRightColor: '#000000',
  borderRightWeight: 'Thin',
  borderDiagDownStyle: 'None',
  borderDiagDownColor: '#000000',
  borderDiagDownWeight: 'Thin',
  borderDiagUpStyle: 'None',
  borderDiagUpColor: '#000000',
  borderDiagUpWeight: 'Thin',
} as const;

export type FormatKey = keyof typeof FORMAT_DEFAULTS;
export type FormatValue = string | number | boolean;
export type CellFormat = { [K in FormatKey]?: FormatValue };

export const FORMAT_KEYS = Object.keys(FORMAT_DEFAULTS) as FormatKey[];

export function borderKey(edge: BorderEdge, part: 'Style' | 'Color' | 'Weight'): FormatKey {
  return ('border' + edge + part) as FormatKey;
}

/** Excel's default column width and row height, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

// ---------------------------------------------------------------------------------------------
// Cells

/** A cell's hyperlink (Excel.RangeHyperlink without the display text, which is the cell's value). */
export interface CellLink {
  readonly address?: string;
  readonly documentReference?: string;
  readonly screenTip?: string;
}

export interface Cell extends CellContent {
  readonly fmt?: Readonly<CellFormat>;
  readonly link?: Readonly<CellLink>;
}

type JournalEntry = [number, number, Cell | undefined];

function isEmptyCell(c: Cell): boolean {
  return (
    c.v === undefined &&
    c.e === undefined &&
    c.f === undefined &&
    c.link === undefined &&
    (c.fmt === undefined || Object.keys(c.fmt).length === 0)
  );
}

/** Sparse cell storage: row → column → cell. Cells are immutable values; writes replace them. */
export class CellStore {
  private readonly rows = new Map<number, Map<number, Cell>>();
  /** While a transaction is open: what each write replaced, to undo in reverse. */
  journal: JournalEntry[] | null = null;

  get(row: number, col: number): Cell | undefined {
    return this.rows.get(row)?.get(col);
  }

  set(row: number, col: number, cell: Cell | undefined): void {
    const prev = this.get(row, col);
    if (prev === cell) return;
    if (this.journal) this.journal.push([row, col, prev]);
    this.rawSet(row, col, cell);
  }

  private rawSet(row: number, col: number, cell: Cell | undefined): void {
    if (cell === undefined || isEmptyCell(cell)) {
      const r = this.rows.get(row);
      if (!r) return;
      r.delete(col);
      if (r.size === 0) this.rows.delete(row);
      return;
    }
    let r = this.rows.get(row);
    if (!r) {
      r = new Map();
      this.rows.set(row, r);
    }
    r.set(col, cell);
  }

  undoJournal(): void {
    const j = this.journal;
    this.journal = null;
    if (!j) return;
    for (let i = j.length - 1; i >= 0; i--) this.rawSet(j[i][0], j[i][1], j[i][2]);
  }

  get rowCount(): number {
    return this.rows.size;
  }

  /** Calls `fn` for each stored cell inside `r` (in no particular order). */
  forEachIn(r: Rect, fn: (row: number, col: number, cell: Cell) => void): void {
    const height = r.bottom - r.top + 1;
    const visitRow = (row: number, cells: Map<number, Cell>) => {
      const width = r.right - r.left + 1;
      if (width < cells.size) {
        for (let c = r.left; c <= r.right; c++) {
          const cell = cells.get(c);
          if (cell) fn(row, c, cell);
        }
      } else {
        for (const [c, cell] of cells) if (c >= r.left && c <= r.right) fn(row, c, cell);
      }
    };
    if (height < this.rows.size) {
      for (let row = r.top; row <= r.bottom; row++) {
        const cells = this.rows.get(row);
        if (cells) visitRow(row, cells);
      }
    } else {
      for (const [row, cells] of this.rows) if (row >= r.top && row <= r.bottom) visitRow(row, cells);
    }
  }

  /** All stored cells, sorted by row then column. */
  sorted(): Array<[number, number, Cell]> {
    const out: Array<[number, number, Cell]> = [];
    for (const row of [...this.rows.keys()].sort((a, b) => a - b)) {
      const cells = this.rows.get(row);
      if (!cells) continue;
      for (const col of [...cells.keys()].sort((a, b) => a - b)) {
        const cell = cells.get(col);
        if (cell) out.push([row, col, cell]);
      }
    }
    return out;
  }

  /** Snapshot of every stored cell (a copy for setup helpers; cells are immutable). */
  collectIn(r: Rect): Array<[number, number, Cell]> {
    const out: Array<[number, number, Cell]> = [];
    this.forEachIn(r, (row, col, cell) => out.push([row, col, cell]));
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook objects

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface ProtectionOptions {
  allowFormatCells: boolean;
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowEditObjects: boolean;
}

export interface PageLayoutState {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHorizontally: boolean;
  centerVertically: boolean;
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printGridlines: boolean;
  printHeadings: boolean;
  blackAndWhite: boolean;
  printTitleRows: Rect | null;
  printTitleColumns: Rect | null;
  printArea: Rect[] | null;
}

export function defaultPageLayout(): PageLayoutState {
  return {
    orientation: 'Portrait',
    paperSize: 'A4',
    zoom: { scale: 100 },
    centerHorizontally: false,
    centerVertically: false,
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
    printGridlines: false,
    printHeadings: false,
    blackAndWhite: false,
    printTitleRows: null,
    printTitleColumns: null,
    printArea: null,
  };
}

export interface ConditionalFormatState {
  id: string;
  type: 'Custom';
  ranges: Rect[];
  stopIfTrue: boolean;
  formula: string;
  format: {
    fill?: string;
    fontColor?: string;
    fontBold?: boolean;
    fontItalic?: boolean;
    fontStrikethrough?: boolean;
    fontUnderline?: string;
    numberFormat?: string;
  };
}

export interface AxisState {
  minimum: number | null;
  maximum: number | null;
  majorUnit: number | null;
  minorUnit: number | null;
  visible: boolean;
  numberFormat: string;
  title: { text: string; visible: boolean };
}

export interface ChartState {
  id: string;
  name: string;
  chartType: string;
  source: Rect;
  seriesBy: string;
  title: { text: string; visible: boolean; overlay: boolean };
  legend: { position: string; visible: boolean; overlay: boolean };
  axes: { value: AxisState; category: AxisState };
  series: Array<{ name: string }>;
  top: number;
  left: number;
  width: number;
  height: number;
  position: { start: string; end: string | null } | null;
}

export function defaultAxis(): AxisState {
  return {
    minimum: null,
    maximum: null,
    majorUnit: null,
    minorUnit: null,
    visible: true,
    numberFormat: 'General',
    title: { text: '', visible: false },
  };
}

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
}

export interface SheetState {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  showGridlines: boolean;
  showHeadings: boolean;
  cells: CellStore;
  sheetFmt: CellFormat;
  rowFmt: Map<number, CellFormat>;
  colFmt: Map<number, CellFormat>;
  colWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  merges: Rect[];
  conditionalFormats: ConditionalFormatState[];
  charts: ChartState[];
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutState;
  protection: { protected: boolean; password: string | null; options: ProtectionOptions };
  selection: Rect;
}

/** A workbook-scoped named item referring to a range (rect null once its cells were deleted: #REF!). */
export interface NameState {
  name: string;
  sheetId: string;
  rect: Rect | null;
  comment: string;
  visible: boolean;
}

export interface SettingState {
  key: string;
  /** JSON text of the value (settings are JSON-serialisable by contract). */
  json: string;
}

export interface Counters {
  sheetId: number;
  sheetNumber: number;
  tableId: number;
  tableNumber: number;
  cfId: number;
  chartId: number;
  chartNumber: number;
}

export interface WorkbookState {
  name: string;
  readOnly: boolean;
  sheets: SheetState[];
  tables: TableState[];
  settings: SettingState[];
  names: NameState[];
  activeSheetId: string;
  structureProtected: boolean;
  structurePassword: string | null;
  calculationMode: string;
  counters: Counters;
}

export function defaultProtectionOptions(): ProtectionOptions {
  return { allowFormatCells: false, allowFormatColumns: false, allowFormatRows: false, allowEditObjects: false };
}

function cloneRect(r: Rect): Rect {
  return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
}

function cloneSheetMeta(s: SheetState): SheetState {
  return {
    ...s,
    cells: s.cells,
    sheetFmt: { ...s.sheetFmt },
    rowFmt: new Map([...s.rowFmt].map(([k, v]) => [k, { ...v }])),
    colFmt: new Map([...s.colFmt].map(([k, v]) => [k, { ...v }])),
    colWidths: new Map(s.colWidths),
    rowHeights: new Map(s.rowHeights),
    hiddenCols: new Set(s.hiddenCols),
    hiddenRows: new Set(s.hiddenRows),
    merges: s.merges.map(cloneRect),
    conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, ranges: cf.ranges.map(cloneRect), format: { ...cf.format } })),
    charts: s.charts.map((c) => ({
      ...c,
      source: cloneRect(c.source),
      title: { ...c.title },
      legend: { ...c.legend },
      axes: {
        value: { ...c.axes.value, title: { ...c.axes.value.title } },
        category: { ...c.axes.category, title: { ...c.axes.category.title } },
      },
      series: c.series.map((x) => ({ ...x })),
      position: c.position ? { ...c.position } : null,
    })),
    freeze: { ...s.freeze },
    pageLayout: {
      ...s.pageLayout,
      zoom: { ...s.pageLayout.zoom },
      printTitleRows: s.pageLayout.printTitleRows ? cloneRect(s.pageLayout.printTitleRows) : null,
      printTitleColumns: s.pageLayout.printTitleColumns ? cloneRect(s.pageLayout.printTitleColumns) : null,
      printArea: s.pageLayout.printArea ? s.pageLayout.printArea.map(cloneRect) : null,
    },
    protection: { ...s.protection, options: { ...s.protection.options } },
    selection: cloneRect(s.selection),
  };
}

/** Copies everything but the cell stores (those are shared and journaled instead). */
export function cloneWorkbookMeta(w: WorkbookState): WorkbookState {
  return {
    ...w,
    sheets: w.sheets.map(cloneSheetMeta),
    tables: w.tables.map((t) => ({ ...t, rect: cloneRect(t.rect) })),
    settings: w.settings.map((s) => ({ ...s })),
    names: w.names.map((n) => ({ ...n, rect: n.rect ? cloneRect(n.rect) : null })),
    counters: { ...w.counters },
  };
}

// ---------------------------------------------------------------------------------------------
// The model

export class WorkbookModel {
  state: WorkbookState;
  private saved: WorkbookState | null = null;

  constructor(name = 'Book1.xlsx') {
    this.state = {
      name,
      readOnly: false,
      sheets: [],
      tables: [],
      settings: [],
      names: [],
      activeSheetId: '',
      structureProtected: false,
      structurePassword: null,
      calculationMode: 'Automatic',
      counters: { sheetId: 0, sheetNumber: 0, tableId: 0, tableNumber: 0, cfId: 0, chartId: 0, chartNumber: 0 },
    };
  }

  // -- transactions ---------------------------------------------------------------------------

  begin(): void {
    this.saved = cloneWorkbookMeta(this.state);
    for (const s of this.state.sheets) s.cells.journal = [];
  }

  commit(): void {
    for (const s of this.state.sheets) s.cells.journal = null;
    if (this.saved) for (const s of this.saved.sheets) s.cells.journal = null;
    this.saved = null;
  }

  rollback(): void {
    const saved = this.saved;
    if (!saved) return;
    for (const s of saved.sheets) s.cells.undoJournal();
    for (const s of this.state.sheets) s.cells.journal = null;
    this.state = saved;
    this.saved = null;
  }

  // -- sheets ---------------------------------------------------------------------------------

  newSheet(name: string): SheetState {
    const c = this.state.counters;
    c.sheetId++;
    const id = '{' + String(c.sheetId).padStart(8, '0') + '-0001-0000-0000-000000000000}';
    const sheet: SheetState = {
      id,
      name,
      visibility: 'Visible',
      tabColor: '',
      showGridlines: true,
      showHeadings: true,
      cells: new CellStore(),
      sheetFmt: {},
      rowFmt: new Map(),
      colFmt: new Map(),
      colWidths: new Map(),
      rowHeights: new Map(),
      hiddenCols: new Set(),
      hiddenRows: new Set(),
      merges: [],
      conditionalFormats: [],
      charts: [],
      freeze: { rows: 0, columns: 0 },
      pageLayout: defaultPageLayout(),
      protection: { protected: false, password: null, options: defaultProtectionOptions() },
      selection: rect(0, 0, 0, 0),
    };
    if (this.saved) sheet.cells.journal = [];
    this.state.sheets.push(sheet);
    if (!this.state.activeSheetId) this.state.activeSheetId = id;
    return sheet;
  }

  sheetById(id: string): SheetState | undefined {
    return this.state.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetState | undefined {
    const u = name.toLocaleUpperCase();
    return this.state.sheets.find((s) => s.name.toLocaleUpperCase() === u);
  }

  activeSheet(): SheetState {
    return this.sheetById(this.state.activeSheetId) ?? this.state.sheets[0];
  }

  /** The next free "SheetN" name (Excel counts up from the highest number it has handed out). */
  nextSheetName(): string {
    const c = this.state.counters;
    for (const s of this.state.sheets) {
      const m = /^Sheet(\d+)$/i.exec(s.name);
      if (m) c.sheetNumber = Math.max(c.sheetNumber, Number(m[1]));
    }
    c.sheetNumber = Math.max(c.sheetNumber, 0);
    let n = c.sheetNumber + 1;
    while (this.sheetByName('Sheet' + n)) n++;
    c.sheetNumber = n;
    return 'Sheet' + n;
  }

  // -- cells ----------------------------------------------------------------------------------

  inherited(sheet: SheetState, row: number, col: number, key: FormatKey): FormatValue {
    return sheet.rowFmt.get(row)?.[key] ?? sheet.colFmt.get(col)?.[key] ?? sheet.sheetFmt[key] ?? FORMAT_DEFAULTS[key];
  }

  formatAt(sheet: SheetState, row: number, col: number, key: FormatKey): FormatValue {
    return sheet.cells.get(row, col)?.fmt?.[key] ?? this.inherited(sheet, row, col, key);
  }

  numberFormatAt(sheet: SheetState, row: number, col: number): string {
    return String(this.formatAt(sheet, row, col, 'numberFormat'));
  }

  /**
   * Puts a hyperlink on every cell of `r`; `text`, when given, becomes the top-left cell's value
   * as literal text (typings: RangeHyperlink.textToDisplay "Represents the string that is
   * displayed in the top left most cell in the range").
   */
  writeLink(sheet: SheetState, r: Rect, link: CellLink, text: string | undefined): void {
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        const prev = sheet.cells.get(row, col) ?? {};
        const content = row === r.top && col === r.left && text !== undefined ? { v: text } : null;
        const base: Cell = content ? { ...content, ...(prev.fmt ? { fmt: prev.fmt } : {}) } : prev;
        sheet.cells.set(row, col, { ...base, link });
      }
  }

  writeContent(sheet: SheetState, row: number, col: number, content: CellContent | undefined): void {
    const prev = sheet.cells.get(row, col);
    // Writing a value keeps the cell's format and hyperlink, as typing into a linked cell does.
    const next: Cell = {
      ...(content ?? {}),
      ...(prev?.fmt ? { fmt: prev.fmt } : {}),
      ...(prev?.link ? { link: prev.link } : {}),
    };
    sheet.cells.set(row, col, next);
  }

  private setCellFormat(sheet: SheetState, row: number, col: number, key: FormatKey, value: FormatValue | undefined): void {
    const prev = sheet.cells.get(row, col);
    const had = prev?.fmt?.[key];
    const inherited = this.inherited(sheet, row, col, key);
    const want = value === undefined || value === inherited ? undefined : value;
    if (had === want) return;
    const fmt: CellFormat = { ...(prev?.fmt ?? {}) };
    if (want === undefined) delete fmt[key];
    else fmt[key] = want;
    const next: Cell = { ...(prev ?? {}) };
    const out: Cell = Object.keys(fmt).length ? { ...next, fmt } : withoutFmt(next);
    sheet.cells.set(row, col, out);
  }

  /**
   * Sets one format property on a rectangle the way Excel stores it: whole sheet, whole columns
   * and whole rows are kept at that level (so formatting column A does not create a million
   * cells); anything else is per cell. Explicit values equal to what a cell inherits are dropped,
   * so clearing back to a previous look gives back the previous state exactly.
   */
  applyFormat(sheet: SheetState, r: Rect, key: FormatKey, value: FormatValue): void {
    const cols = isEntireColumns(r);
    const rows = isEntireRows(r);
    if (cols && rows) {
      if (value === FORMAT_DEFAULTS[key]) delete sheet.sheetFmt[key];
      else sheet.sheetFmt[key] = value;
      for (const m of [sheet.rowFmt, sheet.colFmt])
        for (const [k, f] of m) {
          delete f[key];
          if (Object.keys(f).length === 0) m.delete(k);
        }
      for (const [row, col, cell] of sheet.cells.sorted())
        if (cell.fmt?.[key] !== undefined) this.dropCellKey(sheet, row, col, key);
      return;
    }
    if (cols) {
      const base = sheet.sheetFmt[key] ?? FORMAT_DEFAULTS[key];
      for (let c = r.left; c <= r.right; c++) {
        const f = { ...(sheet.colFmt.get(c) ?? {}) };
        if (value === base) delete f[key];
        else f[key] = value;
        if (Object.keys(f).length) sheet.colFmt.set(c, f);
        else sheet.colFmt.delete(c);
      }
      for (const [row, col, cell] of sheet.cells.collectIn(r))
        if (cell.fmt?.[key] !== undefined) this.dropCellKey(sheet, row, col, key);
      for (const [row, f] of sheet.rowFmt)
        if (f[key] !== undefined && f[key] !== value)
          for (let c = r.left; c <= r.right; c++) this.setCellFormat(sheet, row, c, key, value);
      return;
    }
    if (rows) {
      const base = sheet.sheetFmt[key] ?? FORMAT_DEFAULTS[key];
      const colsDiffer = [...sheet.colFmt.values()].some((f) => f[key] !== undefined && f[key] !== value);
      for (let row = r.top; row <= r.bottom; row++) {
        const f = { ...(sheet.rowFmt.get(row) ?? {}) };
        if (value === base && !colsDiffer) delete f[key];
        else f[key] = value;
        if (Object.keys(f).length) sheet.rowFmt.set(row, f);
        else sheet.rowFmt.delete(row);
      }
      for (const [row, col, cell] of sheet.cells.collectIn(r))
        if (cell.fmt?.[key] !== undefined) this.dropCellKey(sheet, row, col, key);
      return;
    }
    for (let row = r.top; row <= r.bottom; row++)
      for (let c = r.left; c <= r.right; c++) this.setCellFormat(sheet, row, c, key, value);
  }

  private dropCellKey(sheet: SheetState, row: number, col: number, key: FormatKey): void {
    const prev = sheet.cells.get(row, col);
    if (!prev?.fmt || prev.fmt[key] === undefined) return;
    const fmt: CellFormat = { ...prev.fmt };
    delete fmt[key];
    sheet.cells.set(row, col, Object.keys(fmt).length ? { ...prev, fmt } : withoutFmt(prev));
  }

  /** The value of `key` over `r` if every cell agrees, else null (Excel's answer for mixed ranges). */
  uniformFormat(sheet: SheetState, r: Rect, key: FormatKey): FormatValue | null {
    if (rectCells(r) <= 200000) {
      let seen: FormatValue | undefined;
      const explicit = new Map<number, Map<number, FormatValue>>();
      sheet.cells.forEachIn(r, (row, col, cell) => {
        const v = cell.fmt?.[key];
        if (v === undefined) return;
        let m = explicit.get(row);
        if (!m) explicit.set(row, (m = new Map()));
        m.set(col, v);
      });
      for (let row = r.top; row <= r.bottom; row++) {
        const ex = explicit.get(row);
        for (let c = r.left; c <= r.right; c++) {
          const v = ex?.get(c) ?? this.inherited(sheet, row, c, key);
          if (seen === undefined) seen = v;
          else if (v !== seen) return null;
        }
      }
      return seen ?? null;
    }
    // Large ranges: compare explicit cells, row levels and column levels without visiting each cell.
    const values = new Set<FormatValue>();
    sheet.cells.forEachIn(r, (_row, _col, cell) => {
      const v = cell.fmt?.[key];
      if (v !== undefined) values.add(v);
    });
    let rowsWithKey = 0;
    for (const [row, f] of sheet.rowFmt)
      if (row >= r.top && row <= r.bottom && f[key] !== undefined) {
        values.add(f[key] as FormatValue);
        rowsWithKey++;
      }
    if (rowsWithKey < r.bottom - r.top + 1) {
      const base = sheet.sheetFmt[key] ?? FORMAT_DEFAULTS[key];
      let colsWithKey = 0;
      for (const [col, f] of sheet.colFmt)
        if (col >= r.left && col <= r.right && f[key] !== undefined) {
          values.add(f[key] as FormatValue);
          colsWithKey++;
        }
      if (colsWithKey < r.right - r.left + 1) values.add(base);
    }
    return values.size === 1 ? [...values][0] : null;
  }

  /** Removes cell-level (and, for whole rows/columns/sheet, row/column/sheet-level) formats. */
  clearFormats(sheet: SheetState, r: Rect): void {
    const cols = isEntireColumns(r);
    const rows = isEntireRows(r);
    if (cols && rows) sheet.sheetFmt = {};
    if (cols) for (let c = r.left; c <= r.right; c++) sheet.colFmt.delete(c);
    if (rows) for (let row = r.top; row <= r.bottom; row++) sheet.rowFmt.delete(row);
    for (const [row, col, cell] of sheet.cells.collectIn(r)) if (cell.fmt) sheet.cells.set(row, col, withoutFmt(cell));
    sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, r));
  }

  clearContents(sheet: SheetState, r: Rect): void {
    for (const [row, col, cell] of sheet.cells.collectIn(r))
      if (cell.v !== undefined || cell.e !== undefined || cell.f !== undefined)
        sheet.cells.set(row, col, cell.fmt ? { fmt: cell.fmt } : undefined);
  }

  /** Bounding box of cells with a value (valuesOnly) or with a value or cell-level format. */
  usedRect(sheet: SheetState, valuesOnly: boolean, within?: Rect): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row: number, col: number) => {
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    };
    const area = within ?? rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);
    sheet.cells.forEachIn(area, (row, col, cell) => {
      const hasValue = cell.f !== undefined || cell.e !== undefined || (cell.v !== undefined && cell.v !== '');
      if (hasValue || (!valuesOnly && cell.fmt && Object.keys(cell.fmt).length > 0)) take(row, col);
    });
    if (!valuesOnly)
      for (const m of sheet.merges) {
        const i = intersection(m, area);
        if (i) {
          take(i.top, i.left);
          take(i.bottom, i.right);
        }
      }
    if (bottom < 0) return null;
    return rect(top, left, bottom, right);
  }

  // -- tables ---------------------------------------------------------------------------------

  tablesOn(sheetId: string): TableState[] {
    return this.state.tables.filter((t) => t.sheetId === sheetId);
  }

  tableByName(name: string): TableState | undefined {
    const u = name.toLocaleUpperCase();
    return this.state.tables.find((t) => t.name.toLocaleUpperCase() === u);
  }

  nextTableName(): string {
    const c = this.state.counters;
    let n = c.tableNumber + 1;
    while (this.tableByName('Table' + n)) n++;
    c.tableNumber = n;
    return 'Table' + n;
  }

  // -- settings -------------------------------------------------------------------------------

  setting(key: string): SettingState | undefined {
    return this.state.settings.find((s) => s.key === key);
  }
}

function withoutFmt(c: Cell): Cell {
  const out: { v?: Scalar; e?: string; f?: string; link?: CellLink } = {};
  if (c.v !== undefined) out.v = c.v;
  if (c.e !== undefined) out.e = c.e;
  if (c.f !== undefined) out.f = c.f;
  if (c.link !== undefined) out.link = c.link;
  return out;
}
