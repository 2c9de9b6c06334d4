/**
 * `cchc evaluate --out COPY.xlsx`: a copy of the workbook with a status column beside each units
 * list, unit rows colored by conditional formats keyed to it (the user's own fills untouched), and
 * a report sheet. The input file is never written.
 */
import ExcelJS from 'exceljs';
import { Dataset, Evaluation } from '../engine';
import { Lang } from '../i18n';
import {
  ReportCell,
  ReportLayout,
  buildReportLayout,
  chooseReportSheetName,
  reportSheetBaseName,
  statusWords,
} from '../report/layout';
import { REPORT_FONT, REPORT_FONT_SIZE, REPORT_LOOKS, STATUS_LOOKS, argb } from '../report/styles';
import {
  chooseStatusColumn,
  firstColumn,
  isStatusRuleFormula,
  statusHeader,
  statusRule,
  statusText,
} from '../report/status-column';
import { CellRange, CellValue, a1, columnLetters } from '../workbook/grid';
import { fromExcelJs } from './read';

export interface WriteOptions {
  readonly lang: Lang;
  readonly out: string;
  /** The input's file name, shown in the report. */
  readonly source: string;
  readonly date?: Date;
}

function rangeRef(r: CellRange): string {
  return `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const STATUS_ORDER = ['non_compliant', 'undetermined', 'compliant'] as const;

/** Writes the status column and its row colors for every units list. */
function colorUnits(wb: ExcelJS.Workbook, dataset: Dataset, e: Evaluation, lang: Lang): void {
  for (const layout of dataset.lists.units) {
    const ws = wb.getWorksheet(layout.sheet);
    if (!ws) continue;
    const unitRows = e.units.filter((u) => u.sheet === layout.sheet);
    if (unitRows.length === 0) continue;
    const lastRow = Math.max(...unitRows.map((u) => u.row - 1));
    const cell = (r: number, c: number): CellValue => fromExcelJs(ws.getCell(r + 1, c + 1).value);
    const col = chooseStatusColumn(layout, Math.max(lastRow, layout.dataBottom), cell);
    // Clear a previous run's column (our own) before writing this year's.
    for (let r = layout.headerBottom + 1; r <= Math.max(lastRow, layout.dataBottom); r++) {
      const c = ws.getCell(r + 1, col + 1);
      if (c.value !== null) c.value = null;
    }
    const header = ws.getCell(layout.headerBottom + 1, col + 1);
    header.value = statusHeader(e.year, lang);
    const userHeader = ws.getCell(layout.headerBottom + 1, firstColumn(layout) + 1);
    header.font = { ...(userHeader.font ?? {}), bold: true };
    header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    header.border = userHeader.border;
    for (const u of unitRows) ws.getCell(u.row, col + 1).value = statusText(u.status, lang);
    const width = ws.getColumn(col + 1).width;
    if (!width || width < 16) ws.getColumn(col + 1).width = 18;

    // Our rules from an earlier run are replaced, never stacked; the user's own rules stay.
    ws.removeConditionalFormatting(
      (cf: ExcelJS.ConditionalFormattingOptions) =>
        !cf.rules.every(
          (rule) => rule.type === 'expression' && (rule.formulae ?? []).every((f) => isStatusRuleFormula(String(f))),
        ),
    );
    const top = layout.dataTop;
    const ref = `${a1(top, firstColumn(layout))}:${a1(lastRow, col)}`;
    const letters = columnLetters(col);
    ws.addConditionalFormatting({
      ref,
      rules: STATUS_ORDER.map((status, i) => ({
        type: 'expression' as const,
        priority: i + 1,
        formulae: [statusRule(letters, top, statusText(status, lang)).slice(1)],
        style: {
          fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: argb(STATUS_LOOKS[status].fill) } },
          font: { color: { argb: argb(STATUS_LOOKS[status].font) } },
        },
      })),
    });
  }
}

function writeCell(ws: ExcelJS.Worksheet, r: number, c: number, cell: ReportCell): void {
  if (cell === null) return;
  const target = ws.getCell(r + 1, c + 1);
  if (cell.t === 'text') target.value = cell.v;
  else if (cell.t === 'number') target.value = cell.v;
  else {
    target.value = { text: cell.label, hyperlink: `#${quoteSheet(cell.sheet)}!${cell.cell}` };
    target.font = { name: REPORT_FONT, size: REPORT_FONT_SIZE, color: { argb: 'FF0563C1' }, underline: true };
  }
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function renderReport(ws: ExcelJS.Worksheet, layout: ReportLayout, lang: Lang): void {
  layout.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  layout.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      const target = ws.getCell(r + 1, c + 1);
      target.font = { name: REPORT_FONT, size: REPORT_FONT_SIZE };
      writeCell(ws, r, c, cell);
    }),
  );
  for (const block of layout.blocks) {
    const look = REPORT_LOOKS[block.style];
    for (let r = block.range.top; r <= block.range.bottom; r++) {
      for (let c = block.range.left; c <= block.range.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (look.bold || look.italic || look.size) {
          cell.font = {
            ...cell.font,
            name: REPORT_FONT,
            bold: look.bold ?? cell.font?.bold,
            italic: look.italic ?? cell.font?.italic,
            size: look.size ?? cell.font?.size,
          };
        }
        cell.alignment = {
          ...cell.alignment,
          ...(look.horizontal ? { horizontal: look.horizontal } : {}),
          ...(look.vertical ? { vertical: look.vertical === 'center' ? 'middle' : 'top' } : {}),
          ...(look.wrap ? { wrapText: true } : {}),
        };
        if (look.grid) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
        if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(look.fill) } };
      }
    }
  }
  for (const m of layout.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const nf of layout.numberFormats) {
    for (let r = nf.range.top; r <= nf.range.bottom; r++) {
      for (let c = nf.range.left; c <= nf.range.right; c++) ws.getCell(r + 1, c + 1).numFmt = nf.format;
    }
  }
  ws.getRow(6).height = 36;
  const words = statusWords(lang);
  for (const sb of layout.statusBlocks) {
    const first = `${columnLetters(sb.range.left)}${sb.range.top + 1}`;
    const rule = (list: string[], look: { fill: string; font: string }, priority: number): ExcelJS.ConditionalFormattingRule => ({
      type: 'expression',
      priority,
      formulae: [`OR(${list.map((w) => `${first}="${w}"`).join(',')})`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(look.fill) } },
        font: { color: { argb: argb(look.font) } },
      },
    });
    ws.addConditionalFormatting({
      ref: rangeRef(sb.range),
      rules: [
        rule(words.bad, STATUS_LOOKS.non_compliant, 1),
        rule(words.unsure, STATUS_LOOKS.undetermined, 2),
        rule(words.good, STATUS_LOOKS.compliant, 3),
      ],
    });
  }
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printArea: rangeRef(layout.printArea),
    margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  ws.views = [{ state: 'normal', showGridLines: false }];
}

/** Writes the colored copy with its report sheet to `o.out`. */
export async function writeColoredCopy(wb: ExcelJS.Workbook, dataset: Dataset, e: Evaluation, o: WriteOptions): Promise<string> {
  colorUnits(wb, dataset, e, o.lang);
  const names = wb.worksheets.map((w) => w.name);
  const sheetName = chooseReportSheetName(reportSheetBaseName(e.year, o.lang), names, []);
  const layout = buildReportLayout(e, { lang: o.lang, date: o.date ?? new Date(), sheetName, source: o.source });
  const ws = wb.addWorksheet(sheetName, { properties: { tabColor: { argb: 'FF1F4E79' } } });
  renderReport(ws, layout, o.lang);
  await wb.xlsx.writeFile(o.out);
  return sheetName;
}
