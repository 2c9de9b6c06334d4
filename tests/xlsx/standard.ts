/**
 * The small data set of tests/xlsx/layouts.test.ts (see its header for the hand-computed 2024
 * figures), with its column lists and row builders, for tests that lay it out in other ways.
 */
import { SheetSpec, XCell, XRow, XRun, day } from './book';

export type UnitField = 'name' | 'kind' | 'positions' | 'year';
export type StaffField =
  'name' | 'unit' | 'title' | 'leader' | 'cchc' | 'trained' | 'skills' | 'elearning' | 'planned' | 'appointed' | 'expert';
export type ActivityField = 'name' | 'kind' | 'format' | 'date' | 'participants' | 'nonLeaders';

export type Rec<F extends string> = Partial<Record<F, XCell>>;

export const UNITS: Rec<UnitField>[] = [
  { name: 'Sở Nội vụ', kind: 'Sở, ban, ngành', positions: 1 },
  { name: 'Sở Tư pháp', kind: 'Sở, ban, ngành', positions: 0 },
  { name: 'Phòng Nội vụ Quận 1', kind: 'Phòng Nội vụ', positions: 2 },
  { name: 'UBND Phường Bến Nghé', kind: 'UBND phường, xã, thị trấn', positions: 1 },
];

export const STAFF: Rec<StaffField>[] = [
  { name: 'Nguyễn Văn An', unit: 'Sở Nội vụ', title: 'Giám đốc', leader: 'x', trained: 2023 },
  { name: 'Trần Thị Bình', unit: 'Sở Nội vụ', title: 'Chuyên viên', cchc: 'x', skills: 'x', elearning: 'x', planned: 2024 },
  { name: 'Lê Văn Cường', unit: 'Sở Tư pháp', title: 'Phó Giám đốc', leader: 'x' },
  { name: 'Phạm Thị Dung', unit: 'Sở Tư pháp', title: 'Chuyên viên', cchc: 'x', skills: 'x' },
  {
    name: 'Hoàng Văn Em',
    unit: 'Phòng Nội vụ Quận 1',
    title: 'Trưởng phòng',
    leader: 'x',
    cchc: 'x',
    trained: 'x',
    skills: 'x',
    elearning: 'x',
    appointed: 2024,
  },
  { name: 'Vũ Thị Phương', unit: 'UBND Phường Bến Nghé', title: 'Công chức', cchc: 'x', elearning: 'x', expert: 2024 },
];

export const ACTIVITIES: Rec<ActivityField>[] = [
  {
    name: 'Lớp bồi dưỡng tại Singapore',
    kind: 'Lớp bồi dưỡng ở nước ngoài',
    format: 'Trực tiếp',
    date: '15/05/2024',
    participants: 30,
    nonLeaders: 20,
  },
  {
    name: 'Lớp bồi dưỡng kỹ năng CCHC',
    kind: 'Lớp bồi dưỡng trong nước',
    format: 'Trực tiếp kết hợp trực tuyến',
    date: 2024,
    participants: 50,
    nonLeaders: 40,
  },
  {
    name: 'Tập huấn nghiệp vụ CCHC',
    kind: 'Tập huấn, hướng dẫn nghiệp vụ',
    format: 'Trực tuyến',
    date: '2023-10-01',
    participants: 100,
    nonLeaders: 90,
  },
];

/** A header and the field its column holds (null: a column that is not a field). */
export type Col<F extends string> = readonly [string, F | 'stt' | null];

export const UNIT_COLS: Col<UnitField>[] = [
  ['STT', 'stt'],
  ['Tên đơn vị', 'name'],
  ['Loại đơn vị', 'kind'],
  ['Số vị trí việc làm CCHC', 'positions'],
  ['Năm bố trí vị trí CCHC', 'year'],
];
export const STAFF_COLS: Col<StaffField>[] = [
  ['STT', 'stt'],
  ['Họ và tên', 'name'],
  ['Đơn vị', 'unit'],
  ['Chức vụ', 'title'],
  ['Lãnh đạo', 'leader'],
  ['Làm công tác CCHC', 'cchc'],
  ['Bồi dưỡng CCHC', 'trained'],
  ['Được cung cấp kiến thức, kỹ năng', 'skills'],
  ['Tiếp cận tài liệu điện tử', 'elearning'],
  ['Quy hoạch lãnh đạo (năm)', 'planned'],
  ['Luân chuyển, bổ nhiệm (năm)', 'appointed'],
  ['Chuyên gia CCHC (năm)', 'expert'],
];
export const ACTIVITY_COLS: Col<ActivityField>[] = [
  ['STT', 'stt'],
  ['Tên hoạt động', 'name'],
  ['Loại hoạt động', 'kind'],
  ['Hình thức', 'format'],
  ['Thời gian', 'date'],
  ['Số người tham gia', 'participants'],
  ['Số người không giữ chức vụ lãnh đạo', 'nonLeaders'],
];

/** What officials keep in columns that are not fields, by header (for the i-th record). */
export const EXTRA: Readonly<Record<string, (i: number) => XCell>> = {
  'Mã đơn vị': (i) => `DV${100 + i}`,
  'Địa chỉ': (i) => `Số ${i + 1} Lê Lợi, Quận 1`,
  'Ngày sinh': (i) => day(1975 + i, 1, 15),
  'Giới tính': (i) => (i % 2 ? 'Nữ' : 'Nam'),
  'Trình độ chuyên môn': () => 'Đại học',
  'Ghi chú': (i) => (i === 0 ? 'Chuyển công tác tháng 3' : null),
  'Địa điểm': () => 'Hội trường Sở Nội vụ',
  'Kinh phí (triệu đồng)': (i) => 120.5 * (i + 1),
  'Số CCCD': (i) => `079080${i}00123`,
};

/** Data rows for records under the given columns (STT numbered from 1, extra columns filled). */
export function body<F extends string>(cols: readonly Col<F>[], recs: readonly Rec<F>[]): XRow[] {
  return recs.map((rec, i) =>
    cols.map(([h, f]) => (f === 'stt' ? i + 1 : f === null ? (EXTRA[h]?.(i) ?? null) : (rec[f] ?? null))),
  );
}

export function header<F extends string>(cols: readonly Col<F>[]): XRow {
  return cols.map(([h]) => h);
}

/** A list as header + data, after `above` rows (titles). */
export function list<F extends string>(cols: readonly Col<F>[], recs: readonly Rec<F>[], above: XRow[] = []): XRow[] {
  return [...above, header(cols), ...body(cols, recs)];
}

export const canonical = (): SheetSpec[] => [
  { name: 'Đơn vị', rows: list(UNIT_COLS, UNITS) },
  { name: 'Cán bộ', rows: list(STAFF_COLS, STAFF) },
  { name: 'Hoạt động', rows: list(ACTIVITY_COLS, ACTIVITIES) },
];

export type Figures = [string, number | null, number, number, number | null];
export const fig = (r: XRun, id: string): Figures => {
  const t = r.target(id);
  return [t.status, t.population, t.achieved, t.unknown, t.gap];
};

export const STANDARD_TARGETS: Record<string, Figures> = {
  T01: ['not_met', 3, 2, 0, 1],
  T02: ['not_met', 3, 2, 0, 1],
  T03: ['not_met', 4, 3, 0, 1],
  T04: ['not_met', 4, 3, 0, 1],
  T05a: ['not_met', null, 1, 0, 9],
  T05b: ['not_met', null, 1, 0, 4],
  T06: ['no_target', null, 1, 0, null],
  T07: ['met', null, 1, 0, 0],
  T08: ['met', null, 1, 0, 0],
  T09: ['not_met', null, 0, 0, 1],
  T10: ['not_met', null, 0, 0, 1],
};
export const STANDARD_UNITS: Array<[string, string, string, string[]]> = [
  ['Sở Nội vụ', 'so_nganh', 'compliant', []],
  ['Sở Tư pháp', 'so_nganh', 'non_compliant', ['T01', 'T02', 'T04']],
  ['Phòng Nội vụ Quận 1', 'phong_noi_vu', 'compliant', []],
  ['UBND Phường Bến Nghé', 'ubnd_xa', 'non_compliant', ['T03']],
];

export function targetsOf(r: XRun): Record<string, Figures> {
  return Object.fromEntries(Object.keys(STANDARD_TARGETS).map((id) => [id, fig(r, id)]));
}
export function unitsOf(r: XRun): Array<[string, string, string, string[]]> {
  return r.json.units.map((u) => [u.name, u.kind, u.status, u.failed]);
}

/** The hand-computed 2024 result of the data set, whatever the layout. */
export function expectStandard(r: XRun, issues: string[] = []): void {
  expect(targetsOf(r)).toEqual(STANDARD_TARGETS);
  expect(r.target('T05').status).toBe('not_met');
  expect(unitsOf(r)).toEqual(STANDARD_UNITS);
  expect(r.json.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`)).toEqual(issues);
}
