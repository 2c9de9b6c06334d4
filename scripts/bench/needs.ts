/**
 * Who still needs training, as the task pane asks for it: the session over the in-memory Excel on
 * the bench's workbook, evaluated once; then the lists worked out (the engine's details: time and
 * people listed; the first click: syncs for the names and titles the read skipped and the sheets'
 * ids, bytes back) and a person gone to by identity (syncs, bytes back). The lists are made on the
 * first click, never with the evaluation.
 */
import { staffDetails } from '../../src/engine/details';
import { readWorkbook } from '../../src/excel/read';
import { Session } from '../../src/excel/session';
import { NAME_ROWS_PER_SYNC } from '../../src/excel/training-needs';
import { FakeExcel, installExcelEnums, setupsFromGrid } from '../../src/fake-excel';
import { HCMC_PLAN } from '../../src/plan';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { BenchRow, BenchSection, measure } from './harness';

export const needsSection: BenchSection = {
  id: 'needs',
  title: 'Who still needs training in the pane (details, go to a person by identity)',
  async run(ctx) {
    installExcelEnums();
    const o = ctx.options;
    const grid = readXlsx(ctx.fixture.buffer, { name: 'bench.xlsx' }).grid;
    const fake = new FakeExcel({ platform: 'web', sheets: setupsFromGrid(grid) });
    const env = { run: fake.run, supports: () => true };
    const session = new Session(env, { lang: 'vi' });
    await session.detect();
    const evaluation = await session.evaluate(o.year, false);
    const read = await readWorkbook(env, {});
    const details = await measure(() => staffDetails(read.grid, read.dataset, HCMC_PLAN, evaluation), o.runs, o.warmup);
    const people = details.result.reduce(
      (n, u) => n + u.targets.reduce((m, t) => m + t.missing.length + t.unknownRows.length, 0),
      0,
    );
    fake.resetStats();
    const t0 = performance.now();
    const units = await session.trainingNeeds();
    const needsMs = performance.now() - t0;
    const needs = fake.stats.filter((s) => s.roundTrip !== false);
    const maxBack = Math.max(...needs.map((s) => s.responseBytes));
    const person = units.flatMap((u) => u.targets.flatMap((t) => t.missing))[0];
    fake.resetStats();
    const out = person ? await session.selectPerson(person) : null;
    const select = fake.stats.filter((s) => s.roundTrip !== false);
    const rows: BenchRow[] = [
      {
        measure: 'details (engine)',
        stats: details.stats,
        note: `${people.toLocaleString('en-US')} people listed (T02/T03/T04, by unit)`,
      },
      {
        measure: 'first click: syncs, max bytes back',
        value: `${needs.length}, ${(maxBack / 1024 / 1024).toFixed(2)} MB`,
        note: `names and titles the read skipped (one sync per ${NAME_ROWS_PER_SYNC.toLocaleString('en-US')} rows) + the sheets’ ids · ${needsMs.toFixed(0)} ms in the fake`,
      },
      {
        measure: 'go to a person: syncs, bytes back',
        value: `${select.length}, ${select.reduce((n, s) => n + s.responseBytes, 0)}`,
        note: `sheet, name cell, select · ${out?.status ?? 'no one to go to'}`,
      },
    ];
    return rows;
  },
};
