/**
 * What the reader understood of one list beyond its columns (SPEC §2 "Layouts real offices use"),
 * for the task pane to show: fields spread over year columns and the years found, units taken
 * from heading rows, a hidden sheet that was read.
 */
import { AnyLayout } from './detect';
import { Dataset } from './extract';

export interface ListUnderstood {
  /** Fields read from one column per year, with the years found (oldest first). */
  readonly yearFields: ReadonlyArray<{ readonly field: string; readonly years: readonly number[] }>;
  /** The staff's units came from heading rows (the list has no unit column). */
  readonly headingUnits: boolean;
  /** The list is on a hidden sheet, and was read. */
  readonly hiddenSheet: boolean;
}

export function understoodOf(layout: AnyLayout, dataset: Dataset): ListUnderstood {
  const yearFields = Object.entries(layout.yearColumns ?? {}).map(([field, cols]) => ({
    field,
    years: [...new Set((cols as ReadonlyArray<{ year: number }>).map((c) => c.year))],
  }));
  return {
    yearFields,
    headingUnits: layout.kind === 'staff' && dataset.understood.headingUnitSheets.includes(layout.sheet),
    hiddenSheet: dataset.understood.hiddenSheets.includes(layout.sheet),
  };
}

/** Whether there is anything to say. */
export function hasUnderstood(u: ListUnderstood | undefined): u is ListUnderstood {
  return !!u && (u.yearFields.length > 0 || u.headingUnits || u.hiddenSheet);
}
