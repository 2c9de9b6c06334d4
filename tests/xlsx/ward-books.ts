/**
 * Two small office workbooks for the consolidation tests (command line, adapter, preview): A lists
 * the department and District 1's office; B lists the department again (an overlap with A) and
 * District 3's office, and has a person in a unit nobody lists.
 */
import { XRow } from './book';

export const UNITS_A: XRow[] = [
  [1, 'Sở Nội vụ', 'Sở, ban, ngành', 2, 2023],
  [2, 'Phòng Nội vụ Quận 1', 'Phòng Nội vụ', 1, null],
];
export const STAFF_A: XRow[] = [
  [1, 'Nguyễn Văn An', 'Sở Nội vụ', 'Giám đốc', 'x', null, 2023, null, null, null, null, null],
  [2, 'Trần Thị Bình', 'Sở Nội vụ', 'Chuyên viên', null, 'x', null, 'x', 'x', 2024, null, 2024],
  [3, 'Lê Văn Cường', 'Phòng Nội vụ Quận 1', 'Trưởng phòng', 'x', 'x', 'x', 'x', 'x', null, 2024, null],
];
export const UNITS_B: XRow[] = [
  [1, 'Sở Nội vụ', 'Sở, ban, ngành', 1, 2024],
  [2, 'Phòng Nội vụ Quận 3', 'Phòng Nội vụ', null, null],
];
export const STAFF_B: XRow[] = [
  [1, 'Phạm Thị Dung', 'Sở Nội vụ', 'Phó Giám đốc', 'x', 'x', 2024, 2024, null, null, null, null],
  [2, 'Hoàng Văn Em', 'Phòng Nội vụ Quận 3', 'Chuyên viên', null, 'x', null, null, 'x', null, null, null],
  [3, 'Võ Thị Giang', 'Sở Tư pháp', 'Chuyên viên', null, 'x', 'x', 'x', null, null, null, null],
];
