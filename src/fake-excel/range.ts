/**
 * Excel.Range and what hangs off it: RangeFormat (fill, font, borders), RangeAreas (merged
 * areas) and the range-level geometry methods.
 */

import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  boundingRect,
  formatAddress,
  inSheet,
  intersection,
  isEntireColumns,
  isEntireRows,
  parseAddress,
  rect,
  rectCells,
  rectColumns,
  rectRows,
  rectsIntersect,
  sameName,
} from './address';
import { enumValue, ExcelEnums } from './enums';
import { ErrorCode, notImplemented, officeError } from './errors';
import { BorderEdge, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, FormatKey, FormatValue, SheetState, borderKey } from './model';
import { ensureWritable, mergeCells, readGrid, sheetOrThrow, unmergeCells, writeGrid } from './ops';
import { CollectionProxy, FakeContext, ProxyBase } from './proxy';
import { normalizeColor } from './values';
import { ConditionalFormatCollectionProxy } from './conditional-formats';
import { WorksheetProxy } from './worksheet';
import { Shift, applyShift } from './structure';

export interface RangeTarget {
  readonly sheetId: string;
  readonly rect: Rect;
}

export interface AreasTarget {
  readonly sheetId: string;
  readonly rects: readonly Rect[];
}

/** Resolves a Range argument (a Range proxy or an address string) at sync time. */
export function rangeArgument(ctx: FakeContext, arg: unknown, defaultSheetId: string, location: string): RangeTarget | null {
  if (arg instanceof RangeProxy) {
    if (arg.context !== ctx) throw officeError(ErrorCode.invalidRequestContext, location);
    return arg._target();
  }
  if (typeof arg === 'string') {
    const p = parseAddress(arg, location);
    if (p.sheet !== undefined) {
      const s = ctx._engine.model.sheetByName(p.sheet);
      if (!s) throw officeError(ErrorCode.invalidArgument, location);
      return { sheetId: s.id, rect: p.rect };
    }
    return { sheetId: defaultSheetId, rect: p.rect };
  }
  throw officeError(ErrorCode.invalidArgument, location);
}

function checkIndex(n: unknown, location: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n)) throw officeError(ErrorCode.invalidArgument, location);
  return n;
}

function inside(r: Rect, location: string): Rect {
  if (!inSheet(r)) throw officeError(ErrorCode.invalidArgument, location);
  return r;
}

const RANGE_SCALARS = [
  'address',
  'addressLocal',
  'cellCount',
  'columnCount',
  'columnHidden',
  'columnIndex',
  'formulas',
  'formulasLocal',
  'hyperlink',
  'isEntireColumn',
  'isEntireRow',
  'numberFormat',
  'numberFormatLocal',
  'rowCount',
  'rowHidden',
  'rowIndex',
  'text',
  'values',
  'valueTypes',
] as const;

export class RangeProxy extends ProxyBase<RangeTarget> {
  constructor(
    ctx: FakeContext,
    parent: ProxyBase | null,
    resolve: () => RangeTarget | null,
    via: { member: string; args: readonly unknown[] },
  ) {
    super(ctx, 'Range', parent, { resolve, via });
  }

  static derived(
    from: ProxyBase,
    member: string,
    args: readonly unknown[],
    fn: (t: RangeTarget) => RangeTarget | null,
  ): RangeProxy {
    const loc = 'Range.' + member;
    return new RangeProxy(
      from.context,
      from,
      () => {
        const t = from._target() as RangeTarget | null;
        if (t === null) return null;
        const out = fn(t);
        if (out) inside(out.rect, loc);
        return out;
      },
      { member, args },
    );
  }

  _sheet(t: RangeTarget): SheetState {
    return sheetOrThrow(this.context._engine.model, t.sheetId, 'Range');
  }

  _scalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }

  _read(name: string, t: RangeTarget): unknown {
    const model = this.context._engine.model;
    const sheet = this._sheet(t);
    const r = t.rect;
    const loc = 'Range.' + name;
    switch (name) {
      case 'address':
      case 'addressLocal':
        return formatAddress(sheet.name, r);
      case 'cellCount':
        return rectCells(r);
      case 'rowCount':
        return rectRows(r);
      case 'columnCount':
        return rectColumns(r);
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'isEntireColumn':
        return isEntireColumns(r);
      case 'isEntireRow':
        return isEntireRows(r);
      case 'values':
        return readGrid(model, sheet, r, 'values', loc);
      case 'formulas':
      case 'formulasLocal':
        return readGrid(model, sheet, r, 'formulas', loc);
      case 'numberFormat':
      case 'numberFormatLocal':
        return readGrid(model, sheet, r, 'numberFormat', loc);
      case 'text':
        return readGrid(model, sheet, r, 'text', loc);
      case 'valueTypes':
        return readGrid(model, sheet, r, 'valueTypes', loc);
      case 'hyperlink': {
        // The top-left cell's link (typings: "Represents the hyperlink for the current range");
        // a cell without one reads as an empty object (the fake's choice, not verified).
        const cell = sheet.cells.get(r.top, r.left);
        if (!cell?.link) return {};
        return {
          ...cell.link,
          textToDisplay: String(readGrid(model, sheet, rect(r.top, r.left, r.top, r.left), 'text', loc)[0][0]),
        };
      }
      case 'columnHidden':
        return tri(r.left, r.right, (c) => sheet.hiddenCols.has(c));
      case 'rowHidden':
        return tri(r.top, r.bottom, (x) => sheet.hiddenRows.has(x));
    }
    throw notImplemented('Range.' + name);
  }

  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'format') return this.format;
    if (name === 'worksheet') return this.worksheet;
    if (name === 'conditionalFormats') return this.conditionalFormats;
    return undefined;
  }

  // -- scalar properties ----------------------------------------------------------------------

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }

  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._writeGrid('values', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._writeGrid('formulas', v);
  }
  get formulasLocal(): unknown[][] {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: unknown[][]) {
    this._writeGrid('formulas', v, 'formulasLocal');
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._writeGrid('numberFormat', v);
  }
  get numberFormatLocal(): unknown[][] {
    return this._get('numberFormatLocal');
  }
  set numberFormatLocal(v: unknown[][]) {
    this._writeGrid('numberFormat', v, 'numberFormatLocal');
  }

  private _writeGrid(kind: 'values' | 'formulas' | 'numberFormat', v: unknown, member: string = kind): void {
    const engine = this.context._engine;
    this._set(member, v, (t) => {
      const sheet = this._sheet(t);
      writeGrid(engine.model, sheet, t.rect, kind, v, (f) => engine.evaluate(sheet, f), 'Range.' + member);
    });
  }

  /**
   * Range.hyperlink (ExcelApi 1.7; typings: RangeHyperlink `address`, `documentReference`,
   * `screenTip`, `textToDisplay` — "the string that is displayed in the top left most cell in the
   * range"). Setting it links every cell of the range; the display text, when given, becomes the
   * top-left cell's value as literal text.
   */
  get hyperlink(): Excel.RangeHyperlink {
    return this._get('hyperlink');
  }
  set hyperlink(v: Excel.RangeHyperlink) {
    const loc = 'Range.hyperlink';
    this._set('hyperlink', v, (t) => {
      if (typeof v !== 'object' || v === null) throw officeError(ErrorCode.invalidArgument, loc);
      const { address, documentReference, screenTip, textToDisplay } = v;
      for (const x of [address, documentReference, screenTip, textToDisplay])
        if (x !== undefined && typeof x !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
      if (address === undefined && documentReference === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      const sheet = this._sheet(t);
      ensureWritable(sheet, 'content', loc);
      this.context._engine.model.writeLink(
        sheet,
        t.rect,
        {
          ...(address !== undefined ? { address } : {}),
          ...(documentReference !== undefined ? { documentReference } : {}),
          ...(screenTip !== undefined ? { screenTip } : {}),
        },
        textToDisplay,
      );
    });
  }

  get columnHidden(): boolean | null {
    return this._get('columnHidden');
  }
  set columnHidden(v: boolean | null) {
    this._set('columnHidden', v, (t) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, 'Range.columnHidden');
      const sheet = this._sheet(t);
      ensureWritable(sheet, 'columns', 'Range.columnHidden');
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if (v) sheet.hiddenCols.add(c);
        else sheet.hiddenCols.delete(c);
      }
    });
  }
  get rowHidden(): boolean | null {
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean | null) {
    this._set('rowHidden', v, (t) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, 'Range.rowHidden');
      const sheet = this._sheet(t);
      ensureWritable(sheet, 'rows', 'Range.rowHidden');
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        if (v) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }

  // -- navigation -----------------------------------------------------------------------------

  get format(): RangeFormatProxy {
    return this._child('format', () => new RangeFormatProxy(this));
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      'worksheet',
      () =>
        new WorksheetProxy(
          this.context,
          this,
          () => {
            const t = this._target();
            return t === null ? null : t.sheetId;
          },
          { member: 'worksheet', args: [] },
        ),
    );
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this._child('conditionalFormats', () => new ConditionalFormatCollectionProxy(this));
  }

  // -- geometry -------------------------------------------------------------------------------

  getCell(row: number, column: number): RangeProxy {
    const loc = 'Range.getCell';
    return RangeProxy.derived(this, 'getCell', [row, column], (t) => {
      const r = checkIndex(row, loc);
      const c = checkIndex(column, loc);
      return { sheetId: t.sheetId, rect: rect(t.rect.top + r, t.rect.left + c, t.rect.top + r, t.rect.left + c) };
    });
  }

  getRow(row: number): RangeProxy {
    return RangeProxy.derived(this, 'getRow', [row], (t) => {
      const r = checkIndex(row, 'Range.getRow');
      return { sheetId: t.sheetId, rect: rect(t.rect.top + r, t.rect.left, t.rect.top + r, t.rect.right) };
    });
  }

  getColumn(column: number): RangeProxy {
    return RangeProxy.derived(this, 'getColumn', [column], (t) => {
      const c = checkIndex(column, 'Range.getColumn');
      return { sheetId: t.sheetId, rect: rect(t.rect.top, t.rect.left + c, t.rect.bottom, t.rect.left + c) };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return RangeProxy.derived(this, 'getResizedRange', [deltaRows, deltaColumns], (t) => {
      const dr = checkIndex(deltaRows, 'Range.getResizedRange');
      const dc = checkIndex(deltaColumns, 'Range.getResizedRange');
      return { sheetId: t.sheetId, rect: rect(t.rect.top, t.rect.left, t.rect.bottom + dr, t.rect.right + dc) };
    });
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return RangeProxy.derived(this, 'getAbsoluteResizedRange', [numRows, numColumns], (t) => {
      const n = checkIndex(numRows, 'Range.getAbsoluteResizedRange');
      const m = checkIndex(numColumns, 'Range.getAbsoluteResizedRange');
      if (n < 1 || m < 1) throw officeError(ErrorCode.invalidArgument, 'Range.getAbsoluteResizedRange');
      return { sheetId: t.sheetId, rect: rect(t.rect.top, t.rect.left, t.rect.top + n - 1, t.rect.left + m - 1) };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return RangeProxy.derived(this, 'getOffsetRange', [rowOffset, columnOffset], (t) => {
      const dr = checkIndex(rowOffset, 'Range.getOffsetRange');
      const dc = checkIndex(columnOffset, 'Range.getOffsetRange');
      return { sheetId: t.sheetId, rect: rect(t.rect.top + dr, t.rect.left + dc, t.rect.bottom + dr, t.rect.right + dc) };
    });
  }

  getEntireColumn(): RangeProxy {
    return RangeProxy.derived(this, 'getEntireColumn', [], (t) => ({
      sheetId: t.sheetId,
      rect: rect(0, t.rect.left, MAX_ROWS - 1, t.rect.right),
    }));
  }

  getEntireRow(): RangeProxy {
    return RangeProxy.derived(this, 'getEntireRow', [], (t) => ({
      sheetId: t.sheetId,
      rect: rect(t.rect.top, 0, t.rect.bottom, MAX_COLUMNS - 1),
    }));
  }

  getLastCell(): RangeProxy {
    return RangeProxy.derived(this, 'getLastCell', [], (t) => ({
      sheetId: t.sheetId,
      rect: rect(t.rect.bottom, t.rect.right, t.rect.bottom, t.rect.right),
    }));
  }

  getLastRow(): RangeProxy {
    return RangeProxy.derived(this, 'getLastRow', [], (t) => ({
      sheetId: t.sheetId,
      rect: rect(t.rect.bottom, t.rect.left, t.rect.bottom, t.rect.right),
    }));
  }

  getLastColumn(): RangeProxy {
    return RangeProxy.derived(this, 'getLastColumn', [], (t) => ({
      sheetId: t.sheetId,
      rect: rect(t.rect.top, t.rect.right, t.rect.bottom, t.rect.right),
    }));
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.derived(this, 'getUsedRange', [valuesOnly], (t) => {
      const used = this.context._engine.model.usedRect(this._sheet(t), valuesOnly === true, t.rect);
      if (!used) throw officeError(ErrorCode.itemNotFound, 'Range.getUsedRange');
      return { sheetId: t.sheetId, rect: used };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return RangeProxy.derived(this, 'getUsedRangeOrNullObject', [valuesOnly], (t) => {
      const used = this.context._engine.model.usedRect(this._sheet(t), valuesOnly === true, t.rect);
      return used ? { sheetId: t.sheetId, rect: used } : null;
    });
  }

  getIntersection(anotherRange: RangeProxy | string): RangeProxy {
    return this._intersect('getIntersection', anotherRange, false);
  }

  getIntersectionOrNullObject(anotherRange: RangeProxy | string): RangeProxy {
    return this._intersect('getIntersectionOrNullObject', anotherRange, true);
  }

  private _intersect(member: string, other: RangeProxy | string, orNull: boolean): RangeProxy {
    const loc = 'Range.' + member;
    return RangeProxy.derived(this, member, [other], (t) => {
      const o = rangeArgument(this.context, other, t.sheetId, loc);
      if (o === null || o.sheetId !== t.sheetId) {
        if (orNull) return null;
        throw officeError(ErrorCode.invalidArgument, loc);
      }
      const i = intersection(t.rect, o.rect);
      if (!i) {
        if (orNull) return null;
        throw officeError(ErrorCode.itemNotFound, loc);
      }
      return { sheetId: t.sheetId, rect: i };
    });
  }

  getBoundingRect(anotherRange: RangeProxy | string): RangeProxy {
    const loc = 'Range.getBoundingRect';
    return RangeProxy.derived(this, 'getBoundingRect', [anotherRange], (t) => {
      const o = rangeArgument(this.context, anotherRange, t.sheetId, loc);
      if (o === null || o.sheetId !== t.sheetId) throw officeError(ErrorCode.invalidArgument, loc);
      return { sheetId: t.sheetId, rect: boundingRect(t.rect, o.rect) };
    });
  }

  // -- methods --------------------------------------------------------------------------------

  clear(applyTo?: string): void {
    const loc = 'Range.clear';
    this._call('clear', applyTo === undefined ? [] : [applyTo], (t) => {
      const kind = applyTo === undefined ? 'All' : enumValue(ExcelEnums.ClearApplyTo, applyTo);
      if (kind !== 'All' && kind !== 'Formats' && kind !== 'Contents') {
        if (kind === undefined) throw officeError(ErrorCode.invalidArgument, loc);
        throw notImplemented('Range.clear("' + kind + '")');
      }
      const model = this.context._engine.model;
      const sheet = this._sheet(t);
      ensureWritable(sheet, kind === 'Formats' ? 'format' : 'content', loc);
      if (kind === 'All' || kind === 'Contents') model.clearContents(sheet, t.rect);
      if (kind === 'All' || kind === 'Formats') model.clearFormats(sheet, t.rect);
    });
  }

  merge(across?: boolean): void {
    this._call('merge', across === undefined ? [] : [across], (t) => {
      mergeCells(this.context._engine.model, this._sheet(t), t.rect, across === true, 'Range.merge');
    });
  }

  unmerge(): void {
    this._call('unmerge', [], (t) => unmergeCells(this._sheet(t), t.rect, 'Range.unmerge'));
  }

  /**
   * Inserts blank cells in place of this range, shifting the others down or right (entire rows
   * always down, entire columns always right); returns the blank range. What moves with the cells
   * is in structure.ts. Typings: "Inserts a cell or a range of cells into the worksheet in place
   * of this range, and shifts the other cells to make space. Returns a new Range object at the
   * now blank space."
   */
  insert(shift: string): RangeProxy {
    const loc = 'Range.insert';
    this._call('insert', [shift], (t) => {
      const dir = enumValue(ExcelEnums.InsertShiftDirection, shift);
      if (dir === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      this._shift(t, dir === 'Down' ? 'rows' : 'columns', 1, loc);
    });
    return RangeProxy.derived(this, 'insert', [shift], (t) => t);
  }

  /** Deletes the cells of this range, shifting the others up or left (typings: Range.delete). */
  delete(shift: string): void {
    const loc = 'Range.delete';
    this._call('delete', [shift], (t) => {
      const dir = enumValue(ExcelEnums.DeleteShiftDirection, shift);
      if (dir === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      this._shift(t, dir === 'Up' ? 'rows' : 'columns', -1, loc);
    });
  }

  private _shift(t: RangeTarget, wanted: 'rows' | 'columns', sign: 1 | -1, loc: string): void {
    const sheet = this._sheet(t);
    ensureWritable(sheet, 'content', loc);
    const r = t.rect;
    const axis = isEntireRows(r) ? 'rows' : isEntireColumns(r) ? 'columns' : wanted;
    const shift: Shift =
      axis === 'rows'
        ? { axis, at: r.top, count: sign * rectRows(r), lo: r.left, hi: r.right }
        : { axis, at: r.left, count: sign * rectColumns(r), lo: r.top, hi: r.bottom };
    applyShift(this.context._engine.model, sheet, shift, loc);
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        const sheet = this._sheet(t);
        const rects = sheet.merges.filter((m) => rectsIntersect(m, t.rect));
        return rects.length ? { sheetId: t.sheetId, rects } : null;
      },
      { member: 'getMergedAreasOrNullObject', args: [] },
    );
  }

  select(): void {
    this._call('select', [], (t) => {
      const engine = this.context._engine;
      const sheet = this._sheet(t);
      engine.model.state.activeSheetId = sheet.id;
      sheet.selection = t.rect;
      engine.noteSelection();
    });
  }

  /** Range.set({ values, numberFormat, formulas, format: { fill: { color }, font: {...}, ... } }). */
  set(properties: Record<string, unknown>): void {
    if (properties instanceof ProxyBase) throw notImplemented('Range.set(Range)');
    applyPlainSet(this, properties);
  }
}

/** Shared plain-object `set()`: assigns writable scalars and recurses into navigation objects. */
export function applyPlainSet(target: ProxyBase, properties: Record<string, unknown>): void {
  const bag = target as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(properties)) {
    if (value === undefined) continue;
    const nav = target._navigate(key);
    if (nav && value && typeof value === 'object' && !Array.isArray(value)) {
      applyPlainSet(nav, value as Record<string, unknown>);
    } else {
      bag[key] = value;
    }
  }
}

function tri(from: number, to: number, test: (i: number) => boolean): boolean | null {
  let yes = 0;
  for (let i = from; i <= to; i++) if (test(i)) yes++;
  const n = to - from + 1;
  return yes === 0 ? false : yes === n ? true : null;
}

// ---------------------------------------------------------------------------------------------
// Range formats

abstract class RangePart extends ProxyBase<RangeTarget> {
  readonly _range: RangeProxy;
  constructor(range: RangeProxy, typeName: string, member: string) {
    super(range.context, typeName, range, {
      resolve: () => range._target(),
      via: { member, args: [] },
    });
    this._range = range;
  }

  _sheetFor(t: RangeTarget): SheetState {
    return sheetOrThrow(this.context._engine.model, t.sheetId, this._typeName);
  }

  _readFormat(t: RangeTarget, key: FormatKey): FormatValue | null {
    return this.context._engine.model.uniformFormat(this._sheetFor(t), t.rect, key);
  }

  _setFormat(member: string, value: unknown, key: FormatKey, normalize: (v: unknown, loc: string) => FormatValue): void {
    const loc = this._typeName + '.' + member;
    this._set(member, value, (t) => {
      if (value === null || value === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      const v = normalize(value, loc);
      const sheet = this._sheetFor(t);
      ensureWritable(sheet, 'format', loc);
      this.context._engine.model.applyFormat(sheet, t.rect, key, v);
    });
  }
}

const asBool = (v: unknown, loc: string): boolean => {
  if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
  return v;
};
const asPositive = (v: unknown, loc: string): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw officeError(ErrorCode.invalidArgument, loc);
  return v;
};
const asString = (v: unknown, loc: string): string => {
  if (typeof v !== 'string' || v === '') throw officeError(ErrorCode.invalidArgument, loc);
  return v;
};
function asEnum(e: Readonly<Record<string, string>>) {
  return (v: unknown, loc: string): string => {
    const x = enumValue(e, v);
    if (x === undefined) throw officeError(ErrorCode.invalidArgument, loc);
    return x;
  };
}

export class RangeFormatProxy extends RangePart {
  constructor(range: RangeProxy) {
    super(range, 'RangeFormat', 'format');
  }

  _scalarNames(): readonly string[] {
    return ['columnWidth', 'horizontalAlignment', 'rowHeight', 'verticalAlignment', 'wrapText'];
  }

  _read(name: string, t: RangeTarget): unknown {
    const sheet = this._sheetFor(t);
    switch (name) {
      case 'horizontalAlignment':
        return this._readFormat(t, 'horizontalAlignment');
      case 'verticalAlignment':
        return this._readFormat(t, 'verticalAlignment');
      case 'wrapText':
        return this._readFormat(t, 'wrapText');
      case 'columnWidth':
        return uniform(t.rect.left, t.rect.right, (c) => sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      case 'rowHeight':
        return uniform(t.rect.top, t.rect.bottom, (r) => sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
    }
    throw notImplemented('RangeFormat.' + name);
  }

  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    if (name === 'borders') return this.borders;
    return undefined;
  }

  get fill(): RangeFillProxy {
    return this._child('fill', () => new RangeFillProxy(this._range));
  }
  get font(): RangeFontProxy {
    return this._child('font', () => new RangeFontProxy(this._range));
  }
  get borders(): RangeBorderCollectionProxy {
    return this._child('borders', () => new RangeBorderCollectionProxy(this._range));
  }

  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._setFormat('horizontalAlignment', v, 'horizontalAlignment', asEnum(ExcelEnums.HorizontalAlignment));
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this._setFormat('verticalAlignment', v, 'verticalAlignment', asEnum(ExcelEnums.VerticalAlignment));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._setFormat('wrapText', v, 'wrapText', asBool);
  }

  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, (t) => {
      const loc = 'RangeFormat.columnWidth';
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw officeError(ErrorCode.invalidArgument, loc);
      const sheet = this._sheetFor(t);
      ensureWritable(sheet, 'columns', loc);
      for (let c = t.rect.left; c <= t.rect.right; c++) {
        if (v === DEFAULT_COLUMN_WIDTH) sheet.colWidths.delete(c);
        else sheet.colWidths.set(c, v);
      }
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._set('rowHeight', v, (t) => {
      const loc = 'RangeFormat.rowHeight';
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 409) throw officeError(ErrorCode.invalidArgument, loc);
      const sheet = this._sheetFor(t);
      ensureWritable(sheet, 'rows', loc);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        if (v === DEFAULT_ROW_HEIGHT) sheet.rowHeights.delete(r);
        else sheet.rowHeights.set(r, v);
      }
    });
  }

  /** Excel sizes columns to their content; the fake changes nothing (but counts the call). */
  autofitColumns(): void {
    this._call('autofitColumns', [], (t) => ensureWritable(this._sheetFor(t), 'columns', 'RangeFormat.autofitColumns'));
  }
  /** Excel sizes rows to their content; the fake changes nothing (but counts the call). */
  autofitRows(): void {
    this._call('autofitRows', [], (t) => ensureWritable(this._sheetFor(t), 'rows', 'RangeFormat.autofitRows'));
  }
}

function uniform(from: number, to: number, f: (i: number) => number): number | null {
  const first = f(from);
  for (let i = from + 1; i <= to; i++) if (f(i) !== first) return null;
  return first;
}

export class RangeFillProxy extends RangePart {
  constructor(range: RangeProxy) {
    super(range, 'RangeFill', 'fill');
  }
  _scalarNames(): readonly string[] {
    return ['color'];
  }
  _read(name: string, t: RangeTarget): unknown {
    if (name !== 'color') throw notImplemented('RangeFill.' + name);
    const v = this._readFormat(t, 'fill');
    return v === 'none' ? '#FFFFFF' : v;
  }
  /** "#RRGGBB"; "#FFFFFF" when the cells have no fill (as Excel reports it); null when mixed. */
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setFormat('color', v, 'fill', (x, loc) => normalizeColor(x, loc));
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const sheet = this._sheetFor(t);
      ensureWritable(sheet, 'format', 'RangeFill.clear');
      this.context._engine.model.applyFormat(sheet, t.rect, 'fill', 'none');
    });
  }
}

export class RangeFontProxy extends RangePart {
  constructor(range: RangeProxy) {
    super(range, 'RangeFont', 'font');
  }
  _scalarNames(): readonly string[] {
    return ['bold', 'color', 'italic', 'name', 'size', 'strikethrough', 'underline'];
  }
  _read(name: string, t: RangeTarget): unknown {
    const keys: Record<string, FormatKey> = {
      bold: 'fontBold',
      italic: 'fontItalic',
      color: 'fontColor',
      size: 'fontSize',
      name: 'fontName',
      underline: 'fontUnderline',
      strikethrough: 'fontStrikethrough',
    };
    const key = keys[name];
    if (!key) throw notImplemented('RangeFont.' + name);
    return this._readFormat(t, key);
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setFormat('bold', v, 'fontBold', asBool);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setFormat('italic', v, 'fontItalic', asBool);
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this._setFormat('strikethrough', v, 'fontStrikethrough', asBool);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setFormat('color', v, 'fontColor', (x, loc) => normalizeColor(x, loc));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._setFormat('size', v, 'fontSize', asPositive);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setFormat('name', v, 'fontName', asString);
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._setFormat('underline', v, 'fontUnderline', asEnum(ExcelEnums.RangeUnderlineStyle));
  }
}

type BorderName =
  'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

/** Which cells and which stored edge a border item covers, for a range rectangle. */
function borderTargets(name: BorderName, r: Rect): Array<{ rect: Rect; edge: BorderEdge }> {
  switch (name) {
    case 'EdgeTop':
      return [{ rect: rect(r.top, r.left, r.top, r.right), edge: 'Top' }];
    case 'EdgeBottom':
      return [{ rect: rect(r.bottom, r.left, r.bottom, r.right), edge: 'Bottom' }];
    case 'EdgeLeft':
      return [{ rect: rect(r.top, r.left, r.bottom, r.left), edge: 'Left' }];
    case 'EdgeRight':
      return [{ rect: rect(r.top, r.right, r.bottom, r.right), edge: 'Right' }];
    case 'InsideHorizontal':
      if (r.top === r.bottom) return [];
      return [
        { rect: rect(r.top, r.left, r.bottom - 1, r.right), edge: 'Bottom' },
        { rect: rect(r.top + 1, r.left, r.bottom, r.right), edge: 'Top' },
      ];
    case 'InsideVertical':
      if (r.left === r.right) return [];
      return [
        { rect: rect(r.top, r.left, r.bottom, r.right - 1), edge: 'Right' },
        { rect: rect(r.top, r.left + 1, r.bottom, r.right), edge: 'Left' },
      ];
    case 'DiagonalDown':
      return [{ rect: r, edge: 'DiagDown' }];
    case 'DiagonalUp':
      return [{ rect: r, edge: 'DiagUp' }];
  }
}

export class RangeBorderCollectionProxy extends RangePart {
  constructor(range: RangeProxy) {
    super(range, 'RangeBorderCollection', 'borders');
  }
  _scalarNames(): readonly string[] {
    return [];
  }
  _read(name: string): unknown {
    throw notImplemented('RangeBorderCollection.' + name);
  }
  getItem(index: string): RangeBorderProxy {
    const name = enumValue(ExcelEnums.BorderIndex, index) as BorderName | undefined;
    return new RangeBorderProxy(this._range, this, name, index);
  }
}

export class RangeBorderProxy extends ProxyBase<RangeTarget> {
  readonly _side: BorderName | undefined;
  constructor(range: RangeProxy, parent: ProxyBase, side: BorderName | undefined, raw: string) {
    super(range.context, 'RangeBorder', parent, {
      resolve: () => {
        if (side === undefined) throw officeError(ErrorCode.invalidArgument, 'RangeBorderCollection.getItem');
        return range._target();
      },
      via: { member: 'getItem', args: [raw] },
    });
    this._side = side;
  }
  _scalarNames(): readonly string[] {
    return ['color', 'sideIndex', 'style', 'weight'];
  }
  _read(name: string, t: RangeTarget): unknown {
    const side = this._side as BorderName;
    if (name === 'sideIndex') return side;
    const part = name === 'style' ? 'Style' : name === 'color' ? 'Color' : name === 'weight' ? 'Weight' : undefined;
    if (!part) throw notImplemented('RangeBorder.' + name);
    const model = this.context._engine.model;
    const sheet = sheetOrThrow(model, t.sheetId, 'RangeBorder');
    const targets = borderTargets(side, t.rect);
    if (targets.length === 0) return part === 'Style' ? 'None' : null;
    let seen: FormatValue | null | undefined;
    for (const x of targets) {
      const v = model.uniformFormat(sheet, x.rect, borderKey(x.edge, part));
      if (v === null) return null;
      if (seen === undefined) seen = v;
      else if (seen !== v) return null;
    }
    return seen ?? null;
  }
  private _setPart(member: 'style' | 'color' | 'weight', value: unknown): void {
    const loc = 'RangeBorder.' + member;
    this._set(member, value, (t) => {
      const side = this._side as BorderName;
      let v: string;
      if (member === 'color') v = normalizeColor(value, loc);
      else {
        const e = member === 'style' ? ExcelEnums.BorderLineStyle : ExcelEnums.BorderWeight;
        const x = enumValue(e, value);
        if (x === undefined) throw officeError(ErrorCode.invalidArgument, loc);
        v = x;
      }
      const model = this.context._engine.model;
      const sheet = sheetOrThrow(model, t.sheetId, loc);
      ensureWritable(sheet, 'format', loc);
      const part = member === 'style' ? 'Style' : member === 'color' ? 'Color' : 'Weight';
      for (const x of borderTargets(side, t.rect)) model.applyFormat(sheet, x.rect, borderKey(x.edge, part), v);
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._setPart('style', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setPart('color', v);
  }
  get weight(): string {
    return this._get('weight');
  }
  set weight(v: string) {
    this._setPart('weight', v);
  }
  get sideIndex(): string {
    return this._get('sideIndex');
  }
}

// ---------------------------------------------------------------------------------------------
// RangeAreas (merged areas, print areas)

export class RangeAreasProxy extends ProxyBase<AreasTarget> {
  constructor(
    ctx: FakeContext,
    parent: ProxyBase | null,
    resolve: () => AreasTarget | null,
    via: { member: string; args: readonly unknown[] },
  ) {
    super(ctx, 'RangeAreas', parent, { resolve, via });
  }
  _scalarNames(): readonly string[] {
    return ['address', 'addressLocal', 'areaCount', 'cellCount'];
  }
  _read(name: string, t: AreasTarget): unknown {
    const sheet = sheetOrThrow(this.context._engine.model, t.sheetId, 'RangeAreas');
    switch (name) {
      case 'address':
      case 'addressLocal':
        return t.rects.map((r) => formatAddress(sheet.name, r)).join(', ');
      case 'areaCount':
        return t.rects.length;
      case 'cellCount':
        return t.rects.reduce((n, r) => n + rectCells(r), 0);
    }
    throw notImplemented('RangeAreas.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    return name === 'areas' ? this.areas : undefined;
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get areas(): RangeCollectionProxy {
    return this._child('areas', () => new RangeCollectionProxy(this));
  }
}

export class RangeCollectionProxy extends CollectionProxy<AreasTarget, RangeProxy> {
  constructor(parent: RangeAreasProxy) {
    super(parent.context, 'RangeCollection', parent, {
      resolve: () => parent._target(),
      via: { member: 'areas', args: [] },
    });
  }
  _itemTargets(t: AreasTarget): unknown[] {
    return t.rects.map((r) => ({ sheetId: t.sheetId, rect: r }));
  }
  _makeItem(target: unknown): RangeProxy {
    const t = target as RangeTarget;
    return new ItemRangeProxy(this.context, this, t);
  }
  _itemScalarNames(): readonly string[] {
    return RANGE_SCALARS;
  }
  override _itemNavNames(): readonly string[] {
    return ['format', 'worksheet'];
  }
  getCount(): { value: number } {
    return this._callResult('getCount', [], (t) => t.rects.length, 0);
  }
  getItemAt(index: number): RangeProxy {
    return RangeProxy.derived(this, 'getItemAt', [index], () => {
      const t = this._target();
      if (t === null) return null;
      const r = t.rects[index];
      if (!r) throw officeError(ErrorCode.invalidArgument, 'RangeCollection.getItemAt');
      return { sheetId: t.sheetId, rect: r };
    });
  }
}

/** A range proxy built from a load result (pre-resolved, not counted). */
class ItemRangeProxy extends RangeProxy {
  constructor(ctx: FakeContext, parent: ProxyBase, t: RangeTarget) {
    super(ctx, parent, () => t, { member: 'items', args: [] });
    this._setResolved(t);
  }
}

/** Worksheet-scoped address resolution used by Worksheet.getRange and friends. */
export function sheetRange(
  model: { sheetByName(n: string): SheetState | undefined },
  sheet: SheetState,
  address: string,
  location: string,
): Rect {
  const p = parseAddress(address, location);
  if (p.sheet !== undefined && !sameName(p.sheet, sheet.name)) {
    if (!model.sheetByName(p.sheet)) throw officeError(ErrorCode.invalidArgument, location);
    throw officeError(ErrorCode.invalidArgument, location);
  }
  return p.rect;
}
