/**
 * Opening an .xlsx in the preview: read in the browser with exceljs' browser build (loaded only
 * when a file is picked), turned into sheets for the in-memory Excel — values (formulas by their
 * cached result, dates as serial numbers with their format), merged areas, tables, column widths,
 * hidden sheets, rows and columns, and the bold text and solid fills a reader notices.
 * (src/xlsx/read.ts does this for the command line but imports node:fs.)
 */
import type ExcelJSModule from 'exceljs';
import type { CellInput, SheetSetup } from '../fake-excel';
import { a1 } from '../workbook/grid';

type ExcelJS = typeof ExcelJSModule;

/** A style run on one row: consecutive cells with the same bold and fill. */
export interface StyleRun {
  readonly address: string;
  readonly bold: boolean;
  readonly fill: string | null;
}

export interface OpenedSheet {
  readonly setup: SheetSetup;
  readonly styles: readonly StyleRun[];
}

export class XlsxOpenError extends Error {
  override readonly name = 'XlsxOpenError';
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, head: number[]): boolean {
  return head.every((b, i) => bytes[i] === b);
}

/** Excel serial number of a date (exceljs gives dates as UTC midnights). */
function serial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function cellInput(v: ExcelJSModule.CellValue): CellInput {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : { error: '#NUM!' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { error: '#VALUE!' } : serial(v);
  if (typeof v !== 'object') return null;
  if ('error' in v && typeof v.error === 'string') return { error: v.error };
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJSModule.CellValue };
    const result = f.result === undefined ? null : cellInput(f.result);
    const cached = result !== null && typeof result === 'object' ? null : result;
    if (result !== null && typeof result === 'object' && 'error' in result) return result;
    return f.formula ? { formula: '=' + f.formula, ...(cached !== null ? { value: cached } : {}) } : cached;
  }
  if ('text' in v) {
    const t = (v as { text: unknown }).text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t) return cellInput(t as ExcelJSModule.CellRichTextValue);
  }
  return null;
}

function fillOf(cell: ExcelJSModule.Cell): string | null {
  const f = cell.fill;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return null;
  const argb = f.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? '#' + argb.slice(2).toUpperCase() : null;
}

function sheetOf(lib: ExcelJS, ws: ExcelJSModule.Worksheet): OpenedSheet {
  const values: CellInput[][] = [];
  const numberFormats: Record<string, string> = {};
  const merges = new Map<string, { top: number; left: number; bottom: number; right: number }>();
  const styles: StyleRun[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const out: CellInput[] = [];
    let run: { from: number; to: number; bold: boolean; fill: string | null } | null = null;
    const flush = () => {
      if (run && (run.bold || run.fill))
        styles.push({ address: `${a1(r, run.from)}:${a1(r, run.to)}`, bold: run.bold, fill: run.fill });
      run = null;
    };
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const c = colNumber - 1;
      const bold = cell.font?.bold === true;
      const fill = fillOf(cell);
      if (run && run.to === c - 1 && run.bold === bold && run.fill === fill) run.to = c;
      else {
        flush();
        run = { from: c, to: c, bold, fill };
      }
      if (cell.type === lib.ValueType.Merge) {
        const master = cell.master;
        const top = Number(master.row) - 1;
        const left = Number(master.col) - 1;
        const m = merges.get(master.address);
        merges.set(master.address, { top, left, bottom: Math.max(m?.bottom ?? top, r), right: Math.max(m?.right ?? left, c) });
        return;
      }
      const v = cellInput(cell.value);
      out[c] = v;
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General' && (typeof v === 'number' || (v !== null && typeof v === 'object' && 'formula' in v)))
        numberFormats[a1(r, c)] = fmt;
    });
    flush();
    values[r] = out;
  });
  // `values` is sparse (blank rows are holes): no spreading it.
  let width = 1;
  for (let r = 0; r < values.length; r++) width = Math.max(width, values[r]?.length ?? 0);
  const grid: CellInput[][] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    grid.push(Array.from({ length: width }, (_, c) => row[c] ?? null));
  }
  const columnWidths: Record<string, number> = {};
  const hiddenColumns: string[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, 200); c++) {
    const col = ws.getColumn(c);
    const letter = a1(0, c - 1).replace(/\d+$/, '');
    // Column width in characters; one character of Calibri 11 is about 7 px (5.25 pt).
    if (col.width) columnWidths[letter] = Math.round(col.width * 5.25);
    if (col.hidden) hiddenColumns.push(letter);
  }
  const hiddenRows: number[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.hidden) hiddenRows.push(n);
  });
  const tables: Array<{ address: string; name?: string }> = [];
  for (const entry of ws.getTables()) {
    const model = (Array.isArray(entry) ? entry[0] : entry) as unknown as {
      table?: { name?: string; tableRef?: string; ref?: string };
    };
    const ref = model.table?.tableRef ?? model.table?.ref;
    if (ref) tables.push({ address: ref, ...(model.table?.name ? { name: model.table.name } : {}) });
  }
  return {
    setup: {
      name: ws.name,
      values: grid,
      numberFormats,
      merges: [...merges.values()].map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      tables,
      columnWidths,
      hiddenColumns,
      hiddenRows,
      ...(ws.state === 'hidden' || ws.state === 'veryHidden' ? { visibility: 'Hidden' as const } : {}),
    },
    styles,
  };
}

/** Loads exceljs' browser build on first use. */
async function exceljs(): Promise<ExcelJS> {
  const mod = (await import(/* webpackChunkName: "exceljs" */ 'exceljs')) as ExcelJS & { default?: ExcelJS };
  return mod.default ?? mod;
}

/** Reads an .xlsx file's bytes into sheets for the in-memory Excel. */
export async function readXlsx(bytes: ArrayBuffer): Promise<OpenedSheet[]> {
  const head = new Uint8Array(bytes.slice(0, 8));
  if (bytes.byteLength === 0) throw new XlsxOpenError('empty file');
  if (startsWith(head, OLE)) throw new XlsxOpenError('an old .xls or an encrypted workbook; save it as .xlsx');
  if (!startsWith(head, ZIP)) throw new XlsxOpenError('not an .xlsx workbook');
  const lib = await exceljs();
  const wb = new lib.Workbook();
  try {
    await wb.xlsx.load(bytes);
  } catch (e) {
    throw new XlsxOpenError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  if (wb.worksheets.length === 0) throw new XlsxOpenError('no sheets');
  return wb.worksheets.map((ws) => sheetOf(lib, ws));
}
