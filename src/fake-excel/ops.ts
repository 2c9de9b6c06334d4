/**
 * Operations on the model shared by the proxies (at sync time) and the setup API: protection
 * checks, writing 2-D grids, merges, tables, conditional-format ranges, chart series.
 */

import {
  MAX_ROWS,
  Rect,
  contains,
  isValidSheetName,
  rect,
  rectCells,
  rectColumns,
  rectRows,
  rectsIntersect,
  sameName,
  subtract,
} from './address';
import { ErrorCode, FakeOfficeError, officeError } from './errors';
import {
  ChartState,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  SheetState,
  TableState,
  WorkbookModel,
  defaultAxis,
} from './model';
import { CellContent, displayValue, formatText, formulaOrValue, parseInput, valueType } from './values';

export type WriteKind = 'content' | 'format' | 'columns' | 'rows' | 'objects';

/** A protected sheet refuses writes (AccessDenied) unless its protection options allow them. */
export function ensureWritable(sheet: SheetState, kind: WriteKind, location: string): void {
  const p = sheet.protection;
  if (!p.protected) return;
  const o = p.options;
  const allowed =
    (kind === 'format' && o.allowFormatCells) ||
    (kind === 'columns' && o.allowFormatColumns) ||
    (kind === 'rows' && o.allowFormatRows) ||
    (kind === 'objects' && o.allowEditObjects);
  if (!allowed) throw officeError(ErrorCode.accessDenied, location);
}

/** Workbook structure protection refuses adding, deleting, renaming, moving and hiding sheets. */
export function ensureStructureEditable(model: WorkbookModel, location: string): void {
  if (model.state.structureProtected) throw officeError(ErrorCode.accessDenied, location);
}

export function sheetOrThrow(model: WorkbookModel, sheetId: string, location: string): SheetState {
  const s = model.sheetById(sheetId);
  if (!s) throw officeError(ErrorCode.itemNotFound, location);
  return s;
}

export const DIMENSION_MISMATCH =
  "The number of rows or columns in the input array doesn't match the size or dimensions of the range.";

/** Checks a 2-D input against a rectangle (Office's InvalidArgument message when it does not fit). */
export function checkGrid(input: unknown, r: Rect, location: string): unknown[][] {
  if (!Array.isArray(input)) throw officeError(ErrorCode.invalidArgument, location);
  const rows = rectRows(r);
  const cols = rectColumns(r);
  if (input.length !== rows) throw new FakeOfficeError(ErrorCode.invalidArgument, DIMENSION_MISMATCH, location);
  for (const row of input)
    if (!Array.isArray(row) || row.length !== cols)
      throw new FakeOfficeError(ErrorCode.invalidArgument, DIMENSION_MISMATCH, location);
  return input as unknown[][];
}

export type GridKind = 'values' | 'formulas' | 'numberFormat';

/**
 * Writes `values`, `formulas` or `numberFormat` the way the Range setters do: a 2-D array must
 * match the range exactly; a single (non-array) value is applied to every cell; `null` entries
 * leave their cell unchanged; a `null` for the whole property is invalid.
 */
export function writeGrid(
  model: WorkbookModel,
  sheet: SheetState,
  r: Rect,
  kind: GridKind,
  input: unknown,
  evaluate: (formula: string) => CellContent,
  location: string,
): void {
  if (input === null || input === undefined) throw officeError(ErrorCode.invalidArgument, location);
  ensureWritable(sheet, kind === 'numberFormat' ? 'format' : 'content', location);
  const writeOne = (row: number, col: number, v: unknown) => {
    if (v === null) return;
    if (kind === 'numberFormat') {
      if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, location);
      model.applyFormat(sheet, rect(row, col, row, col), 'numberFormat', v === '' ? 'General' : v);
      return;
    }
    const content = parseInput(v, model.numberFormatAt(sheet, row, col), evaluate, location);
    model.writeContent(sheet, row, col, content);
  };
  if (!Array.isArray(input)) {
    if (kind === 'numberFormat') {
      if (typeof input !== 'string') throw officeError(ErrorCode.invalidArgument, location);
      model.applyFormat(sheet, r, 'numberFormat', input === '' ? 'General' : input);
      return;
    }
    if (rectCells(r) > 5_000_000) throw officeError(ErrorCode.rangeExceedsLimit, location);
    for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) writeOne(row, col, input);
    return;
  }
  const grid = checkGrid(input, r, location);
  for (let i = 0; i < grid.length; i++) {
    const line = grid[i];
    for (let j = 0; j < line.length; j++) writeOne(r.top + i, r.left + j, line[j]);
  }
}

export const READ_CELL_LIMIT = 5_000_000;

export type ReadKind = 'values' | 'formulas' | 'numberFormat' | 'text' | 'valueTypes';

/** Reads a 2-D property over a rectangle (RangeExceedsLimit above 5,000,000 cells). */
export function readGrid(model: WorkbookModel, sheet: SheetState, r: Rect, kind: ReadKind, location: string): unknown[][] {
  if (rectCells(r) > READ_CELL_LIMIT) throw officeError(ErrorCode.rangeExceedsLimit, location);
  const rows = rectRows(r);
  const cols = rectColumns(r);
  const out: unknown[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const line: unknown[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      const row = r.top + i;
      const col = r.left + j;
      switch (kind) {
        case 'values':
        case 'formulas':
          line[j] = '';
          break;
        case 'valueTypes':
          line[j] = 'Empty';
          break;
        case 'numberFormat':
          line[j] = model.numberFormatAt(sheet, row, col);
          break;
        case 'text':
          line[j] = '';
          break;
      }
    }
    out[i] = line;
  }
  if (kind === 'numberFormat') return out;
  sheet.cells.forEachIn(r, (row, col, cell) => {
    const line = out[row - r.top];
    const j = col - r.left;
    if (kind === 'values') line[j] = displayValue(cell);
    else if (kind === 'formulas') line[j] = formulaOrValue(cell);
    else if (kind === 'valueTypes') line[j] = valueType(cell);
    else line[j] = formatText(cell, model.numberFormatAt(sheet, row, col));
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Merges

/**
 * Merges `r` (or each of its rows when `across`). Only the top-left value of each merged area
 * is kept (Excel drops the others). Merged areas wholly inside are absorbed; a partial overlap
 * with an existing merged area, or any overlap with a table, is refused (fake's choice: Excel's
 * exact behaviour there was not confirmed).
 */
export function mergeCells(model: WorkbookModel, sheet: SheetState, r: Rect, across: boolean, location: string): void {
  ensureWritable(sheet, 'format', location);
  const areas: Rect[] = [];
  if (across) for (let row = r.top; row <= r.bottom; row++) areas.push(rect(row, r.left, row, r.right));
  else areas.push(r);
  for (const t of model.tablesOn(sheet.id))
    if (rectsIntersect(t.rect, r)) throw officeError(ErrorCode.invalidOperation, location);
  for (const m of sheet.merges)
    if (rectsIntersect(m, r) && !contains(r, m)) throw officeError(ErrorCode.invalidOperation, location);
  sheet.merges = sheet.merges.filter((m) => !contains(r, m));
  for (const a of areas) {
    if (a.top === a.bottom && a.left === a.right) continue;
    for (const [row, col, cell] of sheet.cells.collectIn(a))
      if (!(row === a.top && col === a.left) && (cell.v !== undefined || cell.e !== undefined || cell.f !== undefined))
        sheet.cells.set(row, col, cell.fmt ? { fmt: cell.fmt } : undefined);
    sheet.merges.push(a);
  }
  sortRects(sheet.merges);
}

export function unmergeCells(sheet: SheetState, r: Rect, location: string): void {
  ensureWritable(sheet, 'format', location);
  sheet.merges = sheet.merges.filter((m) => !rectsIntersect(m, r));
}

export function sortRects(list: Rect[]): void {
  list.sort((a, b) => a.top - b.top || a.left - b.left);
}

// ---------------------------------------------------------------------------------------------
// Tables

/**
 * Creates a table over `r`. With headers, the first row is the header row (empty headers become
 * "ColumnN", duplicates get a number, numbers become text); a header-only address gets one empty
 * data row. Without headers, Excel inserts a header row ("Column1"…) and shifts the data down by
 * one row within the table's columns.
 */
export function addTable(
  model: WorkbookModel,
  sheet: SheetState,
  r0: Rect,
  hasHeaders: boolean,
  location: string,
  name?: string,
): TableState {
  ensureWritable(sheet, 'objects', location);
  let r = r0;
  if (!hasHeaders) {
    shiftDown(sheet, r.top, r.left, r.right, 1);
    r = rect(r.top, r.left, r.bottom + 1, r.right);
  } else if (rectRows(r) === 1) {
    r = rect(r.top, r.left, r.top + 1, r.right);
  }
  for (const t of model.tablesOn(sheet.id))
    if (rectsIntersect(t.rect, r)) throw officeError(ErrorCode.mergedRangeConflict, location);
  for (const m of sheet.merges) if (rectsIntersect(m, r)) throw officeError(ErrorCode.mergedRangeConflict, location);
  const seen = new Set<string>();
  for (let c = r.left; c <= r.right; c++) {
    const cell = sheet.cells.get(r.top, c);
    let header = hasHeaders && cell ? String(displayValue(cell)) : '';
    if (header === '') header = 'Column' + (c - r.left + 1);
    let candidate = header;
    let k = 2;
    while (seen.has(candidate.toLocaleUpperCase())) candidate = header + k++;
    seen.add(candidate.toLocaleUpperCase());
    const current = cell ? displayValue(cell) : '';
    if (current !== candidate || cell?.f !== undefined || typeof current !== 'string')
      model.writeContent(sheet, r.top, c, { v: candidate });
  }
  const c = model.state.counters;
  c.tableId++;
  const table: TableState = {
    id: String(c.tableId),
    name: name ?? model.nextTableName(),
    sheetId: sheet.id,
    rect: r,
    showHeaders: true,
    showTotals: false,
    style: 'TableStyleMedium2',
  };
  model.state.tables.push(table);
  return table;
}

/** Inserts `count` empty rows at `fromRow` within columns left..right (cells below move down). */
export function shiftDown(sheet: SheetState, fromRow: number, left: number, right: number, count: number): void {
  const moving = sheet.cells.collectIn(rect(fromRow, left, MAX_ROWS - 1, right));
  moving.sort((a, b) => b[0] - a[0]);
  for (const [row, col] of moving) sheet.cells.set(row, col, undefined);
  for (const [row, col, cell] of moving) if (row + count < MAX_ROWS) sheet.cells.set(row + count, col, cell);
}

export function tableHeaderRect(t: TableState): Rect | null {
  return t.showHeaders ? rect(t.rect.top, t.rect.left, t.rect.top, t.rect.right) : null;
}

export function tableBodyRect(t: TableState): Rect {
  const top = t.showHeaders ? t.rect.top + 1 : t.rect.top;
  const bottom = t.showTotals ? t.rect.bottom - 1 : t.rect.bottom;
  return rect(top, t.rect.left, Math.max(top, bottom), t.rect.right);
}

export function isRowEmpty(sheet: SheetState, row: number, left: number, right: number): boolean {
  let empty = true;
  sheet.cells.forEachIn(rect(row, left, row, right), (_r, _c, cell) => {
    if (cell.v !== undefined || cell.e !== undefined || cell.f !== undefined) empty = false;
  });
  return empty;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

/** Removes `r` from every conditional format's ranges on the sheet (dropping emptied ones). */
export function clearConditionalFormats(sheet: SheetState, r: Rect): void {
  for (const cf of sheet.conditionalFormats) {
    if (!cf.ranges.some((x) => rectsIntersect(x, r))) continue;
    cf.ranges = cf.ranges.flatMap((x) => subtract(x, r));
    sortRects(cf.ranges);
  }
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.ranges.length > 0);
}

// ---------------------------------------------------------------------------------------------
// Charts

/** Series Excel derives from a source range (series by columns unless asked or rows outnumber). */
export function chartSeries(sheet: SheetState, source: Rect, seriesBy: string): Array<{ name: string }> {
  const rows = rectRows(source);
  const cols = rectColumns(source);
  const byColumns = seriesBy === 'Columns' || (seriesBy !== 'Rows' && rows >= cols);
  const text = (row: number, col: number) => {
    const c = sheet.cells.get(row, col);
    const v = c ? displayValue(c) : '';
    return typeof v === 'string' ? v : '';
  };
  const firstRowText = Array.from({ length: cols }, (_, j) => text(source.top, source.left + j)).some((x) => x !== '');
  const firstColText = Array.from({ length: rows }, (_, i) => text(source.top + i, source.left)).some((x) => x !== '');
  const out: Array<{ name: string }> = [];
  if (byColumns) {
    const start = firstColText && cols > 1 ? 1 : 0;
    for (let j = start; j < cols; j++) {
      const name = firstRowText ? String(displayValue(sheet.cells.get(source.top, source.left + j))) : '';
      out.push({ name: name || 'Series' + (out.length + 1) });
    }
  } else {
    const start = firstRowText && rows > 1 ? 1 : 0;
    for (let i = start; i < rows; i++) {
      const name = firstColText ? String(displayValue(sheet.cells.get(source.top + i, source.left))) : '';
      out.push({ name: name || 'Series' + (out.length + 1) });
    }
  }
  return out;
}

export function newChart(model: WorkbookModel, sheet: SheetState, chartType: string, source: Rect, seriesBy: string): ChartState {
  const c = model.state.counters;
  c.chartId++;
  c.chartNumber++;
  const chart: ChartState = {
    id: '{' + String(c.chartId).padStart(8, '0') + '-0002-0000-0000-000000000000}',
    name: 'Chart ' + c.chartNumber,
    chartType,
    source,
    seriesBy,
    title: { text: '', visible: false, overlay: false },
    legend: { position: 'Right', visible: true, overlay: false },
    axes: { value: defaultAxis(), category: defaultAxis() },
    series: chartSeries(sheet, source, seriesBy),
    top: 0,
    left: 0,
    width: 360,
    height: 216,
    position: null,
  };
  sheet.charts.push(chart);
  return chart;
}

/** Points from the sheet's top-left corner to a cell's top-left corner. */
export function cellOrigin(sheet: SheetState, row: number, col: number): { top: number; left: number } {
  let left = 0;
  for (let c = 0; c < col; c++) left += sheet.hiddenCols.has(c) ? 0 : (sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  let top = 0;
  for (let r = 0; r < row; r++) top += sheet.hiddenRows.has(r) ? 0 : (sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
  return { top, left };
}

// ---------------------------------------------------------------------------------------------
// Sheets

export function validateNewSheetName(model: WorkbookModel, name: unknown, location: string, self?: SheetState): string {
  if (!isValidSheetName(name)) throw officeError(ErrorCode.invalidArgument, location);
  const clash = model.state.sheets.find((s) => s !== self && sameName(s.name, name));
  if (clash) throw officeError(ErrorCode.itemAlreadyExists, location);
  return name;
}

export function visibleSheets(model: WorkbookModel): SheetState[] {
  return model.state.sheets.filter((s) => s.visibility === 'Visible');
}

export const LAST_VISIBLE_SHEET = 'A workbook must contain at least one visible worksheet.';

/** Deletes a sheet with everything on it; the next visible sheet becomes active if needed. */
export function deleteSheet(model: WorkbookModel, sheet: SheetState, location: string): void {
  ensureStructureEditable(model, location);
  // A very hidden sheet cannot be deleted: make it hidden or visible first. Microsoft, office-js
  // issue #365 ("Deleting a very hidden worksheet" fails with GeneralException "There was an
  // internal error while processing the request."): "This behavior is by design".
  if (sheet.visibility === 'VeryHidden') throw officeError(ErrorCode.generalException, location);
  const visible = visibleSheets(model);
  if (sheet.visibility === 'Visible' && visible.length <= 1)
    throw new FakeOfficeError(ErrorCode.invalidOperation, LAST_VISIBLE_SHEET, location);
  const idx = model.state.sheets.indexOf(sheet);
  model.state.sheets.splice(idx, 1);
  model.state.tables = model.state.tables.filter((t) => t.sheetId !== sheet.id);
  // Names that referred to the sheet now refer to #REF!.
  for (const n of model.state.names) if (n.sheetId === sheet.id) n.rect = null;
  if (model.state.activeSheetId === sheet.id) {
    const after = model.state.sheets.slice(idx).find((s) => s.visibility === 'Visible');
    const before = model.state.sheets
      .slice(0, idx)
      .reverse()
      .find((s) => s.visibility === 'Visible');
    model.state.activeSheetId = (after ?? before ?? model.state.sheets[0]).id;
  }
}
