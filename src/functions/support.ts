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

/** A range argument as neutral cell values: "" and null are empty, error values stay errors. */
export function asCells(m: unknown[][] | null | undefined): CellValue[][] {
  if (!Array.isArray(m)) return [[cellFromOffice(m)]];
  return m.map((row) => (Array.isArray(row) ? row.map(cellFromOffice) : [cellFromOffice(row)]));
}

/** A list argument that may be left out or blank: null then. */
export function asOptionalCells(m: unknown[][] | null | undefined): CellValue[][] | null {
  if (m === null || m === undefined) return null;
  const cells = asCells(m);
  const blank = cells.every((row) => row.every((v) => v === null || v === 0));
  return blank ? null : cells;
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
  if (v === null || v === undefined || v === '' || v === 0) return null;
  return cellFromOffice(v);
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
