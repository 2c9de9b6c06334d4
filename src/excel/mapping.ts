/**
 * Columns chosen by hand are remembered with their header text: when the user has inserted or
 * moved columns since, a saved index points at another column, so each field is found again by
 * its header (or dropped, and detection takes over, when no header reads the same).
 */
import { AnyLayout, DetectedLists, ManualLayout, applyManual } from '../workbook/detect';
import { WorkbookGrid } from '../workbook/grid';
import { SavedMapping } from './state';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** The saved choices moved to where their headers are now (choices without headers as they were). */
export function refindColumns(
  grid: WorkbookGrid,
  detected: DetectedLists,
  saved: readonly (ManualLayout | SavedMapping)[],
): ManualLayout[] {
  const applied = applyManual(grid, detected, saved);
  return saved.map((m) => {
    const headers = 'headers' in m ? m.headers : undefined;
    const layout: AnyLayout | undefined = applied[m.kind].find((l) => l.sheet === m.sheet);
    if (!headers || !layout) return m;
    const columns: Record<string, number> = {};
    for (const [field, col] of Object.entries(m.columns)) {
      const want = headers[field];
      if (want === undefined) {
        columns[field] = col;
        continue;
      }
      const here = layout.allHeaders.find((h) => h.col === col);
      if (here && norm(here.text) === norm(want)) {
        columns[field] = col;
        continue;
      }
      const found = layout.allHeaders.filter((h) => norm(h.text) === norm(want));
      if (found.length === 1) columns[field] = found[0].col;
    }
    return { kind: m.kind, sheet: m.sheet, headerTop: m.headerTop, headerBottom: m.headerBottom, columns, headers };
  });
}
