/**
 * FakeExcel: an in-memory Excel for running Office.js code in jest and in a browser demo page.
 * See README.md in this folder for what is faithful, what is simplified and what was verified.
 */

export { FakeExcel } from './fake-excel';
export type { CellInfo, CellInput, FakeExcelOptions, SheetSetup } from './fake-excel';
export { ExcelEnums, installExcelEnums, uninstallExcelEnums } from './enums';
export type { ExcelEnumsType } from './enums';
export { ErrorCode, ErrorMessages, FakeNotImplementedError, FakeOfficeError } from './errors';
export type { SyncRecord } from './accounting';
export { WEB_PAYLOAD_LIMIT } from './accounting';
export type {
  CellSnapshot,
  ChartSnapshot,
  ConditionalFormatSnapshot,
  PageLayoutSnapshot,
  SheetSnapshot,
  TableSnapshot,
  WorkbookSnapshot,
} from './snapshot';
export { UNEVALUATED_FORMULA_ERROR, defaultFormulaEvaluator } from './values';
export type { CellContent, CellLookup, FormulaEvaluator, Scalar } from './values';
export { setupsFromGrid } from './from-grid';
