/**
 * Writes and reads under Excel on the web's payload limit whatever the data: the report lists the
 * first 200 issues and counts the rest, all of them go on an issues sheet written in chunks; a
 * sync refused for its size is retried in smaller parts; stray cells far below the lists change
 * nothing; a failed rollback is said as such; Office error codes map as documented.
 */
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { readWorkbook } from '../../src/excel/read';
import { writeResults } from '../../src/excel/write';
import { clearAdded } from '../../src/excel/clear';
import { AddinError, fromOfficeError } from '../../src/excel/errors';
import { ExcelEnv } from '../../src/excel/env';
import { evaluate } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { WorkbookGrid, a1 } from '../../src/workbook/grid';
import { envOf, fakeOf, gridOfFile } from '../helpers/fake-book';

installExcelEnums();
const fixtures = path.join(__dirname, '../fixtures');
const date = new Date(2025, 0, 5);
let p1: WorkbookGrid;

beforeAll(async () => {
  p1 = await gridOfFile(path.join(fixtures, 'p1-canonical.xlsx'));
});

/** p1 with its staff list's "trained" column unreadable on every row: one issue per person. */
async function unreadable(options: ConstructorParameters<typeof FakeExcel>[0] = {}): Promise<FakeExcel> {
  const fake = fakeOf(p1, options);
  const read = await readWorkbook(envOf(fake));
  const staff = read.lists.staff[0];
  const col = (staff.columns as Record<string, number>).trained;
  const rows = staff.dataBottom - staff.dataTop + 1;
  fake.setValues(
    staff.sheet,
    a1(staff.dataTop, col),
    Array.from({ length: rows }, (_, i) => [`không rõ ${i}`]),
  );
  fake.resetStats();
  return fake;
}

test('more than 200 issues: the report lists 200 and counts the rest, all are on "Vấn đề dữ liệu", written in chunks under the limit', async () => {
  // A small payload limit: the issue rows do not fit one request and are written in halves.
  const fake = await unreadable({ payloadLimitBytes: 200_000 });
  const read = await readWorkbook(envOf(fake), { payloadBudget: 60_000 });
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  expect(e.issues.length).toBeGreaterThan(1000);
  fake.resetStats();
  const out = await writeResults(envOf(fake), read, e, { color: false, report: true, lang: 'vi', date });
  expect(out.reportSheet).toBe('Báo cáo CCHC 2024');
  for (const s of fake.stats.filter((x) => x.ok)) expect(s.requestBytes).toBeLessThanOrEqual(200_000);
  expect(fake.stats.filter((s) => !s.ok).length).toBeGreaterThan(0); // a refused request, retried in halves
  const report = fake.snapshot().sheets.find((s) => s.name === 'Báo cáo CCHC 2024');
  const texts = (report?.cells ?? []).map((c) => c.value);
  expect(texts).toContain(`Còn ${e.issues.length - 200} vấn đề nữa; xem đầy đủ ở trang "Vấn đề dữ liệu".`);
  const issues = fake.values('Vấn đề dữ liệu');
  expect(issues).toHaveLength(e.issues.length + 1);
  expect(issues[0]).toEqual(['STT', 'Nội dung', 'Loại vấn đề', 'Vị trí', 'Giá trị']);
  expect(issues[e.issues.length][0]).toBe(e.issues.length);
  // Built again: both sheets replaced, not copied; clear with reports removes both.
  await writeResults(envOf(fake), out.read, e, { color: false, report: true, lang: 'vi', date });
  expect(fake.sheetNames().filter((n) => /^(Báo cáo|Vấn đề)/.test(n))).toEqual(['Báo cáo CCHC 2024', 'Vấn đề dữ liệu']);
  const cleared = await clearAdded(envOf(fake), { reports: true });
  expect(cleared.reportSheets).toBe(1);
  expect(fake.sheetNames().filter((n) => /^(Báo cáo|Vấn đề)/.test(n))).toEqual([]);
});

test('a read refused for its size (the estimate was low) is read again in halves, with the same result', async () => {
  const whole = await readWorkbook(envOf(fakeOf(p1)));
  const fake = fakeOf(p1, { payloadLimitBytes: 60_000 });
  const read = await readWorkbook(envOf(fake), { payloadBudget: 50_000_000 });
  expect(fake.stats.some((s) => !s.ok)).toBe(true);
  const json = (r: typeof read) => toSpecJson(evaluate(r.dataset, HCMC_PLAN, { year: 2024, inclusive: false }));
  expect(json(read)).toEqual(json(whole));
  expect(read.statusPlans).toEqual(whole.statusPlans);
});

test.each([
  ['Cán bộ', 'A1048576'],
  ['Cán bộ', 'H400000'],
  ['Đơn vị', 'A1048576'],
])('a stray value at %s!%s changes neither the figures nor the syncs’ size', async (sheet, cell) => {
  const clean = await readWorkbook(envOf(fakeOf(p1)));
  const fake = fakeOf(p1);
  fake.setValues(sheet, cell, [['x']]);
  const read = await readWorkbook(envOf(fake));
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  expect(toSpecJson(e)).toEqual(toSpecJson(evaluate(clean.dataset, HCMC_PLAN, { year: 2024, inclusive: false })));
  await writeResults(envOf(fake), read, e, { color: true, report: true, lang: 'vi', date });
  for (const s of fake.stats) expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThanOrEqual(2.5 * 1024 * 1024);
});

test('a refused write whose rollback fails too says so', async () => {
  const fake = fakeOf(p1);
  const read = await readWorkbook(envOf(fake));
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  fake.protectSheet('Đơn vị');
  let runs = 0;
  const env: ExcelEnv = {
    supports: () => true,
    run: (batch) => {
      runs++;
      if (runs === 1) return fake.run(batch);
      return Promise.reject(Object.assign(new Error('Excel is busy'), { code: 'GeneralException' }));
    },
  };
  const err = await writeResults(env, read, e, { color: true, report: true, lang: 'vi', date }).catch((x: unknown) => x);
  expect(err).toBeInstanceOf(AddinError);
  expect((err as AddinError).code).toBe('rollback_failed');
  expect((err as AddinError).messageIn('vi')).toMatch(/không gỡ lại được/);
});

test('Office error codes map as documented (cell-edit mode is InvalidOperation without delayForCellEdit)', () => {
  const code = (c: string) => fromOfficeError(Object.assign(new Error(c), { code: c })).code;
  expect(code('InvalidOperation')).toBe('invalid_operation');
  expect(code('InvalidOperationInCellEditMode')).toBe('cell_edit_mode');
  expect(code('AccessDenied')).toBe('sheet_protected');
  expect(code('RequestPayloadSizeLimitExceeded')).toBe('payload_too_large');
  expect(fromOfficeError(Object.assign(new Error(''), { code: 'InvalidOperation' })).messageIn('vi')).toMatch(/Enter hoặc Esc/);
});
