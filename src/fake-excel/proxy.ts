/**
 * Proxy objects and the request context they queue commands on.
 *
 * As in Office.js: creating a proxy (getRange, getItem, a navigation property) touches no state
 * and queues an "instantiate" step; property sets, method calls and loads are queued; everything
 * runs in order at `context.sync()`. A queued object path is resolved at its place in the queue
 * (so `worksheets.add('X')` then `getItem('X')` in one batch works). Loaded values reach the
 * proxies only when the whole sync succeeds. Reading a property that was neither loaded (and
 * synced) nor set on this proxy throws PropertyNotLoaded; like Office.js, a property you set can
 * be read back from the same proxy before any sync (the runtime keeps the assigned value).
 *
 * Every proxy is wrapped in a JS Proxy: touching a member the fake does not model throws
 * "FakeExcel: Type.member is not implemented" at once, so no test passes against a silent stub.
 */

import { apiNotFound, gateOf } from './api-sets';
import { ErrorCode, FakeOfficeError, notImplemented, officeError, propertyNotLoaded } from './errors';
import { SheetState, WorkbookModel } from './model';
import { CellContent } from './values';

export type CommandKind = 'instantiate' | 'set' | 'method' | 'load';

export interface Command {
  readonly kind: CommandKind;
  readonly proxy: ProxyBase;
  readonly member: string;
  readonly args: readonly unknown[];
  readonly exec: () => void;
  /** Only for trace markers. */
  readonly trace?: string;
}

/** What proxies need from the engine (implemented by FakeExcel) while a sync executes. */
export interface Engine {
  readonly model: WorkbookModel;
  /** Sequence number of the sync now executing (0 outside a sync). */
  readonly seq: number;
  readonly executing: boolean;
  evaluate(sheet: SheetState, formula: string): CellContent;
  noteResolved(p: ProxyBase): void;
  respond(value: unknown): void;
  deliver(fn: () => void): void;
  noteSuspend(kind: 'calculation' | 'screenUpdating'): void;
  noteSelection(): void;
  /** Whether the host supports a requirement set at that version (Office.context.requirements.isSetSupported). */
  supports(set: string, version: string): boolean;
}

/** `OfficeExtension.ClientResult<T>`: `value` readable after the sync that computes it. */
export class FakeClientResult<T> {
  private _value: T | undefined;
  private _has = false;
  get value(): T {
    if (!this._has) throw officeError(ErrorCode.valueNotLoaded, 'ClientResult.value');
    return this._value as T;
  }
  _setValue(v: T): void {
    this._value = v;
    this._has = true;
  }
  toJSON(): unknown {
    return { value: this._has ? this._value : undefined };
  }
}

/** Keys that must answer `undefined` rather than throw (promise resolution, jest, JSON, devtools). */
const QUIET_KEYS = new Set([
  'then',
  'catch',
  'constructor',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'toJSON',
  'toString',
  'valueOf',
  'inspect',
  'length',
  'prototype',
  'window',
  'document',
  'jasmineToString',
]);

export interface LoadPathSpec {
  /** Scalar property names to load on this proxy ('*' = all scalars). */
  readonly props: Set<string>;
}

/** Per-context bookkeeping: the queue, proxy counting, traces. */
export class FakeContext {
  readonly _engine: Engine;
  readonly _id: number;
  _queue: Command[] = [];
  _newProxies = 0;
  _finished = false;
  _workbook: ProxyBase | undefined;
  _application: ProxyBase | undefined;
  _runSync: (ctx: FakeContext, implicit: boolean) => Promise<void>;
  _makeRoots: (ctx: FakeContext) => { workbook: ProxyBase; application: ProxyBase };
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };

  constructor(
    engine: Engine,
    id: number,
    runSync: (ctx: FakeContext, implicit: boolean) => Promise<void>,
    makeRoots: (ctx: FakeContext) => { workbook: ProxyBase; application: ProxyBase },
  ) {
    this._engine = engine;
    this._id = id;
    this._runSync = runSync;
    this._makeRoots = makeRoots;
  }

  get workbook(): ProxyBase {
    this._ensureRoots();
    return this._workbook as ProxyBase;
  }

  get application(): ProxyBase {
    this._ensureRoots();
    return this._application as ProxyBase;
  }

  private _ensureRoots(): void {
    if (!this._workbook) {
      const roots = this._makeRoots(this);
      this._workbook = roots.workbook;
      this._application = roots.application;
    }
  }

  sync<T>(passThroughValue?: T): Promise<T | undefined> {
    return this._runSync(this, false).then(() => passThroughValue);
  }

  load(object: ProxyBase, option?: unknown): ProxyBase {
    return object.load(option);
  }

  /** Adds a marker that reaches `error.traceMessages` if a later command in the batch fails. */
  trace(message: string): void {
    const root = this.workbook;
    this._queue.push({ kind: 'method', proxy: root, member: 'trace', args: [message], exec: () => undefined, trace: message });
  }

  _push(cmd: Command): void {
    if (this._finished) throw officeError(ErrorCode.invalidObjectPath, cmd.proxy._typeName + '.' + cmd.member);
    this._queue.push(cmd);
  }
}

let nextProxyId = 1;

export interface ProxyOptions<T> {
  /** How to find the object at sync time (pure: re-run in later syncs when not stable). */
  resolve?: () => T | null;
  /** Created by a state-changing method (add): resolved by that command, never re-run. */
  created?: boolean;
  /** Already resolved (collection items built from a load result). */
  resolved?: T | null;
  /** Bound to an identity (sheet id, table id …) after its first resolution. */
  stable?: boolean;
  /** Root objects (workbook, application) are neither counted nor instantiated. */
  root?: boolean;
  /** Member and arguments that created it (for the request-size estimate and error locations). */
  via?: { member: string; args: readonly unknown[] };
}

/**
 * Options of an object bound to an identity (a sheet, table, chart, setting): already resolved
 * (a collection item from a load result, re-found by `resolve` if given after a failed sync),
 * found by `resolve` at sync time, or — with neither — made by the add command that returns it.
 */
export function identityOptions<T>(
  resolve: (() => T | null) | undefined,
  via: { member: string; args: readonly unknown[] },
  resolved?: T,
): ProxyOptions<T> {
  if (resolved !== undefined) return { resolved, stable: true, via, resolve };
  return resolve ? { resolve, stable: true, via } : { created: true, stable: true, via };
}

/**
 * Base of every fake Office object. T is what the proxy resolves to at sync time (a sheet id, a
 * { sheetId, rect } for ranges …); null means a null object (`isNullObject`).
 */
export abstract class ProxyBase<T = unknown> {
  readonly context: FakeContext;
  readonly _typeName: string;
  readonly _pid: number;
  readonly _parent: ProxyBase | null;
  _resolver: (() => T | null) | undefined;
  _created: boolean;
  _stable: boolean;
  _resolved: T | null | undefined = undefined;
  _resolvedSeq = -1;
  _invalid = false;
  _isNull: boolean | undefined = undefined;
  _loaded = new Map<string, unknown>();
  _nav = new Map<string, ProxyBase>();
  _via: { member: string; args: readonly unknown[] } | undefined;

  constructor(context: FakeContext, typeName: string, parent: ProxyBase | null, options: ProxyOptions<T>) {
    this.context = context;
    this._typeName = typeName;
    this._pid = nextProxyId++;
    this._parent = parent;
    this._resolver = options.resolve;
    this._created = options.created === true;
    this._stable = options.stable === true;
    this._via = options.via;
    const engine = context._engine;
    if ('resolved' in options) {
      this._resolved = options.resolved;
      this._resolvedSeq = engine.seq;
      this._isNull = options.resolved === null;
    }
    const wrapped = wrapProxy(this);
    if (!options.root && !engine.executing && !('resolved' in options)) {
      context._newProxies++;
      if (!this._created) {
        context._push({
          kind: 'instantiate',
          proxy: wrapped,
          member: options.via?.member ?? typeName,
          args: options.via?.args ?? [],
          exec: () => {
            (wrapped as ProxyBase<T>)._target();
          },
        });
      }
    } else if (!options.root && engine.executing && !('resolved' in options) && this._resolver) {
      // Created while a load result is being processed (item navigation): resolve right away.
      (wrapped as ProxyBase<T>)._target();
    }
    return wrapped as this;
  }

  // -- resolution -----------------------------------------------------------------------------

  /** The resolved target, resolving now if this object path has not been resolved in this sync. */
  _target(): T | null {
    const engine = this.context._engine;
    if (this.context._finished) throw officeError(ErrorCode.invalidObjectPath, this._typeName);
    if (this._invalid) throw officeError(ErrorCode.invalidObjectPath, this._typeName);
    if (this._resolved !== undefined && (this._stable || this._resolvedSeq === engine.seq)) return this._resolved;
    if (this._created || !this._resolver) {
      if (this._resolved !== undefined) return this._resolved;
      throw officeError(ErrorCode.invalidObjectPath, this._typeName);
    }
    const r = this._resolver();
    this._setResolved(r);
    return r;
  }

  _setResolved(r: T | null): void {
    this._resolved = r;
    this._resolvedSeq = this.context._engine.seq;
    this.context._engine.noteResolved(this);
  }

  /** After a failed sync: forget what was resolved in it; objects made by it become unusable. */
  _resetAfterFailure(): void {
    this._resolved = undefined;
    this._resolvedSeq = -1;
    if (this._created) this._invalid = true;
  }

  // -- client-side reads ----------------------------------------------------------------------

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw propertyNotLoaded(null, 'isNullObject');
    return this._isNull;
  }

  _get<V = unknown>(name: string): V {
    if (this._loaded.has(name)) return this._loaded.get(name) as V;
    if (this._isNull === true) return undefined as V;
    throw propertyNotLoaded(this._typeName, name);
  }

  // -- queueing -------------------------------------------------------------------------------

  /** Queues a property set; `apply` runs at sync on the resolved target (skipped for null objects). */
  _set(name: string, value: unknown, apply: (t: T) => void, echo = true): void {
    if (echo) this._loaded.set(name, value);
    this.context._push({
      kind: 'set',
      proxy: this,
      member: name,
      args: [value],
      exec: () => {
        const t = this._target();
        if (t !== null) apply(t);
      },
    });
  }

  _call(name: string, args: readonly unknown[], apply: (t: T) => void): void {
    this.context._push({
      kind: 'method',
      proxy: this,
      member: name,
      args,
      exec: () => {
        const t = this._target();
        if (t !== null) apply(t);
      },
    });
  }

  _callResult<R>(name: string, args: readonly unknown[], compute: (t: T) => R, whenNull: R): FakeClientResult<R> {
    const result = new FakeClientResult<R>();
    const engine = this.context._engine;
    this.context._push({
      kind: 'method',
      proxy: this,
      member: name,
      args,
      exec: () => {
        const t = this._target();
        const v = t === null ? whenNull : compute(t);
        engine.respond(v);
        engine.deliver(() => result._setValue(v));
      },
    });
    return result;
  }

  /** Queues a method that creates an object (add): `make` runs at sync and returns its target. */
  _callCreate<P extends ProxyBase<R>, R>(name: string, args: readonly unknown[], proxy: P, make: (t: T) => R): P {
    this.context._push({
      kind: 'method',
      proxy: this,
      member: name,
      args,
      exec: () => {
        const t = this._target();
        proxy._setResolved(t === null ? null : make(t));
      },
    });
    return proxy;
  }

  /** A navigation property: one child proxy per parent, created on first access. */
  _child<P extends ProxyBase>(name: string, make: () => P): P {
    const existing = this._nav.get(name);
    if (existing) return existing as P;
    const p = make();
    this._nav.set(name, p);
    return p;
  }

  // -- loading --------------------------------------------------------------------------------

  /** Scalar properties `load()` without arguments loads. */
  abstract _scalarNames(): readonly string[];
  /** Reads one scalar property from the model for a resolved target. */
  abstract _read(name: string, target: T): unknown;
  /** Navigation properties usable in load paths (name → child proxy). */
  _navigate(name: string): ProxyBase | undefined {
    void name;
    return undefined;
  }

  load(option?: unknown): this {
    const plan = new Map<ProxyBase, Set<string>>();
    const add = (p: ProxyBase, prop: string) => {
      let s = plan.get(p);
      if (!s) plan.set(p, (s = new Set()));
      s.add(prop);
    };
    const paths = parseLoadOption(option);
    if (paths.length === 0) add(this, '*');
    for (const path of paths) this._planPath(path, add);
    this.context._push({
      kind: 'load',
      proxy: this,
      member: 'load',
      args: [paths.map((p) => p.join('/'))],
      exec: () => {
        for (const [p, props] of plan) p._execLoad(props);
      },
    });
    return this;
  }

  /** Routes a load path to the proxy that owns its last segment. */
  _planPath(path: string[], add: (p: ProxyBase, prop: string) => void): void {
    if (path.length === 0) return;
    const [head, ...rest] = path;
    if (rest.length === 0) {
      if (head === '*' || this._scalarNames().includes(head)) add(this, head);
      else if (this._navigate(head)) add(this._navigate(head) as ProxyBase, '*');
      else throw notImplemented(this._typeName + '.' + head + ' (load)');
      return;
    }
    const child = this._navigate(head);
    if (!child) throw notImplemented(this._typeName + '.' + head + ' (load)');
    child._planPath(rest, add);
  }

  /** Executes a load at sync: computes the values and delivers them if the sync succeeds. */
  _execLoad(props: Set<string>): void {
    const engine = this.context._engine;
    const t = this._target();
    if (t === null) return;
    const names = props.has('*') ? this._scalarNames() : [...props];
    const values: Record<string, unknown> = {};
    for (const n of names) values[n] = this._read(n, t);
    engine.respond(values);
    engine.deliver(() => {
      for (const n of names) this._loaded.set(n, values[n]);
    });
  }

  // -- Office.js odds and ends ----------------------------------------------------------------

  track(): this {
    return this;
  }
  untrack(): this {
    return this;
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = v instanceof ProxyBase ? v.toJSON() : v;
    for (const [k, child] of this._nav) {
      const j = child.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }

  /** Where errors from this object's commands point (Office's debugInfo.errorLocation). */
  _location(member: string): string {
    return this._typeName + '.' + member;
  }
}

/** A collection: `items` arrives with a load; item properties load through 'items/…' paths. */
export abstract class CollectionProxy<T, I extends ProxyBase> extends ProxyBase<T> {
  /** The items' targets at sync time. */
  abstract _itemTargets(t: T): unknown[];
  /** A pre-resolved item proxy for a target. */
  abstract _makeItem(target: unknown): I;
  /** An item proxy's class, for routing 'items/x' load paths. */
  abstract _itemScalarNames(): readonly string[];

  get items(): I[] {
    return this._get<I[]>('items');
  }

  _scalarNames(): readonly string[] {
    return [];
  }
  _read(name: string): unknown {
    throw notImplemented(this._typeName + '.' + name);
  }

  override load(option?: unknown): this {
    const paths = parseLoadOption(option).map((p) => (p[0] === 'items' ? p.slice(1) : p));
    const itemPaths = paths.filter((p) => p.length > 0);
    const paging = pagingOf(option);
    // Validate item paths now (unknown members fail at once) against a throwaway plan.
    const itemScalars = this._itemScalarNames();
    for (const p of itemPaths)
      if (p.length === 1 && p[0] !== '*' && !itemScalars.includes(p[0]) && !this._itemNavNames().includes(p[0]))
        throw notImplemented(this._typeName + '.items/' + p[0] + ' (load)');
    this.context._push({
      kind: 'load',
      proxy: this,
      member: 'load',
      args: [paths.map((p) => ['items', ...p].join('/'))],
      exec: () => this._execCollectionLoad(itemPaths, paging),
    });
    return this;
  }

  /** In a load path through this collection ('areas/items/address'): load items. */
  override _planPath(path: string[], add: (p: ProxyBase, prop: string) => void): void {
    const rest = path[0] === 'items' ? path.slice(1) : path;
    add(this, ['items', ...rest].join('/'));
  }

  override _execLoad(props: Set<string>): void {
    const itemPaths = [...props].map((p) => p.split('/').slice(1)).filter((p) => p.length > 0);
    this._execCollectionLoad(itemPaths, {});
  }

  /** Navigation names items accept in load paths ('items/title/text'). */
  _itemNavNames(): readonly string[] {
    return [];
  }

  _execCollectionLoad(itemPaths: string[][], paging: { top?: number; skip?: number }): void {
    const engine = this.context._engine;
    const t = this._target();
    if (t === null) return;
    let targets = this._itemTargets(t);
    if (paging.skip) targets = targets.slice(paging.skip);
    if (paging.top !== undefined) targets = targets.slice(0, paging.top);
    const items = targets.map((x) => this._makeItem(x));
    const plan = new Map<ProxyBase, Set<string>>();
    const add = (p: ProxyBase, prop: string) => {
      let s = plan.get(p);
      if (!s) plan.set(p, (s = new Set()));
      s.add(prop);
    };
    for (const item of items) {
      if (itemPaths.length === 0) add(item, '*');
      for (const path of itemPaths) item._planPath(path, add);
    }
    for (const [p, props] of plan) p._execLoad(props);
    engine.deliver(() => this._loaded.set('items', items));
  }

  override toJSON(): Record<string, unknown> {
    const items = this._loaded.get('items');
    return { items: Array.isArray(items) ? items.map((i: ProxyBase) => i.toJSON()) : [] };
  }
}

function pagingOf(option: unknown): { top?: number; skip?: number } {
  if (option && typeof option === 'object' && !Array.isArray(option)) {
    const o = option as { top?: unknown; skip?: unknown };
    return {
      top: typeof o.top === 'number' ? o.top : undefined,
      skip: typeof o.skip === 'number' ? o.skip : undefined,
    };
  }
  return {};
}

/** Turns any Office.js load argument into a list of paths (['format','fill','color']). */
export function parseLoadOption(option: unknown): string[][] {
  if (option === undefined || option === null) return [];
  const fromString = (s: string) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter((x) => x.length > 0)
      .map((x) => x.split('/').map((y) => y.trim()));
  if (typeof option === 'string') return fromString(option);
  if (Array.isArray(option)) return option.flatMap((x) => (typeof x === 'string' ? fromString(x) : []));
  if (typeof option === 'object') {
    const o = option as Record<string, unknown>;
    if ('select' in o || 'expand' in o) {
      const out: string[][] = [];
      if (typeof o.select === 'string') out.push(...fromString(o.select));
      if (Array.isArray(o.select)) out.push(...parseLoadOption(o.select));
      if (typeof o.expand === 'string') out.push(...fromString(o.expand));
      return out;
    }
    const out: string[][] = [];
    const walk = (obj: Record<string, unknown>, prefix: string[]) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === '$all') {
          if (v === true) out.push([...prefix, '*']);
        } else if (v === true) out.push([...prefix, k]);
        else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
      }
    };
    walk(o, []);
    return out;
  }
  throw officeError(ErrorCode.invalidArgument, 'load');
}

function findDescriptor(obj: object, key: string): PropertyDescriptor | undefined {
  let o: object | null = obj;
  while (o) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
    o = Object.getPrototypeOf(o) as object | null;
  }
  return undefined;
}

function wrapProxy<P extends ProxyBase>(target: P): P {
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'symbol') return Reflect.get(t, key, receiver) as unknown;
      if (key in t) {
        const gate = gateOf(t._typeName, key);
        const engine = t.context._engine;
        // A member of a requirement set the host lacks (api-sets.ts): the runtime refuses it on
        // the client, a method when called, a getter when read (after the not-loaded check).
        if (gate && !engine.executing && !engine.supports(gate.set, gate.version)) {
          const member = t._typeName + '.' + key;
          if (gate.method)
            return () => {
              throw apiNotFound(member, gate);
            };
          if (t._scalarNames().includes(key) && !t._loaded.has(key) && t._isNull !== true) return Reflect.get(t, key, receiver);
          throw apiNotFound(member, gate);
        }
        return Reflect.get(t, key, receiver) as unknown;
      }
      if (QUIET_KEYS.has(key) || key.startsWith('_') || key.startsWith('$$') || key.startsWith('@@')) return undefined;
      throw notImplemented(t._typeName + '.' + key);
    },
    set(t, key, value, receiver) {
      if (typeof key === 'symbol' || key.startsWith('_') || Object.prototype.hasOwnProperty.call(t, key))
        return Reflect.set(t, key, value, receiver);
      const d = findDescriptor(t, key);
      if (d?.set) return Reflect.set(t, key, value, receiver);
      if (d) {
        throw new FakeOfficeError(
          ErrorCode.invalidArgument,
          "The property '" + key + "' is read-only and it cannot be updated.",
          t._typeName + '.' + key,
        );
      }
      throw notImplemented(t._typeName + '.' + key + ' (set)');
    },
  });
}
