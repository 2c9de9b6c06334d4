/**
 * A Word report for a workbook already read (the task pane's "Báo cáo Word"): the letterhead from
 * the workbook's heading rows, the year's evaluation or the whole period. Pure; returns the bytes
 * and a file name for the download.
 */
import { Evaluation } from '../../engine';
import { evaluatePeriod } from '../../engine/period';
import { Lang } from '../../i18n';
import { Plan } from '../../plan';
import { Dataset } from '../../workbook/extract';
import { WorkbookGrid } from '../../workbook/grid';
import { Letterhead, headerRowsOf, letterheadFromGrid, mergeLetterheads } from './letterhead';

export { headerRowsOf } from './letterhead';
import { buildPeriodReport } from './period-report';
import { buildYearReport } from './year-report';

export interface WordReport {
  readonly bytes: Uint8Array;
  readonly fileName: string;
}

export interface WordReportInput {
  readonly grid: WorkbookGrid;
  readonly dataset: Dataset;
  /** The evaluation shown (its year and reading of "trên X %" are the report's). */
  readonly evaluation: Evaluation;
  readonly plan: Plan;
  readonly lang: Lang;
  readonly date: Date;
  readonly period: boolean;
  /** Fields typed by the user, over what the workbook says. */
  readonly letterhead?: Partial<Letterhead>;
}

export async function wordReportFor(input: WordReportInput): Promise<WordReport> {
  const { grid, dataset, evaluation, plan, lang, date, period } = input;
  const letterhead = mergeLetterheads(letterheadFromGrid(grid, headerRowsOf(dataset)), input.letterhead ?? {});
  const options = { lang, letterhead, date };
  if (period) {
    const summary = evaluatePeriod(dataset, plan, { inclusive: !evaluation.strict });
    const name = lang === 'vi' ? 'bao-cao-tong-ket' : 'summary-report';
    return {
      bytes: await buildPeriodReport(summary, plan, options),
      fileName: `${name}-${plan.period.from}-${plan.period.to}.docx`,
    };
  }
  const name = lang === 'vi' ? 'bao-cao-cchc' : 'cchc-report';
  return { bytes: await buildYearReport(evaluation, plan, options), fileName: `${name}-${evaluation.year}.docx` };
}
