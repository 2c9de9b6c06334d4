/**
 * The add-in's own sheets are never read as lists, whatever they hold: a workbook read again after
 * "Tạo báo cáo" (in the pane, or saved and given to the command line) has the same lists as before.
 */
import { evaluate } from '../../src/engine';
import { staffDetails } from '../../src/engine/details';
import { HCMC_PLAN } from '../../src/plan';
import { buildTrainingLayout } from '../../src/report/training-sheet';
import { detectLists, isReportSheetName } from '../../src/workbook/detect';
import { extract } from '../../src/workbook/extract';
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { readFileSync } from 'node:fs';
import path from 'node:path';

test.each([
  'Báo cáo CCHC 2024',
  'Báo cáo CCHC 2024 (2)',
  'CCHC report 2025',
  'Tổng hợp CCHC 2024',
  'Tổng kết CCHC 2022–2025',
  'Tổng kết CCHC 2022-2025 (2)',
  'CCHC summary 2022–2025',
  'Danh sách cần bồi dưỡng',
  'Danh sách cần bồi dưỡng (3)',
  'Training needed',
  'Vấn đề dữ liệu',
  'Data issues (2)',
  'Kế hoạch CCHC',
])('"%s" is the add-in\'s own sheet', (name) => {
  expect(isReportSheetName(name)).toBe(true);
});

test.each(['DS CBCCVC', 'Danh sách cán bộ', 'Tổng kết', 'Báo cáo', 'Bồi dưỡng 2024', 'Danh sách đơn vị'])(
  '"%s" is the user\'s',
  (name) => {
    expect(isReportSheetName(name)).toBe(false);
  },
);

test('a training-needed sheet written into the workbook adds no staff list', () => {
  const file = path.join(__dirname, '..', 'fixtures', 'p1-canonical.xlsx');
  const grid = readXlsx(readFileSync(file), { name: 'p1.xlsx' }).grid;
  const before = detectLists(grid);
  const dataset = extract(grid, before);
  const evaluation = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  const details = staffDetails(grid, dataset, HCMC_PLAN, evaluation);
  const layout = buildTrainingLayout(evaluation, details, { lang: 'vi', sheetName: 'Danh sách cần bồi dưỡng' });
  expect(layout.listed).toBeGreaterThan(0);
  const rows: CellValue[][] = layout.rows.map((r) => r.map((c) => (c && 'v' in c ? c.v : c ? c.label : null)));
  const sheet: SheetGrid = { name: 'Danh sách cần bồi dưỡng', rows, originRow: 0, originCol: 0 };
  const after = detectLists({ ...grid, sheets: [...grid.sheets, sheet] } as WorkbookGrid);
  expect(after.staff.map((l) => l.sheet)).toEqual(before.staff.map((l) => l.sheet));
  expect(after.ignored).toContainEqual({ sheet: 'Danh sách cần bồi dưỡng', reason: 'report' });
});
