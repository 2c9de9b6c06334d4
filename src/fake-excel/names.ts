/**
 * Named items (workbook.names): workbook-scoped names that refer to a range. The range moves
 * with inserted and deleted cells (structure.ts) and becomes #REF! when its cells or its sheet
 * are deleted. Typings (NamedItemCollection.add, getItem, getItemOrNullObject; NamedItem.name,
 * type, value, formula, visible, comment, getRange, getRangeOrNullObject, delete). Names follow
 * Excel's rules: a letter, "_" or "\" first, then letters, digits, "_", "." or "\"; not a cell
 * reference; unique ignoring case (ItemAlreadyExists).
 */

import { Rect, columnLetters, quoteSheetName, sameName } from './address';
import { ErrorCode, notImplemented, officeError } from './errors';
import { NameState } from './model';
import { CollectionProxy, FakeClientResult, ProxyBase, identityOptions } from './proxy';
import { RangeProxy, rangeArgument } from './range';

export function isValidName(name: unknown): name is string {
  if (typeof name !== 'string' || name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*([Cc]\d*)?$/.test(name) || /^[Cc]\d*$/.test(name)) return false;
  return true;
}

/** =Sheet!$F$7:$F$141 */
export function referenceText(sheetName: string, r: Rect): string {
  const cell = (row: number, col: number) => `$${columnLetters(col)}$${row + 1}`;
  const a = cell(r.top, r.left);
  const b = cell(r.bottom, r.right);
  return `=${quoteSheetName(sheetName)}!${a === b ? a : `${a}:${b}`}`;
}

export class NamedItemCollectionProxy extends CollectionProxy<true, NamedItemProxy> {
  constructor(workbook: ProxyBase) {
    super(workbook.context, 'NamedItemCollection', workbook, { resolve: () => true, via: { member: 'names', args: [] } });
  }
  _itemTargets(): unknown[] {
    return this.context._engine.model.state.names.map((n) => n.name);
  }
  _makeItem(target: unknown): NamedItemProxy {
    return new NamedItemProxy(this, undefined, { member: 'items', args: [] }, target as string);
  }
  _itemScalarNames(): readonly string[] {
    return NAME_SCALARS;
  }

  add(name: string, reference: unknown, comment?: string): NamedItemProxy {
    const args = comment === undefined ? [name, reference] : [name, reference, comment];
    const proxy = new NamedItemProxy(this, undefined, { member: 'add', args });
    return this._callCreate('add', args, proxy, () => {
      const loc = 'NamedItemCollection.add';
      const model = this.context._engine.model;
      if (!isValidName(name)) throw officeError(ErrorCode.invalidArgument, loc);
      if (model.state.names.some((n) => sameName(n.name, name))) throw officeError(ErrorCode.itemAlreadyExists, loc);
      if (typeof reference === 'string' && !reference.includes('!')) throw notImplemented('NamedItemCollection.add(formula)');
      const ref = rangeArgument(this.context, typeof reference === 'string' ? reference.replace(/^=/, '') : reference, '', loc);
      if (ref === null || !model.sheetById(ref.sheetId)) throw officeError(ErrorCode.invalidArgument, loc);
      model.state.names.push({ name, sheetId: ref.sheetId, rect: ref.rect, comment: comment ?? '', visible: true });
      return name;
    });
  }
  getItem(name: string): NamedItemProxy {
    return this._find('getItem', name, false);
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return this._find('getItemOrNullObject', name, true);
  }
  private _find(member: string, name: string, orNull: boolean): NamedItemProxy {
    return new NamedItemProxy(
      this,
      () => {
        const found = this.context._engine.model.state.names.find((n) => sameName(n.name, name));
        if (found) return found.name;
        if (orNull) return null;
        throw officeError(ErrorCode.itemNotFound, 'NamedItemCollection.' + member);
      },
      { member, args: [name] },
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], () => this.context._engine.model.state.names.length, 0);
  }
}

const NAME_SCALARS = ['name', 'type', 'value', 'formula', 'visible', 'comment', 'scope'] as const;

export class NamedItemProxy extends ProxyBase<string> {
  constructor(
    parent: NamedItemCollectionProxy,
    resolve: (() => string | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: string,
  ) {
    super(parent.context, 'NamedItem', parent, identityOptions(resolve, via, resolved));
  }
  _state(name: string, loc = 'NamedItem'): NameState {
    const n = this.context._engine.model.state.names.find((x) => x.name === name);
    if (!n) throw officeError(ErrorCode.itemNotFound, loc);
    return n;
  }
  private _formula(n: NameState): string {
    const sheet = this.context._engine.model.sheetById(n.sheetId);
    return n.rect && sheet ? referenceText(sheet.name, n.rect) : '=#REF!';
  }
  _scalarNames(): readonly string[] {
    return NAME_SCALARS;
  }
  _read(prop: string, name: string): unknown {
    const n = this._state(name);
    switch (prop) {
      case 'name':
        return n.name;
      case 'type':
        return n.rect ? 'Range' : 'Error';
      case 'value':
        return n.rect ? this._formula(n).slice(1) : '#REF!';
      case 'formula':
        return this._formula(n);
      case 'visible':
        return n.visible;
      case 'comment':
        return n.comment;
      case 'scope':
        return 'Workbook';
    }
    throw notImplemented('NamedItem.' + prop);
  }
  get name(): string {
    return this._get('name');
  }
  get type(): string {
    return this._get('type');
  }
  get value(): unknown {
    return this._get('value');
  }
  get formula(): string {
    return this._get('formula');
  }
  get scope(): string {
    return this._get('scope');
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._set('visible', v, (name) => {
      if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, 'NamedItem.visible');
      this._state(name, 'NamedItem.visible').visible = v;
    });
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._set('comment', v, (name) => {
      if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, 'NamedItem.comment');
      this._state(name, 'NamedItem.comment').comment = v;
    });
  }
  delete(): void {
    this._call('delete', [], (name) => {
      const model = this.context._engine.model;
      this._state(name, 'NamedItem.delete');
      model.state.names = model.state.names.filter((n) => n.name !== name);
    });
  }
  /** The range it refers to; InvalidOperation when it refers to #REF! (typings: "Throws an error if the named item's type is not a range"). */
  getRange(): RangeProxy {
    return this._range('getRange', false);
  }
  getRangeOrNullObject(): RangeProxy {
    return this._range('getRangeOrNullObject', true);
  }
  private _range(member: string, orNull: boolean): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      () => {
        const name = this._target();
        if (name === null) return null;
        const n = this._state(name, 'NamedItem.' + member);
        if (n.rect === null || !this.context._engine.model.sheetById(n.sheetId)) {
          if (orNull) return null;
          throw officeError(ErrorCode.invalidOperation, 'NamedItem.' + member);
        }
        return { sheetId: n.sheetId, rect: n.rect };
      },
      { member, args: [] },
    );
  }
}
