/**
 * Turning the detected lists into records (SPEC §2): one per unit, person and activity, each
 * value read into a mark, each unreadable value reported as an issue with its cell. Skips what is
 * not data: blank rows, group headings, total rows, repeated headers, notes under a list.
 * Year-independent: a dataset is read once and evaluated for any year.
 */
import { ActivityFormat, ActivityKind, STAFF_ACHIEVEMENT_FIELDS, StaffAchievementField, UnitKind } from '../plan/types';
import { foldKey, foldName } from '../text/fold';
import { AnyLayout, DetectedLists, ListLayout } from './detect';
import { ActivityField, FieldsOf, ListKind, NEEDED_FIELDS, SCHEMAS, StaffField, UnitField } from './fields';
import { CellValue, SheetGrid, WorkbookGrid, a1, displayText, isCellError } from './grid';
import { Issue, IssueReason } from './issues';
import {
  MISSING,
  Mark,
  NO,
  YES,
  inferUnitKind,
  isLeaderTitle,
  readActivityKind,
  readCount,
  readFigure,
  readFormat,
  readMarker,
  readRequiredDate,
  readUnitKind,
  readYear,
} from './values';

export interface UnitRecord {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  /** The name as written. */
  readonly name: string;
  /** The name folded for matching (`foldName`). */
  readonly key: string;
  readonly kind: UnitKind;
  readonly positions: Mark;
  readonly positionsYear: Mark;
  /** Index of the unit row that first has this name, when this one repeats it. */
  readonly duplicateOf: number | null;
}

export interface StaffRecord {
  readonly sheet: string;
  readonly row: number;
  /** Index of the person's unit in `units` (the first row of that name), -1 when none matches. */
  readonly unit: number;
  readonly leader: Mark;
  readonly cchc: Mark;
  readonly marks: Readonly<Record<StaffAchievementField, Mark>>;
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
  readonly staff: readonly StaffRecord[];
  readonly activities: readonly ActivityRecord[];
  /** Fields that at least one list of each kind has (a target needing a field none has is `no_data`). */
  readonly fields: { readonly [K in ListKind]: ReadonlySet<FieldsOf[K]> };
  readonly issues: readonly Issue[];
}

// ---- rows that are not data ------------------------------------------------------------------

/** Total rows: "Tổng cộng", "Cộng" … ("Công chức …" is a person's title, so diacritics count here). */
const TOTAL_WORDS = new Set(
  ['tổng cộng', 'cộng', 'tổng', 'tổng số', 'total', 'grand total', 'cộng toàn thành phố', 'tổng cộng toàn thành phố'].map(
    foldName,
  ),
);
const TOTAL_PREFIXES = ['tổng cộng', 'cộng:'].map(foldName);

function isTotalText(text: string): boolean {
  const k = foldName(text);
  if (TOTAL_WORDS.has(k) || TOTAL_PREFIXES.some((p) => k.startsWith(p + ' '))) return true;
  // Typed without diacritics: "Tong cong".
  return /^[\x20-\x7e]+$/.test(text) && ['tong cong', 'tong so', 'total'].includes(foldKey(text));
}
const NOTE_PREFIXES = [
  'ghi chu',
  'nguoi lap',
  'noi nhan',
  'xac nhan',
  'thu truong',
  'nguon',
  'luu y',
  'kt giam doc',
  'tm uy ban nhan dan',
];
const HEADING_PREFIXES = ['khoi', 'nhom', 'danh sach', 'cap'];
const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\s*[.)]?$/;

type RowClass = 'data' | 'blank' | 'group' | 'total' | 'header' | 'note';

interface RowView {
  /** Mapped cells of the row, in column order. */
  readonly values: readonly CellValue[];
  readonly stt: CellValue;
}

function isUpperHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 4 && letters === letters.toUpperCase() && text.trim().includes(' ');
}

function classify(view: RowView, headerKeys: ReadonlySet<string>): RowClass {
  const texts: string[] = [];
  let nonEmpty = 0;
  let sttFilled = false;
  if (view.stt !== null && view.stt !== '') {
    if (typeof view.stt === 'string') {
      const s = view.stt.trim();
      if (ROMAN.test(s) || /^[A-Z]\s*[.)]?$/.test(s)) return 'group';
      if (s) {
        texts.push(s);
        sttFilled = true;
      }
    } else sttFilled = true;
  }
  for (const v of view.values) {
    if (v === null || v === '') continue;
    if (typeof v === 'string') {
      const s = v.trim();
      if (!s) continue;
      texts.push(s);
    }
    nonEmpty++;
  }
  if (nonEmpty === 0 && !sttFilled) return 'blank';
  if (nonEmpty === 0) return 'blank';
  let headerHits = 0;
  for (const t of texts) {
    if (isTotalText(t)) return 'total';
    if (headerKeys.has(foldKey(t))) headerHits++;
  }
  if (headerHits >= 2) return 'header';
  if (texts.length >= 1 && nonEmpty <= 2) {
    const k = foldKey(texts[0]);
    if (NOTE_PREFIXES.some((p) => k === p || k.startsWith(p + ' '))) return 'note';
  }
  if (nonEmpty === 1 && !sttFilled && texts.length === 1) {
    const t = texts[0];
    const k = foldKey(t);
    if (/^([IVXLC]+|[A-Z]|\d{1,2})\s*[.)]\s*\S/.test(t)) return 'group';
    if (HEADING_PREFIXES.some((p) => k === p || k.startsWith(p + ' '))) return 'group';
    if (isUpperHeading(t)) return 'group';
  }
  return 'data';
}

/**
 * A text field (name, unit, kind, format) as text. Excel desktop passes empty cells to custom
 * functions as 0, so a lone 0 in a text field reads as blank; errors and booleans are not text.
 */
function textOf(v: CellValue): string {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return v === 0 ? '' : String(v);
  return '';
}

// ---- reading a list ---------------------------------------------------------------------------

/**
 * Values of cells merged down a column in a list's data area (a unit name spanning its people's
 * rows), taken from the merge's top cell. Merges across columns are headings or notes: not filled.
 */
function mergedFill(sheet: SheetGrid, layout: AnyLayout): Map<string, CellValue> {
  const fill = new Map<string, CellValue>();
  for (const m of sheet.merges ?? []) {
    if (m.bottom < layout.dataTop || m.top > layout.dataBottom) continue;
    if (m.left !== m.right || m.bottom - m.top + 1 > 100_000) continue;
    const r0 = m.top - sheet.originRow;
    const c0 = m.left - sheet.originCol;
    const v = sheet.rows[r0]?.[c0] ?? null;
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) fill.set(`${r},${c}`, v);
    }
  }
  return fill;
}

class ListReader<K extends ListKind> {
  private readonly fill: Map<string, CellValue>;
  readonly headerKeys: ReadonlySet<string>;
  readonly cols: ReadonlyArray<number>;

  constructor(
    readonly sheet: SheetGrid,
    readonly layout: ListLayout<K>,
  ) {
    this.fill = mergedFill(sheet, layout as AnyLayout);
    this.headerKeys = new Set(layout.allHeaders.map((h) => foldKey(h.text)).filter((k) => k !== ''));
    this.cols = Object.entries(layout.columns)
      .filter(([f]) => f !== 'stt')
      .map(([, c]) => c as number)
      .sort((a, b) => a - b);
  }

  col(field: FieldsOf[K]): number | undefined {
    return (this.layout.columns as Partial<Record<string, number>>)[field];
  }

  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    const r = this.sheet.rows[row - this.sheet.originRow];
    const v = r ? r[col - this.sheet.originCol] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
    if (this.fill.size > 0) {
      const f = this.fill.get(`${row},${col}`);
      if (f !== undefined) return f;
    }
    return v === undefined ? null : v;
  }

  view(row: number): RowView {
    return { values: this.cols.map((c) => this.value(row, c)), stt: this.value(row, this.col('stt' as FieldsOf[K])) };
  }

  *dataRows(): Generator<number> {
    const last = Math.min(this.layout.dataBottom, this.sheet.originRow + this.sheet.rows.length - 1);
    for (let r = this.layout.dataTop; r <= last; r++) {
      if (classify(this.view(r), this.headerKeys) === 'data') yield r;
    }
  }
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

function readUnits(
  sheet: SheetGrid,
  layout: ListLayout<'units'>,
  units: UnitRecord[],
  byKey: Map<string, number>,
  log: IssueLog,
): void {
  const rd = new ListReader(sheet, layout);
  const cName = rd.col('name');
  const cKind = rd.col('kind');
  const cPos = rd.col('cchc_positions');
  const cYear = rd.col('cchc_positions_year');
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
        const k = readUnitKind(text);
        if (k) kind = k;
        else
          log.add({
            kind: 'unknown_kind',
            reason: 'kind_not_recognised',
            sheet: sheet.name,
            cell: a1(r, cKind),
            value: text,
            list: 'units',
            field: 'kind',
          });
      }
    }
    const rawPos = rd.value(r, cPos);
    const positions = cPos === undefined ? MISSING : readCount(rawPos);
    log.mark(positions, sheet.name, r, cPos, rawPos, 'units', 'cchc_positions');
    const rawYear = rd.value(r, cYear);
    const positionsYear = cYear === undefined ? NO : readYear(rawYear);
    log.mark(positionsYear, sheet.name, r, cYear, rawYear, 'units', 'cchc_positions_year');
    const key = foldName(name);
    const first = byKey.get(key);
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
      });
    } else byKey.set(key, units.length);
    units.push({ sheet: sheet.name, row: r, name, key, kind, positions, positionsYear, duplicateOf: first ?? null });
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

function readStaff(
  sheet: SheetGrid,
  layout: ListLayout<'staff'>,
  staff: StaffRecord[],
  byKey: ReadonlyMap<string, number>,
  log: IssueLog,
): void {
  const rd = new ListReader(sheet, layout);
  const cUnit = rd.col('unit');
  const cLeader = rd.col('leader');
  const cTitle = rd.col('title');
  const cCchc = rd.col('cchc');
  const fieldCols = STAFF_ACHIEVEMENT_FIELDS.map((f) => [f, rd.col(f)] as const);
  const unitCache = new Map<string, number>();
  for (const r of rd.dataRows()) {
    let unit = -1;
    if (cUnit !== undefined) {
      const raw = rd.value(r, cUnit);
      const text = textOf(raw);
      if (!text) {
        log.add({
          kind: 'unknown_unit',
          reason: 'unit_blank',
          sheet: sheet.name,
          cell: a1(r, cUnit),
          value: '',
          list: 'staff',
          field: 'unit',
        });
      } else {
        let idx = unitCache.get(text);
        if (idx === undefined) {
          idx = byKey.get(foldName(text)) ?? -1;
          unitCache.set(text, idx);
        }
        unit = idx;
        if (idx < 0) {
          log.add({
            kind: 'unknown_unit',
            reason: 'unit_not_listed',
            sheet: sheet.name,
            cell: a1(r, cUnit),
            value: text,
            list: 'staff',
            field: 'unit',
          });
        }
      }
    }
    let leader: Mark;
    if (cLeader !== undefined) {
      const raw = rd.value(r, cLeader);
      leader = readMarker(raw);
      log.mark(leader, sheet.name, r, cLeader, raw, 'staff', 'leader');
    } else if (cTitle !== undefined) {
      const raw = rd.value(r, cTitle);
      leader = typeof raw === 'string' && isLeaderTitle(raw) ? YES : NO;
    } else leader = MISSING;
    let cchc: Mark = YES;
    if (cCchc !== undefined) {
      const raw = rd.value(r, cCchc);
      cchc = readMarker(raw);
      log.mark(cchc, sheet.name, r, cCchc, raw, 'staff', 'cchc');
    }
    const marks = {} as Record<StaffAchievementField, Mark>;
    for (const [field, col] of fieldCols) {
      if (col === undefined) {
        marks[field] = MISSING;
        continue;
      }
      const raw = rd.value(r, col);
      const m = STAFF_READERS[field](raw);
      log.mark(m, sheet.name, r, col, raw, 'staff', field);
      marks[field] = m;
    }
    staff.push({ sheet: sheet.name, row: r, unit, leader, cchc, marks });
  }
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
  const staff: StaffRecord[] = [];
  const activities: ActivityRecord[] = [];
  const byKey = new Map<string, number>();

  const listTitle: Readonly<Record<ListKind, string>> = {
    units: SCHEMAS.units.title.vi,
    staff: SCHEMAS.staff.title.vi,
    activities: SCHEMAS.activities.title.vi,
  };
  for (const u of workbook.unreadable ?? []) {
    log.add({ kind: 'unreadable_sheet', reason: 'sheet_unreadable', sheet: u.sheet, cell: 'A1', value: u.reason });
  }
  for (const kind of ['units', 'staff', 'activities'] as const) {
    if (lists[kind].length === 0) {
      log.add({ kind: 'missing_column', reason: 'list_missing', sheet: '', cell: '', value: listTitle[kind], list: kind });
    }
  }
  for (const layout of lists.units) {
    missingColumns(layout, NEEDED_FIELDS.units, log);
    readUnits(sheets.get(layout.sheet) as SheetGrid, layout, units, byKey, log);
  }
  for (const layout of lists.staff) {
    missingColumns(layout, [...NEEDED_FIELDS.staff, 'leader'] as StaffField[], log);
    readStaff(sheets.get(layout.sheet) as SheetGrid, layout, staff, byKey, log);
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
    staff,
    activities,
    fields: {
      units: fieldSet<'units'>(lists.units) as Set<UnitField>,
      staff: staffFields,
      activities: fieldSet(lists.activities),
    },
    issues: log.issues,
  };
}
