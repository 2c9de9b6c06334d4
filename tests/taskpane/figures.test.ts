/**
 * The pane's sentences about results, as tables: figures lines for rate and count targets,
 * how far a target is towards its threshold, the year range, and error sentences.
 */
import type { TargetResult } from '../../src/engine';
import { AddinError } from '../../src/excel/errors';
import { clampYear, errorText, figureLine, fieldLabel, towardsThreshold } from '../../src/taskpane/figures';
import { STRINGS } from '../../src/taskpane/strings';

const rate = (over: Partial<TargetResult>): TargetResult => ({
  id: 'T02',
  name: { vi: 'Lãnh đạo được bồi dưỡng CCHC', en: 'Leaders trained in CCHC' },
  measure: 'rate',
  status: 'not_met',
  population: 43,
  achieved: 29,
  unknown: 0,
  actual: 0.6744,
  threshold: { op: '>', value: 0.9 },
  gap: 10,
  ...over,
});

const count = (over: Partial<TargetResult>): TargetResult => ({
  ...rate({}),
  id: 'T05a',
  measure: 'count',
  population: null,
  achieved: 3,
  actual: 3,
  threshold: { op: '>=', value: 10 },
  gap: 7,
  ...over,
});

test.each([
  ['rate, strict', rate({}), 'vi', '29/43 = 67,44 % (kế hoạch > 90 %)'],
  ['rate, with unknowns', rate({ unknown: 1 }), 'vi', '29/43 = 67,44 % (kế hoạch > 90 %) (+1 chưa rõ)'],
  ['rate, all of them', rate({ threshold: { op: '=', value: 1 } }), 'vi', '29/43 = 67,44 % (kế hoạch = 100 %)'],
  ['rate, inclusive reading', rate({ threshold: { op: '>=', value: 0.8 } }), 'vi', '29/43 = 67,44 % (kế hoạch ≥ 80 %)'],
  ['count', count({}), 'vi', '3 (kế hoạch ≥ 10)'],
  ['count, English', count({ unknown: 2 }), 'en', '3 (target ≥ 10) (+2 unclear)'],
  [
    'no threshold this year',
    count({ threshold: null, status: 'no_target' }),
    'vi',
    '3 (năm 2024 không đặt chỉ tiêu, chỉ theo dõi tiến độ)',
  ],
  ['thousands', rate({ achieved: 1234, population: 1500, actual: 0.8227 }), 'vi', '1.234/1.500 = 82,27 % (kế hoạch > 90 %)'],
  ['no data', rate({ actual: null, status: 'no_data' }), 'vi', null],
] as const)('figureLine: %s', (_name, t, lang, expected) => {
  expect(figureLine(t, 2024, lang)).toBe(expected);
});

test.each([
  [rate({}), 0.6744 / 0.9],
  [rate({ actual: 0.95 }), 1],
  [rate({ threshold: { op: '=', value: 1 }, actual: 0.5 }), 0.5],
  [count({}), 0.3],
  [count({ threshold: null }), null],
  [rate({ actual: null }), null],
])('towardsThreshold %#', (t, expected) => {
  const got = towardsThreshold(t);
  if (expected === null) expect(got).toBeNull();
  else expect(got).toBeCloseTo(expected, 6);
});

test.each([
  [2022, 2023],
  [2023, 2023],
  [2024, 2024],
  [2026, 2025],
  [2024.7, 2024],
])('clampYear(%p) = %p', (y, expected) => {
  expect(clampYear(y)).toBe(expected);
});

test('errorText: the adapter says what to do; anything else gets a generic sentence', () => {
  expect(errorText(new AddinError('read_only'), 'vi')).toMatch(/^Sổ làm việc đang mở ở chế độ chỉ đọc\./);
  expect(errorText(new AddinError('read_only'), 'en')).toMatch(/^The workbook is open read-only\./);
  expect(errorText(new Error('boom'), 'vi')).toBe(STRINGS.vi.unexpected('boom.'));
  expect(errorText('plain text!', 'en')).toBe(STRINGS.en.unexpected('plain text!'));
  // An AddinError from another copy of the module (another bundle) is still recognised.
  const foreign = { name: 'AddinError', code: 'read_only', messageIn: (lang: string) => `msg ${lang}` };
  expect(errorText(foreign, 'vi')).toBe('msg vi');
});

test('fieldLabel names fields as the canonical headers do', () => {
  expect(fieldLabel('staff', 'trained', 'vi')).toBe('Bồi dưỡng CCHC');
  expect(fieldLabel('units', 'cchc_positions', 'en')).toBe('CCHC job positions');
  expect(fieldLabel('activities', 'unknown', 'vi')).toBe('unknown');
});

test('every pane string exists in both languages, Vietnamese with its diacritics', () => {
  expect(Object.keys(STRINGS.en).sort()).toEqual(Object.keys(STRINGS.vi).sort());
  expect(STRINGS.vi.evaluate).toBe('Đánh giá');
  expect(STRINGS.vi.color).toBe('Tô màu đơn vị');
  expect(STRINGS.vi.clear).toBe('Xóa màu');
  expect(STRINGS.vi.report).toBe('Tạo báo cáo');
  expect(STRINGS.vi.insertSample).toBe('Chèn dữ liệu mẫu');
  expect(STRINGS.vi.cancel).toBe('Hủy');
});
