/**
 * "Chèn dữ liệu mẫu": adds the sample lists (the same sample the command line evaluates) to the
 * open workbook as new sheets, so a first-time user can try the whole flow at once. Never touches
 * an existing sheet: a name already taken gets " (2)". Two syncs: names, then one batch of writes.
 */
import { EXCEL_ERRORS, a1 } from '../workbook/grid';
import { ExcelEnv } from './env';
import { AddinError, fromOfficeError } from './errors';

export type SampleCell = string | number | boolean | null;

export interface SampleSheet {
  readonly name: string;
  readonly rows: readonly (readonly SampleCell[])[];
  /** "A4:E4" … */
  readonly merges: readonly string[];
  /** Column widths in characters. */
  readonly widths: readonly number[];
  /** 1-based rows shown bold (title and header rows). */
  readonly boldRows: readonly number[];
  /** Rows kept in view when scrolling (the header). */
  readonly freezeRows: number;
  /** Number formats of cells that are not General (dates): "E8": "dd/mm/yyyy". */
  readonly numberFormats: Readonly<Record<string, string>>;
}

export interface SampleBook {
  readonly sheets: readonly SampleSheet[];
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, 26)} (${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

export async function insertSample(env: ExcelEnv, book: SampleBook): Promise<string[]> {
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      wb.worksheets.load('items/name');
      wb.protection.load('protected');
      await context.sync();
      if (wb.protection.protected) throw new AddinError('workbook_protected');
      const taken = new Set(wb.worksheets.items.map((w) => w.name.toLowerCase()));
      const names: string[] = [];
      context.application.suspendApiCalculationUntilNextSync();
      for (const sheet of book.sheets) {
        const name = freeName(sheet.name, taken);
        taken.add(name.toLowerCase());
        names.push(name);
        const ws = wb.worksheets.add(name);
        const width = Math.max(1, ...sheet.rows.map((r) => r.length));
        const rows = sheet.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
        const all = ws.getRangeByIndexes(0, 0, rows.length, width);
        // Text stays text ("@") before the values go in; dates get their date format.
        all.numberFormat = rows.map((r, i) =>
          r.map((v, c) => sheet.numberFormats[a1(i, c)] ?? (typeof v === 'string' && !EXCEL_ERRORS.has(v) ? '@' : 'General')),
        );
        all.values = rows;
        all.format.font.name = 'Times New Roman';
        all.format.font.size = 12;
        for (const m of sheet.merges) ws.getRange(m).merge(false);
        for (const r of sheet.boldRows) ws.getRangeByIndexes(r - 1, 0, 1, width).format.font.bold = true;
        sheet.widths.forEach((w, c) => {
          ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 5.25 + 4);
        });
        if (sheet.freezeRows > 0) ws.freezePanes.freezeRows(sheet.freezeRows);
      }
      if (names.length > 0) wb.worksheets.getItem(names[1] ?? names[0]).activate();
      await context.sync();
      return names;
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}
