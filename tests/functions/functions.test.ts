/**
 * CCHC.* custom functions, called as Excel calls them: matrices for range parameters, null for
 * omitted optional arguments (web) or 0 / "" for empty cells (desktop), errors thrown as
 * CustomFunctions.Error with a message.
 */
import path from 'node:path';
import { installCustomFunctions, setDisplayLanguage, StandInError } from '../helpers/custom-functions';
import { count, evaluate, gap, rate, targetStatus, targets, threshold, units } from '../../src/functions/functions';
import { readWorkbookFile } from '../../src/xlsx/read';
import { readDataset, evaluate as evaluateDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { CellValue, SheetGrid } from '../../src/workbook/grid';

installCustomFunctions();

/** The Excel error a call gives: its code and message. */
function errorOf(call: () => unknown): { code: string; message?: string } {
  try {
    call();
  } catch (e) {
    if (e instanceof StandInError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected an Excel error');
}

/** Excel date serial of a date. */
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86400000 + 25569;
const column = (...values: unknown[]) => values.map((v) => [v]);
const ones = (n: number, v: unknown = 'x') => Array.from({ length: n }, () => [v]);

beforeEach(() => setDisplayLanguage('vi-VN'));
afterAll(() => setDisplayLanguage(undefined));

describe('CCHC.THRESHOLD', () => {
  test.each([
    ['T01', 2023, null, 0.8],
    ['T01', 2024, null, 0.9],
    ['T01', 2025, null, 1],
    ['t02', 2024, true, 0.9],
    ['T03', 2024, null, 0.8],
    ['T05a', 2023, null, 10],
    ['T05B', 2025, null, 5],
    ['T06', 2025, null, 50],
    ['T07', 2024, null, 1],
  ])('%s %i (inclusive %s) → %s', (t, y, inc, want) => {
    expect(threshold(t, y, inc ?? undefined)).toBe(want);
  });

  test('no threshold that year is #N/A with a message', () => {
    expect(errorOf(() => threshold('T06', 2024))).toEqual({ code: '#N/A', message: 'T06 không đặt chỉ tiêu cho năm 2024' });
    expect(errorOf(() => threshold('T01', 2022)).code).toBe('#N/A');
    expect(errorOf(() => threshold('T03', 2023)).code).toBe('#N/A');
  });

  test('an unknown target, the combined T05 and a year outside the plan are #VALUE!', () => {
    expect(errorOf(() => threshold('T11', 2024))).toEqual({
      code: '#VALUE!',
      message: 'Mã chỉ tiêu không hợp lệ: T11 (T01…T10)',
    });
    expect(errorOf(() => threshold('T05', 2024)).message).toBe('T05 gồm T05a và T05b; hãy dùng từng chỉ tiêu T05a, T05b');
    expect(errorOf(() => threshold('T01', 2030))).toEqual({ code: '#VALUE!', message: 'Năm không hợp lệ: 2030 (2022–2025)' });
    expect(errorOf(() => threshold('', 2024)).message).toMatch(/trống/);
  });

  test('messages follow Office’s display language', () => {
    setDisplayLanguage('en-US');
    expect(errorOf(() => threshold('T11', 2024)).message).toBe('Invalid target id: T11 (T01…T10)');
  });
});

describe('CCHC.TARGET_STATUS', () => {
  test.each([
    // target, year, achieved, population, inclusive, expected
    ['T03', 2024, [[32]], 40, null, 'Không đạt'], // 80 % is not over 80 %
    ['T03', 2024, [[32]], 40, true, 'Đạt'], // …but is 80 % or more
    ['T03', 2024, [[33]], 40, null, 'Đạt'],
    ['T01', 2025, [[42]], 43, null, 'Không đạt'], // = 100 %
    ['T01', 2025, [[43]], 43, null, 'Đạt'],
    ['T02', 2024, [[0.95]], null, null, 'Đạt'], // a rate
    ['T02', 2024, [[0.9]], null, null, 'Không đạt'],
    ['T02', 2024, [[0.9]], null, true, 'Đạt'],
    ['T02', 2024, [['86,97 %']], null, null, 'Không đạt'], // a rate typed the Vietnamese way
    ['T02', 2024, [[0.95]], 0, null, 'Đạt'], // desktop passes an empty population cell as 0
    ['T02', 2024, [[0.95]], '', null, 'Đạt'],
    ['T05a', 2024, [[10]], null, null, 'Đạt'],
    ['T05a', 2024, [[9]], null, null, 'Không đạt'],
    ['T06', 2025, [[50]], null, null, 'Đạt'],
    ['T06', 2024, [[10]], null, null, 'Không áp dụng'], // no threshold that year
    ['T03', 2023, [[5]], 10, null, 'Không áp dụng'],
    ['T07', 2024, [[1]], null, null, 'Đạt'],
  ])('%s %i achieved %j of %s (inclusive %s) → %s', (t, y, a, p, inc, want) => {
    expect(targetStatus(t, y, a, p ?? undefined, inc ?? undefined)).toBe(want);
  });

  test('a range of markers: blanks, zeros and "" are no; a later date is not yet achieved', () => {
    // x, 2023 and a 2023 date are achieved by 2024; a 2025 date, blank, 0 and "" are not: 3 of 7.
    const cells = column('x', 2023, serial(2023, 6, 1), serial(2025, 3, 1), null, 0, '');
    expect(targetStatus('T02', 2024, cells)).toBe('Không đạt');
    expect(gap('T02', 2024, cells)).toBe(4); // 7 of 7 needed for over 90 % of 7
    expect(rate(cells, 2024)).toBeCloseTo(3 / 7, 10);
    expect(count(cells, 2025)).toBe(4);
  });

  test('unreadable cells make the answer undetermined only when they could change it', () => {
    const nineAndError = [...ones(9), [{ code: '#N/A' }]];
    expect(targetStatus('T02', 2024, nineAndError)).toBe('Chưa xác định'); // 9/10 is not over 90 %; 10/10 would be
    const nineAndText = [...ones(9), ['chờ xác nhận']];
    expect(targetStatus('T02', 2024, nineAndText)).toBe('Chưa xác định');
    const fiveAndError = [...ones(5), ...ones(4, null), ['#N/A']];
    expect(targetStatus('T02', 2024, fiveAndError)).toBe('Không đạt'); // even 6/10 fails
    expect(targetStatus('T02', 2024, [...ones(10), ['?']])).toBe('Đạt'); // 10/11 is over 90 % already
  });

  test('count targets read markers in their year: T05a counts the cells of that year', () => {
    const planned = column(2024, 2024, 2023, serial(2024, 9, 1), 'x', null);
    expect(targetStatus('T05a', 2024, planned)).toBe('Không đạt'); // 3 in 2024, the bare "x" has no year
    expect(gap('T05a', 2024, planned)).toBe(7);
  });

  test('a range is read as the workbook reads the target’s column: T01 counts positions, T06 needs a year', () => {
    // "Số vị trí việc làm CCHC" holds counts: 2 and 3 positions are yes, 0 is no (EVALUATE reads them so).
    const positions = column(1, 2, 3, 2, 1, 4, 2, 1, 3, 0);
    expect(targetStatus('T01', 2023, positions)).toBe('Đạt'); // 9 of 10 is over 80 %
    expect(targetStatus('T01', 2024, column(2023, 2025, 'x'))).toBe('Không đạt'); // years stay years
    // In a year column a bare "x" says neither when nor whether: unknown, as EVALUATE reads T06.
    expect(targetStatus('T06', 2025, ones(50))).toBe('Chưa xác định');
    expect(targetStatus('T06', 2025, [...ones(49, 2024), ['x']])).toBe('Chưa xác định');
    expect(targetStatus('T06', 2025, ones(50, 2024))).toBe('Đạt');
  });

  test('English UI words', () => {
    setDisplayLanguage('en-GB');
    expect(targetStatus('T03', 2024, [[33]], 40)).toBe('Met');
    expect(targetStatus('T03', 2024, [[32]], 40)).toBe('Not met');
    expect(targetStatus('T02', 2024, [...ones(9), ['?']])).toBe('Undetermined');
    expect(targetStatus('T06', 2024, [[1]])).toBe('No target');
  });

  test('wrong arguments are #VALUE! with a message, never an exception', () => {
    expect(errorOf(() => targetStatus('T02', 2024, [[45]])).message).toMatch(/^45 là số người; T02 là chỉ tiêu tỷ lệ/);
    expect(errorOf(() => targetStatus('T02', 2024, [[50]], 40)).message).toBe('Số đạt (50) lớn hơn tổng số (40)');
    expect(errorOf(() => targetStatus('T02', 2024, [[5]], 'nhiều')).message).toMatch(/Tổng số không hợp lệ/);
    expect(errorOf(() => targetStatus('T02', 2024, [[-1]], 10)).code).toBe('#VALUE!');
    expect(errorOf(() => targetStatus('X', 2024, [[1]], 10)).code).toBe('#VALUE!');
  });
});

describe('a population given beside something that is no count', () => {
  test('is never ignored: "x" of 10 was met (1 of 1 marker), an empty count gave GAP 1 instead of 10', () => {
    expect(errorOf(() => targetStatus('T02', 2024, [['x']], 10))).toEqual({
      code: '#VALUE!',
      message: 'Số đạt không hợp lệ: x (cần số nguyên không âm)',
    });
    expect(errorOf(() => targetStatus('T02', 2024, [[true]], 10)).message).toBe(
      'Số đạt không hợp lệ: TRUE (cần số nguyên không âm)',
    );
    // A count not entered yet is 0 of the population, as Excel desktop passes it (0).
    expect(targetStatus('T02', 2024, [[null]], 10)).toBe('Không đạt');
    expect(gap('T02', 2024, [[null]], 10)).toBe(10);
    expect(gap('T02', 2024, [[0]], 10)).toBe(10);
    // A range of markers is its own population.
    expect(errorOf(() => targetStatus('T02', 2024, ones(9), 10)).message).toBe(
      'Vùng ô đánh dấu (9 ô) đã là tổng số; hãy bỏ trống tham số tổng số, hoặc ghi số đạt bằng một số',
    );
    setDisplayLanguage('en-US');
    expect(errorOf(() => gap('T02', 2024, ones(9), 10)).message).toBe(
      'A range of markers (9 cells) is its own population; leave the population empty, or give the achieved count as a number',
    );
  });
});

describe('CCHC.GAP', () => {
  test.each([
    ['T03', 2024, [[32]], 40, null, 1],
    ['T03', 2024, [[32]], 40, true, 0],
    ['T02', 2024, [[595]], 769, null, 98],
    ['T01', 2025, [[37]], 43, null, 6],
    ['T05a', 2024, [[3]], null, null, 7],
    ['T05b', 2024, [[6]], null, null, 0],
  ])('%s %i %j of %s (inclusive %s) → %i', (t, y, a, p, inc, want) => {
    expect(gap(t, y, a, p ?? undefined, inc ?? undefined)).toBe(want);
  });

  test('no threshold → #N/A; a rate alone → #VALUE!', () => {
    expect(errorOf(() => gap('T06', 2024, [[10]])).code).toBe('#N/A');
    expect(errorOf(() => gap('T02', 2024, [[0.5]])).message).toMatch(/hãy ghi số đạt và tổng số/);
  });
});

describe('CCHC.RATE and CCHC.COUNT', () => {
  test('without a year every yes counts; unreadable cells are not counted', () => {
    const cells = column('x', 'Có', 'không', 2025, '?', null);
    expect(rate(cells)).toBeCloseTo(3 / 6, 10);
    expect(count(cells)).toBe(3);
    expect(count(cells, 2024)).toBe(2);
    expect(rate([[null]])).toBe(0);
  });
  test('a year outside the plan is #VALUE!', () => {
    expect(errorOf(() => count(column('x'), 2019)).code).toBe('#VALUE!');
  });
});

describe('CCHC.TARGETS', () => {
  test('spills the plan for the year with thresholds as text and numbers, never null', () => {
    const rows = targets(2024);
    expect(rows).toHaveLength(12);
    expect(rows[0]).toEqual(['T01', 'Bố trí vị trí việc làm CCHC', '> 90 %', 0.9]);
    expect(rows[4]).toEqual(['T05a', 'Quy hoạch chức danh lãnh đạo', '≥ 10', 10]);
    expect(rows[6]).toEqual(['T05', 'Quy hoạch, luân chuyển, bổ nhiệm lãnh đạo', 'T05a + T05b', '']);
    expect(rows[7]).toEqual(['T06', 'Chuyên gia CCHC', 'Không đặt chỉ tiêu', '']);
    expect(targets(2024, true)[0]).toEqual(['T01', 'Bố trí vị trí việc làm CCHC', '≥ 90 %', 0.9]);
    expect(targets(2025)[0][2]).toBe('= 100 %');
    for (const row of rows) for (const cell of row) expect(cell === null || cell === undefined).toBe(false);
  });
});

describe('CCHC.EVALUATE and CCHC.UNITS give what the engine gives for the same lists', () => {
  let sheets: Record<string, SheetGrid>;
  const matrix = (s: SheetGrid): unknown[][] =>
    s.rows.map((r) => Array.from({ length: 12 }, (_, c) => (r?.[c] ?? '') as CellValue));

  beforeAll(async () => {
    const { grid } = await readWorkbookFile(path.join(__dirname, '../fixtures/p1-canonical.xlsx'));
    sheets = Object.fromEntries(grid.sheets.map((s) => [s.name, s]));
  });

  test.each([2022, 2023, 2024, 2025])('EVALUATE %i matches readDataset + evaluate', async (year) => {
    const { grid } = await readWorkbookFile(path.join(__dirname, '../fixtures/p1-canonical.xlsx'));
    const engine = evaluateDataset(readDataset(grid), HCMC_PLAN, { year, inclusive: false });
    const rows = evaluate(matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), matrix(sheets['Hoạt động']), year) as unknown[][];
    expect(rows.map((r) => [r[0], r[2], r[7]])).toEqual(engine.targets.map((t) => [t.id, t.achieved, t.gap ?? '']));
    for (const row of rows) for (const cell of row) expect(cell === null || cell === undefined).toBe(false);
    const units2 = units(matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), year);
    expect(units2).toHaveLength(engine.units.length);
    expect(units2.map((u) => u[2])).toEqual(engine.units.map((u) => u.failed.join(', ')));
  });

  test('EVALUATE 2024 row for T02 in full', () => {
    const rows = evaluate(matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), matrix(sheets['Hoạt động']), 2024) as unknown[][];
    expect(rows[1]).toEqual(['T02', 'Lãnh đạo được bồi dưỡng CCHC', 595, 769, 0.7737, 0.9, 'Không đạt', 98]);
    expect(rows[9]).toEqual(['T08', 'Lớp bồi dưỡng trong nước (trực tiếp kết hợp trực tuyến)', 1, '', 1, 1, 'Đạt', 0]);
  });

  test('an omitted or blank activities range leaves T07–T10 without data', () => {
    const rows = evaluate(matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), [['']], 2024) as unknown[][];
    expect(rows.slice(8).map((r) => r[6])).toEqual([
      'Không có dữ liệu',
      'Không có dữ liệu',
      'Không có dữ liệu',
      'Không có dữ liệu',
    ]);
  });

  test('a range without a recognisable header row is #VALUE! naming the list and the headers expected', () => {
    const e = errorOf(() =>
      evaluate(
        [
          [1, 2],
          [3, 4],
        ],
        matrix(sheets['Cán bộ']),
        [['']],
        2024,
      ),
    );
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/danh sách đơn vị.*"Tên đơn vị"/);
  });

  test('UNITS: name, status word, failed ids', () => {
    const rows = units(matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), 2024);
    expect(rows[0]).toEqual(['Văn phòng Ủy ban nhân dân Thành phố', 'Không đạt', 'T03, T04']);
    expect(rows.every((r) => r.length === 3 && r.every((c) => typeof c === 'string'))).toBe(true);
  });
});
