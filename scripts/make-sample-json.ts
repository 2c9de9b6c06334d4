/**
 * assets/sample/cchc-mau.json: the bundled sample workbook's sheets as plain data (values,
 * merges, widths, bold rows, date formats), for the task pane's "insert sample data" (loaded on
 * demand, so the pane does not carry an .xlsx reader). Generated from the .xlsx by
 * `npm run sample`; a test checks the two never drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { SampleBook, SampleCell, SampleSheet } from '../src/excel/sample';
import { detectLists } from '../src/workbook/detect';
import { a1 } from '../src/workbook/grid';
import { fromExcelJs, gridOf } from '../src/xlsx/read';
import { repoRoot } from './synth';

export async function sampleBookOf(buf: Buffer): Promise<SampleBook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  const lists = detectLists(gridOf(wb));
  const layouts = [...lists.units, ...lists.staff, ...lists.activities];
  const sheets: SampleSheet[] = wb.worksheets.map((ws) => {
    const rows: SampleCell[][] = [];
    const numberFormats: Record<string, string> = {};
    const bold: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const out: SampleCell[] = [];
      let isBold = false;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const v = fromExcelJs(cell.value);
        // An error cell travels as its text ("#N/A"), which Excel turns back into the error.
        out[c - 1] = v === null ? null : typeof v === 'object' ? v.error : v;
        if (cell.value instanceof Date) numberFormats[a1(r - 1, c - 1)] = 'dd/mm/yyyy';
        if (cell.font?.bold) isBold = true;
      });
      rows[r - 1] = Array.from({ length: out.length }, (_, i) => out[i] ?? null);
      if (isBold) bold.push(r);
    });
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    const layout = layouts.find((l) => l.sheet === ws.name);
    const widths = Array.from({ length: ws.columnCount }, (_, i) => ws.getColumn(i + 1).width ?? 10);
    return {
      name: ws.name,
      rows,
      merges: (ws.model.merges ?? []) as string[],
      widths,
      boldRows: bold,
      freezeRows: layout ? layout.headerBottom + 1 : 0,
      numberFormats,
    };
  });
  return { sheets };
}

async function main(): Promise<void> {
  const root = repoRoot();
  const xlsx = path.join(root, 'assets', 'sample', 'cchc-mau.xlsx');
  const book = await sampleBookOf(readFileSync(xlsx));
  const out = path.join(root, 'assets', 'sample', 'cchc-mau.json');
  writeFileSync(out, JSON.stringify(book));
  console.log(`${out}: ${book.sheets.map((s) => `${s.name} (${s.rows.length} rows)`).join(', ')}`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
