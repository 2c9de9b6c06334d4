/**
 * The period summary sheet and the training-needed list as data (no Excel): the period sheet's
 * figures are those of four single-year evaluations, what was never met and the 5S pilot are
 * there; the list has exactly the people the engine's details name, the unknown marked apart,
 * text kept as text; both in Vietnamese and English.
 */
import path from 'node:path';
import { evaluate, readDataset } from '../../src/engine';
import { staffDetails } from '../../src/engine/details';
import { evaluatePeriod } from '../../src/engine/period';
import { Lang, TARGET_STATUS_TEXT, UNIT_STATUS_TEXT, thresholdText } from '../../src/i18n';
import { HCMC_PLAN } from '../../src/plan';
import { ReportCell, ReportLayout, buildReportLayout } from '../../src/report/layout';
import { buildPeriodSheetLayout, periodSheetBaseName } from '../../src/report/period-sheet';
import { buildTrainingLayout, trainingSheetBaseName } from '../../src/report/training-sheet';
import { WorkbookGrid } from '../../src/workbook/grid';
import { readXlsxFile } from '../../src/xlsx/file';
import { grid, staffSheet, unitsSheet } from '../engine/grids';

const P1 = path.resolve(__dirname, '..', 'fixtures', 'p1-canonical.xlsx');
const date = new Date(2025, 0, 5);
let p1: WorkbookGrid;
beforeAll(async () => {
  p1 = (await readXlsxFile(P1, { name: 'p1-canonical.xlsx' })).grid;
});

const value = (c: ReportCell | undefined): string | number | null =>
  c === null || c === undefined ? null : c.t === 'link' ? c.label : c.v;
const rowOf = (l: ReportLayout, col: number, v: string): number => l.rows.findIndex((r) => value(r[col]) === v);

describe('report sheet', () => {
  test('a unit listed twice is counted and listed once among the non-compliant units (SPEC §4)', () => {
    const g = grid(
      unitsSheet([
        { name: 'Sở Nội vụ', positions: 1 },
        { name: 'Sở Tư pháp', positions: 0 },
        { name: 'SỞ TƯ PHÁP', positions: 0 },
      ]),
      staffSheet([{ unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'x', elearning: 'x' }]),
    );
    const e = evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false });
    const l = buildReportLayout(e, { lang: 'vi', date, sheetName: 'x' });
    const cells = l.rows.flatMap((r) => r.map(value)).filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('II. ĐƠN VỊ CHƯA ĐẠT (1/2 đơn vị)');
    // Unit rows: name in column B, the targets it misses in column C.
    expect(l.rows.filter((r) => /^sở tư pháp$/i.test(String(value(r[1]))) && value(r[2]) === 'T01')).toHaveLength(1);
  });
});

describe('period summary sheet', () => {
  test.each<Lang>(['vi', 'en'])('every target × year cell holds that year’s own evaluation (%s)', (lang) => {
    const dataset = readDataset(p1);
    const p = evaluatePeriod(dataset, HCMC_PLAN, { inclusive: false });
    const l = buildPeriodSheetLayout(p, { lang, date, sheetName: periodSheetBaseName(2022, 2025, lang) });
    expect(l.sheetName).toBe(lang === 'vi' ? 'Tổng kết CCHC 2022–2025' : 'CCHC summary 2022–2025');
    const header = rowOf(l, 1, lang === 'vi' ? 'Chỉ tiêu' : 'Target');
    expect(header).toBeGreaterThan(0);
    expect([2, 5, 8, 11].map((c) => value(l.rows[header][c]))).toEqual(['2022', '2023', '2024', '2025']);
    p.years.forEach((year, k) => {
      const single = evaluate(dataset, HCMC_PLAN, { year, inclusive: false });
      single.targets.forEach((t, i) => {
        const row = l.rows[header + 2 + i];
        expect(value(row[1])).toBe(`${t.id}. ${t.name[lang]}`);
        const result = value(row[2 + 3 * k]);
        if (t.measure === 'rate') expect(result).toBe(t.actual === null ? '—' : t.actual);
        if (t.measure === 'count') expect(result).toBe(t.achieved);
        if (t.measure !== 'all_of' && t.threshold)
          expect(value(row[3 + 3 * k])).toBe(thresholdText(t.threshold, t.measure, lang));
        expect(value(row[4 + 3 * k])).toBe(TARGET_STATUS_TEXT[t.status][lang]);
      });
      // Units' status per year, in the units table.
      const unitsHeader = rowOf(l, 1, lang === 'vi' ? 'Đơn vị' : 'Unit');
      single.units.forEach((u, i) => {
        expect(value(l.rows[unitsHeader + 1 + i][1])).toBe(u.name);
        expect(value(l.rows[unitsHeader + 1 + i][3 + k])).toBe(UNIT_STATUS_TEXT[u.status][lang]);
      });
    });
    // The chart: one line per rate target across the years, data beside the printed columns.
    expect(l.chart?.type).toBe('line');
    const data = l.chart?.data;
    if (!data) throw new Error('no chart');
    expect(data.left).toBeGreaterThan(l.printArea.right);
    expect(data.bottom - data.top).toBe(4);
    const rated = p.targets.filter((t) => t.measure === 'rate');
    expect(data.right - data.left).toBe(rated.length);
    expect(value(l.rows[data.top + 3][data.left + 1])).toBe(rated[0].years[2].actual);
    // The 5S pilot and "never met" sections.
    const o1 = rowOf(l, 1, `${p.objectives[0].id}. ${p.objectives[0].name[lang]}`);
    expect(o1).toBeGreaterThan(0);
    expect([2, 5, 8, 11].map((c) => value(l.rows[o1][c]))).toEqual(p.objectives[0].years.map((y) => y.pilots));
    expect(l.rows.length).toBeGreaterThan(o1);
  });

  test('never met: named, with its target; none: said so', () => {
    const g = grid(
      unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
      staffSheet([{ unit: 'Sở Nội vụ', leader: 'x', cchc: 'x', trained: 2023, skills: 'không', elearning: 2025 }]),
    );
    const p = evaluatePeriod(readDataset(g), HCMC_PLAN, { inclusive: false });
    expect(p.neverMet).toContain('T03');
    const l = buildPeriodSheetLayout(p, { lang: 'vi', date, sheetName: 'x' });
    const lines = l.rows.map((r) => value(r[0])).filter((v): v is string => typeof v === 'string');
    expect(lines).toContain('T03. Được cung cấp kiến thức, kỹ năng CCHC: chưa đạt ở bất kỳ năm nào có đặt chỉ tiêu.');
    // Every row as wide as the layout; every merge and block inside it.
    for (const r of l.rows) expect(r).toHaveLength(l.width);
    for (const m of [...l.merges, ...l.blocks.map((b) => b.range)]) {
      expect(m.bottom).toBeLessThan(l.rows.length);
      expect(m.right).toBeLessThan(l.width);
    }
  });
});

describe('training-needed list', () => {
  const people = grid(
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
        title: 'Chuyên viên',
        leader: 'không',
        cchc: 'x',
        trained: 'x',
        skills: 'không',
        elearning: 'x',
      },
      { name: 'Lê Thị C', unit: '=Phòng "A"', leader: 'x', cchc: 'x', trained: '??', skills: 'x', elearning: 'x' },
      { name: 'Trần D', unit: '=Phòng "A"', leader: 'x', cchc: 'x', trained: 'x', skills: 'x', elearning: 'x' },
    ]),
  );

  test.each<Lang>(['vi', 'en'])(
    'lists exactly the people the details name, unknown marked apart, linked to their row (%s)',
    (lang) => {
      const dataset = readDataset(people);
      const e = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
      const details = staffDetails(people, dataset, HCMC_PLAN, e);
      const l = buildTrainingLayout(e, details, { lang, sheetName: trainingSheetBaseName(lang) });
      const expected = details.flatMap((d) =>
        d.targets.flatMap((t) => [
          ...t.missing.map((p) => [p, 'missing'] as const),
          ...t.unknownRows.map((p) => [p, 'unknown'] as const),
        ]),
      );
      expect(expected.length).toBeGreaterThan(2);
      const body = l.rows.slice(l.header + 1, l.lastRow + 1);
      expect(body).toHaveLength(expected.length);
      expect(l.listed).toBe(expected.length);
      const words = lang === 'vi' ? { missing: 'Chưa đạt', unknown: 'Chưa rõ' } : { missing: 'Not achieved', unknown: 'Unknown' };
      body.forEach((row, i) => {
        const [p, state] = expected[i];
        expect(row.map(value).slice(3, 8)).toEqual([words[state], p.name, p.title, p.sheet, p.row]);
        expect(l.links[i]).toEqual({ row: l.header + 1 + i, sheet: p.sheet, cell: `A${p.row}`, label: `${p.sheet}!A${p.row}` });
      });
      // Named rows: the leader not trained (T02), the unreadable "??" (unknown), the "=1+1" name as text.
      const named = body.map((r) => [value(r[1]), value(r[2])?.toString().slice(0, 3), value(r[3]), value(r[4])]);
      expect(named).toContainEqual(['Sở Nội vụ', 'T02', words.missing, 'Nguyễn Văn A']);
      expect(named).toContainEqual(['=Phòng "A"', 'T02', words.unknown, 'Lê Thị C']);
      expect(named).toContainEqual(['Sở Nội vụ', 'T03', words.missing, '=1+1']);
      expect(named.some((r) => r[3] === 'Trần D')).toBe(false);
      const eq = body.find((r) => value(r[4]) === '=1+1');
      expect(eq?.[4]).toEqual({ t: 'text', v: '=1+1' });
      expect(value(l.rows[l.header][4])).toBe(lang === 'vi' ? 'Họ và tên' : 'Name');
    },
  );

  test('a limit lists the first people and says how many more; nobody: said so', () => {
    const dataset = readDataset(people);
    const e = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    const details = staffDetails(people, dataset, HCMC_PLAN, e);
    const l = buildTrainingLayout(e, details, { lang: 'vi', sheetName: 'x', limit: 2 });
    expect(l.listed).toBe(2);
    expect(l.omitted).toBeGreaterThan(0);
    expect(l.rows.map((r) => value(r[0]))).toContain(
      `Còn ${l.omitted} người nữa không liệt kê ở đây; xem đầy đủ bằng lệnh "cchc evaluate --details".`,
    );
    const none = buildTrainingLayout(e, [], { lang: 'en', sheetName: 'x' });
    expect(none.listed).toBe(0);
    expect(none.links).toEqual([]);
    expect(none.rows.map((r) => value(r[0]))).toContain('Nobody needs further training under these targets.');
  });
});

test('a plan without objectives: no 5S section, "never met" is III', () => {
  const g = grid(unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]), staffSheet([{ unit: 'Sở Nội vụ', leader: 'x', cchc: 'x' }]));
  const plan = { ...HCMC_PLAN, objectives: [] };
  const l = buildPeriodSheetLayout(evaluatePeriod(readDataset(g), plan, { inclusive: false }), {
    lang: 'en',
    date,
    sheetName: 'x',
  });
  const sections = l.blocks.filter((b) => b.style === 'section').map((b) => value(l.rows[b.range.top][0]));
  expect(sections).toEqual([
    'I. TARGETS YEAR BY YEAR',
    'II. UNITS YEAR BY YEAR (1 unit)',
    'III. TARGETS NEVER MET IN THE PERIOD',
  ]);
});
