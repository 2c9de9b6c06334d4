/**
 * Evaluating a dataset against a plan for one year (SPEC §3): city-wide status of every target and
 * each unit's status on the plan's unit targets.
 */
import {
  ActivityFormat,
  ActivityKind,
  LocalText,
  MeasuredTarget,
  Plan,
  ReadingOptions,
  StaffAchievementField,
  Target,
  Threshold,
  Timing,
  UnitKind,
  isMeasured,
  thresholdFor,
} from '../plan';
import { Dataset, UnitRecord } from '../workbook/extract';
import { Issue } from '../workbook/issues';
import { CODE_NO, CODE_YES, Mark, isYesCode } from '../workbook/values';
import { TargetStatus, combine, judge } from './judge';
import { ObjectiveResult, evaluateObjectives } from './objectives';

export type UnitStatus = 'non_compliant' | 'undetermined' | 'compliant' | 'not_applicable';
export const UNIT_STATUSES: readonly UnitStatus[] = ['non_compliant', 'undetermined', 'compliant', 'not_applicable'];

export interface EvaluateOptions extends ReadingOptions {
  readonly year: number;
}

export interface TargetResult {
  readonly id: string;
  readonly name: LocalText;
  readonly measure: Target['measure'];
  readonly status: TargetStatus;
  /** Rate targets: members of the population; null for count targets and T05. */
  readonly population: number | null;
  readonly achieved: number;
  readonly unknown: number;
  /** A share (0–1) for rate targets, a count for count targets; null without data. */
  readonly actual: number | null;
  readonly threshold: Threshold | null;
  readonly gap: number | null;
  /** T05: the ids it combines. */
  readonly parts?: readonly string[];
  /** Activities targets: people taking part and how many of them hold no leadership post (T07). */
  readonly participants?: { readonly total: number; readonly nonLeaders: number; readonly counted: number };
}

export interface UnitTargetResult {
  readonly id: string;
  readonly status: TargetStatus;
  readonly population: number;
  readonly achieved: number;
  readonly unknown: number;
  readonly gap: number | null;
}

export interface UnitResult {
  readonly index: number;
  readonly name: string;
  readonly kind: UnitKind;
  readonly status: UnitStatus;
  /** Ids of the unit targets it does not meet. */
  readonly failed: readonly string[];
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The unit targets that apply to it, with their figures. */
  readonly targets: readonly UnitTargetResult[];
  /** The file the unit row is in, when several files are read together. */
  readonly file?: string;
  /** A repeated unit row (same folded name as an earlier row, SPEC §4): the index of that first row. */
  readonly duplicateOf?: number;
}

/** Each unit once: the unit rows without those repeating an earlier row (SPEC §4, duplicate unit rows). */
export function distinctUnits<U extends Pick<UnitResult, 'duplicateOf'>>(units: readonly U[]): U[] {
  return units.filter((u) => u.duplicateOf === undefined);
}

export interface Evaluation {
  readonly plan: string;
  readonly year: number;
  readonly strict: boolean;
  readonly targets: readonly TargetResult[];
  readonly units: readonly UnitResult[];
  readonly issues: readonly Issue[];
  /** Aims beyond the targets (the 5S pilot, O1), judged for the same year. */
  readonly objectives: readonly ObjectiveResult[];
}

type State = 0 | 1 | 2; // not achieved, achieved, unknown
const NOT: State = 0;
const YES: State = 1;
const UNKNOWN: State = 2;

/** Whether a mark code counts as achieved for year `year` (see Mark.code). */
export function achievedCode(code: number, timing: Timing, year: number): State {
  if (code === CODE_NO) return NOT;
  if (code === CODE_YES) return timing === 'by_year' ? YES : UNKNOWN;
  if (code < 1000) return UNKNOWN;
  if (timing === 'by_year') return code <= year ? YES : NOT;
  return code === year ? YES : NOT;
}

/** Whether a mark counts as achieved for year `year`. */
export function achievedIn(m: Mark, timing: Timing, year: number): State {
  return achievedCode(m.code, timing, year);
}

function memberState(m: Mark): State {
  return m.kind === 'yes' ? YES : m.kind === 'no' ? NOT : UNKNOWN;
}

/** T01: a unit's CCHC job positions, as at the end of `year`. */
function positionsState(u: UnitRecord, year: number): State {
  const y = u.positionsYear;
  if (y.kind === 'yes' && y.year !== null && y.year > year) return NOT;
  const p = memberState(u.positions);
  if (p !== YES) return p;
  return y.kind === 'unknown' ? UNKNOWN : YES;
}

interface Counter {
  population: number;
  achieved: number;
  unknown: number;
}

const counter = (): Counter => ({ population: 0, achieved: 0, unknown: 0 });

function add(c: Counter, s: State): void {
  c.population++;
  if (s === YES) c.achieved++;
  else if (s === UNKNOWN) c.unknown++;
}

interface Tallied {
  city: Counter;
  /** Per unit (by index of the unit's first row), for unit targets. */
  perUnit: Counter[] | null;
  participants?: { total: number; nonLeaders: number; counted: number };
  /** False when a field the target needs is in no list. */
  hasData: boolean;
}

function tallyUnits(
  target: MeasuredTarget,
  kinds: readonly UnitKind[],
  dataset: Dataset,
  year: number,
  perUnit: boolean,
): Tallied {
  const city = counter();
  const per = perUnit ? dataset.units.map(counter) : null;
  dataset.units.forEach((u, i) => {
    if (!kinds.includes(u.kind)) return;
    const s = positionsState(u, year);
    if (u.duplicateOf === null) add(city, s);
    if (per) add(per[i], s);
  });
  return { city, perUnit: per, hasData: dataset.lists.units.length > 0 && dataset.fields.units.has('cchc_positions') };
}

function tallyStaff(
  target: MeasuredTarget,
  flag: 'leader' | 'cchc' | 'all',
  dataset: Dataset,
  year: number,
  perUnit: boolean,
): Tallied {
  const field = target.achieved.field as StaffAchievementField;
  const timing = target.achieved.timing;
  const city = counter();
  const per = perUnit ? dataset.units.map(counter) : null;
  const t = dataset.staff;
  const marks = t.marks[field];
  const flags = flag === 'leader' ? t.leader : flag === 'cchc' ? t.cchc : null;
  for (let i = 0; i < t.count; i++) {
    if (flags !== null && !isYesCode(flags[i])) continue;
    const s = achievedCode(marks[i], timing, year);
    add(city, s);
    if (per && t.unit[i] >= 0) add(per[t.unit[i]], s);
  }
  const needs: string[] = [field];
  if (flag === 'leader') needs.push('leader');
  const hasData = dataset.lists.staff.length > 0 && needs.every((f) => dataset.fields.staff.has(f as never));
  return { city, perUnit: per, hasData };
}

function tallyActivities(
  target: MeasuredTarget,
  kind: ActivityKind,
  format: ActivityFormat | undefined,
  dataset: Dataset,
  year: number,
): Tallied {
  const city = counter();
  const participants = { total: 0, nonLeaders: 0, counted: 0 };
  for (const a of dataset.activities) {
    let member: State = a.kind === kind ? YES : a.kind === null ? UNKNOWN : NOT;
    if (member === NOT) continue;
    // The format decides too: an online event is never a blended class, whatever its kind.
    if (format !== undefined) {
      if (a.format !== null && a.format !== format) continue;
      if (a.format === null) member = UNKNOWN;
    }
    if (member === NOT) continue;
    const held = achievedIn(a.date, 'in_year', year);
    if (held === NOT) continue;
    const s: State = member === YES && held === YES ? YES : UNKNOWN;
    if (s === YES) city.achieved++;
    else city.unknown++;
    if (s === YES && a.participants !== null) {
      participants.counted++;
      participants.total += a.participants;
      participants.nonLeaders += a.nonLeaders ?? 0;
    }
  }
  const needs = format !== undefined ? ['kind', 'date', 'format'] : ['kind', 'date'];
  const hasData = dataset.lists.activities.length > 0 && needs.every((f) => dataset.fields.activities.has(f as never));
  return { city, perUnit: null, participants, hasData };
}

function tally(target: MeasuredTarget, dataset: Dataset, year: number, perUnit: boolean): Tallied {
  const pop = target.population;
  if (pop.list === 'units') return tallyUnits(target, pop.unitKinds, dataset, year, perUnit);
  if (pop.list === 'staff') return tallyStaff(target, pop.flag, dataset, year, perUnit);
  return tallyActivities(target, pop.kind, pop.format, dataset, year);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** Evaluates every target of `plan` and every unit for `options.year`. */
export function evaluate(dataset: Dataset, plan: Plan, options: EvaluateOptions): Evaluation {
  const { year } = options;
  const unitTargets = new Set(plan.unitTargets);
  const results = new Map<string, TargetResult>();
  const perUnit = new Map<string, { counters: Counter[]; threshold: Threshold | null; hasData: boolean; ownRow: boolean }>();

  for (const target of plan.targets) {
    if (!isMeasured(target)) continue;
    const threshold = thresholdFor(target, year, options);
    const t = tally(target, dataset, year, unitTargets.has(target.id));
    const isRate = target.measure === 'rate';
    const population = isRate ? t.city.population : null;
    const j = t.hasData ? judge(threshold, { achieved: t.city.achieved, unknown: t.city.unknown, population }) : null;
    const status: TargetStatus = threshold === null ? 'no_target' : j ? j.status : 'no_data';
    const actual = !t.hasData
      ? null
      : isRate
        ? t.city.population > 0
          ? round4(t.city.achieved / t.city.population)
          : null
        : t.city.achieved;
    results.set(target.id, {
      id: target.id,
      name: target.name,
      measure: target.measure,
      status,
      population,
      achieved: t.city.achieved,
      unknown: t.city.unknown,
      actual,
      threshold,
      gap: status === 'no_target' || status === 'no_data' ? null : (j?.gap ?? null),
      ...(t.participants && target.population.list === 'activities' ? { participants: t.participants } : {}),
    });
    if (t.perUnit) {
      // Units targets count each unit row on its own; staff targets count a unit's people.
      perUnit.set(target.id, { counters: t.perUnit, threshold, hasData: t.hasData, ownRow: target.population.list === 'units' });
    }
  }

  const targets: TargetResult[] = plan.targets.map((target) => {
    if (isMeasured(target)) return results.get(target.id) as TargetResult;
    const parts = target.parts.map((p) => results.get(p) as TargetResult);
    return {
      id: target.id,
      name: target.name,
      measure: target.measure,
      status: combine(parts.map((p) => p.status)),
      population: null,
      achieved: parts.filter((p) => p.status === 'met').length,
      unknown: parts.filter((p) => p.status === 'undetermined').length,
      actual: null,
      threshold: null,
      gap: null,
      parts: target.parts,
    };
  });

  const units: UnitResult[] = [];
  dataset.units.forEach((u, index) => {
    // A repeated unit row is the same unit: it shows its first row's status (SPEC §4).
    const firstResult = u.duplicateOf !== null ? units[u.duplicateOf] : undefined;
    if (firstResult) {
      units.push({
        ...firstResult,
        index,
        name: u.name,
        sheet: u.sheet,
        row: u.row + 1,
        ...(u.file ? { file: u.file } : {}),
        duplicateOf: firstResult.index,
      });
      return;
    }
    const own = u.duplicateOf ?? index;
    const applied: UnitTargetResult[] = [];
    for (const id of plan.unitTargets) {
      const pu = perUnit.get(id);
      if (!pu || !pu.hasData) continue;
      // A unit repeated in the list is judged with its first row's staff, on its own positions.
      const c = pu.counters[pu.ownRow ? index : own];
      if (c.population === 0) continue;
      const j = judge(pu.threshold, { achieved: c.achieved, unknown: c.unknown, population: c.population });
      applied.push({ id, status: j.status, population: c.population, achieved: c.achieved, unknown: c.unknown, gap: j.gap });
    }
    const failed = applied.filter((a) => a.status === 'not_met').map((a) => a.id);
    const status: UnitStatus =
      failed.length > 0
        ? 'non_compliant'
        : applied.some((a) => a.status === 'undetermined')
          ? 'undetermined'
          : applied.some((a) => a.status === 'met')
            ? 'compliant'
            : 'not_applicable';
    units.push({
      index,
      name: u.name,
      kind: u.kind,
      status,
      failed,
      sheet: u.sheet,
      row: u.row + 1,
      targets: applied,
      ...(u.file ? { file: u.file } : {}),
    });
  });

  const objectives = evaluateObjectives(plan, dataset, year);
  return { plan: plan.id, year, strict: !options.inclusive, targets, units, issues: dataset.issues, objectives };
}
