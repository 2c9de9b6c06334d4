import hcmcPlanJson from './hcmc-cchc-2022-2025.json';
import { MeasuredTarget, Plan, Target, Threshold } from './types';
import { parsePlan } from './validate';

export * from './types';
export { PlanError, parsePlan } from './validate';

/** Ho Chi Minh City's 2022–2025 plan (SPEC §1), checked like any other plan file. */
export const HCMC_PLAN: Plan = parsePlan(hcmcPlanJson, 'hcmc-cchc-2022-2025.json');

export interface ReadingOptions {
  /** Read "trên X %" as "từ X % trở lên" (≥) instead of strictly (>). */
  readonly inclusive: boolean;
}

/** The threshold a target must reach in `year`, as the run reads it; null when the year has none. */
export function thresholdFor(target: MeasuredTarget, year: number, options: ReadingOptions): Threshold | null {
  const t = target.thresholds[String(year)];
  if (!t) return null;
  if (options.inclusive && t.op === '>') return { op: '>=', value: t.value };
  return t;
}

export function findTarget(plan: Plan, id: string): Target | undefined {
  const wanted = id.trim().toLowerCase();
  return plan.targets.find((t) => t.id.toLowerCase() === wanted);
}

/** The year to evaluate when none is given: the current year, kept within the plan's period. */
export function defaultYear(plan: Plan, now: Date = new Date()): number {
  return Math.min(plan.period.to, Math.max(plan.period.from, now.getFullYear()));
}
