/**
 * Who still needs training, from the pane's session over the in-memory Excel: the same people as
 * the engine's details, and going to a person's row by identity — after a rename it still finds
 * the sheet, after an inserted row it refuses instead of selecting someone else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { SampleBook } from '../../src/excel/sample';
import { Session } from '../../src/excel/session';
import { readWorkbook } from '../../src/excel/read';
import { sameName } from '../../src/excel/select-person';
import { UnitDetails, withNames } from '../../src/excel/training-needs';
import { columnLetters } from '../../src/workbook/grid';
import { staffDetails } from '../../src/engine/details';
import { HCMC_PLAN } from '../../src/plan';
import { envOf } from '../helpers/fake-book';

installExcelEnums();
const root = path.join(__dirname, '../..');
const sample = (): SampleBook => JSON.parse(readFileSync(path.join(root, 'assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;

async function evaluated() {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sample() });
  await session.insertSample();
  await session.detect();
  const evaluation = await session.evaluate(2024, false);
  return { fake, session, evaluation };
}

describe('training needs in the pane’s session', () => {
  test('refused before an evaluation', async () => {
    const fake = new FakeExcel();
    const session = new Session(envOf(fake), { lang: 'vi', loadSample: async () => sample() });
    await expect(session.trainingNeeds()).rejects.toMatchObject({ code: 'not_evaluated' });
  });

  test('lists the engine’s details, worked out once per evaluation', async () => {
    const { fake, session, evaluation } = await evaluated();
    const units = await session.trainingNeeds();
    const missing = units.flatMap((u) => u.targets.flatMap((t) => t.missing));
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((p) => p.name !== '' && p.row > 0)).toBe(true);
    const syncs = fake.stats.length;
    expect(await session.trainingNeeds()).toBe(units);
    expect(fake.stats.length).toBe(syncs);
    // The engine's own people, as `cchc evaluate --details` lists them (titles the read skipped filled in).
    const { grid, dataset } = await readWorkbook(envOf(fake), {});
    const who = (us: readonly UnitDetails[]) =>
      JSON.stringify(
        us.map((u) => u.targets.map((t) => [t.id, ...[...t.missing, ...t.unknownRows].map((p) => `${p.row} ${p.name}`)])),
      );
    expect(who(units)).toBe(who(staffDetails(grid, dataset, HCMC_PLAN, evaluation)));
  });

  test('goes to the person’s row, and finds the sheet again after a rename', async () => {
    const { fake, session } = await evaluated();
    const person = (await session.trainingNeeds()).flatMap((u) => u.targets.flatMap((t) => t.missing))[0];
    const out = await session.selectPerson(person);
    expect(out.status).toBe('selected');
    expect(fake.selection.sheet).toBe(person.sheet);
    expect(fake.selection.address).toMatch(new RegExp(`^[A-Z]+${person.row}$`));
    expect(fake.cell(person.sheet, fake.selection.address).value).toBe(person.name);

    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(person.sheet).name = 'Nhân sự 2024';
      await context.sync();
    });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(fake.sheetNames()[0]).activate();
      await context.sync();
    });
    const again = await session.selectPerson(person);
    expect(again).toMatchObject({ status: 'selected', sheet: 'Nhân sự 2024' });
    expect(fake.selection.sheet).toBe('Nhân sự 2024');
  });

  test('refuses a row that no longer holds the name (a row inserted above), selecting nothing', async () => {
    const { fake, session } = await evaluated();
    const person = (await session.trainingNeeds()).flatMap((u) => u.targets.flatMap((t) => t.missing))[0];
    const other = fake.sheetNames().find((n) => n !== person.sheet) as string;
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(person.sheet);
      ws.getRange(`${person.row}:${person.row}`).insert(Excel.InsertShiftDirection.down);
      context.workbook.worksheets.getItem(other).activate();
      await context.sync();
    });
    const before = fake.selection;
    const out = await session.selectPerson(person);
    expect(out).toMatchObject({ status: 'moved', sheet: person.sheet, found: '' });
    expect(fake.selection).toEqual(before);
  });

  test('a note typed over the name, or a column inserted before the names: refused, nothing selected', async () => {
    const { fake, session } = await evaluated();
    const people = (await session.trainingNeeds()).flatMap((u) => u.targets.flatMap((t) => t.missing));
    const [first, second] = [people[0], people.find((p) => p.row !== people[0].row) as (typeof people)[0]];
    const other = fake.sheetNames().find((n) => n !== first.sheet) as string;
    expect((await session.selectPerson(second)).status).toBe('selected');
    const nameCell = fake.selection.address;
    // Between clicks: a note typed over the second person's name, another sheet looked at.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(second.sheet).getRange(nameCell).values = [['đã nghỉ hưu']];
      context.workbook.worksheets.getItem(other).activate();
      await context.sync();
    });
    const before = fake.selection;
    expect(await session.selectPerson(second)).toMatchObject({ status: 'moved', found: 'đã nghỉ hưu' });
    expect(fake.selection).toEqual(before);
    // Then a column inserted left of the names: the first person's name cell now holds something else.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(first.sheet).getRange('A:A').insert(Excel.InsertShiftDirection.right);
      await context.sync();
    });
    expect((await session.selectPerson(first)).status).toBe('moved');
    expect(fake.selection).toEqual(before);
  });

  test('a deleted sheet: gone, nothing selected', async () => {
    const { fake, session } = await evaluated();
    const person = (await session.trainingNeeds()).flatMap((u) => u.targets.flatMap((t) => t.missing))[0];
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(person.sheet).delete();
      await context.sync();
    });
    expect(await session.selectPerson(person)).toEqual({ status: 'gone' });
  });

  test('names and titles the read left out are read for the people listed, in one sync', async () => {
    const { fake, session } = await evaluated();
    const units = await session.trainingNeeds();
    const read = await readWorkbook(envOf(fake), {});
    const people = (us: readonly UnitDetails[]) => us.flatMap((u) => u.targets.flatMap((t) => [...t.missing, ...t.unknownRows]));
    // Every name and title as the sheet holds it (the read skips titles where "Lãnh đạo" says who leads).
    const { name, title } = read.lists.staff[0].columns;
    const asInSheet = people(units).filter((p) => {
      const cell = (col: number | undefined) =>
        String(fake.cell(p.sheet, `${columnLetters(col ?? 0)}${p.row}`).value ?? '').trim();
      return p.name === cell(name) && p.title === cell(title);
    });
    expect(asInSheet.length).toBe(people(units).length);
    expect(people(units).filter((p) => p.title !== '').length).toBeGreaterThan(people(units).length / 2);
    // As the reader of a large numbered list leaves them: no names, no titles.
    const blank = units.map((u) => ({
      ...u,
      targets: u.targets.map((t) => ({
        ...t,
        missing: t.missing.map((p) => ({ ...p, name: '', title: '' })),
        unknownRows: t.unknownRows.map((p) => ({ ...p, name: '', title: '' })),
      })),
    }));
    fake.resetStats();
    expect(await withNames(envOf(fake), read, blank)).toEqual(units);
    expect(fake.stats.filter((s) => s.roundTrip !== false)).toHaveLength(1);
  });

  test('names compare as shown: NFC, spaces collapsed', () => {
    expect(sameName('Nguyễn  Văn An ', 'Nguye\u0302\u0303n Văn An')).toBe(true);
    expect(sameName('Nguyễn Văn An', 'Nguyễn Văn Anh')).toBe(false);
  });
});
