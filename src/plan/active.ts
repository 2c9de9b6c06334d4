/**
 * The plan in force in this runtime: the built-in plan, or the workbook's own plan sheet
 * "Kế hoạch CCHC" once the task pane has read it. Custom functions cannot read another sheet by
 * themselves (they see only their arguments), so the pane — which shares the runtime with them
 * (manifest SharedRuntime) — registers the plan it read here, and CCHC.THRESHOLD / TARGET_STATUS /
 * GAP / TARGETS / EVALUATE / UNITS use it. A malformed sheet registers `blocked`: the functions
 * then answer #VALUE! naming the cell rather than compute with a half-read plan.
 */
import { HCMC_PLAN } from './index';
import { Plan } from './types';

export type ActivePlan =
  | { readonly kind: 'built_in' }
  | { readonly kind: 'workbook'; readonly plan: Plan; readonly inclusive: boolean; readonly sheet: string }
  | { readonly kind: 'blocked'; readonly sheet: string; readonly message: { readonly vi: string; readonly en: string } };

let current: ActivePlan = { kind: 'built_in' };
const listeners = new Set<(p: ActivePlan) => void>();

/** Registers the plan read from the workbook (or the built-in one); true when it changed. */
export function setActivePlan(next: ActivePlan): boolean {
  if (JSON.stringify(next) === JSON.stringify(current)) return false;
  current = next;
  for (const l of listeners) l(current);
  return true;
}

export function activePlanState(): ActivePlan {
  return current;
}

/** A plan sheet that cannot be read: the functions refuse to compute. */
export class PlanBlockedError extends Error {
  constructor(readonly state: Extract<ActivePlan, { kind: 'blocked' }>) {
    super(state.message.en);
    this.name = 'PlanBlockedError';
  }
}

/** The plan the functions use; throws PlanBlockedError when the workbook's plan sheet is malformed. */
export function activePlan(): Plan {
  if (current.kind === 'blocked') throw new PlanBlockedError(current);
  return current.kind === 'workbook' ? current.plan : HCMC_PLAN;
}

/** The plan sheet's reading of "trên X %": inclusive when it says so. */
export function activeInclusive(): boolean {
  return current.kind === 'workbook' && current.inclusive;
}
