/**
 * The task pane's session over the in-memory Excel: the first-time flow (insert the sample, find
 * the lists, evaluate, color, report, clear), choosing a column by hand, and the sample data
 * staying the same sample the command line evaluates.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { SampleBook } from '../../src/excel/sample';
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { sampleBookOf } from '../../scripts/make-sample-json';
import { envOf } from '../helpers/fake-book';

installExcelEnums();
const root = path.join(__dirname, '../..');
const sampleJson = (): SampleBook =>
  JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;

test('the sample data is the sample workbook (regenerate with "npm run sample")', async () => {
  expect(await sampleBookOf(readFileSync(path.join(root, 'assets/sample/cchc-mau.xlsx')))).toEqual(sampleJson());
});

describe('a first-time user with an empty workbook', () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), {
    lang: 'vi',
    loadSample: async () => sampleJson(),
    now: () => new Date(2026, 10, 26),
  });

  test('inserts the sample: new sheets, nothing else touched', async () => {
    const names = await session.insertSample();
    expect(names).toEqual(['Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025']);
    expect(fake.sheetNames()).toEqual(['Sheet1', ...names]);
    expect(fake.cell('DS đơn vị', 'A1').value).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
  });

  test('finds the three lists and says which column each field came from', async () => {
    const d = await session.detect();
    expect(d.missing).toEqual([]);
    expect(d.lists.map((l) => [l.kind, l.sheet, l.rows])).toEqual([
      ['units', 'DS đơn vị', 125],
      ['staff', 'DS CBCCVC', 1500],
      ['activities', 'Hoạt động 2022-2025', 40],
    ]);
    const trained = d.lists[1].fields.find((f) => f.field === 'trained');
    expect(trained).toMatchObject({ needed: true });
    expect(trained?.header).toMatch(/bồi dưỡng/i);
    expect(session.defaultYear(d.remembered.year)).toBe(2025);
  });

  test('evaluates exactly as the command line does on the sample file', async () => {
    const e = await session.evaluate(2024, false);
    const cli = evaluate(
      readDataset(gridOf(await loadWorkbook(readFileSync(path.join(root, 'assets/sample/cchc-mau.xlsx')), 'x'))),
      HCMC_PLAN,
      {
        year: 2024,
        inclusive: false,
      },
    );
    expect(toSpecJson(e).targets).toEqual(toSpecJson(cli).targets);
    expect(e.units.map((u) => u.status)).toEqual(cli.units.map((u) => u.status));
  });

  test('colors, reports, clears', async () => {
    const colored = await session.color();
    expect(colored.coloredUnits).toBeGreaterThan(0);
    const report = await session.report();
    expect(report.reportSheet).toBe('Báo cáo CCHC 2024');
    const out = await session.clear(true);
    expect(out).toMatchObject({ statusColumns: 1, rules: 3, reportSheets: 1 });
  });

  test('a field put on another column by hand is used and remembered', async () => {
    const d = await session.detect();
    const staff = d.lists[1];
    const skills = staff.fields.find((f) => f.field === 'skills');
    const elearning = staff.fields.find((f) => f.field === 'elearning');
    if (!skills?.column || !elearning?.column) throw new Error('columns');
    // Swap: "skills" read from the e-learning column.
    const after = await session.setColumn('staff', staff.sheet, 'skills', elearning.column);
    const moved = after.lists[1].fields;
    expect(moved.find((f) => f.field === 'skills')?.column).toBe(elearning.column);
    expect(moved.find((f) => f.field === 'elearning')?.column).toBeNull();
    await session.evaluate(2024, false);
    await session.color();
    const fresh = new Session(envOf(fake), { lang: 'vi' });
    const again = await fresh.detect();
    expect(again.lists[1].fields.find((f) => f.field === 'skills')?.column).toBe(elearning.column);
  });

  test('color before evaluate says to evaluate first', async () => {
    const s = new Session(envOf(new FakeExcel()), { lang: 'vi' });
    await expect(s.color()).rejects.toMatchObject({ code: 'not_evaluated' });
  });
});

test('after "Xóa màu", coloring again works without evaluating again', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sampleJson() });
  await session.insertSample();
  await session.detect();
  await session.evaluate(2024, false);
  await session.color();
  await session.clear(false);
  expect(fake.cell('DS đơn vị', 'G7').value).toBe('');
  await session.color();
  expect(fake.cell('DS đơn vị', 'G7').value).toBe('Trạng thái CCHC 2024');
  expect(fake.conditionalFormats('DS đơn vị')).toHaveLength(3);
});
