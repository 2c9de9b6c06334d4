/**
 * Who still needs it: for each unit and each unit target over staff (T02, T03, T04), the people of
 * its population not yet achieved and those whose value is unknown, with name, title, sheet and row.
 * Reads names from the grid (the staff table keeps only marks), so it runs only when asked.
 */
import { Plan, StaffAchievementField, isMeasured } from '../plan';
import { DetectedLists } from '../workbook/detect';
import { Dataset } from '../workbook/extract';
import { SheetGrid, WorkbookGrid, cellAt, displayText } from '../workbook/grid';
import { isYesCode } from '../workbook/values';
import { Evaluation, achievedCode } from './evaluate';

export interface PersonRef {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  readonly name: string;
  readonly title: string;
}

export interface TargetDetails {
  readonly id: string;
  /** In the population, certainly not achieved as at the end of the year. */
  readonly missing: readonly PersonRef[];
  /** In the population, with a value that could not be read. */
  readonly unknownRows: readonly PersonRef[];
}

export interface UnitDetails {
  /** Index of the unit in `evaluation.units`. */
  readonly index: number;
  readonly targets: readonly TargetDetails[];
}

/** Finds a person's name and title in the staff list that holds the row. */
class PeopleReader {
  private readonly sheets: Map<string, SheetGrid>;

  constructor(
    grid: WorkbookGrid,
    private readonly lists: DetectedLists,
  ) {
    this.sheets = new Map(grid.sheets.map((s) => [s.name, s]));
  }

  person(sheetName: string, row: number): PersonRef {
    const sheet = this.sheets.get(sheetName);
    const layout = this.lists.staff.find((l) => l.sheet === sheetName && row >= l.dataTop && row <= l.dataBottom);
    const text = (col: number | undefined): string =>
      sheet && col !== undefined ? displayText(cellAt(sheet, row, col)).trim() : '';
    return { sheet: sheetName, row: row + 1, name: text(layout?.columns.name), title: text(layout?.columns.title) };
  }
}

/** The plan's unit targets over staff that details list (T02, T03, T04 in the built-in plan). */
export function staffTargetIds(plan: Plan): string[] {
  return plan.targets.flatMap((x) =>
    plan.unitTargets.includes(x.id) && isMeasured(x) && x.population.list === 'staff' ? [x.id] : [],
  );
}

/**
 * The people behind each unit's figures on the plan's staff unit targets. Lists only targets that
 * apply to the unit (those in `evaluation.units[i].targets`); a repeated unit row lists its first
 * row's people, as it is judged on them.
 */
export function staffDetails(grid: WorkbookGrid, dataset: Dataset, plan: Plan, evaluation: Evaluation): UnitDetails[] {
  const reader = new PeopleReader(grid, dataset.lists);
  const t = dataset.staff;
  const year = evaluation.year;
  const staffTargets = plan.targets.flatMap((x) =>
    plan.unitTargets.includes(x.id) && isMeasured(x) && x.population.list === 'staff'
      ? [{ target: x, flag: x.population.flag }]
      : [],
  );
  // Per target, per unit (first row index): row indexes in the staff table, by state.
  const perTarget = staffTargets.map(({ target, flag }) => {
    const field = target.achieved.field as StaffAchievementField;
    const timing = target.achieved.timing;
    const flags = flag === 'leader' ? t.leader : flag === 'cchc' ? t.cchc : null;
    const marks = t.marks[field];
    const missing = new Map<number, number[]>();
    const unknown = new Map<number, number[]>();
    for (let i = 0; i < t.count; i++) {
      const u = t.unit[i];
      if (u < 0 || (flags !== null && !isYesCode(flags[i]))) continue;
      const s = achievedCode(marks[i], timing, year);
      if (s === 1) continue;
      const into = s === 0 ? missing : unknown;
      const list = into.get(u);
      if (list) list.push(i);
      else into.set(u, [i]);
    }
    return { id: target.id, missing, unknown };
  });
  const people = (rows: readonly number[] | undefined): PersonRef[] =>
    (rows ?? []).map((i) => reader.person(t.sheets[t.sheet[i]], t.row[i]));
  return evaluation.units.map((unit) => {
    const own = dataset.units[unit.index]?.duplicateOf ?? unit.index;
    const applied = new Set(unit.targets.map((x) => x.id));
    const targets = perTarget
      .filter((p) => applied.has(p.id))
      .map((p) => ({ id: p.id, missing: people(p.missing.get(own)), unknownRows: people(p.unknown.get(own)) }));
    return { index: unit.index, targets };
  });
}
