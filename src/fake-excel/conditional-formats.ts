/**
 * Conditional formats. Only the Custom type (a formula rule with fill/font/number format) is
 * modelled; adding any other type throws "not implemented". Priorities are worksheet-wide: 0 is
 * the top, and `add` inserts at the top (as the typings say: "at the first/top priority").
 */

import { Rect, rectsIntersect } from './address';
import { enumValue, ExcelEnums } from './enums';
import { ErrorCode, notImplemented, officeError } from './errors';
import { ConditionalFormatState, SheetState } from './model';
import { clearConditionalFormats, ensureWritable, sheetOrThrow, sortRects } from './ops';
import { CollectionProxy, FakeClientResult, FakeContext, ProxyBase, ProxyOptions } from './proxy';
import { RangeAreasProxy, RangeProxy, RangeTarget } from './range';
import { normalizeColor } from './values';

export interface CFTarget {
  readonly sheetId: string;
  /** The fake's own identity of the rule (never shown: `id` is the rule's position). */
  readonly cfId: string;
  /** The range of the collection it was reached through (its `id` is its index there). */
  readonly scope: Rect;
}

function findCF(sheet: SheetState, id: string, location: string): ConditionalFormatState {
  const cf = sheet.conditionalFormats.find((c) => c.id === id);
  if (!cf) throw officeError(ErrorCode.itemNotFound, location);
  return cf;
}

function intersecting(sheet: SheetState, r: Rect): ConditionalFormatState[] {
  return sheet.conditionalFormats.filter((cf) => cf.ranges.some((x) => rectsIntersect(x, r)));
}

export class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget, ConditionalFormatProxy> {
  constructor(range: RangeProxy) {
    super(range.context, 'ConditionalFormatCollection', range, {
      resolve: () => range._target(),
      via: { member: 'conditionalFormats', args: [] },
    });
  }

  private _sheet(t: RangeTarget): SheetState {
    return sheetOrThrow(this.context._engine.model, t.sheetId, 'ConditionalFormatCollection');
  }

  _itemTargets(t: RangeTarget): unknown[] {
    return intersecting(this._sheet(t), t.rect).map((cf) => ({ sheetId: t.sheetId, cfId: cf.id, scope: t.rect }));
  }
  /**
   * An item of a loaded collection is reached again, in later syncs, by its id — its position —
   * as Office rebuilds an item's object path from its id: after a rule above it is deleted, the
   * same item names the next rule (what the issue saw in Excel; ids are priorities, typings).
   */
  _makeItem(target: unknown): ConditionalFormatProxy {
    const t = target as CFTarget;
    const sheet = sheetOrThrow(this.context._engine.model, t.sheetId, 'ConditionalFormatCollection');
    const index = intersecting(sheet, t.scope).findIndex((cf) => cf.id === t.cfId);
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => this._at(index, 'ConditionalFormat'),
      { member: 'items', args: [] },
      t,
      false,
    );
  }
  private _at(index: number, loc: string): CFTarget | null {
    const t = this._target();
    if (t === null) return null;
    const found = intersecting(this._sheet(t), t.rect)[index];
    if (!found) throw officeError(ErrorCode.itemNotFound, loc);
    return { sheetId: t.sheetId, cfId: found.id, scope: t.rect };
  }
  _itemScalarNames(): readonly string[] {
    return CF_SCALARS;
  }
  override _itemNavNames(): readonly string[] {
    return ['custom', 'customOrNullObject'];
  }

  add(type: string): ConditionalFormatProxy {
    const kind = enumValue(ExcelEnums.ConditionalFormatType, type);
    if (kind !== undefined && kind !== 'Custom') throw notImplemented('ConditionalFormatCollection.add("' + kind + '")');
    const proxy = new ConditionalFormatProxy(this.context, this, undefined, { member: 'add', args: [type] });
    return this._callCreate('add', [type], proxy, (t) => {
      const loc = 'ConditionalFormatCollection.add';
      if (kind === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      const model = this.context._engine.model;
      const sheet = this._sheet(t);
      ensureWritable(sheet, 'format', loc);
      model.state.counters.cfId++;
      const cf: ConditionalFormatState = {
        id: String(model.state.counters.cfId),
        type: 'Custom',
        ranges: [t.rect],
        stopIfTrue: false,
        formula: '',
        format: {},
      };
      sheet.conditionalFormats.unshift(cf);
      return { sheetId: t.sheetId, cfId: cf.id, scope: t.rect };
    });
  }

  getItem(id: string): ConditionalFormatProxy {
    return this._lookup('getItem', id, false);
  }
  getItemOrNullObject(id: string): ConditionalFormatProxy {
    return this._lookup('getItemOrNullObject', id, true);
  }
  /** By id, which is the rule's position (docs fetch the first rule with getItemOrNullObject("0")). */
  private _lookup(member: string, id: string, orNull: boolean): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => {
        const index = /^\d+$/.test(String(id)) ? Number(id) : -1;
        const t = this._target();
        if (t === null) return null;
        const found = index >= 0 ? intersecting(this._sheet(t), t.rect)[index] : undefined;
        if (!found) {
          if (orNull) return null;
          throw officeError(ErrorCode.itemNotFound, 'ConditionalFormatCollection.' + member);
        }
        return { sheetId: t.sheetId, cfId: found.id, scope: t.rect };
      },
      { member, args: [id] },
      undefined,
      false,
    );
  }
  getItemAt(index: number): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.context,
      this,
      () => this._at(index, 'ConditionalFormatCollection.getItemAt'),
      { member: 'getItemAt', args: [index] },
      undefined,
      false,
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (t) => intersecting(this._sheet(t), t.rect).length, 0);
  }
  /** Removes the range from every conditional format that covers part of it (Excel's clearAll). */
  clearAll(): void {
    this._call('clearAll', [], (t) => {
      const sheet = this._sheet(t);
      ensureWritable(sheet, 'format', 'ConditionalFormatCollection.clearAll');
      clearConditionalFormats(sheet, t.rect);
    });
  }
}

const CF_SCALARS = ['id', 'priority', 'stopIfTrue', 'type'] as const;

export class ConditionalFormatProxy extends ProxyBase<CFTarget> {
  constructor(
    ctx: FakeContext,
    parent: ProxyBase,
    resolve: (() => CFTarget | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: CFTarget,
    stable = true,
  ) {
    const options: ProxyOptions<CFTarget> = resolved
      ? { resolved, stable, via, resolve }
      : resolve
        ? { resolve, stable, via }
        : { created: true, stable: true, via };
    super(ctx, 'ConditionalFormat', parent, options);
  }

  _state(t: CFTarget, member = 'ConditionalFormat'): { sheet: SheetState; cf: ConditionalFormatState } {
    const sheet = sheetOrThrow(this.context._engine.model, t.sheetId, member);
    return { sheet, cf: findCF(sheet, t.cfId, member) };
  }

  _scalarNames(): readonly string[] {
    return CF_SCALARS;
  }
  _read(name: string, t: CFTarget): unknown {
    const { sheet, cf } = this._state(t);
    switch (name) {
      case 'id':
        return String(intersecting(sheet, t.scope).indexOf(cf));
      case 'priority':
        return sheet.conditionalFormats.indexOf(cf);
      case 'stopIfTrue':
        return cf.stopIfTrue;
      case 'type':
        return cf.type;
    }
    throw notImplemented('ConditionalFormat.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'custom') return this.custom;
    if (name === 'customOrNullObject') return this.customOrNullObject;
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }
  get type(): string {
    return this._get('type');
  }
  get priority(): number {
    return this._get('priority');
  }
  set priority(v: number) {
    this._set('priority', v, (t) => {
      const loc = 'ConditionalFormat.priority';
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw officeError(ErrorCode.invalidArgument, loc);
      const { sheet, cf } = this._state(t, loc);
      ensureWritable(sheet, 'format', loc);
      const list = sheet.conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      list.splice(Math.min(v, list.length), 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this._get('stopIfTrue');
  }
  set stopIfTrue(v: boolean) {
    this._set('stopIfTrue', v, (t) => {
      const loc = 'ConditionalFormat.stopIfTrue';
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
      const { sheet, cf } = this._state(t, loc);
      ensureWritable(sheet, 'format', loc);
      cf.stopIfTrue = v;
    });
  }

  get custom(): CustomConditionalFormatProxy {
    return this._child('custom', () => new CustomConditionalFormatProxy(this, false));
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this._child('customOrNullObject', () => new CustomConditionalFormatProxy(this, true));
  }

  delete(): void {
    this._call('delete', [], (t) => {
      const { sheet, cf } = this._state(t, 'ConditionalFormat.delete');
      ensureWritable(sheet, 'format', 'ConditionalFormat.delete');
      sheet.conditionalFormats = sheet.conditionalFormats.filter((x) => x !== cf);
    });
  }

  /** The range the format applies to; InvalidOperation when it applies to several areas. */
  getRange(): RangeProxy {
    return this._range('getRange', false);
  }
  /** The range the format applies to; a null object when it applies to several areas. */
  getRangeOrNullObject(): RangeProxy {
    return this._range('getRangeOrNullObject', true);
  }
  private _range(member: string, orNull: boolean): RangeProxy {
    const loc = 'ConditionalFormat.' + member;
    return new RangeProxy(
      this.context,
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        const { cf } = this._state(t, loc);
        if (cf.ranges.length !== 1) {
          if (orNull) return null;
          throw officeError(ErrorCode.invalidOperation, loc);
        }
        return { sheetId: t.sheetId, rect: cf.ranges[0] };
      },
      { member, args: [] },
    );
  }
  getRanges(): RangeAreasProxy {
    return new RangeAreasProxy(
      this.context,
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        const { cf } = this._state(t, 'ConditionalFormat.getRanges');
        const rects = [...cf.ranges];
        sortRects(rects);
        return { sheetId: t.sheetId, rects };
      },
      { member: 'getRanges', args: [] },
    );
  }
}

export class CustomConditionalFormatProxy extends ProxyBase<CFTarget> {
  readonly _cf: ConditionalFormatProxy;
  constructor(cf: ConditionalFormatProxy, orNull: boolean) {
    super(cf.context, 'CustomConditionalFormat', cf, {
      resolve: () => {
        const t = cf._target();
        if (t === null) return null;
        const { cf: state } = cf._state(t);
        if (state.type !== 'Custom') {
          if (orNull) return null;
          throw officeError(ErrorCode.invalidOperation, 'ConditionalFormat.custom');
        }
        return t;
      },
      via: { member: orNull ? 'customOrNullObject' : 'custom', args: [] },
    });
    this._cf = cf;
  }
  _scalarNames(): readonly string[] {
    return [];
  }
  _read(name: string): unknown {
    throw notImplemented('CustomConditionalFormat.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'rule') return this.rule;
    if (name === 'format') return this.format;
    return undefined;
  }
  get rule(): ConditionalFormatRuleProxy {
    return this._child('rule', () => new ConditionalFormatRuleProxy(this));
  }
  get format(): ConditionalRangeFormatProxy {
    return this._child('format', () => new ConditionalRangeFormatProxy(this));
  }
}

/** Base for the parts of a custom conditional format (rule, format, fill, font). */
abstract class CFPart extends ProxyBase<CFTarget> {
  readonly _cfProxy: ConditionalFormatProxy;
  constructor(parent: ProxyBase<CFTarget>, cf: ConditionalFormatProxy, typeName: string, member: string) {
    super(parent.context, typeName, parent, { resolve: () => parent._target(), via: { member, args: [] } });
    this._cfProxy = cf;
  }
  _cfState(t: CFTarget, loc: string): ConditionalFormatState {
    return this._cfProxy._state(t, loc).cf;
  }
  _update(member: string, value: unknown, apply: (cf: ConditionalFormatState, loc: string) => void): void {
    const loc = this._typeName + '.' + member;
    this._set(member, value, (t) => {
      const { sheet, cf } = this._cfProxy._state(t, loc);
      ensureWritable(sheet, 'format', loc);
      apply(cf, loc);
    });
  }
}

export class ConditionalFormatRuleProxy extends CFPart {
  constructor(parent: CustomConditionalFormatProxy) {
    super(parent, parent._cf, 'ConditionalFormatRule', 'rule');
  }
  _scalarNames(): readonly string[] {
    return ['formula', 'formulaLocal'];
  }
  _read(name: string, t: CFTarget): unknown {
    if (name === 'formula' || name === 'formulaLocal') return this._cfState(t, 'ConditionalFormatRule').formula;
    throw notImplemented('ConditionalFormatRule.' + name);
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._update('formula', v, (cf, loc) => {
      if (typeof v !== 'string' || v === '') throw officeError(ErrorCode.invalidArgument, loc);
      cf.formula = v;
    });
  }
  get formulaLocal(): string {
    return this._get('formulaLocal');
  }
  set formulaLocal(v: string) {
    this._update('formulaLocal', v, (cf, loc) => {
      if (typeof v !== 'string' || v === '') throw officeError(ErrorCode.invalidArgument, loc);
      cf.formula = v;
    });
  }
}

export class ConditionalRangeFormatProxy extends CFPart {
  constructor(parent: CustomConditionalFormatProxy) {
    super(parent, parent._cf, 'ConditionalRangeFormat', 'format');
  }
  _scalarNames(): readonly string[] {
    return ['numberFormat'];
  }
  _read(name: string, t: CFTarget): unknown {
    if (name === 'numberFormat') return this._cfState(t, 'ConditionalRangeFormat').format.numberFormat ?? null;
    throw notImplemented('ConditionalRangeFormat.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'fill') return this.fill;
    if (name === 'font') return this.font;
    return undefined;
  }
  get fill(): ConditionalRangeFillProxy {
    return this._child('fill', () => new ConditionalRangeFillProxy(this));
  }
  get font(): ConditionalRangeFontProxy {
    return this._child('font', () => new ConditionalRangeFontProxy(this));
  }
  get numberFormat(): string {
    return this._get('numberFormat');
  }
  set numberFormat(v: string) {
    this._update('numberFormat', v, (cf, loc) => {
      if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
      cf.format.numberFormat = v;
    });
  }
}

export class ConditionalRangeFillProxy extends CFPart {
  constructor(parent: ConditionalRangeFormatProxy) {
    super(parent, parent._cfProxy, 'ConditionalRangeFill', 'fill');
  }
  _scalarNames(): readonly string[] {
    return ['color'];
  }
  _read(name: string, t: CFTarget): unknown {
    if (name === 'color') return this._cfState(t, 'ConditionalRangeFill').format.fill ?? null;
    throw notImplemented('ConditionalRangeFill.' + name);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._update('color', v, (cf, loc) => {
      cf.format.fill = normalizeColor(v, loc);
    });
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const { sheet, cf } = this._cfProxy._state(t, 'ConditionalRangeFill.clear');
      ensureWritable(sheet, 'format', 'ConditionalRangeFill.clear');
      delete cf.format.fill;
    });
  }
}

export class ConditionalRangeFontProxy extends CFPart {
  constructor(parent: ConditionalRangeFormatProxy) {
    super(parent, parent._cfProxy, 'ConditionalRangeFont', 'font');
  }
  _scalarNames(): readonly string[] {
    return ['bold', 'color', 'italic', 'strikethrough', 'underline'];
  }
  _read(name: string, t: CFTarget): unknown {
    const f = this._cfState(t, 'ConditionalRangeFont').format;
    switch (name) {
      case 'bold':
        return f.fontBold ?? null;
      case 'italic':
        return f.fontItalic ?? null;
      case 'color':
        return f.fontColor ?? null;
      case 'strikethrough':
        return f.fontStrikethrough ?? null;
      case 'underline':
        return f.fontUnderline ?? null;
    }
    throw notImplemented('ConditionalRangeFont.' + name);
  }
  private _bool(member: 'bold' | 'italic' | 'strikethrough', v: unknown): void {
    this._update(member, v, (cf, loc) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
      if (member === 'bold') cf.format.fontBold = v;
      else if (member === 'italic') cf.format.fontItalic = v;
      else cf.format.fontStrikethrough = v;
    });
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._bool('bold', v);
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._bool('italic', v);
  }
  get strikethrough(): boolean {
    return this._get('strikethrough');
  }
  set strikethrough(v: boolean) {
    this._bool('strikethrough', v);
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._update('color', v, (cf, loc) => {
      cf.format.fontColor = normalizeColor(v, loc);
    });
  }
  get underline(): string {
    return this._get('underline');
  }
  set underline(v: string) {
    this._update('underline', v, (cf, loc) => {
      const x = enumValue({ none: 'None', single: 'Single', double: 'Double' }, v);
      if (x === undefined) throw officeError(ErrorCode.invalidArgument, loc);
      cf.format.fontUnderline = x;
    });
  }
  clear(): void {
    this._call('clear', [], (t) => {
      const { sheet, cf } = this._cfProxy._state(t, 'ConditionalRangeFont.clear');
      ensureWritable(sheet, 'format', 'ConditionalRangeFont.clear');
      delete cf.format.fontBold;
      delete cf.format.fontItalic;
      delete cf.format.fontColor;
      delete cf.format.fontStrikethrough;
      delete cf.format.fontUnderline;
    });
  }
}
