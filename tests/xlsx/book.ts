/**
 * Workbooks built in memory with exceljs and read back through the real .xlsx path
 * (writeBuffer → loadWorkbook → gridOf → readDataset → evaluate → toSpecJson).
 */
import ExcelJS from 'exceljs';
import { WorkbookGrid } from '../../src/workbook/grid';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { Run, run } from '../engine/grids';

export type XCell = ExcelJS.CellValue | undefined;
export type XRow = XCell[];

export interface TableSpec {
  readonly name: string;
  /** Top-left cell of the table's header row, e.g. "A3". */
  readonly ref: string;
  readonly headers: readonly string[];
  readonly rows: readonly XRow[];
}

export interface SheetSpec {
  readonly name: string;
  /** Row 1 first; `undefined`/`null` cells are left empty. */
  readonly rows?: readonly XRow[];
  readonly merges?: readonly string[];
  /** 1-based column numbers to hide. */
  readonly hiddenColumns?: readonly number[];
  readonly tables?: readonly TableSpec[];
  readonly state?: 'visible' | 'hidden';
}

export interface BookOptions {
  readonly date1904?: boolean;
}

export function buildWorkbook(sheets: readonly SheetSpec[], options: BookOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (options.date1904) wb.properties.date1904 = true;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, s.state ? { state: s.state } : undefined);
    (s.rows ?? []).forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const t of s.tables ?? []) {
      ws.addTable({
        name: t.name,
        ref: t.ref,
        headerRow: true,
        columns: t.headers.map((name) => ({ name })),
        rows: t.rows.map((row) => t.headers.map((_h, i) => (row[i] === undefined ? null : row[i]))),
      });
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const c of s.hiddenColumns ?? []) ws.getColumn(c).hidden = true;
  }
  return wb;
}

/** A compact canonical workbook: units, staff and activities with headers in row 1. */
export function canonicalSheets(units: readonly XRow[], staff: readonly XRow[], activities: readonly XRow[] = []): SheetSpec[] {
  return [
    {
      name: 'Đơn vị',
      rows: [['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC', 'Năm bố trí vị trí CCHC'], ...units],
    },
    {
      name: 'Cán bộ',
      rows: [
        [
          'STT',
          'Họ và tên',
          'Đơn vị',
          'Chức vụ',
          'Lãnh đạo',
          'Làm công tác CCHC',
          'Bồi dưỡng CCHC',
          'Được cung cấp kiến thức, kỹ năng',
          'Tiếp cận tài liệu điện tử',
          'Quy hoạch lãnh đạo (năm)',
          'Luân chuyển, bổ nhiệm (năm)',
          'Chuyên gia CCHC (năm)',
        ],
        ...staff,
      ],
    },
    {
      name: 'Hoạt động',
      rows: [
        [
          'STT',
          'Tên hoạt động',
          'Loại hoạt động',
          'Hình thức',
          'Thời gian',
          'Số người tham gia',
          'Số người không giữ chức vụ lãnh đạo',
        ],
        ...activities,
      ],
    },
  ];
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function gridFromSheets(sheets: readonly SheetSpec[], options: BookOptions = {}): Promise<WorkbookGrid> {
  const buf = await toBuffer(buildWorkbook(sheets, options));
  return gridOf(await loadWorkbook(buf, 'test.xlsx'));
}

/** An evaluation of a workbook read back from .xlsx: the engine tests' Run, with its grid. */
export interface XRun extends Run {
  readonly grid: WorkbookGrid;
}

export function evaluateGrid(grid: WorkbookGrid, year: number, inclusive = false): XRun {
  return { grid, ...run(grid, year, inclusive) };
}

/** Builds, writes, reads back and evaluates for each year asked. */
export async function evaluateSheets(
  sheets: readonly SheetSpec[],
  years: readonly number[],
  options: BookOptions = {},
): Promise<XRun[]> {
  const grid = await gridFromSheets(sheets, options);
  return years.map((y) => evaluateGrid(grid, y));
}

/** A JS date Excel shows as that calendar day (exceljs writes dates as UTC). */
export function day(y: number, m: number, d: number, h = 0): Date {
  return new Date(Date.UTC(y, m - 1, d, h));
}
