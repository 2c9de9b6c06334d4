/**
 * The engine for figures typed in cells (what the CCHC.* custom functions call): judge a count, a
 * rate or a range of markers against a target's threshold, with the same plan data, the same
 * value reading and the same rules as a whole-workbook evaluation.
 */
import { MeasuredTarget, Plan, Threshold, findTarget, isMeasured, thresholdFor } from '../plan';
import { Achievement } from '../plan/types';
import { parseNumberText } from '../text/numbers';
import { CellValue, SheetGrid, WorkbookGrid } from '../workbook/grid';
import { DetectedLists, ListLayout, detectSheetAs } from '../workbook/detect';
import { extract } from '../workbook/extract';
import { ListKind } from '../workbook/fields';
import { Mark, readCount, readMarker, readYear } from '../workbook/values';
import { Evaluation, achievedIn, evaluate } from './evaluate';
import { Judgement, Tally, judge } from './judge';

/** Why a figure cannot be judged; each becomes an Excel error with a message a person understands. */
export type FigureProblem =
  | { readonly kind: 'unknown_target'; readonly id: string; readonly known: readonly string[] }
  | { readonly kind: 'combined_target'; readonly id: string; readonly parts: readonly string[] }
  | { readonly kind: 'bad_year'; readonly value: string; readonly from: number; readonly to: number }
  | { readonly kind: 'no_threshold'; readonly id: string; readonly year: number }
  | { readonly kind: 'bad_number'; readonly what: 'achieved' | 'population'; readonly value: string }
  | { readonly kind: 'rate_out_of_range'; readonly value: number }
  | { readonly kind: 'count_needs_population'; readonly id: string; readonly value: number }
  | { readonly kind: 'achieved_over_population'; readonly achieved: number; readonly population: number }
  | { readonly kind: 'markers_with_population'; readonly cells: number }
  | { readonly kind: 'gap_needs_count'; readonly id: string }
  | { readonly kind: 'list_not_found'; readonly list: ListKind };

export class FigureError extends Error {
  constructor(readonly problem: FigureProblem) {
    super(problem.kind);
    this.name = 'FigureError';
  }
}

/** A measured target by id ("T02", "t05a"); T05 and unknown ids are refused. */
export function resolveTarget(plan: Plan, id: unknown): MeasuredTarget {
  const text = typeof id === 'string' ? id.trim() : typeof id === 'number' ? String(id) : '';
  const t = findTarget(plan, text);
  if (!t) throw new FigureError({ kind: 'unknown_target', id: text, known: plan.targets.map((x) => x.id) });
  if (!isMeasured(t)) throw new FigureError({ kind: 'combined_target', id: t.id, parts: t.parts });
  return t;
}

/** A year within the plan's period (a number or text like "2024"). */
export function resolveYear(plan: Plan, year: unknown): number {
  const n = typeof year === 'number' ? year : typeof year === 'string' ? Number(year.trim()) : NaN;
  if (!Number.isInteger(n) || n < plan.period.from || n > plan.period.to) {
    throw new FigureError({ kind: 'bad_year', value: String(year ?? ''), from: plan.period.from, to: plan.period.to });
  }
  return n;
}

/** The threshold in force; FigureError `no_threshold` when the year has none. */
export function requireThreshold(target: MeasuredTarget, year: number, inclusive: boolean): Threshold {
  const t = thresholdFor(target, year, { inclusive });
  if (!t) throw new FigureError({ kind: 'no_threshold', id: target.id, year });
  return t;
}

/** A cell as a person reads it in a message: an error by its code, a boolean as TRUE/FALSE. */
function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'object' ? v.error : String(v);
}

function numberOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return parseNumberText(v);
  return null;
}

/**
 * A T01 cell: a marker, year or date as any marker, or else the number of CCHC positions the
 * workbook reader takes from "Số vị trí việc làm CCHC" (any count ≥ 1 is yes, SPEC §2).
 */
function readPositions(v: CellValue): Mark {
  const m = readMarker(v);
  if (m.kind !== 'unknown') return m;
  const c = readCount(v);
  return c.kind === 'yes' ? c : m;
}

/**
 * How a cell of a target's marker range is read: as the workbook reader reads that field, so a
 * range gives what EVALUATE gives for the same column (a bare "x" in a year field is unknown).
 */
export function markerReader(field: Achievement['field']): (v: CellValue) => Mark {
  if (field === 'cchc_positions') return readPositions;
  if (field === 'planned_year' || field === 'appointed_year' || field === 'expert_year') return readYear;
  return readMarker;
}

/** Markers read as SPEC §2 reads them, counted for a timing and (optionally) a year. */
export function tallyMarkers(
  markers: readonly (readonly CellValue[])[],
  timing: 'by_year' | 'in_year',
  year: number | null,
  read: (v: CellValue) => Mark = readMarker,
): Tally {
  let achieved = 0;
  let unknown = 0;
  let population = 0;
  for (const row of markers) {
    for (const v of row) {
      population++;
      const m = read(v);
      const state = year === null ? (m.kind === 'yes' ? 1 : m.kind === 'no' ? 0 : 2) : achievedIn(m, timing, year);
      if (state === 1) achieved++;
      else if (state === 2) unknown++;
    }
  }
  return { achieved, unknown, population };
}

/** A single cell's figure, or null when the input is a range of markers. */
function singleFigure(achieved: readonly (readonly CellValue[])[]): number | null {
  if (achieved.length !== 1 || achieved[0].length !== 1) return null;
  return numberOf(achieved[0][0]);
}

export interface FigureInput {
  readonly target: MeasuredTarget;
  readonly year: number;
  /** A 1×1 count or rate, or a range of markers. */
  readonly achieved: readonly (readonly CellValue[])[];
  readonly population: CellValue;
  readonly inclusive: boolean;
}

export interface FigureResult extends Judgement {
  readonly tally: Tally | null;
  /** A rate given directly (no counts known). */
  readonly rate: number | null;
}

/**
 * The achieved count of a rate target given with its population: a lone empty cell is 0 (nothing
 * entered yet); any other cell that is no number, or a range of markers (which is its own
 * population), is refused rather than judged against a population it does not use.
 */
function countCell(achieved: readonly (readonly CellValue[])[]): number {
  const cells = achieved.reduce((n, row) => n + row.length, 0);
  if (cells !== 1) throw new FigureError({ kind: 'markers_with_population', cells });
  const v = achieved[0][0];
  if (v === null) return 0;
  throw new FigureError({ kind: 'bad_number', what: 'achieved', value: cellText(v) });
}

/**
 * Judges a figure: a count (with the population for a rate target), a rate (a rate target with
 * no population), or a range of markers (the population is the number of cells).
 */
export function judgeFigure(input: FigureInput): FigureResult {
  const { target, year, inclusive } = input;
  const threshold = thresholdFor(target, year, { inclusive });
  const single = singleFigure(input.achieved);
  const isRate = target.measure === 'rate';
  const populationGiven = input.population !== null && input.population !== '';

  if (single === null && isRate && populationGiven) return judgeWithPopulation(input, threshold, countCell(input.achieved));
  if (single === null) {
    const tally = tallyMarkers(input.achieved, target.achieved.timing, year, markerReader(target.achieved.field));
    const t: Tally = isRate ? tally : { ...tally, population: null };
    return { ...judge(threshold, t), tally: t, rate: null };
  }
  if (single < 0 || !Number.isFinite(single))
    throw new FigureError({ kind: 'bad_number', what: 'achieved', value: String(single) });
  if (!isRate) {
    if (!Number.isInteger(single)) throw new FigureError({ kind: 'bad_number', what: 'achieved', value: String(single) });
    const t: Tally = { achieved: single, unknown: 0, population: null };
    return { ...judge(threshold, t), tally: t, rate: null };
  }
  if (!populationGiven) {
    // A rate: 0.95 or 95 % typed as text.
    if (single > 1) throw new FigureError({ kind: 'count_needs_population', id: target.id, value: single });
    if (threshold === null) return { status: 'no_target', gap: null, tally: null, rate: single };
    const scaled = 1_000_000;
    const ok = judge(threshold, { achieved: Math.round(single * scaled), unknown: 0, population: scaled });
    return { status: ok.status, gap: null, tally: null, rate: single };
  }
  return judgeWithPopulation(input, threshold, single);
}

/** A rate target's count `single` out of the population given. */
function judgeWithPopulation(input: FigureInput, threshold: Threshold | null, single: number): FigureResult {
  const n = numberOf(input.population);
  if (n === null || n < 0 || !Number.isInteger(n)) {
    throw new FigureError({ kind: 'bad_number', what: 'population', value: cellText(input.population) });
  }
  if (!Number.isInteger(single)) throw new FigureError({ kind: 'bad_number', what: 'achieved', value: String(single) });
  if (single > n) throw new FigureError({ kind: 'achieved_over_population', achieved: single, population: n });
  const t: Tally = { achieved: single, unknown: 0, population: n };
  return { ...judge(threshold, t), tally: t, rate: null };
}

/** The share (0–1) and number of markers achieved, by the end of `year` when given. */
export function markerFigures(
  markers: readonly (readonly CellValue[])[],
  year: number | null,
): { rate: number; count: number; cells: number } {
  const t = tallyMarkers(markers, 'by_year', year);
  return { rate: t.population && t.population > 0 ? t.achieved / t.population : 0, count: t.achieved, cells: t.population ?? 0 };
}

function listIn<K extends ListKind>(
  kind: K,
  rows: readonly (readonly CellValue[])[] | null,
  sheets: SheetGrid[],
): ListLayout<K>[] {
  if (rows === null) return [];
  const sheet: SheetGrid = { name: kind, rows, originRow: 0, originCol: 0 };
  sheets.push(sheet);
  const layout = detectSheetAs(sheet, kind);
  if (!layout) throw new FigureError({ kind: 'list_not_found', list: kind });
  return [layout];
}

/**
 * Evaluates whole lists given as ranges with their header rows (the headers are found as in
 * SPEC §2). A list given as null (an omitted argument) is simply absent.
 */
export function evaluateRanges(
  plan: Plan,
  ranges: { readonly [K in ListKind]: readonly (readonly CellValue[])[] | null },
  year: number,
  inclusive: boolean,
): Evaluation {
  const sheets: SheetGrid[] = [];
  const lists: DetectedLists = {
    units: listIn('units', ranges.units, sheets),
    staff: listIn('staff', ranges.staff, sheets),
    activities: listIn('activities', ranges.activities, sheets),
    ignored: [],
  };
  const grid: WorkbookGrid = { sheets };
  return evaluate(extract(grid, lists), plan, { year, inclusive });
}
