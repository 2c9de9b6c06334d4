/** Small workbooks for tests, built from literal rows, read back through the real .xlsx path. */
import ExcelJS from 'exceljs';
import { WorkbookGrid } from '../../src/workbook/grid';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';

export type Row = ReadonlyArray<ExcelJS.CellValue>;

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly Row[];
}

export function buildWorkbook(sheets: readonly SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function gridFrom(sheets: readonly SheetSpec[]): Promise<WorkbookGrid> {
  return gridOf(await loadWorkbook(await toBuffer(buildWorkbook(sheets)), 'test.xlsx'));
}

/** A compact canonical workbook: units, staff and activities with headers in row 1. */
export function canonicalSheets(units: readonly Row[], staff: readonly Row[], activities: readonly Row[] = []): SheetSpec[] {
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
