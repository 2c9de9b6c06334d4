/**
 * The period summary (báo cáo tổng kết 2022–2025): every target against every year's threshold,
 * each unit's status per year and what was never met. Built from one evaluation per year, so its
 * figures are exactly those of the single-year evaluations.
 */
import { LocalText, Plan, ReadingOptions, Target, Threshold } from '../plan';
import { Dataset } from '../workbook/extract';
import { Evaluation, UnitStatus, evaluate } from './evaluate';
import { TargetStatus } from './judge';

export interface PeriodCell {
  readonly year: number;
  readonly status: TargetStatus;
  readonly actual: number | null;
  readonly threshold: Threshold | null;
  readonly achieved: number;
  readonly unknown: number;
  readonly population: number | null;
  readonly gap: number | null;
}

export interface PeriodTarget {
  readonly id: string;
  readonly name: LocalText;
  readonly measure: Target['measure'];
  readonly years: readonly PeriodCell[];
  /** A threshold in at least one year and met in none. */
  readonly neverMet: boolean;
}

export interface PeriodUnit {
  readonly index: number;
  readonly name: string;
  readonly kind: string;
  readonly sheet: string;
  readonly row: number;
  readonly years: ReadonlyArray<{ readonly year: number; readonly status: UnitStatus; readonly failed: readonly string[] }>;
}

export interface PeriodObjective {
  readonly id: string;
  readonly name: LocalText;
  readonly years: ReadonlyArray<{ readonly year: number; readonly status: TargetStatus; readonly pilots: number }>;
  readonly neverMet: boolean;
}

export interface PeriodSummary {
  readonly plan: string;
  readonly strict: boolean;
  readonly years: readonly number[];
  /** One evaluation per year of the plan, in order. */
  readonly evaluations: readonly Evaluation[];
  readonly targets: readonly PeriodTarget[];
  readonly units: readonly PeriodUnit[];
  readonly objectives: readonly PeriodObjective[];
  /** Ids of targets and objectives never met in any year that had a threshold. */
  readonly neverMet: readonly string[];
}

/** Evaluates every year of the plan's period and lays the results side by side. */
export function evaluatePeriod(dataset: Dataset, plan: Plan, options: ReadingOptions): PeriodSummary {
  const years: number[] = [];
  for (let y = plan.period.from; y <= plan.period.to; y++) years.push(y);
  return summarizePeriod(years.map((year) => evaluate(dataset, plan, { ...options, year })));
}

const judged = (s: TargetStatus): boolean => s !== 'no_target';

/** Lays single-year evaluations (of one dataset, one plan) side by side. */
export function summarizePeriod(evaluations: readonly Evaluation[]): PeriodSummary {
  if (evaluations.length === 0) throw new Error('summarizePeriod needs at least one evaluation');
  const first = evaluations[0];
  const targets: PeriodTarget[] = first.targets.map((t, ti) => {
    const cells = evaluations.map((e): PeriodCell => {
      const r = e.targets[ti];
      return {
        year: e.year,
        status: r.status,
        actual: r.actual,
        threshold: r.threshold,
        achieved: r.achieved,
        unknown: r.unknown,
        population: r.population,
        gap: r.gap,
      };
    });
    const neverMet = cells.some((c) => judged(c.status)) && !cells.some((c) => c.status === 'met');
    return { id: t.id, name: t.name, measure: t.measure, years: cells, neverMet };
  });
  const units: PeriodUnit[] = first.units.map((u, ui) => ({
    index: u.index,
    name: u.name,
    kind: u.kind,
    sheet: u.sheet,
    row: u.row,
    years: evaluations.map((e) => ({ year: e.year, status: e.units[ui].status, failed: e.units[ui].failed })),
  }));
  const objectives: PeriodObjective[] = first.objectives.map((o, oi) => {
    const ys = evaluations.map((e) => ({ year: e.year, status: e.objectives[oi].status, pilots: e.objectives[oi].pilots }));
    const neverMet = ys.some((c) => judged(c.status)) && !ys.some((c) => c.status === 'met');
    return { id: o.id, name: o.name, years: ys, neverMet };
  });
  return {
    plan: first.plan,
    strict: first.strict,
    years: evaluations.map((e) => e.year),
    evaluations,
    targets,
    units,
    objectives,
    neverMet: [...targets.filter((t) => t.neverMet).map((t) => t.id), ...objectives.filter((o) => o.neverMet).map((o) => o.id)],
  };
}
