/**
 * What the add-in remembers in the workbook (document settings): the user's confirmed column
 * mapping and year, and where it wrote (its status columns and report sheets). Settings are
 * hints, never proof: before changing anything the adapter checks the workbook itself (own.ts) —
 * a status column by the named range it added and its header, a report sheet by its worksheet id
 * and the values it wrote. Anything written by an older version (no name, no id) is left alone.
 */
import { ListKind } from '../workbook/fields';

export const STATE_KEY = 'cchc.addin.state';

export interface SavedMapping {
  readonly kind: ListKind;
  readonly sheet: string;
  readonly headerTop: number;
  readonly headerBottom: number;
  /** field → 0-based column. */
  readonly columns: Readonly<Record<string, number>>;
  /** field → the header text of that column when chosen (re-found by it if columns moved). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SavedStatusColumn {
  readonly sheet: string;
  /** 0-based column and the rows (0-based, inclusive) the add-in wrote. */
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  /** The workbook name (named range) on the column, header included: it moves with the cells. */
  readonly name?: string;
}

/** A report sheet the add-in made: its worksheet id, and what it wrote (for telling user edits). */
export interface SavedReport {
  readonly id: string;
  readonly name: string;
  readonly rows: number;
  readonly columns: number;
  /** Fingerprint of the values written (own.ts). */
  readonly print: string;
  /** The sheet with all data issues, when there were more than the report lists. */
  readonly issues?: { readonly id: string; readonly name: string; readonly rows: number };
  /** What the sheet is: the year's report (absent), the period summary, or the training-needed list. */
  readonly kind?: 'period' | 'training';
}

export interface SavedState {
  readonly version: 1;
  readonly year?: number;
  readonly inclusive?: boolean;
  readonly mapping?: readonly SavedMapping[];
  readonly statusColumns?: readonly SavedStatusColumn[];
  /** Names only, from older versions: a hint, never proof that a sheet is the add-in's. */
  readonly reportSheets?: readonly string[];
  readonly reports?: readonly SavedReport[];
}

export const EMPTY_STATE: SavedState = { version: 1 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads saved state tolerantly: a part that is not as expected is dropped, never trusted. */
export function parseState(raw: unknown): SavedState {
  let v = raw;
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return EMPTY_STATE;
    }
  }
  if (!isObj(v) || v.version !== 1) return EMPTY_STATE;
  const mapping = Array.isArray(v.mapping)
    ? v.mapping.filter(
        (m): m is SavedMapping =>
          isObj(m) &&
          (m.kind === 'units' || m.kind === 'staff' || m.kind === 'activities') &&
          typeof m.sheet === 'string' &&
          isInt(m.headerTop) &&
          isInt(m.headerBottom) &&
          isObj(m.columns) &&
          Object.values(m.columns).every(isInt) &&
          (m.headers === undefined || (isObj(m.headers) && Object.values(m.headers).every((h) => typeof h === 'string'))),
      )
    : undefined;
  const statusColumns = Array.isArray(v.statusColumns)
    ? v.statusColumns.filter(
        (s): s is SavedStatusColumn =>
          isObj(s) &&
          typeof s.sheet === 'string' &&
          isInt(s.column) &&
          isInt(s.top) &&
          isInt(s.bottom) &&
          (s.name === undefined || typeof s.name === 'string'),
      )
    : undefined;
  const reports = Array.isArray(v.reports)
    ? v.reports.filter(
        (r): r is SavedReport =>
          isObj(r) &&
          typeof r.id === 'string' &&
          typeof r.name === 'string' &&
          isInt(r.rows) &&
          isInt(r.columns) &&
          typeof r.print === 'string' &&
          (r.kind === undefined || r.kind === 'period' || r.kind === 'training') &&
          (r.issues === undefined ||
            (isObj(r.issues) && typeof r.issues.id === 'string' && typeof r.issues.name === 'string' && isInt(r.issues.rows))),
      )
    : undefined;
  const reportSheets = Array.isArray(v.reportSheets)
    ? v.reportSheets.filter((s): s is string => typeof s === 'string')
    : undefined;
  return {
    version: 1,
    ...(isInt(v.year) ? { year: v.year } : {}),
    ...(typeof v.inclusive === 'boolean' ? { inclusive: v.inclusive } : {}),
    ...(mapping ? { mapping } : {}),
    ...(statusColumns ? { statusColumns } : {}),
    ...(reportSheets ? { reportSheets } : {}),
    ...(reports ? { reports } : {}),
  };
}
