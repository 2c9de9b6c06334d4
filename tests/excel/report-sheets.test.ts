/**
 * "Tổng kết CCHC 2022–2025" and "Danh sách cần bồi dưỡng" written by the add-in over the in-memory
 * Excel: three syncs each, known by identity (worksheet id + fingerprint) like the yearly report,
 * replaced when unedited, kept when edited, a user's sheet of that name never touched, removed by
 * "Xóa màu" with reports; text from the workbook stays text; links are Range.hyperlink.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { evaluate } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { SampleBook } from '../../src/excel/sample';
import { Session } from '../../src/excel/session';
import { readWorkbook } from '../../src/excel/read';
import { writePeriodSheet, writeTrainingSheet } from '../../src/excel/extra-reports';
import { STATE_KEY, parseState } from '../../src/excel/state';
import { envOf, fakeOf, gridOfFile } from '../helpers/fake-book';
import { grid, staffSheet, unitsSheet } from '../engine/grids';

installExcelEnums();
const root = path.join(__dirname, '../..');
const sample = (): SampleBook => JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;
const PERIOD = 'Tổng kết CCHC 2022–2025';
const TRAINING = 'Danh sách cần bồi dưỡng';
const roundTrips = (fake: FakeExcel) => fake.stats.filter((s) => s.roundTrip !== false).length;
const savedReports = (fake: FakeExcel) => parseState(fake.settings()[STATE_KEY]).reports ?? [];

async function evaluatedSession(lang: 'vi' | 'en' = 'vi') {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang, loadSample: async () => sample(), now: () => new Date(2025, 0, 15) });
  await session.insertSample();
  await session.detect();
  await session.evaluate(2024, false);
  return { fake, session };
}

describe('the period summary sheet', () => {
  test('refused before an evaluation, with nothing sent', async () => {
    const fake = new FakeExcel();
    const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sample() });
    await session.insertSample();
    await session.detect();
    fake.resetStats();
    await expect(session.reportSheet('period')).rejects.toMatchObject({ code: 'not_evaluated' });
    await expect(session.reportSheet('training')).rejects.toMatchObject({ code: 'not_evaluated' });
    expect(fake.stats).toHaveLength(0);
  });

  test('three syncs: targets × years, a line chart of the rate targets, landscape; remembered as the add-in’s', async () => {
    const { fake, session } = await evaluatedSession();
    fake.resetStats();
    const out = await session.reportSheet('period');
    expect(out.sheet).toBe(PERIOD);
    expect(out.kept).toBeNull();
    expect(roundTrips(fake)).toBe(3);
    expect(fake.cell(PERIOD, 'A1').value).toBe('TỔNG KẾT CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2022–2025');
    expect(['C6', 'F6', 'I6', 'L6'].map((a) => fake.cell(PERIOD, a).value)).toEqual(['2022', '2023', '2024', '2025']);
    const e2024 = evaluate((await readWorkbook(envOf(fake))).dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    // T01's 2024 result and status (row 8: the first target).
    expect(fake.cell(PERIOD, 'B8').value).toBe(`T01. ${e2024.targets[0].name.vi}`);
    expect(fake.cell(PERIOD, 'I8').value).toBe(e2024.targets[0].actual);
    expect(fake.cell(PERIOD, 'I8').numberFormat).toBe('0.00%');
    const snap = fake.snapshot().sheets.find((s) => s.name === PERIOD);
    expect(snap?.charts).toHaveLength(1);
    expect(snap?.charts[0].chartType).toBe('Line');
    expect(snap?.pageLayout.orientation).toBe('Landscape');
    expect(savedReports(fake)).toEqual([expect.objectContaining({ name: PERIOD, kind: 'period', id: fake.sheetId(PERIOD) })]);
  });

  test('made again: the unedited one is replaced; an edited one is kept and the new one named apart', async () => {
    const { fake, session } = await evaluatedSession();
    await session.reportSheet('period');
    const first = fake.sheetId(PERIOD);
    const again = await session.reportSheet('period');
    expect(again.sheet).toBe(PERIOD);
    expect(fake.sheetId(PERIOD)).not.toBe(first);
    expect(fake.sheetNames().filter((n) => n.startsWith('Tổng kết'))).toEqual([PERIOD]);
    fake.typeValues(PERIOD, 'B3', [['ghi chú của tôi']]);
    const third = await session.reportSheet('period');
    expect(third.sheet).toBe(`${PERIOD} (2)`);
    expect(third.kept).toBe(PERIOD);
    expect(fake.cell(PERIOD, 'B3').value).toBe('ghi chú của tôi');
    expect(savedReports(fake).map((r) => r.name)).toEqual([PERIOD, `${PERIOD} (2)`]);
  });

  test('in English', async () => {
    const { fake, session } = await evaluatedSession('en');
    const out = await session.reportSheet('period');
    expect(out.sheet).toBe('CCHC summary 2022–2025');
    expect(fake.cell(out.sheet, 'A1').value).toBe('ADMINISTRATIVE REFORM SUMMARY 2022–2025');
  });
});

test('the period sheet’s calls and proxies do not depend on the number of units (p2 and p1, about twice the units)', async () => {
  const counts: Array<Array<[number, number]>> = [];
  const units: number[] = [];
  for (const file of ['p2-government.xlsx', 'p1-canonical.xlsx']) {
    const fake = fakeOf(await gridOfFile(path.join(__dirname, '../fixtures', file)));
    const read = await readWorkbook(envOf(fake));
    const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    units.push(e.units.length);
    fake.resetStats();
    await writePeriodSheet(envOf(fake), read, HCMC_PLAN, e, { lang: 'vi', date: new Date(2025, 0, 5) });
    counts.push(fake.stats.filter((st) => st.roundTrip !== false).map((st) => [st.calls, st.proxies]));
  }
  expect(units[1]).toBeGreaterThan(units[0] * 2);
  expect(counts[0]).toHaveLength(3);
  expect(counts[1]).toEqual(counts[0]);
});

describe('the training-needed list', () => {
  const book = grid(
    unitsSheet([
      { name: 'Sở Nội vụ', positions: 1 },
      { name: '=Phòng "A"', positions: 1 },
    ]),
    staffSheet([
      {
        name: 'Nguyễn Văn A',
        unit: 'Sở Nội vụ',
        title: 'Giám đốc',
        leader: 'x',
        cchc: 'x',
        trained: 'không',
        skills: 'x',
        elearning: 'x',
      },
      {
        name: '=1+1',
        unit: 'Sở Nội vụ',
        title: '+84 chuyên viên',
        leader: 'không',
        cchc: 'x',
        trained: 'x',
        skills: 'không',
        elearning: 'x',
      },
      { name: "Lê Thị C'", unit: '=Phòng "A"', leader: 'x', cchc: 'x', trained: '??', skills: 'x', elearning: 'x' },
    ]),
  );

  async function written() {
    const fake = fakeOf(book);
    const read = await readWorkbook(envOf(fake));
    const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    fake.resetStats();
    const out = await writeTrainingSheet(envOf(fake), read, HCMC_PLAN, e, { lang: 'vi', date: new Date(2025, 0, 5) });
    return { fake, out, read, e };
  }

  test('three syncs; names as text, a link per person to the source row, header frozen, a table to filter by unit', async () => {
    const { fake, out } = await written();
    expect(out.sheet).toBe(TRAINING);
    expect(roundTrips(fake)).toBe(3);
    const header = ['STT', 'Đơn vị', 'Chỉ tiêu', 'Tình trạng', 'Họ và tên', 'Chức vụ', 'Trang tính', 'Dòng', 'Đi tới'];
    expect(fake.values(TRAINING, 'A4:I4')).toEqual([header]);
    const cells = fake.snapshot().sheets.find((s) => s.name === TRAINING)?.cells ?? [];
    const byValue = (v: string) => cells.find((c) => c.value === v);
    // Text from the workbook stays text: no formula, the "@" format.
    for (const v of ['=1+1', '=Phòng "A"', '+84 chuyên viên', "Lê Thị C'"]) {
      expect(byValue(v)).toMatchObject({ value: v, numberFormat: '@' });
      expect(byValue(v)?.formula).toBeUndefined();
    }
    expect(cells.some((c) => c.formula !== undefined)).toBe(false);
    // Nguyễn Văn A is row 2 of "Cán bộ": not trained (T02).
    const a = fake.values(TRAINING, 'A5:I5')[0];
    expect(a).toEqual([
      1,
      'Sở Nội vụ',
      'T02. Lãnh đạo được bồi dưỡng CCHC',
      'Chưa đạt',
      'Nguyễn Văn A',
      'Giám đốc',
      'Cán bộ',
      2,
      'Cán bộ!A2',
    ]);
    const links = cells.filter((c) => c.hyperlink);
    const people = fake.values(TRAINING).filter((row, i) => i >= 4 && typeof row[0] === 'number');
    expect(people.length).toBe(3); // A (T02), "=1+1" (T03), Lê Thị C' (T02, unknown)
    expect(links.map((l) => l.address)).toEqual(people.map((_, i) => `I${5 + i}`));
    expect(fake.cell(TRAINING, 'I5')).toMatchObject({ value: 'Cán bộ!A2' });
    expect(links[0]).toMatchObject({ address: 'I5', hyperlink: { documentReference: "'Cán bộ'!A2" } });
    const snap = fake.snapshot().sheets.find((s) => s.name === TRAINING);
    expect(snap?.freezePanes).toEqual({ rows: 4, columns: 0 });
    const table = fake.tables().find((t) => t.sheet === TRAINING);
    expect(table?.address).toBe(`A4:I${fake.values(TRAINING).length}`);
    // The unknown ("??") marked and colored by one rule.
    expect(cells.find((c) => c.value === 'Chưa rõ')).toBeTruthy();
    expect(snap?.conditionalFormats.map((cf) => cf.formula)).toEqual(['=$D5="Chưa rõ"']);
    expect(out.read.state.reports).toEqual([expect.objectContaining({ name: TRAINING, kind: 'training' })]);
  });

  test('a sheet of the user’s with that name is left alone', async () => {
    const fake = fakeOf(book);
    fake.addSheet({ name: TRAINING, values: [['danh sách của tôi']] });
    const read = await readWorkbook(envOf(fake));
    const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    const out = await writeTrainingSheet(envOf(fake), read, HCMC_PLAN, e, { lang: 'vi', date: new Date() });
    expect(out.sheet).toBe(`${TRAINING} (2)`);
    expect(fake.values(TRAINING)).toEqual([['danh sách của tôi']]);
  });

  test('without ExcelApi 1.7 the list is written all the same, with no links', async () => {
    const fake = fakeOf(book);
    const read = await readWorkbook(envOf(fake));
    const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    await writeTrainingSheet(envOf(fake, ['ExcelApi 1.7']), read, HCMC_PLAN, e, { lang: 'vi', date: new Date() });
    const cells = fake.snapshot().sheets.find((s) => s.name === TRAINING)?.cells ?? [];
    expect(cells.some((c) => c.value === 'Nguyễn Văn A')).toBe(true);
    expect(cells.some((c) => c.hyperlink)).toBe(false);
  });
});

describe('with the yearly report and "Xóa màu"', () => {
  test('each write keeps the others remembered; "Xóa màu" with reports removes the unedited ones and keeps an edited one', async () => {
    const { fake, session } = await evaluatedSession();
    await session.report();
    await session.reportSheet('period');
    await session.reportSheet('training');
    await session.report();
    expect(
      savedReports(fake)
        .map((r) => r.name)
        .sort(),
    ).toEqual(['Báo cáo CCHC 2024', TRAINING, PERIOD].sort());
    fake.typeValues(TRAINING, 'J2', [['đã gửi']]);
    const kept = await session.clear(false);
    expect(kept.reportSheets).toBe(0);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining([PERIOD, TRAINING]));
    const out = await session.clear(true);
    expect(out.reportSheets).toBe(2);
    expect(out.keptReports).toEqual([TRAINING]);
    expect(fake.sheetNames()).not.toContain(PERIOD);
    expect(fake.sheetNames()).not.toContain('Báo cáo CCHC 2024');
    expect(fake.values(TRAINING, 'J2')).toEqual([['đã gửi']]);
  });
});

test('saved state: a report of an unknown kind is dropped, never trusted', () => {
  const base = { id: '{1}', name: 'x', rows: 1, columns: 1, print: 'p' };
  const state = parseState({
    version: 1,
    reports: [
      { ...base, kind: 'period' },
      { ...base, kind: 'training' },
      { ...base, kind: 'other' },
    ],
  });
  expect(state.reports?.map((r) => r.kind)).toEqual(['period', 'training']);
});
