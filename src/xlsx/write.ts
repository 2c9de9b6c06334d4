import ExcelJS from 'exceljs';
import { Dataset, Evaluation } from '../engine';
import { Lang } from '../i18n';
import { Plan } from '../plan';

export interface WriteOptions {
  readonly lang: Lang;
  readonly out: string;
  readonly source: string;
}

export async function writeColoredCopy(
  wb: ExcelJS.Workbook,
  dataset: Dataset,
  e: Evaluation,
  plan: Plan,
  o: WriteOptions,
): Promise<void> {
  void wb;
  void dataset;
  void e;
  void plan;
  void o;
  throw new Error('not yet');
}
