/**
 * Reading the open workbook into the engine's grid model, in as few round trips as Office allows:
 *
 *  1. one sync for every sheet's name, visibility, protection, used-range size and top rows, and
 *     the add-in's saved state (sheets are reached by walking getFirst/getNextOrNullObject, so no
 *     sync is spent learning their names);
 *  2. one sync (more only if the payload budget demands) for the columns the evaluation needs,
 *     the cells beside each units list (for the status column) and the conditional formats on
 *     units sheets (to find the add-in's own rules).
 *
 * Proxies and calls depend on the number of sheets and columns, never on the number of rows.
 */
import { CellValue, SheetGrid, WorkbookGrid, cellFromOffice, isCellError } from '../workbook/grid';
import {
  AnyLayout,
  DetectedLists,
  HEADER_SCAN_ROWS,
  ManualLayout,
  applyManual,
  detectLists,
  layoutColumns,
} from '../workbook/detect';
import { Dataset, readDataset } from '../engine';
import { chooseStatusColumn, lastListColumn } from '../report/status-column';
import { AddinError, fromOfficeError } from './errors';
import { EMPTY_STATE, STATE_KEY, SavedState, parseState } from './state';
import { ExcelEnv, checkCancelled } from './env';
import { OWN_RULE_LOAD, isOwnStatusRule } from './own-rules';

/** Sheets probed per sync while walking the sheet chain. */
export const SHEETS_PER_SYNC = 24;
/** Response budget per sync (Excel on the web fails a request over 5 MB). */
export const PAYLOAD_BUDGET = 2.5 * 1024 * 1024;
/** Bytes kept free in a sync that also carries the sheets' top rows. */
const PROBE_ALLOWANCE = 0.1 * 1024 * 1024;
/** Columns beside a units list examined for an empty one. */
const STATUS_CANDIDATES = 6;

export interface SheetInfo {
  readonly name: string;
  readonly visible: boolean;
  readonly protected: boolean;
  /** 0-based used range, or null for an empty sheet. */
  readonly used: { readonly row: number; readonly col: number; readonly rowCount: number; readonly colCount: number } | null;
}

export interface StatusPlan {
  readonly sheet: string;
  /** 0-based column chosen for the status (the add-in's own or the first empty one). */
  readonly column: number;
  /** The rows the list's units occupy, header included. */
  readonly headerRow: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** The list's first column (the row coloring starts there). */
  readonly firstColumn: number;
}

export interface WorkbookRead {
  readonly sheets: readonly SheetInfo[];
  readonly grid: WorkbookGrid;
  readonly lists: DetectedLists;
  readonly dataset: Dataset;
  readonly state: SavedState;
  readonly workbookProtected: boolean;
  readonly readOnly: boolean;
  /** Where each units list's status goes. */
  readonly statusPlans: readonly StatusPlan[];
  /** The add-in's own conditional formats found on units sheets (ids valid in this session). */
  readonly ownRules: ReadonlyArray<{ readonly sheet: string; readonly id: string }>;
  /** Number of syncs this read took. */
  readonly syncs: number;
  /** The column choices made by hand that this read applied (saved with the next write). */
  readonly manual: readonly ManualLayout[];
  /** Set after a write added rules whose ids this read does not know: the next write looks them up. */
  readonly rulesStale?: boolean;
}

export interface ReadOptions {
  /** Column choices that override detection (the user's, remembered or just made). */
  readonly manual?: readonly ManualLayout[];
  readonly signal?: AbortSignal;
  /** The lists as a previous read of this session found them (see KnownLayouts). */
  readonly known?: KnownLayouts;
  /** Response bytes per sync the column reads stay under (Excel on the web fails over 5 MB). */
  readonly payloadBudget?: number;
  readonly onProgress?: (step: 'sheets' | 'columns', done: number, total: number) => void;
}

interface SheetProbe {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly top: Excel.Range;
}

function probe(ws: Excel.Worksheet): SheetProbe {
  ws.load('name,visibility');
  ws.protection.load('protected');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const top = used.getRow(0).getResizedRange(HEADER_SCAN_ROWS - 1, 0);
  top.load('values');
  return { ws, used, top };
}

/** Queues probes for up to SHEETS_PER_SYNC sheets from `first` on; the next sheet (or a null object) comes last. */
function walk(first: Excel.Worksheet): { probes: SheetProbe[]; next: Excel.Worksheet } {
  const probes: SheetProbe[] = [];
  let ws = first;
  for (let i = 0; i < SHEETS_PER_SYNC; i++) {
    probes.push(probe(ws));
    ws = ws.getNextOrNullObject();
  }
  ws.load('name');
  return { probes, next: ws };
}

/**
 * Continues the sheet chain after a first batch of probes has synced: one more sync per
 * SHEETS_PER_SYNC sheets (none for a workbook of up to that many sheets).
 */
async function probeRest(
  context: Excel.RequestContext,
  batch: { probes: SheetProbe[]; next: Excel.Worksheet },
  options: ReadOptions,
  done: SheetProbe[] = [],
): Promise<{ probes: SheetProbe[]; syncs: number }> {
  const real = batch.probes.filter((p) => !p.ws.isNullObject);
  const all = [...done, ...real];
  options.onProgress?.('sheets', all.length, all.length + (batch.next.isNullObject ? 0 : 1));
  if (batch.next.isNullObject || real.length < batch.probes.length) return { probes: all, syncs: 0 };
  checkCancelled(options.signal);
  const more = walk(batch.next);
  await context.sync();
  const rest = await probeRest(context, more, options, all);
  return { probes: rest.probes, syncs: rest.syncs + 1 };
}

/** A contiguous block of columns to load for one list. */
interface ColumnRun {
  readonly sheet: string;
  readonly first: number;
  readonly count: number;
  readonly top: number;
  readonly bottom: number;
  /** Bytes per row in the response, estimated from the top rows. */
  readonly rowBytes: number;
  /** Loaded whole in the first chunk (the row numbers that decide which names are needed). */
  readonly whole?: boolean;
}

const utf8 = new TextEncoder();

/**
 * The columns a list's evaluation reads: a staff list's titles only when there is no "Lãnh đạo"
 * column, and its people's names not at all when `withoutNames` (see planRead).
 */
function neededColumns(layout: AnyLayout, withoutNames: boolean): number[] {
  const columns = layout.columns as Record<string, number>;
  const skip = new Set<string>();
  if (layout.kind === 'staff' && columns.leader !== undefined) skip.add('title');
  if (withoutNames) skip.add('name');
  const skipped = new Set([...skip].map((f) => columns[f]));
  // Year columns too (SPEC §2 "One column per year"): layoutColumns lists them all.
  return layoutColumns(layout).filter((c) => !skipped.has(c));
}

function columnRuns(layout: AnyLayout, sheet: SheetGrid, withoutNames = false): ColumnRun[] {
  const cols = neededColumns(layout, withoutNames);
  const stt = (layout.columns as Record<string, number>).stt;
  const runs: ColumnRun[] = [];
  // Response bytes per row, from the rows already read (the top rows, or a previous read's rows
  // spread over the whole list): values as UTF-8 JSON, Vietnamese letters taking two or three bytes.
  const present = Math.min(layout.dataBottom, sheet.originRow + sheet.rows.length - 1) - layout.dataTop + 1;
  const step = Math.max(1, Math.floor(present / 400));
  const estimate = (c: number): number => {
    let bytes = 0;
    let n = 0;
    for (let r = layout.dataTop; r < layout.dataTop + present; r += step) {
      const row = sheet.rows[r - sheet.originRow];
      if (!row) continue;
      const v = row[c - sheet.originCol];
      if (v === undefined) continue;
      // As Excel sends it: an empty cell is "", an error its text.
      const sent = v === null ? '' : isCellError(v) ? v.error : v;
      bytes += utf8.encode(JSON.stringify(sent)).length + 1;
      n++;
    }
    // A sample from the top rows alone gets a small margin; one spread over the list needs none.
    return n > 0 ? Math.max(3, (bytes / n) * (step > 1 ? 1 : 1.05)) : 24;
  };
  for (const c of cols) {
    const last = runs[runs.length - 1];
    // Without names, the row numbers travel alone and whole in the first chunk.
    const whole = withoutNames && c === stt;
    if (last && !last.whole && !whole && last.first + last.count === c) {
      runs[runs.length - 1] = { ...last, count: last.count + 1, rowBytes: last.rowBytes + estimate(c) };
    } else
      runs.push({
        sheet: layout.sheet,
        first: c,
        count: 1,
        top: layout.dataTop,
        bottom: layout.dataBottom,
        rowBytes: estimate(c) + 2,
        ...(whole ? { whole } : {}),
      });
  }
  return runs;
}

/** Splits the row bands of all runs into as few syncs as keep each under the budget ("whole" runs go first). */
export function planChunks(runs: readonly ColumnRun[], budget = PAYLOAD_BUDGET): ColumnRun[][] {
  const bytes = (r: ColumnRun) => Math.max(0, r.bottom - r.top + 1) * r.rowBytes;
  const total = runs.reduce((s, r) => s + bytes(r), 0);
  const parts = Math.max(1, Math.ceil(total / budget));
  const chunks: ColumnRun[][] = Array.from({ length: parts }, () => []);
  for (const run of runs) {
    const rows = run.bottom - run.top + 1;
    if (rows <= 0) continue;
    if (run.whole) {
      chunks[0].push(run);
      continue;
    }
    const band = Math.ceil(rows / parts);
    for (let k = 0; k < parts; k++) {
      const top = run.top + k * band;
      const bottom = Math.min(run.bottom, top + band - 1);
      if (top <= bottom) chunks[k].push({ ...run, top, bottom });
    }
  }
  return chunks.filter((c) => c.length > 0);
}

/** A staff list whose names are read only where its rows are not numbered. */
interface DeferredNames {
  readonly sheet: string;
  readonly nameCol: number;
  readonly sttCol: number;
  readonly top: number;
  readonly bottom: number;
}

export interface ReadPlan {
  readonly chunks: ColumnRun[][];
  readonly deferred: readonly DeferredNames[];
}

/**
 * The column reads, in as few syncs as the budget allows. People's names matter to the evaluation
 * only on rows that are not numbered (a total, a heading, a note); a large staff list with numbered
 * rows and a "Làm công tác CCHC" column therefore loads its row numbers first and its names only
 * for the rows without a number — when that saves a sync.
 */
export function planRead(
  layouts: readonly AnyLayout[],
  sheetOf: (name: string) => SheetGrid | undefined,
  budget: number,
): ReadPlan {
  const runsOf = (defer: (l: AnyLayout) => boolean) =>
    layouts.flatMap((l) => {
      const sheet = sheetOf(l.sheet);
      return sheet ? columnRuns(l, sheet, defer(l)) : [];
    });
  const full = planChunks(
    runsOf(() => false),
    budget,
  );
  if (full.length < 2) return { chunks: full, deferred: [] };
  const deferrable = (l: AnyLayout) => {
    const c = l.columns as Record<string, number>;
    return l.kind === 'staff' && c.name !== undefined && c.stt !== undefined && c.cchc !== undefined;
  };
  const lite = planChunks(runsOf(deferrable), budget);
  if (lite.length >= full.length || lite.length < 2) return { chunks: full, deferred: [] };
  return {
    chunks: lite,
    deferred: layouts.filter(deferrable).map((l) => {
      const c = l.columns as Record<string, number>;
      return { sheet: l.sheet, nameCol: c.name, sttCol: c.stt, top: l.dataTop, bottom: l.dataBottom };
    }),
  };
}

/** The name cells to load: runs of rows whose number cell is not a number (capped: else the whole column). */
function nameRuns(d: DeferredNames, rows: SheetRows): ColumnRun[] {
  const runs: ColumnRun[] = [];
  let start = -1;
  for (let r = d.top; r <= d.bottom + 1; r++) {
    const v = r <= d.bottom ? rows.rows[r - rows.originRow]?.[d.sttCol - rows.originCol] : 0;
    const unnumbered = r <= d.bottom && typeof v !== 'number';
    if (unnumbered && start < 0) start = r;
    if (!unnumbered && start >= 0) {
      runs.push({ sheet: d.sheet, first: d.nameCol, count: 1, top: start, bottom: r - 1, rowBytes: 24 });
      start = -1;
    }
  }
  if (runs.length > 200) return [{ sheet: d.sheet, first: d.nameCol, count: 1, top: d.top, bottom: d.bottom, rowBytes: 24 }];
  return runs;
}

/** Rows of a sheet grid, filled as columns arrive. */
class SheetRows {
  readonly rows: (CellValue | undefined)[][] = [];
  constructor(
    readonly name: string,
    readonly originRow: number,
    readonly originCol: number,
    readonly totalRows: number,
  ) {}

  put(row: number, col: number, values: readonly (readonly unknown[])[]): void {
    for (let i = 0; i < values.length; i++) {
      const r = row + i - this.originRow;
      let target = this.rows[r];
      if (!target) target = this.rows[r] = [];
      const src = values[i];
      for (let j = 0; j < src.length; j++) target[col + j - this.originCol] = cellFromOffice(src[j]);
    }
  }

  grid(): SheetGrid {
    return { name: this.name, rows: this.rows, originRow: this.originRow, originCol: this.originCol, totalRows: this.totalRows };
  }
}

/** The reads a write needs (cells beside units lists, conditional formats on their sheets), queued. */
function queueExtras(wb: Excel.Workbook, lists: DetectedLists) {
  const candidates = lists.units.map((l) => {
    const range = wb.worksheets
      .getItemOrNullObject(l.sheet)
      .getRangeByIndexes(l.headerTop, lastListColumn(l) + 1, Math.max(1, l.dataBottom - l.headerTop + 1), STATUS_CANDIDATES);
    range.load('values');
    return { layout: l, range };
  });
  const rules = [...new Set(lists.units.map((l) => l.sheet))].map((name) => {
    const cfs = wb.worksheets.getItemOrNullObject(name).getRange().conditionalFormats;
    cfs.load(OWN_RULE_LOAD);
    return { sheet: name, cfs };
  });
  return { candidates, rules };
}

/** Queues the loads of one chunk (sheets reached with getItemOrNullObject: a sheet gone is no error). */
function queueChunk(wb: Excel.Workbook, chunk: readonly ColumnRun[]) {
  return chunk.map((run) => {
    const r = wb.worksheets
      .getItemOrNullObject(run.sheet)
      .getRangeByIndexes(run.top, run.first, run.bottom - run.top + 1, run.count);
    r.load('values');
    return { run, r };
  });
}

function sameLayouts(a: readonly AnyLayout[], b: readonly AnyLayout[]): boolean {
  const key = (l: AnyLayout) =>
    JSON.stringify([l.kind, l.sheet, l.headerTop, l.headerBottom, l.dataTop, l.dataBottom, Object.entries(l.columns).sort()]);
  return a.length === b.length && a.every((l, i) => key(l) === key(b[i]));
}

/** What a previous read of this session found: lets the first sync carry data too. */
export interface KnownLayouts {
  readonly lists: DetectedLists;
  readonly grid: WorkbookGrid;
}

/**
 * Reads the lists of the open workbook: 2 syncs for most workbooks, more only past the payload
 * budget. With `known` layouts (the session read this workbook before), the first sync also
 * carries the first chunk of data, and the read takes one sync fewer when the lists are unchanged.
 */
export async function readWorkbook(env: ExcelEnv, options: ReadOptions = {}): Promise<WorkbookRead> {
  const budget = options.payloadBudget ?? PAYLOAD_BUDGET;
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      wb.protection.load('protected');
      const canReadOnly = env.supports('ExcelApi', '1.8');
      if (canReadOnly) wb.load('readOnly');
      const setting = wb.settings.getItemOrNullObject(STATE_KEY);
      setting.load('value');
      const firstBatch = walk(wb.worksheets.getFirst());
      // Speculation: the lists as they were, their first chunk of data and the extras, in this sync.
      const known = options.known;
      const knownLayouts: AnyLayout[] = known ? [...known.lists.units, ...known.lists.staff, ...known.lists.activities] : [];
      const knownPlan =
        known && knownLayouts.length > 0
          ? // Leave room for the sheets' top rows, which ride in the same sync.
            planRead(knownLayouts, (name) => known.grid.sheets.find((g) => g.name === name), budget - PROBE_ALLOWANCE)
          : null;
      const speculative =
        knownPlan && known && knownPlan.chunks.length > 0
          ? { ranges: queueChunk(wb, knownPlan.chunks[0]), extras: queueExtras(wb, known.lists) }
          : null;
      await context.sync();
      const { probes, syncs: extraSyncs } = await probeRest(context, firstBatch, options);
      const probeSyncs = 1 + extraSyncs;
      checkCancelled(options.signal);
      const state = setting.isNullObject ? EMPTY_STATE : parseState(setting.value);

      const sheets: SheetInfo[] = [];
      const builders = new Map<string, SheetRows>();
      for (const p of probes) {
        const used = p.used.isNullObject
          ? null
          : { row: p.used.rowIndex, col: p.used.columnIndex, rowCount: p.used.rowCount, colCount: p.used.columnCount };
        sheets.push({ name: p.ws.name, visible: p.ws.visibility === 'Visible', protected: p.ws.protection.protected, used });
        const b = new SheetRows(p.ws.name, used?.row ?? 0, used?.col ?? 0, used ? used.row + used.rowCount : 0);
        if (used && !p.top.isNullObject) b.put(used.row, used.col, p.top.values.slice(0, used.rowCount));
        builders.set(p.ws.name, b);
      }
      const headGrid: WorkbookGrid = {
        sheets: sheets.map((s) => ({ ...(builders.get(s.name) as SheetRows).grid(), hidden: !s.visible })),
      };
      const manual = options.manual ?? state.mapping ?? [];
      const lists = applyManual(headGrid, detectLists(headGrid), manual);
      const layouts: AnyLayout[] = [...lists.units, ...lists.staff, ...lists.activities];
      if (layouts.length === 0) throw new AddinError('no_lists');

      // The data: the speculative chunk when the lists are unchanged, then the rest, one sync each.
      let extras: ReturnType<typeof queueExtras>;
      let syncs: number;
      if (speculative && knownPlan && sameLayouts(layouts, knownLayouts)) {
        for (const { run, r } of speculative.ranges)
          if (!r.isNullObject) (builders.get(run.sheet) as SheetRows).put(run.top, run.first, r.values);
        extras = speculative.extras;
        const rest = knownPlan.chunks.slice(1);
        if (rest.length > 0) for (const d of knownPlan.deferred) rest[0].push(...nameRuns(d, builders.get(d.sheet) as SheetRows));
        syncs = rest.length > 0 ? await loadChunks(context, wb, { chunks: rest, deferred: [] }, builders, options) : 0;
      } else {
        const plan = planRead(layouts, (name) => headGrid.sheets.find((g) => g.name === name), budget);
        extras = queueExtras(wb, lists);
        syncs = await loadChunks(context, wb, plan, builders, options);
      }
      const { candidates, rules } = extras;

      const grid: WorkbookGrid = {
        sheets: sheets.map((s) => ({ ...(builders.get(s.name) as SheetRows).grid(), hidden: !s.visible })),
      };
      const dataset = readDataset(grid, lists);

      const statusPlans: StatusPlan[] = candidates.map(({ layout, range }) => {
        const left = lastListColumn(layout) + 1;
        const block = range.isNullObject ? [] : range.values;
        const unitRows = dataset.units.filter((u) => u.sheet === layout.sheet).map((u) => u.row);
        const lastRow = unitRows.length > 0 ? Math.max(...unitRows) : layout.dataTop;
        const cell = (r: number, c: number): CellValue => {
          if (c - left >= STATUS_CANDIDATES) return 'occupied';
          return cellFromOffice(block[r - layout.headerTop]?.[c - left]);
        };
        let column: number;
        try {
          column = chooseStatusColumn(layout, lastRow, cell, left + STATUS_CANDIDATES - 1);
        } catch {
          throw new AddinError('no_free_column', { sheet: layout.sheet });
        }
        const firstColumn = Math.min(
          ...layout.allHeaders.map((h) => h.col),
          ...Object.values(layout.columns as Record<string, number>),
        );
        return { sheet: layout.sheet, column, headerRow: layout.headerBottom, firstRow: layout.dataTop, lastRow, firstColumn };
      });
      const ownRules = rules.flatMap(({ sheet, cfs }) =>
        cfs.isNullObject ? [] : cfs.items.filter(isOwnStatusRule).map((cf) => ({ sheet, id: cf.id })),
      );
      return {
        sheets,
        grid,
        lists,
        dataset,
        state,
        workbookProtected: wb.protection.protected,
        readOnly: canReadOnly ? wb.readOnly : false,
        statusPlans,
        ownRules,
        manual,
        syncs: probeSyncs + syncs,
      };
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}

/**
 * Loads the chunks, one sync each; the extra reads queued before ride on the first. Deferred
 * names are added to the second chunk once the first has brought the row numbers.
 */
async function loadChunks(
  context: Excel.RequestContext,
  wb: Excel.Workbook,
  plan: ReadPlan,
  builders: Map<string, SheetRows>,
  options: ReadOptions,
  index = 0,
): Promise<number> {
  const chunk = [...(plan.chunks[index] ?? [])];
  if (index === 1) for (const d of plan.deferred) chunk.push(...nameRuns(d, builders.get(d.sheet) as SheetRows));
  const ranges = queueChunk(wb, chunk);
  await context.sync();
  for (const { run, r } of ranges) if (!r.isNullObject) (builders.get(run.sheet) as SheetRows).put(run.top, run.first, r.values);
  options.onProgress?.('columns', index + 1, Math.max(1, plan.chunks.length));
  if (index + 1 >= plan.chunks.length) return 1;
  checkCancelled(options.signal);
  return 1 + (await loadChunks(context, wb, plan, builders, options, index + 1));
}
