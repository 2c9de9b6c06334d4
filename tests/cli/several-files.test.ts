/**
 * SPEC §2 "Several files" and §4 `file`: given together, each unit and issue says which file it came
 * from, and the total keeps no "missing list" issue that only one file has.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { buildWorkbook, toBuffer } from '../xlsx/book';
import { ACTIVITIES, ACTIVITY_COLS, STAFF, STAFF_COLS, UNITS, UNIT_COLS, list } from '../xlsx/standard';
import { runCli as cli } from '../helpers/cli';

interface Part {
  file?: string;
  targets: Array<{ id: string; status: string; population: number | null; achieved: number; unknown: number }>;
  units: Array<{ name: string; status: string; file?: string }>;
  issues: Array<{ kind: string; sheet: string; cell: string; value: string; message: string; file?: string }>;
}

jest.setTimeout(30_000);

let dir = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-files-'));
  // District A: the city departments, with the activities list.
  const a = buildWorkbook([
    { name: 'Đơn vị', rows: list(UNIT_COLS, UNITS.slice(0, 2)) },
    { name: 'Cán bộ', rows: list(STAFF_COLS, STAFF.slice(0, 4)) },
    { name: 'Hoạt động', rows: list(ACTIVITY_COLS, ACTIVITIES) },
  ]);
  // District B: Quận 1 and a ward, no activities list, and Sở Nội vụ listed again.
  const b = buildWorkbook([
    { name: 'Đơn vị', rows: list(UNIT_COLS, [...UNITS.slice(2), UNITS[0]]) },
    { name: 'Cán bộ', rows: list(STAFF_COLS, STAFF.slice(4)) },
  ]);
  writeFileSync(path.join(dir, 'a.xlsx'), await toBuffer(a));
  writeFileSync(path.join(dir, 'b.xlsx'), await toBuffer(b));
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('several files given together', () => {
  test('units and issues carry their file; the total drops a missing list another file has', async () => {
    const r = await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--year', '2024', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { files: Part[]; total: Part };
    const [a, b] = json.files;
    expect(a.units.map((u) => u.file)).toEqual(['a.xlsx', 'a.xlsx']);
    expect(b.units.map((u) => u.file)).toEqual(['b.xlsx', 'b.xlsx', 'b.xlsx']);
    expect(b.issues.map((i) => [i.kind, i.file, i.value])).toEqual([['missing_column', 'b.xlsx', 'Danh sách hoạt động']]);
    expect(json.total.units.map((u) => [u.name, u.file])).toEqual([
      ['Sở Nội vụ', 'a.xlsx'],
      ['Sở Tư pháp', 'a.xlsx'],
      ['Phòng Nội vụ Quận 1', 'b.xlsx'],
      ['UBND Phường Bến Nghé', 'b.xlsx'],
      ['Sở Nội vụ', 'b.xlsx'],
    ]);
    // Sở Nội vụ is one unit: counted once in T01 (3 units), reported in the total.
    expect(json.total.issues.map((i) => [i.kind, i.file, i.sheet, i.cell])).toEqual([
      ['duplicate_unit', 'b.xlsx', 'Đơn vị', 'B4'],
    ]);
    expect(json.total.issues[0].message).toContain('a.xlsx');
    const t = (id: string) => json.total.targets.find((x) => x.id === id);
    expect(t('T01')).toMatchObject({ status: 'not_met', population: 3, achieved: 2 });
    expect(t('T07')).toMatchObject({ status: 'met', achieved: 1 });
    expect(json.total.units[4].status).toBe(json.total.units[0].status);
  });

  test('the text summary counts a unit listed in two files once', async () => {
    const r = await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--year', '2024'], dir);
    expect(r.code).toBe(0);
    const total = r.out.slice(r.out.lastIndexOf('Đạt '));
    expect(total).toMatch(/^Đạt 2 · Không đạt 2 · Chưa xác định 0 · Không áp dụng 0$/m);
    expect(total).toContain('Đơn vị không đạt: 2/4');
    expect(total.match(/Sở Tư pháp/g)).toHaveLength(1);
  });

  test('--period and --details: units and issues carry their file too (SPEC §4), as in the single-year result', async () => {
    const single = JSON.parse((await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--year', '2024', '--json'], dir)).out) as {
      total: Part;
    };
    const period = JSON.parse((await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--period', '--json'], dir)).out) as {
      years: Part[];
    };
    const y2024 = period.years[2];
    expect(y2024.units.map((u) => [u.name, u.file])).toEqual(single.total.units.map((u) => [u.name, u.file]));
    expect(y2024.issues.map((i) => [i.kind, i.file, i.cell])).toEqual([['duplicate_unit', 'b.xlsx', 'B4']]);
    const details = JSON.parse(
      (await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--year', '2024', '--json', '--details'], dir)).out,
    ) as {
      files: Part[];
      total: Part;
    };
    expect(details.files[1].units.map((u) => u.file)).toEqual(['b.xlsx', 'b.xlsx', 'b.xlsx']);
    expect(details.total.issues.map((i) => [i.kind, i.file])).toEqual([['duplicate_unit', 'b.xlsx']]);
  });

  test('the text summary and the Word report name the file of each data issue', async () => {
    const text = (await cli(['evaluate', 'a.xlsx', 'b.xlsx', '--year', '2024'], dir)).out;
    expect(text).toMatch(/^ {2}b\.xlsx: Đơn vị!B4 +Đơn vị "Sở Nội vụ"/m);
    expect(text).toContain('UBND Phường Bến Nghé (b.xlsx: Đơn vị!3)');
    const r = await cli(['report', 'a.xlsx', 'b.xlsx', '--year', '2024', '--docx', 'r.docx'], dir);
    expect(r.code).toBe(0);
    const xml = strFromU8(unzipSync(readFileSync(path.join(dir, 'r.docx')))['word/document.xml']);
    expect(xml).toContain('>b.xlsx: Đơn vị!B4<');
  });

  test('one file: no `file` keys (SPEC §4 keys unchanged)', async () => {
    const r = await cli(['evaluate', 'b.xlsx', '--year', '2024', '--json'], dir);
    const json = JSON.parse(r.out) as Part;
    expect(json.units.every((u) => !('file' in u))).toBe(true);
    expect(json.issues.every((i) => !('file' in i))).toBe(true);
  });
});
