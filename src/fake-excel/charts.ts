/**
 * Charts: add from a source range, name, title, legend, value/category axes, series names,
 * position, delete. Nothing is drawn; the fake keeps what was set.
 */

import { formatRect, rect } from './address';
import { enumValue, ExcelEnums } from './enums';
import { ErrorCode, notImplemented, officeError } from './errors';
import { AxisState, ChartState, SheetState } from './model';
import { cellOrigin, ensureWritable, newChart, sheetOrThrow } from './ops';
import { CollectionProxy, FakeClientResult, ProxyBase, identityOptions } from './proxy';
import { RangeProxy, rangeArgument } from './range';
import { WorksheetProxy } from './worksheet';

export interface ChartTarget {
  readonly sheetId: string;
  readonly chartId: string;
}

const CHART_SCALARS = ['chartType', 'height', 'id', 'left', 'name', 'top', 'width'] as const;

export class ChartCollectionProxy extends CollectionProxy<string, ChartProxy> {
  readonly _sheetProxy: WorksheetProxy;
  constructor(sheet: WorksheetProxy) {
    super(sheet.context, 'ChartCollection', sheet, { resolve: () => sheet._target(), via: { member: 'charts', args: [] } });
    this._sheetProxy = sheet;
  }
  private _sheet(id: string, loc = 'ChartCollection'): SheetState {
    return sheetOrThrow(this.context._engine.model, id, loc);
  }
  _itemTargets(id: string): unknown[] {
    return this._sheet(id).charts.map((c) => ({ sheetId: id, chartId: c.id }));
  }
  _makeItem(target: unknown): ChartProxy {
    return new ChartProxy(this, undefined, { member: 'items', args: [] }, target as ChartTarget);
  }
  _itemScalarNames(): readonly string[] {
    return CHART_SCALARS;
  }
  override _itemNavNames(): readonly string[] {
    return ['title', 'legend', 'axes', 'series', 'worksheet'];
  }

  /** Adds a chart of `type` over `sourceData`; series by "Auto" (columns unless rows outnumber), "Columns" or "Rows". */
  add(type: string, sourceData: RangeProxy, seriesBy?: string): ChartProxy {
    const args = seriesBy === undefined ? [type, sourceData] : [type, sourceData, seriesBy];
    const proxy = new ChartProxy(this, undefined, { member: 'add', args });
    return this._callCreate('add', args, proxy, (id) => {
      const loc = 'ChartCollection.add';
      const model = this.context._engine.model;
      const chartType = enumValue(ExcelEnums.ChartType, type);
      const by = seriesBy === undefined ? 'Auto' : enumValue(ExcelEnums.ChartSeriesBy, seriesBy);
      if (!chartType || !by) throw officeError(ErrorCode.invalidArgument, loc);
      const source = rangeArgument(this.context, sourceData, id, loc);
      if (source === null || source.sheetId !== id) throw officeError(ErrorCode.invalidArgument, loc);
      const sheet = this._sheet(id, loc);
      ensureWritable(sheet, 'objects', loc);
      return { sheetId: id, chartId: newChart(model, sheet, chartType, source.rect, by).id };
    });
  }

  getItem(name: string): ChartProxy {
    return this._find('getItem', name, false);
  }
  getItemOrNullObject(name: string): ChartProxy {
    return this._find('getItemOrNullObject', name, true);
  }
  private _find(member: string, name: string, orNull: boolean): ChartProxy {
    return new ChartProxy(
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const u = String(name).toLocaleUpperCase();
        const c = this._sheet(id).charts.find((x) => x.name.toLocaleUpperCase() === u);
        if (!c) {
          if (orNull) return null;
          throw officeError(ErrorCode.itemNotFound, 'ChartCollection.' + member);
        }
        return { sheetId: id, chartId: c.id };
      },
      { member, args: [name] },
    );
  }
  getItemAt(index: number): ChartProxy {
    return new ChartProxy(
      this,
      () => {
        const id = this._target();
        if (id === null) return null;
        const c = this._sheet(id).charts[index];
        if (!c) throw officeError(ErrorCode.invalidArgument, 'ChartCollection.getItemAt');
        return { sheetId: id, chartId: c.id };
      },
      { member: 'getItemAt', args: [index] },
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (id) => this._sheet(id).charts.length, 0);
  }
}

export class ChartProxy extends ProxyBase<ChartTarget> {
  constructor(
    parent: ProxyBase,
    resolve: (() => ChartTarget | null) | undefined,
    via: { member: string; args: readonly unknown[] },
    resolved?: ChartTarget,
  ) {
    super(parent.context, 'Chart', parent, identityOptions(resolve, via, resolved));
  }

  _state(t: ChartTarget, loc = 'Chart'): { sheet: SheetState; chart: ChartState } {
    const sheet = sheetOrThrow(this.context._engine.model, t.sheetId, loc);
    const chart = sheet.charts.find((c) => c.id === t.chartId);
    if (!chart) throw officeError(ErrorCode.itemNotFound, loc);
    return { sheet, chart };
  }

  /** Applies a change to the chart's state at sync (protected sheets refuse it). */
  _change(
    member: string,
    value: unknown,
    apply: (c: ChartState, loc: string, sheet: SheetState) => void,
    target: ProxyBase<ChartTarget> = this,
  ): void {
    target._set(member, value, (t) => {
      const loc = target._typeName + '.' + member;
      const { sheet, chart } = this._state(t, loc);
      ensureWritable(sheet, 'objects', loc);
      apply(chart, loc, sheet);
    });
  }

  _scalarNames(): readonly string[] {
    return CHART_SCALARS;
  }
  _read(name: string, t: ChartTarget): unknown {
    const { chart } = this._state(t);
    switch (name) {
      case 'id':
        return chart.id;
      case 'name':
        return chart.name;
      case 'chartType':
        return chart.chartType;
      case 'top':
        return chart.top;
      case 'left':
        return chart.left;
      case 'width':
        return chart.width;
      case 'height':
        return chart.height;
    }
    throw notImplemented('Chart.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    switch (name) {
      case 'title':
        return this.title;
      case 'legend':
        return this.legend;
      case 'axes':
        return this.axes;
      case 'series':
        return this.series;
      case 'worksheet':
        return this.worksheet;
    }
    return undefined;
  }

  get id(): string {
    return this._get('id');
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._change('name', v, (c, loc) => {
      if (typeof v !== 'string' || v === '') throw officeError(ErrorCode.invalidArgument, loc);
      c.name = v;
    });
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._change('chartType', v, (c, loc) => {
      const x = enumValue(ExcelEnums.ChartType, v);
      if (!x) throw officeError(ErrorCode.invalidArgument, loc);
      c.chartType = x;
    });
  }
  private _dimension(member: 'top' | 'left' | 'width' | 'height', v: unknown): void {
    this._change(member, v, (c, loc) => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw officeError(ErrorCode.invalidArgument, loc);
      c[member] = v;
    });
  }
  get top(): number {
    return this._get('top');
  }
  set top(v: number) {
    this._dimension('top', v);
  }
  get left(): number {
    return this._get('left');
  }
  set left(v: number) {
    this._dimension('left', v);
  }
  get width(): number {
    return this._get('width');
  }
  set width(v: number) {
    this._dimension('width', v);
  }
  get height(): number {
    return this._get('height');
  }
  set height(v: number) {
    this._dimension('height', v);
  }

  get title(): ChartTitleProxy {
    return this._child('title', () => new ChartTitleProxy(this));
  }
  get legend(): ChartLegendProxy {
    return this._child('legend', () => new ChartLegendProxy(this));
  }
  get axes(): ChartAxesProxy {
    return this._child('axes', () => new ChartAxesProxy(this));
  }
  get series(): ChartSeriesCollectionProxy {
    return this._child('series', () => new ChartSeriesCollectionProxy(this));
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

  /** Places the chart over startCell (to endCell when given); top/left follow column widths and row heights. */
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    const args = endCell === undefined ? [startCell] : [startCell, endCell];
    this._call('setPosition', args, (t) => {
      const loc = 'Chart.setPosition';
      const { sheet, chart } = this._state(t, loc);
      ensureWritable(sheet, 'objects', loc);
      const a = rangeArgument(this.context, startCell, t.sheetId, loc);
      const b = endCell === undefined ? null : rangeArgument(this.context, endCell, t.sheetId, loc);
      if (a === null || a.sheetId !== t.sheetId || (b !== null && b.sheetId !== t.sheetId))
        throw officeError(ErrorCode.invalidArgument, loc);
      const o = cellOrigin(sheet, a.rect.top, a.rect.left);
      chart.top = o.top;
      chart.left = o.left;
      if (b) {
        const e = cellOrigin(sheet, b.rect.bottom + 1, b.rect.right + 1);
        chart.width = Math.max(0, e.left - o.left);
        chart.height = Math.max(0, e.top - o.top);
      }
      chart.position = {
        start: formatRect(rect(a.rect.top, a.rect.left, a.rect.top, a.rect.left)),
        end: b ? formatRect(rect(b.rect.bottom, b.rect.right, b.rect.bottom, b.rect.right)) : null,
      };
    });
  }

  delete(): void {
    this._call('delete', [], (t) => {
      const loc = 'Chart.delete';
      const { sheet, chart } = this._state(t, loc);
      ensureWritable(sheet, 'objects', loc);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
}

abstract class ChartPart extends ProxyBase<ChartTarget> {
  readonly _chart: ChartProxy;
  constructor(
    parent: ProxyBase<ChartTarget>,
    chart: ChartProxy,
    typeName: string,
    member: string,
    args: readonly unknown[] = [],
  ) {
    super(parent.context, typeName, parent, { resolve: () => parent._target(), via: { member, args } });
    this._chart = chart;
  }
  _chartState(t: ChartTarget): ChartState {
    return this._chart._state(t, this._typeName).chart;
  }
}

export class ChartTitleProxy extends ChartPart {
  constructor(chart: ChartProxy) {
    super(chart, chart, 'ChartTitle', 'title');
  }
  _scalarNames(): readonly string[] {
    return ['overlay', 'text', 'visible'];
  }
  _read(name: string, t: ChartTarget): unknown {
    const c = this._chartState(t);
    if (name === 'text') return c.title.text;
    if (name === 'visible') return c.title.visible;
    if (name === 'overlay') return c.title.overlay;
    throw notImplemented('ChartTitle.' + name);
  }
  /** Setting a non-empty text also shows the title. */
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._chart._change(
      'text',
      v,
      (c, loc) => {
        if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
        c.title.text = v;
        if (v !== '') c.title.visible = true;
      },
      this,
    );
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._chart._change(
      'visible',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.title.visible = v;
      },
      this,
    );
  }
  get overlay(): boolean {
    return this._get('overlay');
  }
  set overlay(v: boolean) {
    this._chart._change(
      'overlay',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.title.overlay = v;
      },
      this,
    );
  }
}

export class ChartLegendProxy extends ChartPart {
  constructor(chart: ChartProxy) {
    super(chart, chart, 'ChartLegend', 'legend');
  }
  _scalarNames(): readonly string[] {
    return ['overlay', 'position', 'visible'];
  }
  _read(name: string, t: ChartTarget): unknown {
    const c = this._chartState(t);
    if (name === 'position') return c.legend.position;
    if (name === 'visible') return c.legend.visible;
    if (name === 'overlay') return c.legend.overlay;
    throw notImplemented('ChartLegend.' + name);
  }
  get position(): string {
    return this._get('position');
  }
  set position(v: string) {
    this._chart._change(
      'position',
      v,
      (c, loc) => {
        const x = enumValue(ExcelEnums.ChartLegendPosition, v);
        if (!x || x === 'Invalid') throw officeError(ErrorCode.invalidArgument, loc);
        c.legend.position = x;
      },
      this,
    );
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._chart._change(
      'visible',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.legend.visible = v;
      },
      this,
    );
  }
  get overlay(): boolean {
    return this._get('overlay');
  }
  set overlay(v: boolean) {
    this._chart._change(
      'overlay',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.legend.overlay = v;
      },
      this,
    );
  }
}

export class ChartAxesProxy extends ChartPart {
  constructor(chart: ChartProxy) {
    super(chart, chart, 'ChartAxes', 'axes');
  }
  _scalarNames(): readonly string[] {
    return [];
  }
  _read(name: string): unknown {
    throw notImplemented('ChartAxes.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    if (name === 'valueAxis') return this.valueAxis;
    if (name === 'categoryAxis') return this.categoryAxis;
    return undefined;
  }
  get valueAxis(): ChartAxisProxy {
    return this._child('valueAxis', () => new ChartAxisProxy(this, 'value', 'valueAxis', []));
  }
  get categoryAxis(): ChartAxisProxy {
    return this._child('categoryAxis', () => new ChartAxisProxy(this, 'category', 'categoryAxis', []));
  }
  /** getItem("Value" | "Category", group?) — the primary group only. */
  getItem(type: string, group?: string): ChartAxisProxy {
    const kind = enumValue(ExcelEnums.ChartAxisType, type);
    if (kind === 'Series') throw notImplemented('ChartAxes.getItem("Series")');
    if (group !== undefined && enumValue(ExcelEnums.ChartAxisGroup, group) === 'Secondary')
      throw notImplemented('ChartAxes.getItem(…, "Secondary")');
    if (kind !== 'Value' && kind !== 'Category') throw officeError(ErrorCode.invalidArgument, 'ChartAxes.getItem');
    return new ChartAxisProxy(
      this,
      kind === 'Value' ? 'value' : 'category',
      'getItem',
      group === undefined ? [type] : [type, group],
    );
  }
}

const AXIS_SCALARS = ['majorUnit', 'maximum', 'minimum', 'minorUnit', 'numberFormat', 'visible'] as const;

export class ChartAxisProxy extends ChartPart {
  readonly _which: 'value' | 'category';
  constructor(parent: ChartAxesProxy, which: 'value' | 'category', member: string, args: readonly unknown[]) {
    super(parent, parent._chart, 'ChartAxis', member, args);
    this._which = which;
  }
  _axis(t: ChartTarget): AxisState {
    return this._chartState(t).axes[this._which];
  }
  _scalarNames(): readonly string[] {
    return AXIS_SCALARS;
  }
  _read(name: string, t: ChartTarget): unknown {
    const a = this._axis(t);
    if ((AXIS_SCALARS as readonly string[]).includes(name)) return a[name as (typeof AXIS_SCALARS)[number]];
    throw notImplemented('ChartAxis.' + name);
  }
  override _navigate(name: string): ProxyBase | undefined {
    return name === 'title' ? this.title : undefined;
  }
  private _num(member: 'maximum' | 'minimum' | 'majorUnit' | 'minorUnit', v: unknown): void {
    this._chart._change(
      member,
      v,
      (c, loc) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) throw officeError(ErrorCode.invalidArgument, loc);
        c.axes[this._which][member] = v;
      },
      this,
    );
  }
  /** null while Excel chooses automatically. */
  get maximum(): number | null {
    return this._get('maximum');
  }
  set maximum(v: number) {
    this._num('maximum', v);
  }
  get minimum(): number | null {
    return this._get('minimum');
  }
  set minimum(v: number) {
    this._num('minimum', v);
  }
  get majorUnit(): number | null {
    return this._get('majorUnit');
  }
  set majorUnit(v: number) {
    this._num('majorUnit', v);
  }
  get minorUnit(): number | null {
    return this._get('minorUnit');
  }
  set minorUnit(v: number) {
    this._num('minorUnit', v);
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._chart._change(
      'visible',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.axes[this._which].visible = v;
      },
      this,
    );
  }
  get numberFormat(): string {
    return this._get('numberFormat');
  }
  set numberFormat(v: string) {
    this._chart._change(
      'numberFormat',
      v,
      (c, loc) => {
        if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
        c.axes[this._which].numberFormat = v;
      },
      this,
    );
  }
  get title(): ChartAxisTitleProxy {
    return this._child('title', () => new ChartAxisTitleProxy(this));
  }
}

export class ChartAxisTitleProxy extends ChartPart {
  readonly _axisProxy: ChartAxisProxy;
  constructor(axis: ChartAxisProxy) {
    super(axis, axis._chart, 'ChartAxisTitle', 'title');
    this._axisProxy = axis;
  }
  _scalarNames(): readonly string[] {
    return ['text', 'visible'];
  }
  _read(name: string, t: ChartTarget): unknown {
    const a = this._axisProxy._axis(t);
    if (name === 'text') return a.title.text;
    if (name === 'visible') return a.title.visible;
    throw notImplemented('ChartAxisTitle.' + name);
  }
  /** Setting a non-empty text also shows the axis title. */
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._chart._change(
      'text',
      v,
      (c, loc) => {
        if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
        const a = c.axes[this._axisProxy._which];
        a.title.text = v;
        if (v !== '') a.title.visible = true;
      },
      this,
    );
  }
  get visible(): boolean {
    return this._get('visible');
  }
  set visible(v: boolean) {
    this._chart._change(
      'visible',
      v,
      (c, loc) => {
        if (typeof v !== 'boolean') throw officeError(ErrorCode.invalidArgument, loc);
        c.axes[this._axisProxy._which].title.visible = v;
      },
      this,
    );
  }
}

interface SeriesTarget extends ChartTarget {
  readonly index: number;
}

export class ChartSeriesCollectionProxy extends CollectionProxy<ChartTarget, ChartSeriesProxy> {
  readonly _chart: ChartProxy;
  constructor(chart: ChartProxy) {
    super(chart.context, 'ChartSeriesCollection', chart, { resolve: () => chart._target(), via: { member: 'series', args: [] } });
    this._chart = chart;
  }
  _itemTargets(t: ChartTarget): unknown[] {
    return this._chart._state(t).chart.series.map((_, index) => ({ ...t, index }));
  }
  _makeItem(target: unknown): ChartSeriesProxy {
    return new ChartSeriesProxy(this, undefined, 'items', [], target as SeriesTarget);
  }
  _itemScalarNames(): readonly string[] {
    return ['name'];
  }
  getItemAt(index: number): ChartSeriesProxy {
    return new ChartSeriesProxy(
      this,
      () => {
        const t = this._target();
        if (t === null) return null;
        if (!this._chart._state(t).chart.series[index])
          throw officeError(ErrorCode.invalidArgument, 'ChartSeriesCollection.getItemAt');
        return { ...t, index };
      },
      'getItemAt',
      [index],
    );
  }
  getCount(): FakeClientResult<number> {
    return this._callResult('getCount', [], (t) => this._chart._state(t).chart.series.length, 0);
  }
}

export class ChartSeriesProxy extends ProxyBase<SeriesTarget> {
  readonly _chart: ChartProxy;
  constructor(
    parent: ChartSeriesCollectionProxy,
    resolve: (() => SeriesTarget | null) | undefined,
    member: string,
    args: readonly unknown[],
    resolved?: SeriesTarget,
  ) {
    const via = { member, args };
    super(parent.context, 'ChartSeries', parent, resolved ? { resolved, via } : { resolve, via });
    this._chart = parent._chart;
  }
  _scalarNames(): readonly string[] {
    return ['name'];
  }
  _read(name: string, t: SeriesTarget): unknown {
    if (name === 'name') return this._chart._state(t).chart.series[t.index]?.name ?? null;
    throw notImplemented('ChartSeries.' + name);
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, (t) => {
      const loc = 'ChartSeries.name';
      if (typeof v !== 'string') throw officeError(ErrorCode.invalidArgument, loc);
      const { sheet, chart } = this._chart._state(t, loc);
      ensureWritable(sheet, 'objects', loc);
      const s = chart.series[t.index];
      if (!s) throw officeError(ErrorCode.itemNotFound, loc);
      s.name = v;
    });
  }
}
