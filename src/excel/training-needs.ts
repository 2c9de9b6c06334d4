/**
 * Who still needs training, for the task pane: the engine's details (src/engine/details.ts, the
 * same lists as `cchc evaluate --details`) for the evaluation shown, worked out on first request
 * and kept with the read they came from, so a click goes to that person by identity
 * (select-person.ts) even after the session has read the workbook again.
 */
import type { Evaluation } from '../engine';
import { PersonRef, UnitDetails, staffDetails } from '../engine/details';
import type { Plan } from '../plan';
import { cellFromOffice, displayText } from '../workbook/grid';
import { ExcelEnv } from './env';
import { fromOfficeError } from './errors';
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

  /**
   * The details of an evaluation over the read it was made from: one sync for the sheets' ids, and
   * one per 25,000 rows for the names a large list's read left out (read.ts planRead).
   */
  static async of(env: ExcelEnv, read: WorkbookRead, plan: Plan, evaluation: Evaluation): Promise<TrainingNeeds> {
    const units = await withNames(env, read, staffDetails(read.grid, read.dataset, plan, evaluation));
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

/** Rows of names read in one sync: about 1.5 MB of names and titles back at most. */
export const NAME_ROWS_PER_SYNC = 25_000;

/**
 * Reads the names and titles of the listed people that the pane's read did not load: the reader
 * loads a staff list's titles only when no "Lãnh đạo" column says who leads, and a large list's
 * names only for rows without a number (read.ts, neededColumns and planRead), as the evaluation
 * needs no more. Only the span of the rows listed, in chunks of NAME_ROWS_PER_SYNC rows.
 */
export async function withNames(env: ExcelEnv, read: WorkbookRead, units: readonly UnitDetails[]): Promise<UnitDetails[]> {
  const spans = new Map<string, { lo: number; hi: number; name: number; title: number | undefined }>();
  for (const u of units)
    for (const t of u.targets)
      for (const p of [...t.missing, ...t.unknownRows]) {
        const row0 = p.row - 1;
        const list = read.lists.staff.find((l) => l.sheet === p.sheet && row0 >= l.dataTop && row0 <= l.dataBottom);
        const name = list?.columns.name;
        if (name === undefined || (p.name !== '' && (p.title !== '' || list?.columns.title === undefined))) continue;
        const span = spans.get(p.sheet);
        if (span) {
          span.lo = Math.min(span.lo, row0);
          span.hi = Math.max(span.hi, row0);
        } else spans.set(p.sheet, { lo: row0, hi: row0, name, title: list?.columns.title });
      }
  if (spans.size === 0) return [...units];
  const chunks: NameChunk[] = [...spans].flatMap(([sheet, span]) => {
    const out: NameChunk[] = [];
    for (let top = span.lo; top <= span.hi; top += NAME_ROWS_PER_SYNC)
      out.push({ sheet, top, rows: Math.min(NAME_ROWS_PER_SYNC, span.hi - top + 1), name: span.name, title: span.title });
    return out;
  });
  const found = new Map<string, { name: string; title: string | null }>();
  try {
    // One chunk after the other, each in its own sync (as read.ts loads its chunks).
    await env.run(async (context) => {
      for (const chunk of chunks) await readNames(context, chunk, found);
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
  const named = (p: PersonRef): PersonRef => {
    const f = found.get(`${p.sheet}\u0000${p.row}`);
    return f ? { ...p, name: p.name || f.name, title: p.title || (f.title ?? '') } : p;
  };
  return units.map((u) => ({
    ...u,
    targets: u.targets.map((t) => ({ ...t, missing: t.missing.map(named), unknownRows: t.unknownRows.map(named) })),
  }));
}

interface NameChunk {
  readonly sheet: string;
  /** 0-based first row and the number of rows. */
  readonly top: number;
  readonly rows: number;
  readonly name: number;
  readonly title: number | undefined;
}

/** One chunk of names (and titles) in one sync, into `found` by sheet and 1-based row. */
async function readNames(
  context: Excel.RequestContext,
  c: NameChunk,
  found: Map<string, { name: string; title: string | null }>,
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(c.sheet);
  const names = ws.getRangeByIndexes(c.top, c.name, c.rows, 1).load('values');
  const titles = c.title === undefined ? null : ws.getRangeByIndexes(c.top, c.title, c.rows, 1).load('values');
  await context.sync();
  for (let i = 0; i < c.rows; i++)
    found.set(`${c.sheet}\u0000${c.top + i + 1}`, {
      name: displayText(cellFromOffice(names.values[i]?.[0])).trim(),
      title: titles ? displayText(cellFromOffice(titles.values[i]?.[0])).trim() : null,
    });
}
