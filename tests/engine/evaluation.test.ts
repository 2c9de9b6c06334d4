/**
 * SPEC §1 and §3 on literal grids, every figure computed by hand in the comments: thresholds
 * strict and inclusive, "= 100 %", count targets, unknown values, gap, no_target, no_data, "by"
 * versus "in" year Y, population flags, per-unit statuses, unknown and duplicate units, T05, issues.
 */
import {
  A1,
  ISSUE_KINDS,
  PersonSpec,
  TARGET_IDS,
  activitiesSheet,
  figures,
  grid,
  run,
  sheet,
  staffSheet,
  times,
  unitsSheet,
} from './grids';

const ONE_UNIT = unitsSheet([{ name: 'Sở Nội vụ', kind: 'Sở, ban, ngành', positions: 1 }]);
const leader = (trained: PersonSpec['trained']): PersonSpec => ({ unit: 'Sở Nội vụ', title: 'Giám đốc', leader: 'x', trained });
const cchc = (skills: PersonSpec['skills'], elearning: PersonSpec['elearning'] = 'x'): PersonSpec => ({
  unit: 'Sở Nội vụ',
  title: 'Chuyên viên',
  cchc: 'x',
  skills,
  elearning,
});

describe('"trên X %" strictly, or "từ X % trở lên" with the setting (SPEC §1)', () => {
  // 40 leaders, 32 trained = 80 %. 2023: T02 > 80 % → 32·100 > 80·40 is false; ≥ holds.
  const g = grid(ONE_UNIT, staffSheet([...times(32, leader('x')), ...times(8, leader(null))]));

  test('strict: 32 of 40 fails "> 80 %", needs one more', () => {
    const r = run(g, 2023);
    expect(r.json.strict).toBe(true);
    expect(figures(r.target('T02'))).toEqual({ status: 'not_met', population: 40, achieved: 32, unknown: 0, gap: 1 });
    expect(r.target('T02').actual).toBeCloseTo(0.8, 10);
    expect(r.target('T02').threshold).toEqual({ op: '>', value: 0.8 });
    expect(r.json.units[0]).toMatchObject({ name: 'Sở Nội vụ', status: 'non_compliant', failed: ['T02'] });
  });

  test('inclusive: 32 of 40 meets "≥ 80 %"', () => {
    const r = run(g, 2023, true);
    expect(r.json.strict).toBe(false);
    expect(figures(r.target('T02'))).toEqual({ status: 'met', population: 40, achieved: 32, unknown: 0, gap: 0 });
    expect(r.target('T02').threshold).toEqual({ op: '>=', value: 0.8 });
    expect(r.json.units[0]).toMatchObject({ status: 'compliant', failed: [] });
  });

  test('the setting changes every "trên X %" threshold and no count or "= 100 %" one', () => {
    const strict = run(g, 2024);
    const incl = run(g, 2024, true);
    for (const id of ['T01', 'T02', 'T03', 'T04']) {
      expect(strict.target(id).threshold?.op).toBe('>');
      expect(incl.target(id).threshold?.op).toBe('>=');
    }
    for (const id of ['T05a', 'T05b', 'T07', 'T08', 'T09', 'T10']) {
      expect(incl.target(id).threshold).toEqual(strict.target(id).threshold);
    }
    expect(run(g, 2025, true).target('T02').threshold).toEqual({ op: '=', value: 1 });
  });
});

describe('integer comparison: 79.96 % is not over 80 % (SPEC §1)', () => {
  // 2500 CCHC staff, T03 in 2024 (> 80 %). 80 % of 2500 = 2000.
  const staff = (k: number) => grid(ONE_UNIT, staffSheet([...times(k, cchc('x')), ...times(2500 - k, cchc(null))]));

  test('1999 of 2500 (79.96 %, shown as 80,0 %): not met either way', () => {
    const g = staff(1999);
    const strict = run(g, 2024);
    expect(figures(strict.target('T03'))).toEqual({ status: 'not_met', population: 2500, achieved: 1999, unknown: 0, gap: 2 });
    expect(strict.target('T03').actual).toBeCloseTo(0.7996, 10);
    const incl = run(g, 2024, true);
    expect(figures(incl.target('T03'))).toEqual({ status: 'not_met', population: 2500, achieved: 1999, unknown: 0, gap: 1 });
  });

  test('2000 of 2500 (exactly 80 %): not over 80 %, but 80 % or more', () => {
    const g = staff(2000);
    expect(figures(run(g, 2024).target('T03'))).toMatchObject({ status: 'not_met', gap: 1 });
    expect(figures(run(g, 2024, true).target('T03'))).toMatchObject({ status: 'met', gap: 0 });
  });
});

describe('"= 100 %" means every member of the population (SPEC §1)', () => {
  test.each<[string, string, PersonSpec[], number, number]>([
    ['10 of 10 trained', 'met', times(10, leader('x')), 0, 0],
    ['9 of 10 trained, 1 not', 'not_met', [...times(9, leader('x')), leader('chưa')], 0, 1],
    ['9 of 10 trained, 1 unknown', 'undetermined', [...times(9, leader('x')), leader('?')], 1, 1],
  ])('T02 in 2025: %s → %s', (_n, status, people, unknown, gap) => {
    const r = run(grid(ONE_UNIT, staffSheet(people)), 2025);
    expect(figures(r.target('T02'))).toEqual({ status, population: 10, achieved: 10 - (status === 'met' ? 0 : 1), unknown, gap });
    // the inclusive setting does not soften "= 100 %"
    expect(run(grid(ONE_UNIT, staffSheet(people)), 2025, true).target('T02').status).toBe(status);
  });

  test('T01 in 2025: 2 of 3 departments with CCHC positions → not met, gap 1', () => {
    const units = unitsSheet([
      { name: 'Sở A', positions: 1 },
      { name: 'Sở B', positions: 'x' },
      { name: 'Sở C', positions: 0 },
    ]);
    expect(figures(run(grid(units), 2025).target('T01'))).toEqual({
      status: 'not_met',
      population: 3,
      achieved: 2,
      unknown: 0,
      gap: 1,
    });
  });
});

describe('count targets (SPEC §1)', () => {
  const planned = (y: PersonSpec['planned']): PersonSpec => ({ unit: 'Sở Nội vụ', cchc: 'x', planned: y });
  const appointed = (y: PersonSpec['appointed']): PersonSpec => ({ unit: 'Sở Nội vụ', cchc: 'x', appointed: y });
  const expert = (y: PersonSpec['expert'], isCchc: PersonSpec['cchc'] = 'x'): PersonSpec => ({
    unit: 'Sở Nội vụ',
    cchc: isCchc,
    expert: y,
  });

  test('T05a ≥ 10 in year Y: 10 planned in 2024 → met; count, not rate', () => {
    const r = run(grid(ONE_UNIT, staffSheet(times(10, planned(2024)))), 2024);
    expect(figures(r.target('T05a'))).toEqual({ status: 'met', population: null, achieved: 10, unknown: 0, gap: 0 });
    expect(r.target('T05a').actual).toBe(10);
    expect(r.target('T05a').threshold).toEqual({ op: '>=', value: 10 });
  });

  test('T05a: a planning in 2023 does not count in 2024 ("in" year Y, not cumulative)', () => {
    const g = grid(ONE_UNIT, staffSheet([...times(9, planned(2024)), planned(2023)]));
    expect(figures(run(g, 2024).target('T05a'))).toEqual({
      status: 'not_met',
      population: null,
      achieved: 9,
      unknown: 0,
      gap: 1,
    });
    expect(figures(run(g, 2023).target('T05a'))).toEqual({
      status: 'not_met',
      population: null,
      achieved: 1,
      unknown: 0,
      gap: 9,
    });
    // a later year does not count yet
    expect(run(g, 2022).target('T05a').achieved).toBe(0);
  });

  test('T05a: 9 certain + 1 whose year is unreadable → undetermined, gap 1', () => {
    const g = grid(ONE_UNIT, staffSheet([...times(9, planned('15/06/2024')), planned('x')]));
    expect(figures(run(g, 2024).target('T05a'))).toEqual({
      status: 'undetermined',
      population: null,
      achieved: 9,
      unknown: 1,
      gap: 1,
    });
  });

  test('T05a counts CCHC staff only', () => {
    const g = grid(ONE_UNIT, staffSheet([...times(10, planned(2024)), { unit: 'Sở Nội vụ', cchc: 'không', planned: 2024 }]));
    expect(run(g, 2024).target('T05a').achieved).toBe(10);
  });

  test('T05b ≥ 5: 5 → met, 4 → not met (gap 1)', () => {
    expect(figures(run(grid(ONE_UNIT, staffSheet(times(5, appointed(2024)))), 2024).target('T05b'))).toEqual({
      status: 'met',
      population: null,
      achieved: 5,
      unknown: 0,
      gap: 0,
    });
    expect(figures(run(grid(ONE_UNIT, staffSheet(times(4, appointed(2024)))), 2024).target('T05b'))).toEqual({
      status: 'not_met',
      population: null,
      achieved: 4,
      unknown: 0,
      gap: 1,
    });
  });

  test('T06 = 50 experts in 2025 only, cumulative, counting all staff (not just CCHC)', () => {
    // 20 in 2023, 20 in 2024 (10 of them not CCHC staff), 10 in 2025 → 2025: 50.
    const people = [
      ...times(20, expert(2023)),
      ...times(10, expert(2024)),
      ...times(10, expert(2024, 'không')),
      ...times(10, expert('2025-05-01')),
    ];
    const g = grid(ONE_UNIT, staffSheet(people));
    expect(figures(run(g, 2025).target('T06'))).toEqual({ status: 'met', population: null, achieved: 50, unknown: 0, gap: 0 });
    expect(run(g, 2025).target('T06').threshold).toEqual({ op: '>=', value: 50 });
    // earlier years: progress only
    const y2024 = run(g, 2024).target('T06');
    expect(figures(y2024)).toEqual({ status: 'no_target', population: null, achieved: 40, unknown: 0, gap: null });
    expect(y2024.threshold).toBeNull();
    expect(run(g, 2023).target('T06')).toMatchObject({ status: 'no_target', achieved: 20 });
    // one fewer in 2025 → not met, gap 1
    const g49 = grid(ONE_UNIT, staffSheet(people.slice(0, 49)));
    expect(figures(run(g49, 2025).target('T06'))).toEqual({
      status: 'not_met',
      population: null,
      achieved: 49,
      unknown: 0,
      gap: 1,
    });
  });

  test('T07–T10 ≥ 1 activity of their kind held in year Y; T08 only blended', () => {
    const acts = activitiesSheet([
      { kind: 'Lớp bồi dưỡng ở nước ngoài', format: 'Trực tiếp', date: '10/05/2024' },
      { kind: 'Lớp bồi dưỡng trong nước', format: 'Trực tiếp', date: 2024 }, // not blended: not T08
      { kind: 'Lớp bồi dưỡng trong nước', format: 'Kết hợp', date: 'tháng 9/2023' },
      { kind: 'Tập huấn, hướng dẫn nghiệp vụ', format: 'Trực tuyến', date: '2024-03-01' },
      { kind: 'Tập huấn, hướng dẫn nghiệp vụ', format: 'Trực tuyến', date: 45300 }, // 2024-01-09
      { kind: 'Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm', format: 'Trực tiếp', date: 'năm 2023' },
    ]);
    const y24 = run(grid(acts), 2024);
    expect(['T07', 'T08', 'T09', 'T10'].map((id) => figures(y24.target(id)))).toEqual([
      { status: 'met', population: null, achieved: 1, unknown: 0, gap: 0 },
      { status: 'not_met', population: null, achieved: 0, unknown: 0, gap: 1 },
      { status: 'met', population: null, achieved: 2, unknown: 0, gap: 0 },
      { status: 'not_met', population: null, achieved: 0, unknown: 0, gap: 1 },
    ]);
    const y23 = run(grid(acts), 2023);
    expect(['T07', 'T08', 'T09', 'T10'].map((id) => y23.target(id).status)).toEqual(['not_met', 'met', 'not_met', 'met']);
  });

  test('an activity whose date is missing or unreadable is an unknown event', () => {
    const acts = activitiesSheet([
      { kind: 'Tập huấn', format: 'Trực tiếp', date: null },
      { kind: 'Tập huấn', format: 'Trực tiếp', date: 'sắp tới' },
    ]);
    expect(figures(run(grid(acts), 2024).target('T09'))).toEqual({
      status: 'undetermined',
      population: null,
      achieved: 0,
      unknown: 2,
      gap: 1,
    });
  });
});

describe('unknown values: met with k, not met even with k + u, otherwise undetermined (SPEC §3)', () => {
  // T02 in 2024 (> 90 %), 20 leaders. 90 % of 20 = 18, so 19 are needed.
  test.each<[number, number, string, number]>([
    [18, 0, 'not_met', 1],
    [18, 1, 'undetermined', 1], // 18 + 1 = 19 would do
    [19, 1, 'met', 0],
    [17, 1, 'not_met', 2], // 17 + 1 = 18 still fails
    [17, 2, 'undetermined', 2],
    [20, 0, 'met', 0],
  ])('k = %i, u = %i → %s, gap %i', (k, u, status, gap) => {
    const people = [...times(k, leader(2023)), ...times(u, leader('chờ xác nhận')), ...times(20 - k - u, leader('không'))];
    const r = run(grid(ONE_UNIT, staffSheet(people)), 2024);
    expect(figures(r.target('T02'))).toEqual({ status, population: 20, achieved: k, unknown: u, gap });
    expect(r.json.issues.filter((i) => i.kind === 'unknown_value')).toHaveLength(u);
  });
});

describe('no_target (SPEC §1: 2022 has no threshold; T03/T04 start in 2024)', () => {
  const g = grid(
    ONE_UNIT,
    staffSheet([leader(2022), cchc(2022), cchc(null)]),
    activitiesSheet([{ kind: 'Tập huấn', format: 'Trực tiếp', date: 2022 }]),
  );

  test('2022: every target no_target, threshold and gap null, figures still shown', () => {
    const r = run(g, 2022);
    expect(r.json.targets.map((t) => t.id)).toEqual(TARGET_IDS);
    for (const t of r.json.targets) {
      expect(t.status).toBe('no_target');
      expect(t.threshold).toBeNull();
      expect(t.gap).toBeNull();
    }
    expect(r.target('T02')).toMatchObject({ population: 1, achieved: 1 });
    expect(r.target('T03')).toMatchObject({ population: 2, achieved: 1 });
    expect(r.target('T09')).toMatchObject({ achieved: 1 });
    expect(r.json.units.map((u) => u.status)).toEqual(['not_applicable']);
  });

  test('2023: T03 and T04 no_target with figures; T01, T02 judged', () => {
    const r = run(g, 2023);
    expect(figures(r.target('T03'))).toEqual({ status: 'no_target', population: 2, achieved: 1, unknown: 0, gap: null });
    expect(r.target('T04')).toMatchObject({ status: 'no_target', population: 2, achieved: 2 });
    expect(r.target('T01').status).toBe('met');
    expect(r.target('T02').status).toBe('met');
    // the unit fails T03 but T03 has no threshold in 2023
    expect(r.json.units[0]).toMatchObject({ status: 'compliant', failed: [] });
    expect(run(g, 2024).json.units[0]).toMatchObject({ status: 'non_compliant', failed: ['T03'] });
  });
});

describe('no_data: n = 0, or a needed column or list is missing (SPEC §3)', () => {
  test('no leader at all → T02 no_data (n = 0), gap null', () => {
    const r = run(grid(ONE_UNIT, staffSheet([cchc('x'), { ...cchc('x'), leader: 'không' }])), 2024);
    expect(figures(r.target('T02'))).toEqual({ status: 'no_data', population: 0, achieved: 0, unknown: 0, gap: null });
  });

  test('no department or Phòng Nội vụ among the units → T01 no_data', () => {
    const units = unitsSheet([
      { name: 'UBND Phường Bến Nghé', positions: 1 },
      { name: 'UBND Quận 1', positions: 1 },
    ]);
    expect(run(grid(units), 2024).target('T01')).toMatchObject({ status: 'no_data', population: 0 });
  });

  test('staff list without the e-learning column → T04 no_data and a missing_column issue', () => {
    const headers = [
      'STT',
      'Họ và tên',
      'Đơn vị',
      'Chức vụ',
      'Lãnh đạo',
      'Làm công tác CCHC',
      'Bồi dưỡng CCHC',
      'Được cung cấp kiến thức, kỹ năng',
    ];
    const staff = sheet('CBCC', [headers, [1, 'A', 'Sở Nội vụ', 'Chuyên viên', null, 'x', null, 'x']]);
    const r = run(grid(ONE_UNIT, staff), 2024);
    expect(r.target('T04').status).toBe('no_data');
    expect(r.target('T04').gap).toBeNull();
    expect(figures(r.target('T03'))).toEqual({ status: 'met', population: 1, achieved: 1, unknown: 0, gap: 0 });
    const missing = r.json.issues.filter((i) => i.kind === 'missing_column' && i.sheet === 'CBCC');
    expect(missing.map((i) => i.value)).toContain('Tiếp cận tài liệu điện tử');
    for (const i of missing) expect(i.cell).toMatch(A1);
    // the unit is judged without T04
    expect(r.json.units[0]).toMatchObject({ status: 'compliant', failed: [] });
  });

  test('units list without the CCHC positions column → T01 no_data, reported', () => {
    const units = sheet('DV', [
      ['STT', 'Tên đơn vị', 'Loại đơn vị'],
      [1, 'Sở Nội vụ', 'Sở, ban, ngành'],
    ]);
    const r = run(grid(units), 2024);
    expect(r.target('T01').status).toBe('no_data');
    expect(r.json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'missing_column', sheet: 'DV', value: 'Số vị trí việc làm CCHC' }),
      ]),
    );
  });

  test('no activities list → T07–T10 no_data; activities without "Hình thức" → only T08 no_data', () => {
    const none = run(grid(ONE_UNIT, staffSheet([leader('x')])), 2024);
    for (const id of ['T07', 'T08', 'T09', 'T10']) expect(none.target(id).status).toBe('no_data');
    const noFormat = sheet('HĐ', [
      ['STT', 'Tên hoạt động', 'Loại hoạt động', 'Thời gian'],
      [1, 'Lớp A', 'Lớp bồi dưỡng ở nước ngoài', 2024],
      [2, 'Lớp B', 'Lớp bồi dưỡng trong nước', 2024],
    ]);
    const r = run(grid(noFormat), 2024);
    expect(r.target('T07')).toMatchObject({ status: 'met', achieved: 1 });
    expect(r.target('T08').status).toBe('no_data');
    expect(r.json.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'missing_column', sheet: 'HĐ', value: 'Hình thức' })]),
    );
  });
});

describe('"by year Y" is cumulative; a later year does not count yet (SPEC §1)', () => {
  test('T02: trained 2022, 2024, 2025 → 2023: 1 of 3, 2024: 2 of 3, 2025: 3 of 3', () => {
    const g = grid(ONE_UNIT, staffSheet([leader(2022), leader('05/11/2024'), leader('tháng 2/2025')]));
    expect(run(g, 2023).target('T02')).toMatchObject({ achieved: 1, population: 3, status: 'not_met' });
    expect(run(g, 2024).target('T02')).toMatchObject({ achieved: 2, population: 3, status: 'not_met' });
    expect(run(g, 2025).target('T02')).toMatchObject({ achieved: 3, population: 3, status: 'met' });
  });

  test('T01: positions set in 2025 do not count in 2024; a blank year means already in place', () => {
    const units = unitsSheet([
      { name: 'Sở A', positions: 1, year: 2025 },
      { name: 'Sở B', positions: 1 },
      { name: 'Sở C', positions: 2, year: '01/03/2023' },
    ]);
    expect(run(grid(units), 2024).target('T01')).toMatchObject({ achieved: 2, population: 3 });
    expect(run(grid(units), 2025).target('T01')).toMatchObject({ achieved: 3, status: 'met' });
    expect(run(grid(units), 2022).target('T01')).toMatchObject({ achieved: 1 });
  });
});

describe('rows whose population flag is unknown are left out and reported (SPEC §3)', () => {
  test('leader "?" is not in T02; CCHC "chưa rõ" not in T03/T04/T05a, yet counts for T06 (all staff)', () => {
    const people: PersonSpec[] = [
      ...times(3, leader('x')),
      { unit: 'Sở Nội vụ', leader: '?', trained: 'x' }, // row 5
      { unit: 'Sở Nội vụ', cchc: 'x', skills: 'x', elearning: 'x', planned: 2024 },
      { unit: 'Sở Nội vụ', cchc: 'chưa rõ', skills: null, elearning: null, planned: 2024, expert: 2024 }, // row 7
    ];
    const r = run(grid(ONE_UNIT, staffSheet(people)), 2025);
    expect(r.target('T02')).toMatchObject({ population: 3, achieved: 3, unknown: 0, status: 'met' });
    // CCHC column present: leaders (blank CCHC) are not CCHC staff; only row 6 is
    expect(r.target('T03')).toMatchObject({ population: 1, achieved: 1, status: 'met' });
    expect(r.target('T05a')).toMatchObject({ achieved: 0 });
    expect(r.target('T06')).toMatchObject({ achieved: 1 });
    expect(r.json.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'unknown_value', sheet: 'Cán bộ', cell: 'E5', value: '?' }),
        expect.objectContaining({ kind: 'unknown_value', sheet: 'Cán bộ', cell: 'F7', value: 'chưa rõ' }),
      ]),
    );
    // the unit is judged on the same rows
    const unitT02 = r.evaluation.units[0].targets.find((t) => t.id === 'T02');
    expect(unitT02).toMatchObject({ population: 3, achieved: 3 });
  });
});

describe('per-unit statuses (SPEC §3 "Units")', () => {
  const units = unitsSheet([
    { name: 'Sở A', positions: 1 }, // row 2
    { name: 'Sở B', positions: 1 }, // row 3
    { name: 'Sở C', positions: 1 }, // row 4
    { name: 'UBND Phường X', kind: 'UBND phường, xã, thị trấn', positions: 0 }, // row 5
    { name: 'Sở E', positions: 0 }, // row 6
    { name: 'Phòng Nội vụ Quận 1', positions: 1 }, // row 7
    { name: 'Trung tâm F', positions: 1 }, // row 8 (khac)
  ]);
  const staff = staffSheet([
    { unit: 'Sở A', leader: 'x', trained: 2023 },
    { unit: 'Sở A', cchc: 'x', skills: 'x', elearning: 2024 },
    { unit: 'Sở B', leader: 'x', trained: null },
    { unit: 'Sở B', leader: 'x', trained: 2022 },
    { unit: 'Sở C', leader: 'x', trained: '?' },
    { unit: 'Phòng Nội vụ Quận 1', cchc: 'x', skills: null, elearning: null },
    { unit: 'Trung tâm F', leader: '?', trained: null }, // unknown flag: T02 does not apply
  ]);
  const g = grid(units, staff);

  test('2024', () => {
    const r = run(g, 2024);
    expect(r.json.units.map((u) => [u.name, u.kind, u.status, u.failed, u.sheet, u.row])).toEqual([
      ['Sở A', 'so_nganh', 'compliant', [], 'Đơn vị', 2],
      ['Sở B', 'so_nganh', 'non_compliant', ['T02'], 'Đơn vị', 3],
      ['Sở C', 'so_nganh', 'undetermined', [], 'Đơn vị', 4],
      ['UBND Phường X', 'ubnd_xa', 'not_applicable', [], 'Đơn vị', 5],
      ['Sở E', 'so_nganh', 'non_compliant', ['T01'], 'Đơn vị', 6],
      ['Phòng Nội vụ Quận 1', 'phong_noi_vu', 'non_compliant', ['T03', 'T04'], 'Đơn vị', 7],
      ['Trung tâm F', 'khac', 'not_applicable', [], 'Đơn vị', 8],
    ]);
    // city-wide T01: A, B, C, E, PNV = 5 units, 4 achieved = 80 %, not over 90 % → gap 1
    expect(figures(r.target('T01'))).toEqual({ status: 'not_met', population: 5, achieved: 4, unknown: 0, gap: 1 });
  });

  test('2023: T03/T04 have no threshold, so Phòng Nội vụ is compliant on T01 alone', () => {
    const r = run(g, 2023);
    expect(r.json.units.map((u) => [u.status, u.failed])).toEqual([
      ['compliant', []],
      ['non_compliant', ['T02']],
      ['undetermined', []],
      ['not_applicable', []],
      ['non_compliant', ['T01']],
      ['compliant', []],
      ['not_applicable', []],
    ]);
  });

  test('2022: no thresholds, every unit not_applicable', () => {
    expect(run(g, 2022).json.units.every((u) => u.status === 'not_applicable' && u.failed.length === 0)).toBe(true);
  });
});

describe('staff whose unit is not listed count city-wide and are reported (SPEC §3)', () => {
  test('unknown_unit with the unit cell; counted in T03, not in any unit', () => {
    const r = run(
      // A blank unit cell under a filled one belongs to that unit (SPEC §2 fill-down): only a blank
      // before any filled unit cell has no unit.
      grid(ONE_UNIT, staffSheet([{ cchc: 'x' }, cchc('x'), { unit: 'Sở Không Có', cchc: 'x', skills: null, elearning: 'x' }])),
      2024,
    );
    expect(r.target('T03')).toMatchObject({ population: 3, achieved: 1 });
    expect(r.json.issues.filter((i) => i.kind === 'unknown_unit').map((i) => [i.sheet, i.cell, i.value])).toEqual([
      ['Cán bộ', 'C2', ''],
      ['Cán bộ', 'C4', 'Sở Không Có'],
    ]);
    expect(r.evaluation.units[0].targets.find((t) => t.id === 'T03')).toMatchObject({ population: 1, achieved: 1 });
  });
});

describe('duplicate unit names are reported (SPEC §4 duplicate_unit)', () => {
  test('the second row of "Sở Nội vụ" (written in capitals) is reported at its name cell; both rows listed', () => {
    const units = unitsSheet([
      { name: 'Sở Nội vụ', positions: 1 },
      { name: 'Sở Tư pháp', positions: 1 },
      { name: 'SỞ NỘI VỤ', positions: 1 },
    ]);
    const r = run(grid(units), 2024);
    expect(r.json.issues.filter((i) => i.kind === 'duplicate_unit').map((i) => [i.sheet, i.cell, i.value])).toEqual([
      ['Đơn vị', 'B4', 'SỞ NỘI VỤ'],
    ]);
    expect(r.json.units.map((u) => [u.name, u.row])).toEqual([
      ['Sở Nội vụ', 2],
      ['Sở Tư pháp', 3],
      ['SỞ NỘI VỤ', 4],
    ]);
  });
});

describe('T05 is met only when T05a and T05b both are (SPEC §1)', () => {
  const staff = (planned: number, appointed: number, unknownPlanned = 0) =>
    grid(
      ONE_UNIT,
      staffSheet([
        ...times(planned, { unit: 'Sở Nội vụ', cchc: 'x', planned: 2024 }),
        ...times(unknownPlanned, { unit: 'Sở Nội vụ', cchc: 'x', planned: 'x' }),
        ...times(appointed, { unit: 'Sở Nội vụ', cchc: 'x', appointed: 2024 }),
      ]),
    );
  test.each<[string, number, number, number, string, string, string]>([
    ['both met', 10, 5, 0, 'met', 'met', 'met'],
    ['T05b short', 10, 4, 0, 'met', 'not_met', 'not_met'],
    ['T05a short', 9, 5, 0, 'not_met', 'met', 'not_met'],
    ['T05a undetermined', 9, 5, 1, 'undetermined', 'met', 'undetermined'],
    ['undetermined and not met', 9, 4, 1, 'undetermined', 'not_met', 'not_met'],
  ])('%s', (_n, p, a, u, s5a, s5b, s5) => {
    const r = run(staff(p, a, u), 2024);
    expect([r.target('T05a').status, r.target('T05b').status, r.target('T05').status]).toEqual([s5a, s5b, s5]);
    expect(r.target('T05').population).toBeNull();
  });

  test('2022 → no_target', () => {
    expect(run(staff(10, 5), 2022).target('T05').status).toBe('no_target');
  });
});

describe('issues: a SPEC §4 kind and an A1 cell on the sheet the value is on', () => {
  const units = sheet('DS đơn vị', [
    ['Danh sách đơn vị'],
    [],
    ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC', 'Năm bố trí vị trí CCHC'],
    [1, 'Sở Nội vụ', 'Sở, ban, ngành', 'nhiều', 2024],
    [2, 'Sở Tư pháp', 'Công ty', 1, 1850],
    [3, 'Sở Nội vụ', 'Sở, ban, ngành', 1, null],
  ]);
  const staff = sheet('CB quận 1', [
    ['STT', 'Họ và tên', 'Đơn vị', 'Lãnh đạo', 'Bồi dưỡng CCHC', 'Năm quy hoạch'],
    [1, 'A', 'Sở Nội vụ', '??', 'x', 'x'],
    [2, 'B', 'Sở Ngoại vụ', 'x', { error: '#DIV/0!' }, 2101],
  ]);
  const acts = activitiesSheet([{ kind: 'Hội thảo', format: 'Qua mạng', date: '30/02/2024' }], 'HĐ');

  test('every issue is well-formed', () => {
    const r = run(grid(units, staff, acts), 2024);
    const names = new Set(['DS đơn vị', 'CB quận 1', 'HĐ']);
    expect(r.json.issues.length).toBeGreaterThanOrEqual(10);
    for (const i of r.json.issues) {
      expect(ISSUE_KINDS).toContain(i.kind);
      expect(names.has(i.sheet)).toBe(true);
      expect(i.cell).toMatch(A1);
      expect(typeof i.message).toBe('string');
      expect(i.message.length).toBeGreaterThan(0);
    }
    const where = r.json.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'unknown_value DS đơn vị!D4',
        'unknown_kind DS đơn vị!C5',
        'bad_year DS đơn vị!E5',
        'duplicate_unit DS đơn vị!B6',
        'unknown_value CB quận 1!D2',
        'unknown_value CB quận 1!F2',
        'unknown_unit CB quận 1!C3',
        'unknown_value CB quận 1!E3',
        'bad_year CB quận 1!F3',
        'unknown_kind HĐ!C2',
        'unknown_value HĐ!D2',
        'unknown_value HĐ!E2',
      ]),
    );
  });

  // A list missing from the whole workbook has no cell to point at: it is reported with sheet "" and
  // cell "" (the one exception to SPEC §4's "an A1 address on sheet", documented in the README), and
  // its targets are no_data.
  test('a list missing altogether is reported without a cell, and its targets have no data', () => {
    const r = run(grid(ONE_UNIT, staffSheet([leader('x')])), 2024);
    const missing = r.json.issues.filter((i) => i.kind === 'missing_column' && i.sheet === '');
    expect(missing.map((i) => [i.cell, i.message])).toEqual([['', 'Không tìm thấy danh sách hoạt động trong sổ tính.']]);
    for (const id of ['T07', 'T08', 'T09', 'T10']) expect(r.target(id).status).toBe('no_data');
  });
});

describe('engine bugs found on grids', () => {
  // Regression guard (SPEC §2 total rows are "Tổng cộng", "Cộng"): the engine as committed read any
  // row with a text starting with the word "Cộng" as a total, dropping people titled "Cộng tác viên".
  test('a person titled "Cộng tác viên" is a staff row, not a total row', () => {
    const people: PersonSpec[] = [
      cchc('x'),
      { unit: 'Sở Nội vụ', title: 'Cộng tác viên', cchc: 'x', skills: null, elearning: null },
    ];
    const r = run(grid(ONE_UNIT, staffSheet(people)), 2024);
    // 1 of 2 = 50 % → T03 not met
    expect(figures(r.target('T03'))).toEqual({ status: 'not_met', population: 2, achieved: 1, unknown: 0, gap: 1 });
  });

  // Was a bug (SPEC §2 total rows are "Tổng cộng", "Cộng"): a row whose first text *starts with* the word
  // "Cộng" is still a total row when it has no numeric STT, so an activity named "Cộng đồng CCHC
  // số: tập huấn kỹ năng" in a list without an STT column is silently dropped (T09 0 instead of 1).
  test('an activity named "Cộng đồng …" is an activity, not a total row', () => {
    const acts = sheet('HĐ', [
      ['Tên hoạt động', 'Loại hoạt động', 'Hình thức', 'Thời gian'],
      ['Cộng đồng CCHC số: tập huấn kỹ năng', 'Tập huấn', 'Trực tuyến', 2024],
    ]);
    expect(figures(run(grid(acts), 2024).target('T09'))).toEqual({
      status: 'met',
      population: null,
      achieved: 1,
      unknown: 0,
      gap: 0,
    });
  });

  // Was a bug (SPEC §2 "Not data: blank rows"; regression in the working tree, not in the committed
  // engine): a template's pre-numbered empty rows (only the STT filled in) are read as people —
  // each reported unknown_unit, and without a CCHC column each one is CCHC staff not trained, so
  // T03 shows 1 of 3 instead of 1 of 1.
  test('rows holding only a pre-filled STT number are blank rows, not people', () => {
    const headers = [
      'STT',
      'Họ và tên',
      'Đơn vị',
      'Chức vụ',
      'Được cung cấp kiến thức, kỹ năng',
      'Tiếp cận tài liệu điện tử',
      'Bồi dưỡng CCHC',
    ];
    const s = sheet('Cán bộ', [headers, [1, 'A', 'Sở Nội vụ', 'Chuyên viên', 'x', 'x', null], [2], [3]]);
    const r = run(grid(ONE_UNIT, s), 2024);
    expect(figures(r.target('T03'))).toEqual({ status: 'met', population: 1, achieved: 1, unknown: 0, gap: 0 });
    expect(r.json.issues.filter((i) => i.kind === 'unknown_unit')).toEqual([]);
  });

  // Was a bug (SPEC §2 "Not data: blank rows; group rows; total rows" — nothing else ends a list; regression
  // in the working tree): a row whose first text contains a date line ("… ngày 15 tháng 3 năm 2024")
  // and has at most one other value is taken for the signature block's date line and *ends the list*:
  // every activity under it is silently dropped.
  test('an activity named "… ngày 15 tháng 3 năm 2024" does not end the list', () => {
    const acts = sheet('HĐ', [
      ['Tên hoạt động', 'Loại hoạt động', 'Hình thức', 'Thời gian'],
      ['Hội nghị tập huấn ngày 15 tháng 3 năm 2024', null, null, 2024],
      ['Lớp bồi dưỡng tại Singapore', 'Lớp bồi dưỡng ở nước ngoài', 'Trực tiếp', 2024],
      ['Đoàn công tác tại Hà Nội', 'Đoàn công tác', 'Trực tiếp', 2024],
    ]);
    const r = run(grid(acts), 2024);
    expect([r.target('T07').achieved, r.target('T09').achieved, r.target('T10').achieved]).toEqual([1, 1, 1]);
  });

  test('a real total row "Cộng" / "Tổng cộng" is still skipped', () => {
    const s = sheet('Cán bộ', [
      [
        'STT',
        'Họ và tên',
        'Đơn vị',
        'Chức vụ',
        'Làm công tác CCHC',
        'Được cung cấp kiến thức, kỹ năng',
        'Tiếp cận tài liệu điện tử',
      ],
      [1, 'A', 'Sở Nội vụ', 'Chuyên viên', 'x', 'x', 'x'],
      [null, 'Cộng', null, null, 1, 1, 1],
      [null, 'Tổng cộng', null, null, 1, 1, 1],
    ]);
    // read as people, the two total rows would be CCHC staff ("1" in the CCHC column): T03 of 3
    expect(run(grid(ONE_UNIT, s), 2024).target('T03')).toMatchObject({ population: 1, achieved: 1 });
  });

  // Was a bug (SPEC §3 "not_met if it fails even with k + u"; u counts events that *might* be T08 events):
  // an activity whose kind is unrecognised but whose format is known and not blended cannot be a T08
  // event, yet it is counted as an unknown T08 event, turning not_met into undetermined.
  test('an unrecognised-kind online activity cannot be a blended domestic class (T08 not_met)', () => {
    const acts = activitiesSheet([
      { kind: 'Lớp bồi dưỡng trong nước', format: 'Trực tiếp', date: 2024 },
      { kind: 'Hội thảo', format: 'Trực tuyến', date: 2024 },
    ]);
    expect(figures(run(grid(acts), 2024).target('T08'))).toEqual({
      status: 'not_met',
      population: null,
      achieved: 0,
      unknown: 0,
      gap: 1,
    });
  });

  // Was a bug (SPEC §2 "Cells holding Excel errors are unknown values" and §3 "Rows whose population flag
  // (leader …) is unknown are left out of the population and reported"): without a "Lãnh đạo"
  // column the leader flag comes from "Chức vụ"; a #N/A there silently makes the person a non-leader.
  test('a #N/A title (leader derived from title) is an unknown flag, reported', () => {
    const s = sheet('Cán bộ', [
      [
        'STT',
        'Họ và tên',
        'Đơn vị',
        'Chức vụ',
        'Bồi dưỡng CCHC',
        'Được cung cấp kiến thức, kỹ năng',
        'Tiếp cận tài liệu điện tử',
      ],
      [1, 'A', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 'x'],
      [2, 'B', 'Sở Nội vụ', { error: '#N/A' }, null, 'x', 'x'],
    ]);
    const r = run(grid(ONE_UNIT, s), 2024);
    expect(r.target('T02')).toMatchObject({ population: 1, achieved: 1 });
    expect(r.json.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'unknown_value', sheet: 'Cán bộ', cell: 'D3' })]),
    );
  });
});
