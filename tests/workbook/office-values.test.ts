/**
 * SPEC §2 "Layouts real offices use", value by value: the date forms officials write, activity
 * kinds and formats, levels in a "Cấp"/"Khối" column, abbreviated place names, totals.
 */
import { foldName } from '../../src/text/fold';
import { detectLists } from '../../src/workbook/detect';
import { ListReader, ROW_CLASSES, isTotalText } from '../../src/workbook/list-reader';
import { STAFF_HEADERS, sheet } from '../engine/grids';
import { UnitIndex } from '../../src/workbook/unit-index';
import {
  inferUnitKind,
  readActivityKind,
  readFormat,
  readMarker,
  readRequiredDate,
  readUnitKindOf,
} from '../../src/workbook/values';
import { splitYearHeader } from '../../src/workbook/year-columns';

describe('date forms', () => {
  test.each<[string, number]>([
    ['15-17/3/2024', 2024],
    ['15/3 - 17/3/2024', 2024],
    ['15/3/2024 - 17/3/2024', 2024],
    ['từ 15/3/2024 đến 17/3/2024', 2024],
    ['Từ ngày 30/12/2023 đến ngày 02/01/2024', 2024],
    ['3/2024', 2024],
    ['T3/2024', 2024],
    ['T03/2024', 2024],
    ['tháng 3 năm 2024', 2024],
    ['Quý I/2024', 2024],
    ['Quý IV/2023', 2023],
    ['2024/03/15', 2024],
    ['28-30/12/2023', 2023],
  ])('%s is a date in %i', (text, year) => {
    expect(readRequiredDate(text)).toMatchObject({ kind: 'yes', year });
  });

  test.each(['15/3/24', '15-17/3/24', '3/24', '31-32/3/2024', '15/13 - 17/3/2024', 'từ 15/3/2025 đến 17/3/2024', '1-2'])(
    '%s is unknown (two-digit years are ambiguous; impossible ranges are not dates)',
    (text) => {
      expect(readRequiredDate(text).kind).toBe('unknown');
      expect(readMarker(text).kind).toBe('unknown');
    },
  );
});

describe('activity kinds and formats', () => {
  test.each<[string, string | null]>([
    ['Tập huấn nghiệp vụ trong nước', 'training'],
    ['Tập huấn, hướng dẫn nghiệp vụ', 'training'],
    ['Lớp bồi dưỡng trong nước', 'domestic_class'],
    ['Lớp bồi dưỡng ở nước ngoài', 'abroad_class'],
    ['Lớp bồi dưỡng tại Nhật Bản', 'abroad_class'],
    ['Lớp bồi dưỡng tại Singapore', 'abroad_class'],
    ['Lớp bồi dưỡng tại Thủ Đức', null],
    ['Đoàn công tác tại Hàn Quốc', 'study_tour'],
    ['Lớp bồi dưỡng', null],
  ])('%s → %s', (text, kind) => {
    expect(readActivityKind(text)).toBe(kind);
  });

  test.each<[string, string | null]>([
    ['Trực tiếp kết hợp trực tuyến', 'blended'],
    ['Kết hợp', 'blended'],
    ['Không kết hợp', null],
    ['Trực tiếp, không kết hợp trực tuyến', 'in_person'],
    ['Trực tuyến (không kết hợp)', 'online'],
  ])('format %s → %s', (text, format) => {
    expect(readFormat(text)).toBe(format);
  });
});

describe('levels in a "Cấp"/"Khối" column: the name decides', () => {
  test.each<[string, string, string | null, string | null]>([
    ['Cấp huyện', 'Phòng Nội vụ Quận 1', 'phong_noi_vu', null],
    ['Khối quận, huyện', 'UBND Quận 1', 'ubnd_huyen', null],
    ['Cấp huyện', 'Trung tâm Văn hóa Quận 1', null, 'kind_ambiguous'],
    ['Cấp xã', 'Trạm Y tế', 'ubnd_xa', null],
    ['Cấp thành phố', 'Sở Nội vụ', 'so_nganh', null],
    ['Phòng Nội vụ', 'UBND Quận 1', 'phong_noi_vu', null],
    ['???', 'Sở Nội vụ', null, 'kind_not_recognised'],
  ])('%s + %s → %s', (text, name, kind, reason) => {
    expect(readUnitKindOf(text, name)).toEqual({ kind, reason });
  });
});

describe('abbreviated place names', () => {
  test('P., Q., H., TT., TX., TP., UBND and leading zeros fold to the full names', () => {
    expect(foldName('UBND P.14, Q.Gò Vấp')).toBe(foldName('Ủy ban nhân dân Phường 14, quận Gò Vấp'));
    expect(foldName('UBND Phường 01, Q3')).toBe(foldName('Ủy ban nhân dân Phường 1, Quận 3'));
    expect(foldName('UBND TT. Cần Thạnh, H. Cần Giờ')).toBe(foldName('Ủy ban nhân dân Thị trấn Cần Thạnh, Huyện Cần Giờ'));
    expect(foldName('UBND TP. Thủ Đức')).toBe(foldName('Ủy ban nhân dân Thành phố Thủ Đức'));
    expect(inferUnitKind('UBND P.14, Q.Gò Vấp')).toBe('ubnd_xa');
    expect(inferUnitKind('UBND Q.1')).toBe('ubnd_huyen');
  });

  test('a name that could be two units matches neither; a unique start matches', () => {
    const index = new UnitIndex();
    const names = ['UBND Phường 14, Quận Gò Vấp', 'UBND Phường 14, Quận 10', 'Sở Nội vụ'];
    names.forEach((n, i) => index.add(foldName(n), i, n));
    expect(index.match('UBND P.14, Q.Gò Vấp')).toEqual({ index: 0 });
    expect(index.match('Phường 14')).toEqual({ index: -1, ambiguous: names.slice(0, 2) });
    expect(index.match('Sở Nội vụ TP.HCM')).toEqual({ index: 2 });
    expect(index.match('Sở Y tế')).toEqual({ index: -1, ambiguous: [] });
  });
});

describe('totals and breakdowns', () => {
  test.each(['Cộng', 'Cộng khối A', 'Tổng số (A+B)', 'Cộng năm 2023', 'Trong đó: nữ', 'Trong đó', 'TỔNG CỘNG', 'Tong cong'])(
    '%s is a total',
    (t) => expect(isTotalText(t)).toBe(true),
  );
  test.each(['Cộng đồng dân cư', 'Tổng công ty Cấp nước Sài Gòn', 'Công chức', 'Tổng đội Thanh niên xung phong'])(
    '%s is not',
    (t) => expect(isTotalText(t)).toBe(false),
  );
});

describe('year headers', () => {
  test('"Bồi dưỡng CCHC 2023" and "… năm 2023" split; a period does not', () => {
    expect(splitYearHeader('boi duong cchc 2023')).toEqual({ rest: 'boi duong cchc', year: 2023 });
    expect(splitYearHeader('boi duong cchc nam 2024')).toEqual({ rest: 'boi duong cchc', year: 2024 });
    expect(splitYearHeader('quy hoach giai doan 2021 2026')).toBeNull();
    expect(splitYearHeader('2023')).toBeNull();
  });
});

describe('end of a list', () => {
  test('after a note: signature lines are notes; numbered rows, markers and three cells are data', () => {
    const person = (i: number | null, name: string, ...marks: Array<string | null>) => [
      i,
      name,
      'Sở Nội vụ',
      'Chuyên viên',
      ...marks,
    ];
    const s = sheet('Cán bộ', [
      STAFF_HEADERS,
      person(1, 'A', null, 'x'),
      [null, 'Ghi chú: số liệu đến 30/6'],
      person(2, 'B', null, 'x'),
      [null, 'Người lập biểu', null, null, null, null, null, 'KT. GIÁM ĐỐC'],
      [null, '(Ký, ghi rõ họ tên)', null, null, null, null, null, 'PHÓ GIÁM ĐỐC'],
      [null, 'Nguyễn Văn Tám', null, null, null, null, null, 'Trần Văn Chín'],
      [null, 'Lê Văn Mười', null, null, null, null, 'x'],
      [null, 'Chủ tịch UBND phường', 'Sở Nội vụ', 'Chủ tịch'],
      [null, 'Ghi chú: người mới'],
      [null, 'Đinh Văn Mười Một', 'Sở Tư pháp'],
      [null, 'Đoàn Văn Hậu', null, null, null, null, null, 'Trần Văn Ban'],
    ]);
    const layout = detectLists({ sheets: [s] }).staff[0];
    const classes = Array.from(new ListReader(s, layout).rowClasses()).map((c) => ROW_CLASSES[c]);
    expect(classes).toEqual(['data', 'note', 'data', 'note', 'note', 'note', 'data', 'data', 'note', 'data', 'note']);
  });
});
