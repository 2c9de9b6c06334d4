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
  /** Objective O1: piloting 5S workplaces (a marker or the year it began; NO when there is no column). */
  readonly pilot5s: Mark;
  /** Index of the unit row that first has this name, when this one repeats it. */
  readonly duplicateOf: number | null;
}

/**
 * The staff list as columns, one entry per person: compact for 50,000 rows and quick to count.
 * Values are mark codes (`Mark.code`: 0 no, 1 yes, 2 unknown, 3 column missing, or a year).
 */
export interface StaffTable {
  readonly count: number;
  /** Sheet names; `sheet[i]` indexes this list. */
  readonly sheets: readonly string[];
  readonly sheet: Uint16Array;
  /** 0-based sheet row. */
  readonly row: Int32Array;
  /** Index of the person's unit in `units` (the first row of that name), -1 when none matches. */
  readonly unit: Int32Array;
  readonly leader: Uint16Array;
  readonly cchc: Uint16Array;
  readonly marks: Readonly<Record<StaffAchievementField, Uint16Array>>;
}

/** One person of a StaffTable as an object (for tests and the occasional reader). */
export interface StaffRecord {
  readonly sheet: string;
  readonly row: number;
  readonly unit: number;
  readonly leader: number;
  readonly cchc: number;
  readonly marks: Readonly<Record<StaffAchievementField, number>>;
}

export function staffRecords(t: StaffTable): StaffRecord[] {
  const out: StaffRecord[] = [];
  for (let i = 0; i < t.count; i++) {
    const marks = {} as Record<StaffAchievementField, number>;
    for (const f of STAFF_ACHIEVEMENT_FIELDS) marks[f] = t.marks[f][i];
    out.push({ sheet: t.sheets[t.sheet[i]], row: t.row[i], unit: t.unit[i], leader: t.leader[i], cchc: t.cchc[i], marks });
  }
  return out;
}

/** Grows a StaffTable row by row. */
class StaffTableBuilder {
  private n = 0;
  private sheetNames: string[] = [];
  private cols: {
    sheet: Uint16Array;
    row: Int32Array;
    unit: Int32Array;
    leader: Uint16Array;
    cchc: Uint16Array;
    marks: Record<StaffAchievementField, Uint16Array>;
  };

  constructor(capacity: number) {
    this.cols = StaffTableBuilder.allocate(Math.max(16, capacity));
  }

  private static allocate(n: number) {
    const marks = {} as Record<StaffAchievementField, Uint16Array>;
    for (const f of STAFF_ACHIEVEMENT_FIELDS) marks[f] = new Uint16Array(n);
    return {
      sheet: new Uint16Array(n),
      row: new Int32Array(n),
      unit: new Int32Array(n),
      leader: new Uint16Array(n),
      cchc: new Uint16Array(n),
      marks,
    };
  }

  sheetIndex(name: string): number {
    const i = this.sheetNames.indexOf(name);
    if (i >= 0) return i;
    this.sheetNames.push(name);
    return this.sheetNames.length - 1;
  }

  /** Room for `more` rows; returns the index of the next row. */
  reserve(more: number): void {
    const cap = this.cols.row.length;
    if (this.n + more <= cap) return;
    const next = StaffTableBuilder.allocate(Math.max(this.n + more, cap * 2));
    next.sheet.set(this.cols.sheet);
    next.row.set(this.cols.row);
    next.unit.set(this.cols.unit);
    next.leader.set(this.cols.leader);
    next.cchc.set(this.cols.cchc);
    for (const f of STAFF_ACHIEVEMENT_FIELDS) next.marks[f].set(this.cols.marks[f]);
    this.cols = next;
  }

  get columns() {
    return this.cols;
  }

  /** Claims the next row (after `reserve`). */
  next(): number {
    return this.n++;
  }

  build(): StaffTable {
    const n = this.n;
    const c = this.cols;
    const marks = {} as Record<StaffAchievementField, Uint16Array>;
    for (const f of STAFF_ACHIEVEMENT_FIELDS) marks[f] = c.marks[f].subarray(0, n);
    return {
      count: n,
      sheets: this.sheetNames,
      sheet: c.sheet.subarray(0, n),
      row: c.row.subarray(0, n),
      unit: c.unit.subarray(0, n),
      leader: c.leader.subarray(0, n),
      cchc: c.cchc.subarray(0, n),
      marks,
    };
  }
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
}

// ---- rows that are not data ------------------------------------------------------------------

/** Total rows: "Tổng cộng", "Cộng", "Cộng:" … ("Công chức …", "Cộng đồng …" are not). */
const TOTAL_WORDS = new Set(
  ['tổng cộng', 'cộng', 'tổng', 'tổng số', 'total', 'grand total', 'cộng toàn thành phố', 'tổng cộng toàn thành phố'].map(
    foldName,
  ),
);
const TOTAL_START = /^(tổng cộng|cộng)\s*[:(]/iu;

function isTotalText(text: string): boolean {
  if (TOTAL_WORDS.has(foldName(text))) return true;
  const nfc = text.normalize('NFC').trim();
  if (TOTAL_START.test(nfc) || /^tổng cộng\s/iu.test(nfc)) return true;
  // Typed without diacritics: "Tong cong".
  return /^[\x20-\x7e]+$/.test(text) && ['tong cong', 'tong so', 'total'].includes(foldKey(text));
}

/** Lines that end a list: notes, the date line and the signature block under it. */
const END_PREFIXES = [
  'ghi chu',
  'nguoi lap',
  'noi nhan',
  'xac nhan',
  'thu truong',
  'nguon',
  'luu y',
  'kt giam doc',
  'kt chu tich',
  'tm uy ban nhan dan',
  'giam doc',
  'chu tich',
];
const HEADING_PREFIXES = ['khoi', 'nhom', 'danh sach', 'cap', 'nam', 'quy', 'dot', 'giai doan', 'thang'];
const ROMAN = /^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\s*[.)]?$/;
const LETTER = /^[A-Z]\s*[.)]?$/;
/** "Thành phố Hồ Chí Minh, ngày 15 tháng 12 năm 2024": a place, a comma, the date, nothing after. */
const DATE_LINE = /^[\p{L}\d .]{2,60}, ngày \d{1,2} tháng \d{1,2} năm \d{4}\.?$/iu;

type RowClass = 'data' | 'blank' | 'group' | 'total' | 'header' | 'end';

function isUpperHeading(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && text.trim().includes(' ');
}

function startsWithAny(key: string, prefixes: readonly string[]): boolean {
  return prefixes.some((p) => key === p || key.startsWith(p + ' '));
}

/** A line under the list that ends it (a note, "Người lập biểu", the date and place line). */
function isEndText(text: string): boolean {
  const k = foldKey(text);
  return startsWithAny(k, END_PREFIXES) || DATE_LINE.test(text.normalize('NFC').trim());
}

/**
 * A heading alone on its row: "I. KHỐI SỞ, NGÀNH", "Khối quận, huyện", "NĂM 2023". Text in capitals
 * counts as a heading only in a list that numbers its rows (a unit written "SỞ TƯ PHÁP" in a list
 * without numbers is a unit).
 */
function isHeadingText(text: string, numbered: boolean): boolean {
  if (/^([IVXLC]+|[A-Z]|\d{1,2})\s*[.)]\s*\S/.test(text)) return true;
  return startsWithAny(foldKey(text), HEADING_PREFIXES) || (numbered && isUpperHeading(text));
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
  private readonly headerTexts: ReadonlySet<string>;
  private readonly cols: readonly number[];
  private readonly sttCol: number | undefined;
  private readonly rows: SheetGrid['rows'];
  private readonly originRow: number;
  private readonly originCol: number;

  constructor(
    readonly sheet: SheetGrid,
    readonly layout: ListLayout<K>,
  ) {
    this.fill = mergedFill(sheet, layout as AnyLayout);
    this.headerTexts = new Set(layout.allHeaders.map((h) => h.text.trim()).filter((t) => t !== ''));
    this.cols = Object.entries(layout.columns)
      .filter(([f]) => f !== 'stt')
      .map(([, c]) => c as number)
      .sort((a, b) => a - b);
    this.sttCol = (layout.columns as Partial<Record<string, number>>).stt;
    this.rows = sheet.rows;
    this.originRow = sheet.originRow;
    this.originCol = sheet.originCol;
  }

  col(field: FieldsOf[K]): number | undefined {
    return (this.layout.columns as Partial<Record<string, number>>)[field];
  }

  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    const r = this.rows[row - this.originRow];
    const v = r ? r[col - this.originCol] : undefined;
    if (v !== undefined && v !== null && v !== '') return v;
    if (this.fill.size > 0) {
      const f = this.fill.get(`${row},${col}`);
      if (f !== undefined) return f;
    }
    return v === undefined ? null : v;
  }

  /** The raw row array of a sheet row (undefined when the row is empty), for hot loops. */
  rowArray(row: number): ReadonlyArray<CellValue | undefined> | undefined {
    return this.rows[row - this.originRow];
  }

  /** True when merged cells must be filled in (rare): hot loops then use `value`. */
  get hasMerges(): boolean {
    return this.fill.size > 0;
  }

  get colOffset(): number {
    return this.originCol;
  }

  /** What a row is, without allocating: numbered rows are data at once; others are looked at. */
  classify(r: number): RowClass {
    const stt = this.value(r, this.sttCol);
    if (typeof stt === 'number') {
      // A numbered row is data when anything besides its number is filled in (templates number rows ahead).
      for (const c of this.cols) {
        const v = this.value(r, c);
        if (v !== null && v !== '' && !(typeof v === 'string' && v.trim() === '')) return 'data';
      }
      return 'blank';
    }
    let sttText = '';
    if (typeof stt === 'string') {
      sttText = stt.trim();
      if (ROMAN.test(sttText) || LETTER.test(sttText)) return 'group';
      if (sttText && isTotalText(sttText)) return 'total';
    }
    let nonEmpty = 0;
    let texts = 0;
    let first = '';
    let headerHits = sttText && this.headerTexts.has(sttText) ? 1 : 0;
    for (const c of this.cols) {
      const v = this.value(r, c);
      if (v === null || v === '') continue;
      if (typeof v === 'string') {
        const t = v.trim();
        if (!t) continue;
        texts++;
        if (!first) first = t;
        if (this.headerTexts.has(t)) headerHits++;
      }
      nonEmpty++;
    }
    if (nonEmpty === 0) return sttText && isEndText(sttText) ? 'end' : 'blank';
    if (first && isTotalText(first)) return 'total';
    if (headerHits >= 2) return 'header';
    if (nonEmpty <= 2 && first && isEndText(first)) return 'end';
    if (nonEmpty === 1 && !sttText && texts === 1 && isHeadingText(first, this.sttCol !== undefined)) return 'group';
    return 'data';
  }

  /** The data rows, top down; a note or signature line ends the list. */
  *dataRows(): Generator<number> {
    const last = Math.min(this.layout.dataBottom, this.originRow + this.rows.length - 1);
    for (let r = this.layout.dataTop; r <= last; r++) {
      const kind = this.classify(r);
      if (kind === 'end') return;
      if (kind === 'data') yield r;
    }
  }

  /** An upper bound on the data rows (for sizing tables). */
  rowBound(): number {
    return Math.max(0, Math.min(this.layout.dataBottom, this.originRow + this.rows.length - 1) - this.layout.dataTop + 1);
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
    const raw5s = rd.value(r, c5s);
    const pilot5s = c5s === undefined ? NO : readMarker(raw5s);
    log.mark(pilot5s, sheet.name, r, c5s, raw5s, 'units', 'pilot_5s');
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
    units.push({ sheet: sheet.name, row: r, name, key, kind, positions, positionsYear, pilot5s, duplicateOf: first ?? null });
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

/**
 * Reads one staff sheet into the table. The hot loop of a 50,000-row workbook: per cell one
 * lookup (the last value of each column is remembered, as lists repeat themselves), no allocation.
 */
function readStaff(
  sheet: SheetGrid,
  layout: ListLayout<'staff'>,
  table: StaffTableBuilder,
  byKey: ReadonlyMap<string, number>,
  log: IssueLog,
): void {
  const rd = new ListReader(sheet, layout);
  const cUnit = rd.col('unit');
  const cLeader = rd.col('leader');
  const cTitle = rd.col('title');
  const cCchc = rd.col('cchc');
  const fields = STAFF_ACHIEVEMENT_FIELDS.filter((f) => rd.col(f) !== undefined);
  const missing = STAFF_ACHIEVEMENT_FIELDS.filter((f) => rd.col(f) === undefined);
  const fieldCols = fields.map((f) => rd.col(f) as number);
  const readers = fields.map((f) => STAFF_READERS[f]);
  const lastValue: CellValue[] = fields.map(() => undefined as unknown as CellValue);
  const lastMark: Mark[] = fields.map(() => NO);
  /** Unit text as written → unit index (-1: not listed). */
  const unitCache = new Map<string, number>();
  const sheetIndex = table.sheetIndex(sheet.name);
  table.reserve(rd.rowBound());
  const cols = table.columns;
  const targets = fields.map((f) => cols.marks[f]);
  const missingTargets = missing.map((f) => cols.marks[f]);

  const oc = rd.colOffset;
  const merged = rd.hasMerges;
  const last = Math.min(layout.dataBottom, sheet.originRow + sheet.rows.length - 1);
  for (let r = layout.dataTop; r <= last; r++) {
    const kind = rd.classify(r);
    if (kind === 'end') break;
    if (kind !== 'data') continue;
    const row = merged ? undefined : rd.rowArray(r);
    const i = table.next();
    cols.sheet[i] = sheetIndex;
    cols.row[i] = r;
    let unit = -1;
    if (cUnit !== undefined) {
      const raw = row ? (row[cUnit - oc] ?? null) : rd.value(r, cUnit);
      const cached = typeof raw === 'string' ? unitCache.get(raw) : undefined;
      if (cached !== undefined && cached >= 0) unit = cached;
      else if (isCellError(raw)) {
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
          let idx = cached;
          if (idx === undefined) {
            idx = byKey.get(foldName(text)) ?? -1;
            if (typeof raw === 'string') unitCache.set(raw, idx);
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
    }
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
    for (const t of missingTargets) t[i] = CODE_MISSING;
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
  const staffCapacity = lists.staff.reduce((n, l) => n + Math.max(0, l.dataBottom - l.dataTop + 1), 0);
  const staff = new StaffTableBuilder(Math.min(staffCapacity, 1_000_000));
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
    staff: staff.build(),
    activities,
    fields: {
      units: fieldSet<'units'>(lists.units) as Set<UnitField>,
      staff: staffFields,
      activities: fieldSet(lists.activities),
    },
    issues: log.issues,
  };
}
