/**
 * The plan sheet in the pane (issue 13): "Chèn bảng kế hoạch" writes it, the session reads it in
 * place of the built-in plan and registers it for the custom functions (which cannot read another
 * sheet themselves); an edited threshold changes the pane's status and CCHC.TARGET_STATUS alike; a
 * malformed cell blocks both with the cell named.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import * as planSheetAdapter from '../../src/excel/plan-sheet';
import { Session } from '../../src/excel/session';
import { SampleBook } from '../../src/excel/sample';
import { targetStatus, threshold } from '../../src/functions/functions';
import { PLAN_HEADER_ROW } from '../../src/plan/sheet-layout';
import { activePlanState, setActivePlan } from '../../src/plan/active';
import { a1 } from '../../src/workbook/grid';
import { envOf } from '../helpers/fake-book';
import { StandInError, installCustomFunctions } from '../helpers/custom-functions';

installExcelEnums();
installCustomFunctions();
const root = path.join(__dirname, '../..');
const sampleJson = (): SampleBook =>
  JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;

/** The A1 address of target `id`'s threshold for `year` in the plan sheet. */
function thresholdCell(fake: FakeExcel, sheet: string, id: string, year: number): string {
  const values = fake.values(sheet);
  const col = values[PLAN_HEADER_ROW].indexOf(year);
  const row = values.findIndex((r, i) => i > PLAN_HEADER_ROW && r[0] === id);
  return a1(row, col);
}

function excelError(call: () => unknown): StandInError {
  try {
    call();
  } catch (e) {
    if (e instanceof StandInError) return e;
    throw e;
  }
  throw new Error('expected an Excel error');
}

afterEach(() => setActivePlan({ kind: 'built_in' }));

test('insert, edit a threshold, evaluate: the pane and CCHC.TARGET_STATUS follow the sheet', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sampleJson() });
  await session.insertSample();
  const before = await session.evaluate(2024, false);
  expect(before.targets.find((t) => t.id === 'T02')?.status).toBe('met');
  expect(targetStatus('T02', 2024, [[326]], 350)).toBe('Đạt');

  const sheet = await session.insertPlan(false);
  expect(sheet).toBe('Kế hoạch CCHC');
  // Text stays text: "= 100 %" is not a formula.
  const t01 = thresholdCell(fake, sheet, 'T01', 2025);
  expect(fake.cell(sheet, t01).value).toBe('= 100 %');
  const detection = await session.detect();
  expect(detection.plan).toMatchObject({ kind: 'workbook', sheet });
  // The plan sheet is not taken for a list.
  expect(detection.lists.map((l) => l.sheet)).not.toContain(sheet);
  expect((await session.evaluate(2024, false)).targets.find((t) => t.id === 'T02')?.status).toBe('met');

  fake.setValues(sheet, thresholdCell(fake, sheet, 'T02', 2024), [['> 95 %']]);
  const recalculated = jest.spyOn(planSheetAdapter, 'recalculate');
  const after = await session.evaluate(2024, false);
  expect(after.targets.find((t) => t.id === 'T02')).toMatchObject({ status: 'not_met', threshold: { op: '>', value: 0.95 } });
  // The plan changed: the workbook was recalculated so CCHC.* cells follow.
  expect(recalculated).toHaveBeenCalledTimes(1);
  await session.evaluate(2024, false);
  expect(recalculated).toHaveBeenCalledTimes(1); // unchanged plan: no recalculation
  recalculated.mockRestore();
  expect(activePlanState().kind).toBe('workbook');
  expect(targetStatus('T02', 2024, [[326]], 350)).toBe('Không đạt');
  expect(threshold('T02', 2024)).toBe(0.95);

  await expect(session.insertPlan(false)).rejects.toMatchObject({ code: 'plan_sheet_exists' });
});

test('a malformed plan sheet: no evaluation in the pane, #VALUE! naming the cell in CCHC.*', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sampleJson() });
  await session.insertSample();
  const sheet = await session.insertPlan(false);
  const cell = thresholdCell(fake, sheet, 'T03', 2025);
  fake.setValues(sheet, cell, [['một trăm phần trăm']]);
  const err = await session.evaluate(2025, false).then(
    () => null,
    (e: unknown) => e as { code: string; messageIn(lang: 'vi' | 'en'): string },
  );
  expect(err?.code).toBe('plan_sheet_invalid');
  expect(err?.messageIn('vi')).toContain(`'Kế hoạch CCHC'!${cell}`);
  expect(err?.messageIn('en')).toMatch(/nothing was evaluated/);
  const e = excelError(() => targetStatus('T02', 2024, [[326]], 350));
  expect(e.code).toBe('#VALUE!');
  expect(e.message).toContain(`'Kế hoạch CCHC'!${cell}`);
  // Fixed: evaluation again, and the functions compute again.
  fake.setValues(sheet, cell, [['= 100 %']]);
  await expect(session.evaluate(2025, false)).resolves.toBeTruthy();
  expect(targetStatus('T02', 2024, [[326]], 350)).toBe('Đạt');
});
