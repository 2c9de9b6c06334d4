/**
 * Who still needs training, for the task pane: the engine's details (src/engine/details.ts, the
 * same lists as `cchc evaluate --details`) for the evaluation shown, worked out on first request
 * and kept with the read they came from, so a click goes to that person by identity
 * (select-person.ts) even after the session has read the workbook again.
 */
import type { Evaluation } from '../engine';
import { PersonRef, UnitDetails, staffDetails } from '../engine/details';
import type { Plan } from '../plan';
import { ExcelEnv } from './env';
import type { WorkbookRead } from './read';
import { PersonPlace, PersonSelection, selectPerson, sheetIds } from './select-person';

export type { PersonRef, UnitDetails } from '../engine/details';
export type { PersonSelection } from './select-person';

export class TrainingNeeds {
  private constructor(
    readonly evaluation: Evaluation,
    readonly units: readonly UnitDetails[],
    private readonly read: WorkbookRead,
    private readonly ids: ReadonlyMap<string, string>,
  ) {}

  /** The details of an evaluation over the read it was made from; one sync for the sheets' ids. */
  static async of(env: ExcelEnv, read: WorkbookRead, plan: Plan, evaluation: Evaluation): Promise<TrainingNeeds> {
    const units = staffDetails(read.grid, read.dataset, plan, evaluation);
    return new TrainingNeeds(evaluation, units, read, await sheetIds(env));
  }

  /** Where a person listed here is: the sheet (and its id) and the name column of their list. */
  place(p: PersonRef): PersonPlace {
    const row0 = p.row - 1;
    const list = this.read.lists.staff.find((l) => l.sheet === p.sheet && row0 >= l.dataTop && row0 <= l.dataBottom);
    const id = this.ids.get(p.sheet);
    return { sheet: p.sheet, ...(id ? { sheetId: id } : {}), row: p.row, column: list?.columns.name ?? null, name: p.name };
  }

  select(env: ExcelEnv, p: PersonRef): Promise<PersonSelection> {
    return selectPerson(env, this.place(p));
  }
}
