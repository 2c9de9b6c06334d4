/**
 * The report sheet as Office.js calls: its content (values, number formats, merges, links,
 * borders, status colors) and, apart, what only makes it look right (chart, print setup).
 */
import { Lang } from '../i18n';
import { ReportCell, ReportLayout, statusWords } from '../report/layout';
import { CellLook, REPORT_FONT, REPORT_FONT_SIZE, REPORT_LOOKS, STATUS_LOOKS } from '../report/styles';
import { CellRange, a1, columnLetters } from '../workbook/grid';
import { ExcelEnv } from './env';

/** 'Cán bộ'!G49 — a sheet-qualified reference, quoted as Excel requires. */
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** =HYPERLINK("#'Cán bộ'!G49","Cán bộ!G49"): a link inside the workbook, with both texts escaped. */
export function linkFormula(sheet: string, cell: string, label: string): string {
  const q = (s: string) => s.replace(/"/g, '""');
  return `=HYPERLINK("#${q(sheetRef(sheet, cell))}","${q(label)}")`;
}

function range(ws: Excel.Worksheet, r: CellRange): Excel.Range {
  return ws.getRangeByIndexes(r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
}

const BORDERS_OUTER = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function applyLook(target: Excel.Range, look: CellLook, r: CellRange): void {
  const f = target.format;
  if (look.bold !== undefined) f.font.bold = look.bold;
  if (look.italic !== undefined) f.font.italic = look.italic;
  if (look.size !== undefined) f.font.size = look.size;
  if (look.horizontal)
    f.horizontalAlignment = look.horizontal === 'center' ? 'Center' : look.horizontal === 'left' ? 'Left' : 'Right';
  if (look.vertical) f.verticalAlignment = look.vertical === 'center' ? 'Center' : 'Top';
  if (look.wrap) f.wrapText = true;
  if (look.fill) f.fill.color = look.fill;
  if (look.grid) {
    const edges: string[] = [...BORDERS_OUTER];
    if (r.bottom > r.top) edges.push('InsideHorizontal');
    if (r.right > r.left) edges.push('InsideVertical');
    for (const edge of edges) {
      const b = f.borders.getItem(edge as Excel.BorderIndex);
      b.style = 'Continuous';
      b.color = '#808080';
    }
  }
}

function numberFormatGrid(layout: ReportLayout): string[][] {
  const grid: string[][] = layout.rows.map((row) => row.map((cell) => (cell !== null && cell.t === 'text' ? '@' : 'General')));
  for (const nf of layout.numberFormats) {
    for (let r = nf.range.top; r <= nf.range.bottom; r++)
      for (let c = nf.range.left; c <= nf.range.right; c++) grid[r][c] = nf.format;
  }
  return grid;
}

export function valueOf(cell: ReportCell): string | number {
  if (cell === null) return '';
  if (cell.t === 'link') return cell.label;
  return cell.v;
}

/** Queues the report's content onto a new sheet: values, formats, merges, links, status colors. */
export function renderReport(ws: Excel.Worksheet, layout: ReportLayout, lang: Lang): void {
  const height = layout.rows.length;
  const all = ws.getRangeByIndexes(0, 0, height, layout.width);
  all.format.font.name = REPORT_FONT;
  all.format.font.size = REPORT_FONT_SIZE;
  // Number formats first: text cells are "@", so a unit named "=1+1" or "+84…" stays text.
  all.numberFormat = numberFormatGrid(layout);
  all.values = layout.rows.map((row) => row.map(valueOf));
  for (const block of layout.linkBlocks) {
    const formulas = [];
    for (let r = block.top; r <= block.bottom; r++) {
      const cell = layout.rows[r][block.left];
      formulas.push([cell !== null && cell.t === 'link' ? linkFormula(cell.sheet, cell.cell, cell.label) : '']);
    }
    const target = range(ws, block);
    target.formulas = formulas;
    target.format.font.color = '#0563C1';
    target.format.font.underline = 'Single';
  }
  for (const m of layout.merges) range(ws, m).merge(false);
  for (const block of layout.blocks) applyLook(range(ws, block.range), REPORT_LOOKS[block.style], block.range);
  layout.columnWidths.forEach((w, c) => {
    ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = Math.round(w * 5.25 + 4);
  });
  ws.getRangeByIndexes(layout.subtitleRow ?? 5, 0, 1, 1).format.rowHeight = 36;

  const words = statusWords(lang);
  for (const sb of layout.statusBlocks) {
    const first = `$${columnLetters(sb.range.left)}${sb.range.top + 1}`;
    const target = range(ws, sb.range);
    const rules: Array<[string[], { fill: string; font: string }]> = [
      [words.bad, STATUS_LOOKS.non_compliant],
      [words.unsure, STATUS_LOOKS.undetermined],
      [words.good, STATUS_LOOKS.compliant],
    ];
    for (const [list, look] of rules) {
      const cf = target.conditionalFormats.add('Custom');
      cf.custom.rule.formula = `=OR(${list.map((w) => `${first}="${w}"`).join(',')})`;
      cf.custom.format.fill.color = look.fill;
      cf.custom.format.font.color = look.font;
    }
  }
}

/**
 * Queues what only makes the report look right — chart, print setup, gridlines, tab color — for
 * a sync of their own: a host that refuses one of them does not fail the report.
 */
export function renderCosmetics(ws: Excel.Worksheet, layout: ReportLayout, env: ExcelEnv): void {
  if (layout.chart) {
    const chart = ws.charts.add(
      layout.chart.type === 'line' ? 'Line' : 'ColumnClustered',
      range(ws, layout.chart.data),
      'Columns',
    );
    chart.name = 'CCHC';
    chart.title.text = layout.chart.title;
    chart.legend.position = 'Bottom';
    chart.axes.valueAxis.minimum = 0;
    chart.axes.valueAxis.maximum = 1;
    chart.setPosition(
      a1(layout.chart.anchor.top, layout.chart.anchor.left),
      a1(layout.chart.anchor.bottom, layout.chart.anchor.right),
    );
  }

  if (env.supports('ExcelApi', '1.9')) {
    const page = ws.pageLayout;
    page.orientation = layout.landscape ? 'Landscape' : 'Portrait';
    page.paperSize = 'A4';
    page.centerHorizontally = true;
    page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    page.leftMargin = 42;
    page.rightMargin = 28;
    page.topMargin = 42;
    page.bottomMargin = 42;
    page.setPrintArea(
      `${a1(layout.printArea.top, layout.printArea.left)}:${a1(layout.printArea.bottom, layout.printArea.right)}`,
    );
  }
  if (env.supports('ExcelApi', '1.8')) ws.showGridlines = false;
  ws.tabColor = '#1F4E79';
}
