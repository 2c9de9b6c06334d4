/**
 * `cchc plan --xlsx OUT.xlsx`: a new workbook holding the plan sheet "Kế hoạch CCHC" (layout in
 * src/plan/sheet-layout.ts), written to a temporary file beside OUT and renamed into place, so a
 * failed write leaves nothing half-written. Text cells stay text (a value starting with "=" is
 * never a formula: exceljs writes strings as strings).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
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
  if (!o.force && (await fs.stat(out).catch(() => null))) {
    const e = new Error(`exists: ${out}`) as NodeJS.ErrnoException;
    e.code = 'EEXIST';
    throw e;
  }
  const wb = new ExcelJS.Workbook();
  addPlanSheet(wb, plan, o);
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
