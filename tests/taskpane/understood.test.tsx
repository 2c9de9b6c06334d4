/** @jest-environment jsdom */
/**
 * The pane shows what it understood of a layout (SPEC §2 "Layouts real offices use"): the years
 * found for a field spread over year columns, units taken from heading rows, a hidden sheet read.
 * The detection comes from the real Session over the in-memory Excel.
 */
import './setup';
import { installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import type { Detection } from '../../src/taskpane/actions';
import { activitiesSheet, grid, sheet, unitsSheet } from '../engine/grids';
import { envOf, fakeOf } from '../helpers/fake-book';
import { fakeActions, renderApp, screen, within } from './helpers';

jest.setTimeout(30_000);

let detection: Detection;

beforeAll(async () => {
  installExcelEnums();
  const staff = sheet(
    'Cán bộ',
    [
      ['STT', 'Họ và tên', 'Chức vụ', 'Làm công tác CCHC', 'Bồi dưỡng CCHC 2023', 'Bồi dưỡng CCHC 2024'],
      ['I', 'Sở Nội vụ'],
      [1, 'Nguyễn Văn An', 'Giám đốc', 'x', 'x', null],
      [2, 'Trần Thị Bình', 'Chuyên viên', 'x', null, 'x'],
    ],
    { hidden: true },
  );
  const book = grid(
    unitsSheet([{ name: 'Sở Nội vụ', positions: 1 }]),
    staff,
    activitiesSheet([{ kind: 'Tập huấn', date: 2024 }]),
  );
  const session = new Session(envOf(fakeOf(book)), { lang: 'vi' });
  detection = await session.detect();
}, 60_000);

test('the session says how the staff list was read; the units list has nothing to add', () => {
  const staff = detection.lists.find((l) => l.kind === 'staff');
  expect(staff?.understood).toEqual({
    yearFields: [{ field: 'trained', years: [2023, 2024] }],
    headingUnits: true,
    hiddenSheet: true,
  });
  expect(staff?.rows).toBe(2);
  expect(detection.lists.find((l) => l.kind === 'units')?.understood).toEqual({
    yearFields: [],
    headingUnits: false,
    hiddenSheet: false,
  });
});

test.each([
  [
    'vi' as const,
    'Danh sách cán bộ, công chức, viên chức',
    [
      '"Bồi dưỡng CCHC" ghi theo cột năm: 2023, 2024',
      'Đơn vị lấy từ các dòng tiêu đề đơn vị (không có cột Đơn vị)',
      'Trang tính đang ẩn; đã đọc và tính',
    ],
  ],
  [
    'en' as const,
    'Staff list',
    [
      '"Trained in CCHC" is written in one column per year: 2023, 2024',
      'Units taken from unit heading rows (no Unit column)',
      'The sheet is hidden; it was read and counted',
    ],
  ],
])('the staff card shows it (%s)', async (lang, title, lines) => {
  renderApp(fakeActions({ detection, evaluation: null as never, sheets: [] }), lang);
  // A card is named by its title and its sheet (three staff sheets, three names).
  const card = await screen.findByRole('region', { name: new RegExp(`^${title} `) });
  for (const line of lines) expect(within(card).getByText(line)).toBeTruthy();
});
