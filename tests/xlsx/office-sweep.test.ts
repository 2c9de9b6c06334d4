/**
 * Layouts a Home Affairs office keeps that were once read silently wrong (SPEC §2 "Layouts real
 * offices use"): each workbook is small, its figures computed by hand from SPEC before running.
 */
import { staffRecords } from '../../src/engine';
import { SheetSpec, XRun, evaluateSheets } from './book';
import { fig } from './standard';

jest.setTimeout(30_000);

async function at(sheets: SheetSpec[], year = 2024): Promise<XRun> {
  const [r] = await evaluateSheets(sheets, [year]);
  return r;
}

/** Each person read, as "row unit" (1-based rows; "-" when the person has no unit). */
function people(r: XRun): string[] {
  return staffRecords(r.dataset.staff).map((p) => `${p.row + 1} ${p.unit >= 0 ? r.dataset.units[p.unit].name : '-'}`);
}

const UNITS: SheetSpec = {
  name: 'Đơn vị',
  rows: [
    ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC', 'Năm bố trí vị trí CCHC'],
    [1, 'Phòng Nội vụ Quận 3', 'Phòng Nội vụ', 1, 2022],
    [2, 'UBND Phường Võ Thị Sáu', 'UBND phường', 1, 2023],
    [3, 'UBND Phường 4', 'UBND phường', 0, null],
  ],
};
/** A staff list's header: a unit column, no "Làm công tác CCHC" column (everyone is CCHC staff). */
const STAFF_HEADER = ['STT', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Bồi dưỡng CCHC', 'Kiến thức, kỹ năng', 'Tài liệu điện tử'];
const ACTIVITIES: SheetSpec = {
  name: 'Hoạt động',
  rows: [
    ['STT', 'Tên hoạt động', 'Loại hoạt động', 'Hình thức', 'Thời gian'],
    [1, 'Tập huấn CCHC', 'Tập huấn', 'Trực tiếp', '15/3/2024'],
  ],
};

describe('a unit written as a numbered heading in a list that has a unit column', () => {
  test('"1 | UBND Phường Võ Thị Sáu" alone on its row heads the people below: it is no person', async () => {
    // No "Làm công tác CCHC" column: every person is CCHC staff, so a heading read as a person
    // would swell T03/T04's population.
    const r = await at([
      UNITS,
      {
        name: 'Cán bộ',
        rows: [
          STAFF_HEADER,
          ['A', 'KHỐI QUẬN'],
          [1, 'Nguyễn Văn A', 'Phòng Nội vụ Quận 3', 'Trưởng phòng', 'x', 'x', 'x'],
          ['B', 'KHỐI PHƯỜNG'],
          ['1', 'UBND Phường Võ Thị Sáu'],
          [2, 'Phạm Văn D', 'UBND Phường Võ Thị Sáu', 'Chủ tịch', 'x', 'x', 'x'],
          [3, 'Hồ Thị E', null, 'Công chức', null, 'x', 'x'],
          [2, 'UBND Phường 4'],
          [4, 'Vũ Văn F', 'UBND Phường 4', 'Phó Chủ tịch', null, 'x', 'x'],
          [5, 'Đỗ Thị G', null, 'Công chức', 'x', 'x', null],
        ],
      },
      ACTIVITIES,
    ]);
    expect(people(r)).toEqual([
      '3 Phòng Nội vụ Quận 3',
      '6 UBND Phường Võ Thị Sáu',
      '7 UBND Phường Võ Thị Sáu',
      '9 UBND Phường 4',
      '10 UBND Phường 4',
    ]);
    // By hand: leaders A, D, F (2 trained); CCHC staff all 5, 5 given skills, 4 e-learning.
    expect(fig(r, 'T02')).toEqual(['not_met', 3, 2, 0, 1]);
    expect(fig(r, 'T03')).toEqual(['met', 5, 5, 0, 0]);
    expect(fig(r, 'T04')).toEqual(['not_met', 5, 4, 0, 1]); // 80 % is not over 80 %
    expect(r.json.issues.map((i) => i.kind).filter((k) => k !== 'missing_column')).toEqual([]);
  });
});

describe('a person alone on a row whose name reads like a unit', () => {
  test('"5 | Ban Thị Hoa" (Ban is a surname), nothing else filled: a person of the unit above, no heading', async () => {
    const r = await at([
      UNITS,
      {
        name: 'Cán bộ',
        rows: [
          STAFF_HEADER,
          [1, 'Nguyễn Văn A', 'Phòng Nội vụ Quận 3', 'Trưởng phòng', 'x', 'x', 'x'],
          [2, 'Ban Thị Hoa'],
          [3, 'Bàn Văn Sơn'],
          [4, 'Trần Thị B', null, 'Chuyên viên', 'x', 'x', 'x'],
        ],
      },
      ACTIVITIES,
    ]);
    expect(people(r)).toEqual([
      '2 Phòng Nội vụ Quận 3',
      '3 Phòng Nội vụ Quận 3',
      '4 Phòng Nội vụ Quận 3',
      '5 Phòng Nội vụ Quận 3',
    ]);
    expect(r.json.issues.filter((i) => i.kind === 'unknown_unit')).toEqual([]);
  });
});

describe('a header repeated inside a list (as printed over two pages)', () => {
  test('the data row just above the repeated header is still a unit', async () => {
    const head = ['TT', 'Tên cơ quan, đơn vị', 'Khối', 'Vị trí việc làm CCHC', 'Năm bố trí'];
    const r = await at([
      {
        name: 'DS đơn vị',
        rows: [
          ['DANH SÁCH CƠ QUAN, ĐƠN VỊ'],
          head,
          [1, 'Sở Nội vụ', 'Sở, ngành', 'x', '2023'],
          [2, 'Phòng Nội vụ Quận 1', 'Khối quận, huyện', 1, null],
          [3, 'Phòng Nội vụ huyện Củ Chi', 'Cấp huyện', 'chưa'],
          head,
          [4, 'Phòng Nội vụ TP Thủ Đức', 'Cấp huyện', '1', '15/3/2025'],
        ],
      },
      {
        name: 'Cán bộ',
        rows: [STAFF_HEADER, [1, 'Nguyễn Văn A', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 'x']],
      },
      ACTIVITIES,
    ]);
    expect(r.json.units.map((u) => u.name)).toEqual([
      'Sở Nội vụ',
      'Phòng Nội vụ Quận 1',
      'Phòng Nội vụ huyện Củ Chi',
      'Phòng Nội vụ TP Thủ Đức',
    ]);
    // By hand: all four are in T01's population; Sở Nội vụ (2023) and Quận 1 have positions by 2024.
    expect(fig(r, 'T01')).toEqual(['not_met', 4, 2, 0, 2]);
  });
});

describe('a three-row header: a group over field headers over years', () => {
  test('"KẾT QUẢ BỒI DƯỠNG" over a merged "Bồi dưỡng CCHC" over 2023, 2024: a yes under 2024 counts', async () => {
    const [r23, r] = await evaluateSheets(
      [
        UNITS,
        {
          name: 'Cán bộ',
          rows: [
            ['DANH SÁCH CB,CC,VC LÀM CÔNG TÁC CCHC'],
            ['STT', 'Họ và\ntên', 'Đơn vị\ncông tác', 'Chức vụ', 'KẾT QUẢ BỒI DƯỠNG', null, null, null],
            [null, null, null, null, 'Bồi dưỡng CCHC', null, 'Kiến thức, kỹ năng', 'Tài liệu điện tử'],
            [null, null, null, null, 2023, 2024],
            [1, 'Nguyễn Văn A', 'Phòng Nội vụ Quận 3', 'Trưởng phòng', 'x', null, 'x', 'x'],
            [2, 'Trần Thị B', 'UBND Phường Võ Thị Sáu', 'Phó Chủ tịch', null, 'x', 'x', 'x'],
            [3, 'Phạm Văn D', 'UBND Phường Võ Thị Sáu', 'Chủ tịch', null, null, 'x', null],
          ],
          merges: ['A2:A4', 'B2:B4', 'C2:C4', 'D2:D4', 'E2:H2', 'E3:F3', 'G3:G4', 'H3:H4'],
        },
        ACTIVITIES,
      ],
      [2023, 2024],
    );
    const staff = r.dataset.lists.staff[0];
    expect(staff.yearColumns?.trained).toEqual([
      { col: 4, year: 2023 },
      { col: 5, year: 2024 },
    ]);
    expect(staff.dataTop).toBe(4);
    // By hand: leaders A (2023), B (2024), D (no): 2 of 3 trained by 2024, 1 of 3 by 2023.
    expect(fig(r, 'T02')).toEqual(['not_met', 3, 2, 0, 1]);
    expect(fig(r23, 'T02')).toEqual(['not_met', 3, 1, 0, 2]);
  });
});

describe('a units list giving all job positions and, of them, the CCHC ones', () => {
  test.each([['Trong đó: vị trí việc làm về CCHC'], ['Trong đó: vị trí làm công tác CCHC'], ['Số vị trí việc làm CCHC']])(
    '"Tổng số vị trí việc làm" beside "%s": the CCHC column counts',
    async (cchcHeader) => {
      const r = await at([
        {
          name: 'Đơn vị',
          rows: [
            ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Tổng số vị trí việc làm', cchcHeader, 'Năm bố trí'],
            [1, 'Sở Nội vụ', 'Sở', 40, 2, 2023],
            [2, 'Sở Tư pháp', 'Sở', 35, 0, null],
            [3, 'Phòng Nội vụ Quận 1', 'Phòng Nội vụ', 12, 1, 2022],
          ],
        },
        {
          name: 'Cán bộ',
          rows: [STAFF_HEADER, [1, 'Nguyễn Văn A', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 'x']],
        },
        ACTIVITIES,
      ]);
      expect(r.dataset.lists.units[0].columns.cchc_positions).toBe(4);
      // By hand: Sở Tư pháp has no CCHC position: 2 of 3.
      expect(fig(r, 'T01')).toEqual(['not_met', 3, 2, 0, 1]);
      expect(r.json.units.find((u) => u.name === 'Sở Tư pháp')?.failed).toContain('T01');
    },
  );
});

describe('footnotes under a staff list', () => {
  test('"* Đánh dấu x …", "(1) Ghi rõ …", "(*) Số liệu …", "Số liệu tính đến …" are notes, not people of the unit above', async () => {
    const r = await at([
      UNITS,
      {
        name: 'Cán bộ',
        rows: [
          STAFF_HEADER,
          [1, 'Nguyễn Văn A', 'Phòng Nội vụ Quận 3', 'Trưởng phòng', 'x', 'x', 'x'],
          [2, 'Trần Thị B', null, 'Chuyên viên', 'x', 'x', 'x'],
          [],
          [null, '* Đánh dấu x vào cột tương ứng'],
          [null, '(1) Ghi rõ năm được bồi dưỡng', null, null, null, '(2) Ghi năm'],
          [null, '(*) Số liệu tính đến 31/12/2024'],
          [],
          [null, 'Số liệu tính đến ngày 31/12/2024'],
        ],
      },
      ACTIVITIES,
    ]);
    expect(people(r)).toEqual(['2 Phòng Nội vụ Quận 3', '3 Phòng Nội vụ Quận 3']);
    // By hand: both CCHC staff given skills and e-learning.
    expect(fig(r, 'T03')).toEqual(['met', 2, 2, 0, 0]);
    expect(fig(r, 'T04')).toEqual(['met', 2, 2, 0, 0]);
    expect(r.json.issues.map((i) => i.kind).filter((k) => k !== 'missing_column')).toEqual([]);
  });
});

describe('the unit column headed with the abbreviation offices write', () => {
  test.each([['Đ/v'], ['Đ/V công tác']])('"%s" is the unit column: each person counts under their unit', async (header) => {
    const r = await at([
      UNITS,
      {
        name: 'Cán bộ',
        rows: [
          ['TT', 'Họ và tên', header, 'Chức vụ', 'Bồi dưỡng CCHC'],
          [1, 'Nguyễn Văn A', 'Phòng Nội vụ Quận 3', 'Trưởng phòng', 'x'],
          [2, 'Phạm Văn D', 'UBND Phường Võ Thị Sáu', 'Chủ tịch', null],
        ],
      },
      ACTIVITIES,
    ]);
    expect(people(r)).toEqual(['2 Phòng Nội vụ Quận 3', '3 UBND Phường Võ Thị Sáu']);
    expect(r.json.issues.filter((i) => i.kind === 'unknown_unit' || i.value === 'Đơn vị')).toEqual([]);
  });
});
