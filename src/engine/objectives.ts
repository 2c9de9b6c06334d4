/**
 * Objectives beyond the ten targets (SPEC §1): the 5S pilot (O1). Units with a yes, or a year up to
 * Y, in the units' "Thí điểm 5S" column, counted per level; judged as the plan data says. Reported
 * beside the targets, never inside them.
 */
import { LocalText, Plan, UnitObjective } from '../plan';
import { Dataset } from '../workbook/extract';
import { CODE_NO, CODE_YES } from '../workbook/values';
import { TargetStatus } from './judge';

export interface ObjectiveLevelResult {
  readonly id: string;
  readonly name: LocalText;
  /** Units of this level in the workbook (each name once). */
  readonly units: number;
  /** Units piloting 5S by the year. */
  readonly pilots: number;
  /** Units whose 5S cell could not be read. */
  readonly unknown: number;
  /** Names of the pilot units, in workbook order. */
  readonly pilotNames: readonly string[];
}

export interface ObjectiveResult {
  readonly id: string;
  readonly name: LocalText;
  readonly status: TargetStatus;
  readonly year: number;
  readonly levels: readonly ObjectiveLevelResult[];
  readonly pilots: number;
  readonly unknown: number;
  readonly judgement: UnitObjective['judgement'];
}

/** Judges one objective for `year`. No units list or no 5S column: `no_data`. */
export function evaluateObjective(
  objective: UnitObjective,
  dataset: Dataset,
  year: number,
  period: Plan['period'],
): ObjectiveResult {
  const levels = objective.levels.map((level) => {
    let units = 0;
    let pilots = 0;
    let unknown = 0;
    const pilotNames: string[] = [];
    for (const u of dataset.units) {
      if (u.duplicateOf !== null || !level.unitKinds.includes(u.kind)) continue;
      units++;
      const s = pilotState(u.pilot5s.code, year);
      if (s === 'yes') {
        pilots++;
        pilotNames.push(u.name);
      } else if (s === 'unknown') unknown++;
    }
    return { id: level.id, name: level.name, units, pilots, unknown, pilotNames };
  });
  const pilots = levels.reduce((n, l) => n + l.pilots, 0);
  const unknown = levels.reduce((n, l) => n + l.unknown, 0);
  const years = objective.years ?? range(period.from, period.to);
  const hasData = dataset.lists.units.length > 0 && dataset.fields.units.has(objective.field);
  const { minPerLevel, minTotal = 0 } = objective.judgement;
  const holds = (count: (l: ObjectiveLevelResult) => number): boolean =>
    levels.every((l) => count(l) >= minPerLevel) && levels.reduce((n, l) => n + count(l), 0) >= minTotal;
  const status: TargetStatus = !years.includes(year)
    ? 'no_target'
    : !hasData
      ? 'no_data'
      : holds((l) => l.pilots)
        ? 'met'
        : holds((l) => l.pilots + l.unknown)
          ? 'undetermined'
          : 'not_met';
  return { id: objective.id, name: objective.name, status, year, levels, pilots, unknown, judgement: objective.judgement };
}

/** Every objective of the plan for `year`. */
export function evaluateObjectives(plan: Plan, dataset: Dataset, year: number): ObjectiveResult[] {
  return plan.objectives.map((o) => evaluateObjective(o, dataset, year, plan.period));
}

/** A 5S cell as at the end of `year`: yes, a year up to Y, or unknown (an unreadable cell). */
function pilotState(code: number, year: number): 'yes' | 'no' | 'unknown' {
  if (code === CODE_YES) return 'yes';
  if (code === CODE_NO) return 'no';
  if (code < 1000) return 'unknown'; // unreadable (2) or no column (3, caught by no_data)
  return code <= year ? 'yes' : 'no';
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
