/**
 * The standard entry template (issue 13): `cchc template` writes the three lists as Excel tables
 * with canonical headers, data validation on the right ranges (checked in the sheet XML) with
 * Vietnamese input messages; a copy filled through exceljs reads back with no issue, and the
 * invalid entries a user could still force in are reported with their cells.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readDataset } from '../../src/engine';
import { ACTIVITY_KINDS, UNIT_KINDS } from '../../src/plan/types';
import { CATALOG, TEMPLATE_ROWS, TEMPLATE_SHEETS, templateLists } from '../../src/report/template';
import { readActivityKind, readFormat, readMarker, readUnitKind } from '../../src/workbook/values';
import { columnLetters } from '../../src/workbook/grid';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { runCli as cli } from '../helpers/cli';

// Loading the template through exceljs expands its 2,000-row validations cell by cell: seconds on a busy machine.
jest.setTimeout(60_000);

let dir = '';
const at = (name: string) => path.join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-template-'));
  expect((await cli(['template', 'mau.xlsx'], dir)).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Each sheet's XML by sheet name. */
async function sheetXml(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const wbXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const out = new Map<string, string>();
  for (const m of wbXml.matchAll(/<sheet\b[^>]*name="([^"]+)"[^>]*r:id="([^"]+)"[^>]*\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    out.set(m[1], (await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)?.async('string')) ?? '');
  }
  out.set('workbook.xml', wbXml);
  return out;
}

function validations(xml: string): Array<{ sqref: string; type: string; formula: string; prompt: string }> {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    sqref: /sqref="([^"]+)"/.exec(m[1])?.[1] ?? '',
    type: /type="([^"]+)"/.exec(m[1])?.[1] ?? '',
    prompt: /prompt="([^"]+)"/.exec(m[1])?.[1] ?? '',
    formula: (/<formula1>([\s\S]*?)<\/formula1>/.exec(m[2])?.[1] ?? '').replace(/&apos;/g, "'").replace(/&quot;/g, '"'),
  }));
}

test('an existing file is refused without --force', async () => {
  const r = await cli(['template', 'mau.xlsx'], dir);
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/đã có; thêm --force/);
  expect((await cli(['template', 'mau2.xlsx', '--force'], dir)).code).toBe(0);
  expect((await cli(['template'], dir)).code).toBe(2);
});

test('data validation on the right ranges, with Vietnamese input messages (sheet XML)', async () => {
  const xml = await sheetXml(at('mau.xlsx'));
  const rangeOf = (kind: 'units' | 'staff' | 'activities', field: string) => {
    const list = templateLists().find((l) => l.kind === kind);
    const col = columnLetters(list?.columns.findIndex((c) => c.field === field) ?? -1);
    return `${col}2:${col}${TEMPLATE_ROWS + 1}`;
  };
  const units = validations(xml.get(TEMPLATE_SHEETS.units) ?? '');
  const staff = validations(xml.get(TEMPLATE_SHEETS.staff) ?? '');
  const activities = validations(xml.get(TEMPLATE_SHEETS.activities) ?? '');
  const find = (vs: typeof units, sqref: string) => vs.find((v) => v.sqref === sqref);
  expect(find(units, rangeOf('units', 'kind'))).toMatchObject({ type: 'list', formula: "'Danh mục'!$A$2:$A$6" });
  expect(find(units, rangeOf('units', 'cchc_positions'))).toMatchObject({ type: 'whole', formula: '0' });
  expect(find(units, rangeOf('units', 'cchc_positions_year'))?.formula).toMatch(/^AND\(ISNUMBER\(E2\),.*2020.*2030/);
  expect(find(staff, rangeOf('staff', 'leader'))).toMatchObject({ type: 'list', formula: "'Danh mục'!$D$2:$D$4" });
  expect(find(staff, rangeOf('staff', 'trained'))?.formula).toMatch(/^OR\(G2="x",G2="có"/);
  expect(find(staff, rangeOf('staff', 'expert_year'))?.type).toBe('custom');
  expect(find(staff, rangeOf('staff', 'unit'))).toMatchObject({ type: 'list', formula: "'DS đơn vị'!$B$2:$B$2001" });
  expect(find(activities, rangeOf('activities', 'kind'))).toMatchObject({ type: 'list', formula: "'Danh mục'!$B$2:$B$5" });
  expect(find(activities, rangeOf('activities', 'format'))).toMatchObject({ type: 'list', formula: "'Danh mục'!$C$2:$C$4" });
  expect(find(activities, rangeOf('activities', 'participants'))?.type).toBe('whole');
  expect(find(activities, rangeOf('activities', 'date'))?.type).toBe('custom');
  expect(find(units, rangeOf('units', 'kind'))?.prompt).toBe('Chọn loại đơn vị trong danh sách.');
  // Free-text columns carry none: names, titles.
  expect(find(staff, rangeOf('staff', 'name'))).toBeUndefined();
  // The catalogue sheet is very hidden; the lists are Excel tables.
  expect(xml.get('workbook.xml')).toMatch(/name="Danh mục"[^>]*state="veryHidden"/);
  const zip = await JSZip.loadAsync(readFileSync(at('mau.xlsx')));
  const tables = await Promise.all(zip.file(/xl\/tables\/table\d+\.xml/).map((f) => f.async('string')));
  expect(tables.map((t) => /displayName="([^"]+)"/.exec(t)?.[1]).sort()).toEqual(['CanBo', 'DonVi', 'HoatDong']);
});

test('every drop-down value reads back as what it offers', () => {
  expect(CATALOG.unit_kind.map(readUnitKind)).toEqual(UNIT_KINDS);
  expect(CATALOG.activity_kind.map(readActivityKind)).toEqual(ACTIVITY_KINDS);
  expect(CATALOG.format.map(readFormat)).toEqual(['in_person', 'online', 'blended']);
  expect(CATALOG.marker.map((m) => readMarker(m).code > 0)).toEqual([true, true, false]);
});

/** Fills a list's table through exceljs (as a user typing under it: the table grows). */
function fill(wb: ExcelJS.Workbook, sheet: string, rows: ExcelJS.CellValue[][]): void {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet}`);
  rows.forEach((r, i) => r.forEach((v, c) => (ws.getCell(i + 2, c + 1).value = v)));
  const table = Object.values(
    (ws as unknown as { tables: Record<string, { table: { tableRef: string; autoFilterRef?: string } }> }).tables,
  )[0];
  const width = rows[0].length;
  table.table.tableRef = `A1:${columnLetters(width - 1)}${rows.length + 1}`;
  table.table.autoFilterRef = table.table.tableRef;
}

async function filled(
  units: ExcelJS.CellValue[][],
  staff: ExcelJS.CellValue[][],
  activities: ExcelJS.CellValue[][],
  name: string,
) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(at('mau.xlsx'));
  fill(wb, TEMPLATE_SHEETS.units, units);
  fill(wb, TEMPLATE_SHEETS.staff, staff);
  fill(wb, TEMPLATE_SHEETS.activities, activities);
  writeFileSync(at(name), Buffer.from(await wb.xlsx.writeBuffer()));
  return readDataset(readXlsx(readFileSync(at(name)), { name: name }).grid);
}

const UNITS = [
  [1, 'UBND Phường Bến Nghé', 'UBND phường, xã, thị trấn', 1, 2024],
  [2, 'Phòng Nội vụ Quận 1', 'Phòng Nội vụ', 2, new Date(Date.UTC(2023, 5, 1))],
];
const STAFF = [
  [1, 'Nguyễn Văn An', 'UBND Phường Bến Nghé', 'Chủ tịch', 'x', 'x', 2024, 2024, 'x', null, null, null],
  [
    2,
    'Trần Thị Bình',
    'Phòng Nội vụ Quận 1',
    'Chuyên viên',
    null,
    'Có',
    new Date(Date.UTC(2023, 2, 15)),
    'x',
    2025,
    2024,
    null,
    2025,
  ],
];
const ACTIVITIES = [[1, 'Tập huấn chấm điểm CCHC', 'Tập huấn, hướng dẫn nghiệp vụ', 'Trực tuyến', 2024, 120, 100]];

test('filled with valid entries: read back with every row and no issue', async () => {
  const d = await filled(UNITS, STAFF, ACTIVITIES, 'valid.xlsx');
  expect(d.issues).toEqual([]);
  expect(d.units.map((u) => [u.name, u.kind])).toEqual([
    ['UBND Phường Bến Nghé', 'ubnd_xa'],
    ['Phòng Nội vụ Quận 1', 'phong_noi_vu'],
  ]);
  expect(d.staff.count).toBe(2);
  expect(d.activities.map((a) => a.kind)).toEqual(['training']);
  // The instructions and the catalogue are not lists.
  expect([...d.lists.units, ...d.lists.staff, ...d.lists.activities].map((l) => l.sheet)).toEqual([
    TEMPLATE_SHEETS.units,
    TEMPLATE_SHEETS.staff,
    TEMPLATE_SHEETS.activities,
  ]);
});

test('invalid entries forced in are reported with their cells', async () => {
  const units = [UNITS[0], [2, 'Trường học X', 'Trường học', 'nhiều', null]];
  const staff = [
    STAFF[0],
    [2, 'Lê Văn Cường', 'Phòng Tài chính', 'Chuyên viên', null, 'x', 'năm ngoái', null, null, null, null, 1890],
  ];
  const d = await filled(units, staff, ACTIVITIES, 'invalid.xlsx');
  const got = d.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`).sort();
  expect(got).toEqual(
    [
      `unknown_kind ${TEMPLATE_SHEETS.units}!C3`,
      `unknown_value ${TEMPLATE_SHEETS.units}!D3`,
      `unknown_unit ${TEMPLATE_SHEETS.staff}!C3`,
      `unknown_value ${TEMPLATE_SHEETS.staff}!G3`,
      `bad_year ${TEMPLATE_SHEETS.staff}!L3`,
    ].sort(),
  );
});

test('--units pre-fills the units list (text file, kinds from the names)', async () => {
  writeFileSync(at('phuong.txt'), 'UBND Phường 1\nUBND Phường 2\n\nUBND Phường 1\nPhòng Nội vụ Quận 3\n');
  const r = await cli(['template', 'quan3.xlsx', '--units', 'phuong.txt'], dir);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/3 đơn vị/);
  const d = readDataset(readXlsx(readFileSync(at('quan3.xlsx')), { name: 'quan3.xlsx' }).grid);
  expect(d.units.map((u) => [u.name, u.kind])).toEqual([
    ['UBND Phường 1', 'ubnd_xa'],
    ['UBND Phường 2', 'ubnd_xa'],
    ['Phòng Nội vụ Quận 3', 'phong_noi_vu'],
  ]);
  expect(d.issues.filter((i) => i.list === 'units')).toEqual([]);
});
