/** Argument reading and error mapping shared by the CCHC.* custom functions. */
import { FigureError, resolveYear } from '../engine/figures';
import { Lang, figureMessage, langFromLocale } from '../i18n';
import { Plan } from '../plan';
import { PlanBlockedError, activeInclusive } from '../plan/active';
import { CellValue, cellFromOffice } from '../workbook/grid';

/** The language of Office's UI (Vietnamese unless Office says otherwise). */
export function displayLang(): Lang {
  try {
    const office = (globalThis as { Office?: { context?: { displayLanguage?: string } } }).Office;
    return langFromLocale(office?.context?.displayLanguage);
  } catch {
    return 'vi';
  }
}

/** Rows in a whole-column reference such as B:B (Excel's sheet height). */
export const SHEET_ROWS = 1_048_576;

/** Data-type cell values (Excel.CellValue in @types/office-js) seen through their plain value. */
interface DataTypeValue {
  type?: unknown;
  basicValue?: unknown;
  text?: unknown;
}

const BASIC_TYPES = new Set(['Double', 'FormattedNumber', 'String', 'Boolean']);
const TEXT_TYPES = new Set(['Entity', 'LinkedEntity']);

/**
 * One argument cell as Excel's plain value. A host that passes data types hands over objects:
 * a formatted number or a typed double/string/boolean is its `basicValue`; an entity or linked
 * entity has `basicValue` "#VALUE!" (its basicType is Error, see EntityCellValue in
 * @types/office-js), so it is read as the `text` the cell shows; an empty cell is blank; an error
 * stays an error (cellFromOffice). Anything else (arrays, images) stays unreadable (#VALUE!).
 */
export function fromDataType(v: unknown): unknown {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
  const d = v as DataTypeValue;
  if (typeof d.type !== 'string') return v;
  if (d.type === 'Empty') return null;
  if (BASIC_TYPES.has(d.type) && d.basicValue !== undefined) return d.basicValue;
  if (TEXT_TYPES.has(d.type)) {
    if (typeof d.basicValue === 'string' && d.basicValue !== '#VALUE!') return d.basicValue;
    if (typeof d.text === 'string') return d.text;
  }
  return v;
}

const cell = (v: unknown): CellValue => cellFromOffice(fromDataType(v));
const blankCell = (v: unknown): boolean => v === null || v === undefined || v === '';
/**
 * Empty as Excel desktop builds before mid-2024 pass it: every empty cell of a range arrives as 0
 * (office-js issues #4702 and #5262; newer builds and the web pass null).
 */
const zeroOrBlankCell = (v: unknown): boolean => v === 0 || blankCell(v);

function blankRow(row: unknown, blank: (v: unknown) => boolean = blankCell): boolean {
  if (!Array.isArray(row)) return blank(row);
  for (let i = 0; i < row.length; i++) if (!blank(row[i])) return false;
  return true;
}

/** The rows of `m` without its trailing rows of empty cells (linear, from the end). */
export function withoutTrailingBlankRows(m: readonly unknown[], blank: (v: unknown) => boolean = blankCell): readonly unknown[] {
  let end = m.length;
  while (end > 1 && blankRow(m[end - 1], blank)) end--;
  return end === m.length ? m : m.slice(0, end);
}

const cellsOf = (row: unknown): CellValue[] => (Array.isArray(row) ? row.map(cell) : [cell(row)]);

/**
 * A range argument as neutral cell values: "" and null are empty, error values stay errors.
 * A whole-column reference (B:B, a full sheet's height) stops at its last non-empty row, so a
 * rate is not over a million empty cells; a range the user drew keeps every cell. A host that
 * passes empty cells as 0 shows it in the sheet's last row (0, not null): then the trailing
 * rows of 0 are the empty rows.
 */
export function asCells(m: unknown[][] | null | undefined): CellValue[][] {
  if (!Array.isArray(m)) return [[cell(m)]];
  const emptyAsZero = m.length >= SHEET_ROWS && blankRow(m[m.length - 1], (v) => v === 0);
  const rows = m.length >= SHEET_ROWS ? withoutTrailingBlankRows(m, emptyAsZero ? zeroOrBlankCell : blankCell) : m;
  return rows.map(cellsOf);
}

/**
 * A list argument (with its header row) that may be left out or blank: null then. Empty rows
 * after the list mean nothing, so they are dropped whatever the range's size.
 */
export function asOptionalCells(m: unknown[][] | null | undefined): CellValue[][] | null {
  if (m === null || m === undefined) return null;
  const cells = asListCells(m);
  const blank = cells.every((row) => row.every((v) => v === null || v === 0));
  return blank ? null : cells;
}

/**
 * A list argument (with its header row): its cells without the empty rows after the list. A row
 * of nothing but 0 is an empty row as Excel desktop passes it (no unit, person or activity is all
 * zeros), so it is blank here, as the list reader expects empty rows to be.
 */
export function asListCells(m: unknown[][] | null | undefined): CellValue[][] {
  if (!Array.isArray(m)) return asCells(m);
  return withoutTrailingBlankRows(m, zeroOrBlankCell).map((row) =>
    blankRow(row, zeroOrBlankCell) ? (Array.isArray(row) ? row.map(() => null) : [null]) : cellsOf(row),
  );
}

/** An optional TRUE/FALSE: missing, blank and 0 are FALSE. */
export function asBoolean(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return ['true', 'x', '1', 'có', 'co'].includes(v.trim().toLowerCase());
  return false;
}

/**
 * How "trên X %" is read: the function's own TRUE, or the workbook's plan sheet when it says
 * "từ X % trở lên" (a sheet cannot make a function stricter than its argument asks).
 */
export function reading(inclusive: unknown): boolean {
  return asBoolean(inclusive) || activeInclusive();
}

/** An optional figure: missing, "" and 0 (how Excel desktop passes an empty cell) are omitted. */
export function orBlank(v: unknown): CellValue {
  if (Array.isArray(v)) return orBlank(v[0]?.[0] ?? v[0]);
  const plain = fromDataType(v);
  if (plain === null || plain === undefined || plain === '' || plain === 0) return null;
  return cellFromOffice(plain);
}

/** An optional year: missing or blank means none. */
export function asOptionalYear(plan: Plan, year: unknown): number | null {
  if (year === null || year === undefined || year === '' || year === 0) return null;
  return resolveYear(plan, year);
}

/** An engine problem (or anything unexpected) as the Excel error the cell shows, never a trace. */
export function failure(e: unknown): CustomFunctions.Error {
  const lang = displayLang();
  if (e instanceof FigureError) {
    const code =
      e.problem.kind === 'no_threshold' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, figureMessage(e.problem, lang));
  }
  if (e instanceof CustomFunctions.Error) return e;
  if (e instanceof PlanBlockedError)
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, e.state.message[lang]);
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    lang === 'vi' ? `Không tính được: ${detail}` : `Could not compute: ${detail}`,
  );
}
