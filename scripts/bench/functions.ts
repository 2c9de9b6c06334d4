/**
 * The custom functions as Excel calls them: CCHC.EVALUATE over the whole synthetic workbook's
 * lists (ranges with their header rows, as matrices), and CCHC.TARGET_STATUS over a 1,000-cell
 * range of markers, per call.
 */
import { evaluate as cchcEvaluate, targetStatus } from '../../src/functions/functions';
import { SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { BenchSection, measure } from './harness';

/** A sheet as the matrix Excel passes for a range from its first used cell (blanks as ""). */
function matrix(s: SheetGrid): unknown[][] {
  let width = 1;
  for (const r of s.rows) width = Math.max(width, r?.length ?? 0);
  const out: unknown[][] = [];
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    const m: unknown[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const v = row?.[c];
      m[c] = v === undefined || v === null ? '' : v;
    }
    out.push(m);
  }
  return out;
}

export const functionsSection: BenchSection = {
  id: 'functions',
  title: 'Custom functions (as Excel calls them)',
  async run(ctx) {
    const { runs, warmup, year } = ctx.options;
    const grid: WorkbookGrid = readXlsx(ctx.fixture.buffer, { name: 'bench.xlsx' }).grid;
    const sheet = (kind: RegExp) => {
      const s = grid.sheets.find((x) => kind.test(x.name));
      if (!s) throw new Error(`no sheet ${kind}`);
      return matrix(s);
    };
    const units = sheet(/đơn vị/i);
    const staff = sheet(/CBCCVC|Cán bộ/i);
    const activities = sheet(/Hoạt động/i);
    const ev = await measure(() => cchcEvaluate(units, staff, activities, year), runs, warmup);
    const rows = ev.result as unknown[][];

    // 1,000 markers of the kinds officials type: x, Có, years, dates, blanks, an unreadable one.
    const kinds: unknown[] = ['x', 'Có', 2023, 2025, 45300, '', 0, 'tháng 3/2024', 'không', '?'];
    const markers = Array.from({ length: 1000 }, (_, i) => [kinds[i % kinds.length]]);
    const calls = 1000;
    const st = await measure(
      () => {
        let last = '';
        for (let i = 0; i < calls; i++) last = targetStatus('T02', year, markers);
        return last;
      },
      runs,
      warmup,
    );
    const perCall = (st.stats.median * 1000) / calls;
    return [
      {
        measure: `CCHC.EVALUATE(units, staff, activities, ${year})`,
        stats: ev.stats,
        note: `${(staff.length - 1).toLocaleString('en-US')} staff rows; ${rows.length} rows spilled · goal < 100 ms: ${ev.stats.median < 100 ? 'met' : 'NOT met'}`,
      },
      {
        measure: 'CCHC.TARGET_STATUS over 1,000 markers',
        value: `${perCall.toFixed(1)} µs/call`,
        note: `median of ${calls} calls × ${runs} runs → "${st.result}" · goal < 50 µs: ${perCall < 50 ? 'met' : 'NOT met'}`,
      },
    ];
  },
};
