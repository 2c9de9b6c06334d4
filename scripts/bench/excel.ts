/**
 * The Excel adapter against the in-memory Excel (src/fake-excel): evaluate + color + report, as
 * the task pane does it after finding the lists on open, at two sizes, and a hostile one: 30,000
 * staff with one unreadable column (an issue per person) and a stray value at A1048576. Prints
 * round trips, payload per sync, proxies and calls. Budgets: evaluate ≤ 2 syncs (more only when
 * chunking), color 2 (prove what is the add-in's, then write), report 3 (prove, write, then its id
 * with the chart and print setup, guarded) plus one per chunk of the issues sheet; ≤ 2.5 MB per
 * sync; proxies and calls that do not grow with the number of rows.
 */
import { Session } from '../../src/excel/session';
import { FakeExcel, installExcelEnums, setupsFromGrid } from '../../src/fake-excel';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { synthesize, toBuffer } from '../synth';
import { BenchRow, BenchSection } from './harness';
import { columnLetters } from '../../src/workbook/grid';

const MB = 1024 * 1024;

/** The hostile case: every person's "trained" cell unreadable, and a stray value at A1048576. */
async function hostile(fake: FakeExcel, session: Session): Promise<void> {
  const d = await session.detect();
  const staff = d.lists.find((l) => l.kind === 'staff');
  const trained = staff?.fields.find((f) => f.field === 'trained')?.column;
  if (!staff || trained === undefined || trained === null) throw new Error('bench: no trained column');
  const top = staff.headerRows[1];
  fake.setValues(
    staff.sheet,
    `${columnLetters(trained)}${top + 1}`,
    Array.from({ length: staff.rows }, (_, i) => [`chưa rõ (${i % 7})`]),
  );
  fake.setValues(staff.sheet, 'A1048576', [['x']]);
}

async function flow(
  staff: number,
  ctx: Parameters<BenchSection['run']>[0],
  label = `${staff.toLocaleString('en-US')} staff`,
  prepare?: (fake: FakeExcel, session: Session) => Promise<void>,
): Promise<BenchRow[]> {
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
  if (prepare) await prepare(fake, new Session(env, { lang: 'vi' }));
  fake.resetStats();
  await session.detect();
  const open = fake.stats.filter((s) => s.roundTrip !== false).length;
  fake.resetStats();
  const t0 = performance.now();
  await session.evaluate(o.year, false);
  const reads = fake.stats.filter((s) => s.roundTrip !== false).length;
  await session.color();
  const colors = fake.stats.filter((s) => s.roundTrip !== false).length - reads;
  await session.report();
  const ms = performance.now() - t0;
  const all = fake.stats.filter((s) => s.roundTrip !== false);
  const refused = all.filter((s) => !s.ok).length;
  const syncs = all.filter((s) => s.ok);
  const reports = all.length - reads - colors;
  const maxRequest = Math.max(...syncs.map((s) => s.requestBytes));
  const maxResponse = Math.max(...syncs.map((s) => s.responseBytes));
  const proxies = syncs.reduce((n, s) => n + s.proxies, 0);
  const calls = syncs.reduce((n, s) => n + s.calls, 0);
  const perSync = syncs.map((s) => `${s.calls}/${s.proxies}`).join(' · ');
  const budget = colors === 2 && reports >= 3 && (reads <= 2 || maxResponse > 1.5 * MB);
  const size = label;
  return [
    {
      measure: `${size}: syncs`,
      value: String(all.length),
      note: `evaluate ${reads} + color ${colors} + report ${reports} (on open: ${open}; refused for size and retried: ${refused}) · budget (evaluate ≤ 2 unless chunked, color 2, report 3 + issue chunks): ${budget ? 'met' : 'NOT met'} · ${ms.toFixed(0)} ms in the fake`,
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
    return [
      ...(await flow(small, ctx)),
      ...(await flow(ctx.options.staff, ctx)),
      ...(await flow(30_000, ctx, '30,000 staff, an unreadable column, a value at A1048576', hostile)),
    ];
  },
};
