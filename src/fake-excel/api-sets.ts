/**
 * Requirement sets: which Office.js members a host of a given API version has.
 *
 * Office's runtime refuses, on the client and at once (not at sync), a member of a requirement set
 * the host does not support: `OfficeExtension.Utility.throwIfApiNotSupported` throws a
 * `RichApi.Error` with code `ApiNotFound`, HTTP status 404, `debugInfo.errorLocation` the member
 * ("Range.getMergedAreasOrNullObject") and the message "The method or property {0} is part of the
 * {1} requirement set, which is not available in your version of {2}." (runtime
 * node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js: `CommonUtility.throwIfApiNotSupported`,
 * resource string `ApiNotFoundDetails`; Excel's library turns the check on with
 * `OfficeExtension.Utility._doApiNotSupportedCheck = true`). Methods are checked when called,
 * property getters when read (after the not-loaded check); setters and `load` paths are not
 * checked on the client (the runtime has no check there), so the fake does not check them either.
 *
 * GATES lists every `_throwIfApiNotSupported("Type.member", set, version)` of that runtime for
 * the members this fake implements ("member()" a method, "member" a getter; the set is ExcelApi
 * unless named). The runtime installed here checks up to ExcelApi 1.15; members of later sets are
 * not gated (neither by it nor by the fake). Which hosts have which version: "Excel JavaScript API
 * requirement sets" (e.g. Office 2019 on Windows: ExcelApi 1.8, Office 2021: 1.14 — the manifest's
 * minimum here is ExcelApi 1.7).
 */

import { FakeOfficeError } from './errors';

const GATES: Readonly<Record<string, readonly string[]>> = {
  Application: ['suspendApiCalculationUntilNextSync() 1.6', 'suspendScreenUpdatingUntilNextSync() 1.9'],
  Chart: ['activate() 1.9', 'chartType 1.7', 'id 1.7', 'style 1.8', 'worksheet 1.2'],
  ChartAxes: ['getItem() 1.7'],
  ChartAxis: ['height 1.7', 'left 1.7', 'numberFormat 1.8', 'position 1.8', 'top 1.7', 'type 1.7', 'visible 1.7', 'width 1.7'],
  ChartCollection: ['getCount() 1.4', 'getItemOrNullObject() 1.4'],
  ChartLegend: ['height 1.7', 'left 1.7', 'top 1.7', 'width 1.7'],
  ChartSeries: ['chartType 1.7', 'delete() 1.7', 'setValues() 1.7'],
  ChartSeriesCollection: ['add() 1.7', 'getCount() 1.4'],
  ChartTitle: [
    'height 1.7',
    'horizontalAlignment 1.7',
    'left 1.7',
    'position 1.7',
    'top 1.7',
    'verticalAlignment 1.7',
    'width 1.7',
  ],
  ConditionalFormat: ['getRanges() 1.9'],
  ConditionalFormatCollection: ['getItemOrNullObject() 1.14'],
  NamedItem: ['comment 1.4', 'delete() 1.4', 'formula 1.7', 'getRangeOrNullObject() 1.4', 'scope 1.4', 'worksheet 1.4'],
  NamedItemCollection: ['add() 1.4', 'getCount() 1.4', 'getItemOrNullObject() 1.4'],
  Range: [
    'calculate() 1.6',
    'columnHidden 1.2',
    'conditionalFormats 1.6',
    'getAbsoluteResizedRange() 1.7',
    'getIntersectionOrNullObject() 1.4',
    'getMergedAreasOrNullObject() 1.13',
    'getResizedRange() 1.3',
    'getUsedRangeOrNullObject() 1.4',
    'height 1.10',
    'hyperlink 1.7',
    'isEntireColumn 1.7',
    'isEntireRow 1.7',
    'left 1.10',
    'merge() 1.2',
    'numberFormatLocal 1.7',
    'rowHidden 1.2',
    'style 1.7',
    'top 1.10',
    'unmerge() 1.2',
    'width 1.10',
  ],
  RangeFont: ['strikethrough 1.9'],
  RangeFormat: ['autofitColumns() 1.2', 'autofitRows() 1.2', 'columnWidth 1.2', 'protection 1.2', 'rowHeight 1.2'],
  Table: ['convertToRange() 1.2', 'worksheet 1.2'],
  TableCollection: ['getCount() 1.4', 'getItemOrNullObject() 1.4'],
  TableColumnCollection: ['getCount() 1.4', 'getItemOrNullObject() 1.4'],
  TableRowCollection: ['getCount() 1.4'],
  Workbook: ['getActiveCell() 1.7', 'name 1.7', 'protection 1.7', 'readOnly 1.8', 'settings 1.4'],
  Worksheet: [
    'calculate() 1.6',
    'freezePanes 1.7',
    'getNext() 1.5',
    'getNextOrNullObject() 1.5',
    'getPrevious() 1.5',
    'getPreviousOrNullObject() 1.5',
    'getRangeByIndexes() 1.7',
    'getRanges() 1.9',
    'getUsedRangeOrNullObject() 1.4',
    'names 1.4',
    'pageLayout 1.9',
    'protection 1.2',
    'showGridlines 1.8',
    'showHeadings 1.8',
    'tabColor 1.7',
  ],
  WorksheetCollection: ['getCount() 1.4', 'getFirst() 1.5', 'getItemOrNullObject() 1.4', 'getLast() 1.5'],
};

export interface Gate {
  readonly set: string;
  readonly version: string;
  readonly method: boolean;
}

const BY_MEMBER = new Map<string, Gate>();
for (const [type, members] of Object.entries(GATES))
  for (const entry of members) {
    const parts = entry.split(' ');
    const name = parts[0];
    const method = name.endsWith('()');
    const set = parts.length === 3 ? parts[1] : 'ExcelApi';
    BY_MEMBER.set(type + '.' + (method ? name.slice(0, -2) : name), { set, version: parts[parts.length - 1], method });
  }

/** The requirement set a member needs, if Office's runtime checks it. */
export function gateOf(typeName: string, member: string): Gate | undefined {
  return BY_MEMBER.get(typeName + '.' + member);
}

/** The highest ExcelApi version the typings installed here describe (@types/office-js). */
export const LATEST_EXCEL_API = '1.21';

/**
 * What a host supports, by platform: Excel on the web has every numbered ExcelApi set and
 * ExcelApiOnline; desktop Excel has no ExcelApiOnline ("Excel JavaScript API requirement sets":
 * ExcelApiOnline "Office on the web: Latest", "Office on Windows: Not applicable").
 */
export function defaultApiSets(platform: 'web' | 'desktop'): Readonly<Record<string, string>> {
  return platform === 'web' ? { ExcelApi: LATEST_EXCEL_API, ExcelApiOnline: '1.1' } : { ExcelApi: LATEST_EXCEL_API };
}

/** Office.context.requirements.isSetSupported's comparison: "1.10" is above "1.9". */
export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** The runtime's ApiNotFound error for a member of a set the host lacks. */
export function apiNotFound(member: string, gate: Gate): FakeOfficeError {
  return new FakeOfficeError(
    'ApiNotFound',
    'The method or property ' +
      member +
      ' is part of the ' +
      gate.set +
      ' ' +
      gate.version +
      ' requirement set, which is not available in your version of Excel.',
    member,
  );
}
