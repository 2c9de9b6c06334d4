/**
 * Worksheets: the collection (add with Excel's naming rules, getItem, active sheet …), the sheet
 * itself, freeze panes, page layout and sheet protection.
 */

import { MAX_COLUMNS, MAX_ROWS, Rect, rect } from './address';
import { enumValue, ExcelEnums } from './enums';
import { ErrorCode, FakeOfficeError, notImplemented, officeError } from './errors';
import { PageLayoutState, SheetState, Visibility, defaultProtectionOptions } from './model';
import {
  LAST_VISIBLE_SHEET,
  deleteSheet,
  ensureStructureEditable,
  sheetOrThrow,
  validateNewSheetName,
  visibleSheets,
} from './ops';
import { CollectionProxy, FakeClientResult, FakeContext, ProxyBase, identityOptions } from './proxy';
import { RangeAreasProxy, RangeProxy, RangeTarget, rangeArgument, sheetRange } from './range';
import { TableCollectionProxy } from './tables';
import { ChartCollectionProxy } from './charts';
import { normalizeColor } from './values';

const SHEET_SCALARS = ['id', 'name', 'position', 'showGridlines', 'showHeadings', 'tabColor', 'visibility'] as const;

export class WorksheetProxy extends ProxyBase<string> {
  constructor(
    ctx: FakeContext,
    parent: ProxyBase | null,
    resolve: (() => string | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: string,
  ) {
    super(ctx, 'Worksheet', parent, identityOptions(resolve, via, resolved));
  }

  _sheet(id: string, location = 'Worksheet'): SheetState {
    return sheetOrThrow(this.context._engine.model, id, location);
  }

  _scalarNames(): readonly string[] {
    return SHEET_SCALARS;
  }

  _read(name: string, id: string): unknown {
    const model = this.context._engine.model;
    const sheet = this._sheet(id);
    switch (name) {
      case 'id':
        return sheet.id;
      case 'name':
        return sheet.name;
      case 'position':
        return model.state.sheets.indexOf(sheet);
      case 'visibility':
        return sheet.visibility;
      case 'tabColor':
        return sheet.tabColor;
      case 'showGridlines':
        return sheet.showGridlines;
      case 'showHeadings':
        return sheet.showHeadings;
    }
    throw notImplemented('Worksheet.' + name);
  }

  override _navigate(name: string): ProxyBase | undefined {
    switch (name) {
      case 'tables':
        return this.tables;
      case 'charts':
        return this.charts;
      case 'freezePanes':
        return this.freezePanes;
      case 'pageLayout':
        return this.pageLayout;
      case 'protection':
        return this.protection;
    }
    return undefined;
  }

  // -- properties -----------------------------------------------------------------------------

  get id(): string {
    return this._get('id');
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (id) => {
      const loc = 'Worksheet.name';
      const model = this.context._engine.model;
      const sheet = this._sheet(id, loc);
      ensureStructureEditable(model, loc);
      sheet.name = validateNewSheetName(model, v, loc, sheet);
    });
  }

  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._set('position', v, (id) => {
      const loc = 'Worksheet.position';
      const model = this.context._engine.model;
      const sheet = this._sheet(id, loc);
      ensureStructureEditable(model, loc);
      const list = model.state.sheets;
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v >= list.length)
        throw officeError(ErrorCode.invalidArgument, loc);
      list.splice(list.indexOf(sheet), 1);
      list.splice(v, 0, sheet);
    });
  }

  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._set('visibility', v, (id) => {
      const loc = 'Worksheet.visibility';
      const model = this.context._engine.model;
      const sheet = this._sheet(id, loc);
      const next = enumValue(ExcelEnums.SheetVisibility, v) as Visibility | undefined;
      if (!next) throw officeError(ErrorCode.invalidArgument, loc);
      if (next === sheet.visibility) return;
      ensureStructureEditable(model, loc);
      if (next !== 'Visible' && sheet.visibility === 'Visible' && visibleSheets(model).length <= 1)
        throw new FakeOfficeError(ErrorCode.invalidOperation, LAST_VISIBLE_SHEET, loc);
      sheet.visibility = next;
      if (next !== 'Visible' && model.state.activeSheetId === sheet.id) {
        const other = visibleSheets(model)[0];
        if (other) model.state.activeSheetId = other.id;
      }
    });
  }

  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._set('tabColor', v, (id) => {
      const sheet = this._sheet(id, 'Worksheet.tabColor');
      sheet.tabColor = v === '' ? '' : normalizeColor(v, 'Worksheet.tabColor');
    });
  }

  get showGridlines(): boolean {
    return this._get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this._set('showGridlines', v, (id) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, 'Worksheet.showGridlines');
      this._sheet(id).showGridlines = v;
    });
  }

  get showHeadings(): boolean {
    return this._get('showHeadings');
  }
  set showHeadings(v: boolean) {
    this._set('showHeadings', v, (id) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, 'Worksheet.showHeadings');
      this._sheet(id).showHeadings = v;
    });
  }

  // -- neighbours (ExcelApi 1.5) ----------------------------------------------------------------

  /** The sheet after this one; throws ItemNotFound at sync when there is none. */
  getNext(visibleOnly?: boolean): WorksheetProxy {
    return this._neighbour('getNext', visibleOnly, 1, false);
  }
  /** The sheet after this one, or a null object (a null object's neighbour is a null object too). */
  getNextOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    return this._neighbour('getNextOrNullObject', visibleOnly, 1, true);
  }
  getPrevious(visibleOnly?: boolean): WorksheetProxy {
    return this._neighbour('getPrevious', visibleOnly, -1, false);
  }
  getPreviousOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    return this._neighbour('getPreviousOrNullObject', visibleOnly, -1, true);
  }
  private _neighbour(member: string, visibleOnly: boolean | undefined, step: 1 | -1, orNull: boolean): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const model = this.context._engine.model;
        const list = visibleOnly ? visibleSheets(model) : model.state.sheets;
        const at = list.findIndex((x) => x.id === id);
        const next = at < 0 ? undefined : list[at + step];
        if (!next) {
          if (orNull) return null;
          throw officeError(ErrorCode.itemNotFound, 'Worksheet.' + member);
        }
        return next.id;
      },
      { member, args: visibleOnly === undefined ? [] : [visibleOnly] },
    );
  }

  // -- navigation -----------------------------------------------------------------------------

  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, this, 'sheet'));
  }
  get charts(): ChartCollectionProxy {
    return this._child('charts', () => new ChartCollectionProxy(this));
  }
  get freezePanes(): FreezePanesProxy {
    return this._child('freezePanes', () => new FreezePanesProxy(this));
  }
  get pageLayout(): PageLayoutProxy {
    return this._child('pageLayout', () => new PageLayoutProxy(this));
  }
  get protection(): WorksheetProtectionProxy {
    return this._child('protection', () => new WorksheetProtectionProxy(this));
  }

  // -- ranges ---------------------------------------------------------------------------------

  _rangeOf(member: string, args: readonly unknown[], fn: (sheet: SheetState) => Rect | null): RangeProxy {
    const loc = 'Worksheet.' + member;
    return new RangeProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const sheet = this._sheet(id, loc);
        const r = fn(sheet);
        return r === null ? null : { sheetId: id, rect: r };
      },
      { member, args },
    );
  }

  /** The whole sheet when no address is given. */
  getRange(address?: string): RangeProxy {
    const loc = 'Worksheet.getRange';
    return this._rangeOf('getRange', address === undefined ? [] : [address], (sheet) => {
      if (address === undefined || address === '') return rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);
      if (typeof address !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
      return sheetRange(this.context._engine.model, sheet, address, loc);
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    const loc = 'Worksheet.getRangeByIndexes';
    return this._rangeOf('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => {
      const ok = [startRow, startColumn, rowCount, columnCount].every((n) => typeof n === 'number' && Number.isInteger(n));
      if (!ok || startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1)
        throw officeError(ErrorCode.invalidArgument, loc);
      const r = rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
      if (r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS) throw officeError(ErrorCode.invalidArgument, loc);
      return r;
    });
  }

  getCell(row: number, column: number): RangeProxy {
    const loc = 'Worksheet.getCell';
    return this._rangeOf('getCell', [row, column], () => {
      if (
        !Number.isInteger(row) ||
        !Number.isInteger(column) ||
        row < 0 ||
        column < 0 ||
        row >= MAX_ROWS ||
        column >= MAX_COLUMNS
      )
        throw officeError(ErrorCode.invalidArgument, loc);
      return rect(row, column, row, column);
    });
  }

  /** The used range; the top-left cell when the sheet is blank (never an error). */
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this._rangeOf('getUsedRange', valuesOnly === undefined ? [] : [valuesOnly], (sheet) => {
      return this.context._engine.model.usedRect(sheet, valuesOnly === true) ?? rect(0, 0, 0, 0);
    });
  }

  /** The used range; a null object when the sheet is blank. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this._rangeOf('getUsedRangeOrNullObject', valuesOnly === undefined ? [] : [valuesOnly], (sheet) => {
      return this.context._engine.model.usedRect(sheet, valuesOnly === true);
    });
  }

  // -- methods --------------------------------------------------------------------------------

  activate(): void {
    this._call('activate', [], (id) => {
      const engine = this.context._engine;
      const sheet = this._sheet(id, 'Worksheet.activate');
      if (sheet.visibility !== 'Visible') throw officeError(ErrorCode.invalidOperation, 'Worksheet.activate');
      engine.model.state.activeSheetId = sheet.id;
      engine.noteSelection();
    });
  }

  delete(): void {
    this._call('delete', [], (id) => {
      const model = this.context._engine.model;
      deleteSheet(model, this._sheet(id, 'Worksheet.delete'), 'Worksheet.delete');
    });
  }
}

// ---------------------------------------------------------------------------------------------

export class WorksheetCollectionProxy extends CollectionProxy<true, WorksheetProxy> {
  constructor(ctx: FakeContext, workbook: ProxyBase) {
    super(ctx, 'WorksheetCollection', workbook, { resolve: () => true, via: { member: 'worksheets', args: [] } });
  }

  _itemTargets(): unknown[] {
    return this.context._engine.model.state.sheets.map((s) => s.id);
  }
  _makeItem(target: unknown): WorksheetProxy {
    return new WorksheetProxy(this.context, this, () => target as string, { member: 'items', args: [] }, target as string);
  }
  _itemScalarNames(): readonly string[] {
    return SHEET_SCALARS;
  }
  override _itemNavNames(): readonly string[] {
    return ['tables', 'charts', 'freezePanes', 'pageLayout', 'protection'];
  }

  /** Adds a sheet at the end (not activated). Default names are "SheetN". */
  add(name?: string): WorksheetProxy {
    const proxy = new WorksheetProxy(this.context, this, undefined, { member: 'add', args: name === undefined ? [] : [name] });
    return this._callCreate('add', name === undefined ? [] : [name], proxy, () => {
      const loc = 'WorksheetCollection.add';
      const model = this.context._engine.model;
      ensureStructureEditable(model, loc);
      const finalName = name === undefined || name === null ? model.nextSheetName() : validateNewSheetName(model, name, loc);
      return model.newSheet(finalName).id;
    });
  }

  getItem(key: string): WorksheetProxy {
    return this._find('getItem', key, false);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return this._find('getItemOrNullObject', key, true);
  }
  private _find(member: string, key: string, orNull: boolean): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const model = this.context._engine.model;
        const sheet = typeof key === 'string' ? (model.sheetByName(key) ?? model.sheetById(key)) : undefined;
        if (!sheet) {
          if (orNull) return null;
          throw officeError(ErrorCode.itemNotFound, 'WorksheetCollection.' + member);
        }
        return sheet.id;
      },
      { member, args: [key] },
    );
  }

  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, this, () => this.context._engine.model.activeSheet().id, {
      member: 'getActiveWorksheet',
      args: [],
    });
  }

  getFirst(visibleOnly?: boolean): WorksheetProxy {
    return this._end('getFirst', visibleOnly, (list) => list[0]);
  }
  getLast(visibleOnly?: boolean): WorksheetProxy {
    return this._end('getLast', visibleOnly, (list) => list[list.length - 1]);
  }
  private _end(
    member: string,
    visibleOnly: boolean | undefined,
    pick: (l: SheetState[]) => SheetState | undefined,
  ): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this,
      () => {
        const model = this.context._engine.model;
        const list = visibleOnly ? visibleSheets(model) : model.state.sheets;
        const s = pick(list);
        if (!s) throw officeError(ErrorCode.itemNotFound, 'WorksheetCollection.' + member);
        return s.id;
      },
      { member, args: visibleOnly === undefined ? [] : [visibleOnly] },
    );
  }

  getCount(visibleOnly?: boolean): FakeClientResult<number> {
    return this._callResult(
      'getCount',
      visibleOnly === undefined ? [] : [visibleOnly],
      () => {
        const model = this.context._engine.model;
        return (visibleOnly ? visibleSheets(model) : model.state.sheets).length;
      },
      0,
    );
  }
}

// ---------------------------------------------------------------------------------------------

abstract class SheetPart extends ProxyBase<string> {
  readonly _sheetProxy: WorksheetProxy;
  constructor(sheet: WorksheetProxy, typeName: string, member: string) {
    super(sheet.context, typeName, sheet, { resolve: () => sheet._target(), via: { member, args: [] } });
    this._sheetProxy = sheet;
  }
  _sheet(id: string, loc = this._typeName): SheetState {
    return sheetOrThrow(this.context._engine.model, id, loc);
  }
}

export class FreezePanesProxy extends SheetPart {
  constructor(sheet: WorksheetProxy) {
    super(sheet, 'WorksheetFreezePanes', 'freezePanes');
  }
  _scalarNames(): readonly string[] {
    return [];
  }
  _read(name: string): unknown {
    throw notImplemented('WorksheetFreezePanes.' + name);
  }
  private _count(member: string, count: unknown): number {
    const n = count === undefined ? 1 : count;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
      throw officeError(ErrorCode.invalidArgument, 'WorksheetFreezePanes.' + member);
    return n;
  }
  /** Freezes the top `count` rows (default 1; 0 unfreezes rows). Frozen columns are kept. */
  freezeRows(count?: number): void {
    this._call('freezeRows', count === undefined ? [] : [count], (id) => {
      this._sheet(id).freeze.rows = this._count('freezeRows', count);
    });
  }
  /** Freezes the left `count` columns (default 1; 0 unfreezes columns). Frozen rows are kept. */
  freezeColumns(count?: number): void {
    this._call('freezeColumns', count === undefined ? [] : [count], (id) => {
      this._sheet(id).freeze.columns = this._count('freezeColumns', count);
    });
  }
  /** Freezes the rows above and columns left of the bottom-right corner of `frozenRange`, inclusive. */
  freezeAt(frozenRange: RangeProxy | string): void {
    this._call('freezeAt', [frozenRange], (id) => {
      const t = rangeArgument(this.context, frozenRange, id, 'WorksheetFreezePanes.freezeAt');
      if (t === null) return;
      const sheet = this._sheet(id);
      sheet.freeze = {
        rows: t.rect.bottom === MAX_ROWS - 1 ? 0 : t.rect.bottom + 1,
        columns: t.rect.right === MAX_COLUMNS - 1 ? 0 : t.rect.right + 1,
      };
    });
  }
  unfreeze(): void {
    this._call('unfreeze', [], (id) => {
      this._sheet(id).freeze = { rows: 0, columns: 0 };
    });
  }
  /** The frozen cells (A1 to the last frozen row/column), or a null object when nothing is frozen. */
  getLocationOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const f = this._sheet(id).freeze;
        if (f.rows === 0 && f.columns === 0) return null;
        const r =
          f.columns === 0
            ? rect(0, 0, f.rows - 1, MAX_COLUMNS - 1)
            : f.rows === 0
              ? rect(0, 0, MAX_ROWS - 1, f.columns - 1)
              : rect(0, 0, f.rows - 1, f.columns - 1);
        return { sheetId: id, rect: r };
      },
      { member: 'getLocationOrNullObject', args: [] },
    );
  }
}

// ---------------------------------------------------------------------------------------------

const LAYOUT_SCALARS = [
  'blackAndWhite',
  'bottomMargin',
  'centerHorizontally',
  'centerVertically',
  'footerMargin',
  'headerMargin',
  'leftMargin',
  'orientation',
  'paperSize',
  'printGridlines',
  'printHeadings',
  'rightMargin',
  'topMargin',
  'zoom',
] as const;

type LayoutNumber = 'bottomMargin' | 'footerMargin' | 'headerMargin' | 'leftMargin' | 'rightMargin' | 'topMargin';
type LayoutBool = 'blackAndWhite' | 'centerHorizontally' | 'centerVertically' | 'printGridlines' | 'printHeadings';

export class PageLayoutProxy extends SheetPart {
  constructor(sheet: WorksheetProxy) {
    super(sheet, 'PageLayout', 'pageLayout');
  }
  _scalarNames(): readonly string[] {
    return LAYOUT_SCALARS;
  }
  _read(name: string, id: string): unknown {
    const p = this._sheet(id).pageLayout;
    if (name === 'zoom') return { ...p.zoom };
    if ((LAYOUT_SCALARS as readonly string[]).includes(name)) return p[name as keyof PageLayoutState];
    throw notImplemented('PageLayout.' + name);
  }
  private _update(member: string, value: unknown, apply: (p: PageLayoutState, loc: string) => void): void {
    this._set(member, value, (id) => {
      const loc = 'PageLayout.' + member;
      apply(this._sheet(id, loc).pageLayout, loc);
    });
  }
  private _number(member: LayoutNumber, v: unknown): void {
    this._update(member, v, (p, loc) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw officeError(ErrorCode.invalidArgument, loc);
      p[member] = v;
    });
  }
  private _bool(member: LayoutBool, v: unknown): void {
    this._update(member, v, (p, loc) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
      p[member] = v;
    });
  }

  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._update('orientation', v, (p, loc) => {
      const x = enumValue(ExcelEnums.PageOrientation, v);
      if (!x) throw officeError(ErrorCode.invalidArgument, loc);
      p.orientation = x;
    });
  }
  get paperSize(): string {
    return this._get('paperSize');
  }
  set paperSize(v: string) {
    this._update('paperSize', v, (p, loc) => {
      const x = enumValue(ExcelEnums.PaperType, v);
      if (!x) throw officeError(ErrorCode.invalidArgument, loc);
      p.paperSize = x;
    });
  }
  /**
   * `zoom` is a value, not a navigation object: set it as a whole ({ scale } or
   * { horizontalFitToPages, verticalFitToPages }); `zoom.scale = 200` does nothing useful, as in Office.
   */
  get zoom(): { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number } {
    return this._get('zoom');
  }
  set zoom(v: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this._update('zoom', v, (p, loc) => {
      if (!v || typeof v !== 'object') throw officeError(ErrorCode.invalidArgument, loc);
      const out: PageLayoutState['zoom'] = {};
      for (const k of ['scale', 'horizontalFitToPages', 'verticalFitToPages'] as const) {
        const x = v[k];
        if (x === undefined) continue;
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) throw officeError(ErrorCode.invalidArgument, loc);
        if (k === 'scale' && (x < 10 || x > 400)) throw officeError(ErrorCode.invalidArgument, loc);
        out[k] = x;
      }
      if (Object.keys(out).length === 0) throw officeError(ErrorCode.invalidArgument, loc);
      p.zoom = out;
    });
  }
  get centerHorizontally(): boolean {
    return this._get('centerHorizontally');
  }
  set centerHorizontally(v: boolean) {
    this._bool('centerHorizontally', v);
  }
  get centerVertically(): boolean {
    return this._get('centerVertically');
  }
  set centerVertically(v: boolean) {
    this._bool('centerVertically', v);
  }
  get printGridlines(): boolean {
    return this._get('printGridlines');
  }
  set printGridlines(v: boolean) {
    this._bool('printGridlines', v);
  }
  get printHeadings(): boolean {
    return this._get('printHeadings');
  }
  set printHeadings(v: boolean) {
    this._bool('printHeadings', v);
  }
  get blackAndWhite(): boolean {
    return this._get('blackAndWhite');
  }
  set blackAndWhite(v: boolean) {
    this._bool('blackAndWhite', v);
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this._number('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this._number('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this._number('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this._number('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this._number('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this._number('footerMargin', v);
  }

  private _titles(member: string, arg: RangeProxy | string, rows: boolean): void {
    this._call(member, [arg], (id) => {
      const loc = 'PageLayout.' + member;
      const t = rangeArgument(this.context, typeof arg === 'string' ? arg.replace(/\$/g, '') : arg, id, loc);
      if (t === null) return;
      if (t.sheetId !== id) throw officeError(ErrorCode.invalidArgument, loc);
      const p = this._sheet(id).pageLayout;
      if (rows) p.printTitleRows = rect(t.rect.top, 0, t.rect.bottom, MAX_COLUMNS - 1);
      else p.printTitleColumns = rect(0, t.rect.left, MAX_ROWS - 1, t.rect.right);
    });
  }
  /** Rows repeated at the top of each printed page ("$1:$3", "1:3" or a Range). */
  setPrintTitleRows(titleRows: RangeProxy | string): void {
    this._titles('setPrintTitleRows', titleRows, true);
  }
  setPrintTitleColumns(titleColumns: RangeProxy | string): void {
    this._titles('setPrintTitleColumns', titleColumns, false);
  }
  /** One or more areas ("A1:D20" or "A1:B2, D1:E2") or a Range. */
  setPrintArea(printArea: RangeProxy | string): void {
    this._call('setPrintArea', [printArea], (id) => {
      const loc = 'PageLayout.setPrintArea';
      const parts = typeof printArea === 'string' ? printArea.split(',').map((x) => x.trim().replace(/\$/g, '')) : [printArea];
      const rects: Rect[] = [];
      for (const part of parts) {
        const t = rangeArgument(this.context, part, id, loc);
        if (t === null) return;
        if (t.sheetId !== id) throw officeError(ErrorCode.invalidArgument, loc);
        rects.push(t.rect);
      }
      this._sheet(id).pageLayout.printArea = rects;
    });
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return this._layoutRange('getPrintTitleRowsOrNullObject', (p) => p.printTitleRows);
  }
  getPrintTitleColumnsOrNullObject(): RangeProxy {
    return this._layoutRange('getPrintTitleColumnsOrNullObject', (p) => p.printTitleColumns);
  }
  private _layoutRange(member: string, pick: (p: PageLayoutState) => Rect | null): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const r = pick(this._sheet(id).pageLayout);
        return r ? ({ sheetId: id, rect: r } satisfies RangeTarget) : null;
      },
      { member, args: [] },
    );
  }
  getPrintAreaOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const a = this._sheet(id).pageLayout.printArea;
        return a && a.length ? { sheetId: id, rects: a } : null;
      },
      { member: 'getPrintAreaOrNullObject', args: [] },
    );
  }
}

// ---------------------------------------------------------------------------------------------

export class WorksheetProtectionProxy extends SheetPart {
  constructor(sheet: WorksheetProxy) {
    super(sheet, 'WorksheetProtection', 'protection');
  }
  _scalarNames(): readonly string[] {
    return ['options', 'protected'];
  }
  _read(name: string, id: string): unknown {
    const p = this._sheet(id).protection;
    if (name === 'protected') return p.protected;
    if (name === 'options') return { ...p.options };
    throw notImplemented('WorksheetProtection.' + name);
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): Record<string, boolean> {
    return this._get('options');
  }
  /** Protects the sheet; fails (AccessDenied) when it is already protected. */
  protect(options?: Record<string, unknown>, password?: string): void {
    this._call(
      'protect',
      [options, password].filter((x) => x !== undefined),
      (id) => {
        const loc = 'WorksheetProtection.protect';
        const sheet = this._sheet(id, loc);
        if (sheet.protection.protected) throw officeError(ErrorCode.accessDenied, loc);
        const o = defaultProtectionOptions();
        if (options) {
          for (const k of Object.keys(o) as Array<keyof typeof o>)
            if (typeof options[k] === 'boolean') o[k] = options[k] as boolean;
        }
        sheet.protection = { protected: true, password: password ?? null, options: o };
      },
    );
  }
  unprotect(password?: string): void {
    this._call('unprotect', password === undefined ? [] : [password], (id) => {
      const loc = 'WorksheetProtection.unprotect';
      const sheet = this._sheet(id, loc);
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== null && sheet.protection.password !== password)
        throw officeError(ErrorCode.badPassword, loc);
      sheet.protection = { protected: false, password: null, options: defaultProtectionOptions() };
    });
  }
}
