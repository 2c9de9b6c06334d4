/**
 * The period summary equals four single-year evaluations; `--details` lists exactly the population
 * rows not achieved (checked on the shared fixture by count and by named rows).
 */
import path from 'node:path';
import { evaluate, readDataset } from '../../src/engine';
import { staffDetails } from '../../src/engine/details';
import { evaluatePeriod } from '../../src/engine/period';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { WorkbookGrid } from '../../src/workbook/grid';
import { readFileBuffer } from '../../src/xlsx/read';
import { streamGrid } from '../../src/xlsx/stream-read';
import { grid, staffSheet, unitsSheet } from './grids';

const P1 = path.resolve(__dirname, '..', 'fixtures', 'p1-canonical.xlsx');

let p1: WorkbookGrid;
beforeAll(async () => {
  p1 = await streamGrid(await readFileBuffer(P1), 'p1-canonical.xlsx');
});

describe('period summary 2022–2025', () => {
  it('holds, for every target and year, the figures of that year’s own evaluation', () => {
    const dataset = readDataset(p1);
    const period = evaluatePeriod(dataset, HCMC_PLAN, { inclusive: false });
    expect(period.years).toEqual([2022, 2023, 2024, 2025]);
    for (const year of period.years) {
      const single = toSpecJson(evaluate(dataset, HCMC_PLAN, { year, inclusive: false }));
      const i = period.years.indexOf(year);
      expect(toSpecJson(period.evaluations[i])).toEqual(single);
      for (const t of single.targets) {
        const cell = period.targets.find((x) => x.id === t.id)?.years[i];
        expect(cell && { status: cell.status, actual: cell.actual, gap: cell.gap, achieved: cell.achieved }).toEqual({
          status: t.status,
          actual: t.actual,
          gap: t.gap,
          achieved: t.achieved,
        });
      }
      single.units.forEach((u, ui) => expect(period.units[ui].years[i]).toEqual({ year, status: u.status, failed: u.failed }));
    }
  });

  it('2022 has no thresholds; "never met" lists the targets met in no year with a threshold', () => {
    const g = grid(
      unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
      staffSheet([
        { unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'không', elearning: 2025 },
        { unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'không', elearning: 2025 },
      ]),
    );
    const p = evaluatePeriod(readDataset(g), HCMC_PLAN, { inclusive: false });
    const row = (id: string) => p.targets.find((t) => t.id === id)?.years.map((c) => c.status);
    expect(row('T02')).toEqual(['no_target', 'met', 'met', 'met']);
    expect(row('T03')).toEqual(['no_target', 'no_target', 'not_met', 'not_met']);
    expect(row('T04')).toEqual(['no_target', 'no_target', 'not_met', 'met']);
    expect(p.neverMet).toContain('T03');
    expect(p.neverMet).not.toContain('T02');
    expect(p.neverMet).not.toContain('T04');
    expect(p.units[0].years.map((y) => y.status)).toEqual(['not_applicable', 'compliant', 'non_compliant', 'non_compliant']);
  });
});

describe('who still needs it (--details)', () => {
  it('lists, for every unit and T02/T03/T04, exactly the rows not achieved and the unknown ones', () => {
    const dataset = readDataset(p1);
    const evaluation = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    const details = staffDetails(p1, dataset, HCMC_PLAN, evaluation);
    let missing = 0;
    evaluation.units.forEach((u, i) => {
      expect(details[i].targets.map((t) => t.id)).toEqual(u.targets.filter((t) => t.id !== 'T01').map((t) => t.id));
      for (const t of details[i].targets) {
        const figures = u.targets.find((x) => x.id === t.id);
        expect(t.missing.length).toBe((figures?.population ?? 0) - (figures?.achieved ?? 0) - (figures?.unknown ?? 0));
        expect(t.unknownRows.length).toBe(figures?.unknown);
        missing += t.missing.length;
      }
    });
    expect(missing).toBeGreaterThan(100);
  });

  it('names the people (fixture p1, 2024): Sở Nội vụ misses its Giám đốc on T02', () => {
    const dataset = readDataset(p1);
    const evaluation = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    const details = staffDetails(p1, dataset, HCMC_PLAN, evaluation);
    const noiVu = evaluation.units.findIndex((u) => u.name === 'Sở Nội vụ');
    const byId = Object.fromEntries(details[noiVu].targets.map((t) => [t.id, t]));
    expect(byId.T02.missing).toEqual([{ sheet: 'Cán bộ', row: 6, name: 'Trần Hoàng Phúc', title: 'Giám đốc' }]);
    expect(byId.T03.missing).toEqual([{ sheet: 'Cán bộ', row: 10, name: 'Phạm Ngọc Lan', title: 'Chuyên viên chính' }]);
    expect(byId.T04.missing.map((p) => [p.row, p.name])).toEqual([[9, 'Trần Thị Kim Nam']]);
    // The planted unreadable cells show up as unknown rows, each on its own row of the staff sheet.
    const unknown = details.flatMap((d) => d.targets.flatMap((t) => t.unknownRows));
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((p) => p.sheet === 'Cán bộ' && p.name !== '')).toBe(true);
  });

  it('a year later, people trained in that year drop off the list', () => {
    const g = grid(
      unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
      staffSheet([
        { name: 'An', unit: 'Sở Nội vụ', leader: 'x', trained: 2025 },
        { name: 'Bình', unit: 'Sở Nội vụ', leader: 'x', trained: '??' },
        { name: 'Chi', unit: 'Sở Nội vụ', leader: 'không', trained: 'không' },
      ]),
    );
    const ds = readDataset(g);
    const at = (year: number) => staffDetails(g, ds, HCMC_PLAN, evaluate(ds, HCMC_PLAN, { year, inclusive: false }))[0];
    const t02 = (year: number) => at(year).targets.find((t) => t.id === 'T02');
    expect(t02(2024)?.missing.map((p) => p.name)).toEqual(['An']);
    expect(t02(2024)?.unknownRows.map((p) => [p.name, p.row])).toEqual([['Bình', 3]]);
    expect(t02(2025)?.missing).toEqual([]);
  });
});
