/**
 * Tables: `workbook.tables` and `worksheet.tables` (add, getItem, items), the table's ranges,
 * rows.add and column names.
 */

import { Rect, isValidTableName, parseAddress, rect, rectColumns, rectRows } from './address';
import { ErrorCode, notImplemented, officeError } from './errors';
import { SheetState, TableState } from './model';
import {
  addTable,
  checkGrid,
  ensureWritable,
  isRowEmpty,
  sheetOrThrow,
  shiftDown,
  tableBodyRect,
  tableHeaderRect,
  writeGrid,
} from './ops';
import { CollectionProxy, FakeClientResult, FakeContext, ProxyBase, identityOptions } from './proxy';
import { RangeProxy, RangeTarget } from './range';
import { displayValue } from './values';
import { WorksheetProxy } from './worksheet';

const TABLE_SCALARS = ['id', 'name', 'showHeaders', 'showTotals', 'style'] as const;

function tableOrThrow(ctx: FakeContext, id: string, location: string): TableState {
  const t = ctx._engine.model.state.tables.find((x) => x.id === id);
  if (!t) throw officeError(ErrorCode.itemNotFound, location);
  return t;
}

/** `workbook.tables` (target true) or `worksheet.tables` (target: the sheet id). */
export class TableCollectionProxy extends CollectionProxy<string | true, TableProxy> {
  readonly _scope: 'workbook' | 'sheet';

  constructor(ctx: FakeContext, parent: ProxyBase, scope: 'workbook' | 'sheet') {
    super(ctx, 'TableCollection', parent, {
      resolve: () => (scope === 'workbook' ? true : (parent._target() as string | null)),
      via: { member: 'tables', args: [] },
    });
    this._scope = scope;
  }

  private _tables(t: string | true): TableState[] {
    const all = this.context._engine.model.state.tables;
    if (t === true) {
      // Workbook order: by sheet position, then creation.
      const order = new Map(this.context._engine.model.state.sheets.map((s, i) => [s.id, i]));
      return [...all].sort((a, b) => (order.get(a.sheetId) ?? 0) - (order.get(b.sheetId) ?? 0));
    }
    return all.filter((x) => x.sheetId === t);
  }

  _itemTargets(t: string | true): unknown[] {
    return this._tables(t).map((x) => x.id);
  }
  _makeItem(target: unknown): TableProxy {
    return new TableProxy(this.context, this, () => target as string, { member: 'items', args: [] }, target as string);
  }
  _itemScalarNames(): readonly string[] {
    return TABLE_SCALARS;
  }
  override _itemNavNames(): readonly string[] {
    return ['worksheet', 'rows', 'columns'];
  }

  /** Creates a table over `address` (a Range or an address; workbook.tables defaults to the active sheet). */
  add(address: RangeProxy | string, hasHeaders: boolean): TableProxy {
    const proxy = new TableProxy(this.context, this, undefined, { member: 'add', args: [address, hasHeaders] });
    return this._callCreate('add', [address, hasHeaders], proxy, (t) => {
      const loc = 'TableCollection.add';
      const model = this.context._engine.model;
      let target: RangeTarget | null;
      if (address instanceof RangeProxy) target = address._target();
      else if (typeof address === 'string') {
        const p = parseAddress(address, loc);
        let sheet: SheetState | undefined;
        if (p.sheet !== undefined) sheet = model.sheetByName(p.sheet);
        else sheet = t === true ? model.activeSheet() : model.sheetById(t);
        if (!sheet) throw officeError(ErrorCode.invalidArgument, loc);
        if (t !== true && sheet.id !== t) throw officeError(ErrorCode.invalidArgument, loc);
        target = { sheetId: sheet.id, rect: p.rect };
      } else throw officeError(ErrorCode.invalidArgument, loc);
      if (target === null) throw officeError(ErrorCode.invalidArgument, loc);
      if (typeof hasHeaders !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
      const sheet = sheetOrThrow(model, target.sheetId, loc);
      return addTable(model, sheet, target.rect, hasHeaders, loc).id;
    });
  }

  getItem(key: string): TableProxy {
    return this._find('getItem', key, false);
  }
  getItemOrNullObject(key: string): TableProxy {
    return this._find('getItemOrNullObject', key, true);
  }
  private _find(member: string, key: string, orNull: boolean): TableProxy {
    return new TableProxy(
      this.context,
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        const u = String(key).toLocaleUpperCase();
        const found = this._tables(t).find((x) => x.name.toLocaleUpperCase() === u || x.id === key);
        if (!found) {
          if (orNull) return null;
          throw officeError(ErrorCode.itemNotFound, 'TableCollection.' + member);
        }
        return found.id;
      },
      { member, args: [key] },
    );
  }
  getItemAt(index: number): TableProxy {
    return new TableProxy(
      this.context,
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        const found = this._tables(t)[index];
        if (!found) throw officeError(ErrorCode.invalidArgument, 'TableCollection.getItemAt');
        return found.id;
      },
      { member: 'getItemAt', args: [index] },
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (t) => this._tables(t).length, 0);
  }
}

export class TableProxy extends ProxyBase<string> {
  constructor(
    ctx: FakeContext,
    parent: ProxyBase,
    resolve: (() => string | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: string,
  ) {
    super(ctx, 'Table', parent, identityOptions(resolve, via, resolved));
  }

  _table(id: string, loc = 'Table'): TableState {
    return tableOrThrow(this.context, id, loc);
  }

  _scalarNames(): readonly string[] {
    return TABLE_SCALARS;
  }
  _read(name: string, id: string): unknown {
    const t = this._table(id);
    switch (name) {
      case 'id':
        return t.id;
      case 'name':
        return t.name;
      case 'showHeaders':
        return t.showHeaders;
      case 'showTotals':
        return t.showTotals;
      case 'style':
        return t.style;
    }
    throw notImplemented('Table.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'worksheet') return this.worksheet;
    if (name === 'rows') return this.rows;
    if (name === 'columns') return this.columns;
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (id) => {
      const loc = 'Table.name';
      const model = this.context._engine.model;
      const table = this._table(id, loc);
      if (!isValidTableName(v)) throw officeError(ErrorCode.invalidArgument, loc);
      const other = model.tableByName(v);
      if (other && other !== table) throw officeError(ErrorCode.itemAlreadyExists, loc);
      table.name = v;
    });
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._set('style', v, (id) => {
      if (typeof v !== 'string' || v === '') throw officeError(ErrorCode.invalidArgument, 'Table.style');
      this._table(id).style = v;
    });
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  set showHeaders(_v: boolean) {
    throw notImplemented('Table.showHeaders (set)');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(_v: boolean) {
    throw notImplemented('Table.showTotals (set)');
  }

  get worksheet(): WorksheetProxy {
    return this._child(
      'worksheet',
      () =>
        new WorksheetProxy(
          this.context,
          this,
          () => {
            const id = this._target();
            return id === null ? null : this._table(id).sheetId;
          },
          { member: 'worksheet', args: [] },
        ),
    );
  }
  get rows(): TableRowCollectionProxy {
    return this._child('rows', () => new TableRowCollectionProxy(this));
  }
  get columns(): TableColumnCollectionProxy {
    return this._child('columns', () => new TableColumnCollectionProxy(this));
  }

  private _rangeOf(member: string, pick: (t: TableState) => Rect | null): RangeProxy {
    const loc = 'Table.' + member;
    return new RangeProxy(
      this.context,
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const t = this._table(id, loc);
        const r = pick(t);
        if (!r) throw officeError(ErrorCode.itemNotFound, loc);
        return { sheetId: t.sheetId, rect: r };
      },
      { member, args: [] },
    );
  }
  getRange(): RangeProxy {
    return this._rangeOf('getRange', (t) => t.rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this._rangeOf('getHeaderRowRange', tableHeaderRect);
  }
  getDataBodyRange(): RangeProxy {
    return this._rangeOf('getDataBodyRange', tableBodyRect);
  }
  getTotalRowRange(): RangeProxy {
    return this._rangeOf('getTotalRowRange', (t) =>
      t.showTotals ? rect(t.rect.bottom, t.rect.left, t.rect.bottom, t.rect.right) : null,
    );
  }

  /** Deletes the table and its cells' content (Excel deletes the table's range). */
  delete(): void {
    this._call('delete', [], (id) => {
      const loc = 'Table.delete';
      const model = this.context._engine.model;
      const t = this._table(id, loc);
      const sheet = sheetOrThrow(model, t.sheetId, loc);
      ensureWritable(sheet, 'objects', loc);
      model.clearContents(sheet, t.rect);
      model.clearFormats(sheet, t.rect);
      model.state.tables = model.state.tables.filter((x) => x !== t);
    });
  }
  /** Turns the table back into a plain range (values stay). */
  convertToRange(): RangeProxy {
    const range = this.getRange();
    this._call('convertToRange', [], (id) => {
      const loc = 'Table.convertToRange';
      const model = this.context._engine.model;
      const t = this._table(id, loc);
      ensureWritable(sheetOrThrow(model, t.sheetId, loc), 'objects', loc);
      model.state.tables = model.state.tables.filter((x) => x !== t);
    });
    return range;
  }
}

export class TableRowCollectionProxy extends ProxyBase<string> {
  readonly _table: TableProxy;
  constructor(table: TableProxy) {
    super(table.context, 'TableRowCollection', table, { resolve: () => table._target(), via: { member: 'rows', args: [] } });
    this._table = table;
  }
  _scalarNames(): readonly string[] {
    return ['count'];
  }
  _read(name: string, id: string): unknown {
    if (name === 'count') return rectRows(tableBodyRect(this._table._table(id)));
    throw notImplemented('TableRowCollection.' + name);
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (id) => rectRows(tableBodyRect(this._table._table(id))), 0);
  }
  /**
   * Adds rows (values: a 2-D array matching the table's width) at `index` of the body, or at the
   * end. Cells below, in the table's columns, move down. A table whose only body row is empty
   * (as after `tables.add("A1:C1", true)`) gets its first row filled instead of a new one.
   */
  add(index?: number | null, values?: unknown[][]): void {
    this._call('add', [index ?? null, values ?? null], (id) => {
      const loc = 'TableRowCollection.add';
      const engine = this.context._engine;
      const model = engine.model;
      const t = this._table._table(id, loc);
      const sheet = sheetOrThrow(model, t.sheetId, loc);
      ensureWritable(sheet, 'content', loc);
      const body = tableBodyRect(t);
      const width = rectColumns(t.rect);
      const rows = values === undefined || values === null ? [Array<unknown>(width).fill('')] : values;
      checkGrid(rows, rect(0, 0, Math.max(0, (rows as unknown[]).length - 1), width - 1), loc);
      if (rows.length === 0) return;
      const at = index === undefined || index === null ? rectRows(body) : index;
      if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > rectRows(body))
        throw officeError(ErrorCode.invalidArgument, loc);
      let remaining = rows;
      let startRow = body.top + at;
      const onlyEmptyRow = rectRows(body) === 1 && isRowEmpty(sheet, body.top, t.rect.left, t.rect.right);
      if (onlyEmptyRow && (at === 0 || at === 1)) {
        writeGrid(
          model,
          sheet,
          rect(body.top, t.rect.left, body.top, t.rect.right),
          'values',
          [rows[0]],
          (f) => engine.evaluate(sheet, f),
          loc,
        );
        remaining = rows.slice(1);
        startRow = body.top + 1;
      }
      if (remaining.length === 0) return;
      shiftDown(sheet, startRow, t.rect.left, t.rect.right, remaining.length);
      t.rect = rect(t.rect.top, t.rect.left, t.rect.bottom + remaining.length, t.rect.right);
      writeGrid(
        model,
        sheet,
        rect(startRow, t.rect.left, startRow + remaining.length - 1, t.rect.right),
        'values',
        remaining,
        (f) => engine.evaluate(sheet, f),
        loc,
      );
    });
  }
}

export class TableColumnCollectionProxy extends CollectionProxy<string, TableColumnProxy> {
  readonly _table: TableProxy;
  constructor(table: TableProxy) {
    super(table.context, 'TableColumnCollection', table, {
      resolve: () => table._target(),
      via: { member: 'columns', args: [] },
    });
    this._table = table;
  }
  _itemTargets(id: string): unknown[] {
    const t = this._table._table(id);
    return Array.from({ length: rectColumns(t.rect) }, (_, i) => ({ tableId: id, index: i }));
  }
  _makeItem(target: unknown): TableColumnProxy {
    return new TableColumnProxy(this, target as ColumnTarget);
  }
  _itemScalarNames(): readonly string[] {
    return ['index', 'name'];
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (id) => rectColumns(this._table._table(id).rect), 0);
  }
}

interface ColumnTarget {
  readonly tableId: string;
  readonly index: number;
}

export class TableColumnProxy extends ProxyBase<ColumnTarget> {
  constructor(parent: TableColumnCollectionProxy, target: ColumnTarget) {
    super(parent.context, 'TableColumn', parent, { resolved: target, stable: true, via: { member: 'items', args: [] } });
  }
  _scalarNames(): readonly string[] {
    return ['index', 'name'];
  }
  _read(name: string, c: ColumnTarget): unknown {
    const t = tableOrThrow(this.context, c.tableId, 'TableColumn');
    if (name === 'index') return c.index;
    if (name === 'name') {
      const sheet = sheetOrThrow(this.context._engine.model, t.sheetId, 'TableColumn');
      return String(displayValue(sheet.cells.get(t.rect.top, t.rect.left + c.index)));
    }
    throw notImplemented('TableColumn.' + name);
  }
  get index(): number {
    return this._get('index');
  }
  get name(): string {
    return this._get('name');
  }
}
