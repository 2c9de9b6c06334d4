/**
 * FakeExcel: an in-memory Excel that Office.js code runs against unchanged.
 *
 * `fake.run(batch)` has Excel.run's contract: the batch gets a request context, queues commands
 * on proxies, and `context.sync()` executes them in order. When the batch's promise resolves,
 * anything still queued is flushed with a last sync (Excel.run does the same: `ctx.sync()` after
 * the batch in _runCommon); proxies are unusable after run() ends.
 *
 * Failure semantics (what Office does, per the OfficeExtension.Error docs' traceMessages example:
 * "The second batch successfully inserts the third and fourth paragraphs but fails in the call
 * to insert the fifth paragraph. All other commands after the failed command in the batch are
 * not executed"): commands before the failing one stay applied, the rest of the batch is
 * skipped, nothing loaded in that batch reaches the proxies, and sync() rejects with the error.
 * `atomicBatches: true` instead rolls the whole batch back (not Office's behaviour; useful to
 * test code that must not depend on partial application). A request over the web payload limit
 * is refused before anything runs; a response over it rolls the batch back (the fake's reading
 * of "the response payload size has exceeded the limit": the add-in gets nothing back).
 *
 * The setup/inspection API on this class (addSheet, setValues, cell, snapshot …) is synchronous,
 * not Office.js, and bypasses protection, queues and accounting.
 */

import {
  Rect,
  columnIndex,
  formatAddress,
  formatRect,
  isValidSheetName,
  parseAddress,
  parseRectText,
  rect,
  rectCells,
  sameName,
} from './address';
import { SyncRecord, WEB_PAYLOAD_LIMIT, utf8Length } from './accounting';
import { defaultApiSets, versionAtLeast } from './api-sets';
import { ErrorCode, FakeOfficeError, officeError } from './errors';
import { FORMAT_KEYS, FormatKey, FormatValue, SheetState, Visibility, WorkbookModel, defaultProtectionOptions } from './model';
import { addTable, mergeCells, readGrid, sheetOrThrow, sortRects, writeGrid } from './ops';
import { Command, Engine, FakeContext, ProxyBase } from './proxy';
import {
  CellSnapshot,
  ChartSnapshot,
  ConditionalFormatSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
  snapshotSheet,
  snapshotWorkbook,
} from './snapshot';
import {
  CellContent,
  FormulaEvaluator,
  Scalar,
  UNEVALUATED_FORMULA_ERROR,
  ValueType,
  asErrorLiteral,
  defaultFormulaEvaluator,
  displayValue,
  formatText,
  valueType,
} from './values';
import { ApplicationProxy, WorkbookProxy, settingJson } from './workbook';

/** A cell for the setup API: literal values (strings stay text), or a formula with its cached value, or an error. */
export type CellInput = Scalar | null | { formula: string; value?: Scalar } | { error: string };

export interface SheetSetup {
  name: string;
  /** Written literally from `origin` (default A1): strings are text, never parsed. */
  values?: CellInput[][];
  origin?: string;
  /** Address → number format for every cell there ("A2:A100": "@"). */
  numberFormats?: Record<string, string>;
  tables?: Array<{ address: string; name?: string; hasHeaders?: boolean }>;
  merges?: string[];
  /** Column letters or ranges of them: ["C", "E:F"]. */
  hiddenColumns?: string[];
  /** 1-based row numbers. */
  hiddenRows?: number[];
  /** Column letters → width in points. */
  columnWidths?: Record<string, number>;
  visibility?: Visibility;
  tabColor?: string;
  protected?: boolean;
}

export interface FakeExcelOptions {
  /** 'web' (default) enforces Excel on the web's 5 MB request/response limit; 'desktop' has none. */
  platform?: 'web' | 'desktop';
  /** Roll a failing batch back entirely instead of keeping the commands before the failure. */
  atomicBatches?: boolean;
  /** Override the web payload limit (bytes). */
  payloadLimitBytes?: number;
  workbookName?: string;
  readOnly?: boolean;
  /** Initial sheets; default one empty "Sheet1". */
  sheets?: SheetSetup[];
  settings?: Record<string, unknown>;
  /** Formula evaluation (default: literals, single-cell references and HYPERLINK). */
  evaluateFormula?: FormulaEvaluator;
  onChange?: (fake: FakeExcel) => void;
  /**
   * Requirement sets the host supports, each with its highest version ({ ExcelApi: '1.8' } is
   * Office 2019). A member of a set not listed, or of a higher version, fails with ApiNotFound as
   * Office's runtime refuses it (api-sets.ts). Default: every ExcelApi version the typings know,
   * plus ExcelApiOnline 1.1 on the web.
   */
  apiSets?: Readonly<Record<string, string>>;
}

export interface CellInfo {
  readonly address: string;
  /** What `values` returns ("" for empty, the error text for errors). */
  readonly value: Scalar;
  readonly formula?: string;
  readonly valueType: ValueType;
  readonly text: string;
  readonly numberFormat: string;
  /** Effective format (cell, row, column or sheet level, else Excel's default). */
  readonly format: Record<FormatKey, FormatValue>;
}

type RunBatch<T> = (ctx: Excel.RequestContext) => Promise<T>;

export class FakeExcel implements Engine {
  readonly model: WorkbookModel;
  readonly platform: 'web' | 'desktop';
  readonly atomicBatches: boolean;
  readonly payloadLimitBytes: number;
  /** Requirement sets this host supports, with their highest versions. */
  readonly apiSets: Readonly<Record<string, string>>;
  private readonly _evaluator: FormulaEvaluator;
  private readonly _listeners = new Set<(fake: FakeExcel) => void>();
  private _stats: SyncRecord[] = [];
  private _contextCount = 0;

  // Engine state while a sync executes.
  seq = 0;
  executing = false;
  private _responseBytes = 0;
  private _deliveries: Array<() => void> = [];
  private _resolvedNow: ProxyBase[] = [];
  private _suspendCalc = false;
  private _suspendScreen = false;

  constructor(options: FakeExcelOptions = {}) {
    this.platform = options.platform ?? 'web';
    this.atomicBatches = options.atomicBatches === true;
    this.payloadLimitBytes = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT;
    this.apiSets = { ...(options.apiSets ?? defaultApiSets(this.platform)) };
    this._evaluator = options.evaluateFormula ?? defaultFormulaEvaluator;
    this.model = new WorkbookModel(options.workbookName ?? 'Book1.xlsx');
    this.model.state.readOnly = options.readOnly === true;
    const sheets = options.sheets ?? [{ name: 'Sheet1' }];
    if (sheets.length === 0) throw new Error('FakeExcel: a workbook needs at least one sheet');
    for (const s of sheets) this.addSheet(s);
    for (const [k, v] of Object.entries(options.settings ?? {})) this.setSetting(k, v);
    if (options.onChange) this._listeners.add(options.onChange);
  }

  // =============================================================================================
  // Office.js entry point

  /**
   * Excel.run's contract: run a batch against a fresh request context. An arrow property, so it
   * can be handed over unbound: `createAdapter({ run: fake.run })`.
   */
  readonly run = async <T>(batch: RunBatch<T>): Promise<T> => {
    const ctx = new FakeContext(
      this,
      ++this._contextCount,
      (c, implicit) => this._sync(c, implicit),
      (c) => ({ workbook: new WorkbookProxy(c), application: new ApplicationProxy(c) }),
    );
    try {
      const pending = batch(ctx as unknown as Excel.RequestContext) as unknown;
      if (!pending || typeof (pending as { then?: unknown }).then !== 'function')
        throw new FakeOfficeError(ErrorCode.runMustReturnPromise, undefined, 'FakeExcel.run');
      const result = await (pending as Promise<T>);
      if (ctx._queue.length > 0) await this._sync(ctx, true);
      return result;
    } finally {
      ctx._finished = true;
    }
  };

  /** Per-sync accounting records (see accounting.ts for what is counted). */
  get stats(): readonly SyncRecord[] {
    return this._stats;
  }

  resetStats(): void {
    this._stats = [];
  }

  /** Calls `listener` after every sync that changed (or may have changed) the workbook. Returns an unsubscribe function. */
  onChange(listener: (fake: FakeExcel) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  // =============================================================================================
  // Engine (used by proxies during a sync)

  evaluate(sheet: SheetState, formula: string): CellContent {
    const lookup = (sheetName: string | undefined, row: number, col: number) => {
      const s = sheetName === undefined ? sheet : this.model.sheetByName(sheetName);
      return s?.cells.get(row, col);
    };
    const out = this._evaluator(formula, lookup);
    return out ?? { e: UNEVALUATED_FORMULA_ERROR };
  }

  noteResolved(p: ProxyBase): void {
    this._resolvedNow.push(p);
  }

  respond(value: unknown): void {
    this._responseBytes += jsonBytes(value);
  }

  deliver(fn: () => void): void {
    this._deliveries.push(fn);
  }

  noteSuspend(kind: 'calculation' | 'screenUpdating'): void {
    if (kind === 'calculation') this._suspendCalc = true;
    else this._suspendScreen = true;
  }

  /**
   * Office.context.requirements.isSetSupported(set, version) for this host: tests build the
   * adapter's `supports` from it, so the adapter's guards and the fake's refusals agree.
   */
  supports(set: string, version: string): boolean {
    const have = this.apiSets[set];
    return have !== undefined && versionAtLeast(have, version);
  }

  noteSelection(): void {
    /* selection lives in the model; nothing else to record */
  }

  private async _sync(ctx: FakeContext, implicit: boolean): Promise<void> {
    if (ctx._finished) throw officeError(ErrorCode.invalidObjectPath, 'RequestContext.sync');
    const batch = ctx._queue;
    const proxies = ctx._newProxies;
    ctx._queue = [];
    ctx._newProxies = 0;
    await Promise.resolve();
    this._execute(batch, proxies, implicit);
  }

  private _execute(batch: Command[], proxies: number, implicit: boolean): void {
    let sets = 0;
    let methods = 0;
    let loads = 0;
    let requestBytes = 0;
    for (const cmd of batch) {
      if (cmd.trace === undefined) {
        if (cmd.kind === 'set') sets++;
        else if (cmd.kind === 'method') methods++;
        else if (cmd.kind === 'load') loads++;
      }
      requestBytes += jsonBytes(commandRecord(cmd));
    }
    const base = {
      index: this._stats.length + 1,
      calls: sets + methods + loads,
      sets,
      methods,
      loads,
      proxies,
      requestBytes,
      roundTrip: batch.length > 0,
      implicit,
    };
    const record = (ok: boolean, responseBytes: number, errorCode?: string) => {
      this._stats.push({
        ...base,
        responseBytes,
        suspendedCalculation: this._suspendCalc,
        suspendedScreenUpdating: this._suspendScreen,
        ok,
        ...(errorCode ? { errorCode } : {}),
      });
    };
    this._suspendCalc = false;
    this._suspendScreen = false;
    if (batch.length === 0) {
      record(true, 0);
      return;
    }
    const limited = this.platform === 'web';
    if (limited && requestBytes > this.payloadLimitBytes) {
      const err = officeError(ErrorCode.requestPayloadSizeLimitExceeded);
      record(false, 0, err.code);
      throw err;
    }

    this.seq++;
    this.executing = true;
    this._responseBytes = 0;
    this._deliveries = [];
    this._resolvedNow = [];
    const traces: string[] = [];
    let failure: unknown;
    let rollBack = this.atomicBatches;
    this.model.begin();
    try {
      for (const cmd of batch) {
        if (cmd.trace !== undefined) {
          traces.push(cmd.trace);
          continue;
        }
        try {
          cmd.exec();
        } catch (e) {
          failure = decorate(e, cmd);
          break;
        }
      }
      if (failure === undefined && limited && this._responseBytes > this.payloadLimitBytes) {
        failure = officeError(ErrorCode.responsePayloadSizeLimitExceeded);
        rollBack = true;
      }
    } finally {
      this.executing = false;
    }
    const responseBytes = this._responseBytes;
    if (failure !== undefined) {
      if (rollBack) this.model.rollback();
      else this.model.commit();
      for (const p of this._resolvedNow) p._resetAfterFailure();
      if (failure instanceof FakeOfficeError) failure.traceMessages = traces;
      record(false, responseBytes, errorCodeOf(failure));
      this._resolvedNow = [];
      this._deliveries = [];
      if (!rollBack) this._notify();
      throw failure;
    }
    this.model.commit();
    for (const p of this._resolvedNow) p._isNull = p._resolved === null;
    for (const d of this._deliveries) d();
    this._resolvedNow = [];
    this._deliveries = [];
    record(true, responseBytes);
    this._notify();
  }

  private _notify(): void {
    for (const l of [...this._listeners]) l(this);
  }

  // =============================================================================================
  // Setup (synchronous; bypasses queues, protection and accounting)

  /** Adds a sheet at the end, filled from `setup`. */
  addSheet(setup: SheetSetup): void {
    if (!isValidSheetName(setup.name)) throw new Error('FakeExcel.addSheet: invalid sheet name ' + JSON.stringify(setup.name));
    if (this.model.sheetByName(setup.name)) throw new Error('FakeExcel.addSheet: a sheet named ' + setup.name + ' exists');
    const sheet = this.model.newSheet(setup.name);
    if (setup.values) this.setValues(setup.name, setup.origin ?? 'A1', setup.values);
    for (const [address, format] of Object.entries(setup.numberFormats ?? {})) this.setNumberFormat(setup.name, address, format);
    for (const m of setup.merges ?? []) mergeCells(this.model, sheet, this._rect(sheet, m), false, 'FakeExcel.addSheet');
    for (const t of setup.tables ?? []) {
      const table = addTable(
        this.model,
        sheet,
        this._rect(sheet, t.address),
        t.hasHeaders !== false,
        'FakeExcel.addSheet',
        t.name,
      );
      if (t.name) table.name = t.name;
    }
    for (const c of setup.hiddenColumns ?? []) {
      const r = parseRectText(c.includes(':') ? c : c + ':' + c);
      if (!r) throw new Error('FakeExcel.addSheet: bad column ' + c);
      for (let x = r.left; x <= r.right; x++) sheet.hiddenCols.add(x);
    }
    for (const r of setup.hiddenRows ?? []) sheet.hiddenRows.add(r - 1);
    for (const [col, w] of Object.entries(setup.columnWidths ?? {})) sheet.colWidths.set(columnIndex(col), w);
    if (setup.visibility) sheet.visibility = setup.visibility;
    if (setup.tabColor) sheet.tabColor = setup.tabColor;
    if (setup.protected) sheet.protection = { protected: true, password: null, options: defaultProtectionOptions() };
  }

  /** Writes values literally (strings are text; use { formula, value } for formulas) from `origin`. */
  setValues(sheetName: string, origin: string, values: CellInput[][]): void {
    const sheet = this._sheet(sheetName);
    const at = this._rect(sheet, origin);
    values.forEach((line, i) =>
      line.forEach((v, j) => {
        const row = at.top + i;
        const col = at.left + j;
        if (v === null) return;
        let content: CellContent | undefined;
        if (typeof v === 'object') {
          if ('formula' in v)
            content = v.value === undefined ? { ...this.evaluate(sheet, v.formula), f: v.formula } : { v: v.value, f: v.formula };
          else content = { e: asErrorLiteral(v.error) ?? v.error };
        } else content = v === '' ? undefined : { v };
        this.model.writeContent(sheet, row, col, content);
      }),
    );
  }

  setNumberFormat(sheetName: string, address: string, format: string): void {
    const sheet = this._sheet(sheetName);
    this.model.applyFormat(sheet, this._rect(sheet, address), 'numberFormat', format);
  }

  protectSheet(sheetName: string, options: Partial<ReturnType<typeof defaultProtectionOptions>> = {}, password?: string): void {
    const sheet = this._sheet(sheetName);
    sheet.protection = { protected: true, password: password ?? null, options: { ...defaultProtectionOptions(), ...options } };
  }

  unprotectSheet(sheetName: string): void {
    this._sheet(sheetName).protection = { protected: false, password: null, options: defaultProtectionOptions() };
  }

  /** Workbook structure protection (adding, deleting, renaming, moving, hiding sheets fails). */
  protectWorkbook(password?: string): void {
    this.model.state.structureProtected = true;
    this.model.state.structurePassword = password ?? null;
  }

  unprotectWorkbook(): void {
    this.model.state.structureProtected = false;
    this.model.state.structurePassword = null;
  }

  setReadOnly(readOnly: boolean): void {
    this.model.state.readOnly = readOnly;
  }

  setActiveSheet(sheetName: string): void {
    this.model.state.activeSheetId = this._sheet(sheetName).id;
  }

  /** Sets the selection (and active sheet) as if the user had clicked. */
  select(sheetName: string, address: string): void {
    const sheet = this._sheet(sheetName);
    sheet.selection = this._rect(sheet, address);
    this.model.state.activeSheetId = sheet.id;
  }

  setSetting(key: string, value: unknown): void {
    const json = settingJson(value, 'FakeExcel.setSetting');
    const existing = this.model.setting(key);
    if (existing) existing.json = json;
    else this.model.state.settings.push({ key, json });
  }

  // =============================================================================================
  // Inspection

  sheetNames(): string[] {
    return this.model.state.sheets.map((s) => s.name);
  }

  activeSheetName(): string {
    return this.model.activeSheet().name;
  }

  /** The selected sheet and address, e.g. { sheet: 'Báo cáo', address: 'A1' }. */
  get selection(): { sheet: string; address: string } {
    const s = this.model.activeSheet();
    return { sheet: s.name, address: formatRect(s.selection) };
  }

  /** One cell as Excel would report it. */
  cell(sheetName: string, address: string): CellInfo {
    const sheet = this._sheet(sheetName);
    const r = this._rect(sheet, address);
    const c = sheet.cells.get(r.top, r.left);
    const numberFormat = this.model.numberFormatAt(sheet, r.top, r.left);
    const format = {} as Record<FormatKey, FormatValue>;
    for (const k of FORMAT_KEYS) format[k] = this.model.formatAt(sheet, r.top, r.left, k);
    return {
      address: formatAddress(sheet.name, rect(r.top, r.left, r.top, r.left)),
      value: displayValue(c),
      ...(c?.f !== undefined ? { formula: c.f } : {}),
      valueType: valueType(c),
      text: formatText(c, numberFormat),
      numberFormat,
      format,
    };
  }

  /** `values` of a range (default: the used range, or [] for a blank sheet). */
  values(sheetName: string, address?: string): Scalar[][] {
    const sheet = this._sheet(sheetName);
    const r = address === undefined ? this.model.usedRect(sheet, true) : this._rect(sheet, address);
    if (!r) return [];
    if (rectCells(r) > 5_000_000) throw new Error('FakeExcel.values: range too large');
    return readGrid(this.model, sheet, r, 'values', 'FakeExcel.values') as Scalar[][];
  }

  /** Cells as in the snapshot (non-empty only). */
  cells(sheetName: string): CellSnapshot[] {
    return snapshotSheet(this.model, this._sheet(sheetName)).cells;
  }

  merges(sheetName: string): string[] {
    const sheet = this._sheet(sheetName);
    const m = [...sheet.merges];
    sortRects(m);
    return m.map(formatRect);
  }

  conditionalFormats(sheetName: string): ConditionalFormatSnapshot[] {
    return snapshotSheet(this.model, this._sheet(sheetName)).conditionalFormats;
  }

  charts(sheetName: string): ChartSnapshot[] {
    return snapshotSheet(this.model, this._sheet(sheetName)).charts;
  }

  tables(): TableSnapshot[] {
    return snapshotWorkbook(this.model).tables;
  }

  /** Named items: name → what it refers to ("'DS don vi'!F7:F141", or "#REF!"). */
  names(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const n of this.model.state.names) {
      const sheet = this.model.sheetById(n.sheetId);
      out[n.name] = n.rect && sheet ? formatAddress(sheet.name, n.rect) : '#REF!';
    }
    return out;
  }

  settings(): Record<string, unknown> {
    return snapshotWorkbook(this.model).settings;
  }

  /** A deep, JSON-serialisable copy of the whole workbook. */
  snapshot(): WorkbookSnapshot {
    return snapshotWorkbook(this.model);
  }

  // =============================================================================================

  private _sheet(name: string): SheetState {
    const s = this.model.state.sheets.find((x) => sameName(x.name, name));
    if (!s) throw new Error('FakeExcel: no sheet named ' + JSON.stringify(name));
    return s;
  }

  private _rect(sheet: SheetState, address: string): Rect {
    const p = parseAddress(address);
    if (p.sheet !== undefined && !sameName(p.sheet, sheet.name))
      throw new Error('FakeExcel: address on another sheet: ' + address);
    return p.rect;
  }

  /** Writes through the Office semantics (parsing "=…", numbers …) — for tests that want them. */
  typeValues(sheetName: string, address: string, values: unknown): void {
    const sheet = this._sheet(sheetName);
    writeGrid(
      this.model,
      sheet,
      this._rect(sheet, address),
      'values',
      values,
      (f) => this.evaluate(sheet, f),
      'FakeExcel.typeValues',
    );
  }

  /** Exposed for tests that need a sheet's internal id. */
  sheetId(sheetName: string): string {
    return sheetOrThrow(this.model, this._sheet(sheetName).id, 'FakeExcel.sheetId').id;
  }
}

function errorCodeOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { code?: unknown }).code === 'string') return (e as { code: string }).code;
  return 'Error';
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Fills Office's debugInfo location/statement for errors raised by a command. */
function decorate(e: unknown, cmd: Command): unknown {
  if (!(e instanceof FakeOfficeError)) return e;
  const where = cmd.proxy._typeName + '.' + cmd.member;
  if (e.debugInfo.errorLocation === undefined) e.debugInfo.errorLocation = where;
  const name = lowerFirst(cmd.proxy._typeName);
  e.debugInfo.statement =
    cmd.kind === 'set'
      ? name + '.' + cmd.member + '=...;'
      : cmd.kind === 'load'
        ? name + '.load(...);'
        : name + '.' + cmd.member + '(...);';
  return e;
}

function argRecord(a: unknown): unknown {
  return a instanceof ProxyBase ? { $p: a._pid } : a;
}

/** The JSON shape the request-size estimate measures for one command. */
function commandRecord(cmd: Command): unknown {
  const id = cmd.proxy._pid;
  switch (cmd.kind) {
    case 'instantiate':
      return { i: id, p: cmd.proxy._parent?._pid ?? 0, n: cmd.member, a: cmd.args.map(argRecord) };
    case 'set':
      return { o: id, s: cmd.member, v: argRecord(cmd.args[0]) };
    case 'load':
      return { o: id, l: cmd.args };
    default:
      return { o: id, m: cmd.member, a: cmd.args.map(argRecord) };
  }
}

function jsonBytes(value: unknown): number {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return 0;
  }
  return text === undefined ? 0 : utf8Length(text);
}
