/**
 * The Excel adapter against the in-memory Excel (src/fake-excel): evaluate + color + report, as
 * the task pane does it after finding the lists on open, at two sizes. Prints round trips, payload per sync, proxies
 * and calls; the budget is ≤ 3 syncs (≤ 4 when chunking), ≤ 2.5 MB per sync, and proxies and
 * calls that do not grow with the number of rows.
 */
import { Session } from '../../src/excel/session';
import { FakeExcel, installExcelEnums, setupsFromGrid } from '../../src/fake-excel';
import { readXlsx } from '../../src/xlsx/workbook-read';
import { synthesize, toBuffer } from '../synth';
import { BenchRow, BenchSection } from './harness';

const MB = 1024 * 1024;

async function flow(staff: number, ctx: Parameters<BenchSection['run']>[0]): Promise<BenchRow[]> {
  const o = ctx.options;
  const buffer =
    staff === o.staff
      ? ctx.fixture.buffer
      : await toBuffer(
          synthesize({ seed: o.seed, units: o.units, staff, activities: o.activities, issues: true, layout: o.layout }).workbook,
        );
  const grid = readXlsx(buffer, { name: 'bench.xlsx' }).grid;
  const fake = new FakeExcel({ platform: 'web', sheets: setupsFromGrid(grid) });
  const env = { run: fake.run, supports: () => true };
  // As the task pane works: it finds the lists when it opens, then the user evaluates, colors
  // the units and builds the report. The read on "Đánh giá" reuses what the pane found on open.
  const session = new Session(env, { lang: 'vi' });
  fake.resetStats();
  await session.detect();
  const open = fake.stats.filter((s) => s.roundTrip !== false).length;
  fake.resetStats();
  const t0 = performance.now();
  await session.evaluate(o.year, false);
  const reads = fake.stats.filter((s) => s.roundTrip !== false).length;
  await session.color();
  await session.report();
  const ms = performance.now() - t0;
  const syncs = fake.stats.filter((s) => s.roundTrip !== false);
  const maxRequest = Math.max(...syncs.map((s) => s.requestBytes));
  const maxResponse = Math.max(...syncs.map((s) => s.responseBytes));
  const proxies = syncs.reduce((n, s) => n + s.proxies, 0);
  const calls = syncs.reduce((n, s) => n + s.calls, 0);
  const perSync = syncs.map((s) => `${s.calls}/${s.proxies}`).join(' · ');
  const chunked = reads > 1;
  const budget = syncs.length <= 3 || (chunked && syncs.length <= 4);
  const size = `${staff.toLocaleString('en-US')} staff`;
  return [
    {
      measure: `${size}: syncs`,
      value: String(syncs.length),
      note: `evaluate ${reads} + color 1 + report 1 (on open: ${open}) · budget ≤ 3 (≤ 4 chunked): ${budget ? 'met' : 'NOT met'} · ${ms.toFixed(0)} ms in the fake`,
    },
    {
      measure: `${size}: max bytes per sync`,
      value: `${(Math.max(maxRequest, maxResponse) / MB).toFixed(2)} MB`,
      note: `request ${(maxRequest / MB).toFixed(2)} MB, response ${(maxResponse / MB).toFixed(2)} MB · budget ≤ 2.5 MB: ${Math.max(maxRequest, maxResponse) <= 2.5 * MB ? 'met' : 'NOT met'}`,
    },
    { measure: `${size}: proxies, calls`, value: `${proxies}, ${calls}`, note: `calls/proxies per sync: ${perSync}` },
  ];
}

export const excelSection: BenchSection = {
  id: 'excel',
  title: 'Excel adapter on the in-memory Excel (read + evaluate + color + report)',
  async run(ctx) {
    installExcelEnums();
    const small = Math.max(1, Math.round(ctx.options.staff / 10));
    return [...(await flow(small, ctx)), ...(await flow(ctx.options.staff, ctx))];
  },
};
