/**
 * The roots: workbook (name, readOnly, worksheets, tables, settings, protection, selection) and
 * application (calculation mode, suspend calls).
 */

import { enumValue, ExcelEnums } from './enums';
import { ErrorCode, notImplemented, officeError } from './errors';
import { CollectionProxy, FakeClientResult, FakeContext, ProxyBase, identityOptions } from './proxy';
import { RangeProxy } from './range';
import { TableCollectionProxy } from './tables';
import { WorksheetCollectionProxy } from './worksheet';
import { rect } from './address';
import { NamedItemCollectionProxy } from './names';

export class WorkbookProxy extends ProxyBase<true> {
  constructor(ctx: FakeContext) {
    super(ctx, 'Workbook', null, { root: true, resolved: true, stable: true });
  }
  _scalarNames(): readonly string[] {
    return ['name', 'readOnly'];
  }
  _read(name: string): unknown {
    const s = this.context._engine.model.state;
    if (name === 'name') return s.name;
    if (name === 'readOnly') return s.readOnly;
    throw notImplemented('Workbook.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    switch (name) {
      case 'worksheets':
        return this.worksheets;
      case 'tables':
        return this.tables;
      case 'settings':
        return this.settings;
      case 'names':
        return this.names;
      case 'protection':
        return this.protection;
      case 'application':
        return this.application;
    }
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  /** True when the workbook is open read-only (set through the FakeExcel options). Writes are not blocked. */
  get readOnly(): boolean {
    return this._get('readOnly');
  }
  get worksheets(): WorksheetCollectionProxy {
    return this._child('worksheets', () => new WorksheetCollectionProxy(this.context, this));
  }
  get tables(): TableCollectionProxy {
    return this._child('tables', () => new TableCollectionProxy(this.context, this, 'workbook'));
  }
  get settings(): SettingCollectionProxy {
    return this._child('settings', () => new SettingCollectionProxy(this));
  }
  get names(): NamedItemCollectionProxy {
    return this._child('names', () => new NamedItemCollectionProxy(this));
  }
  get protection(): WorkbookProtectionProxy {
    return this._child('protection', () => new WorkbookProtectionProxy(this));
  }
  get application(): ProxyBase {
    return this.context.application;
  }
  /** The selection of the active sheet (what `range.select()` or the setup API last set). */
  getSelectedRange(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const sheet = this.context._engine.model.activeSheet();
        return { sheetId: sheet.id, rect: sheet.selection };
      },
      { member: 'getSelectedRange', args: [] },
    );
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const sheet = this.context._engine.model.activeSheet();
        return {
          sheetId: sheet.id,
          rect: rect(sheet.selection.top, sheet.selection.left, sheet.selection.top, sheet.selection.left),
        };
      },
      { member: 'getActiveCell', args: [] },
    );
  }
}

export class ApplicationProxy extends ProxyBase<true> {
  constructor(ctx: FakeContext) {
    super(ctx, 'Application', null, { root: true, resolved: true, stable: true });
  }
  _scalarNames(): readonly string[] {
    return ['calculationMode'];
  }
  _read(name: string): unknown {
    if (name === 'calculationMode') return this.context._engine.model.state.calculationMode;
    throw notImplemented('Application.' + name);
  }
  get calculationMode(): string {
    return this._get('calculationMode');
  }
  set calculationMode(v: string) {
    this._set('calculationMode', v, () => {
      const x = enumValue(ExcelEnums.CalculationMode, v);
      if (!x) throw officeError(ErrorCode.invalidArgument, 'Application.calculationMode');
      this.context._engine.model.state.calculationMode = x;
    });
  }
  /** Recorded on the sync's stats record (`suspendedCalculation`). */
  suspendApiCalculationUntilNextSync(): void {
    this._call('suspendApiCalculationUntilNextSync', [], () => this.context._engine.noteSuspend('calculation'));
  }
  /** Recorded on the sync's stats record (`suspendedScreenUpdating`). */
  suspendScreenUpdatingUntilNextSync(): void {
    this._call('suspendScreenUpdatingUntilNextSync', [], () => this.context._engine.noteSuspend('screenUpdating'));
  }
  /** Nothing to recalculate in the fake; counts as a call. */
  calculate(calculationType: string): void {
    this._call('calculate', [calculationType], () => {
      if (!enumValue(ExcelEnums.CalculationType, calculationType))
        throw officeError(ErrorCode.invalidArgument, 'Application.calculate');
    });
  }
}

export class WorkbookProtectionProxy extends ProxyBase<true> {
  constructor(workbook: WorkbookProxy) {
    super(workbook.context, 'WorkbookProtection', workbook, {
      resolve: () => true,
      stable: true,
      via: { member: 'protection', args: [] },
    });
  }
  _scalarNames(): readonly string[] {
    return ['protected'];
  }
  _read(name: string): unknown {
    if (name === 'protected') return this.context._engine.model.state.structureProtected;
    throw notImplemented('WorkbookProtection.' + name);
  }
  get protected(): boolean {
    return this._get('protected');
  }
  /** Protects the structure (no adding, deleting, renaming, moving or hiding sheets). Fails if already protected. */
  protect(password?: string): void {
    this._call('protect', password === undefined ? [] : [password], () => {
      const s = this.context._engine.model.state;
      if (s.structureProtected) throw officeError(ErrorCode.accessDenied, 'WorkbookProtection.protect');
      s.structureProtected = true;
      s.structurePassword = password ?? null;
    });
  }
  unprotect(password?: string): void {
    this._call('unprotect', password === undefined ? [] : [password], () => {
      const s = this.context._engine.model.state;
      if (!s.structureProtected) return;
      if (s.structurePassword !== null && s.structurePassword !== password)
        throw officeError(ErrorCode.badPassword, 'WorkbookProtection.unprotect');
      s.structureProtected = false;
      s.structurePassword = null;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Settings

/** JSON text of a setting value; InvalidArgument when it is not JSON-serialisable. */
export function settingJson(value: unknown, location: string): string {
  const ok = (v: unknown): boolean => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (Array.isArray(v)) return v.every(ok);
    if (typeof v === 'object') {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.values(v as Record<string, unknown>).every((x) => x === undefined || ok(x));
    }
    return false;
  };
  let text: string | undefined;
  try {
    text = ok(value) ? JSON.stringify(value) : undefined;
  } catch {
    text = undefined;
  }
  if (text === undefined) throw officeError(ErrorCode.invalidArgument, location);
  return text;
}

export class SettingCollectionProxy extends CollectionProxy<true, SettingProxy> {
  constructor(workbook: WorkbookProxy) {
    super(workbook.context, 'SettingCollection', workbook, { resolve: () => true, via: { member: 'settings', args: [] } });
  }
  _itemTargets(): unknown[] {
    return this.context._engine.model.state.settings.map((s) => s.key);
  }
  _makeItem(target: unknown): SettingProxy {
    return new SettingProxy(this, undefined, { member: 'items', args: [] }, target as string);
  }
  _itemScalarNames(): readonly string[] {
    return ['key', 'value'];
  }
  /** Adds or replaces a setting. Keys are case-sensitive; values must be JSON-serialisable. */
  add(key: string, value: unknown): SettingProxy {
    const proxy = new SettingProxy(this, undefined, { member: 'add', args: [key, value] });
    return this._callCreate('add', [key, value], proxy, () => {
      const loc = 'SettingCollection.add';
      if (typeof key !== 'string' || key === '') throw officeError(ErrorCode.invalidArgument, loc);
      const json = settingJson(value, loc);
      const model = this.context._engine.model;
      const existing = model.setting(key);
      if (existing) existing.json = json;
      else model.state.settings.push({ key, json });
      return key;
    });
  }
  getItem(key: string): SettingProxy {
    return this._find('getItem', key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return this._find('getItemOrNullObject', key, true);
  }
  private _find(member: string, key: string, orNull: boolean): SettingProxy {
    return new SettingProxy(
      this,
      () => {
        if (this.context._engine.model.setting(key)) return key;
        if (orNull) return null;
        throw officeError(ErrorCode.itemNotFound, 'SettingCollection.' + member);
      },
      { member, args: [key] },
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], () => this.context._engine.model.state.settings.length, 0);
  }
}

export class SettingProxy extends ProxyBase<string> {
  constructor(
    parent: SettingCollectionProxy,
    resolve: (() => string | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: string,
  ) {
    super(parent.context, 'Setting', parent, identityOptions(resolve, via, resolved));
  }
  private _state(key: string, loc = 'Setting'): { key: string; json: string } {
    const s = this.context._engine.model.setting(key);
    if (!s) throw officeError(ErrorCode.itemNotFound, loc);
    return s;
  }
  _scalarNames(): readonly string[] {
    return ['key', 'value'];
  }
  _read(name: string, key: string): unknown {
    const s = this._state(key);
    if (name === 'key') return s.key;
    if (name === 'value') return JSON.parse(s.json) as unknown;
    throw notImplemented('Setting.' + name);
  }
  get key(): string {
    return this._get('key');
  }
  get value(): unknown {
    return this._get('value');
  }
  set value(v: unknown) {
    this._set('value', v, (key) => {
      const loc = 'Setting.value';
      this._state(key, loc).json = settingJson(v, loc);
    });
  }
  delete(): void {
    this._call('delete', [], (key) => {
      const model = this.context._engine.model;
      this._state(key, 'Setting.delete');
      model.state.settings = model.state.settings.filter((s) => s.key !== key);
    });
  }
}
