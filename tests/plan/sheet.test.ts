/**
 * The plan sheet "Kế hoạch CCHC" (issue 13): written from a plan and read back to the same plan,
 * in both languages; an edited threshold changes the evaluation; a malformed sheet names the cell
 * and gives no plan at all.
 */
import { evaluate } from '../../src/engine';
import { HCMC_PLAN, Plan } from '../../src/plan';
import { PLAN_HEADER_ROW, planSheetRows } from '../../src/plan/sheet-layout';
import { PlanSheetRead, isPlanSheetName, parseThresholdCell, readPlanSheet } from '../../src/plan/sheet';
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { readDataset } from '../../src/engine';

function sheet(name: string, rows: CellValue[][]): SheetGrid {
  return { name, rows, originRow: 0, originCol: 0 };
}

function planRows(lang: 'vi' | 'en' = 'vi', inclusive = false): CellValue[][] {
  return planSheetRows(HCMC_PLAN, { lang, inclusive }).map((r) => [...r]);
}

/** Row index of a target in the written sheet, and the column of a year. */
function rowOf(rows: CellValue[][], id: string): number {
  return rows.findIndex((r, i) => i > PLAN_HEADER_ROW && r[0] === id);
}
function colOf(rows: CellValue[][], year: number): number {
  return rows[PLAN_HEADER_ROW].indexOf(year);
}

function ok(r: PlanSheetRead): { plan: Plan; inclusive: boolean } {
  if (r.status !== 'ok') throw new Error(`expected a plan, got ${JSON.stringify(r)}`);
  return r;
}

function problems(r: PlanSheetRead): Array<{ cell: string; vi: string; en: string }> {
  if (r.status !== 'invalid') throw new Error(`expected problems, got ${r.status}`);
  return [...r.problems];
}

test('the sheet is found by its name in either language, however typed', () => {
  expect(isPlanSheetName('Kế hoạch CCHC')).toBe(true);
  expect(isPlanSheetName('KE HOACH cchc')).toBe(true);
  expect(isPlanSheetName('CCHC plan')).toBe(true);
  expect(isPlanSheetName('Kế hoạch')).toBe(false);
  expect(readPlanSheet({ sheets: [sheet('DS đơn vị', [['Tên đơn vị']])] })).toEqual({ status: 'absent' });
});

test.each(['vi', 'en'] as const)('written (%s) and read back: the same plan', (lang) => {
  const name = lang === 'vi' ? 'Kế hoạch CCHC' : 'CCHC plan';
  const r = ok(readPlanSheet({ sheets: [sheet(name, planRows(lang))] }));
  expect(r.plan).toEqual(HCMC_PLAN);
  expect(r.inclusive).toBe(false);
});

test('the reading setting "từ X % trở lên" makes every "trên X %" inclusive', () => {
  const r = ok(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', planRows('vi', true))] }));
  expect(r.inclusive).toBe(true);
});

test('a changed threshold changes the status (T02 2024: "> 90 %" → "> 95 %")', () => {
  // 19 of 20 leaders trained: 95 % is over 90 % but not over 95 %.
  const staff: CellValue[][] = [['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Lãnh đạo', 'Bồi dưỡng CCHC']];
  for (let i = 0; i < 20; i++) staff.push([i + 1, `Người ${i + 1}`, 'Sở Nội vụ', 'Trưởng phòng', 'x', i < 19 ? 2023 : null]);
  const data: SheetGrid[] = [
    sheet('DS đơn vị', [
      ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC'],
      [1, 'Sở Nội vụ', 'Sở, ban, ngành', 1],
    ]),
    sheet('DS CBCCVC', staff),
  ];
  const rows = planRows();
  const status = (plan: Plan) =>
    evaluate(readDataset({ sheets: data }), plan, { year: 2024, inclusive: false }).targets.find((t) => t.id === 'T02')?.status;
  expect(status(ok(readPlanSheet({ sheets: [...data, sheet('Kế hoạch CCHC', rows)] })).plan)).toBe('met');
  rows[rowOf(rows, 'T02')][colOf(rows, 2024)] = '> 95 %';
  const grid: WorkbookGrid = { sheets: [...data, sheet('Kế hoạch CCHC', rows)] };
  expect(status(ok(readPlanSheet(grid)).plan)).toBe('not_met');
  // The plan sheet itself is not read as a list.
  const lists = readDataset(grid).lists;
  expect([...lists.units, ...lists.staff, ...lists.activities].map((l) => l.sheet)).toEqual(['DS đơn vị', 'DS CBCCVC']);
});

test('a new period: the year columns make the period (2026–2030)', () => {
  const rows = planRows();
  const h = rows[PLAN_HEADER_ROW];
  const first = colOf(rows, 2022);
  for (let k = 0; k < 4; k++) h[first + k] = 2026 + k;
  h[first + 4] = 2030;
  for (let r = PLAN_HEADER_ROW + 1; r < rows.length && rows[r][0]; r++)
    if (rows[r][5] === 'Tỷ lệ') rows[r][first + 4] = '= 100 %';
  const plan = ok(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', rows)] })).plan;
  expect(plan.period).toEqual({ from: 2026, to: 2030 });
  const t02 = plan.targets.find((t) => t.id === 'T02');
  expect(t02 && 'thresholds' in t02 ? t02.thresholds['2030'] : null).toEqual({ op: '=', value: 1 });
});

test('a malformed sheet: every bad cell named, and no plan', () => {
  const rows = planRows();
  const t02 = rowOf(rows, 'T02');
  const t07 = rowOf(rows, 'T07');
  rows[t02][colOf(rows, 2024)] = 'trên chín mươi';
  rows[t07][colOf(rows, 2023)] = '≥ 1 %';
  rows[rowOf(rows, 'T03')][3] = 'staff:everyone';
  rows[rowOf(rows, 'T04')][5] = 'Phần trăm';
  const r = readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', rows)] });
  expect(r.status).toBe('invalid');
  const cells = problems(r).map((p) => p.cell);
  const col = (year: number) => String.fromCharCode(65 + colOf(rows, year));
  expect(cells).toEqual(
    [
      `'Kế hoạch CCHC'!D${rowOf(rows, 'T03') + 1}`,
      `'Kế hoạch CCHC'!F${rowOf(rows, 'T04') + 1}`,
      `'Kế hoạch CCHC'!${col(2024)}${t02 + 1}`,
      `'Kế hoạch CCHC'!${col(2023)}${t07 + 1}`,
    ].sort((a, b) => Number(/\d+$/.exec(a)?.[0]) - Number(/\d+$/.exec(b)?.[0])),
  );
  const t02Problem = problems(r).find((p) => p.cell.endsWith(`${t02 + 1}`));
  expect(t02Problem?.vi).toMatch(/cần ngưỡng tỷ lệ .*"trên chín mươi"/);
  expect(t02Problem?.en).toMatch(/expected a rate threshold/);
});

test('a duplicate target id is named at its row; a missing column at the header', () => {
  const rows = planRows();
  rows[rowOf(rows, 'T03')][0] = 'T02';
  const dup = problems(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', rows)] }));
  expect(dup.map((p) => p.cell)).toContain(`'Kế hoạch CCHC'!A${rowOf(rows, 'T04')}`);
  expect(dup.find((p) => p.cell.endsWith(`A${rowOf(rows, 'T04')}`))?.vi).toMatch(/an id used once/);
  const noMeasure = planRows();
  noMeasure[PLAN_HEADER_ROW][5] = '';
  const missing = problems(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', noMeasure)] }));
  expect(missing[0].vi).toMatch(/thiếu cột "Cách đo"/);
});

test.each([
  ['> 80 %', 'rate', { op: '>', value: 0.8 }],
  ['≥80%', 'rate', { op: '>=', value: 0.8 }],
  ['>= 0,8', 'rate', { op: '>=', value: 0.8 }],
  ['= 100 %', 'rate', { op: '=', value: 1 }],
  ['82,5 %', 'rate', 'bad'],
  ['> 80', 'rate', 'bad'],
  ['≥ 10', 'count', { op: '>=', value: 10 }],
  ['≥ 10 %', 'count', 'bad'],
  ['', 'count', null],
  ['–', 'rate', null],
] as const)('threshold cell %j (%s)', (text, measure, want) => {
  expect(parseThresholdCell(text, measure)).toEqual(want);
});

test('the 5S objective row: "≥ 2" pilots per level and fewer years are read; a bad cell is named', () => {
  const rows = planRows();
  const r = rowOf(rows, 'O1');
  expect(rows[r].slice(3, 6)).toEqual([
    'units:so_nganh | ubnd_huyen,phong_noi_vu | ubnd_xa',
    'pilot_5s:by_year',
    'Mục tiêu theo cấp',
  ]);
  rows[r][colOf(rows, 2022)] = '';
  for (const y of [2023, 2024, 2025]) rows[r][colOf(rows, y)] = '≥ 2';
  const o1 = ok(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', rows)] })).plan.objectives[0];
  expect(o1).toMatchObject({ id: 'O1', judgement: { minPerLevel: 2 }, years: [2023, 2024, 2025] });
  expect(o1.levels.map((l) => l.id)).toEqual(['so_nganh', 'quan_huyen', 'phuong_xa']);

  rows[r][colOf(rows, 2024)] = '≥ 3'; // not the same every year
  rows[r][3] = 'units:so_nganh | quan';
  const bad = problems(readPlanSheet({ sheets: [sheet('Kế hoạch CCHC', rows)] }));
  expect(bad.map((q) => q.cell)).toEqual([
    `'Kế hoạch CCHC'!D${r + 1}`,
    `'Kế hoạch CCHC'!${'ABCDEFGHIJ'[colOf(rows, 2024)]}${r + 1}`,
  ]);
});
