/**
 * What users do between the add-in's clicks, performed through the Office.js API on the in-memory
 * Excel (inserting rows and columns, typing, editing and renaming sheets, their own rules, odd
 * settings), then the pane's actions. Each checks that nothing of the user's changed and that
 * what the add-in shows is right.
 */
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { STATE_KEY } from '../../src/excel/state';
import { evaluate } from '../../src/engine';
import { readWorkbook } from '../../src/excel/read';
import { HCMC_PLAN } from '../../src/plan';
import { statusText } from '../../src/report/status-column';
import { WorkbookGrid } from '../../src/workbook/grid';
import { envOf, fakeOf, gridOfFile } from '../helpers/fake-book';

installExcelEnums();

const fixtures = path.join(__dirname, '../fixtures');
const UNITS = 'DS don vi';
let p2: WorkbookGrid;

beforeAll(async () => {
  p2 = await gridOfFile(path.join(fixtures, 'p2-government.xlsx'));
});

const sessionOf = (fake: FakeExcel) => new Session(envOf(fake), { lang: 'vi', now: () => new Date(2025, 0, 5) });

/** The sheets as the user sees them (no ids: a rule written again is a new object). */
function sheetsOf(fake: FakeExcel) {
  return fake.snapshot().sheets.map(({ id: _id, conditionalFormats, ...rest }) => ({
    ...rest,
    conditionalFormats: conditionalFormats.map(({ id: _cf, ...cf }) => cf),
  }));
}

/** Performs a user's edit through Office.js. */
async function edit(fake: FakeExcel, f: (wb: Excel.Workbook) => void): Promise<void> {
  await fake.run(async (context) => {
    f(context.workbook);
    await context.sync();
  });
}

const units = (wb: Excel.Workbook) => wb.worksheets.getItem(UNITS);

/** Every unit's status cell holds its status (from a fresh read and evaluation of the workbook as it is). */
async function expectStatusesOnTheirRows(fake: FakeExcel, column: string): Promise<number> {
  const read = await readWorkbook(envOf(fake));
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  let wrong = 0;
  for (const u of e.units) {
    if (u.sheet !== UNITS || u.status === 'not_applicable') continue;
    if (fake.cell(UNITS, `${column}${u.row}`).value !== statusText(u.status, 'vi')) wrong++;
  }
  return wrong;
}

test('a column inserted inside the units list: color again puts the status beside the list, clear leaves the user’s column', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  await session.color();
  expect(fake.cell(UNITS, 'F7').value).toBe('Trạng thái CCHC 2024');
  // The user inserts a column C and writes notes all down it.
  await edit(fake, (wb) => {
    units(wb).getRange('C:C').insert('Right');
    units(wb).getRange('C7:C141').values = Array.from({ length: 135 }, (_, i) => [`ghi chú ${i}`]);
  });
  // What the user's workbook is without the add-in: the same edit on an untouched copy.
  const mine = fakeOf(p2);
  await edit(mine, (wb) => {
    units(wb).getRange('C:C').insert('Right');
    units(wb).getRange('C7:C141').values = Array.from({ length: 135 }, (_, i) => [`ghi chú ${i}`]);
  });
  const out = await session.color();
  expect(out.coloredUnits).toBeGreaterThan(0);
  console.log(JSON.stringify(fake.values(UNITS, 'A7:J13')), JSON.stringify(fake.cell(UNITS, 'F12')));
  expect(fake.cell(UNITS, 'G7').value).toBe('Trạng thái CCHC 2024');
  expect(fake.values(UNITS, 'C7:C141').map((r) => r[0])).toEqual(Array.from({ length: 135 }, (_, i) => `ghi chú ${i}`));
  expect(await expectStatusesOnTheirRows(fake, 'G')).toBe(0);
  expect(fake.conditionalFormats(UNITS).map((r) => r.formula)).toEqual([
    '=$G8="Đạt"',
    '=$G8="Chưa xác định"',
    '=$G8="Không đạt"',
  ]);
  const cleared = await session.clear(false);
  expect(cleared).toMatchObject({ statusColumns: 1, rules: 3 });
  expect(sheetsOf(fake)).toEqual(sheetsOf(mine));
});

test('a row inserted between "Đánh giá" and "Tô màu": every status on its own unit’s row, the note typed there kept', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2023, false);
  await session.color();
  await session.evaluate(2024, false);
  // A new row in the middle of the list, with a note in the (add-in's) status column.
  await edit(fake, (wb) => {
    units(wb).getRange('20:20').insert('Down');
    units(wb).getRange('F20').values = [['ghi chú của tôi']];
  });
  const out = await session.color();
  expect(fake.cell(UNITS, 'F7').value).toBe('Trạng thái CCHC 2024');
  expect(fake.cell(UNITS, 'F20').value).toBe('ghi chú của tôi');
  expect(out.keptCells).toBe(1);
  expect(await expectStatusesOnTheirRows(fake, 'F')).toBe(0);
});

test('typing in the status column: coloring again and clearing keep what the user typed', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  await session.color();
  await edit(fake, (wb) => {
    units(wb).getRange('F10').values = [['Đã rà soát lại']];
  });
  const again = await session.color();
  expect(again.keptCells).toBe(1);
  expect(fake.cell(UNITS, 'F10').value).toBe('Đã rà soát lại');
  await session.clear(false);
  expect(fake.cell(UNITS, 'F10').value).toBe('Đã rà soát lại');
  expect(fake.cell(UNITS, 'F7').value).toBe('');
  expect(
    fake
      .values(UNITS, 'F8:F141')
      .filter((r) => r[0] !== '')
      .map((r) => r[0]),
  ).toEqual(['Đã rà soát lại']);
  expect(fake.conditionalFormats(UNITS)).toHaveLength(0);
});

test('a report the user edited is not rebuilt in place: the new one gets a new name, and clear keeps the edited one', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  const first = await session.report();
  expect(first).toMatchObject({ reportSheet: 'Báo cáo CCHC 2024', keptReport: null });
  await edit(fake, (wb) => {
    wb.worksheets.getItem('Báo cáo CCHC 2024').getRange('B4').values = [['Kính gửi: Sở Nội vụ']];
  });
  const edited = sheetsOf(fake).find((s) => s.name === 'Báo cáo CCHC 2024');
  const second = await session.report();
  expect(second).toMatchObject({ reportSheet: 'Báo cáo CCHC 2024 (2)', keptReport: 'Báo cáo CCHC 2024' });
  expect(sheetsOf(fake).find((s) => s.name === 'Báo cáo CCHC 2024')).toEqual(edited);
  // Built again without edits: the add-in's own "(2)" is replaced, not copied.
  const third = await session.report();
  expect(third.reportSheet).toBe('Báo cáo CCHC 2024 (2)');
  expect(fake.sheetNames().filter((n) => n.startsWith('Báo cáo'))).toEqual(['Báo cáo CCHC 2024', 'Báo cáo CCHC 2024 (2)']);
  const cleared = await session.clear(true);
  expect(cleared).toMatchObject({ reportSheets: 1, keptReports: ['Báo cáo CCHC 2024'] });
  expect(fake.sheetNames()).toContain('Báo cáo CCHC 2024');
  expect(fake.sheetNames()).not.toContain('Báo cáo CCHC 2024 (2)');
  expect(fake.cell('Báo cáo CCHC 2024', 'B4').value).toBe('Kính gửi: Sở Nội vụ');
});

test('the report renamed and a user sheet given its old name: clear with reports deletes the report, not the user’s sheet', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  await session.color();
  await session.report();
  await edit(fake, (wb) => {
    wb.worksheets.getItem('Báo cáo CCHC 2024').name = 'BC gửi Sở';
    const mine = wb.worksheets.add('Báo cáo CCHC 2024');
    mine.getRange('A1:B2').values = [
      ['Số liệu của tôi', 1],
      ['x', 2],
    ];
  });
  const userSheet = () => {
    const s = sheetsOf(fake).find((x) => x.name === 'Báo cáo CCHC 2024');
    return s ? { ...s, position: 0 } : undefined;
  };
  const before = userSheet();
  const out = await session.clear(true);
  expect(out).toMatchObject({ statusColumns: 1, rules: 3, reportSheets: 1, keptReports: [] });
  expect(fake.sheetNames()).not.toContain('BC gửi Sở');
  expect(userSheet()).toEqual(before);
});

test('a user’s own rule =$D9="Không đạt" on the units rows survives coloring twice and clearing', async () => {
  const fake = fakeOf(p2);
  await edit(fake, (wb) => {
    const cf = units(wb).getRange('A9:E141').conditionalFormats.add('Custom');
    cf.custom.rule.formula = '=$D9="Không đạt"';
    cf.custom.format.font.color = '#9C0006';
  });
  const mine = fake.conditionalFormats(UNITS).map(({ id: _id, ...r }) => r);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  await session.color();
  await session.color();
  expect(fake.conditionalFormats(UNITS)).toHaveLength(4);
  const out = await session.clear(false);
  expect(out.rules).toBe(3);
  expect(fake.conditionalFormats(UNITS).map(({ id: _id, ...r }) => r)).toEqual(mine);
});

test('settings that name the user’s sheets as the add-in’s: clear deletes no sheet and clears no column of theirs', async () => {
  const base = fakeOf(p2);
  const staffId = base.sheetId('DS CBCCVC');
  const fake = fakeOf(p2, {
    settings: {
      [STATE_KEY]: JSON.stringify({
        version: 1,
        reportSheets: ['DS CBCCVC'],
        reports: [{ id: staffId, name: 'DS CBCCVC', rows: 10, columns: 5, print: 'x' }],
        statusColumns: [{ sheet: UNITS, column: 1, top: 6, bottom: 140, name: 'Ten_don_vi' }],
      }),
    },
  });
  await edit(fake, (wb) => {
    wb.names.add('Ten_don_vi', units(wb).getRange('B7:B141'));
  });
  const before = sheetsOf(fake);
  const out = await sessionOf(fake).clear(true);
  expect(out).toMatchObject({ statusColumns: 0, rules: 0, reportSheets: 0 });
  expect(sheetsOf(fake)).toEqual(before);
  expect(fake.names()).toEqual({ Ten_don_vi: `'${UNITS}'!B7:B141` });
});

test('a column chosen by hand is found again by its header after the user inserts a column before it', async () => {
  const p1 = await gridOfFile(path.join(fixtures, 'p1-canonical.xlsx'));
  const fake = fakeOf(p1);
  const session = sessionOf(fake);
  const d = await session.detect();
  const staff = d.lists.find((l) => l.kind === 'staff');
  if (!staff) throw new Error('no staff list');
  const chosen = staff.options.find((o) => o.column === 7);
  await session.setColumn('staff', staff.sheet, 'trained', 7);
  await session.evaluate(2024, false);
  await session.color();
  await edit(fake, (wb) => {
    wb.worksheets.getItem(staff.sheet).getRange('B:B').insert('Right');
  });
  const again = await sessionOf(fake).detect();
  const field = again.lists.find((l) => l.kind === 'staff')?.fields.find((f) => f.field === 'trained');
  expect(field?.column).toBe(8);
  expect(field?.header).toBe(chosen?.text);
});

test('a formula showing "" typed in the status column between "Đánh giá" and "Tô màu" is kept', async () => {
  const fake = fakeOf(p2);
  const session = sessionOf(fake);
  await session.evaluate(2024, false);
  // F is where the status goes; the user adds a formula there that shows nothing.
  await edit(fake, (wb) => {
    units(wb).getRange('F12').formulas = [['=""']];
  });
  expect(fake.cell(UNITS, 'F12').value).toBe('');
  const out = await session.color();
  expect(fake.cell(UNITS, 'F12').formula).toBe('=""');
  expect(out.keptCells).toBe(1);
  expect(fake.cell(UNITS, 'F7').value).toBe('Trạng thái CCHC 2024');
  expect(fake.cell(UNITS, 'F11').value).not.toBe('');
});
