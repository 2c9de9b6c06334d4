/**
 * Sheets for the in-memory Excel from the engine's grid model (a workbook read with exceljs):
 * values written literally, merged areas, Excel tables and hidden sheets kept. Used by the adapter's tests, its
 * benchmark and the preview page, to put an .xlsx into the fake Excel.
 */
import { CellValue, WorkbookGrid, a1, isCellError } from '../workbook/grid';
import { CellInput, SheetSetup } from './fake-excel';

function input(v: CellValue | undefined): CellInput {
  if (v === undefined || v === null) return null;
  if (isCellError(v)) return { error: v.error };
  return v;
}

export function setupsFromGrid(grid: WorkbookGrid): SheetSetup[] {
  return grid.sheets.map((s) => {
    let width = 1;
    for (let r = 0; r < s.rows.length; r++) width = Math.max(width, s.rows[r]?.length ?? 0);
    const values: CellInput[][] = [];
    for (let r = 0; r < s.rows.length; r++) {
      const row = s.rows[r];
      const out: CellInput[] = new Array(width);
      for (let c = 0; c < width; c++) out[c] = input(row?.[c]);
      values.push(out);
    }
    return {
      name: s.name,
      values,
      origin: a1(s.originRow, s.originCol),
      merges: (s.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`),
      tables: (s.tables ?? []).map((t) => ({
        address: `${a1(t.range.top, t.range.left)}:${a1(t.range.bottom, t.range.right)}`,
        ...(t.name ? { name: t.name } : {}),
      })),
      ...(s.hidden ? { visibility: 'Hidden' as const } : {}),
    };
  });
}
