/**
 * Inserting and deleting cells (Range.insert / Range.delete): what moves with them. Cells, row
 * and column formats, merged areas, tables, conditional formats (their ranges and the references
 * in their formulas), charts' source ranges, named items and cell formulas that refer to the
 * sheet — the way Excel moves them when a user inserts a column inside a list.
 *
 * A shift is along one axis ('rows': cells move down/up; 'columns': right/left), from index `at`,
 * by `count`, within a band of the other axis (the whole sheet for entire rows or columns).
 */

import { MAX_COLUMNS, MAX_ROWS, Rect, columnIndex, columnLetters, rect, sameName } from './address';
import { ErrorCode, officeError } from './errors';
import { Cell, SheetState, WorkbookModel } from './model';

export interface Shift {
  readonly axis: 'rows' | 'columns';
  /** First row (or column) inserted or deleted. */
  readonly at: number;
  /** Positive: inserted; negative: deleted. */
  readonly count: number;
  /** The band of the other axis that moves (columns for 'rows', rows for 'columns'), inclusive. */
  readonly lo: number;
  readonly hi: number;
}

/** A rectangle after the shift; null when it was deleted entirely; 'conflict' when it straddles the band. */
export function shiftRect(r: Rect, s: Shift): Rect | null | 'conflict' {
  const rows = s.axis === 'rows';
  const [a0, a1] = rows ? [r.top, r.bottom] : [r.left, r.right];
  const [b0, b1] = rows ? [r.left, r.right] : [r.top, r.bottom];
  const make = (x0: number, x1: number): Rect => (rows ? rect(x0, r.left, x1, r.right) : rect(r.top, x0, r.bottom, x1));
  if (b1 < s.lo || b0 > s.hi) return r;
  const inBand = b0 >= s.lo && b1 <= s.hi;
  if (s.count > 0) {
    if (a1 < s.at) return r;
    if (!inBand) return 'conflict';
    if (a0 >= s.at) return make(a0 + s.count, a1 + s.count);
    return make(a0, a1 + s.count);
  }
  const end = s.at - s.count - 1;
  if (a1 < s.at) return r;
  if (!inBand) return 'conflict';
  if (a0 > end) return make(a0 + s.count, a1 + s.count);
  const top = a0 < s.at ? a0 : s.at;
  const bottom = a1 > end ? a1 + s.count : s.at - 1;
  return bottom < top ? null : make(top, bottom);
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/y;

/**
 * Moves the A1 references of a formula that point into the shifted area; a reference to a
 * deleted cell becomes #REF!. `local` says whether unqualified references mean the shifted
 * sheet; qualified ones ('Cán bộ'!G49) are moved when they name it. Text in quotes is left as is.
 */
export function shiftFormula(formula: string, s: Shift, sheetName: string, local: boolean): string {
  let out = '';
  let i = 0;
  let qualifier: string | null = null;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? formula.length : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      qualifier = null;
      continue;
    }
    if (ch === "'") {
      // 'Sheet name'!
      let j = i + 1;
      let name = '';
      while (j < formula.length) {
        if (formula[j] === "'" && formula[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (formula[j] === "'") break;
        else name += formula[j++];
      }
      if (formula[j + 1] === '!') {
        out += formula.slice(i, j + 2);
        qualifier = name;
        i = j + 2;
        continue;
      }
    }
    const prev = i > 0 ? formula[i - 1] : '';
    if (/[A-Za-z_\d.]/.test(prev) && qualifier === null) {
      out += ch;
      i++;
      continue;
    }
    const bare = /^([A-Za-z_][\w.]*)!/.exec(formula.slice(i));
    if (bare) {
      out += bare[0];
      qualifier = bare[1];
      i += bare[0].length;
      continue;
    }
    REF.lastIndex = i;
    const m = REF.exec(formula);
    if (m && columnIndex(m[2].toUpperCase()) >= 0) {
      const mine = qualifier === null ? local : sameName(qualifier, sheetName);
      qualifier = null;
      if (!mine) {
        out += m[0];
        i += m[0].length;
        continue;
      }
      const row = Number(m[4]) - 1;
      const col = columnIndex(m[2].toUpperCase());
      const moved = shiftRect(rect(row, col, row, col), s);
      if (moved === null) out += '#REF!';
      else if (moved === 'conflict') out += m[0];
      else out += `${m[1]}${columnLetters(moved.left)}${m[3]}${moved.top + 1}`;
      i += m[0].length;
      continue;
    }
    qualifier = null;
    out += ch;
    i++;
  }
  return out;
}

function shiftMap<V>(map: Map<number, V>, s: Shift): Map<number, V> {
  const out = new Map<number, V>();
  const end = s.at - s.count - 1;
  for (const [k, v] of map) {
    if (k < s.at) out.set(k, v);
    else if (s.count > 0) out.set(k + s.count, v);
    else if (k > end) out.set(k + s.count, v);
  }
  return out;
}

function shiftSet(set: Set<number>, s: Shift): Set<number> {
  return new Set(shiftMap(new Map([...set].map((k) => [k, true])), s).keys());
}

/**
 * Applies a shift to a sheet and everything that refers to it. Throws InvalidOperation (before
 * changing anything) when a merged area or a table straddles the edge of the band, as Excel
 * refuses such an insert; and when cells would be pushed off the sheet.
 */
export function applyShift(model: WorkbookModel, sheet: SheetState, s: Shift, location: string): void {
  const limit = s.axis === 'rows' ? MAX_ROWS : MAX_COLUMNS;
  const tables = model.state.tables.filter((t) => t.sheetId === sheet.id);
  for (const r of [...sheet.merges, ...tables.map((t) => t.rect)])
    if (shiftRect(r, s) === 'conflict') throw officeError(ErrorCode.invalidOperation, location);
  if (s.count > 0) {
    // Excel refuses to push non-blank cells off the sheet.
    const edge = s.axis === 'rows' ? rect(limit - s.count, s.lo, limit - 1, s.hi) : rect(s.lo, limit - s.count, s.hi, limit - 1);
    let blocked = false;
    sheet.cells.forEachIn(edge, () => (blocked = true));
    if (blocked) throw officeError(ErrorCode.invalidOperation, location);
  }

  // Cells: collect the moving ones, then write them back moved (deleted ones dropped).
  const band = s.axis === 'rows' ? rect(s.at, s.lo, limit - 1, s.hi) : rect(s.lo, s.at, s.hi, limit - 1);
  const moving: Array<[number, number, Cell]> = sheet.cells.collectIn(band);
  for (const [r, c] of moving) sheet.cells.set(r, c, undefined);
  const end = s.at - s.count - 1;
  for (const [r, c, cell] of moving) {
    const k = s.axis === 'rows' ? r : c;
    if (s.count < 0 && k <= end) continue;
    const nr = s.axis === 'rows' ? r + s.count : r;
    const nc = s.axis === 'columns' ? c + s.count : c;
    sheet.cells.set(nr, nc, cell);
  }

  const whole = s.lo === 0 && s.hi === (s.axis === 'rows' ? MAX_COLUMNS : MAX_ROWS) - 1;
  if (whole) {
    if (s.axis === 'rows') {
      sheet.rowFmt = shiftMap(sheet.rowFmt, s);
      sheet.rowHeights = shiftMap(sheet.rowHeights, s);
      sheet.hiddenRows = shiftSet(sheet.hiddenRows, s);
    } else {
      sheet.colFmt = shiftMap(sheet.colFmt, s);
      sheet.colWidths = shiftMap(sheet.colWidths, s);
      sheet.hiddenCols = shiftSet(sheet.hiddenCols, s);
    }
  }

  const moved = (r: Rect): Rect | null => {
    const x = shiftRect(r, s);
    return x === 'conflict' ? r : x;
  };
  sheet.merges = sheet.merges.map(moved).filter((r): r is Rect => r !== null);
  const gone = new Set<string>();
  for (const t of tables) {
    const r = moved(t.rect);
    if (r) t.rect = r;
    else gone.add(t.id);
  }
  model.state.tables = model.state.tables.filter((t) => !gone.has(t.id));
  sheet.conditionalFormats = sheet.conditionalFormats
    .map((cf) => ({
      ...cf,
      ranges: cf.ranges.map(moved).filter((r): r is Rect => r !== null),
      formula: shiftFormula(cf.formula, s, sheet.name, true),
    }))
    .filter((cf) => cf.ranges.length > 0);
  for (const ch of sheet.charts) {
    const r = moved(ch.source);
    if (r) ch.source = r;
  }
  for (const n of model.state.names) {
    if (n.sheetId !== sheet.id || n.rect === null) continue;
    n.rect = moved(n.rect);
  }
  // Formulas in cells: unqualified references on this sheet, qualified ones anywhere.
  for (const other of model.state.sheets) {
    const local = other === sheet;
    for (const [r, c, cell] of other.cells.sorted()) {
      if (cell.f === undefined) continue;
      const f = shiftFormula(cell.f, s, sheet.name, local);
      if (f !== cell.f) other.cells.set(r, c, { ...cell, f });
    }
  }
}
