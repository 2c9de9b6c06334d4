/**
 * SPEC §2 "Reading values", table by table: markers, years, dates, numbers typed as text, text
 * folding, unit kinds, activity kinds and formats, leader titles. Each row is one case.
 */
import { foldKey, foldName } from '../../src/text/fold';
import { parseNumberText } from '../../src/text/numbers';
import { CellValue, parseRange } from '../../src/workbook/grid';
import {
  Mark,
  inferUnitKind,
  isLeaderTitle,
  readActivityKind,
  readCount,
  readFormat,
  readMarker,
  readUnitKind,
  readYear,
} from '../../src/workbook/values';
import { grid, run, sheet, staffSheet, unitsSheet } from './grids';

/** A mark as a short label: "yes", "yes@2024", "no", "unknown_value", "bad_year", "count:3". */
function label(m: Mark): string {
  if (m.kind === 'no') return 'no';
  if (m.kind === 'unknown') return m.issue;
  if (m.count !== null) return `count:${m.count}`;
  return m.year === null ? 'yes' : `yes@${m.year}`;
}

const NFD = (s: string): string => s.normalize('NFD');

describe('markers meaning yes (SPEC §2: x, X, ✓, ✔, v, có, đã, rồi, yes, y, TRUE, 1)', () => {
  test.each<[string, CellValue]>([
    ['x', 'x'],
    ['X', 'X'],
    ['✓', '✓'],
    ['✔', '✔'],
    ['v', 'v'],
    ['V', 'V'],
    ['có', 'có'],
    ['Có', 'Có'],
    ['CÓ', 'CÓ'],
    ['có (NFD)', NFD('có')],
    ['có with spaces', '  có '],
    ['đã', 'đã'],
    ['Đã', 'Đã'],
    ['rồi', 'rồi'],
    ['Rồi (NFD)', NFD('Rồi')],
    ['yes', 'yes'],
    ['Yes', 'Yes'],
    ['y', 'y'],
    ['Y', 'Y'],
    ['TRUE (text)', 'TRUE'],
    ['true (text)', 'true'],
    ['TRUE (boolean)', true],
    ['1 (number)', 1],
    ['1 (text)', '1'],
  ])('%s → yes', (_name, v) => {
    expect(label(readMarker(v))).toBe('yes');
  });
});

describe('markers meaning no (SPEC §2: blank, không, chưa, no, n, FALSE, 0, "-")', () => {
  test.each<[string, CellValue]>([
    ['blank (null)', null],
    ['empty text', ''],
    ['spaces', '   '],
    ['không', 'không'],
    ['Không', 'Không'],
    ['KHÔNG (NFD)', NFD('KHÔNG')],
    ['chưa', 'chưa'],
    ['Chưa', 'Chưa'],
    ['no', 'no'],
    ['No', 'No'],
    ['n', 'n'],
    ['N', 'N'],
    ['FALSE (text)', 'FALSE'],
    ['FALSE (boolean)', false],
    ['0 (number)', 0],
    ['0 (text)', '0'],
    ['-', '-'],
  ])('%s → no', (_name, v) => {
    expect(label(readMarker(v))).toBe('no');
  });
});

describe('anything else is unknown: never silently yes or no (SPEC §2)', () => {
  test.each<[string, CellValue]>([
    ['?', '?'],
    ['??', '??'],
    ['chờ xác nhận', 'chờ xác nhận'],
    ['đang học', 'đang học'],
    ['không rõ', 'không rõ'],
    ['chưa rõ', 'chưa rõ'],
    ['xx', 'xx'],
    ['abc', 'abc'],
    ['2 (not a marker, not a year)', 2],
    ['0.5', 0.5],
    ['-1', -1],
    ['#N/A', { error: '#N/A' }],
    ['#VALUE!', { error: '#VALUE!' }],
    ['#REF!', { error: '#REF!' }],
  ])('%s → unknown_value', (_name, v) => {
    expect(label(readMarker(v))).toBe('unknown_value');
  });

  // SPEC §2 "Anything else is an unknown value: never silently yes or no": an official's doubtful
  // "x?" or "có?" is not a plain yes, nor "không?" a plain no.
  test.each<[string, CellValue]>([
    ['x?', 'x?'],
    ['có?', 'có?'],
    ['(x)', '(x)'],
    ['không?', 'không?'],
  ])('%s → unknown_value, not yes/no', (_name, v) => {
    expect(label(readMarker(v))).toBe('unknown_value');
  });
});

describe('years 1990–2100 mean yes as of that year; others are bad_year (SPEC §2, §4)', () => {
  test.each<[CellValue, string]>([
    [1990, 'yes@1990'],
    [2022, 'yes@2022'],
    [2025, 'yes@2025'],
    [2100, 'yes@2100'],
    ['2024', 'yes@2024'],
    [' 2023 ', 'yes@2023'],
    [1989, 'bad_year'],
    [2101, 'bad_year'],
    [1900, 'bad_year'],
    [3000, 'bad_year'],
    [9999, 'bad_year'],
    ['1989', 'bad_year'],
    ['2101', 'bad_year'],
    ['năm 1989', 'bad_year'],
    ['năm 2101', 'bad_year'],
  ])('%j → %s', (v, want) => {
    expect(label(readMarker(v))).toBe(want);
    expect(label(readYear(v))).toBe(want);
  });
});

describe('Excel date serials (1900 system) mean yes as of their year', () => {
  test.each<[number, string]>([
    [32874, 'yes@1990'], // 1990-01-01
    [44562, 'yes@2022'], // 2022-01-01
    [44926, 'yes@2022'], // 2022-12-31
    [44927, 'yes@2023'], // 2023-01-01
    [45291.75, 'yes@2023'], // 2023-12-31 18:00
    [45292, 'yes@2024'], // 2024-01-01
    [45658, 'yes@2025'], // 2025-01-01
    [73415, 'yes@2100'], // 2100-12-31
    [73415.5, 'yes@2100'],
    [32873, 'bad_year'], // 1989-12-31
    [10000, 'bad_year'], // 1927
  ])('%d → %s', (v, want) => {
    expect(label(readMarker(v))).toBe(want);
  });

  // Was a bug (SPEC §2 "A year (1990–2100) … means yes"): serial 73416 is 2101-01-01; the engine accepts
  // serials up to MAX_SERIAL + 1 and reads it as "yes in 2101" instead of a bad_year issue.
  test('73416 (2101-01-01) → bad_year', () => {
    expect(label(readMarker(73416))).toBe('bad_year');
  });
});

describe('text dates (SPEC §2: dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd, "tháng 3/2024", "năm 2024")', () => {
  test.each<[string, string]>([
    ['15/03/2024', 'yes@2024'],
    ['01/01/2023', 'yes@2023'],
    ['31/12/2022', 'yes@2022'],
    ['5/3/2024', 'yes@2024'],
    ['29/02/2024', 'yes@2024'], // a leap day
    ['2024-03-15', 'yes@2024'],
    ['2023-12-31', 'yes@2023'],
    ['tháng 3/2024', 'yes@2024'],
    ['Tháng 12/2023', 'yes@2023'],
    ['THÁNG 3/2024', 'yes@2024'],
    [NFD('tháng 3/2024'), 'yes@2024'],
    ['năm 2024', 'yes@2024'],
    ['Năm 2023', 'yes@2023'],
    [NFD('năm 2025'), 'yes@2025'],
    ['15/03/1989', 'bad_year'],
    ['tháng 3/2101', 'bad_year'],
  ])('%s → %s', (v, want) => {
    expect(label(readMarker(v))).toBe(want);
    expect(label(readYear(v))).toBe(want);
  });

  test.each<string>([
    '31/02/2024',
    '29/02/2023',
    '32/01/2024',
    '00/01/2024',
    '15/13/2024',
    '15/00/2024',
    '31/04/2024',
    '2024-02-30',
    '2024-13-01',
    '2024-00-10',
    'tháng 13/2024',
    'tháng 0/2024',
  ])('invalid date %s → unknown_value', (v) => {
    expect(label(readMarker(v))).toBe('unknown_value');
  });
});

describe('year fields (planned, appointed, expert): a bare marker says yes but not when', () => {
  test.each<[CellValue, string]>([
    ['x', 'unknown_value'],
    [true, 'unknown_value'],
    [null, 'no'],
    ['không', 'no'],
    [2024, 'yes@2024'],
    [45292, 'yes@2024'],
    ['15/03/2024', 'yes@2024'],
    ['?', 'unknown_value'],
  ])('%j → %s', (v, want) => {
    expect(label(readYear(v))).toBe(want);
  });
});

describe('counts (cchc_positions): any number ≥ 1 is yes, 0 is no, markers too', () => {
  test.each<[CellValue, string]>([
    [1, 'count:1'],
    [3, 'count:3'],
    ['2', 'count:2'],
    ['1.234', 'count:1234'],
    ['x', 'yes'],
    ['có', 'yes'],
    [true, 'yes'],
    [0, 'no'],
    ['0', 'no'],
    [null, 'no'],
    ['không', 'no'],
    ['-', 'no'],
    ['2,5', 'unknown_value'],
    [-1, 'unknown_value'],
    ['?', 'unknown_value'],
    ['hai', 'unknown_value'],
    [{ error: '#N/A' }, 'unknown_value'],
  ])('%j → %s', (v, want) => {
    expect(label(readCount(v))).toBe(want);
  });
});

describe('numbers typed as text in the Vietnamese style (SPEC §2)', () => {
  test.each<[string, number | null]>([
    ['1.234', 1234],
    ['1.234.567', 1234567],
    ['12.000', 12000],
    ['1.234,5', 1234.5],
    ['12,5', 12.5],
    ['86,97 %', 0.8697],
    ['86,97%', 0.8697],
    ['100 %', 1],
    ['3.5', 3.5],
    ['1,234,567', 1234567],
    ['-5', -5],
    [' 42 ', 42],
    ['', null],
    ['abc', null],
    ['1.2.3', null],
    ['12,34,5', null],
    ['%', null],
  ])('%j → %s', (text, want) => {
    const got = parseNumberText(text);
    if (want === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(want, 10);
  });
});

describe('text folding (SPEC §2: NFC, trim, spaces, case, tone placement, UBND, TP)', () => {
  test.each<[string, string]>([
    ['Sở Nội vụ', NFD('Sở Nội vụ')],
    ['Sở Nội vụ', 'SỞ NỘI VỤ'],
    ['Sở Nội vụ', '  sở   nội  vụ '],
    ['Sở Nội vụ', 'Sở\u00a0Nội vụ'],
    ['UBND Quận 1', 'Ủy ban nhân dân Quận 1'],
    ['UBND Quận 1', 'Uỷ ban nhân dân quận 1'],
    ['Văn phòng UBND TP', 'Văn phòng Ủy ban nhân dân Thành phố'],
    ['Văn phòng UBND TP.', 'Văn phòng Ủy ban nhân dân Thành phố'],
    ['Thanh tra TP', 'Thanh tra Thành phố'],
    ['Phòng Nội vụ TP. Thủ Đức', 'Phòng Nội vụ Thành phố Thủ Đức'],
    ['Ủy ban', 'Uỷ ban'],
    ['Sở Văn hóa và Thể thao', 'Sở Văn hoá và Thể thao'],
    ['Phường Hòa Thạnh', 'Phường Hoà Thạnh'],
    ['Phường Thủy Tiên', 'Phường Thuỷ Tiên'],
    ['Trung tâm Sức khỏe', 'Trung tâm Sức khoẻ'],
    ['Xã Hòa Phú', NFD('Xã Hoà Phú')],
  ])('foldName(%j) = foldName(%j)', (a, b) => {
    expect(foldName(a)).toBe(foldName(b));
  });

  test.each<[string, string]>([
    ['Sở Nội vụ', 'Sở Tư pháp'],
    ['Quận 1', 'Quận 10'],
    ['UBND Phường 1', 'UBND Phường 11'],
  ])('foldName(%j) ≠ foldName(%j)', (a, b) => {
    expect(foldName(a)).not.toBe(foldName(b));
  });

  test.each<[string, string]>([
    ['HO VA TEN', 'Họ và tên'],
    ['Ho va ten', 'HỌ VÀ TÊN'],
    ['DON VI', 'Đơn vị'],
    ['Số vị trí việc làm CCHC', 'SO VI TRI VIEC LAM CCHC'],
    ['Luân chuyển, bổ nhiệm (năm)', 'LUAN CHUYEN BO NHIEM NAM'],
  ])('foldKey(%j) = foldKey(%j)', (a, b) => {
    expect(foldKey(a)).toBe(foldKey(b));
  });
});

describe('unit names in the staff list written differently still match the unit row', () => {
  const units = [
    { name: 'Ủy ban nhân dân Quận 1', positions: 1 },
    { name: 'Văn phòng Ủy ban nhân dân Thành phố', positions: 1 },
    { name: 'Sở Văn hóa và Thể thao', positions: 1 },
    { name: 'Phường Hòa Thạnh', positions: 1 },
    { name: 'Ủy ban nhân dân Phường Thủy Tiên', positions: 1 },
    { name: 'Trung tâm Sức khỏe', positions: 1 },
  ];
  const written: Array<[number, string]> = [
    [0, 'UBND Quận 1'],
    [0, 'Uỷ ban nhân dân quận 1'],
    [0, NFD('Ủy ban nhân dân Quận 1')],
    [0, '  ủy ban  nhân dân QUẬN 1 '],
    [1, 'Văn phòng UBND TP'],
    [1, 'Văn phòng UBND TP.'],
    [1, 'VĂN PHÒNG ỦY BAN NHÂN DÂN THÀNH PHỐ'],
    [2, 'Sở Văn hoá và Thể thao'],
    [2, NFD('Sở Văn hoá và Thể thao')],
    [3, 'Phường Hoà Thạnh'],
    [4, 'UBND Phường Thuỷ Tiên'],
    [5, 'Trung tâm Sức khoẻ'],
  ];

  test('every spelling is matched: no unknown_unit, each unit gets its own people', () => {
    // units 0…5 are written 4, 3, 2, 1, 1, 1 times below
    const people = written.map(([, unit]) => ({ unit, leader: 'x', trained: 'x', skills: 'x', elearning: 'x' }));
    const r = run(grid(unitsSheet(units), staffSheet(people)), 2024);
    expect(r.json.issues.filter((i) => i.kind === 'unknown_unit')).toEqual([]);
    const perUnit = r.evaluation.units.map((u) => u.targets.find((t) => t.id === 'T02')?.population ?? 0);
    expect(perUnit).toEqual([4, 3, 2, 1, 1, 1]);
  });
});

describe('unit kinds by keywords (SPEC §2)', () => {
  test.each<[string, string | null]>([
    ['So, ban, nganh', 'so_nganh'],
    ['Sở, ban, ngành', 'so_nganh'],
    ['SỞ, BAN, NGÀNH', 'so_nganh'],
    ['Cơ quan chuyên môn', 'so_nganh'],
    ['cơ quan chuyên môn thuộc UBND TP', 'so_nganh'],
    ['Phòng Nội vụ', 'phong_noi_vu'],
    ['PHONG NOI VU', 'phong_noi_vu'],
    ['UBND quận, huyện, TP Thủ Đức', 'ubnd_huyen'],
    ['UBND quận/huyện', 'ubnd_huyen'],
    ['UBND phường, xã, thị trấn', 'ubnd_xa'],
    ['Ủy ban nhân dân phường/xã/thị trấn', 'ubnd_xa'],
    ['Khác', 'khac'],
    ['abc', null],
    ['', null],
  ])('readUnitKind(%j) → %s', (text, want) => {
    expect(readUnitKind(text)).toBe(want);
  });

  test.each<[string, string]>([
    ['Sở Nội vụ', 'so_nganh'],
    ['SỞ TƯ PHÁP', 'so_nganh'],
    ['Ban Quản lý các Khu chế xuất và công nghiệp', 'so_nganh'],
    ['Văn phòng Ủy ban nhân dân Thành phố', 'so_nganh'],
    ['Văn phòng UBND TP', 'so_nganh'],
    ['Thanh tra Thành phố', 'so_nganh'],
    ['Thanh tra TP.', 'so_nganh'],
    ['Phòng Nội vụ Quận 1', 'phong_noi_vu'],
    ['Phòng Nội vụ thành phố Thủ Đức', 'phong_noi_vu'],
    ['UBND Quận 1', 'ubnd_huyen'],
    ['Ủy ban nhân dân Huyện Củ Chi', 'ubnd_huyen'],
    ['UBND Thành phố Thủ Đức', 'ubnd_huyen'],
    ['UBND TP Thủ Đức', 'ubnd_huyen'],
    ['UBND Phường Bến Nghé', 'ubnd_xa'],
    ['Ủy ban nhân dân Xã An Phú Tây', 'ubnd_xa'],
    ['UBND Thị trấn Củ Chi', 'ubnd_xa'],
    ['Trung tâm Phục vụ hành chính công', 'khac'],
    ['Ủy ban nhân dân Thành phố', 'khac'],
  ])('inferUnitKind(%j) → %s', (name, want) => {
    expect(inferUnitKind(name)).toBe(want);
  });
});

describe('activity kinds and formats by keywords (SPEC §2)', () => {
  test.each<[string, string | null]>([
    ['LỚP BỒI DƯỠNG Ở NƯỚC NGOÀI', 'abroad_class'],
    ['Lớp bồi dưỡng ở nước ngoài', 'abroad_class'],
    ['Bồi dưỡng ở nước ngoài', 'abroad_class'],
    ['lop boi duong o nuoc ngoai', 'abroad_class'],
    ['Lớp bồi dưỡng trong nước', 'domestic_class'],
    ['Lop boi duong trong nuoc', 'domestic_class'],
    ['Tập huấn, hướng dẫn nghiệp vụ', 'training'],
    ['TẬP HUẤN', 'training'],
    ['Hướng dẫn nghiệp vụ CCHC', 'training'],
    ['Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm', 'study_tour'],
    ['Đoàn công tác', 'study_tour'],
    ['Nghiên cứu, trao đổi kinh nghiệm', 'study_tour'],
    ['Hội thảo khoa học', null],
    ['', null],
  ])('readActivityKind(%j) → %s', (text, want) => {
    expect(readActivityKind(text)).toBe(want);
  });

  test.each<[string, string | null]>([
    ['Trực tiếp', 'in_person'],
    ['TRỰC TIẾP', 'in_person'],
    ['truc tiep', 'in_person'],
    ['Trực tuyến', 'online'],
    ['TRUC TUYEN', 'online'],
    ['Trực tiếp kết hợp trực tuyến', 'blended'],
    ['Kết hợp', 'blended'],
    ['KẾT HỢP', 'blended'],
    ['ket hop', 'blended'],
    ['Trực tiếp và trực tuyến', 'blended'],
    ['Qua thư', null],
    ['', null],
  ])('readFormat(%j) → %s', (text, want) => {
    expect(readFormat(text)).toBe(want);
  });
});

describe('leader titles when there is no "Lãnh đạo" column (SPEC §2)', () => {
  test.each<[string, boolean]>([
    ['Giám đốc', true],
    ['Phó Giám đốc', true],
    ['Chủ tịch', true],
    ['Phó Chủ tịch', true],
    ['Trưởng phòng', true],
    ['Phó Trưởng phòng', true],
    ['Chánh Văn phòng', true],
    ['Phó Chánh Văn phòng', true],
    ['Chánh Thanh tra', true],
    ['Phó Chánh Thanh tra', true],
    ['Trưởng ban', true],
    ['Phó Trưởng ban', true],
    ['PHÓ GIÁM ĐỐC', true],
    ['pho truong phong', true],
    ['Chuyên viên', false],
    ['Chuyên viên chính', false],
    ['Cán sự', false],
    ['Nhân viên', false],
    ['Công chức Văn phòng - Thống kê', false],
    ['', false],
  ])('%j → %s', (title, want) => {
    expect(isLeaderTitle(title)).toBe(want);
  });
});

describe('unreadable values are reported with their cell (SPEC §2, §4)', () => {
  test('unknown marker, bad year, invalid date, error cell, unknown kind', () => {
    const r = run(
      grid(
        sheet('Đơn vị', [
          ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC'],
          [1, 'Sở Nội vụ', 'Sở, ban, ngành', 1],
          [2, 'Sở Tư pháp', 'Doanh nghiệp', 1],
        ]),
        staffSheet([
          { unit: 'Sở Nội vụ', leader: 'x', trained: '??' },
          { unit: 'Sở Nội vụ', leader: 'x', trained: 1989 },
          { unit: 'Sở Nội vụ', leader: 'x', trained: '31/02/2024' },
          { unit: 'Sở Nội vụ', leader: 'x', trained: { error: '#N/A' } },
        ]),
      ),
      2024,
    );
    const got = r.json.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell} ${i.value}`);
    expect(got).toEqual(
      expect.arrayContaining([
        'unknown_kind Đơn vị!C3 Doanh nghiệp',
        'unknown_value Cán bộ!G2 ??',
        'bad_year Cán bộ!G3 1989',
        'unknown_value Cán bộ!G4 31/02/2024',
        'unknown_value Cán bộ!G5 #N/A',
      ]),
    );
    expect(r.target('T02')).toMatchObject({ population: 4, achieved: 0, unknown: 4 });
  });
});

describe('A1 ranges (merged cells, table refs, chart sources)', () => {
  test.each([
    ['A1:C3', { top: 0, left: 0, bottom: 2, right: 2 }],
    ['C3:A1', { top: 0, left: 0, bottom: 2, right: 2 }],
    ['B7', { top: 6, left: 1, bottom: 6, right: 1 }],
    ['$B$2:$AA$10', { top: 1, left: 1, bottom: 9, right: 26 }],
    ["'DS đơn vị'!A7:E141", { top: 6, left: 0, bottom: 140, right: 4 }],
  ])('%s', (ref, range) => expect(parseRange(ref)).toEqual(range));
  test.each(['', 'A', '1:3', 'A:C', 'A1:', 'ZZZZ1'])('"%s" is not an A1 range', (ref) => expect(parseRange(ref)).toBeNull());
});
