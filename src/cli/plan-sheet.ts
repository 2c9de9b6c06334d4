/**
 * The command line and the plan sheet "Kế hoạch CCHC": the plan an evaluation uses when a
 * workbook carries one (or `--plan WORKBOOK.xlsx` names one), and `cchc plan --xlsx OUT.xlsx`.
 * A malformed sheet stops the run with every bad cell named: nothing is evaluated with half a plan.
 */
import path from 'node:path';
import { Plan } from '../plan';
import { PlanSheetRead, planSheetMessages, readPlanSheet } from '../plan/sheet';
import { WorkbookGrid } from '../workbook/grid';
import { UsageError } from './args';

/** A plan sheet that cannot be read: what and where, in both languages (one line each). */
export class PlanSheetError extends UsageError {
  constructor(vi: string, en: string) {
    super(vi, en);
    this.name = 'PlanSheetError';
  }
}

export function planSheetError(file: string, read: Extract<PlanSheetRead, { status: 'invalid' }>): PlanSheetError {
  const name = path.basename(file);
  return new PlanSheetError(
    `trang kế hoạch trong "${name}" không hợp lệ, chưa đánh giá: ${planSheetMessages(read.problems, 'vi').join('; ')}`,
    `the plan sheet in "${name}" is not valid, nothing evaluated: ${planSheetMessages(read.problems, 'en').join('; ')}`,
  );
}

export interface SheetPlan {
  readonly plan: Plan;
  readonly inclusive: boolean;
  /** The file whose sheet it is. */
  readonly file: string;
}

/** The plan from a workbook given as `--plan F.xlsx`: its plan sheet, which must be there and valid. */
export function planFromWorkbook(file: string, grid: WorkbookGrid): SheetPlan {
  const read = readPlanSheet(grid);
  if (read.status === 'invalid') throw planSheetError(file, read);
  if (read.status === 'absent')
    throw new UsageError(
      `"${file}" không có trang "Kế hoạch CCHC" (tạo bằng "cchc plan --xlsx ${file}").`,
      `"${file}" has no "CCHC plan" sheet (make one with "cchc plan --xlsx ${file}").`,
    );
  return { plan: read.plan, inclusive: read.inclusive, file };
}

/**
 * The plan sheets of the files evaluated: none, or one plan they all agree on. A malformed sheet
 * anywhere stops the run; two files with different plans too (which one would the total follow?).
 */
export function planFromInputs(reads: ReadonlyArray<{ file: string; planSheet: PlanSheetRead }>): SheetPlan | null {
  let found: SheetPlan | null = null;
  for (const { file, planSheet } of reads) {
    if (planSheet.status === 'invalid') throw planSheetError(file, planSheet);
    if (planSheet.status !== 'ok') continue;
    if (found === null) found = { plan: planSheet.plan, inclusive: planSheet.inclusive, file };
    else if (JSON.stringify(found.plan) !== JSON.stringify(planSheet.plan) || found.inclusive !== planSheet.inclusive)
      throw new UsageError(
        `"${found.file}" và "${file}" có trang kế hoạch khác nhau; hãy dùng --plan để chọn một kế hoạch.`,
        `"${found.file}" and "${file}" have different plan sheets; choose one with --plan.`,
      );
  }
  return found;
}
