/**
 * A deep, JSON-serialisable copy of the whole workbook, for `expect(after).toEqual(before)` and
 * for a page that renders the fake workbook.
 */

import { columnLetters, formatRect } from './address';
import { CellFormat, FormatKey, FormatValue, SheetState, WorkbookModel } from './model';

export interface CellSnapshot {
  /** "B3" */
  readonly address: string;
  readonly value?: string | number | boolean;
  readonly error?: string;
  readonly formula?: string;
  /** Only when set on the cell itself. */
  readonly numberFormat?: string;
  /** Format properties set on the cell itself (not inherited from row, column or sheet). */
  readonly format?: Partial<Record<FormatKey, FormatValue>>;
  /** The cell's hyperlink (Range.hyperlink), when it has one. */
  readonly hyperlink?: { address?: string; documentReference?: string; screenTip?: string };
}

export interface ConditionalFormatSnapshot {
  readonly id: string;
  readonly type: string;
  readonly priority: number;
  readonly ranges: string[];
  readonly stopIfTrue: boolean;
  readonly formula: string;
  readonly format: {
    fill?: string;
    fontColor?: string;
    fontBold?: boolean;
    fontItalic?: boolean;
    fontStrikethrough?: boolean;
    fontUnderline?: string;
    numberFormat?: string;
  };
}

export interface AxisSnapshot {
  readonly minimum: number | null;
  readonly maximum: number | null;
  readonly majorUnit: number | null;
  readonly minorUnit: number | null;
  readonly visible: boolean;
  readonly numberFormat: string;
  readonly title: { text: string; visible: boolean };
}

export interface ChartSnapshot {
  readonly id: string;
  readonly name: string;
  readonly chartType: string;
  readonly source: string;
  readonly seriesBy: string;
  readonly title: { text: string; visible: boolean; overlay: boolean };
  readonly legend: { position: string; visible: boolean; overlay: boolean };
  readonly axes: { value: AxisSnapshot; category: AxisSnapshot };
  readonly series: Array<{ name: string }>;
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
  readonly position: { start: string; end: string | null } | null;
}

export interface PageLayoutSnapshot {
  readonly orientation: string;
  readonly paperSize: string;
  readonly zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  readonly centerHorizontally: boolean;
  readonly centerVertically: boolean;
  readonly leftMargin: number;
  readonly rightMargin: number;
  readonly topMargin: number;
  readonly bottomMargin: number;
  readonly headerMargin: number;
  readonly footerMargin: number;
  readonly printGridlines: boolean;
  readonly printHeadings: boolean;
  readonly blackAndWhite: boolean;
  readonly printTitleRows: string | null;
  readonly printTitleColumns: string | null;
  readonly printArea: string[] | null;
}

export interface SheetSnapshot {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly visibility: string;
  readonly tabColor: string;
  readonly showGridlines: boolean;
  readonly showHeadings: boolean;
  /** Non-empty cells (a value, a formula or a cell-level format), by row then column. */
  readonly cells: CellSnapshot[];
  readonly sheetFormat: CellFormat;
  /** Row number (1-based) → row-level format. */
  readonly rowFormats: Record<string, CellFormat>;
  /** Column letters → column-level format. */
  readonly columnFormats: Record<string, CellFormat>;
  /** Column letters → width in points (only non-default widths). */
  readonly columnWidths: Record<string, number>;
  /** Row number (1-based) → height in points (only non-default heights). */
  readonly rowHeights: Record<string, number>;
  readonly hiddenColumns: string[];
  readonly hiddenRows: number[];
  readonly merges: string[];
  /** In priority order (0 first). */
  readonly conditionalFormats: ConditionalFormatSnapshot[];
  readonly charts: ChartSnapshot[];
  readonly freezePanes: { rows: number; columns: number };
  readonly pageLayout: PageLayoutSnapshot;
  readonly protection: {
    protected: boolean;
    options: { allowFormatCells: boolean; allowFormatColumns: boolean; allowFormatRows: boolean; allowEditObjects: boolean };
  };
  /** This sheet's selection ("A1"). */
  readonly selection: string;
}

export interface TableSnapshot {
  readonly id: string;
  readonly name: string;
  readonly sheet: string;
  readonly address: string;
  readonly showHeaders: boolean;
  readonly showTotals: boolean;
  readonly style: string;
}

export interface WorkbookSnapshot {
  readonly name: string;
  readonly readOnly: boolean;
  readonly activeSheet: string;
  readonly structureProtected: boolean;
  readonly calculationMode: string;
  /** In tab order. */
  readonly sheets: SheetSnapshot[];
  readonly tables: TableSnapshot[];
  readonly settings: Record<string, unknown>;
}

function copyFormat(f: CellFormat): CellFormat {
  const out: CellFormat = {};
  for (const k of Object.keys(f).sort() as FormatKey[]) if (f[k] !== undefined) out[k] = f[k];
  return out;
}

export function snapshotSheet(model: WorkbookModel, sheet: SheetState): SheetSnapshot {
  const cells: CellSnapshot[] = [];
  for (const [row, col, cell] of sheet.cells.sorted()) {
    const out: {
      address: string;
      value?: string | number | boolean;
      error?: string;
      formula?: string;
      numberFormat?: string;
      format?: Partial<Record<FormatKey, FormatValue>>;
      hyperlink?: { address?: string; documentReference?: string; screenTip?: string };
    } = { address: columnLetters(col) + (row + 1) };
    if (cell.v !== undefined) out.value = cell.v;
    if (cell.e !== undefined) out.error = cell.e;
    if (cell.f !== undefined) out.formula = cell.f;
    if (cell.fmt) {
      const { numberFormat, ...rest } = cell.fmt;
      if (numberFormat !== undefined) out.numberFormat = String(numberFormat);
      if (Object.keys(rest).length) out.format = copyFormat(rest);
    }
    if (cell.link) out.hyperlink = { ...cell.link };
    cells.push(out);
  }
  const byRow = (m: Map<number, CellFormat>) =>
    Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k + 1), copyFormat(v)]));
  const byCol = (m: Map<number, CellFormat>) =>
    Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [columnLetters(k), copyFormat(v)]));
  const p = sheet.pageLayout;
  return {
    id: sheet.id,
    name: sheet.name,
    position: model.state.sheets.indexOf(sheet),
    visibility: sheet.visibility,
    tabColor: sheet.tabColor,
    showGridlines: sheet.showGridlines,
    showHeadings: sheet.showHeadings,
    cells,
    sheetFormat: copyFormat(sheet.sheetFmt),
    rowFormats: byRow(sheet.rowFmt),
    columnFormats: byCol(sheet.colFmt),
    columnWidths: Object.fromEntries([...sheet.colWidths].sort((a, b) => a[0] - b[0]).map(([k, v]) => [columnLetters(k), v])),
    rowHeights: Object.fromEntries([...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k + 1), v])),
    hiddenColumns: [...sheet.hiddenCols].sort((a, b) => a - b).map(columnLetters),
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b).map((r) => r + 1),
    merges: sheet.merges.map(formatRect),
    conditionalFormats: sheet.conditionalFormats.map((cf, i) => ({
      id: cf.id,
      type: cf.type,
      priority: i,
      ranges: cf.ranges.map(formatRect),
      stopIfTrue: cf.stopIfTrue,
      formula: cf.formula,
      format: { ...cf.format },
    })),
    charts: sheet.charts.map((c) => ({
      id: c.id,
      name: c.name,
      chartType: c.chartType,
      source: formatRect(c.source),
      seriesBy: c.seriesBy,
      title: { ...c.title },
      legend: { ...c.legend },
      axes: {
        value: { ...c.axes.value, title: { ...c.axes.value.title } },
        category: { ...c.axes.category, title: { ...c.axes.category.title } },
      },
      series: c.series.map((s) => ({ ...s })),
      top: c.top,
      left: c.left,
      width: c.width,
      height: c.height,
      position: c.position ? { ...c.position } : null,
    })),
    freezePanes: { ...sheet.freeze },
    pageLayout: {
      orientation: p.orientation,
      paperSize: p.paperSize,
      zoom: { ...p.zoom },
      centerHorizontally: p.centerHorizontally,
      centerVertically: p.centerVertically,
      leftMargin: p.leftMargin,
      rightMargin: p.rightMargin,
      topMargin: p.topMargin,
      bottomMargin: p.bottomMargin,
      headerMargin: p.headerMargin,
      footerMargin: p.footerMargin,
      printGridlines: p.printGridlines,
      printHeadings: p.printHeadings,
      blackAndWhite: p.blackAndWhite,
      printTitleRows: p.printTitleRows ? formatRect(p.printTitleRows) : null,
      printTitleColumns: p.printTitleColumns ? formatRect(p.printTitleColumns) : null,
      printArea: p.printArea ? p.printArea.map(formatRect) : null,
    },
    protection: { protected: sheet.protection.protected, options: { ...sheet.protection.options } },
    selection: formatRect(sheet.selection),
  };
}

export function snapshotWorkbook(model: WorkbookModel): WorkbookSnapshot {
  const s = model.state;
  const sheetName = (id: string) => model.sheetById(id)?.name ?? '';
  return {
    name: s.name,
    readOnly: s.readOnly,
    activeSheet: model.activeSheet()?.name ?? '',
    structureProtected: s.structureProtected,
    calculationMode: s.calculationMode,
    sheets: s.sheets.map((sheet) => snapshotSheet(model, sheet)),
    tables: s.tables.map((t) => ({
      id: t.id,
      name: t.name,
      sheet: sheetName(t.sheetId),
      address: formatRect(t.rect),
      showHeaders: t.showHeaders,
      showTotals: t.showTotals,
      style: t.style,
    })),
    settings: Object.fromEntries(s.settings.map((x) => [x.key, JSON.parse(x.json) as unknown])),
  };
}
