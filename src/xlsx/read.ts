/**
 * The .xlsx adapter: reads a workbook file with exceljs into the engine's neutral grid model.
 * Says clearly what is wrong with a file that is not a readable .xlsx (WorkbookFileError).
 */
import { promises as fs } from 'node:fs';
import ExcelJS from 'exceljs';
import { CellError, CellRange, CellValue, SheetGrid, TableInfo, WorkbookGrid, parseRange } from '../workbook/grid';
import { WorkbookFileError } from './errors';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_STREAM = Buffer.from('EncryptedPackage', 'utf16le');
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';

/** Excel serial number of a date (1900 system; exceljs already accounts for 1904 workbooks). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86400000 + 25569;
}

function errorValue(text: string): CellError {
  return { error: text };
}

/** One exceljs cell value as a neutral cell value. */
export function fromExcelJs(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : errorValue('#NUM!');
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? errorValue('#VALUE!') : dateToSerial(v);
  if (typeof v !== 'object') return null;
  if ('error' in v && typeof v.error === 'string') return errorValue(v.error);
  if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v) {
    const f = v as { formula?: string; sharedFormula?: string; result?: ExcelJS.CellValue | { error: string } };
    const result = f.result;
    // LibreOffice saves booleans as =TRUE() / =FALSE(), with or without a cached value (which a
    // streaming read gives as 1 or 0).
    const formula = (f.formula ?? f.sharedFormula ?? '').trim().toUpperCase();
    if (formula === 'TRUE()' || formula === 'TRUE') return true;
    if (formula === 'FALSE()' || formula === 'FALSE') return false;
    if (result === undefined || result === null) return result === null ? null : errorValue('#N/A');
    return fromExcelJs(result as ExcelJS.CellValue);
  }
  if ('text' in v) {
    const t = (v as { text: unknown }).text;
    if (typeof t === 'string') return t;
    if (t && typeof t === 'object' && 'richText' in t) return fromExcelJs(t as ExcelJS.CellRichTextValue);
  }
  return null;
}

interface TableModel {
  table?: { name?: string; tableRef?: string; ref?: string };
}

function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const rows: CellValue[][] = [];
  const merges = new Map<string, CellRange>();
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const arr: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) {
        // As Office.js does: a merged area's value is in its top-left cell only.
        const master = cell.master;
        const key = master.address;
        const r = rowNumber - 1;
        const c = colNumber - 1;
        const m = merges.get(key);
        const top = Number(master.row) - 1;
        const left = Number(master.col) - 1;
        merges.set(key, {
          top,
          left,
          bottom: Math.max(m ? m.bottom : top, r),
          right: Math.max(m ? m.right : left, c),
        });
        return;
      }
      arr[colNumber - 1] = fromExcelJs(cell.value);
    });
    rows[rowNumber - 1] = arr;
  });
  const tables: TableInfo[] = [];
  for (const entry of ws.getTables()) {
    const model = (Array.isArray(entry) ? entry[0] : entry) as unknown as TableModel;
    const ref = model.table?.tableRef ?? model.table?.ref;
    const range = ref ? parseRange(ref) : null;
    if (range) tables.push({ name: model.table?.name ?? '', range });
  }
  return {
    name: ws.name,
    rows,
    originRow: 0,
    originCol: 0,
    merges: [...merges.values()],
    tables,
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
  };
}

/** What kind of file this is, from its first bytes, before handing it to exceljs. */
export function sniff(buf: Buffer, file: string): void {
  if (buf.length === 0) throw new WorkbookFileError('empty_file', file);
  if (buf.subarray(0, 8).equals(OLE)) {
    throw new WorkbookFileError(buf.includes(ENCRYPTED_STREAM) ? 'encrypted' : 'legacy_xls', file);
  }
  const head = buf.subarray(0, 4);
  if (!head.equals(ZIP) && !head.equals(ZIP_EMPTY)) throw new WorkbookFileError('not_spreadsheet', file);
  if (buf.subarray(0, 200).includes(ODS_MIME)) throw new WorkbookFileError('ods', file);
}

/** Loads an .xlsx from memory; `file` names it in messages. */
export async function loadWorkbook(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  sniff(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] : String(e);
    // A zip of another kind (a Word or PowerPoint file) is not a workbook; any other zip that
    // fails to load is a damaged or cut-off workbook.
    if (!buf.includes('xl/') && (buf.includes('word/') || buf.includes('ppt/')))
      throw new WorkbookFileError('not_spreadsheet', file);
    throw new WorkbookFileError('corrupt', file, detail);
  }
  if (wb.worksheets.length === 0) {
    throw new WorkbookFileError(buf.includes('xl/workbook.xml') ? 'no_sheets' : 'not_spreadsheet', file);
  }
  return wb;
}

export async function readFileBuffer(file: string): Promise<Buffer> {
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new WorkbookFileError('is_directory', file);
    return await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookFileError('not_found', file);
    throw new WorkbookFileError('unreadable', file, code ?? String(e));
  }
}

/** The neutral grid of an exceljs workbook; a sheet that fails to convert is listed as unreadable. */
export function gridOf(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets: SheetGrid[] = [];
  const unreadable: Array<{ sheet: string; reason: string }> = [];
  for (const ws of wb.worksheets) {
    try {
      sheets.push(sheetGrid(ws));
    } catch (e) {
      unreadable.push({ sheet: ws.name, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return { sheets, unreadable };
}

/** Reads an .xlsx file into the neutral grid model. */
export async function readWorkbookFile(file: string): Promise<{ grid: WorkbookGrid; workbook: ExcelJS.Workbook }> {
  const buf = await readFileBuffer(file);
  const workbook = await loadWorkbook(buf, file);
  return { grid: gridOf(workbook), workbook };
}
