/**
 * What the add-in remembers in the workbook (document settings): the user's confirmed column
 * mapping and year, and where it wrote (its status columns and report sheets), so that a re-run
 * replaces its own things and "clear" removes exactly them.
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
}

export interface SavedStatusColumn {
  readonly sheet: string;
  /** 0-based column and the rows (0-based, inclusive) the add-in wrote. */
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
}

export interface SavedState {
  readonly version: 1;
  readonly year?: number;
  readonly inclusive?: boolean;
  readonly mapping?: readonly SavedMapping[];
  readonly statusColumns?: readonly SavedStatusColumn[];
  readonly reportSheets?: readonly string[];
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
          Object.values(m.columns).every(isInt),
      )
    : undefined;
  const statusColumns = Array.isArray(v.statusColumns)
    ? v.statusColumns.filter(
        (s): s is SavedStatusColumn =>
          isObj(s) && typeof s.sheet === 'string' && isInt(s.column) && isInt(s.top) && isInt(s.bottom),
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
  };
}
