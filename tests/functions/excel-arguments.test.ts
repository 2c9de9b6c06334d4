/**
 * The CCHC.* functions called as strictly as Excel calls them (tests/helpers callAsExcel): with
 * the metadata the build ships, error cells reach the functions and become "unreadable" cells,
 * data-type cells are read by their plain value, and whole-column ranges stop at the last row.
 */
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import {
  FunctionsMetadata,
  callAsExcel,
  errorCell,
  installCustomFunctions,
  setDisplayLanguage,
  StandInError,
} from '../helpers/custom-functions';
import { count, evaluate, gap, rate, targetStatus, units } from '../../src/functions/functions';
import { SHEET_ROWS } from '../../src/functions/support';
import { readWorkbookFile } from '../../src/xlsx/read';
import { CellValue, SheetGrid } from '../../src/workbook/grid';

// The build step's own code (plain JS, used by webpack.config.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { withRuntimeOptions } = require('../../scripts/webpack/functions-locales') as {
  withRuntimeOptions: (m: FunctionsMetadata) => FunctionsMetadata;
};

installCustomFunctions();

let shipped: FunctionsMetadata;
let generated: FunctionsMetadata;
let sheets: Record<string, SheetGrid>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([path.join(__dirname, '../../src/functions/functions.ts')], true);
  generated = JSON.parse(result.metadataJson) as FunctionsMetadata;
  shipped = withRuntimeOptions(generated);
  const { grid } = await readWorkbookFile(path.join(__dirname, '../fixtures/p1-canonical.xlsx'));
  sheets = Object.fromEntries(grid.sheets.map((s) => [s.name, s]));
});
beforeEach(() => setDisplayLanguage('vi-VN'));
afterAll(() => setDisplayLanguage(undefined));

/** The Excel error a call shows. */
function shown(call: () => unknown): string {
  try {
    call();
  } catch (e) {
    if (e instanceof StandInError) return e.code;
    throw e;
  }
  throw new Error('expected an Excel error');
}

const ones = (n: number, v: unknown = 'x') => Array.from({ length: n }, () => [v]);
const matrix = (s: SheetGrid): unknown[][] =>
  s.rows.map((r) => Array.from({ length: 12 }, (_, c) => (r?.[c] ?? '') as CellValue));
describe('error cells in a range', () => {
  test('the stand-in is as strict as Excel: without allowErrorForDataTypeAny one #N/A is the answer', () => {
    const nineAndNa = [...ones(9), [errorCell('#N/A')]];
    expect(shown(() => callAsExcel(generated, 'TARGET_STATUS', targetStatus, 'T02', 2024, nineAndNa))).toBe('#N/A');
    expect(shown(() => callAsExcel(generated, 'RATE', rate, nineAndNa))).toBe('#N/A');
    // A typed (number) parameter never receives an error, flag or not.
    expect(shown(() => callAsExcel(shipped, 'RATE', rate, ones(3), errorCell('#REF!')))).toBe('#REF!');
  });

  test('the shipped metadata lets errors in: T02 with nine marks and one #N/A is undetermined', () => {
    expect(shipped.allowErrorForDataTypeAny).toBe(true);
    const nineAndNa = [...ones(9), [errorCell('#N/A')]];
    expect(callAsExcel(shipped, 'TARGET_STATUS', targetStatus, 'T02', 2024, nineAndNa)).toBe('Chưa xác định');
    expect(callAsExcel(shipped, 'RATE', rate, nineAndNa)).toBeCloseTo(0.9, 10);
    expect(callAsExcel(shipped, 'COUNT', count, nineAndNa)).toBe(9);
    expect(callAsExcel(shipped, 'GAP', gap, 'T02', 2024, nineAndNa)).toBe(1); // if the #N/A is not a mark
  });

  test('an error as the population is named in the message, not shown as [object Object]', () => {
    const message = (call: () => unknown): string | undefined => {
      try {
        call();
      } catch (e) {
        if (e instanceof StandInError) return e.message;
      }
      return undefined;
    };
    const args = ['T02', 2024, [[9]], errorCell('#N/A')] as const;
    expect(message(() => callAsExcel(shipped, 'TARGET_STATUS', targetStatus, ...args))).toBe(
      'Tổng số không hợp lệ: #N/A (cần số nguyên không âm)',
    );
    expect(message(() => callAsExcel(shipped, 'GAP', gap, ...args))).toBe('Tổng số không hợp lệ: #N/A (cần số nguyên không âm)');
    expect(message(() => targetStatus('T02', 2024, [[9]], true))).toBe('Tổng số không hợp lệ: TRUE (cần số nguyên không âm)');
  });

  test('EVALUATE and UNITS: one #N/A in a leader’s training cell is undetermined, not #N/A', () => {
    // Ten units with one leader each; nine leaders trained in 2023, the tenth's cell is #N/A.
    const unitList: unknown[][] = [['STT', 'Tên đơn vị', 'Số vị trí việc làm CCHC']];
    const staff: unknown[][] = [['STT', 'Họ và tên', 'Đơn vị', 'Lãnh đạo', 'Làm công tác CCHC', 'Bồi dưỡng CCHC']];
    for (let i = 1; i <= 10; i++) {
      unitList.push([i, `Đơn vị ${i}`, 1]);
      staff.push([i, `Người ${i}`, `Đơn vị ${i}`, 'x', 'x', i === 10 ? errorCell('#N/A') : 2023]);
    }
    const args = [unitList, staff, [['']], 2024] as const;
    expect(shown(() => callAsExcel(generated, 'EVALUATE', evaluate, ...args))).toBe('#N/A');
    expect(shown(() => callAsExcel(generated, 'UNITS', units, unitList, staff, 2024))).toBe('#N/A');
    const rows = callAsExcel(shipped, 'EVALUATE', evaluate, ...args) as unknown[][];
    // 9 of 10 is not over 90 %; 10 of 10 would be.
    expect(rows[1]).toEqual(['T02', 'Lãnh đạo được bồi dưỡng CCHC', 9, 10, 0.9, 0.9, 'Chưa xác định', 1]);
    const unitRows = callAsExcel(shipped, 'UNITS', units, unitList, staff, 2024) as string[][];
    expect(unitRows[9]).toEqual(['Đơn vị 10', 'Chưa xác định', '']);
    expect(unitRows.slice(0, 9).every((r) => r[1] === 'Đạt')).toBe(true);
  });
});

describe('data-type cells', () => {
  const formatted = (n: number) => ({ type: 'FormattedNumber', basicValue: n, numberFormat: '0.0' });
  const entity = (text: string) => ({ type: 'Entity', text, basicValue: '#VALUE!', basicType: 'Error', properties: {} });

  test('a formatted number is its number, in a range and as a scalar', () => {
    expect(targetStatus('T03', 2024, [[formatted(33)]], formatted(40))).toBe('Đạt');
    expect(gap('T03', 2024, [[formatted(32)]], formatted(40))).toBe(1);
    expect(callAsExcel(shipped, 'TARGET_STATUS', targetStatus, 'T03', 2024, [[formatted(33)]], formatted(40))).toBe('Đạt');
    expect(
      rate([[{ type: 'Double', basicValue: 2023 }], [{ type: 'String', basicValue: 'x' }], [{ type: 'Empty' }]]),
    ).toBeCloseTo(2 / 3, 10);
  });

  test('an entity (a unit name as a data type) is the text the cell shows, not #VALUE!', () => {
    const unitsList = matrix(sheets['Đơn vị']).map((r) => [...r]);
    const header = unitsList.findIndex((r) => r.some((c) => typeof c === 'string' && /Tên đơn vị/i.test(c)));
    const nameCol = unitsList[header].findIndex((c) => typeof c === 'string' && /Tên đơn vị/i.test(c));
    const plain = units(unitsList, matrix(sheets['Cán bộ']), 2024);
    unitsList[header + 1][nameCol] = entity(String(unitsList[header + 1][nameCol]));
    expect(units(unitsList, matrix(sheets['Cán bộ']), 2024)).toEqual(plain);
    expect(count([[entity('x')], [entity('Có')], [entity('không')]])).toBe(2);
  });

  test('the shipped metadata passes data types (the generator sets allowCustomDataForDataTypeAny)', () => {
    expect(shipped.allowCustomDataForDataTypeAny).toBe(true);
    const nineAndEntity = [...ones(9), [entity('x')]];
    expect(callAsExcel(shipped, 'TARGET_STATUS', targetStatus, 'T02', 2024, nineAndEntity)).toBe('Đạt'); // the entity shows x: 10 of 10
  });

  test('a host without data types passes an entity as its basic value #VALUE!: an unreadable cell', () => {
    const plain: FunctionsMetadata = { ...shipped, allowCustomDataForDataTypeAny: false };
    const nineAndEntity = [...ones(9), [entity('x')]];
    expect(callAsExcel(plain, 'TARGET_STATUS', targetStatus, 'T02', 2024, nineAndEntity)).toBe('Chưa xác định');
  });
});

describe('whole-column ranges', () => {
  const wholeColumn = (values: unknown[]) => {
    const blank = [null]; // one shared empty row keeps the million-row argument cheap
    return Array.from({ length: SHEET_ROWS }, (_, i) => (i < values.length ? [values[i]] : blank));
  };

  test('RATE of B:B counts the rows down to the last non-empty one, not a million blanks', () => {
    const column = wholeColumn(['x', 'x', null, 'x']); // a blank inside the list still counts as "no"
    expect(callAsExcel(shipped, 'RATE', rate, column)).toBeCloseTo(3 / 4, 10);
    expect(callAsExcel(shipped, 'COUNT', count, column)).toBe(3);
    expect(targetStatus('T02', 2024, column)).toBe('Không đạt');
    expect(rate(wholeColumn([]))).toBe(0);
  });

  test('a host that passes empty cells as 0 (Excel desktop before 2024): B:B still stops at the list', () => {
    const zeros = Array.from({ length: SHEET_ROWS }, (_, i) => [i < 4 ? ['x', 'x', 0, 'x'][i] : 0]);
    expect(callAsExcel(shipped, 'RATE', rate, zeros)).toBeCloseTo(3 / 4, 10); // was 3 / 1 048 576
    expect(callAsExcel(shipped, 'TARGET_STATUS', targetStatus, 'T02', 2024, zeros)).toBe('Không đạt');
    expect(
      targetStatus(
        'T02',
        2024,
        Array.from({ length: SHEET_ROWS }, (_, i) => [i < 10 ? 'x' : 0]),
      ),
    ).toBe('Đạt');
    // A drawn range keeps its cells: an empty cell passed as 0 is a unit without the mark.
    expect(rate([['x'], ['x'], [0], [0]])).toBeCloseTo(2 / 4, 10);
  });

  test('lists drawn larger than they are, with empty rows passed as 0, read as the lists', () => {
    const zeroRow = Array.from({ length: 12 }, () => 0);
    const padded = (s: SheetGrid, rows: number) => [
      ...s.rows.map((r) => Array.from({ length: 12 }, (_, c) => r?.[c] ?? 0)),
      ...Array.from({ length: rows }, () => zeroRow),
    ];
    const [unitList, staff, activities] = [matrix(sheets['Đơn vị']), matrix(sheets['Cán bộ']), matrix(sheets['Hoạt động'])];
    const lists = evaluate(unitList, staff, activities, 2024);
    // Twenty empty rows under the activities were twenty activities without a date: T07 undetermined.
    expect(evaluate(padded(sheets['Đơn vị'], 50), padded(sheets['Cán bộ'], 200), padded(sheets['Hoạt động'], 20), 2024)).toEqual(
      lists,
    );
    expect(units(padded(sheets['Đơn vị'], 50), padded(sheets['Cán bộ'], 200), 2024)).toEqual(units(unitList, staff, 2024));
  });

  test('a range the user drew keeps its trailing blanks: they are units without the mark', () => {
    expect(rate([['x'], ['x'], [null], ['']])).toBeCloseTo(2 / 4, 10);
  });

  test('EVALUATE over whole columns (the staff list as A:L) equals EVALUATE over the lists', () => {
    const blank = Array.from({ length: 12 }, () => '');
    const staff = matrix(sheets['Cán bộ']);
    const wholeStaff = Array.from({ length: SHEET_ROWS }, (_, i) => staff[i] ?? blank);
    const [unitList, activities] = [matrix(sheets['Đơn vị']), matrix(sheets['Hoạt động'])];
    expect(evaluate(unitList, wholeStaff, activities, 2024)).toEqual(evaluate(unitList, staff, activities, 2024));
  });
});
