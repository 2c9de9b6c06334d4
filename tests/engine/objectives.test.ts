/** Objective O1, the 5S pilot (SPEC §1 "Beyond the ten targets"): read per level, judged as the plan says. */
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN, Plan, PlanError, parsePlan } from '../../src/plan';
import hcmcJson from '../../src/plan/hcmc-cchc-2022-2025.json';
import { toSpecJson } from '../../src/report/json';
import { CellValue } from '../../src/workbook/grid';
import { grid, sheet, staffSheet } from './grids';

const HEAD = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC'];

function book(header5s: string, rows: Array<[string, CellValue]>) {
  return grid(
    sheet('Đơn vị', [[...HEAD, header5s], ...rows.map(([name, v], i) => [i + 1, name, null, 1, v])]),
    staffSheet([{ unit: 'Sở Nội vụ', trained: 'x' }]),
  );
}

function o1(g: ReturnType<typeof book>, year: number, plan: Plan = HCMC_PLAN) {
  const e = evaluate(readDataset(g), plan, { year, inclusive: false });
  return { o: e.objectives[0], json: toSpecJson(e) };
}

const THREE_LEVELS: Array<[string, CellValue]> = [
  ['Sở Nội vụ', 'x'],
  ['Sở Tư pháp', null],
  ['Phòng Nội vụ Quận 3', 2024],
  ['UBND Phường 5, Quận 3', '15/3/2023'],
];

describe('O1 — Thí điểm 5S', () => {
  it('is met when each of the three levels has a pilot by the year, and reports pilots per level', () => {
    const { o, json } = o1(book('Thí điểm 5S', THREE_LEVELS), 2024);
    expect(o.status).toBe('met');
    expect(o.levels.map((l) => [l.id, l.units, l.pilots])).toEqual([
      ['so_nganh', 2, 1],
      ['quan_huyen', 1, 1],
      ['phuong_xa', 1, 1],
    ]);
    expect(o.levels[0].pilotNames).toEqual(['Sở Nội vụ']);
    // Beside the targets in the JSON, never inside them.
    expect(json.objectives.map((x) => [x.id, x.status, x.pilots])).toEqual([['O1', 'met', 3]]);
    expect(json.targets.map((t) => t.id)).not.toContain('O1');
  });

  it('counts a year only from that year on', () => {
    expect(o1(book('Thí điểm 5S', THREE_LEVELS), 2023).o.status).toBe('not_met');
    expect(o1(book('Thí điểm 5S', THREE_LEVELS), 2023).o.levels[1].pilots).toBe(0);
  });

  it.each(['5S', 'Áp dụng 5S', 'Thực hành 5S', 'THI DIEM 5S'])('recognises the header "%s"', (h) => {
    expect(o1(book(h, THREE_LEVELS), 2025).o.status).toBe('met');
  });

  it('is undetermined when an unreadable cell could decide it, not met when none could', () => {
    const rows: Array<[string, CellValue]> = [
      ['Sở Nội vụ', 'x'],
      ['Phòng Nội vụ Quận 3', 'có lẽ'],
      ['UBND Phường 5, Quận 3', 'x'],
    ];
    const { o } = o1(book('Thí điểm 5S', rows), 2024);
    expect([o.status, o.unknown]).toEqual(['undetermined', 1]);
    const none = o1(book('Thí điểm 5S', [rows[0], ['Phòng Nội vụ Quận 3', 'không'], rows[2]]), 2024).o;
    expect(none.status).toBe('not_met');
  });

  it('is no_data without a 5S column', () => {
    const g = grid(sheet('Đơn vị', [HEAD, [1, 'Sở Nội vụ', null, 1]]), staffSheet([{ unit: 'Sở Nội vụ', trained: 'x' }]));
    expect(o1(g, 2024).o.status).toBe('no_data');
  });

  it('follows the judgement in the plan data (more per level, a total, only some years)', () => {
    const plan = parsePlan(
      { ...hcmcJson, objectives: [{ ...hcmcJson.objectives[0], judgement: { minPerLevel: 2 }, years: [2025] }] },
      'test',
    );
    expect(o1(book('5S', THREE_LEVELS), 2025, plan).o.status).toBe('not_met');
    expect(o1(book('5S', THREE_LEVELS), 2024, plan).o.status).toBe('no_target');
    const total = parsePlan(
      { ...hcmcJson, objectives: [{ ...hcmcJson.objectives[0], judgement: { minPerLevel: 0, minTotal: 3 } }] },
      'test',
    );
    expect(o1(book('5S', THREE_LEVELS), 2025, total).o.status).toBe('met');
    expect(o1(book('5S', THREE_LEVELS), 2023, total).o.status).toBe('not_met');
  });

  it('rejects a malformed objective, naming where', () => {
    const bad = {
      ...hcmcJson,
      objectives: [
        { ...hcmcJson.objectives[0], id: 'T01', levels: [{ id: 'x', name: { vi: 'a', en: 'a' }, unitKinds: ['tinh'] }] },
      ],
    };
    expect(() => parsePlan(bad, 'bad.json')).toThrow(PlanError);
    try {
      parsePlan(bad, 'bad.json');
    } catch (e) {
      const text = (e as PlanError).problems.join('\n');
      expect(text).toContain('objectives[0].id');
      expect(text).toContain('objectives[0].levels[0].unitKinds[0]');
    }
  });

  it('a plan without objectives still parses (none reported)', () => {
    const { objectives: _drop, ...rest } = hcmcJson;
    void _drop;
    expect(parsePlan(rest, 'old.json').objectives).toEqual([]);
  });
});
