/**
 * Turning the detected lists into records (SPEC §2): one per unit, person and activity, each
 * value read into a mark, each unreadable value reported as an issue with its cell. Skips what is
 * not data: blank rows, group headings, total rows, repeated headers, notes under a list.
 * Year-independent: a dataset is read once and evaluated for any year.
 */
import { ActivityFormat, ActivityKind, STAFF_ACHIEVEMENT_FIELDS, StaffAchievementField, UnitKind } from '../plan/types';
import { foldName, foldPlaceKey } from '../text/fold';
import { DetectedLists, ListLayout } from './detect';
import { ActivityField, FieldsOf, ListKind, NEEDED_FIELDS, SCHEMAS, StaffField, UnitField } from './fields';
import { CellValue, SheetGrid, WorkbookGrid, a1, displayText, isCellError } from './grid';
import { Issue, IssueReason } from './issues';
import { BLANK, DATA, GROUP, ListReader, textOf } from './list-reader';
import { StaffTable, StaffTableBuilder } from './staff-table';
import { UnitIndex } from './unit-index';
import { YearColumn, readYearColumns } from './year-columns';
import {
  CODE_MISSING,
  CODE_NO,
  CODE_UNKNOWN,
  CODE_YES,
  MISSING,
  Mark,
  NO,
  inferUnitKind,
  isLeaderTitle,
  readActivityKind,
  readCount,
  readFigure,
  readFormat,
  readMarker,
  readRequiredDate,
  readUnitKindOf,
  readYear,
} from './values';

export type { StaffTable, StaffRecord } from './staff-table';
export { staffRecords } from './staff-table';

export interface UnitRecord {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** The name as written. */
  readonly name: string;
  /** 0-based column of the name. */
  readonly col: number;
  /** The name folded for matching (`foldName`). */
  readonly key: string;
  readonly kind: UnitKind;
  readonly positions: Mark;
  readonly positionsYear: Mark;
  /** Objective O1: piloting 5S workplaces (a marker or the year it began; NO when there is no column). */
  readonly pilot5s: Mark;
  /** Index of the unit row that first has this name, when this one repeats it. */
  readonly duplicateOf: number | null;
  /** The file the row is in, when several files are read together (SPEC §4 `file`). */
  readonly file?: string;
}

export interface ActivityRecord {
  readonly sheet: string;
  readonly row: number;
  readonly name: string;
  /** null: the kind could not be read (an `unknown_kind` issue says where). */
  readonly kind: ActivityKind | null;
  /** null: the format could not be read or is missing. */
  readonly format: ActivityFormat | null;
  readonly date: Mark;
  readonly participants: number | null;
  readonly nonLeaders: number | null;
}

export interface Dataset {
  readonly lists: DetectedLists;
  readonly units: readonly UnitRecord[];
  readonly staff: StaffTable;
  readonly activities: readonly ActivityRecord[];
  /** Fields that at least one list of each kind has (a target needing a field none has is `no_data`). */
  readonly fields: { readonly [K in ListKind]: ReadonlySet<FieldsOf[K]> };
  readonly issues: readonly Issue[];
  /** How layouts were understood, for the task pane to show (year columns are on the lists). */
  readonly understood: Understood;
}

/** What the reader understood beyond plain lists (SPEC §2 "Layouts real offices use"). */
export interface Understood {
  /** Staff sheets whose units came from heading rows (no unit column). */
  readonly headingUnitSheets: readonly string[];
  /** Hidden sheets that hold a list and were read. */
  readonly hiddenSheets: readonly string[];
}

class IssueLog {
  readonly issues: Issue[] = [];

  mark(m: Mark, sheet: string, row: number, col: number | undefined, raw: CellValue, list: ListKind, field: string): void {
    if (m.kind !== 'unknown' || col === undefined || m.reason === 'column_missing') return;
    this.issues.push({
      kind: m.issue,
      reason: m.reason,
      sheet,
      cell: a1(row, col),
      value: displayText(raw),
      list,
      field: field as Issue['field'],
    });
  }

  add(issue: Issue): void {
    this.issues.push(issue);
  }
}

function missingColumns<K extends ListKind>(layout: ListLayout<K>, needed: readonly FieldsOf[K][], log: IssueLog): void {
  const columns = layout.columns as Partial<Record<string, number>>;
  const left = Math.min(...Object.values(columns).filter((c): c is number => c !== undefined));
  for (const field of needed) {
    if (columns[field] !== undefined) continue;
    if (layout.kind === 'staff' && field === 'leader' && columns.title !== undefined) continue;
    const spec = SCHEMAS[layout.kind].fields.find((f) => f.field === field);
    log.add({
      kind: 'missing_column',
      reason: 'column_missing',
      sheet: layout.sheet,
      cell: a1(layout.headerBottom, Number.isFinite(left) ? left : 0),
      value: spec ? spec.header.vi : field,
      list: layout.kind,
      field: field as Issue['field'],
    });
  }
}

function readUnits(sheet: SheetGrid, layout: ListLayout<'units'>, units: UnitRecord[], index: UnitIndex, log: IssueLog): void {
  const rd = new ListReader(sheet, layout);
  const cName = rd.col('name');
  const cKind = rd.col('kind');
  const cPos = rd.col('cchc_positions');
  const cYear = rd.col('cchc_positions_year');
  const c5s = rd.col('pilot_5s');
  for (const r of rd.dataRows()) {
    const rawName = rd.value(r, cName);
    const name = textOf(rawName);
    if (!name) {
      if (cName !== undefined) {
        log.add({
          kind: 'unknown_value',
          reason: 'name_missing',
          sheet: sheet.name,
          cell: a1(r, cName),
          value: displayText(rawName),
          list: 'units',
          field: 'name',
        });
      }
      continue;
    }
    let kind: UnitKind = inferUnitKind(name);
    if (cKind !== undefined) {
      const rawKind = rd.value(r, cKind);
      const text = isCellError(rawKind) ? rawKind.error : textOf(rawKind);
      if (text) {
        const k = readUnitKindOf(text, name);
        if (k.kind !== null) kind = k.kind;
        else {
          // No answer rather than a guess: the unit counts in no kind's population.
          kind = 'khac';
          log.add({
            kind: 'unknown_kind',
            reason: k.reason,
            sheet: sheet.name,
            cell: a1(r, cKind),
            value: text,
            list: 'units',
            field: 'kind',
          });
        }
      }
    }
    const rawPos = rd.value(r, cPos);
    const positions = cPos === undefined ? MISSING : readCount(rawPos);
    log.mark(positions, sheet.name, r, cPos, rawPos, 'units', 'cchc_positions');
    const rawYear = rd.value(r, cYear);
    const positionsYear = cYear === undefined ? NO : readYear(rawYear);
    log.mark(positionsYear, sheet.name, r, cYear, rawYear, 'units', 'cchc_positions_year');
    const raw5s = rd.value(r, c5s);
    const pilot5s = c5s === undefined ? NO : readMarker(raw5s);
    log.mark(pilot5s, sheet.name, r, c5s, raw5s, 'units', 'pilot_5s');
    const key = foldName(name);
    const first = index.add(key, units.length, name);
    if (first !== undefined) {
      log.add({
        kind: 'duplicate_unit',
        reason: 'duplicate_name',
        sheet: sheet.name,
        cell: a1(r, cName as number),
        value: name,
        list: 'units',
        field: 'name',
        firstRow: units[first].row + 1,
        ...(units[first].sheet !== sheet.name ? { firstSheet: units[first].sheet } : {}),
      });
    }
    units.push({
      sheet: sheet.name,
      row: r,
      col: cName as number,
      name,
      key,
      kind,
      positions,
      positionsYear,
      pilot5s,
      duplicateOf: first ?? null,
    });
  }
}

const STAFF_READERS: Readonly<Record<StaffAchievementField, (v: CellValue) => Mark>> = {
  trained: readMarker,
  skills: readMarker,
  elearning: readMarker,
  planned_year: readYear,
  appointed_year: readYear,
  expert_year: readYear,
};

/** Words of kind headings ("SỞ, BAN, NGÀNH", "UBND phường, xã, thị trấn"), folded. */
const KIND_WORDS = new Set(
  'so ban nganh quan huyen phuong xa thi tran uy nhan dan khoi cap va thanh pho thu duc cac don vi truc thuoc'.split(' '),
);

/** A heading naming a kind of unit rather than a unit: nothing in it but kind words. */
function isKindHeading(text: string): boolean {
  return foldPlaceKey(text)
    .split(' ')
    .every((w) => w === '' || KIND_WORDS.has(w));
}

/** What reading a staff list found beyond its rows. */
interface StaffReading {
  /** Heading rows that named a unit (SPEC §2 "Units as heading rows"). */
  headings: number;
}

/**
 * Reads one staff sheet into the table. The hot loop of a 50,000-row workbook: per cell one
 * lookup (the last value of each column is remembered, as lists repeat themselves), no allocation.
 * A blank unit cell belongs to the unit above it until a group row (fill-down); a list without a
 * unit column takes each person's unit from the heading row above them.
 */
function readStaff(
  sheet: SheetGrid,
  layout: ListLayout<'staff'>,
  table: StaffTableBuilder,
  index: UnitIndex,
  log: IssueLog,
): StaffReading {
  const rd = new ListReader(sheet, layout);
  const cUnit = rd.col('unit');
  const cLeader = rd.col('leader');
  const cTitle = rd.col('title');
  const cCchc = rd.col('cchc');
  const years: Partial<Record<StaffField, readonly YearColumn[]>> = layout.yearColumns ?? {};
  const fields = STAFF_ACHIEVEMENT_FIELDS.filter((f) => rd.col(f) !== undefined && years[f] === undefined);
  const yearFields = STAFF_ACHIEVEMENT_FIELDS.filter((f) => years[f] !== undefined);
  const missing = STAFF_ACHIEVEMENT_FIELDS.filter((f) => rd.col(f) === undefined);
  const fieldCols = fields.map((f) => rd.col(f) as number);
  const readers = fields.map((f) => STAFF_READERS[f]);
  const lastValue: CellValue[] = fields.map(() => undefined as unknown as CellValue);
  const lastMark: Mark[] = fields.map(() => NO);
  const sheetIndex = table.sheetIndex(sheet.name);
  table.reserve(rd.rowBound());
  const cols = table.columns;
  const targets = fields.map((f) => cols.marks[f]);
  const missingTargets = missing.map((f) => cols.marks[f]);
  const unitIssue = (
    reason: IssueReason,
    kind: Issue['kind'],
    r: number,
    col: number,
    value: string,
    candidates?: readonly string[],
  ) =>
    log.add({
      kind,
      reason,
      sheet: sheet.name,
      cell: a1(r, col),
      value,
      list: 'staff',
      field: 'unit',
      ...(candidates && candidates.length > 1 ? { candidates } : {}),
    });
  /** A unit text → its unit (-1 none), reporting a name that is not listed or could be two units. */
  const unitOf = (text: string, r: number, col: number): number => {
    const m = index.match(text);
    if (m.ambiguous === undefined) return m.index;
    if (m.ambiguous.length > 1) unitIssue('unit_ambiguous', 'unknown_unit', r, col, text, m.ambiguous);
    else unitIssue('unit_not_listed', 'unknown_unit', r, col, text);
    return -1;
  };

  /**
   * The unit a heading row names (SPEC §2 "Units as heading rows": its only text, after any
   * numbering, is a unit's name; -1 when that unit is not listed, reported), or null when the row
   * is no unit heading.
   */
  const headingUnit = (r: number): number | null => {
    const lone = rd.loneText(r);
    if (!lone) return null;
    const m = index.match(lone.text);
    if (m.index >= 0) return m.index;
    if (inferUnitKind(lone.text) === 'khac' || isKindHeading(lone.text)) return null;
    return unitOf(lone.text, r, lone.col);
  };
  const cName = rd.col('name');
  const classes = rd.rowClasses();
  const oc = rd.colOffset;
  const merged = rd.hasMerges;
  const nameCol = cName ?? layout.left;
  /** Fill-down: the unit of the last filled unit cell (-1 not listed), NONE before any. */
  const NONE = -2;
  let carried = NONE;
  /** Unit text as written → unit index, for texts that name a listed unit (lists repeat themselves). */
  const unitCache = new Map<string, number>();
  /** Heading-row units: the unit of the last heading (-1 not listed), or null before any. */
  let heading: number | null = null;
  let headings = 0;
  for (let r = layout.dataTop; r <= rd.lastRow; r++) {
    const kind = classes[r - layout.dataTop];
    if (kind === GROUP) carried = NONE;
    if (cUnit === undefined && (kind === DATA || kind === GROUP || kind === BLANK)) {
      const unit = headingUnit(r);
      if (unit !== null) {
        headings++;
        heading = unit;
        continue;
      }
    } else if (cUnit !== undefined && kind === DATA && cName !== undefined) {
      // A listed unit written as a heading in the name column ("1 | UBND Phường 4", nothing else)
      // heads the people below it, like a group row, even in a list with a unit column: it is not a
      // person. Only a listed unit: a person alone on a row whose name reads like one ("Ban Thị
      // Hoa", Ban being a surname) stays a person of the unit above.
      const lone = rd.loneText(r);
      const listed = lone && lone.col === cName ? index.match(lone.text).index : -1;
      if (listed >= 0) {
        carried = listed;
        continue;
      }
    }
    if (kind !== DATA) continue;
    const row = merged ? undefined : rd.rowArray(r);
    const i = table.next();
    cols.sheet[i] = sheetIndex;
    cols.row[i] = r;
    let unit = -1;
    if (cUnit !== undefined) {
      const raw = row ? (row[cUnit - oc] ?? null) : rd.value(r, cUnit);
      const cached = typeof raw === 'string' ? unitCache.get(raw) : undefined;
      if (cached !== undefined) {
        unit = cached;
        carried = cached;
      } else if (isCellError(raw)) {
        carried = NONE;
        log.add({
          kind: 'unknown_value',
          reason: 'error_value',
          sheet: sheet.name,
          cell: a1(r, cUnit),
          value: raw.error,
          list: 'staff',
          field: 'unit',
        });
      } else {
        const text = textOf(raw);
        if (text) {
          unit = unitOf(text, r, cUnit);
          // Only matches are remembered: each row naming an unlisted unit is reported.
          if (unit >= 0 && typeof raw === 'string') unitCache.set(raw, unit);
          carried = unit;
        } else if (carried !== NONE) unit = carried;
        else unitIssue('unit_blank', 'unknown_unit', r, cUnit, '');
      }
    } else if (heading !== null) unit = heading;
    else if (headings > 0) unitIssue('unit_blank', 'unknown_unit', r, nameCol, '');
    cols.unit[i] = unit;
    if (cLeader !== undefined) {
      const raw = row ? (row[cLeader - oc] ?? null) : rd.value(r, cLeader);
      const m = readMarker(raw);
      if (m.kind === 'unknown') log.mark(m, sheet.name, r, cLeader, raw, 'staff', 'leader');
      cols.leader[i] = m.code;
    } else if (cTitle !== undefined) {
      const raw = row ? (row[cTitle - oc] ?? null) : rd.value(r, cTitle);
      if (isCellError(raw)) {
        // The title decides who is a leader: an error there leaves it unknown (left out, reported).
        cols.leader[i] = CODE_UNKNOWN;
        log.add({
          kind: 'unknown_value',
          reason: 'error_value',
          sheet: sheet.name,
          cell: a1(r, cTitle),
          value: raw.error,
          list: 'staff',
          field: 'title',
        });
      } else cols.leader[i] = typeof raw === 'string' && isLeaderTitle(raw) ? CODE_YES : CODE_NO;
    } else cols.leader[i] = CODE_MISSING;
    if (cCchc !== undefined) {
      const raw = row ? (row[cCchc - oc] ?? null) : rd.value(r, cCchc);
      const m = readMarker(raw);
      if (m.kind === 'unknown') log.mark(m, sheet.name, r, cCchc, raw, 'staff', 'cchc');
      cols.cchc[i] = m.code;
    } else cols.cchc[i] = CODE_YES;
    for (let f = 0; f < fieldCols.length; f++) {
      const raw = row ? (row[fieldCols[f] - oc] ?? null) : rd.value(r, fieldCols[f]);
      let m: Mark;
      if (raw === lastValue[f]) m = lastMark[f];
      else {
        m = readers[f](raw);
        lastValue[f] = raw;
        lastMark[f] = m;
      }
      if (m.kind === 'unknown') log.mark(m, sheet.name, r, fieldCols[f], raw, 'staff', fields[f]);
      targets[f][i] = m.code;
    }
    for (const f of yearFields) {
      const list = years[f] as readonly YearColumn[];
      const values = list.map((y) => rd.value(r, y.col));
      const m = readYearColumns(values, list, (k, mk) => log.mark(mk, sheet.name, r, list[k].col, values[k], 'staff', f));
      cols.marks[f][i] = m.code;
    }
    for (const t of missingTargets) t[i] = CODE_MISSING;
  }
  return { headings };
}

function readActivities(sheet: SheetGrid, layout: ListLayout<'activities'>, out: ActivityRecord[], log: IssueLog): void {
  const rd = new ListReader(sheet, layout);
  const c: Partial<Record<ActivityField, number>> = layout.columns;
  for (const r of rd.dataRows()) {
    const rawName = rd.value(r, c.name);
    const name = textOf(rawName);
    const rawKind = rd.value(r, c.kind);
    const kindText = isCellError(rawKind) ? rawKind.error : textOf(rawKind);
    let kind: ActivityKind | null = kindText ? readActivityKind(kindText) : readActivityKind(name);
    if (kind === null && c.kind !== undefined) {
      log.add({
        kind: 'unknown_kind',
        reason: 'kind_not_recognised',
        sheet: sheet.name,
        cell: a1(r, c.kind),
        value: kindText,
        list: 'activities',
        field: 'kind',
      });
    }
    if (c.kind === undefined) kind = null;
    const rawFormat = rd.value(r, c.format);
    const formatText = textOf(rawFormat);
    const format = formatText ? readFormat(formatText) : null;
    if (c.format !== undefined && format === null && (formatText !== '' || kind === 'domestic_class' || kind === null)) {
      const reason: IssueReason = formatText ? 'format_not_recognised' : 'format_missing';
      log.add({
        kind: 'unknown_value',
        reason,
        sheet: sheet.name,
        cell: a1(r, c.format),
        value: formatText,
        list: 'activities',
        field: 'format',
      });
    }
    const rawDate = rd.value(r, c.date);
    const date = c.date === undefined ? MISSING : readRequiredDate(rawDate);
    log.mark(date, sheet.name, r, c.date, rawDate, 'activities', 'date');
    out.push({
      sheet: sheet.name,
      row: r,
      name,
      kind,
      format,
      date,
      participants: readFigure(rd.value(r, c.participants)),
      nonLeaders: readFigure(rd.value(r, c.non_leaders)),
    });
  }
}

function fieldSet<K extends ListKind>(layouts: readonly ListLayout<K>[]): Set<FieldsOf[K]> {
  const s = new Set<FieldsOf[K]>();
  for (const l of layouts) for (const f of Object.keys(l.columns) as FieldsOf[K][]) s.add(f);
  return s;
}

/** Reads every detected list of `workbook` into a dataset. */
export function extract(workbook: WorkbookGrid, lists: DetectedLists): Dataset {
  const log = new IssueLog();
  const sheets = new Map(workbook.sheets.map((s) => [s.name, s]));
  const units: UnitRecord[] = [];
  const staffCapacity = lists.staff.reduce((n, l) => n + Math.max(0, l.dataBottom - l.dataTop + 1), 0);
  const staff = new StaffTableBuilder(Math.min(staffCapacity, 1_000_000));
  const activities: ActivityRecord[] = [];
  const index = new UnitIndex();
  const headingUnitSheets: string[] = [];

  const listTitle: Readonly<Record<ListKind, string>> = {
    units: SCHEMAS.units.title.vi,
    staff: SCHEMAS.staff.title.vi,
    activities: SCHEMAS.activities.title.vi,
  };
  for (const u of workbook.unreadable ?? []) {
    log.add({ kind: 'unreadable_sheet', reason: 'sheet_unreadable', sheet: u.sheet, cell: 'A1', value: u.reason });
  }
  // A hidden sheet holding a list is read like a visible one, and said so (SPEC §2 "Hidden sheets").
  const hiddenSheets: string[] = [];
  for (const layout of [...lists.units, ...lists.staff, ...lists.activities]) {
    if (!sheets.get(layout.sheet)?.hidden || hiddenSheets.includes(layout.sheet)) continue;
    hiddenSheets.push(layout.sheet);
    log.add({
      kind: 'hidden_sheet',
      reason: 'sheet_hidden',
      sheet: layout.sheet,
      cell: a1(layout.headerTop, layout.left),
      value: layout.sheet,
      list: layout.kind,
    });
  }
  for (const kind of ['units', 'staff', 'activities'] as const) {
    if (lists[kind].length === 0) {
      log.add({ kind: 'missing_column', reason: 'list_missing', sheet: '', cell: '', value: listTitle[kind], list: kind });
    }
  }
  for (const layout of lists.units) {
    missingColumns(layout, NEEDED_FIELDS.units, log);
    readUnits(sheets.get(layout.sheet) as SheetGrid, layout, units, index, log);
  }
  for (const layout of lists.staff) {
    const at = log.issues.length;
    missingColumns(layout, [...NEEDED_FIELDS.staff, 'leader'] as StaffField[], log);
    const { headings } = readStaff(sheets.get(layout.sheet) as SheetGrid, layout, staff, index, log);
    if (headings > 0) {
      // Units came from heading rows: the unit column is not missing.
      const i = log.issues.findIndex((x, k) => k >= at && x.reason === 'column_missing' && x.field === 'unit');
      if (i >= 0) log.issues.splice(i, 1);
      if (!headingUnitSheets.includes(layout.sheet)) headingUnitSheets.push(layout.sheet);
    }
  }
  for (const layout of lists.activities) {
    missingColumns(layout, NEEDED_FIELDS.activities, log);
    readActivities(sheets.get(layout.sheet) as SheetGrid, layout, activities, log);
  }
  const staffFields = fieldSet(lists.staff);
  if (staffFields.has('title')) staffFields.add('leader');
  return {
    lists,
    units,
    staff: staff.build(),
    activities,
    fields: {
      units: fieldSet<'units'>(lists.units) as Set<UnitField>,
      staff: staffFields,
      activities: fieldSet(lists.activities),
    },
    issues: log.issues,
    understood: { headingUnitSheets, hiddenSheets },
  };
}
