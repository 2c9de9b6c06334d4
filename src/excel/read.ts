/**
 * Reading the open workbook into the engine's grid model, in as few round trips as Office allows:
 *
 *  1. one sync for every sheet's name, visibility, protection, used-range size and top rows, and
 *     the add-in's saved state (sheets are reached by walking getFirst/getNextOrNullObject, so no
 *     sync is spent learning their names);
 *  2. one sync (more only if the payload budget demands) for the columns the evaluation needs
 *     and the cells beside each units list (for the status column).
 *
 * Proxies and calls depend on the number of sheets and columns, never on the number of rows.
 */
import { CellRange, CellValue, SheetGrid, TableInfo, WorkbookGrid, cellFromOffice, isCellError } from '../workbook/grid';
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
import { refindColumns } from './mapping';

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
  /** Number of syncs this read took. */
  readonly syncs: number;
  /** The column choices made by hand that this read applied (saved with the next write). */
  readonly manual: readonly ManualLayout[];
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
  /** Merged areas in the top rows (two-row headers with merged group cells); null where Excel cannot tell. */
  readonly merged: Excel.RangeAreas | null;
  readonly tables: Excel.TableCollection;
}

/** What to load of a RangeAreas of merged cells (typings: Range.getMergedAreasOrNullObject, ExcelApi 1.13). */
const MERGE_LOAD = 'areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount';

/**
 * The merged areas of a range, queued — or null on a host older than ExcelApi 1.13 (the manifest
 * admits 1.7: Office 2019 has 1.8), where Office's runtime refuses the call with ApiNotFound and
 * no other call tells merged cells: there a value merged down a column reads only in its top cell.
 */
function queueMerges(r: Excel.Range, supported: boolean): Excel.RangeAreas | null {
  if (!supported) return null;
  const merged = r.getMergedAreasOrNullObject();
  merged.load(MERGE_LOAD);
  return merged;
}

/** ReadOptions and what the host can do. */
interface ReadRun extends ReadOptions {
  /** Whether the host has Range.getMergedAreasOrNullObject (ExcelApi 1.13). */
  readonly mergeAreas: boolean;
}

function probe(ws: Excel.Worksheet, mergeAreas: boolean): SheetProbe {
  ws.load('name,visibility');
  ws.protection.load('protected');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const top = used.getRow(0).getResizedRange(HEADER_SCAN_ROWS - 1, 0);
  top.load('values');
  const merged = queueMerges(top, mergeAreas);
  const tables = ws.tables;
  tables.load('items/name');
  return { ws, used, top, merged, tables };
}

/** Queues probes for up to SHEETS_PER_SYNC sheets from `first` on; the next sheet (or a null object) comes last. */
function walk(first: Excel.Worksheet, mergeAreas: boolean): { probes: SheetProbe[]; next: Excel.Worksheet } {
  const probes: SheetProbe[] = [];
  let ws = first;
  for (let i = 0; i < SHEETS_PER_SYNC; i++) {
    probes.push(probe(ws, mergeAreas));
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
  options: ReadRun,
  done: SheetProbe[] = [],
): Promise<{ probes: SheetProbe[]; syncs: number }> {
  const real = batch.probes.filter((p) => !p.ws.isNullObject);
  const all = [...done, ...real];
  options.onProgress?.('sheets', all.length, all.length + (batch.next.isNullObject ? 0 : 1));
  if (batch.next.isNullObject || real.length < batch.probes.length) return { probes: all, syncs: 0 };
  checkCancelled(options.signal);
  const more = walk(batch.next, options.mergeAreas);
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

/** Rows of a sheet grid, filled as columns arrive (with the merged areas and tables found). */
class SheetRows {
  readonly rows: (CellValue | undefined)[][] = [];
  private readonly merges = new Map<string, CellRange>();
  tables: TableInfo[] = [];

  /** Adds the areas of a loaded getMergedAreasOrNullObject() (a null object: none; null: not asked). */
  addMerges(areas: Excel.RangeAreas | null): void {
    if (areas === null || areas.isNullObject) return;
    for (const a of areas.areas.items) {
      const m = {
        top: a.rowIndex,
        left: a.columnIndex,
        bottom: a.rowIndex + a.rowCount - 1,
        right: a.columnIndex + a.columnCount - 1,
      };
      this.merges.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
    }
  }
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
    return {
      name: this.name,
      rows: this.rows,
      originRow: this.originRow,
      originCol: this.originCol,
      totalRows: this.totalRows,
      merges: [...this.merges.values()],
      tables: this.tables,
    };
  }
}

/**
 * The reads a write needs (cells beside units lists), queued: their formulas, or values where
 * there is none (a formula showing "" reads as an empty value but is the user's) and, where the
 * host can tell, the merged areas reaching into them (a cell inside a merge reads empty too).
 */
function queueExtras(wb: Excel.Workbook, lists: DetectedLists, mergeAreas: boolean, bottoms?: ReadonlyMap<AnyLayout, number>) {
  const candidates = lists.units.map((l) => {
    // A units list is never this long: past it, a stray cell (at A1048576) is not a unit.
    const bottom = Math.min(bottoms?.get(l) ?? l.dataBottom, l.headerTop + TRIM_ROWS);
    const range = wb.worksheets
      .getItemOrNullObject(l.sheet)
      .getRangeByIndexes(l.headerTop, lastListColumn(l) + 1, Math.max(1, bottom - l.headerTop + 1), STATUS_CANDIDATES);
    // Formulas alone: "If a cell has no formula, its value is returned instead" (Range.formulas,
    // @types/office-js), so a formula showing "" is told from an empty cell at no extra payload.
    range.load('formulas');
    return { layout: l, range, merged: queueMerges(range, mergeAreas) };
  });
  return { candidates };
}

/** Whether (row, col), 0-based, lies in one of the loaded merged areas (null or a null object: none). */
function inMergedArea(merged: Excel.RangeAreas | null, row: number, col: number): boolean {
  if (merged === null || merged.isNullObject) return false;
  return merged.areas.items.some(
    (a) => row >= a.rowIndex && row < a.rowIndex + a.rowCount && col >= a.columnIndex && col < a.columnIndex + a.columnCount,
  );
}

/** Rows past which a list is first looked at band by band for where it holds data. */
const TRIM_ROWS = 65_536;

const isLong = (l: AnyLayout): boolean => l.dataBottom - l.dataTop + 1 > TRIM_ROWS;

/**
 * The parts of long lists that hold data: each band of TRIM_ROWS rows reports the used range
 * within the list's columns (Range.getUsedRangeOrNullObject(true): values only), in one sync.
 * Short lists are returned as they are, with no sync.
 */
async function trimLists(
  context: Excel.RequestContext,
  wb: Excel.Workbook,
  layouts: readonly AnyLayout[],
): Promise<{ segments: AnyLayout[]; bottoms: Map<AnyLayout, number>; syncs: number }> {
  const bottoms = new Map<AnyLayout, number>();
  if (!layouts.some(isLong)) return { segments: [...layouts], bottoms, syncs: 0 };
  const probes = layouts.map((l) => {
    if (!isLong(l)) return { l, bands: null };
    const cols = [...Object.values(l.columns as Record<string, number>), ...l.allHeaders.map((h) => h.col)];
    const left = Math.min(...cols);
    const width = Math.max(...cols) - left + 1;
    const bands: Excel.Range[] = [];
    for (let top = l.dataTop; top <= l.dataBottom; top += TRIM_ROWS) {
      const used = wb.worksheets
        .getItemOrNullObject(l.sheet)
        .getRangeByIndexes(top, left, Math.min(TRIM_ROWS, l.dataBottom - top + 1), width)
        .getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount');
      bands.push(used);
    }
    return { l, bands };
  });
  await context.sync();
  const segments: AnyLayout[] = [];
  for (const { l, bands } of probes) {
    if (!bands) {
      segments.push(l);
      continue;
    }
    const parts: Array<[number, number]> = [];
    for (const b of bands) {
      if (b.isNullObject) continue;
      const part: [number, number] = [b.rowIndex, b.rowIndex + b.rowCount - 1];
      const last = parts[parts.length - 1];
      if (last && last[1] + 1 >= part[0]) last[1] = part[1];
      else parts.push(part);
    }
    for (const [top, bottom] of parts) segments.push({ ...l, dataTop: top, dataBottom: bottom });
    bottoms.set(l, parts.length > 0 ? parts[parts.length - 1][1] : l.dataTop);
  }
  return { segments, bottoms, syncs: 1 };
}

/** Queues the loads of one chunk (sheets reached with getItemOrNullObject: a sheet gone is no error). */
function queueChunk(wb: Excel.Workbook, chunk: readonly ColumnRun[], mergeAreas: boolean) {
  return chunk.map((run) => {
    const r = wb.worksheets
      .getItemOrNullObject(run.sheet)
      .getRangeByIndexes(run.top, run.first, run.bottom - run.top + 1, run.count);
    r.load('values');
    // Cells merged down a column (a unit's name over its people's rows) read as the top cell's.
    const merged = queueMerges(r, mergeAreas);
    return { run, r, merged };
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
      const readRun: ReadRun = { ...options, mergeAreas: env.supports('ExcelApi', '1.13') };
      const firstBatch = walk(wb.worksheets.getFirst(), readRun.mergeAreas);
      // Speculation: the lists as they were, their first chunk of data and the extras, in this sync.
      const known = options.known;
      const knownLayouts: AnyLayout[] = known ? [...known.lists.units, ...known.lists.staff, ...known.lists.activities] : [];
      const knownPlan =
        known && knownLayouts.length > 0 && !knownLayouts.some(isLong)
          ? // Leave room for the sheets' top rows, which ride in the same sync.
            planRead(knownLayouts, (name) => known.grid.sheets.find((g) => g.name === name), budget - PROBE_ALLOWANCE)
          : null;
      const speculative =
        knownPlan && known && knownPlan.chunks.length > 0
          ? {
              ranges: queueChunk(wb, knownPlan.chunks[0], readRun.mergeAreas),
              extras: queueExtras(wb, known.lists, readRun.mergeAreas),
            }
          : null;
      await context.sync();
      const { probes, syncs: extraSyncs } = await probeRest(context, firstBatch, readRun);
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
        b.addMerges(p.merged);
        builders.set(p.ws.name, b);
      }
      // Excel tables (several on a sheet are several lists): their ranges, one more sync only when there are any.
      const tableSyncs = await loadTables(context, probes, builders);
      const headGrid: WorkbookGrid = {
        sheets: sheets.map((s) => ({ ...(builders.get(s.name) as SheetRows).grid(), hidden: !s.visible })),
      };
      const detected = detectLists(headGrid);
      const manual = refindColumns(headGrid, detected, options.manual ?? state.mapping ?? []);
      const lists = applyManual(headGrid, detected, manual);
      const layouts: AnyLayout[] = [...lists.units, ...lists.staff, ...lists.activities];
      if (layouts.length === 0) throw new AddinError('no_lists');

      // The data: the speculative chunk when the lists are unchanged, then the rest, one sync each.
      let extras: ReturnType<typeof queueExtras>;
      let syncs: number;
      if (speculative && knownPlan && sameLayouts(layouts, knownLayouts)) {
        for (const { run, r, merged } of speculative.ranges)
          if (!r.isNullObject) {
            (builders.get(run.sheet) as SheetRows).put(run.top, run.first, r.values);
            (builders.get(run.sheet) as SheetRows).addMerges(merged);
          }
        extras = speculative.extras;
        const rest = knownPlan.chunks.slice(1);
        if (rest.length > 0) for (const d of knownPlan.deferred) rest[0].push(...nameRuns(d, builders.get(d.sheet) as SheetRows));
        syncs = rest.length > 0 ? await loadChunks(context, wb, { chunks: rest, deferred: [] }, builders, readRun) : 0;
      } else {
        // Lists reaching far down (a stray value at A1048576) are read only where they hold data.
        const trim = await trimLists(context, wb, layouts);
        const plan = planRead(trim.segments, (name) => headGrid.sheets.find((g) => g.name === name), budget);
        extras = queueExtras(wb, lists, readRun.mergeAreas, trim.bottoms);
        // A first chunk refused for its size is read again in halves: the extras ride again too.
        const requeue = () => {
          extras = queueExtras(wb, lists, readRun.mergeAreas, trim.bottoms);
        };
        syncs = trim.syncs + (await loadChunks(context, wb, plan, builders, { ...readRun, requeue }));
      }
      const { candidates } = extras;

      const grid: WorkbookGrid = {
        sheets: sheets.map((s) => ({ ...(builders.get(s.name) as SheetRows).grid(), hidden: !s.visible })),
      };
      const dataset = readDataset(grid, lists);

      const statusPlans: StatusPlan[] = candidates.map(({ layout, range, merged }) => {
        const left = lastListColumn(layout) + 1;
        const formulas = range.isNullObject ? [] : range.formulas;
        const unitRows = dataset.units.filter((u) => u.sheet === layout.sheet).map((u) => u.row);
        const lastRow = unitRows.length > 0 ? Math.max(...unitRows) : layout.dataTop;
        const cell = (r: number, c: number): CellValue => {
          if (c - left >= STATUS_CANDIDATES) return 'occupied';
          // The user's though it shows nothing: a formula giving "", a cell inside a merged area.
          const formula: unknown = formulas[r - layout.headerTop]?.[c - left];
          if ((typeof formula === 'string' && formula.startsWith('=')) || inMergedArea(merged, r, c)) return 'occupied';
          return cellFromOffice(formula);
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
      return {
        sheets,
        grid,
        lists,
        dataset,
        state,
        workbookProtected: wb.protection.protected,
        readOnly: canReadOnly ? wb.readOnly : false,
        statusPlans,
        manual,
        syncs: probeSyncs + tableSyncs + syncs,
      };
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}

/** Loads the ranges of the tables the probes found (none: no sync). */
async function loadTables(
  context: Excel.RequestContext,
  probes: readonly SheetProbe[],
  builders: Map<string, SheetRows>,
): Promise<number> {
  const queued = probes.flatMap((p) =>
    p.tables.items.map((t) => {
      const range = t.getRange();
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return { sheet: p.ws.name, name: t.name, range };
    }),
  );
  if (queued.length === 0) return 0;
  await context.sync();
  for (const { sheet, name, range: r } of queued) {
    const b = builders.get(sheet);
    if (b)
      b.tables = [
        ...b.tables,
        {
          name,
          range: {
            top: r.rowIndex,
            left: r.columnIndex,
            bottom: r.rowIndex + r.rowCount - 1,
            right: r.columnIndex + r.columnCount - 1,
          },
        },
      ];
  }
  return 1;
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
  options: ReadRun & { readonly requeue?: () => void },
  index = 0,
): Promise<number> {
  const chunk = [...(plan.chunks[index] ?? [])];
  if (index === 1) for (const d of plan.deferred) chunk.push(...nameRuns(d, builders.get(d.sheet) as SheetRows));
  const syncs = await loadChunk(context, wb, chunk, builders, options.mergeAreas, index === 0 ? options.requeue : undefined);
  options.onProgress?.('columns', index + 1, Math.max(1, plan.chunks.length));
  if (index + 1 >= plan.chunks.length) return syncs;
  checkCancelled(options.signal);
  return syncs + (await loadChunks(context, wb, plan, builders, options, index + 1));
}

const PAYLOAD_CODES = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'PayloadTooLarge']);

/** Whether Excel refused a sync for its size. */
export function isPayloadError(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'string' && PAYLOAD_CODES.has(code);
}

/**
 * One chunk in one sync; if Excel still finds it too large (the size was estimated from the top
 * rows), its row bands are halved and read in two syncs, down to a single row.
 */
async function loadChunk(
  context: Excel.RequestContext,
  wb: Excel.Workbook,
  chunk: readonly ColumnRun[],
  builders: Map<string, SheetRows>,
  mergeAreas: boolean,
  requeue?: () => void,
): Promise<number> {
  const ranges = queueChunk(wb, chunk, mergeAreas);
  try {
    await context.sync();
  } catch (e) {
    const splittable = chunk.some((r) => r.bottom > r.top);
    if (!isPayloadError(e) || !splittable) throw e;
    requeue?.();
    const halves: [ColumnRun[], ColumnRun[]] = [[], []];
    for (const r of chunk) {
      const mid = r.top + Math.floor((r.bottom - r.top) / 2);
      halves[0].push({ ...r, bottom: mid });
      if (mid < r.bottom) halves[1].push({ ...r, top: mid + 1 });
    }
    // What rode on the refused sync rides again on the first half (and again if that is halved).
    return (
      (await loadChunk(context, wb, halves[0], builders, mergeAreas, requeue)) +
      (await loadChunk(context, wb, halves[1], builders, mergeAreas))
    );
  }
  for (const { run, r, merged } of ranges)
    if (!r.isNullObject) {
      (builders.get(run.sheet) as SheetRows).put(run.top, run.first, r.values);
      (builders.get(run.sheet) as SheetRows).addMerges(merged);
    }
  return 1;
}
