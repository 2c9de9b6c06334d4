/**
 * The training-needed list at its limit (TRAINING_LIMIT people, every one linked) under Excel on
 * the web's 5 MB payload limit — its own write, and the proofs that later writes and "Xóa màu"
 * load — with the sizes printed (the numbers the README quotes).
 */
import { installExcelEnums, WEB_PAYLOAD_LIMIT } from '../../src/fake-excel';
import { evaluate } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { readWorkbook } from '../../src/excel/read';
import { writeResults } from '../../src/excel/write';
import { clearAdded } from '../../src/excel/clear';
import { writeTrainingSheet } from '../../src/excel/extra-reports';
import { TRAINING_LIMIT } from '../../src/report/training-sheet';
import { envOf, fakeOf } from '../helpers/fake-book';
import { grid, staffSheet, times, unitsSheet } from '../engine/grids';

installExcelEnums();
jest.setTimeout(120_000);

test('a list of TRAINING_LIMIT people and the proofs after it stay under the limit, in 3 syncs', async () => {
  const n = TRAINING_LIMIT + 500;
  const units = Array.from({ length: 40 }, (_, i) => ({ name: `Ủy ban nhân dân Phường ${i + 1} Quận Bình Thạnh`, positions: 1 }));
  const people = units.flatMap((u) =>
    times(Math.ceil(n / units.length), {
      name: 'Nguyễn Thị Thanh Hương',
      unit: u.name,
      title: 'Phó Chủ tịch Ủy ban nhân dân',
      leader: 'x',
      cchc: 'x',
      trained: 'không',
      skills: 'x',
      elearning: 'x',
    }),
  );
  const fake = fakeOf(grid(unitsSheet(units), staffSheet(people, 'Danh sách cán bộ, công chức')));
  const read = await readWorkbook(envOf(fake));
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  fake.resetStats();
  const out = await writeTrainingSheet(envOf(fake), read, HCMC_PLAN, e, { lang: 'vi', date: new Date(2025, 0, 5) });
  const write = fake.stats.filter((s) => s.roundTrip !== false);
  expect(write).toHaveLength(3);
  expect(write.every((s) => s.ok)).toBe(true);
  const links = fake
    .snapshot()
    .sheets.find((s) => s.name === out.sheet)
    ?.cells.filter((c) => c.hyperlink).length;
  expect(links).toBe(TRAINING_LIMIT);

  fake.resetStats();
  await writeResults(envOf(fake), out.read, e, { color: false, report: true, lang: 'vi', date: new Date(2025, 0, 5) });
  const report = fake.stats.filter((s) => s.roundTrip !== false);
  fake.resetStats();
  const cleared = await clearAdded(envOf(fake), { reports: true });
  expect(cleared.reportSheets).toBe(2);
  const clear = fake.stats.filter((s) => s.roundTrip !== false);
  const mb = (b: number) => (b / 1024 / 1024).toFixed(2);
  const show = (what: string, stats: typeof write) =>
    `${what}: ${stats.map((s) => `${mb(s.requestBytes)}/${mb(s.responseBytes)} MB`).join(', ')}`;
  console.log(
    [
      `training list of ${TRAINING_LIMIT} people (request/response per sync)`,
      show('write', write),
      show('report after', report),
      show('clear', clear),
    ].join('\n'),
  );
  for (const s of [...write, ...report, ...clear]) {
    expect(s.ok).toBe(true);
    expect(Math.max(s.requestBytes, s.responseBytes)).toBeLessThan(WEB_PAYLOAD_LIMIT);
  }
});

test('a content sync Excel refuses leaves no sheet and no saved trace, and says why', async () => {
  const units = [{ name: 'Sở Nội vụ', positions: 1 }];
  const people = times(2000, {
    name: 'Nguyễn Văn A',
    unit: 'Sở Nội vụ',
    leader: 'x',
    cchc: 'x',
    trained: 'không',
    skills: 'x',
    elearning: 'x',
  });
  const fake = fakeOf(grid(unitsSheet(units), staffSheet(people)), { payloadLimitBytes: 150_000 });
  const read = await readWorkbook(envOf(fake), { payloadBudget: 60_000 });
  const e = evaluate(read.dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  const before = { sheets: fake.sheetNames(), settings: fake.settings() };
  await expect(writeTrainingSheet(envOf(fake), read, HCMC_PLAN, e, { lang: 'vi', date: new Date() })).rejects.toMatchObject({
    name: 'AddinError',
  });
  expect(fake.sheetNames()).toEqual(before.sheets);
  expect(fake.settings()).toEqual(before.settings);
});
