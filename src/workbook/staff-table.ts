/**
 * The staff list as columns (one entry per person), compact for 50,000 rows and quick to count,
 * and the builder that grows it row by row.
 */
import { STAFF_ACHIEVEMENT_FIELDS, StaffAchievementField } from '../plan/types';

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
export class StaffTableBuilder {
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
