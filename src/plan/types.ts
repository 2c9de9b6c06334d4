/**
 * The plan as data (SPEC §1): what each target counts and the threshold it must reach each year.
 * The engine gives these words their meaning; a plan file only combines them.
 */

export type UnitKind = 'so_nganh' | 'ubnd_huyen' | 'phong_noi_vu' | 'ubnd_xa' | 'khac';
export const UNIT_KINDS: readonly UnitKind[] = ['so_nganh', 'ubnd_huyen', 'phong_noi_vu', 'ubnd_xa', 'khac'];

export type ActivityKind = 'abroad_class' | 'domestic_class' | 'training' | 'study_tour';
export const ACTIVITY_KINDS: readonly ActivityKind[] = ['abroad_class', 'domestic_class', 'training', 'study_tour'];

export type ActivityFormat = 'in_person' | 'online' | 'blended';
export const ACTIVITY_FORMATS: readonly ActivityFormat[] = ['in_person', 'online', 'blended'];

/** Staff fields that record when something was achieved. */
export type StaffAchievementField = 'trained' | 'skills' | 'elearning' | 'planned_year' | 'appointed_year' | 'expert_year';
export const STAFF_ACHIEVEMENT_FIELDS: readonly StaffAchievementField[] = [
  'trained',
  'skills',
  'elearning',
  'planned_year',
  'appointed_year',
  'expert_year',
];

/** `by_year`: achieved at any time up to 31 December of Y (cumulative); `in_year`: during Y. */
export type Timing = 'by_year' | 'in_year';

/** ">" is "trên X %" read strictly; a run option may read it as ">=". "=" means all of them. */
export type ThresholdOp = '>' | '>=' | '=';

/** A threshold: for rate targets `value` is a share (0.8 = 80 %), for count targets a count. */
export interface Threshold {
  readonly op: ThresholdOp;
  readonly value: number;
}

export interface LocalText {
  readonly vi: string;
  readonly en: string;
}

/** Who a target counts. */
export type Population =
  | { readonly list: 'units'; readonly unitKinds: readonly UnitKind[] }
  | { readonly list: 'staff'; readonly flag: 'leader' | 'cchc' | 'all' }
  | { readonly list: 'activities'; readonly kind: ActivityKind; readonly format?: ActivityFormat };

/** What counts as achieved for a member of the population. */
export type Achievement =
  | { readonly field: 'cchc_positions'; readonly timing: 'by_year' }
  | { readonly field: StaffAchievementField; readonly timing: Timing }
  | { readonly field: 'held'; readonly timing: 'in_year' };

interface TargetBase {
  readonly id: string;
  readonly name: LocalText;
}

/** A share of a population that must reach a threshold. */
export interface RateTarget extends TargetBase {
  readonly measure: 'rate';
  readonly population: Population;
  readonly achieved: Achievement;
  /** Threshold per year ("2023": {...}); a year absent here has no threshold. */
  readonly thresholds: Readonly<Record<string, Threshold>>;
}

/** A number of people or events that must reach a threshold. */
export interface CountTarget extends TargetBase {
  readonly measure: 'count';
  readonly population: Population;
  readonly achieved: Achievement;
  readonly thresholds: Readonly<Record<string, Threshold>>;
}

/** Met only when every part is met (T05 = T05a and T05b). */
export interface AllOfTarget extends TargetBase {
  readonly measure: 'all_of';
  readonly parts: readonly string[];
}

export type Target = RateTarget | CountTarget | AllOfTarget;
export type MeasuredTarget = RateTarget | CountTarget;

/** A level of government an objective counts units at (SPEC §1, the 5S pilot). */
export interface ObjectiveLevel {
  readonly id: string;
  readonly name: LocalText;
  readonly unitKinds: readonly UnitKind[];
}

/**
 * An aim beyond the ten targets, judged on units (objective O1, "Thí điểm 5S"): units with a yes
 * (or a year up to Y) in the units' `pilot_5s` column, counted per level. Met by year Y when every
 * level has at least `minPerLevel` pilot units and, when set, `minTotal` in all.
 */
export interface UnitObjective {
  readonly id: string;
  readonly name: LocalText;
  readonly field: 'pilot_5s';
  readonly levels: readonly ObjectiveLevel[];
  readonly judgement: { readonly minPerLevel: number; readonly minTotal?: number };
  /** Years it is judged in; absent: every year of the plan. Other years give `no_target`. */
  readonly years?: readonly number[];
}

export interface Plan {
  readonly id: string;
  readonly title: LocalText;
  readonly period: { readonly from: number; readonly to: number };
  /** Targets in report order. */
  readonly targets: readonly Target[];
  /** Targets each unit is judged on with its own rows (SPEC §3 "Units"). */
  readonly unitTargets: readonly string[];
  /** Aims reported beside the targets, never inside them (SPEC §1 "Beyond the ten targets"). */
  readonly objectives: readonly UnitObjective[];
}

export function isMeasured(t: Target): t is MeasuredTarget {
  return t.measure !== 'all_of';
}
