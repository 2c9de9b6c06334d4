/**
 * Opening an .xlsx in the preview: read in the browser by the project's own reader — the same one
 * the command line uses (src/xlsx/workbook-read.ts, loaded only when a file is picked), so the pane
 * and `cchc evaluate` see the same values — and turned into sheets for the in-memory Excel: values
 * (formulas with their cached result), dates as serial numbers with their format, merged areas,
 * tables, column widths, hidden sheets, rows and columns, and the bold text and solid fills a
 * reader notices.
 */
import type { CellInput, SheetSetup } from '../fake-excel';
import { CellValue, a1, columnLetters, isCellError } from '../workbook/grid';
import type { FileProblem } from '../xlsx/errors';
import type { XlsxBook, XlsxSheet } from '../xlsx/workbook-read';

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

/** Most columns given a width (as before: wider sheets keep the default width beyond). */
const WIDTH_COLUMNS = 200;

/** What the preview's status line says after "Không mở được "x": ", per problem. */
function reason(problem: FileProblem, detail: string): string {
  switch (problem) {
    case 'empty_file':
      return 'empty file';
    case 'legacy_xls':
    case 'encrypted':
      return 'an old .xls or an encrypted workbook; save it as .xlsx';
    case 'ods':
      return 'an OpenDocument spreadsheet (.ods); save it as .xlsx';
    case 'no_sheets':
      return 'no sheets';
    case 'too_large':
      return `inflates to more than a workbook plausibly holds (${detail})`;
    case 'beyond_limits':
      return `beyond Excel's limits (${detail})`;
    case 'corrupt':
      return detail ? `damaged or incomplete (${detail})` : 'damaged or incomplete';
    default:
      return 'not an .xlsx workbook';
  }
}

function input(v: CellValue | undefined, formula: string | undefined): CellInput {
  if (v === undefined || v === null) return formula ? { formula: '=' + formula, value: '' } : null;
  if (isCellError(v)) return { error: v.error };
  return formula ? { formula: '=' + formula, value: v } : v;
}

function sheetOf(book: XlsxBook, sheet: XlsxSheet): OpenedSheet {
  const { grid, extras } = sheet;
  const key = (r: number, c: number) => r * 16384 + c;
  const formulas = new Map<number, string>();
  for (const f of extras?.formulas ?? []) formulas.set(key(f.row, f.col), f.formula);
  const styleOf = new Map<number, number>();
  for (const s of extras?.styled ?? []) styleOf.set(key(s.row, s.col), s.style);

  // `rows` is sparse (blank rows are holes): no spreading it.
  let width = 1;
  let height = grid.rows.length;
  for (const f of extras?.formulas ?? []) height = Math.max(height, f.row + 1);
  for (let r = 0; r < grid.rows.length; r++) width = Math.max(width, grid.rows[r]?.length ?? 0);
  for (const f of extras?.formulas ?? []) width = Math.max(width, f.col + 1);
  const values: CellInput[][] = [];
  const numberFormats: Record<string, string> = {};
  for (let r = 0; r < height; r++) {
    const row = grid.rows[r];
    const out: CellInput[] = [];
    for (let c = 0; c < width; c++) {
      const formula = formulas.get(key(r, c));
      const v = input(row?.[c], formula);
      out.push(v);
      const s = styleOf.get(key(r, c));
      const fmt = s === undefined ? '' : (book.styles.formats[s] ?? '');
      if (fmt && fmt !== 'General' && (typeof v === 'number' || (v !== null && typeof v === 'object' && 'formula' in v)))
        numberFormats[a1(r, c)] = fmt;
    }
    values.push(out);
  }

  // Bold and fill runs along each row, over the cells that carry a style.
  const styles: StyleRun[] = [];
  const styled = [...(extras?.styled ?? [])].sort((p, q) => p.row - q.row || p.col - q.col);
  let run: { row: number; from: number; to: number; bold: boolean; fill: string | null } | null = null;
  const flush = () => {
    if (run && (run.bold || run.fill))
      styles.push({ address: `${a1(run.row, run.from)}:${a1(run.row, run.to)}`, bold: run.bold, fill: run.fill });
    run = null;
  };
  for (const s of styled) {
    const bold = book.styles.bold[s.style] === true;
    const fill = book.styles.fill[s.style] ?? null;
    if (run && run.row === s.row && run.to === s.col - 1 && run.bold === bold && run.fill === fill) run.to = s.col;
    else {
      flush();
      run = { row: s.row, from: s.col, to: s.col, bold, fill };
    }
  }
  flush();

  const columnWidths: Record<string, number> = {};
  const hiddenColumns: string[] = [];
  for (const col of extras?.columns ?? []) {
    for (let c = col.min; c <= Math.min(col.max, WIDTH_COLUMNS); c++) {
      const letter = columnLetters(c - 1);
      // Column width in characters; one character of Calibri 11 is about 7 px (5.25 pt).
      if (col.width) columnWidths[letter] = Math.round(col.width * 5.25);
      if (col.hidden) hiddenColumns.push(letter);
    }
  }
  const range = (m: { top: number; left: number; bottom: number; right: number }) =>
    `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`;
  return {
    setup: {
      name: grid.name,
      values,
      numberFormats,
      merges: (grid.merges ?? []).map(range),
      tables: (grid.tables ?? []).map((t) => ({ address: range(t.range), ...(t.name ? { name: t.name } : {}) })),
      columnWidths,
      hiddenColumns,
      hiddenRows: extras?.hiddenRows ?? [],
      ...(sheet.state !== 'visible' ? { visibility: 'Hidden' as const } : {}),
    },
    styles,
  };
}

/** Reads an .xlsx file's bytes into sheets for the in-memory Excel. */
export async function readXlsx(bytes: ArrayBuffer): Promise<OpenedSheet[]> {
  const [{ readXlsx: read }, { WorkbookFileError }] = await Promise.all([
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/read-xlsx'),
    import(/* webpackChunkName: "xlsx-reader" */ '../xlsx/errors'),
  ]);
  let book: XlsxBook;
  try {
    book = read(new Uint8Array(bytes), { extras: true });
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new XlsxOpenError(reason(e.problem, e.detail));
    throw new XlsxOpenError(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  if (book.sheets.length === 0) throw new XlsxOpenError(book.grid.unreadable?.[0]?.reason ?? 'no sheets');
  return book.sheets.map((s) => sheetOf(book, s));
}
