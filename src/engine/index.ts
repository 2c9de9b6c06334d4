/**
 * The engine's public face: read a workbook grid into a dataset, evaluate it for a year.
 * Knows nothing of Office, React, files or the terminal.
 */
import { WorkbookGrid } from '../workbook/grid';
import { DetectedLists, detectLists } from '../workbook/detect';
import { Dataset, extract } from '../workbook/extract';

export * from './judge';
export * from './evaluate';
export type { Dataset, UnitRecord, StaffRecord, ActivityRecord } from '../workbook/extract';

/** Finds the lists in `grid` (or takes those given) and reads them into a dataset. */
export function readDataset(grid: WorkbookGrid, lists: DetectedLists = detectLists(grid)): Dataset {
  return extract(grid, lists);
}

/** Several workbooks read as one (one result per district, then the city-wide total). */
export function mergeDatasets(parts: readonly Dataset[]): Dataset {
  if (parts.length === 1) return parts[0];
  const units = parts.flatMap((p) => p.units);
  // Re-match names across workbooks: a unit's first row over all of them is its own.
  const firstByKey = new Map<string, number>();
  const offsets: number[] = [];
  let offset = 0;
  for (const p of parts) {
    offsets.push(offset);
    offset += p.units.length;
  }
  const mergedUnits = units.map((u, i) => {
    const first = firstByKey.get(u.key);
    if (first === undefined) firstByKey.set(u.key, i);
    return { ...u, duplicateOf: first ?? null };
  });
  const staff = parts.flatMap((p, pi) =>
    p.staff.map((s) => {
      if (s.unit < 0) return s;
      const key = p.units[s.unit].key;
      return { ...s, unit: firstByKey.get(key) ?? s.unit + offsets[pi] };
    }),
  );
  const union = <T>(sets: ReadonlySet<T>[]): Set<T> => new Set(sets.flatMap((s) => [...s]));
  return {
    lists: {
      units: parts.flatMap((p) => p.lists.units),
      staff: parts.flatMap((p) => p.lists.staff),
      activities: parts.flatMap((p) => p.lists.activities),
      ignored: parts.flatMap((p) => p.lists.ignored),
    },
    units: mergedUnits,
    staff,
    activities: parts.flatMap((p) => p.activities),
    fields: {
      units: union(parts.map((p) => p.fields.units)),
      staff: union(parts.map((p) => p.fields.staff)),
      activities: union(parts.map((p) => p.fields.activities)),
    },
    issues: parts.flatMap((p) => p.issues),
  };
}
