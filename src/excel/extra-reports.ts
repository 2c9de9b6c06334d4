/**
 * The report sheets beyond the year's report: the period summary ("Tổng kết CCHC 2022–2025") and
 * the training-needed list ("Danh sách cần bồi dưỡng"). Each is built from what the session read
 * and evaluated, laid out in src/report and written as the add-in's own sheet (own-sheet.ts).
 */
import { Evaluation } from '../engine';
import { staffDetails } from '../engine/details';
import { evaluatePeriod } from '../engine/period';
import { Lang } from '../i18n';
import { Plan } from '../plan';
import { buildPeriodSheetLayout, periodSheetBaseName } from '../report/period-sheet';
import { buildTrainingLayout, trainingSheetBaseName } from '../report/training-sheet';
import { ExcelEnv } from './env';
import { OwnSheetOutcome, writeOwnSheet } from './own-sheet';
import { WorkbookRead } from './read';
import { queueTrainingContent, queueTrainingExtras } from './training-sheet';

export interface ExtraReportOptions {
  readonly lang: Lang;
  readonly date: Date;
  readonly signal?: AbortSignal;
}

/** "Tổng kết CCHC 2022–2025": every year of the plan evaluated as `evaluation` was (same reading). */
export function writePeriodSheet(
  env: ExcelEnv,
  read: WorkbookRead,
  plan: Plan,
  evaluation: Evaluation,
  o: ExtraReportOptions,
): Promise<OwnSheetOutcome> {
  const summary = evaluatePeriod(read.dataset, plan, { inclusive: !evaluation.strict });
  return writeOwnSheet(
    env,
    read,
    {
      kind: 'period',
      base: periodSheetBaseName(plan.period.from, plan.period.to, o.lang),
      layout: (sheetName) => buildPeriodSheetLayout(summary, { lang: o.lang, date: o.date, sheetName }),
    },
    o,
  );
}

/** "Danh sách cần bồi dưỡng": who is not yet achieved (or unknown) on T02/T03/T04 in the evaluated year. */
export function writeTrainingSheet(
  env: ExcelEnv,
  read: WorkbookRead,
  plan: Plan,
  evaluation: Evaluation,
  o: ExtraReportOptions,
): Promise<OwnSheetOutcome> {
  const details = staffDetails(read.grid, read.dataset, plan, evaluation);
  return writeOwnSheet(
    env,
    read,
    {
      kind: 'training',
      base: trainingSheetBaseName(o.lang),
      layout: (sheetName) => buildTrainingLayout(evaluation, details, { lang: o.lang, sheetName }),
      content: queueTrainingContent,
      extras: queueTrainingExtras,
    },
    o,
  );
}
