/**
 * SPEC §2 "Layouts real offices use", through the real .xlsx path (exceljs writes, the reader reads
 * back, the engine evaluates, SPEC §4 JSON is asserted). Most workbooks hold the data set of
 * tests/xlsx/standard.ts laid out another way, so its hand-computed 2024 result applies; each test
 * also checks that no row of any list was lost (every planted data row read, or named in an issue).
 */
import { staffRecords } from '../../src/engine';
import { detectLists } from '../../src/workbook/detect';
import { SheetSpec, XRow, XRun, evaluateSheets } from './book';
import {
  ACTIVITIES,
  ACTIVITY_COLS,
  STAFF,
  STAFF_COLS,
  UNITS,
  UNIT_COLS,
  body,
  canonical,
  expectStandard,
  fig,
  header,
  list,
} from './standard';

jest.setTimeout(30_000);

async function at(sheets: SheetSpec[], year = 2024): Promise<XRun> {
  const [r] = await evaluateSheets(sheets, [year]);
  return r;
}

/** Where each record was read from: "units Đơn vị!2", "staff Cán bộ!3" … (1-based rows). */
function rowsRead(r: XRun): string[] {
  return [
    ...r.dataset.units.map((u) => `units ${u.sheet}!${u.row + 1}`),
    ...staffRecords(r.dataset.staff).map((p) => `staff ${p.sheet}!${p.row + 1}`),
    ...r.dataset.activities.map((a) => `activities ${a.sheet}!${a.row + 1}`),
  ];
}

const PLANTED: ReadonlyArray<readonly [string, ReadonlySet<unknown>]> = [
  ['staff', new Set(STAFF.map((p) => p.name))],
  ['activities', new Set(ACTIVITIES.map((a) => a.name))],
  ['units', new Set(UNITS.map((u) => u.name))],
];

/**
 * The rows of the workbook that hold a planted record that no list read and no issue names: a row
 * with a person's name must be a staff row, one with an activity's name an activity; one with a
 * unit's name and two more cells (not a heading) a unit row.
 */
function lostRows(r: XRun): string[] {
  const read = new Set(rowsRead(r));
  const named = new Set(r.json.issues.map((i) => `${i.sheet}!${i.cell.replace(/^[A-Z]+/, '')}`));
  const lost: string[] = [];
  for (const sheet of r.grid.sheets) {
    sheet.rows.forEach((row, i) => {
      const cells = (row ?? []).filter((v) => v !== null && v !== undefined && v !== '');
      const at = `${sheet.name}!${sheet.originRow + i + 1}`;
      for (const [kind, names] of PLANTED) {
        if (!cells.some((v) => names.has(v))) continue;
        if (kind === 'units' && cells.length < 3) break;
        if (!read.has(`${kind} ${at}`) && !named.has(at)) lost.push(`${kind} ${at}`);
        break;
      }
    });
  }
  return lost;
}

/** No list lost a row: every planted row read (or named in an issue), as many records as planted. */
function expectAllRead(r: XRun, units = UNITS.length, staff = STAFF.length, activities = ACTIVITIES.length): void {
  expect(lostRows(r)).toEqual([]);
  const read = rowsRead(r);
  expect([
    read.filter((x) => x.startsWith('units')).length,
    read.filter((x) => x.startsWith('staff')).length,
    read.filter((x) => x.startsWith('activities')).length,
  ]).toEqual([units, staff, activities]);
}

const issuesOf = (r: XRun): string[] => r.json.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`);

const staffRows = (): XRow[] => body(STAFF_COLS, STAFF);
const unitCol = STAFF_COLS.findIndex(([, f]) => f === 'unit');

describe('the lost-row check itself', () => {
  test('finds a planted row that no list read and no issue names', async () => {
    const r = await at(canonical());
    expect(lostRows(r)).toEqual([]);
    const broken: XRun = { ...r, dataset: { ...r.dataset, activities: r.dataset.activities.slice(1) } };
    expect(lostRows(broken)).toEqual(['activities Hoạt động!2']);
  });
});

describe('units named once per group', () => {
  test('fill-down: the unit on the first row of a group, blank below', async () => {
    const rows = staffRows().map((row, i) => (i === 1 || i === 3 ? row.map((v, c) => (c === unitCol ? null : v)) : row));
    const r = await at([canonical()[0], { name: 'Cán bộ', rows: [header(STAFF_COLS), ...rows] }, canonical()[2]]);
    expectStandard(r);
    expectAllRead(r);
  });

  test('vertically merged unit cells over the group', async () => {
    const rows = staffRows().map((row, i) => (i === 1 || i === 3 ? row.map((v, c) => (c === unitCol ? null : v)) : row));
    const r = await at([
      canonical()[0],
      { name: 'Cán bộ', rows: [header(STAFF_COLS), ...rows], merges: ['C2:C3', 'C4:C5'] },
      canonical()[2],
    ]);
    expectStandard(r);
    expectAllRead(r);
  });

  test('a blank unit before any filled one has no unit and is reported', async () => {
    const rows = staffRows().map((row, i) => (i === 0 ? row.map((v, c) => (c === unitCol ? null : v)) : row));
    const r = await at([canonical()[0], { name: 'Cán bộ', rows: [header(STAFF_COLS), ...rows] }, canonical()[2]]);
    expect(issuesOf(r)).toEqual(['unknown_unit Cán bộ!C2']);
    expectAllRead(r);
  });
});

describe('units as heading rows (no unit column)', () => {
  test('"I. Sở Nội vụ", a merged "SỞ TƯ PHÁP", subtotals that end nothing', async () => {
    const cols = STAFF_COLS.filter(([, f]) => f !== 'unit');
    const s = body(cols, STAFF);
    const r = await at([
      canonical()[0],
      {
        name: 'Cán bộ',
        rows: [
          header(cols),
          ['A', 'KHỐI SỞ, BAN, NGÀNH'],
          ['I', 'Sở Nội vụ'],
          s[0],
          [null, 'Cộng đơn vị', null, null, 1],
          s[1],
          ['II. SỞ TƯ PHÁP'],
          s[2],
          s[3],
          [null, '3. Phòng Nội vụ Quận 1'],
          s[4],
          [null, 'UBND Phường Bến Nghé'],
          s[5],
          [null, 'Tổng cộng', null, null, 3],
        ],
        merges: ['A7:K7'],
      },
      canonical()[2],
    ]);
    expectStandard(r);
    expectAllRead(r);
    expect(r.dataset.understood.headingUnitSheets).toEqual(['Cán bộ']);
  });

  test('a heading naming a unit that is not listed: reported once, its staff still counted city-wide', async () => {
    const cols = STAFF_COLS.filter(([, f]) => f !== 'unit');
    const s = body(cols, STAFF);
    const r = await at([
      canonical()[0],
      { name: 'Cán bộ', rows: [header(cols), [null, 'Sở Không Có'], s[0], s[1], [null, 'Sở Tư pháp'], s[2], s[3]] },
      canonical()[2],
    ]);
    expect(issuesOf(r)).toEqual(['unknown_unit Cán bộ!B2']);
    expect(fig(r, 'T02')).toEqual(['not_met', 2, 1, 0, 1]);
    expect(r.evaluation.units[0].targets).toEqual([expect.objectContaining({ id: 'T01', status: 'met' })]);
    expectAllRead(r, 4, 4);
  });
});

describe('one column per year', () => {
  // #1 trained in the 2023 column, #5 in 2022 and 2024 (the earliest counts), #3 only in 2025.
  const trainedYears: Array<[number, number]> = [
    [0, 2023],
    [4, 2022],
    [4, 2024],
    [2, 2025],
  ];
  const cols = STAFF_COLS.filter(([, f]) => f !== 'trained');
  const withYears = (yearCell: (y: number) => string | number): { head: XRow; rows: XRow[] } => {
    const rows = body(cols, STAFF).map((row, i) => [
      ...row,
      ...[2022, 2023, 2024, 2025].map((y) => (trainedYears.some(([p, ty]) => p === i && ty === y) ? 'x' : null)),
    ]);
    return { head: [...header(cols), ...[2022, 2023, 2024, 2025].map(yearCell)], rows };
  };
  const expectT02 = (runs: XRun[]) =>
    expect(runs.map((r) => fig(r, 'T02'))).toEqual([
      ['no_target', 3, 1, 0, null],
      ['not_met', 3, 2, 0, 1],
      ['not_met', 3, 2, 0, 1],
      ['met', 3, 3, 0, 0],
    ]);

  test('headers "Bồi dưỡng CCHC 2022" … "2025": a year column after Y never counts for Y', async () => {
    const { head, rows } = withYears((y) => `Bồi dưỡng CCHC ${y}`);
    const runs = await evaluateSheets(
      [canonical()[0], { name: 'Cán bộ', rows: [head, ...rows] }, canonical()[2]],
      [2022, 2023, 2024, 2025],
    );
    expectT02(runs);
    expectStandard(runs[2]);
    expect(detectLists(runs[0].grid).staff[0].yearColumns?.trained?.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
  });

  test('a merged group header "Bồi dưỡng CCHC" over sub-headers 2022 … 2025 (numbers)', async () => {
    const { head, rows } = withYears((y) => y);
    const top = head.map((h, i) => (i < cols.length ? h : i === cols.length ? 'Bồi dưỡng CCHC' : null));
    const sub = head.map((h, i) => (i < cols.length ? null : h));
    const runs = await evaluateSheets(
      [
        canonical()[0],
        { name: 'Cán bộ', rows: [top, sub, ...rows], merges: ['L1:O1', ...'ABCDEFGHIJK'.split('').map((c) => `${c}1:${c}2`)] },
        canonical()[2],
      ],
      [2022, 2023, 2024, 2025],
    );
    expectT02(runs);
    expectStandard(runs[2]);
    expectAllRead(runs[2]);
  });

  test('the group header written once, not merged, over "Năm 2022" … "Năm 2025"', async () => {
    const { head, rows } = withYears((y) => `Năm ${y}`);
    const top = head.map((h, i) => (i < cols.length ? h : i === cols.length ? 'Đã bồi dưỡng CCHC' : null));
    const sub = head.map((h, i) => (i < cols.length ? null : h));
    const runs = await evaluateSheets(
      [canonical()[0], { name: 'Cán bộ', rows: [top, sub, ...rows] }, canonical()[2]],
      [2022, 2023, 2024, 2025],
    );
    expectT02(runs);
  });

  test('an unreadable cell before the first yes leaves the person unknown, reported', async () => {
    const { head, rows } = withYears((y) => `Bồi dưỡng CCHC ${y}`);
    rows[0][cols.length] = '??';
    const r = await at([canonical()[0], { name: 'Cán bộ', rows: [head, ...rows] }, canonical()[2]]);
    expect(fig(r, 'T02')).toEqual(['not_met', 3, 1, 1, 2]);
    expect(issuesOf(r)).toEqual(['unknown_value Cán bộ!L2']);
  });
});

describe('several lists on one sheet', () => {
  test('side by side as plain ranges, separated by a blank column', async () => {
    const u = list(UNIT_COLS, UNITS);
    const s = list(STAFF_COLS, STAFF);
    const rows = s.map((row, i) => [...(u[i] ?? UNIT_COLS.map(() => null)), null, ...row]);
    const r = await at([{ name: 'Dữ liệu', rows }, canonical()[2]]);
    expectStandard(r);
    expectAllRead(r);
    expect(r.json.units.map((x) => x.row)).toEqual([2, 3, 4, 5]);
  });

  test('two unit tables stacked, each with its own header row and column order, then the staff', async () => {
    const so = UNITS.slice(0, 2);
    const district = UNITS.slice(2);
    const reordered = [UNIT_COLS[0], UNIT_COLS[3], UNIT_COLS[1], UNIT_COLS[2]];
    const r = await at([
      {
        name: 'Đơn vị',
        rows: [
          ['KHỐI SỞ, NGÀNH'],
          ...list(UNIT_COLS.slice(0, 4), so),
          [],
          ['KHỐI QUẬN, HUYỆN'],
          ...list(reordered, district),
          [],
          ...list(STAFF_COLS, STAFF),
        ],
      },
      canonical()[2],
    ]);
    expectStandard(r);
    expectAllRead(r);
    expect(r.json.units.map((x) => x.row)).toEqual([3, 4, 8, 9]);
  });
});

describe('many sheets and hidden sheets', () => {
  test('one staff sheet per unit: all of them count', async () => {
    const s = staffRows();
    const bySheet = [
      ['Sở Nội vụ', [s[0], s[1]]],
      ['Sở Tư pháp', [s[2], s[3]]],
      ['Quận 1', [s[4]]],
      ['P. Bến Nghé', [s[5]]],
    ] as const;
    const r = await at([
      canonical()[0],
      ...bySheet.map(([name, rows]) => ({ name, rows: [header(STAFF_COLS), ...rows] })),
      canonical()[2],
    ]);
    expectStandard(r);
    expectAllRead(r);
  });

  test('a hidden staff sheet is read and said so; a hidden instructions sheet is ignored silently', async () => {
    const [u, s, a] = canonical();
    const r = await at([
      u,
      { ...s, state: 'hidden' },
      a,
      { name: 'Hướng dẫn', rows: [['Ghi đủ các cột'], ['Đơn vị', 'Họ và tên']], state: 'hidden' },
    ]);
    expectStandard(r, ['hidden_sheet Cán bộ!A1']);
    expect(r.json.issues[0].message).toContain('ẩn');
    expectAllRead(r);
  });
});

describe('headers in English, including the add-in’s own labels', () => {
  test('units, staff and activities lists with English headers', async () => {
    const r = await at([
      {
        name: 'Units',
        rows: [['No.', 'Unit', 'Unit type', 'CCHC job positions', 'Year positions were set'], ...body(UNIT_COLS, UNITS)],
      },
      {
        name: 'Staff',
        rows: [
          [
            'No.',
            'Full name',
            'Unit',
            'Title',
            'Leader',
            'Does CCHC work',
            'Trained in CCHC',
            'Given knowledge and skills',
            'E-learning access',
            'Leadership planning (year)',
            'Rotated/appointed (year)',
            'CCHC expert (year)',
          ],
          ...staffRows(),
        ],
      },
      {
        name: 'Activities',
        rows: [['No.', 'Activity', 'Kind', 'Format', 'Date', 'Participants', 'Non-leaders'], ...body(ACTIVITY_COLS, ACTIVITIES)],
      },
    ]);
    expectStandard(r);
    expectAllRead(r);
  });
});

describe('kind columns headed "Cấp" or "Khối"', () => {
  test('"Cấp huyện": the name decides; a level and a name that name no kind give an unknown_kind issue', async () => {
    const r = await at([
      {
        name: 'Đơn vị',
        rows: [
          ['STT', 'Tên đơn vị', 'Cấp', 'Số vị trí việc làm CCHC'],
          [1, 'Sở Nội vụ', 'Cấp thành phố', 1],
          [2, 'Sở Tư pháp', 'Cấp thành phố', 0],
          [3, 'Phòng Nội vụ Quận 1', 'Cấp huyện', 2],
          [4, 'UBND Phường Bến Nghé', 'Cấp xã', 1],
          [5, 'Trung tâm Hành chính công', 'Khối quận, huyện', 1],
        ],
      },
      canonical()[1],
      canonical()[2],
    ]);
    expect(r.json.units.map((u) => u.kind)).toEqual(['so_nganh', 'so_nganh', 'phong_noi_vu', 'ubnd_xa', 'khac']);
    expect(fig(r, 'T01')).toEqual(['not_met', 3, 2, 0, 1]);
    expect(issuesOf(r)).toEqual(['unknown_kind Đơn vị!C6']);
  });
});

describe('abbreviated place names', () => {
  test('"UBND P.14, Q.Gò Vấp" is "Ủy ban nhân dân Phường 14, quận Gò Vấp"; "Phường 01" is "P.1"; "Phường 14" alone is two units', async () => {
    const r = await at([
      {
        name: 'Đơn vị',
        rows: [
          ['STT', 'Tên đơn vị', 'Số vị trí việc làm CCHC'],
          [1, 'Ủy ban nhân dân Phường 14, quận Gò Vấp', 1],
          [2, 'UBND Phường 14, Quận 10', 0],
          [3, 'UBND Phường 01, Quận 3', 1],
        ],
      },
      {
        name: 'Cán bộ',
        rows: [
          ['STT', 'Họ và tên', 'Đơn vị', 'Làm công tác CCHC', 'Được cung cấp kiến thức, kỹ năng'],
          [1, 'A', 'UBND P.14, Q.Gò Vấp', 'x', 'x'],
          [2, 'B', 'UBND P.1, Q.3', 'x', null],
          [3, 'C', 'Phường 14', 'x', 'x'],
        ],
      },
      canonical()[2],
    ]);
    expect(r.json.units.map((u) => u.kind)).toEqual(['ubnd_xa', 'ubnd_xa', 'ubnd_xa']);
    const t03 = r.evaluation.units.map((u) => u.targets.find((t) => t.id === 'T03'));
    expect(t03.map((t) => (t ? [t.population, t.achieved] : null))).toEqual([[1, 1], null, [1, 0]]);
    expect(r.json.units.map((u) => [u.status, u.failed])).toEqual([
      ['compliant', []],
      ['not_applicable', []],
      ['non_compliant', ['T03']],
    ]);
    expect(fig(r, 'T03')).toEqual(['not_met', 3, 2, 0, 1]);
    const ambiguous = r.json.issues.filter((i) => i.kind === 'unknown_unit');
    expect(ambiguous.map((i) => i.cell)).toEqual(['C4']);
    expect(ambiguous[0].message).toContain('Quận 10');
  });
});

describe('totals and breakdowns are not data', () => {
  test('"Cộng khối A", "Tổng số (A+B)", "Trong đó: nữ", "Cộng năm 2023"', async () => {
    const u = body(UNIT_COLS, UNITS);
    const s = staffRows();
    const a = body(ACTIVITY_COLS, ACTIVITIES);
    const r = await at([
      {
        name: 'Đơn vị',
        rows: [header(UNIT_COLS), u[0], u[1], [null, 'Cộng khối A', null, 1], u[2], u[3], [null, 'Tổng số (A+B)', null, 4]],
      },
      { name: 'Cán bộ', rows: [header(STAFF_COLS), ...s.slice(0, 3), [null, 'Trong đó: nữ', null, null, 1, 1], ...s.slice(3)] },
      {
        name: 'Hoạt động',
        rows: [
          header(ACTIVITY_COLS),
          a[0],
          a[1],
          [null, 'Cộng năm 2024', null, null, null, 80, 60],
          a[2],
          [null, 'Cộng năm 2023', null, null, null, 100],
        ],
      },
    ]);
    expectStandard(r);
    expectAllRead(r);
  });
});

describe('end of a list', () => {
  test('an activity row starting "Chủ tịch …" with two cells filled is data, and the rows below it are read', async () => {
    const a = body(ACTIVITY_COLS, ACTIVITIES);
    const r = await at([
      canonical()[0],
      canonical()[1],
      {
        name: 'Hoạt động',
        rows: [
          header(ACTIVITY_COLS),
          a[0],
          [null, 'Chủ tịch UBND Quận 1 dẫn đoàn công tác tại Nhật Bản', 'Đoàn công tác'],
          a[1],
          a[2],
        ],
      },
    ]);
    expect(fig(r, 'T10')).toEqual(['undetermined', null, 0, 1, 1]);
    expect(fig(r, 'T07')).toEqual(['met', null, 1, 0, 0]);
    expect(fig(r, 'T08')).toEqual(['met', null, 1, 0, 0]);
    expect(issuesOf(r)).toEqual(['unknown_value Hoạt động!E3']);
    expectAllRead(r, 4, 6, 4);
  });

  test('a note inside the list does not end it when data follows; the signature block under it adds nothing', async () => {
    const s = staffRows();
    const r = await at([
      canonical()[0],
      {
        name: 'Cán bộ',
        rows: [
          header(STAFF_COLS),
          ...s.slice(0, 3),
          [null, 'Ghi chú: số liệu đến 30/6'],
          ...s.slice(3),
          [],
          [null, 'Người lập biểu', null, null, null, null, null, null, 'KT. GIÁM ĐỐC'],
          [null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, null, 'PHÓ GIÁM ĐỐC'],
          [null, 'Nguyễn Văn Tám', null, null, null, null, null, null, 'Trần Văn Chín'],
        ],
      },
      canonical()[2],
    ]);
    expectStandard(r);
    expectAllRead(r);
  });
});

describe('date forms officials write, activity kinds and formats', () => {
  const training = (date: string | number, name = 'Tập huấn nghiệp vụ'): XRow => [null, name, 'Tập huấn', 'Trực tuyến', date];
  test('ranges (the end date decides), months, quarters, yyyy/mm/dd; d/m/yy is unknown', async () => {
    const r = await at([
      canonical()[0],
      canonical()[1],
      {
        name: 'Hoạt động',
        rows: [
          header(ACTIVITY_COLS),
          training('15-17/3/2024'),
          training('15/3 - 17/3/2024'),
          training('từ 15/3/2024 đến 17/3/2024'),
          training('từ 30/12/2023 đến 2/1/2024'),
          training('3/2024'),
          training('T3/2024'),
          training('tháng 3 năm 2024'),
          training('Quý I/2024'),
          training('2024/03/15'),
          training('28-30/12/2023'),
          training('15/3/24'),
        ],
      },
    ]);
    expect(fig(r, 'T09')).toEqual(['met', null, 9, 1, 0]);
    expect(issuesOf(r)).toEqual(['unknown_value Hoạt động!E12']);
  });

  test('"Tập huấn … trong nước" is training; a class in a foreign country is abroad; "không kết hợp" is not blended', async () => {
    const r = await at([
      canonical()[0],
      canonical()[1],
      {
        name: 'Hoạt động',
        rows: [
          header(ACTIVITY_COLS),
          [1, 'Tập huấn CCHC', 'Tập huấn nghiệp vụ trong nước', 'Trực tiếp', '10/4/2024'],
          [2, 'Lớp bồi dưỡng tại Nhật Bản', 'Lớp bồi dưỡng tại Nhật Bản', 'Trực tiếp', '5/6/2024'],
          [3, 'Lớp bồi dưỡng kỹ năng', 'Lớp bồi dưỡng trong nước', 'Trực tiếp, không kết hợp trực tuyến', '1/9/2024'],
          [4, 'Lớp bồi dưỡng tại Thủ Đức', 'Lớp bồi dưỡng trong nước', 'Kết hợp', '2/9/2024'],
        ],
      },
    ]);
    expect([fig(r, 'T07'), fig(r, 'T08'), fig(r, 'T09')]).toEqual([
      ['met', null, 1, 0, 0],
      ['met', null, 1, 0, 0],
      ['met', null, 1, 0, 0],
    ]);
    expect(r.dataset.activities.map((a) => [a.kind, a.format])).toEqual([
      ['training', 'in_person'],
      ['abroad_class', 'in_person'],
      ['domestic_class', 'in_person'],
      ['domestic_class', 'blended'],
    ]);
    expect(issuesOf(r)).toEqual([]);
  });
});

describe('duplicate unit rows (SPEC §4)', () => {
  test('counted once, the repeat shows the first row’s status, the issue names both rows', async () => {
    const u = body(UNIT_COLS, UNITS);
    const repeat: XRow = [5, 'SỞ TƯ PHÁP', 'Sở, ban, ngành', 1];
    const r = await at([{ name: 'Đơn vị', rows: [header(UNIT_COLS), ...u, repeat] }, canonical()[1], canonical()[2]]);
    expect(fig(r, 'T01')).toEqual(['not_met', 3, 2, 0, 1]);
    expect(r.json.units.map((x) => [x.name, x.status, x.failed, x.row])).toEqual([
      ['Sở Nội vụ', 'compliant', [], 2],
      ['Sở Tư pháp', 'non_compliant', ['T01', 'T02', 'T04'], 3],
      ['Phòng Nội vụ Quận 1', 'compliant', [], 4],
      ['UBND Phường Bến Nghé', 'non_compliant', ['T03'], 5],
      ['SỞ TƯ PHÁP', 'non_compliant', ['T01', 'T02', 'T04'], 6],
    ]);
    expect(issuesOf(r)).toEqual(['duplicate_unit Đơn vị!B6']);
    expect(r.json.issues[0].message).toMatch(/dòng 6.*dòng 3/);
  });
});

describe('lists side by side after the add-in colored them', () => {
  test('the status column written into the blank column still separates the lists', async () => {
    const u = list(UNIT_COLS, UNITS);
    const status = ['Trạng thái CCHC 2024', 'Đạt', 'Không đạt', 'Đạt', 'Không đạt'];
    const s = list(STAFF_COLS, STAFF);
    const rows = s.map((row, i) => [...(u[i] ?? UNIT_COLS.map(() => null)), status[i] ?? null, ...row]);
    const r = await at([{ name: 'Dữ liệu', rows }, canonical()[2]]);
    expectStandard(r);
    expectAllRead(r);
    const units = detectLists(r.grid).units[0];
    expect([units.left, units.right]).toEqual([0, 5]);
    expect(units.allHeaders.map((h) => h.text)).toContain('Trạng thái CCHC 2024');
  });
});
