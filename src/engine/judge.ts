import { Threshold } from '../plan';

/** SPEC §3: a target's status in a year. */
export type TargetStatus = 'met' | 'not_met' | 'undetermined' | 'no_data' | 'no_target';
export const TARGET_STATUSES: readonly TargetStatus[] = ['met', 'not_met', 'undetermined', 'no_data', 'no_target'];

/** What was counted: k rows or events certainly achieved, u whose value is unknown, out of n. */
export interface Tally {
  readonly achieved: number;
  readonly unknown: number;
  /** The population for a rate target; null for a count target. */
  readonly population: number | null;
}

export interface Judgement {
  readonly status: TargetStatus;
  /** Further achieved rows or events needed beyond `achieved`; 0 when met, null without a verdict. */
  readonly gap: number | null;
}

const fractions = new Map<number, { num: number; den: number }>();

/** A share written as an exact fraction, so that comparisons are done on integers. */
function asFraction(value: number): { num: number; den: number } {
  let f = fractions.get(value);
  if (!f) {
    let den = 1;
    while (den < 1e9 && Math.abs(Math.round(value * den) - value * den) > 1e-9) den *= 10;
    f = { num: Math.round(value * den), den };
    fractions.set(value, f);
  }
  return f;
}

/**
 * Whether `achieved` out of `population` meets the threshold. Rates compare integers:
 * "> p" holds iff achieved·den > num·population, never on a rounded percentage.
 */
export function holds(threshold: Threshold, achieved: number, population: number | null): boolean {
  if (population === null) {
    return threshold.op === '>' ? achieved > threshold.value : achieved >= threshold.value;
  }
  if (population <= 0) return false;
  if (threshold.op === '=') return achieved >= population;
  const { num, den } = asFraction(threshold.value);
  const lhs = achieved * den;
  const rhs = num * population;
  return threshold.op === '>' ? lhs > rhs : lhs >= rhs;
}

/** The smallest number achieved that meets the threshold. */
export function needed(threshold: Threshold, population: number | null): number {
  if (population === null) return threshold.op === '>' ? Math.floor(threshold.value) + 1 : Math.ceil(threshold.value);
  if (threshold.op === '=') return population;
  const { num, den } = asFraction(threshold.value);
  const product = num * population;
  return threshold.op === '>' ? Math.floor(product / den) + 1 : Math.ceil(product / den);
}

/** SPEC §3: met with k; not met even with k + u; otherwise undetermined. */
export function judge(threshold: Threshold | null, tally: Tally): Judgement {
  if (threshold === null) return { status: 'no_target', gap: null };
  const { achieved, unknown, population } = tally;
  if (population !== null && population <= 0) return { status: 'no_data', gap: null };
  if (holds(threshold, achieved, population)) return { status: 'met', gap: 0 };
  const gap = Math.max(0, needed(threshold, population) - achieved);
  const best = population === null ? achieved + unknown : Math.min(population, achieved + unknown);
  const status = unknown > 0 && holds(threshold, best, population) ? 'undetermined' : 'not_met';
  return { status, gap };
}

/** T05: met only when every part is met. */
export function combine(parts: readonly TargetStatus[]): TargetStatus {
  if (parts.includes('not_met')) return 'not_met';
  if (parts.includes('no_data')) return 'no_data';
  if (parts.includes('undetermined')) return 'undetermined';
  // Parts without a threshold this year do not count against the others.
  return parts.includes('met') ? 'met' : 'no_target';
}
