/**
 * A column chosen by hand on a sheet holding several lists (SPEC §2 "Several lists on one sheet"):
 * it replaces only the list it is about, keeps that list's rows, and the other lists stay.
 */
import { readDataset } from '../../src/engine';
import { applyManual, detectLists } from '../../src/workbook/detect';
import { UNIT_HEADERS, grid, sheet, unitRows } from '../engine/grids';

test('a manual staff layout under a stacked units list leaves the units list alone', () => {
  const s = sheet('Dữ liệu', [
    UNIT_HEADERS,
    ...unitRows([
      { name: 'Sở Nội vụ', positions: 1 },
      { name: 'Sở Tư pháp', positions: 0 },
    ]),
    [],
    ['STT', 'Họ và tên', 'Đơn vị', 'Lãnh đạo', 'Bồi dưỡng CCHC', 'Ghi chú'],
    [1, 'A', 'Sở Nội vụ', 'x', null, 2023],
    [2, 'B', 'Sở Tư pháp', 'x', null, null],
  ]);
  const g = grid(s);
  const found = detectLists(g);
  expect([found.units.length, found.staff.length]).toEqual([1, 1]);
  expect(found.units[0].dataBottom).toBe(3);
  // The user says "Bồi dưỡng CCHC" is in the "Ghi chú" column (F).
  const staff = found.staff[0];
  const manual = {
    kind: 'staff' as const,
    sheet: 'Dữ liệu',
    headerTop: 4,
    headerBottom: 4,
    columns: { ...staff.columns, trained: 5 },
  };
  const lists = applyManual(g, found, [manual]);
  expect(lists.units).toEqual(found.units);
  expect(lists.staff).toHaveLength(1);
  expect(lists.staff[0]).toMatchObject({ headerTop: 4, left: staff.left, right: staff.right, dataBottom: staff.dataBottom });
  expect(lists.staff[0].columns.trained).toBe(5);
  const d = readDataset(g, lists);
  expect(d.units.map((u) => u.name)).toEqual(['Sở Nội vụ', 'Sở Tư pháp']);
  expect(Array.from(d.staff.marks.trained)).toEqual([2023, 0]);
});
