/**
 * The engine on the synthetic workbook: read (exceljs load + grid, and the project's own reader), list detection, extraction
 * (every value read once), evaluation (counting and judging for one year), and the floor — one
 * bare pass over the same grid arrays, touching every cell of the rows the lists cover.
 */
import { evaluate } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { DetectedLists, detectLists } from '../../src/workbook/detect';
import { extract } from '../../src/workbook/extract';
import { SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { zlibInflate } from '../../src/xlsx/file';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { BenchRow, BenchSection, measure } from './harness';

/** Counts the non-empty cells of every row the lists cover: the least any evaluation must do. */
export function floorPass(grid: WorkbookGrid, lists: DetectedLists): { cells: number; rows: number } {
  const sheets = new Map<string, SheetGrid>(grid.sheets.map((s) => [s.name, s]));
  let cells = 0;
  let rows = 0;
  for (const layout of [...lists.units, ...lists.staff, ...lists.activities]) {
    const sheet = sheets.get(layout.sheet);
    if (!sheet) continue;
    const last = Math.min(layout.dataBottom, sheet.originRow + sheet.rows.length - 1);
    for (let r = layout.dataTop; r <= last; r++) {
      const row = sheet.rows[r - sheet.originRow];
      rows++;
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== undefined && v !== null && v !== '') cells++;
      }
    }
  }
  return { cells, rows };
}

const int = (n: number) => n.toLocaleString('en-US');

export const engineSection: BenchSection = {
  id: 'engine',
  title: 'Engine (in process)',
  async run(ctx) {
    const { runs, warmup, year } = ctx.options;
    const { buffer } = ctx.fixture;
    const rows: BenchRow[] = [];

    const full = await measure(async () => gridOf(await loadWorkbook(buffer, 'bench.xlsx')), runs, Math.min(warmup, 1));
    rows.push({
      measure: 'read: loadWorkbook + gridOf (full model)',
      stats: full.stats,
      note: 'exceljs workbook model, as --out needs it',
    });
    const read = await measure(
      () => readXlsx(buffer, { name: 'bench.xlsx', inflate: zlibInflate }).grid,
      runs,
      Math.min(warmup, 1),
    );
    const grid = read.result;
    const cellsRead = grid.sheets.reduce((a, s) => a + s.rows.reduce((b, r) => b + (r ? r.length : 0), 0), 0);
    rows.push({
      measure: 'read: readXlsx (command line, own reader)',
      stats: read.stats,
      note: `${(buffer.length / 2 ** 20).toFixed(1)} MB, ${grid.sheets.length} sheets, ${int(cellsRead)} cell slots`,
    });

    const detection = await measure(() => detectLists(grid), runs, warmup);
    const lists = detection.result;
    rows.push({
      measure: 'detection: detectLists',
      stats: detection.stats,
      note: `lists: ${lists.units.length} units, ${lists.staff.length} staff, ${lists.activities.length} activities`,
    });

    // Extraction reads every value of the lists once (per read of the workbook); evaluation then
    // counts and judges for a year (per year asked, e.g. when the task pane's year changes).
    const extraction = await measure(() => extract(grid, lists), runs, warmup);
    const dataset = extraction.result;
    rows.push({
      measure: 'extraction: extract (read every value)',
      stats: extraction.stats,
      note: `${int(dataset.units.length)} units, ${int(dataset.staff.count)} staff, ${dataset.activities.length} activities`,
    });
    const evaluation = await measure(() => evaluate(dataset, HCMC_PLAN, { year, inclusive: false }), runs, warmup);
    rows.push({
      measure: `evaluation: evaluate ${year}`,
      stats: evaluation.stats,
      note: `12 targets + ${int(dataset.units.length)} units judged, ${evaluation.result.issues.length} issues`,
    });

    const floor = await measure(() => floorPass(grid, lists), runs, warmup);
    rows.push({
      measure: 'floor: one pass over the list rows',
      stats: floor.stats,
      note: `${int(floor.result.cells)} non-empty cells in ${int(floor.result.rows)} rows`,
    });

    const times = (x: number) => `${x >= 100 ? x.toFixed(0) : x.toFixed(1)}×`;
    const ratio = evaluation.stats.median / floor.stats.median;
    rows.push({
      measure: 'ratio evaluation / floor',
      value: times(ratio),
      note: ratio <= 3 ? 'goal ≤ 3×: met' : 'goal ≤ 3×: NOT met',
    });
    const whole = (extraction.stats.median + evaluation.stats.median) / floor.stats.median;
    rows.push({
      measure: 'ratio extraction + evaluation / floor',
      value: times(whole),
      note: 'every value parsed (markers, years, dates, kinds) and matched to its unit',
    });
    return rows;
  },
};
