/**
 * Property: for random workbooks written by exceljs, the project's own reader returns what
 * exceljs's full (non-streaming) reader returns — through src/xlsx/read.ts's gridOf — cell for cell,
 * with the same sheets and states, in both date systems. One known exceljs defect is corrected in
 * the expectation: its full reader drops a formula's cached FALSE or 0 (SPEC §2: FALSE is no, 0 is 0).
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { CellValue, SheetGrid } from '../../src/workbook/grid';
import { gridOf } from '../../src/xlsx/read';
import { readXlsx } from '../../src/xlsx/read-xlsx';

const CHARS = [...'abcxyz AZ019 .,;:-_/()%&<>"\'\tđĐăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ–…€😀'];
const text = fc.string({ unit: fc.constantFrom(...CHARS), minLength: 1, maxLength: 12 }).filter((s) => s.trim() !== '');
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
);
const error = fc.constantFrom('#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!');
const date = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) })
  .map((ms) => new Date(Math.round(ms / 1000) * 1000));

type Cell =
  | { kind: 'value'; value: string | number | boolean }
  | { kind: 'error'; code: string }
  | { kind: 'date'; value: Date }
  | { kind: 'rich'; runs: string[] }
  | { kind: 'formula'; result: string | number | boolean | { error: string } };

const cell: fc.Arbitrary<Cell | null> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.oneof(text, number, fc.boolean()).map((value) => ({ kind: 'value' as const, value })) },
  { weight: 1, arbitrary: error.map((code) => ({ kind: 'error' as const, code })) },
  { weight: 1, arbitrary: date.map((value) => ({ kind: 'date' as const, value })) },
  { weight: 1, arbitrary: fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ kind: 'rich' as const, runs })) },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        text,
        number,
        fc.boolean(),
        error.map((e) => ({ error: e })),
      )
      .map((result) => ({ kind: 'formula' as const, result })),
  },
);

const sheet = fc.record({
  rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 9 }),
  state: fc.constantFrom<'visible' | 'hidden' | 'veryHidden'>('visible', 'visible', 'hidden', 'veryHidden'),
  merge: fc.boolean(),
});

const book = fc.record({ sheets: fc.array(sheet, { minLength: 1, maxLength: 6 }), date1904: fc.boolean() });

type Book = {
  sheets: Array<{ rows: Array<Array<Cell | null>>; state: 'visible' | 'hidden' | 'veryHidden'; merge: boolean }>;
  date1904: boolean;
};

function write(b: Book): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (b.date1904) wb.properties.date1904 = true;
  b.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(`Trang ${i + 1}`, { state: s.state });
    s.rows.forEach((r, ri) =>
      r.forEach((c, ci) => {
        if (!c) return;
        const x = ws.getCell(ri + 1, ci + 1);
        if (c.kind === 'value') x.value = c.value;
        else if (c.kind === 'error') x.value = { error: c.code } as ExcelJS.CellErrorValue;
        else if (c.kind === 'date') {
          x.value = c.value;
          x.numFmt = 'dd/mm/yyyy';
        } else if (c.kind === 'rich') x.value = { richText: c.runs.map((t, k) => ({ text: t, font: { bold: k % 2 === 0 } })) };
        else x.value = { formula: 'A1', result: c.result } as ExcelJS.CellFormulaValue;
      }),
    );
    // A merge over two empty cells beyond the data (exceljs keeps the top-left cell's value).
    if (s.merge) ws.mergeCells(s.rows.length + 2, 1, s.rows.length + 3, 2);
  });
  return wb;
}

function cells(s: SheetGrid): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  s.rows.forEach((r, ri) => r?.forEach((v, ci) => v !== undefined && v !== null && v !== '' && out.set(`${ri},${ci}`, v)));
  return out;
}

test('the own reader and exceljs full reader agree cell for cell', async () => {
  await fc.assert(
    fc.asyncProperty(book, async (b) => {
      const wb = write(b);
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
      const full = new ExcelJS.Workbook();
      await full.xlsx.load(bytes as unknown as ExcelJS.Buffer);
      const expected = gridOf(full);
      const actual = readXlsx(bytes).grid;
      expect(actual.sheets.map((s) => [s.name, s.hidden])).toEqual(expected.sheets.map((s) => [s.name, s.hidden]));
      actual.sheets.forEach((s, i) => {
        const want = cells(expected.sheets[i]);
        b.sheets[i].rows.forEach((r, ri) =>
          r.forEach((c, ci) => {
            if (c?.kind === 'formula' && (c.result === false || c.result === 0)) want.set(`${ri},${ci}`, c.result);
          }),
        );
        const got = cells(s);
        expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
        for (const [k, v] of want) {
          const g = got.get(k);
          if (typeof v === 'number' && typeof g === 'number') expect(g).toBeCloseTo(v, 6);
          else expect(g).toEqual(v);
        }
      });
    }),
    { numRuns: 40 },
  );
}, 120_000);
