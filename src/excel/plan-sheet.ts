/**
 * The plan sheet "Kế hoạch CCHC" in the open workbook: "Chèn bảng kế hoạch" writes it (through the
 * sample inserter: text cells formatted as text first, so "= 100 %" stays text), a sheet longer
 * than the top rows read on open is read in full, and a change of plan recalculates the workbook
 * so the CCHC.* cells follow it.
 */
import { Plan } from '../plan';
import { PLAN_HEADER_ROW, PLAN_SHEET_NAME, planSheetRows } from '../plan/sheet-layout';
import { isPlanSheetName } from '../plan/sheet';
import { SheetGrid, cellFromOffice, lastRow } from '../workbook/grid';
import { ExcelEnv } from './env';
import { AddinError, fromOfficeError } from './errors';
import { SampleBook, SampleCell, insertSample } from './sample';

/** The plan sheet as the sample inserter's book: one sheet, bold title and header, header frozen. */
export function planSheetBook(plan: Plan, inclusive: boolean, lang: 'vi' | 'en'): SampleBook {
  const rows = planSheetRows(plan, { inclusive, lang }).map((r) =>
    r.map((v): SampleCell => (v === null || typeof v === 'object' ? null : v)),
  );
  const years = plan.period.to - plan.period.from + 1;
  return {
    sheets: [
      {
        name: PLAN_SHEET_NAME[lang],
        rows,
        merges: [],
        widths: [12, 40, 34, 30, 22, 14, ...Array.from({ length: years }, () => 11)],
        boldRows: [1, PLAN_HEADER_ROW + 1],
        freezeRows: PLAN_HEADER_ROW + 1,
        numberFormats: {},
      },
    ],
  };
}

/** "Chèn bảng kế hoạch": adds the sheet; refuses when the workbook already has one (it is the user's). */
export async function insertPlanSheet(env: ExcelEnv, plan: Plan, inclusive: boolean, lang: 'vi' | 'en'): Promise<string> {
  let existing: string | undefined;
  try {
    existing = await env.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((w) => w.name).find(isPlanSheetName);
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
  if (existing !== undefined) throw new AddinError('plan_sheet_exists', { sheet: existing });
  const [name] = await insertSample(env, planSheetBook(plan, inclusive, lang));
  return name;
}

/** True when the grid holds only the top of the sheet (the read on open stops after a few dozen rows). */
export function isCut(sheet: SheetGrid): boolean {
  return sheet.totalRows !== undefined && lastRow(sheet) + 1 < sheet.totalRows;
}

/** Reads a whole sheet's used range (one sync): for a plan sheet longer than the rows read on open. */
export async function readWholeSheet(env: ExcelEnv, name: string): Promise<SheetGrid> {
  try {
    return await env.run(async (context) => {
      const used = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
      used.load(['values', 'rowIndex', 'columnIndex']);
      await context.sync();
      if (used.isNullObject) return { name, rows: [], originRow: 0, originCol: 0 };
      return {
        name,
        rows: used.values.map((r) => r.map(cellFromOffice)),
        originRow: used.rowIndex,
        originCol: used.columnIndex,
      };
    });
  } catch (e) {
    throw fromOfficeError(e, name);
  }
}

/**
 * Recalculates every formula (ExcelApi 1.1, Application.calculate) so CCHC.* cells follow a new
 * plan: they are not volatile, and Excel would otherwise keep their old results.
 */
export async function recalculate(env: ExcelEnv): Promise<void> {
  try {
    await env.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}
