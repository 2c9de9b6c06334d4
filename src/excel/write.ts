/**
 * Writing what the add-in owns — the status column beside each units list, the row colors (as
 * conditional formats keyed to that column, so the user's own fills stay), the report sheet and
 * its saved state — in one Excel.run:
 *
 *  1. one sync that proves what is the add-in's (own.ts) and checks that each units list still
 *     has the header and first/last names the evaluation read (else the session reads again);
 *  2. one sync of writes: the add-in's old rules deleted (highest index first), the status
 *     column (only over empty cells, status words and its own header: what the user typed there
 *     stays), its workbook name, new rules, the report's content, the saved state;
 *  3. for a report, one guarded sync: its sheet id in the saved state, then chart and print setup
 *     (a host refusing one of those does not fail the report).
 *
 * If Excel refuses step 2, what it may have applied is taken out again; if that fails too, the
 * error says so.
 */
import { Evaluation } from '../engine';
import { Lang } from '../i18n';
import { ReportLayout, buildReportLayout, chooseReportSheetName, reportSheetBaseName } from '../report/layout';
import { STATUS_LOOKS } from '../report/styles';
import { isStatusHeader, statusHeader, statusRule, statusText } from '../report/status-column';
import { CellValue, cellAt, cellFromOffice, columnLetters, displayText } from '../workbook/grid';
import { ExcelEnv, checkCancelled } from './env';
import { AddinError, fromOfficeError } from './errors';
import { Ownership, clearColumn, deleteRules, fingerprint, freeStatusName, isStatusWord, queueProof, readProof } from './own';
import { StatusPlan, WorkbookRead, isPayloadError } from './read';
import { renderCosmetics, renderReport, valueOf } from './report-sheet';
import { REPORT_ISSUE_LIMIT, chunkRows, issueRows, issuesSheetBaseName, queueIssueRows } from './issues-sheet';
import { STATE_KEY, SavedMapping, SavedReport, SavedState, SavedStatusColumn } from './state';

export { linkFormula, sheetRef } from './report-sheet';

export interface WriteOptions {
  readonly color: boolean;
  readonly report: boolean;
  readonly lang: Lang;
  readonly date: Date;
  readonly signal?: AbortSignal;
}

export interface WriteOutcome {
  readonly reportSheet: string | null;
  /** A report sheet of the add-in's that the user edited: kept, the new report has another name. */
  readonly keptReport: string | null;
  readonly coloredUnits: number;
  /** Cells of the status column holding the user's own text, left as they were. */
  readonly keptCells: number;
  readonly syncs: number;
  /** The read brought up to date with what was written (for the next write without re-reading). */
  readonly read: WorkbookRead;
}

const STATUS_ORDER = ['non_compliant', 'undetermined', 'compliant'] as const;

/** The status column's values from the header row down to the last unit: status words, blanks elsewhere. */
function statusValues(plan: StatusPlan, e: Evaluation, lang: Lang): string[] {
  const values: string[] = [];
  for (let r = plan.headerRow; r <= plan.lastRow; r++) values.push('');
  values[0] = statusHeader(e.year, lang);
  for (const u of e.units) {
    if (u.sheet !== plan.sheet) continue;
    const r = u.row - 1 - plan.headerRow;
    if (r > 0 && r < values.length) values[r] = statusText(u.status, lang);
  }
  return values;
}

/** What each units list looked like when read: its header rows and first/last unit names. */
function queueListChecks(wb: Excel.Workbook, read: WorkbookRead) {
  return read.lists.units.map((l) => {
    const plan = read.statusPlans.find((p) => p.sheet === l.sheet);
    const left = plan?.firstColumn ?? 0;
    const right = Math.max(left, (plan?.column ?? left + 1) - 1);
    const ws = wb.worksheets.getItemOrNullObject(l.sheet);
    const header = ws.getRangeByIndexes(l.headerTop, left, l.headerBottom - l.headerTop + 1, right - left + 1);
    header.load('values');
    const rows = read.dataset.units.filter((u) => u.sheet === l.sheet).map((u) => u.row - 1);
    const nameCol = (l.columns as Record<string, number>).name;
    const names = rows.length > 0 && nameCol !== undefined ? [Math.min(...rows), Math.max(...rows)] : [];
    const cells = names.map((r) => {
      const c = ws.getRangeByIndexes(r, nameCol, 1, 1);
      c.load('values');
      return { r, c };
    });
    const target = plan ? ws.getRangeByIndexes(plan.headerRow, plan.column, plan.lastRow - plan.headerRow + 1, 1) : null;
    // Formulas, not values: a formula the user typed there that shows "" is theirs, not an empty
    // cell ("If a cell has no formula, its value is returned instead": Range.formulas, @types/office-js).
    target?.load('formulas');
    return { layout: l, left, header, nameCol, cells, plan, target };
  });
}

type ListCheck = ReturnType<typeof queueListChecks>[number];

const same = (a: CellValue, b: CellValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The sheet whose units list changed since the read, if any. */
function changedList(read: WorkbookRead, checks: readonly ListCheck[]): string | null {
  for (const c of checks) {
    const sheet = read.grid.sheets.find((g) => g.name === c.layout.sheet);
    if (!sheet || c.header.isNullObject) return c.layout.sheet;
    const changedHeader = c.header.values.some((row, i) =>
      row.some((v, j) => !same(cellFromOffice(v), cellAt(sheet, c.layout.headerTop + i, c.left + j))),
    );
    const changedNames = c.cells.some(({ r, c: cell }) => !same(cellFromOffice(cell.values[0][0]), cellAt(sheet, r, c.nameCol)));
    // The status column's header cell must still be empty or a status header.
    const head = c.target ? cellFromOffice(c.target.formulas[0]?.[0]) : null;
    const takenHeader = head !== null && !isStatusHeader(displayText(head));
    if (changedHeader || changedNames || takenHeader) return c.layout.sheet;
  }
  return null;
}

/** Thrown when a units list changed between the read and the write: read again first. */
export class ListChanged extends AddinError {
  constructor(sheet: string) {
    super('list_changed', { sheet });
  }
}

interface ColorPlan {
  readonly plan: StatusPlan;
  /** What to write (null: a cell of the user's, left as it is). */
  readonly values: (string | null)[][];
  readonly kept: number;
}

function colorPlans(read: WorkbookRead, checks: readonly ListCheck[], e: Evaluation, lang: Lang): ColorPlan[] {
  return read.statusPlans.map((plan) => {
    const check = checks.find((c) => c.plan === plan);
    const now = check?.target && !check.target.isNullObject ? check.target.formulas : [];
    const wanted = statusValues(plan, e, lang);
    let kept = 0;
    const values = wanted.map((w, i) => {
      const v = cellFromOffice(now[i]?.[0]);
      const ours = v === null || isStatusWord(v) || (i === 0 && isStatusHeader(displayText(v)));
      if (!ours) kept++;
      return [ours ? w : null];
    });
    return { plan, values, kept };
  });
}

/** Queues the status column, its name and its row rules; the add-in's old ones are removed first. */
function queueColors(wb: Excel.Workbook, plans: readonly ColorPlan[], own: Ownership, lang: Lang): SavedStatusColumn[] {
  const names = new Set(own.names);
  const sheets = new Set(plans.map((p) => p.plan.sheet));
  // Old rules first: deleting shifts the positions below, and new rules go on top.
  deleteRules(
    wb,
    own.rules.filter((r) => sheets.has(r.sheet)),
  );
  for (const c of own.columns) {
    if (!sheets.has(c.sheet)) continue;
    clearColumn(wb, c);
    wb.names.getItem(c.name).delete();
  }
  const written: SavedStatusColumn[] = [];
  for (const { plan, values } of plans) {
    const ws = wb.worksheets.getItem(plan.sheet);
    const column = ws.getRangeByIndexes(plan.headerRow, plan.column, plan.lastRow - plan.headerRow + 1, 1);
    column.values = values as unknown as string[][];
    const name = freeStatusName(names);
    wb.names.add(name, column);
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
    written.push({ sheet: plan.sheet, column: plan.column, top: plan.headerRow, bottom: plan.lastRow, name });
  }
  return written;
}

/** The hand-chosen columns with their header texts (so a moved column is found again by its header). */
function mappingWithHeaders(read: WorkbookRead): SavedMapping[] {
  return read.manual.map((m) => {
    const layout = read.lists[m.kind].find((l) => l.sheet === m.sheet);
    const headers: Record<string, string> = {};
    for (const [field, col] of Object.entries(m.columns)) {
      const h = layout?.allHeaders.find((x) => x.col === col);
      if (h && h.text.trim() !== '') headers[field] = h.text;
    }
    return { ...m, headers };
  });
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

interface ReportPlan {
  readonly name: string;
  readonly layout: ReportLayout;
  /** The add-in's unedited report holding that name, deleted first. */
  readonly replaces: SavedReport | null;
  readonly kept: string | null;
  /** Sheets of the add-in's to delete first (the replaced report, unedited issues sheets in the way). */
  readonly deletes: readonly string[];
  /** All the issues on a sheet of their own, when there are more than the report lists. */
  readonly issues: { readonly name: string; readonly rows: Array<Array<string | number>> } | null;
}

function reportPlan(e: Evaluation, o: WriteOptions, existing: readonly string[], own: Ownership): ReportPlan {
  const base = reportSheetBaseName(e.year, o.lang);
  const unedited = own.reports.filter((r) => !r.edited);
  const name = chooseReportSheetName(
    base,
    existing,
    unedited.map((r) => r.name),
  );
  const replaced = unedited.find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? null;
  const edited = own.reports.find((r) => r.edited && r.name.toLowerCase() === base.toLowerCase());
  const deletes = replaced ? [replaced.saved.id] : [];
  let issues: ReportPlan['issues'] = null;
  // The replaced report's issues sheet goes with it, unless the user edited it.
  if (replaced?.issues && !replaced.issues.edited) deletes.push(replaced.issues.id);
  if (e.issues.length > REPORT_ISSUE_LIMIT) {
    const free = own.reports.flatMap((r) =>
      r.issues && !r.issues.edited && deletes.includes(r.issues.id) ? [r.issues.name] : [],
    );
    const issuesName = chooseReportSheetName(issuesSheetBaseName(o.lang), [...existing, name], free);
    issues = { name: issuesName, rows: issueRows(e, o.lang) };
  }
  return {
    name,
    layout: buildReportLayout(e, {
      lang: o.lang,
      date: o.date,
      sheetName: name,
      issueLimit: REPORT_ISSUE_LIMIT,
      ...(issues ? { issuesSheet: issues.name } : {}),
    }),
    replaces: replaced?.saved ?? null,
    kept: edited ? edited.name : null,
    deletes,
    issues,
  };
}

/** Writes the remaining bands of the issues sheet, one sync each. */
async function writeIssueBands(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  bands: ReadonlyArray<[number, number]>,
  signal?: AbortSignal,
): Promise<number> {
  if (bands.length === 0) return 0;
  checkCancelled(signal);
  const [from, to] = bands[0];
  queueIssueRows(ws, rows, bands[0]);
  try {
    await context.sync();
  } catch (e) {
    // Too large for Excel after all: the band in two halves (a refused request applies nothing).
    if (!isPayloadError(e) || to - from < 2) throw e;
    const mid = from + Math.floor((to - from) / 2);
    return writeIssueBands(context, ws, rows, [[from, mid], [mid, to], ...bands.slice(1)], signal);
  }
  return 1 + (await writeIssueBands(context, ws, rows, bands.slice(1), signal));
}

/** Colors the units and/or builds the report from an evaluation (see the file comment for the syncs). */
export async function writeResults(env: ExcelEnv, read: WorkbookRead, e: Evaluation, o: WriteOptions): Promise<WriteOutcome> {
  precheck(read, o);
  checkCancelled(o.signal);
  let added: { sheets: string[]; old: readonly string[]; columns: SavedStatusColumn[] } = {
    sheets: [],
    old: [],
    columns: [],
  };
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      const unitSheets = o.color ? read.statusPlans.map((p) => p.sheet) : [];
      const queue = (withRules: boolean) => {
        const proof = queueProof(wb, read.state, withRules ? unitSheets : [], o.report, env.supports('ExcelApi', '1.14'));
        const checks = o.color ? queueListChecks(wb, read) : [];
        wb.worksheets.load('items/name');
        return { proof, checks };
      };
      let { proof, checks } = queue(true);
      try {
        await context.sync();
      } catch (e) {
        // Reading the sheets' conditional formats can fail on rules Office cannot describe
        // (office-js issues): then no rule is proved the add-in's, none is deleted, and the
        // rest of the proof is loaded again without them.
        if (unitSheets.length === 0 || isPayloadError(e)) throw e;
        ({ proof, checks } = queue(false));
        await context.sync();
      }
      const changed = changedList(read, checks);
      if (changed !== null) throw new ListChanged(changed);
      const own = await readProof(context, proof);
      checkCancelled(o.signal);
      const existing = wb.worksheets.items.map((w) => w.name);
      const report = o.report ? reportPlan(e, o, existing, own) : null;
      const plans = o.color ? colorPlans(read, checks, e, o.lang) : [];

      context.application.suspendApiCalculationUntilNextSync();
      if (env.supports('ExcelApi', '1.9')) context.application.suspendScreenUpdatingUntilNextSync();
      // The new report sheet first: if Excel refuses anything, no sheet of the user's was touched yet.
      let sheet: Excel.Worksheet | null = null;
      let issuesSheet: Excel.Worksheet | null = null;
      let bands: Array<[number, number]> = [];
      if (report) {
        for (const id of report.deletes) wb.worksheets.getItem(id).delete();
        sheet = wb.worksheets.add(report.name);
        added = { ...added, sheets: [report.name, ...(report.issues ? [report.issues.name] : [])], old: report.deletes };
        renderReport(sheet, report.layout, o.lang);
        sheet.activate();
        sheet.load('id');
        if (report.issues) {
          issuesSheet = wb.worksheets.add(report.issues.name);
          issuesSheet.load('id');
          // Its rows in syncs of their own, after the report's.
          bands = chunkRows(report.issues.rows);
        }
      }
      const written = o.color ? queueColors(wb, plans, own, o.lang) : null;
      added = { ...added, columns: written ?? [] };
      // Reports are proved only when building one; otherwise what was saved stays a hint.
      const stillOurs = o.report
        ? own.reports
            .filter((r) => r.saved !== report?.replaces)
            .map((r) => {
              const { issues: _issues, ...saved } = r.saved;
              // An issues sheet deleted or gone is forgotten; one still there keeps its new name.
              return r.issues && !report?.deletes.includes(r.issues.id)
                ? {
                    ...saved,
                    name: r.name,
                    issues: { ...r.saved.issues, id: r.issues.id, name: r.issues.name, rows: r.saved.issues?.rows ?? 0 },
                  }
                : { ...saved, name: r.name };
            })
        : (read.state.reports ?? []);
      const state = (reports: readonly SavedReport[]): SavedState => {
        const { reportSheets: _legacy, ...rest } = read.state;
        return {
          ...rest,
          year: e.year,
          inclusive: !e.strict,
          // Columns of the add-in's on sheets not colored this time stay remembered (if proved).
          statusColumns: written
            ? [...own.columns.filter((c) => !unitSheets.includes(c.sheet)).map(savedColumn), ...written]
            : own.columns.map(savedColumn),
          ...(read.manual.length > 0 ? { mapping: mappingWithHeaders(read) } : {}),
          reports,
        };
      };
      context.workbook.settings.add(STATE_KEY, JSON.stringify(state(stillOurs)));
      await context.sync();
      let syncs = 2;
      if (report?.issues && issuesSheet)
        syncs += await writeIssueBands(context, issuesSheet, report.issues.rows, bands, o.signal);
      let saved = state(stillOurs);
      if (report && sheet) {
        // The sheet's id exists only now: remembered first, then the cosmetic calls, guarded.
        const values = report.layout.rows.map((row) => row.map(valueOf));
        const mine: SavedReport = {
          id: sheet.id,
          name: report.name,
          rows: report.layout.rows.length,
          columns: report.layout.width,
          print: fingerprint(values),
          ...(report.issues && issuesSheet
            ? { issues: { id: issuesSheet.id, name: report.issues.name, rows: report.issues.rows.length } }
            : {}),
        };
        saved = state([...stillOurs, mine]);
        context.workbook.settings.add(STATE_KEY, JSON.stringify(saved));
        renderCosmetics(sheet, report.layout, env);
        syncs++;
        try {
          await context.sync();
        } catch {
          // A chart or print setup refused: the report is there and remembered all the same.
        }
      }
      const sheets = report
        ? [
            ...read.sheets.filter((s) => !report.replaces || s.name.toLowerCase() !== report.name.toLowerCase()),
            { name: report.name, visible: true, protected: false, used: null },
          ]
        : read.sheets;
      return {
        reportSheet: report?.name ?? null,
        keptReport: report?.kept ?? null,
        coloredUnits: written ? e.units.filter((u) => u.status !== 'not_applicable').length : 0,
        keptCells: plans.reduce((n, p) => n + p.kept, 0),
        syncs,
        read: { ...read, sheets, state: saved },
      };
    });
  } catch (err) {
    if (err instanceof ListChanged) throw err;
    const error = fromOfficeError(err, read.statusPlans[0]?.sheet);
    if (added.sheets.length === 0 && added.columns.length === 0) throw error;
    try {
      await rollback(env, added.sheets, added.old, added.columns);
    } catch (again) {
      throw new AddinError('rollback_failed', {
        sheet: read.statusPlans[0]?.sheet,
        officeCode: error.detail.officeCode,
        text: `${error.detail.officeCode ?? ''} ${fromOfficeError(again).detail.officeCode ?? ''}`.trim(),
      });
    }
    throw error;
  }
}

function savedColumn(c: { name: string; sheet: string; column: number; top: number; bottom: number }): SavedStatusColumn {
  return { sheet: c.sheet, column: c.column, top: c.top, bottom: c.bottom, name: c.name };
}

/**
 * After a refused batch: removes what it may have applied — the report sheet it added (a name
 * no sheet had before), the status columns and rules it wrote (proved by the names it added) —
 * so no half-written state stays.
 */
async function rollback(
  env: ExcelEnv,
  sheets: readonly string[],
  old: readonly string[],
  columns: SavedStatusColumn[],
): Promise<void> {
  await env.run(async (context) => {
    const wb = context.workbook;
    const added = sheets.map((name) => {
      const ws = wb.worksheets.getItemOrNullObject(name);
      ws.load('id');
      return ws;
    });
    const proof = queueProof(
      wb,
      { version: 1, statusColumns: columns },
      columns.map((c) => c.sheet),
      false,
      env.supports('ExcelApi', '1.14'),
    );
    await context.sync();
    const own = await readProof(context, proof);
    // Each name was free or held by a sheet of the add-in's being replaced: a sheet by that name
    // that is not one of those is one this write added.
    for (const ws of added) if (!ws.isNullObject && !old.includes(ws.id)) ws.delete();
    deleteRules(wb, own.rules);
    for (const c of own.columns) {
      clearColumn(wb, c);
      wb.names.getItem(c.name).delete();
    }
    await context.sync();
  });
}
