/**
 * Knowing the add-in's own things by identity, in the batch that changes them. Settings only say
 * where to look; the proof is in the workbook, loaded in one sync of the same Excel.run as the
 * change:
 *
 *  - a status column is the add-in's when the workbook name it added (which Excel moves with
 *    inserted rows and columns) still refers to one column whose header reads like a status
 *    header ("Trạng thái CCHC 2024");
 *  - a row-coloring rule is the add-in's when its one range ends in that named column and its
 *    formula is `=$F8="Đạt"` keyed to that column and the rule's first row (a user's own
 *    `=$D9="Không đạt"` is not);
 *  - a report sheet is the add-in's when the sheet with the saved worksheet id still exists; it is
 *    unedited when its values are those the add-in wrote (same fingerprint, nothing beyond them).
 *
 * Conditional-format ids are positions (typings: "The priority of the conditional format in the
 * current ConditionalFormatCollection"), so rules are looked up by position in this sync and
 * deleted from the highest index down in the next.
 */
import { UNIT_STATUS_TEXT } from '../i18n';
import { isStatusHeader, statusRule } from '../report/status-column';
import { CellValue, cellFromOffice, columnLetters, displayText } from '../workbook/grid';
import { SavedReport, SavedState, SavedStatusColumn } from './state';

/** Workbook names the add-in gives its status columns: CCHC_TrangThai_1, _2 … */
export const STATUS_NAME_PREFIX = 'CCHC_TrangThai_';

/** Rules looked up per sheet in the proof sync (more cost one more sync). */
const RULES_PER_SYNC = 16;

const STATUS_WORDS: ReadonlySet<string> = new Set(
  (['non_compliant', 'undetermined', 'compliant'] as const).flatMap((st) => [UNIT_STATUS_TEXT[st].vi, UNIT_STATUS_TEXT[st].en]),
);

/** Whether a cell holds one of the status words the add-in writes (either language). */
export function isStatusWord(v: CellValue): boolean {
  return typeof v === 'string' && STATUS_WORDS.has(v);
}

/** FNV-1a over the JSON of a grid of values: what a report sheet held when the add-in wrote it. */
export function fingerprint(values: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const text = JSON.stringify(values.map((row) => row.map((v) => (v === null || v === undefined ? '' : v))));
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${h.toString(36)}`;
}

/** A status column proved to be the add-in's, where it is now. */
export interface OwnColumn {
  readonly name: string;
  readonly sheet: string;
  readonly column: number;
  /** Header row (0-based) and last row of the named range. */
  readonly top: number;
  readonly bottom: number;
  /** Its values now, top to bottom. */
  readonly values: readonly CellValue[];
}

export interface OwnRule {
  readonly sheet: string;
  /** Position in the sheet's collection at the proof sync. */
  readonly index: number;
}

export interface OwnReport {
  readonly saved: SavedReport;
  /** Its name now (the user may have renamed it). */
  readonly name: string;
  /** Whether its values are still those the add-in wrote. */
  readonly edited: boolean;
  /** Its issues sheet, if it still exists: unedited when its cells span what was written. */
  readonly issues: { readonly id: string; readonly name: string; readonly edited: boolean } | null;
}

export interface Ownership {
  readonly columns: readonly OwnColumn[];
  /** Saved status columns that could not be proved (left alone). */
  readonly unproved: number;
  readonly rules: readonly OwnRule[];
  readonly reports: readonly OwnReport[];
  /** Names in use in the workbook (for choosing a new status name). */
  readonly names: ReadonlySet<string>;
}

interface ColumnProbe {
  readonly saved: SavedStatusColumn & { readonly name: string };
  readonly range: Excel.Range;
}

interface RuleProbe {
  readonly index: number;
  readonly cf: Excel.ConditionalFormat;
  readonly range: Excel.Range;
}

interface SheetRules {
  readonly sheet: string;
  readonly count: OfficeExtension.ClientResult<number>;
  readonly probes: RuleProbe[];
}

interface ReportProbe {
  readonly saved: SavedReport;
  readonly ws: Excel.Worksheet;
  readonly values: Excel.Range;
  readonly used: Excel.Range;
  readonly issues: { readonly ws: Excel.Worksheet; readonly used: Excel.Range; readonly header: Excel.Range } | null;
}

/**
 * Queues the lookup of rules from..from+count-1. `orNull`: by getItemOrNullObject (ExcelApi 1.14),
 * so positions past the end are null objects and rules can be looked up before their count is
 * known; otherwise by getItemAt (ExcelApi 1.6), only for positions the count says exist.
 */
function queueRules(wb: Excel.Workbook, sheet: string, from: number, count: number, orNull: boolean): RuleProbe[] {
  const cfs = wb.worksheets.getItemOrNullObject(sheet).getRange().conditionalFormats;
  const probes: RuleProbe[] = [];
  for (let i = from; i < from + count; i++) {
    const cf = orNull ? cfs.getItemOrNullObject(String(i)) : cfs.getItemAt(i);
    cf.load('type,customOrNullObject/rule/formula');
    const range = cf.getRangeOrNullObject();
    range.load('rowIndex,columnIndex,rowCount,columnCount');
    probes.push({ index: i, cf, range });
  }
  return probes;
}

/**
 * Queues the loads that prove what is the add-in's; `sheets` are the units sheets to look for rules on.
 * `lookAhead`: the host has ConditionalFormatCollection.getItemOrNullObject (ExcelApi 1.14), so the
 * first rules are looked up in this sync; on an older host (the manifest admits 1.7) Office's
 * runtime refuses that call (ApiNotFound), and the rules are looked up by position once their count
 * is known — one more sync when a sheet has rules.
 */
export function queueProof(
  wb: Excel.Workbook,
  state: SavedState,
  sheets: readonly string[],
  reports: boolean,
  lookAhead: boolean,
) {
  const columns: ColumnProbe[] = [];
  for (const saved of state.statusColumns ?? []) {
    if (!saved.name) continue;
    const range = wb.names.getItemOrNullObject(saved.name).getRangeOrNullObject();
    range.load('values,rowIndex,columnIndex,rowCount,columnCount');
    range.worksheet.load('name');
    columns.push({ saved: { ...saved, name: saved.name }, range });
  }
  const ruleSheets = [...new Set([...sheets, ...(state.statusColumns ?? []).map((c) => c.sheet)])];
  const rules: SheetRules[] = ruleSheets.map((sheet) => {
    const count = wb.worksheets.getItemOrNullObject(sheet).getRange().conditionalFormats.getCount();
    return { sheet, count, probes: lookAhead ? queueRules(wb, sheet, 0, RULES_PER_SYNC, true) : [] };
  });
  const reportProbes: ReportProbe[] = reports
    ? (state.reports ?? []).map((saved) => {
        const ws = wb.worksheets.getItemOrNullObject(saved.id);
        ws.load('id,name,visibility');
        const values = ws.getRangeByIndexes(0, 0, Math.max(1, saved.rows), Math.max(1, saved.columns));
        values.load('values');
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        let issues: ReportProbe['issues'] = null;
        if (saved.issues) {
          const iws = wb.worksheets.getItemOrNullObject(saved.issues.id);
          iws.load('id,name,visibility');
          const iused = iws.getUsedRangeOrNullObject(true);
          iused.load('rowIndex,columnIndex,rowCount,columnCount');
          const header = iws.getRangeByIndexes(0, 0, 1, 5);
          header.load('values');
          issues = { ws: iws, used: iused, header };
        }
        return { saved, ws, values, used, issues };
      })
    : [];
  const names = wb.names;
  names.load('items/name');
  return { columns, rules, reportProbes, names, lookAhead };
}

export type ProofQueue = ReturnType<typeof queueProof>;

/**
 * Reads the proof once synced. Sheets with more rules than one sync looks up get the rest in
 * further syncs (`more` queues them; the caller syncs and calls again).
 */
export async function readProof(context: Excel.RequestContext, q: ProofQueue): Promise<Ownership> {
  const columns: OwnColumn[] = [];
  let unproved = 0;
  for (const { saved, range } of q.columns) {
    if (range.isNullObject || range.columnCount !== 1 || range.rowCount < 2) {
      unproved++;
      continue;
    }
    const values = range.values.map((row) => cellFromOffice(row[0]));
    if (!isStatusHeader(displayText(values[0]))) {
      unproved++;
      continue;
    }
    columns.push({
      name: saved.name,
      sheet: range.worksheet.name,
      column: range.columnIndex,
      top: range.rowIndex,
      bottom: range.rowIndex + range.rowCount - 1,
      values,
    });
  }

  // Sheets with more rules than the first sync looked up: the rest, all sheets in one more sync.
  const more = q.rules.map((s) =>
    s.count.value > s.probes.length
      ? queueRules(context.workbook, s.sheet, s.probes.length, s.count.value - s.probes.length, q.lookAhead)
      : [],
  );
  if (more.some((m) => m.length > 0)) await context.sync();
  const rules: OwnRule[] = [];
  for (const [k, s] of q.rules.entries()) {
    const probes = [...s.probes, ...more[k]];
    const total = s.count.value;
    const mine = columns.filter((c) => c.sheet === s.sheet);
    for (const p of probes.slice(0, total)) {
      if (p.cf.isNullObject || p.cf.type !== 'Custom' || p.cf.customOrNullObject.isNullObject || p.range.isNullObject) continue;
      const formula = p.cf.customOrNullObject.rule.formula;
      const top = p.range.rowIndex;
      const bottom = top + p.range.rowCount - 1;
      const right = p.range.columnIndex + p.range.columnCount - 1;
      const own = mine.some(
        (c) =>
          right === c.column &&
          top > c.top &&
          bottom === c.bottom &&
          [...STATUS_WORDS].some((w) => statusRule(columnLetters(c.column), top, w) === formula),
      );
      if (own) rules.push({ sheet: s.sheet, index: p.index });
    }
  }

  const reports: OwnReport[] = [];
  for (const { saved, ws, values, used, issues } of q.reportProbes) {
    if (ws.isNullObject || ws.id !== saved.id) continue;
    const beyond =
      !used.isNullObject && (used.rowIndex + used.rowCount > saved.rows || used.columnIndex + used.columnCount > saved.columns);
    const sheet =
      issues && saved.issues && !issues.ws.isNullObject && issues.ws.id === saved.issues.id
        ? {
            id: saved.issues.id,
            name: issues.ws.name,
            edited:
              issues.ws.visibility === 'VeryHidden' ||
              issues.used.isNullObject ||
              issues.used.rowIndex !== 0 ||
              issues.used.columnIndex !== 0 ||
              issues.used.rowCount !== saved.issues.rows ||
              issues.used.columnCount !== 5 ||
              cellFromOffice(issues.header.values[0]?.[0]) === null,
          }
        : null;
    // A sheet made very hidden (VBA, another add-in) is the user's doing, and Excel refuses to delete
    // one (office-js #365: "by design"): kept as edited.
    const hidden = ws.visibility === 'VeryHidden';
    reports.push({ saved, name: ws.name, edited: hidden || beyond || fingerprint(values.values) !== saved.print, issues: sheet });
  }
  return { columns, unproved, rules, reports, names: new Set(q.names.items.map((n) => n.name.toLowerCase())) };
}

/** Deletes the proved rules, highest index first on each sheet (ids shift down after a delete). */
export function deleteRules(wb: Excel.Workbook, rules: readonly OwnRule[]): void {
  const sorted = [...rules].sort((a, b) => (a.sheet === b.sheet ? b.index - a.index : a.sheet < b.sheet ? -1 : 1));
  for (const r of sorted) wb.worksheets.getItem(r.sheet).getRange().conditionalFormats.getItem(String(r.index)).delete();
}

/**
 * Empties the add-in's words in a proved status column (its header and the status words);
 * anything the user typed there stays. Null in a values array leaves a cell as it is.
 */
export function clearColumn(wb: Excel.Workbook, c: OwnColumn): void {
  const values = c.values.map((v, i) => [i === 0 || isStatusWord(v) ? '' : null]);
  wb.worksheets.getItem(c.sheet).getRangeByIndexes(c.top, c.column, values.length, 1).values = values as unknown as string[][];
}

/** A workbook name for a status column not in use yet. */
export function freeStatusName(used: Set<string>): string {
  for (let i = 1; ; i++) {
    const name = `${STATUS_NAME_PREFIX}${i}`;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}
