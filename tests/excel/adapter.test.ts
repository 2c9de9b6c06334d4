/**
 * The Excel adapter against the in-memory Excel: what it reads, what it writes and never writes,
 * in how many round trips, and what "clear" gives back.
 */
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { readWorkbook } from '../../src/excel/read';
import { writeResults } from '../../src/excel/write';
import { clearAdded } from '../../src/excel/clear';
import { selectCell } from '../../src/excel/select';
import { AddinError } from '../../src/excel/errors';
import { STATE_KEY, parseState } from '../../src/excel/state';
import { Evaluation, evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { WorkbookGrid } from '../../src/workbook/grid';
import { envOf, fakeOf, gridOfFile } from '../helpers/fake-book';

installExcelEnums();

const fixtures = path.join(__dirname, '../fixtures');
const date = new Date(2025, 0, 5);
let p2: WorkbookGrid;
let p1: WorkbookGrid;

beforeAll(async () => {
  p2 = await gridOfFile(path.join(fixtures, 'p2-government.xlsx'));
  p1 = await gridOfFile(path.join(fixtures, 'p1-canonical.xlsx'));
});

async function evaluateIn(
  fake: FakeExcel,
  year = 2024,
): Promise<{ read: Awaited<ReturnType<typeof readWorkbook>>; e: Evaluation }> {
  const read = await readWorkbook(envOf(fake));
  return { read, e: evaluate(read.dataset, HCMC_PLAN, { year, inclusive: false }) };
}

/**
 * The sheets as the user sees them: values, formats, merges, rules, charts … Not the add-in's
 * settings, which sheet is active, nor internal ids (a rule written again is a new object).
 */
function sheetsOf(fake: FakeExcel) {
  return fake.snapshot().sheets.map(({ id: _id, conditionalFormats, ...rest }) => ({
    ...rest,
    conditionalFormats: conditionalFormats.map(({ id: _cf, ...cf }) => cf),
  }));
}

async function errorOf(p: Promise<unknown>): Promise<AddinError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AddinError) return e;
    throw e;
  }
  throw new Error('expected an AddinError');
}

describe('reading the open workbook', () => {
  test('finds the same lists and gives the same result as the command line, in 2 syncs', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    expect(read.syncs).toBe(2);
    expect(fake.stats.filter((s) => s.roundTrip !== false)).toHaveLength(2);
    const cli = evaluate(readDataset(p2), HCMC_PLAN, { year: 2024, inclusive: false });
    expect(toSpecJson(e)).toEqual(toSpecJson(cli));
    expect(read.lists.staff[0]).toMatchObject({ sheet: 'DS CBCCVC', headerTop: 6, headerBottom: 7, dataTop: 8 });
  });

  test('loads only the columns the lists need, chunked when a read would pass the payload budget', async () => {
    const whole = fakeOf(p1);
    const one = await readWorkbook(envOf(whole));
    const small = fakeOf(p1);
    const chunked = await readWorkbook(envOf(small), { payloadBudget: 20_000 });
    expect(chunked.syncs).toBeGreaterThan(2);
    for (const s of small.stats) expect(s.responseBytes).toBeLessThan(40_000);
    expect(toSpecJson(evaluate(chunked.dataset, HCMC_PLAN, { year: 2025, inclusive: false }))).toEqual(
      toSpecJson(evaluate(one.dataset, HCMC_PLAN, { year: 2025, inclusive: false })),
    );
  });

  test('a large numbered staff list loads names only where rows have no number (a total row still reads as one)', async () => {
    const fake = fakeOf(p2);
    const whole = await readWorkbook(envOf(fake));
    fake.resetStats();
    // A budget at which reading the names would take one more sync (3 instead of 2).
    const lean = await readWorkbook(envOf(fake), { payloadBudget: 35_000 });
    // Names were loaded for the header-ish and total rows only, not for the 617 people.
    const requested = fake.stats.reduce((n, s) => n + s.responseBytes, 0);
    const staffSheet = lean.grid.sheets.find((g) => g.name === 'DS CBCCVC');
    // Below the 40 top rows read to find the header, only the total row's name came.
    const names = (staffSheet?.rows ?? []).slice(40).filter((r) => typeof r?.[1] === 'string');
    expect(names.map((r) => r?.[1])).toEqual(['Tổng cộng']);
    expect(staffSheet?.rows[629]?.[1]).toBe('Tổng cộng');
    expect(requested).toBeGreaterThan(0);
    expect(toSpecJson(evaluate(lean.dataset, HCMC_PLAN, { year: 2024, inclusive: false }))).toEqual(
      toSpecJson(evaluate(whole.dataset, HCMC_PLAN, { year: 2024, inclusive: false })),
    );
  });

  test('an empty workbook says what lists and headers are expected', async () => {
    const fake = new FakeExcel();
    const err = await errorOf(readWorkbook(envOf(fake)));
    expect(err.code).toBe('no_lists');
    expect(err.messageIn('vi')).toMatch(/"Tên đơn vị", "Họ và tên", "Loại hoạt động"/);
  });
});

describe('coloring the units', () => {
  test('a status column beside the list, rows colored by rules keyed to it, the user’s cells and fills untouched', async () => {
    const fake = fakeOf(p2);
    const before = fake.snapshot();
    const { read, e } = await evaluateIn(fake);
    fake.resetStats();
    await writeResults(envOf(fake), read, e, { color: true, report: false, lang: 'vi', date });
    // One sync proves what is the add-in's and checks the list is as read, one writes.
    expect(fake.stats).toHaveLength(2);
    expect(fake.stats[1].suspendedCalculation).toBe(true);
    expect(fake.cell('DS don vi', 'F7').value).toBe('Trạng thái CCHC 2024');
    expect(fake.cell('DS don vi', 'F8').value).toBe(''); // the group row "I. KHỐI SỞ …"
    expect(fake.cell('DS don vi', 'F9').value).toBe('Không đạt');
    const rules = fake.conditionalFormats('DS don vi');
    // Rows from the first data row (the group row's status cell is empty, so it stays uncolored).
    expect(rules.map((r) => [r.ranges, r.formula, r.format.fill])).toEqual([
      [['A8:F141'], '=$F8="Đạt"', '#C6EFCE'],
      [['A8:F141'], '=$F8="Chưa xác định"', '#FFEB9C'],
      [['A8:F141'], '=$F8="Không đạt"', '#FFC7CE'],
    ]);
    // Every cell of the user's is as it was: only column F was written.
    const after = fake.snapshot();
    const userCells = (s: typeof before) =>
      s.sheets.flatMap((sh) =>
        sh.cells.filter((c) => !/'DS don vi'!F/.test(`'${sh.name}'!${c.address}`)).map((c) => [sh.name, c]),
      );
    expect(userCells(after)).toEqual(userCells(before));
  });

  test('running again (same year or another) replaces the add-in’s column and rules, never stacks them', async () => {
    const fake = fakeOf(p2);
    const first = await evaluateIn(fake);
    await writeResults(envOf(fake), first.read, first.e, { color: true, report: false, lang: 'vi', date });
    const once = sheetsOf(fake);
    const again = await evaluateIn(fake);
    await writeResults(envOf(fake), again.read, again.e, { color: true, report: false, lang: 'vi', date });
    expect(sheetsOf(fake)).toEqual(once);
    const other = await evaluateIn(fake, 2025);
    await writeResults(envOf(fake), other.read, other.e, { color: true, report: false, lang: 'vi', date });
    expect(fake.cell('DS don vi', 'F7').value).toBe('Trạng thái CCHC 2025');
    expect(fake.cell('DS don vi', 'G7').value).toBe('');
    expect(fake.conditionalFormats('DS don vi')).toHaveLength(3);
  });

  test('a note of the user’s right beside the list pushes the status one column further', async () => {
    const fake = fakeOf(p1);
    fake.setValues('Đơn vị', 'F30', [['ghi chú của tôi']]);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: false, lang: 'vi', date });
    expect(fake.cell('Đơn vị', 'F30').value).toBe('ghi chú của tôi');
    expect(fake.cell('Đơn vị', 'G1').value).toBe('Trạng thái CCHC 2024');
  });

  test('a formula of the user’s showing "" and a merged note reaching past the list push the status further, and stay', async () => {
    const fake = fakeOf(p2);
    // F: a helper formula that shows nothing; G: the inside of a note merged from the list (E20:G20).
    fake.setValues('DS don vi', 'F12', [[{ formula: '=IF(B12="","x","")', value: '' }]]);
    await envOf(fake).run(async (context) => {
      context.workbook.worksheets.getItem('DS don vi').getRange('E20:G20').merge(false);
      await context.sync();
    });
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: false, lang: 'vi', date });
    expect(fake.cell('DS don vi', 'F12').formula).toBe('=IF(B12="","x","")');
    expect(fake.merges('DS don vi')).toContain('E20:G20');
    expect(fake.cell('DS don vi', 'H7').value).toBe('Trạng thái CCHC 2024');
    expect(fake.cell('DS don vi', 'F7').value).toBe('');
    expect(fake.cell('DS don vi', 'G7').value).toBe('');
  });

  test('a protected units sheet: a clear message, and nothing is written anywhere', async () => {
    const fake = fakeOf(p2);
    fake.protectSheet('DS don vi');
    const before = fake.snapshot();
    const { read, e } = await evaluateIn(fake);
    const err = await errorOf(writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date }));
    expect(err.code).toBe('sheet_protected');
    expect(err.messageIn('vi')).toBe(
      'Trang tính "DS don vi" đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại; chưa có gì được ghi.',
    );
    expect(fake.snapshot()).toEqual(before);
  });

  test('protected after the read: Excel refuses the batch, and what it applied is taken out again', async () => {
    const fake = fakeOf(p2);
    const before = sheetsOf(fake);
    const { read, e } = await evaluateIn(fake);
    fake.protectSheet('DS don vi');
    const err = await errorOf(writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date }));
    expect(err.code).toBe('sheet_protected');
    expect(fake.sheetNames()).not.toContain('Báo cáo CCHC 2024');
    const after = sheetsOf(fake).map((s) => ({ ...s, protection: before.find((b) => b.name === s.name)?.protection }));
    expect(after).toEqual(before);
  });

  test('a read-only workbook is refused before anything is sent', async () => {
    const fake = fakeOf(p2, { readOnly: true });
    const { read, e } = await evaluateIn(fake);
    fake.resetStats();
    const err = await errorOf(writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date }));
    expect(err.code).toBe('read_only');
    expect(fake.stats).toHaveLength(0);
  });
});

describe('the report sheet', () => {
  test('built in three syncs (proof, content, id + chart and print setup): heading, targets, units, issues with links, chart, A4 fit to width', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    fake.resetStats();
    const out = await writeResults(envOf(fake), read, e, { color: false, report: true, lang: 'vi', date });
    expect(out.reportSheet).toBe('Báo cáo CCHC 2024');
    expect(fake.stats).toHaveLength(3);
    const name = 'Báo cáo CCHC 2024';
    expect(fake.cell(name, 'A1').value).toBe('ỦY BAN NHÂN DÂN');
    expect(fake.cell(name, 'D2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(fake.cell(name, 'D3').value).toBe('Thành phố Hồ Chí Minh, ngày 05 tháng 01 năm 2025');
    expect(fake.cell(name, 'A10').value).toBe('STT');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => fake.cell(name, `${'ABCDEFG'[c - 1]}10`).value)).toEqual([
      'STT',
      'Chỉ tiêu',
      'Kế hoạch',
      'Kết quả',
      'Tỷ lệ',
      'Đánh giá',
      'Còn thiếu',
    ]);
    expect(fake.cell(name, 'B11').value).toBe('T01. Bố trí vị trí việc làm CCHC');
    expect(fake.cell(name, 'E11').value).toBeCloseTo(30 / 43, 3);
    expect(fake.cell(name, 'E11').numberFormat).toBe('0.00%');
    const snap = fake.snapshot().sheets.find((s) => s.name === name);
    if (!snap) throw new Error('no report');
    expect(snap.charts).toHaveLength(1);
    expect(snap.pageLayout).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    const links = snap.cells.filter((c) => c.formula?.startsWith('=HYPERLINK('));
    expect(links.length).toBe(e.issues.length + e.units.filter((u) => u.status === 'non_compliant').length);
    expect(links.some((l) => l.formula === `=HYPERLINK("#'DS CBCCVC'!I10","DS CBCCVC!I10")`)).toBe(true);
  });

  test('calls and proxies do not depend on the number of rows', async () => {
    const counts: Array<Array<[number, number]>> = [];
    for (const grid of [p2, p1]) {
      const fake = fakeOf(grid);
      const { read, e } = await evaluateIn(fake);
      fake.resetStats();
      await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
      counts.push(fake.stats.map((st) => [st.calls, st.proxies]));
    }
    expect(counts[1]).toHaveLength(counts[0].length);
    counts[1].forEach(([calls, proxies], i) => {
      expect(calls).toBeLessThanOrEqual(counts[0][i][0] + 10);
      expect(proxies).toBeLessThanOrEqual(counts[0][i][1] + 10);
    });
  });

  test('a sheet of the user’s with the report’s name is left alone; the add-in’s own report is rebuilt, not copied', async () => {
    const fake = fakeOf(p2);
    fake.addSheet({ name: 'Báo cáo CCHC 2024', values: [['của tôi']] });
    const first = await evaluateIn(fake);
    const out = await writeResults(envOf(fake), first.read, first.e, { color: false, report: true, lang: 'vi', date });
    expect(out.reportSheet).toBe('Báo cáo CCHC 2024 (2)');
    expect(fake.cell('Báo cáo CCHC 2024', 'A1').value).toBe('của tôi');
    const again = await evaluateIn(fake);
    const out2 = await writeResults(envOf(fake), again.read, again.e, { color: false, report: true, lang: 'vi', date });
    expect(out2.reportSheet).toBe('Báo cáo CCHC 2024 (2)');
    expect(fake.sheetNames().filter((n) => n.startsWith('Báo cáo'))).toEqual(['Báo cáo CCHC 2024', 'Báo cáo CCHC 2024 (2)']);
  });

  test('workbook text stays text: a unit named "=HYPERLINK(…)" or "+84…", a value "- chưa rõ" are no formulas', async () => {
    const fake = fakeOf(p1);
    // Units without a CCHC job position (T01 not met in 2024), so they are listed in the report.
    fake.setValues('Đơn vị', 'B4', [['=HYPERLINK("http://evil.example","bấm")']]);
    fake.setValues('Đơn vị', 'B9', [['+84 28 3829 1234']]);
    // An unreadable marker, listed with its value among the data issues.
    fake.setValues('Cán bộ', 'G49', [['- chưa rõ']]);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
    const report = fake.snapshot().sheets.find((s) => s.name === 'Báo cáo CCHC 2024');
    const texts = new Map(report?.cells.map((c) => [c.value, c]));
    for (const text of ['=HYPERLINK("http://evil.example","bấm")', '+84 28 3829 1234', '- chưa rõ']) {
      const cell = texts.get(text);
      expect(cell).toBeDefined();
      expect(cell?.formula).toBeUndefined();
      expect(cell?.error).toBeUndefined();
    }
  });

  test('English UI: the sheet, the words and the status column in English', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    const out = await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'en', date });
    expect(out.reportSheet).toBe('CCHC report 2024');
    expect(fake.cell('DS don vi', 'F7').value).toBe('CCHC status 2024');
    expect(fake.cell('DS don vi', 'F9').value).toBe('Non-compliant');
  });

  test('without ExcelApi 1.9 the report is still built, without the print setup', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake, ['ExcelApi 1.9']), read, e, { color: false, report: true, lang: 'vi', date });
    const snap = fake.snapshot().sheets.find((s) => s.name === 'Báo cáo CCHC 2024');
    expect(snap?.cells.length).toBeGreaterThan(100);
    expect(snap?.pageLayout.zoom.horizontalFitToPages).toBeUndefined();
  });
});

describe('clearing what the add-in added', () => {
  test('after color + report + clear, every sheet is exactly as before', async () => {
    const fake = fakeOf(p2);
    const before = sheetsOf(fake);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
    expect(sheetsOf(fake)).not.toEqual(before);
    const out = await clearAdded(envOf(fake), { reports: true });
    expect(out).toEqual({ statusColumns: 1, rules: 3, reportSheets: 1, keptReports: [] });
    expect(sheetsOf(fake)).toEqual(before);
  });

  test('clearing colors only keeps the report sheet', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
    await clearAdded(envOf(fake), { reports: false });
    expect(fake.sheetNames()).toContain('Báo cáo CCHC 2024');
    expect(fake.cell('DS don vi', 'F7').value).toBe('');
    expect(fake.conditionalFormats('DS don vi')).toHaveLength(0);
  });

  test('a report sheet the user made very hidden is kept (Excel refuses to delete one), the rest is cleared', async () => {
    const fake = fakeOf(p2);
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Báo cáo CCHC 2024').visibility = 'VeryHidden';
      await context.sync();
    });
    const out = await clearAdded(envOf(fake), { reports: true });
    expect(out).toEqual({ statusColumns: 1, rules: 3, reportSheets: 0, keptReports: ['Báo cáo CCHC 2024'] });
    expect(fake.sheetNames()).toContain('Báo cáo CCHC 2024');
    expect(fake.conditionalFormats('DS don vi')).toHaveLength(0);
  });

  test('a user’s own conditional format on the same rows survives both coloring and clearing', async () => {
    const fake = fakeOf(p2);
    await fake.run(async (context) => {
      const cf = context.workbook.worksheets.getItem('DS don vi').getRange('B9:B20').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=LEN($B9)>30';
      cf.custom.format.fill.color = '#DDEBF7';
      await context.sync();
    });
    const { read, e } = await evaluateIn(fake);
    await writeResults(envOf(fake), read, e, { color: true, report: false, lang: 'vi', date });
    await clearAdded(envOf(fake), { reports: false });
    expect(fake.conditionalFormats('DS don vi').map((r) => r.formula)).toEqual(['=LEN($B9)>30']);
  });
});

describe('on the oldest host the manifest admits (ExcelApi 1.7; Office 2019 has 1.8)', () => {
  // Office's runtime refuses Range.getMergedAreasOrNullObject (1.13) and
  // ConditionalFormatCollection.getItemOrNullObject (1.14) there with ApiNotFound.
  test('read, color + report twice, clear: the same result as on a current host, rules not stacked, every sheet as before', async () => {
    const fake = fakeOf(p2, { apiSets: { ExcelApi: '1.7' } });
    const before = sheetsOf(fake);
    const { read, e } = await evaluateIn(fake);
    const current = await evaluateIn(fakeOf(p2));
    expect(toSpecJson(e)).toEqual(toSpecJson(current.e));
    await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
    const again = await evaluateIn(fake);
    await writeResults(envOf(fake), again.read, again.e, { color: true, report: true, lang: 'vi', date });
    expect(fake.conditionalFormats('DS don vi')).toHaveLength(3);
    expect(fake.sheetNames()).toContain('Báo cáo CCHC 2024');
    const out = await clearAdded(envOf(fake), { reports: true });
    expect(out).toEqual({ statusColumns: 1, rules: 3, reportSheets: 1, keptReports: [] });
    expect(sheetsOf(fake)).toEqual(before);
  });
});

describe('remembering the user’s choices', () => {
  test('a column chosen by hand is used again on the next run', async () => {
    const fake = fakeOf(p1);
    // The user says T02's "trained" is column H (not G) on the staff sheet.
    const first = await readWorkbook(envOf(fake));
    const staff = first.lists.staff[0];
    const manual = [
      {
        kind: 'staff' as const,
        sheet: staff.sheet,
        headerTop: staff.headerTop,
        headerBottom: staff.headerBottom,
        columns: { ...staff.columns, trained: 7 },
      },
    ];
    const chosen = await readWorkbook(envOf(fake), { manual });
    const e = evaluate(chosen.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    await writeResults(envOf(fake), chosen, e, { color: true, report: false, lang: 'vi', date });
    const saved = parseState(fake.settings()[STATE_KEY]);
    expect(saved.mapping?.[0].columns.trained).toBe(7);
    expect(saved.year).toBe(2024);
    const next = await readWorkbook(envOf(fake));
    expect(next.lists.staff[0].columns.trained).toBe(7);
  });
});

test('selecting a unit’s row or an issue’s cell', async () => {
  const fake = fakeOf(p2);
  await selectCell(envOf(fake), 'DS CBCCVC', 'I10');
  expect(fake.activeSheetName()).toBe('DS CBCCVC');
  expect(fake.selection).toMatchObject({ sheet: 'DS CBCCVC', address: 'I10' });
  const err = await errorOf(selectCell(envOf(fake), 'Không có', 'A1'));
  expect(err.code).toBe('sheet_missing');
});

describe('reading again in the same session', () => {
  test('with the lists unchanged, the first sync carries the data: one sync for a small workbook', async () => {
    const fake = fakeOf(p2);
    const first = await readWorkbook(envOf(fake));
    fake.resetStats();
    const again = await readWorkbook(envOf(fake), { known: { lists: first.lists, grid: first.grid } });
    expect(again.syncs).toBe(1);
    expect(toSpecJson(evaluate(again.dataset, HCMC_PLAN, { year: 2024, inclusive: false }))).toEqual(
      toSpecJson(evaluate(first.dataset, HCMC_PLAN, { year: 2024, inclusive: false })),
    );
    expect(again.statusPlans).toEqual(first.statusPlans);
  });

  test('when the lists changed meanwhile, the guess is dropped and the read is as without it', async () => {
    const fake = fakeOf(p2);
    const first = await readWorkbook(envOf(fake));
    // A row added under the units list moves its end: the known layout no longer fits.
    fake.setValues('DS don vi', 'A143', [[132, 'Sở Ngoại vụ (mới)', 'Sở, ban, ngành', 1]]);
    const again = await readWorkbook(envOf(fake), { known: { lists: first.lists, grid: first.grid } });
    expect(again.syncs).toBe(2);
    expect(again.dataset.units.map((u) => u.name)).toContain('Sở Ngoại vụ (mới)');
  });

  test('a sheet deleted meanwhile is no error: the read just goes without the guess', async () => {
    const fake = fakeOf(p2);
    const first = await readWorkbook(envOf(fake));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem('Hoat dong 2022-2025').delete();
      await context.sync();
    });
    const again = await readWorkbook(envOf(fake), { known: { lists: first.lists, grid: first.grid } });
    expect(again.lists.activities).toHaveLength(0);
    expect(again.syncs).toBe(2);
  });
});
