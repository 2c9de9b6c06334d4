/**
 * Writing what the add-in owns — the status column beside each units list, the row colors (as
 * conditional formats keyed to that column, so the user's own fills stay), the report sheet and
 * its saved state — prepared in full, checked, then sent in one batch. If Excel still rejects the
 * batch, what it may have applied is taken out again, so nothing is left half written.
 */
import { Evaluation } from '../engine';
import { Lang } from '../i18n';
import {
  ReportCell,
  ReportLayout,
  buildReportLayout,
  chooseReportSheetName,
  reportSheetBaseName,
  statusWords,
} from '../report/layout';
import { CellLook, REPORT_FONT, REPORT_FONT_SIZE, REPORT_LOOKS, STATUS_LOOKS } from '../report/styles';
import { statusHeader, statusRule, statusText } from '../report/status-column';
import { CellRange, a1, columnLetters } from '../workbook/grid';
import { ExcelEnv, checkCancelled } from './env';
import { AddinError, fromOfficeError } from './errors';
import { StatusPlan, WorkbookRead } from './read';
import { STATE_KEY, SavedState, SavedStatusColumn } from './state';
import { OWN_RULE_LOAD, isOwnStatusRule } from './own-rules';

export interface WriteOptions {
  readonly color: boolean;
  readonly report: boolean;
  readonly lang: Lang;
  readonly date: Date;
  readonly signal?: AbortSignal;
}

export interface WriteOutcome {
  readonly reportSheet: string | null;
  readonly coloredUnits: number;
  readonly syncs: number;
  /** The read brought up to date with what was written (for the next write without re-reading). */
  readonly read: WorkbookRead;
}

const STATUS_ORDER = ['non_compliant', 'undetermined', 'compliant'] as const;

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

function valueOf(cell: ReportCell): string | number {
  if (cell === null) return '';
  if (cell.t === 'link') return cell.label;
  return cell.v;
}

/** Queues the whole report onto a new sheet: values, formats, merges, links, colors, chart, print setup. */
function renderReport(ws: Excel.Worksheet, layout: ReportLayout, lang: Lang, env: ExcelEnv): void {
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
  ws.getRangeByIndexes(5, 0, 1, 1).format.rowHeight = 36;

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

  if (layout.chart) {
    const chart = ws.charts.add('ColumnClustered', range(ws, layout.chart.data), 'Columns');
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
    page.orientation = 'Portrait';
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

/** The status column's values from the header row down to the last unit: status words, blanks elsewhere. */
function statusValues(plan: StatusPlan, e: Evaluation, lang: Lang): string[][] {
  const values: string[][] = [];
  for (let r = plan.headerRow; r <= plan.lastRow; r++) values.push(['']);
  values[0][0] = statusHeader(e.year, lang);
  for (const u of e.units) {
    if (u.sheet !== plan.sheet) continue;
    const r = u.row - 1 - plan.headerRow;
    if (r > 0 && r < values.length) values[r][0] = statusText(u.status, lang);
  }
  return values;
}

function queueColors(context: Excel.RequestContext, read: WorkbookRead, e: Evaluation, lang: Lang): SavedStatusColumn[] {
  const written: SavedStatusColumn[] = [];
  for (const plan of read.statusPlans) {
    const ws = context.workbook.worksheets.getItem(plan.sheet);
    // Our previous status column on this sheet (any year) is cleared before this year's is written.
    for (const old of read.state.statusColumns ?? []) {
      if (old.sheet !== plan.sheet) continue;
      ws.getRangeByIndexes(old.top, old.column, old.bottom - old.top + 1, 1).clear('Contents');
    }
    ws.getRangeByIndexes(plan.headerRow, plan.column, plan.lastRow - plan.headerRow + 1, 1).values = statusValues(plan, e, lang);
    for (const rule of read.ownRules) if (rule.sheet === plan.sheet) ws.getRange().conditionalFormats.getItem(rule.id).delete();
    if (plan.lastRow >= plan.firstRow) {
      const rows = ws.getRangeByIndexes(
        plan.firstRow,
        plan.firstColumn,
        plan.lastRow - plan.firstRow + 1,
        plan.column - plan.firstColumn + 1,
      );
      const letters = columnLetters(plan.column);
      for (const status of STATUS_ORDER) {
        const cf = rows.conditionalFormats.add('Custom');
        cf.custom.rule.formula = statusRule(letters, plan.firstRow, statusText(status, lang));
        cf.custom.format.fill.color = STATUS_LOOKS[status].fill;
        cf.custom.format.font.color = STATUS_LOOKS[status].font;
      }
    }
    written.push({ sheet: plan.sheet, column: plan.column, top: plan.headerRow, bottom: plan.lastRow });
  }
  return written;
}

function saveState(context: Excel.RequestContext, state: SavedState): void {
  context.workbook.settings.add(STATE_KEY, JSON.stringify(state));
}

/** Checks everything that would make Excel refuse the writes, before any is sent. */
function precheck(read: WorkbookRead, o: WriteOptions): void {
  if (read.readOnly) throw new AddinError('read_only');
  if (o.color) {
    for (const plan of read.statusPlans) {
      const sheet = read.sheets.find((s) => s.name === plan.sheet);
      if (!sheet) throw new AddinError('sheet_missing', { sheet: plan.sheet });
      if (sheet.protected) throw new AddinError('sheet_protected', { sheet: plan.sheet });
    }
  }
  if (o.report && read.workbookProtected) throw new AddinError('workbook_protected');
}

/** Colors the units and/or builds the report from an evaluation, in one sync. */
export async function writeResults(env: ExcelEnv, read: WorkbookRead, e: Evaluation, o: WriteOptions): Promise<WriteOutcome> {
  precheck(read, o);
  checkCancelled(o.signal);
  const existing = read.sheets.map((s) => s.name);
  const ours = (read.state.reportSheets ?? []).filter((n) => existing.includes(n));
  const base = reportSheetBaseName(e.year, o.lang);
  const reportName = o.report ? chooseReportSheetName(base, existing, ours) : null;
  const replacing = reportName !== null && existing.some((n) => n.toLowerCase() === reportName.toLowerCase());
  const layout = reportName ? buildReportLayout(e, { lang: o.lang, date: o.date, sheetName: reportName }) : null;
  try {
    return await env.run(async (context) => {
      // After an earlier write in this session, its rules' ids are found first (one more sync).
      let current = read;
      if (o.color && read.rulesStale) {
        const found = read.statusPlans.map((p) => {
          const cfs = context.workbook.worksheets.getItem(p.sheet).getRange().conditionalFormats;
          cfs.load(OWN_RULE_LOAD);
          return { sheet: p.sheet, cfs };
        });
        await context.sync();
        const ownRules = found.flatMap(({ sheet, cfs }) => cfs.items.filter(isOwnStatusRule).map((cf) => ({ sheet, id: cf.id })));
        current = { ...read, ownRules: [...new Map(ownRules.map((r) => [r.id, r])).values()], rulesStale: false };
      }
      context.application.suspendApiCalculationUntilNextSync();
      if (env.supports('ExcelApi', '1.9')) context.application.suspendScreenUpdatingUntilNextSync();
      // The new report sheet first: if Excel refuses anything, no sheet of the user's was touched yet.
      if (reportName && layout) {
        if (replacing) context.workbook.worksheets.getItemOrNullObject(reportName).delete();
        const ws = context.workbook.worksheets.add(reportName);
        renderReport(ws, layout, o.lang, env);
        ws.activate();
      }
      const written = o.color ? queueColors(context, current, e, o.lang) : null;
      const reports = reportName ? [...new Set([...ours.filter((n) => n !== reportName), reportName])] : ours;
      const state: SavedState = {
        ...read.state,
        year: e.year,
        inclusive: !e.strict,
        ...(written ? { statusColumns: written } : {}),
        ...(read.manual.length > 0 ? { mapping: read.manual } : {}),
        reportSheets: reports,
      };
      saveState(context, state);
      await context.sync();
      const sheets =
        reportName && !replacing
          ? [...read.sheets, { name: reportName, visible: true, protected: false, used: null }]
          : read.sheets;
      return {
        reportSheet: reportName,
        coloredUnits: written ? e.units.filter((u) => u.status !== 'not_applicable').length : 0,
        syncs: current === read ? 1 : 2,
        // Rules just added get new ids: a later write finds and removes them by their formulas.
        read: {
          ...read,
          sheets,
          state,
          ownRules: written ? [] : read.ownRules,
          rulesStale: written !== null || read.rulesStale === true,
        },
      };
    });
  } catch (err) {
    const error = fromOfficeError(err, read.statusPlans[0]?.sheet);
    await rollback(env, read, o.color, reportName !== null && !replacing ? reportName : null).catch(() => undefined);
    throw error;
  }
}

/**
 * After a refused batch: removes what it may have applied — a report sheet it added, the status
 * columns and the add-in's rules on the units sheets — so no half-written state stays.
 */
async function rollback(env: ExcelEnv, read: WorkbookRead, colored: boolean, newReport: string | null): Promise<void> {
  await env.run(async (context) => {
    const report = newReport ? context.workbook.worksheets.getItemOrNullObject(newReport) : null;
    const sheets = colored ? [...new Set(read.statusPlans.map((p) => p.sheet))] : [];
    const cfs = sheets.map((name) => {
      const c = context.workbook.worksheets.getItem(name).getRange().conditionalFormats;
      c.load(OWN_RULE_LOAD);
      return { name, c };
    });
    await context.sync();
    if (report && !report.isNullObject) report.delete();
    for (const { name, c } of cfs) {
      const ws = context.workbook.worksheets.getItem(name);
      for (const cf of c.items) {
        if (isOwnStatusRule(cf)) cf.delete();
      }
      for (const p of read.statusPlans.filter((x) => x.sheet === name)) {
        ws.getRangeByIndexes(p.headerRow, p.column, p.lastRow - p.headerRow + 1, 1).clear('Contents');
      }
    }
    await context.sync();
  });
}
