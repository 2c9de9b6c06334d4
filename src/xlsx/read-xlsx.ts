/**
 * The .xlsx reader over bytes, synchronous, inflating with fflate unless told otherwise: pure
 * JavaScript, for the browser preview, consolidation, scripts and tests. The command line reads
 * through src/xlsx/file.ts instead (Node's zlib, big sheets streamed), which never loads fflate.
 *
 *   const book = readXlsx(bytes, { name: 'ds.xlsx' });
 *
 * What it gives and throws: see workbook-read.ts.
 */
import { fflateInflate } from './fflate-inflate';
import { ReadXlsxOptions, XlsxBook, readXlsxWhole } from './workbook-read';

export type { ReadXlsxOptions, SheetState, XlsxBook, XlsxLimits, XlsxSheet } from './workbook-read';
export { DEFAULT_LIMITS } from './workbook-read';

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): XlsxBook {
  return readXlsxWhole(bytes, { ...options, inflate: options.inflate ?? fflateInflate });
}
