/**
 * The preview's workbook view as data (no browser): the conditional-format rules the add-in writes
 * evaluated as Excel would, merged cells, the row window, charts, and an .xlsx read into sheets.
 * The same flow in Chromium is tests/e2e/preview.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { envOf, loadSample, sampleBook } from '../../src/preview/books';
import { parseRule, ruleHolds } from '../../src/preview/conditional';
import { buildWorkbookView } from '../../src/preview/sheet-view';
import { readXlsx } from '../../src/preview/xlsx';

installExcelEnums();

describe('conditional-format rules', () => {
  const cells: Record<string, string | number> = { '7:6': 'Không đạt', '8:6': 'Đạt', '10:5': 'Not met', '11:5': 'x', '3:0': 5 };
  const valueOf = (r: number, c: number) => cells[`${r}:${c}`] ?? null;

  test('the units rule: the status column is absolute, the row moves with the cell', () => {
    const rule = parseRule('=$G8="Không đạt"');
    expect(rule).not.toBeNull();
    if (!rule) return;
    // Format over A8:G141 (top-left row 7, column 0): row 8 of the sheet (index 7) in any column.
    expect(ruleHolds(rule, 7, 0, 7, 0, valueOf)).toBe(true);
    expect(ruleHolds(rule, 7, 0, 7, 6, valueOf)).toBe(true);
    expect(ruleHolds(rule, 7, 0, 8, 3, valueOf)).toBe(false);
  });

  test('the report rule: OR of both languages; text compares without case', () => {
    const rule = parseRule('=OR($F11="Không đạt",$F11="NOT MET")');
    if (!rule) throw new Error('not parsed');
    expect(rule.tests).toHaveLength(2);
    expect(ruleHolds(rule, 10, 5, 10, 5, valueOf)).toBe(true);
    expect(ruleHolds(rule, 10, 5, 11, 5, valueOf)).toBe(false);
  });

  test('quotes, numbers, comparisons, AND; anything else is not evaluated', () => {
    expect(parseRule('=$A1="say ""hi"""')?.tests[0].literal).toBe('say "hi"');
    const gt = parseRule('=AND($A$4>3,$A$4<=5)');
    if (!gt) throw new Error('not parsed');
    expect(ruleHolds(gt, 0, 0, 0, 0, valueOf)).toBe(true);
    expect(ruleHolds(parseRule('=$B1=""') ?? gt, 0, 0, 0, 0, valueOf)).toBe(true); // empty cell = ""
    expect(parseRule('=SUM(A1:A3)>2')).toBeNull();
    expect(parseRule('=ISBLANK($A1)')).toBeNull();
  });
});

describe('the view of the sample after the add-in colored it and made the report', () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    fake = new FakeExcel();
    const session = new Session(envOf(fake), { lang: 'vi', loadSample, now: () => new Date(2026, 10, 26) });
    await session.insertSample();
    await session.detect();
    await session.evaluate(2024, false);
    await session.color();
    await session.report();
  });

  test('unit rows take the rule colors; header and group rows do not', () => {
    fake.setActiveSheet('DS đơn vị');
    const { sheet, tabs } = buildWorkbookView(fake);
    expect(tabs.map((t) => t.name)).toEqual([
      'Sheet1',
      'Hướng dẫn',
      'DS đơn vị',
      'DS CBCCVC',
      'Hoạt động 2022-2025',
      'Báo cáo CCHC 2024',
    ]);
    const at = (address: string) => sheet.rows.flatMap((r) => r.cells).find((c) => c.address === address);
    expect(at('G7')?.text).toBe('Trạng thái CCHC 2024');
    expect(at('B10')).toMatchObject({ conditional: true, style: { backgroundColor: '#FFC7CE', color: '#9C0006' } });
    expect(at('B12')).toMatchObject({ conditional: true, style: { backgroundColor: '#C6EFCE', color: '#006100' } });
    expect(at('B9')?.conditional).toBe(false);
    expect(at('B9')?.style.backgroundColor).toBeUndefined();
    expect(sheet.unsupportedRules).toEqual([]);
    // Merged title cells span their columns; the cells they cover are not drawn.
    expect(at('A1')).toMatchObject({ colSpan: 2, rowSpan: 1 });
    expect(at('B1')).toBeUndefined();
  });

  test('the report: its chart with the data it plots, anchored on A24', () => {
    fake.setActiveSheet('Báo cáo CCHC 2024');
    const { sheet } = buildWorkbookView(fake);
    expect(sheet.gridlines).toBe(false);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      title: 'Tỷ lệ đạt so với kế hoạch',
      anchor: 'A24',
      categories: ['T01', 'T02', 'T03', 'T04'],
      min: 0,
      max: 1,
    });
    expect(sheet.charts[0].series.map((s) => s.name)).toEqual(['Kết quả', 'Kế hoạch']);
    expect(sheet.charts[0].series[0].values[0].value).toBeCloseTo(37 / 43, 4);
  });

  test('a long sheet is drawn 300 rows at a time, from any start', () => {
    fake.setActiveSheet('DS CBCCVC');
    const first = buildWorkbookView(fake).sheet;
    expect(first.rows).toHaveLength(300);
    expect(first.rows[0].row).toBe(0);
    expect(first.totalRows).toBeGreaterThan(1500);
    const later = buildWorkbookView(fake, { startRow: 1400 }).sheet;
    expect(later.firstRow).toBe(1400);
    expect(later.lastRow).toBe(later.totalRows - 1);
  });
});

test('the bundled sample opens as a workbook of its own (no placeholder sheet), on its units list', async () => {
  const book = await sampleBook();
  expect(book.fake.sheetNames()).toEqual(['Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025']);
  expect(book.fake.activeSheetName()).toBe('DS đơn vị');
});

test('an .xlsx becomes sheets for the in-memory Excel: values, dates with their format, merges, bold rows', async () => {
  const buf = readFileSync(path.join(__dirname, '../../assets/sample/cchc-mau.xlsx'));
  const sheets = await readXlsx(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  expect(sheets.map((s) => s.setup.name)).toEqual(['Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025']);
  const units = sheets[1];
  expect(units.setup.values?.[0]?.[0]).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
  expect(units.setup.merges).toContain('A1:B1');
  expect(Object.values(units.setup.numberFormats ?? {})).toContain('dd/mm/yyyy');
  expect(units.styles.some((s) => s.bold && s.address.startsWith('A7:'))).toBe(true);
  await expect(readXlsx(new TextEncoder().encode('not a workbook').buffer)).rejects.toThrow('not an .xlsx workbook');
});
