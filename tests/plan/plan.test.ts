import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HCMC_PLAN, PlanError, defaultYear, findTarget, isMeasured, parsePlan, thresholdFor } from '../../src/plan';

const planJson = (): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(__dirname, '../../src/plan/hcmc-cchc-2022-2025.json'), 'utf8')) as Record<string, unknown>;

function problemsOf(json: unknown): readonly string[] {
  try {
    parsePlan(json, 'test.json');
  } catch (e) {
    if (e instanceof PlanError) return e.problems;
    throw e;
  }
  return [];
}

describe('the HCMC plan as data (SPEC §1)', () => {
  test('ten targets, T05 split in two, in report order', () => {
    expect(HCMC_PLAN.targets.map((t) => t.id)).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05a',
      'T05b',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
    ]);
    expect(HCMC_PLAN.unitTargets).toEqual(['T01', 'T02', 'T03', 'T04']);
  });

  test.each([
    ['T01', 2022, null],
    ['T01', 2023, { op: '>', value: 0.8 }],
    ['T01', 2024, { op: '>', value: 0.9 }],
    ['T01', 2025, { op: '=', value: 1 }],
    ['T02', 2024, { op: '>', value: 0.9 }],
    ['T03', 2023, null],
    ['T03', 2024, { op: '>', value: 0.8 }],
    ['T04', 2025, { op: '=', value: 1 }],
    ['T05a', 2022, null],
    ['T05a', 2023, { op: '>=', value: 10 }],
    ['T05b', 2025, { op: '>=', value: 5 }],
    ['T06', 2024, null],
    ['T06', 2025, { op: '>=', value: 50 }],
    ['T07', 2023, { op: '>=', value: 1 }],
    ['T10', 2025, { op: '>=', value: 1 }],
  ])('%s in %i → %j', (id, year, want) => {
    const t = findTarget(HCMC_PLAN, id);
    if (!t || !isMeasured(t)) throw new Error(id);
    expect(thresholdFor(t, year, { inclusive: false })).toEqual(want);
  });

  test('the inclusive reading turns every "> X %" into "≥ X %" and leaves "= 100 %" and counts alone', () => {
    const t01 = findTarget(HCMC_PLAN, 't01');
    const t05a = findTarget(HCMC_PLAN, 'T05A');
    if (!t01 || !isMeasured(t01) || !t05a || !isMeasured(t05a)) throw new Error();
    expect(thresholdFor(t01, 2024, { inclusive: true })).toEqual({ op: '>=', value: 0.9 });
    expect(thresholdFor(t01, 2025, { inclusive: true })).toEqual({ op: '=', value: 1 });
    expect(thresholdFor(t05a, 2024, { inclusive: true })).toEqual({ op: '>=', value: 10 });
  });

  test('the default year is this year kept within 2022–2025', () => {
    expect(defaultYear(HCMC_PLAN, new Date('2026-11-26'))).toBe(2025);
    expect(defaultYear(HCMC_PLAN, new Date('2024-03-01'))).toBe(2024);
    expect(defaultYear(HCMC_PLAN, new Date('2021-06-01'))).toBe(2022);
  });
});

describe('plan files are validated with messages that say where, what was expected and what was found', () => {
  test('the bundled plan file passes', () => {
    expect(problemsOf(planJson())).toEqual([]);
  });

  test('an unknown operator', () => {
    const json = planJson();
    const targets = json.targets as Array<Record<string, unknown>>;
    (targets[1].thresholds as Record<string, unknown>)['2024'] = { op: '≈', value: 0.9 };
    expect(problemsOf(json)).toEqual(['targets[1].thresholds.2024.op: expected one of ">", ">=", "=", found "≈"']);
  });

  test('"≥" is accepted for ">="', () => {
    const json = planJson();
    const targets = json.targets as Array<Record<string, unknown>>;
    (targets[4].thresholds as Record<string, unknown>)['2024'] = { op: '≥', value: 12 };
    const plan = parsePlan(json, 'x.json');
    const t = plan.targets[4];
    if (!isMeasured(t)) throw new Error();
    expect(t.thresholds['2024']).toEqual({ op: '>=', value: 12 });
  });

  test('a rate written as a percentage, a year outside the period, a part that does not exist, a duplicate id', () => {
    const json = planJson();
    const targets = json.targets as Array<Record<string, unknown>>;
    (targets[0].thresholds as Record<string, unknown>)['2023'] = { op: '>', value: 80 };
    (targets[0].thresholds as Record<string, unknown>)['2030'] = { op: '>', value: 0.8 };
    targets[6].parts = ['T05a', 'T05c'];
    targets[9].id = 'T07';
    const problems = problemsOf(json);
    expect(problems).toEqual(
      expect.arrayContaining([
        'targets[0].thresholds.2023.value: expected a share between 0 and 1 (0.8 for 80 %), found 80',
        'targets[0].thresholds: expected years within the plan\'s period 2022–2025 as keys, found "2030"',
        'targets[6].parts[1]: expected the id of a rate or count target, found "T05c"',
        'targets[9].id: expected an id used once, found "T07"',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  test('not an object at all', () => {
    expect(problemsOf([1, 2])).toEqual(['plan: expected an object, found [1,2]']);
  });

  test('a units target with a staff field, an unknown unit kind', () => {
    const json = planJson();
    const targets = json.targets as Array<Record<string, unknown>>;
    targets[0].achieved = { field: 'trained', timing: 'by_year' };
    (targets[0].population as Record<string, unknown>).unitKinds = ['so_nganh', 'quan'];
    expect(problemsOf(json)).toEqual([
      'targets[0].population.unitKinds[1]: expected one of so_nganh, ubnd_huyen, phong_noi_vu, ubnd_xa, khac, found "quan"',
      'targets[0].achieved.field: expected one of cchc_positions, found "trained"',
    ]);
  });
});
