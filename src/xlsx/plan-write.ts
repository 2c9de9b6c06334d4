/**
 * `cchc plan --xlsx OUT.xlsx`: a new workbook holding the plan sheet "Kế hoạch CCHC" (layout in
 * src/plan/sheet-layout.ts), written to a temporary file beside OUT and renamed into place, so a
 * failed write leaves nothing half-written. Text cells stay text (a value starting with "=" is
 * never a formula: exceljs writes strings as strings).
 */
import ExcelJS from 'exceljs';
import { writeAtomically } from './patch/atomic-write';
import { Plan } from '../plan';
import { PLAN_HEADER_ROW, PLAN_SHEET_NAME, planSheetRows, planYears } from '../plan/sheet-layout';

export interface PlanWorkbookOptions {
  readonly inclusive: boolean;
  readonly lang: 'vi' | 'en';
}

/** The plan sheet added to `wb` (as the last sheet). */
export function addPlanSheet(wb: ExcelJS.Workbook, plan: Plan, o: PlanWorkbookOptions): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(PLAN_SHEET_NAME[o.lang]);
  const rows = planSheetRows(plan, o);
  rows.forEach((r, i) => {
    if (r.length === 0) return;
    ws.getRow(i + 1).values = r.map((v) => (v === null || typeof v === 'object' ? null : v));
  });
  const years = planYears(plan).length;
  ws.getRow(1).font = { bold: true, size: 13 };
  const header = ws.getRow(PLAN_HEADER_ROW + 1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  for (let c = 1; c <= 6 + years; c++) {
    header.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    header.getCell(c).border = { bottom: { style: 'thin' } };
  }
  const widths = [12, 40, 34, 30, 22, 14, ...Array.from({ length: years }, () => 11)];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: 'frozen', ySplit: PLAN_HEADER_ROW + 1, xSplit: 1 }];
  return ws;
}

/** Writes a workbook with only the plan sheet; refuses an existing OUT unless `force`. */
export async function writePlanWorkbook(out: string, plan: Plan, o: PlanWorkbookOptions & { force: boolean }): Promise<void> {
  const wb = new ExcelJS.Workbook();
  addPlanSheet(wb, plan, o);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  // Temporary file in OUT's folder, fsync, rename; an existing OUT without force is OutExistsError (code EEXIST).
  writeAtomically(out, o.force, (sink) => sink.write(bytes));
}
