/**
 * The training-needed list's Office.js calls beyond the common report rendering: the unknown rows
 * colored by one rule (with the content), then — guarded, after the sheet is saved as the
 * add-in's — the frozen header, a table over the list (its filter buttons let officials pick a
 * unit) and a link from each "go to" cell to the person's row.
 *
 * Links are `Range.hyperlink` with a `documentReference` ("'Cán bộ'!A12"), not HYPERLINK
 * formulas: the cell keeps its text value (typings, Excel.RangeHyperlink: `documentReference`
 * "Represents the document reference target for the hyperlink", `textToDisplay` "the string that
 * is displayed in the top left most cell in the range"; ExcelApi 1.7). One link per cell, so one
 * range per person, all in the same sync.
 */
import { STATUS_LOOKS } from '../report/styles';
import { TrainingLayout } from '../report/training-sheet';
import { columnLetters } from '../workbook/grid';
import { ExcelEnv } from './env';
import { sheetRef } from './report-sheet';

/** Colors the rows of people whose data is unknown (one rule over the whole list). */
export function queueTrainingContent(ws: Excel.Worksheet, layout: TrainingLayout): void {
  if (layout.listed === 0) return;
  const first = layout.header + 1;
  const rows = ws.getRangeByIndexes(first, 0, layout.lastRow - first + 1, layout.width);
  const cf = rows.conditionalFormats.add('Custom');
  const word = layout.unknownWord.replace(/"/g, '""');
  cf.custom.rule.formula = `=$${columnLetters(layout.stateColumn)}${first + 1}="${word}"`;
  cf.custom.format.fill.color = STATUS_LOOKS.undetermined.fill;
  cf.custom.format.font.color = STATUS_LOOKS.undetermined.font;
}

/** Frozen header, a filterable table over the list, a link on each "go to" cell. */
export function queueTrainingExtras(ws: Excel.Worksheet, layout: TrainingLayout, env: ExcelEnv): void {
  if (env.supports('ExcelApi', '1.7')) ws.freezePanes.freezeRows(layout.header + 1);
  if (layout.listed === 0) return;
  if (env.supports('ExcelApi', '1.7'))
    for (const link of layout.links) {
      ws.getRangeByIndexes(link.row, layout.linkColumn, 1, 1).hyperlink = {
        documentReference: sheetRef(link.sheet, link.cell),
        textToDisplay: link.label,
      };
    }
  // Last: a host refusing the table (ExcelApi 1.1) still has the links.
  ws.tables.add(ws.getRangeByIndexes(layout.header, 0, layout.lastRow - layout.header + 1, layout.width), true);
}
