/**
 * Per-sync accounting: what the add-in queued and roughly how many bytes went each way.
 *
 * Counting rules (the fake's, documented in README.md):
 * - `calls`: property sets + method calls with an effect or a result (clear, merge, add, delete,
 *   getCount, setPosition, …) + `load` calls. One `range.values = bigArray` is one call.
 * - `proxies`: proxy objects the add-in's code created since the previous sync (getRange, getItem,
 *   navigation properties such as `range.format` on first access, objects returned by add).
 *   Collection items created when a load's result arrives are not counted.
 * - `requestBytes`: UTF-8 length of the JSON of every queued command with its arguments (the 2-D
 *   arrays written) plus one small record per created proxy (its object path).
 * - `responseBytes`: UTF-8 length of the JSON of every loaded value returned.
 *
 * Office.js itself splits a values/formulas/numberFormat write of more than 1,500 cells into
 * row chunks (setRangePropertiesInBulk in the runtime): the wire has more actions than the add-in
 * made calls. The fake counts the add-in's calls; the bytes are about the same either way.
 */

export interface SyncRecord {
  /** 1-based, since the fake was created or `resetStats()` was called. */
  readonly index: number;
  /** Property sets + method calls + loads queued in this batch. */
  readonly calls: number;
  readonly sets: number;
  readonly methods: number;
  readonly loads: number;
  /** Proxy objects created by the add-in's code since the previous sync. */
  readonly proxies: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  /** False when nothing was queued (Office.js then makes no round trip). */
  readonly roundTrip: boolean;
  /** True for the flush `run()` does after the batch function resolves (Excel.run does the same). */
  readonly implicit: boolean;
  readonly suspendedCalculation: boolean;
  readonly suspendedScreenUpdating: boolean;
  readonly ok: boolean;
  readonly errorCode?: string;
}

/** Length in bytes of `s` encoded as UTF-8 (without allocating). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The payload limit of Excel on the web, for requests and responses alike. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;
