/**
 * The engine's public face: read a workbook grid into a dataset, evaluate it for a year.
 * Knows nothing of Office, React, files or the terminal.
 */
import { WorkbookGrid, a1 } from '../workbook/grid';
import { Issue } from '../workbook/issues';
import { DetectedLists, detectLists } from '../workbook/detect';
import { Dataset, StaffTable, extract } from '../workbook/extract';
import { STAFF_ACHIEVEMENT_FIELDS, StaffAchievementField } from '../plan/types';

export * from './judge';
export * from './evaluate';
export type { Dataset, UnitRecord, StaffRecord, StaffTable, ActivityRecord, Understood } from '../workbook/extract';
export { staffRecords } from '../workbook/extract';

/** Finds the lists in `grid` (or takes those given) and reads them into a dataset. */
export function readDataset(grid: WorkbookGrid, lists: DetectedLists = detectLists(grid)): Dataset {
  return extract(grid, lists);
}

/**
 * A dataset whose units and issues say which file they came from (SPEC §4 `file`, when several
 * files are given together).
 */
export function withFile(dataset: Dataset, file: string): Dataset {
  return {
    ...dataset,
    units: dataset.units.map((u) => ({ ...u, file })),
    issues: dataset.issues.map((i) => ({ ...i, file })),
  };
}

/**
 * Several workbooks read as one (one result per district, then the city-wide total). A unit
 * listed in two files is one unit (reported as `duplicate_unit`); a list missing from one file but
 * found in another is not missing from the total.
 */
export function mergeDatasets(parts: readonly Dataset[]): Dataset {
  if (parts.length === 1) return parts[0];
  const units = parts.flatMap((p) => p.units);
  // Re-match names across workbooks: a unit's first row over all of them is its own.
  const firstByKey = new Map<string, number>();
  const crossFile: Issue[] = [];
  const mergedUnits = units.map((u, i) => {
    const first = firstByKey.get(u.key);
    if (first === undefined) firstByKey.set(u.key, i);
    else if (u.duplicateOf === null) {
      const f = units[first];
      crossFile.push({
        kind: 'duplicate_unit',
        reason: 'duplicate_name',
        sheet: u.sheet,
        cell: a1(u.row, u.col),
        value: u.name,
        list: 'units',
        field: 'name',
        firstRow: f.row + 1,
        firstSheet: f.file && f.file !== u.file ? `${f.file}: ${f.sheet}` : f.sheet,
        ...(u.file ? { file: u.file } : {}),
      });
    }
    return { ...u, duplicateOf: first ?? null };
  });
  const staff = concatStaff(
    parts.map((p) => p.staff),
    parts.map((p) => (u: number) => (u < 0 ? -1 : (firstByKey.get(p.units[u].key) ?? -1))),
  );
  const union = <T>(sets: ReadonlySet<T>[]): Set<T> => new Set(sets.flatMap((s) => [...s]));
  const lists = {
    units: parts.flatMap((p) => p.lists.units),
    staff: parts.flatMap((p) => p.lists.staff),
    activities: parts.flatMap((p) => p.lists.activities),
    ignored: parts.flatMap((p) => p.lists.ignored),
  };
  const issues = parts
    .flatMap((p) => p.issues)
    .filter((i) => !(i.reason === 'list_missing' && i.list !== undefined && lists[i.list].length > 0));
  // One "missing list" issue for a list no file has, not one per file.
  const seenMissing = new Set<string>();
  const deduped = issues.filter((i) => {
    if (i.reason !== 'list_missing') return true;
    const key = i.list ?? '';
    if (seenMissing.has(key)) return false;
    seenMissing.add(key);
    return true;
  });
  return {
    lists,
    units: mergedUnits,
    staff,
    activities: parts.flatMap((p) => p.activities),
    fields: {
      units: union(parts.map((p) => p.fields.units)),
      staff: union(parts.map((p) => p.fields.staff)),
      activities: union(parts.map((p) => p.fields.activities)),
    },
    issues: [...deduped, ...crossFile],
    understood: {
      headingUnitSheets: parts.flatMap((p) => p.understood.headingUnitSheets),
      hiddenSheets: parts.flatMap((p) => p.understood.hiddenSheets),
    },
  };
}

/** Staff tables one after another, each person's unit index renumbered by `unitOf`. */
function concatStaff(tables: readonly StaffTable[], unitOf: ReadonlyArray<(u: number) => number>): StaffTable {
  const count = tables.reduce((n, t) => n + t.count, 0);
  const sheets: string[] = [];
  const sheet = new Uint16Array(count);
  const row = new Int32Array(count);
  const unit = new Int32Array(count);
  const leader = new Uint16Array(count);
  const cchc = new Uint16Array(count);
  const marks = {} as Record<StaffAchievementField, Uint16Array>;
  for (const f of STAFF_ACHIEVEMENT_FIELDS) marks[f] = new Uint16Array(count);
  let at = 0;
  tables.forEach((t, ti) => {
    const sheetMap = t.sheets.map((name) => {
      const i = sheets.indexOf(name);
      if (i >= 0) return i;
      sheets.push(name);
      return sheets.length - 1;
    });
    for (let i = 0; i < t.count; i++) {
      sheet[at + i] = sheetMap[t.sheet[i]];
      unit[at + i] = unitOf[ti](t.unit[i]);
    }
    row.set(t.row, at);
    leader.set(t.leader, at);
    cchc.set(t.cchc, at);
    for (const f of STAFF_ACHIEVEMENT_FIELDS) marks[f].set(t.marks[f], at);
    at += t.count;
  });
  return { count, sheets, sheet, row, unit, leader, cchc, marks };
}
