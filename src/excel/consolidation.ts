/**
 * Writes the consolidation of several files ("Tổng hợp từ nhiều tệp") into the open workbook as a
 * new sheet "Tổng hợp CCHC {year}" (layout: src/report/consolidation-sheet.ts), through the sheet
 * inserter the sample uses: never over an existing sheet (a taken name gets " (2)"), text cells
 * formatted as text before the values go in (a file name starting with "=" stays text), rates as
 * percentages, one batch of writes.
 */
import type { Lang } from '../i18n';
import type { Consolidation } from '../report/consolidate';
import { buildConsolidationSheet } from '../report/consolidation-sheet';
import { ExcelEnv } from './env';
import { insertSample } from './sample';

export async function writeConsolidation(env: ExcelEnv, c: Consolidation, lang: Lang): Promise<string> {
  const sheet = buildConsolidationSheet(c, lang);
  const [name] = await insertSample(env, {
    sheets: [
      {
        name: sheet.name,
        rows: sheet.rows,
        merges: [],
        widths: sheet.widths,
        boldRows: sheet.boldRows,
        freezeRows: sheet.headerRow,
        numberFormats: sheet.numberFormats,
      },
    ],
  });
  return name;
}
