/**
 * The pane's figures are the command line's: every kind of workbook the tests use goes through
 * the command line's reader (the project's own .xlsx reader + engine) and through the Excel adapter on the
 * in-memory Excel (the same workbook put into it with its merged areas and tables), and the SPEC
 * JSON of both must be equal — merged unit cells, several tables on a sheet, a LibreOffice-saved
 * file, the shared fixtures and a synthetic official-layout workbook included.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { installExcelEnums } from '../../src/fake-excel';
import { readWorkbook } from '../../src/excel/read';
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { synthesize, toBuffer } from '../../scripts/synth';
import { buildWorkbook } from '../xlsx/book';
import { foldKey } from '../../src/text/fold';
import { envOf, fakeOf } from '../helpers/fake-book';

installExcelEnums();
jest.setTimeout(120_000);

const fixtures = path.join(__dirname, '../fixtures');

async function both(buf: Buffer, name: string, year: number): Promise<{ cli: unknown; pane: unknown }> {
  const cli = toSpecJson(evaluate(readDataset(readXlsx(buf, { name }).grid), HCMC_PLAN, { year, inclusive: false }));
  const fake = fakeOf(gridOf(await loadWorkbook(buf, name)));
  const read = await readWorkbook(envOf(fake));
  const pane = toSpecJson(evaluate(read.dataset, HCMC_PLAN, { year, inclusive: false }));
  return { cli, pane };
}

const file = (name: string) => readFileSync(path.join(fixtures, name));

/** p2 with the staff list's unit cells merged down each unit's people (as many offices keep it). */
async function p2MergedUnits(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(file('p2-government.xlsx') as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('DS CBCCVC');
  if (!ws) throw new Error('no staff sheet');
  // The unit column: the header cell that reads "Đơn vị…" in the header rows.
  let unitCol = 0;
  for (let r = 7; r <= 8 && unitCol === 0; r++)
    ws.getRow(r).eachCell((c, col) => {
      if (unitCol === 0 && foldKey(String(c.value ?? '')) === 'don vi') unitCol = col;
    });
  if (unitCol === 0) throw new Error('no unit column');
  let start = 9;
  const last = ws.rowCount;
  for (let r = 10; r <= last + 1; r++) {
    const prev = ws.getCell(start, unitCol).value;
    const cur = r <= last ? ws.getCell(r, unitCol).value : null;
    // The same unit however it is spelled ("Văn phòng UBND …" / "VĂN PHÒNG …").
    const key = (v: ExcelJS.CellValue) => (typeof v === 'string' ? foldKey(v) : null);
    if (r > last || key(cur) !== key(prev) || key(prev) === null) {
      if (r - 1 > start && prev !== null) {
        for (let k = start + 1; k <= r - 1; k++) ws.getCell(k, unitCol).value = null;
        ws.mergeCells(start, unitCol, r - 1, unitCol);
      }
      start = r;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Units and staff as two Excel tables on one sheet, activities beside them in a third. */
async function severalTables(): Promise<Buffer> {
  const wb = buildWorkbook([
    {
      name: 'Dữ liệu',
      tables: [
        {
          name: 'DonVi',
          ref: 'A1',
          headers: ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC'],
          rows: [
            [1, 'Sở Nội vụ', 'Sở, ban, ngành', 2],
            [2, 'UBND Quận 1', 'UBND cấp huyện', 0],
          ],
        },
        {
          name: 'CanBo',
          ref: 'F1',
          headers: ['STT', 'Họ và tên', 'Đơn vị', 'Làm công tác CCHC', 'Đã bồi dưỡng CCHC'],
          rows: [
            [1, 'Nguyễn Văn A', 'Sở Nội vụ', 'x', 'x'],
            [2, 'Trần Thị B', 'Sở Nội vụ', 'x', ''],
            [3, 'Lê Văn C', 'UBND Quận 1', 'x', 'x'],
          ],
        },
      ],
    },
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A workbook as LibreOffice saves it (booleans as =TRUE(), its own styles and shared strings). */
function libreOfficeCopy(buf: Buffer, name: string): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'cchc-lo-'));
  const src = path.join(dir, `src-${name}`);
  writeFileSync(src, buf);
  const out = path.join(dir, 'out');
  execFileSync(
    'soffice',
    ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', out, src],
    {
      stdio: 'ignore',
      timeout: 100_000,
    },
  );
  try {
    return readFileSync(path.join(out, `src-${name}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases: Array<[string, () => Promise<Buffer>, number]> = [
  ['p1 (canonical layout)', async () => file('p1-canonical.xlsx'), 2024],
  ['p2 (official layout, two-row headers)', async () => file('p2-government.xlsx'), 2024],
  ['p2 with merged unit cells in the staff list', p2MergedUnits, 2024],
  ['several tables on one sheet', severalTables, 2025],
  [
    'a synthetic official-layout workbook with planted issues',
    async () =>
      toBuffer(synthesize({ seed: 7, units: 60, staff: 900, activities: 40, issues: true, layout: 'official' }).workbook),
    2024,
  ],
];

test.each(cases)('%s: the pane’s JSON is the command line’s', async (_name, make, year) => {
  const { cli, pane } = await both(await make(), 'book.xlsx', year);
  expect(pane).toEqual(cli);
});

const soffice = existsSync('/usr/bin/soffice');
(soffice ? test : test.skip)('a LibreOffice-saved p1 and p2: the pane’s JSON is the command line’s', async () => {
  for (const name of ['p1-canonical.xlsx', 'p2-government.xlsx']) {
    const { cli, pane } = await both(libreOfficeCopy(file(name), name), name, 2024);
    expect(pane).toEqual(cli);
  }
});

test('the pane reads the merged unit cells the command line reads', async () => {
  // Fill-down (SPEC §2) now reads a merged unit column like one written once per group, so the
  // figures alone cannot tell whether the pane loaded the merges: compare the merged areas.
  const buf = await p2MergedUnits();
  const grid = gridOf(await loadWorkbook(buf, 'm.xlsx'));
  const read = await readWorkbook(envOf(fakeOf(grid)));
  const mergesOf = (g: typeof grid, sheet: string) =>
    (g.sheets.find((s) => s.name === sheet)?.merges ?? []).map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort();
  const cli = mergesOf(grid, 'DS CBCCVC');
  expect(cli.length).toBeGreaterThan(20);
  expect(mergesOf(read.grid, 'DS CBCCVC')).toEqual(expect.arrayContaining(cli.filter((m) => Number(m.split(',')[0]) >= 8)));
});
