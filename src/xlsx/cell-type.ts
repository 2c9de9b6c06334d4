/**
 * What both lanes of the worksheet reader (sheet-read.ts, cell-run.ts) agree on: Excel's grid,
 * the 1904 date system's offset, and what a cell's `t` attribute says.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 1904 system serials are 1,462 days smaller than the 1900 system's for the same day. */
export const DAYS_1900_TO_1904 = 1462;

// Cell types (the `t` attribute).
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_DATE = 6;

/** The type a `t` value at bytes [s, e) names; anything unknown is a number, as Excel reads it. */
export function cellType(b: Uint8Array, s: number, e: number): number {
  const c = b[s];
  const len = e - s;
  if (len === 1) return c === 0x73 ? T_SHARED : c === 0x62 ? T_BOOL : c === 0x65 ? T_ERROR : c === 0x64 ? T_DATE : T_NUMBER;
  if (len === 3 && c === 0x73) return T_STR;
  if (len === 9 && c === 0x69) return T_INLINE;
  return T_NUMBER;
}
