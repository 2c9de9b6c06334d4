/**
 * The plan sheet on the command line (issue 13): `cchc plan --xlsx` writes it (never over a file
 * without --force), an input workbook's "Kế hoạch CCHC" sheet or `--plan F.xlsx` replaces the
 * built-in plan, an edited threshold changes the status, and a malformed sheet stops everything
 * with the cell named.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { HCMC_PLAN } from '../../src/plan';
import { PLAN_HEADER_ROW } from '../../src/plan/sheet-layout';
import { readPlanSheet } from '../../src/plan/sheet';
import { addPlanSheet } from '../../src/xlsx/plan-write';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { buildWorkbook, canonicalSheets, toBuffer, XRow } from '../xlsx/book';
import { runCli as cli } from '../helpers/cli';

const UNITS: XRow[] = [[1, 'Sở Nội vụ', 'Sở, ban, ngành', 2, 2023]];
const STAFF: XRow[] = [[1, 'Nguyễn Văn An', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 2023, 'x', 'x', null, null, null]];
const ACTIVITIES: XRow[] = [[1, 'Tập huấn chấm điểm', 'Tập huấn, hướng dẫn nghiệp vụ', 'Trực tuyến', '2024-10-01', 100, 90]];

/** Sets the threshold of `id` for `year` in the plan sheet of `wb`. */
function setThreshold(wb: ExcelJS.Workbook, id: string, year: number, text: string): string {
  const ws = wb.getWorksheet('Kế hoạch CCHC');
  if (!ws) throw new Error('no plan sheet');
  const header = ws.getRow(PLAN_HEADER_ROW + 1);
  let col = 0;
  header.eachCell((c, n) => {
    if (c.value === year) col = n;
  });
  let row = 0;
  ws.eachRow((r, n) => {
    if (n > PLAN_HEADER_ROW + 1 && r.getCell(1).value === id) row = n;
  });
  ws.getCell(row, col).value = text;
  return ws.getCell(row, col).address;
}

let dir = '';
let brokenCell = '';
const at = (name: string) => path.join(dir, name);
const status = (json: string, id: string) =>
  (JSON.parse(json) as { targets: Array<{ id: string; status: string }> }).targets.find((t) => t.id === id)?.status;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-plan-sheet-'));
  writeFileSync(at('data.xlsx'), await toBuffer(buildWorkbook(canonicalSheets(UNITS, STAFF, ACTIVITIES))));
  const withPlan = buildWorkbook(canonicalSheets(UNITS, STAFF, ACTIVITIES));
  addPlanSheet(withPlan, HCMC_PLAN, { lang: 'vi', inclusive: false });
  setThreshold(withPlan, 'T09', 2024, '≥ 2');
  writeFileSync(at('data-plan.xlsx'), await toBuffer(withPlan));
  const broken = buildWorkbook(canonicalSheets(UNITS, STAFF, ACTIVITIES));
  addPlanSheet(broken, HCMC_PLAN, { lang: 'vi', inclusive: false });
  brokenCell = setThreshold(broken, 'T09', 2024, 'hai lớp');
  writeFileSync(at('data-broken.xlsx'), await toBuffer(broken));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('cchc plan --xlsx writes the plan sheet, read back to the same plan; an existing file needs --force', async () => {
  const r = await cli(['plan', '--xlsx', 'ke-hoach.xlsx'], dir);
  expect(r.code).toBe(0);
  const read = readPlanSheet(readXlsx(readFileSync(at('ke-hoach.xlsx')), { name: 'ke-hoach.xlsx' }).grid);
  expect(read).toMatchObject({ status: 'ok', plan: HCMC_PLAN, inclusive: false });
  const again = await cli(['plan', '--xlsx', 'ke-hoach.xlsx'], dir);
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/đã có; thêm --force/);
  expect((await cli(['plan', '--xlsx', 'ke-hoach.xlsx', '--force', '--inclusive'], dir)).code).toBe(0);
  const inclusive = readPlanSheet(readXlsx(readFileSync(at('ke-hoach.xlsx')), { name: 'ke-hoach.xlsx' }).grid);
  expect(inclusive).toMatchObject({ status: 'ok', inclusive: true });
  expect((await cli(['plan', '--xlsx', 'ke-hoach.txt'], dir)).code).toBe(2);
});

test('the input workbook\'s plan sheet replaces the built-in plan (T09 2024 "≥ 2" → not met)', async () => {
  const builtIn = await cli(['evaluate', 'data.xlsx', '--year', '2024', '--json'], dir);
  expect(status(builtIn.out, 'T09')).toBe('met');
  const own = await cli(['evaluate', 'data-plan.xlsx', '--year', '2024', '--json'], dir);
  expect(own.code).toBe(0);
  expect(status(own.out, 'T09')).toBe('not_met');
});

test("--plan F.xlsx: that workbook's plan sheet for other files", async () => {
  const wb = new ExcelJS.Workbook();
  addPlanSheet(wb, HCMC_PLAN, { lang: 'vi', inclusive: false });
  setThreshold(wb, 'T09', 2024, '≥ 2');
  writeFileSync(at('plan-only.xlsx'), await toBuffer(wb));
  const r = await cli(['evaluate', 'data.xlsx', '--year', '2024', '--json', '--plan', 'plan-only.xlsx'], dir);
  expect(r.code).toBe(0);
  expect(status(r.out, 'T09')).toBe('not_met');
  const none = await cli(['evaluate', 'data.xlsx', '--plan', 'data.xlsx'], dir);
  expect(none.code).toBe(2);
  expect(none.err).toMatch(/không có trang "Kế hoạch CCHC"/);
});

test('a malformed plan sheet: exit 2, the cell named, nothing evaluated', async () => {
  const r = await cli(['evaluate', 'data-broken.xlsx', '--year', '2024', '--json'], dir);
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toContain(
    `trang kế hoạch trong "data-broken.xlsx" không hợp lệ, chưa đánh giá: 'Kế hoạch CCHC'!${brokenCell}: cần ngưỡng số lượng`,
  );
  expect(r.err).toContain('"hai lớp"');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(existsSync(at('out.xlsx'))).toBe(false);
});

test('several files: one plan sheet applies to all; two different ones are refused', async () => {
  const r = await cli(['evaluate', 'data-plan.xlsx', 'data.xlsx', '--year', '2024', '--json'], dir);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.out) as { files: unknown[] };
  // Each file has one training in 2024: not "≥ 2" alone, but two together are.
  expect(json.files.map((f) => status(JSON.stringify(f), 'T09'))).toEqual(['not_met', 'not_met']);
  const other = buildWorkbook(canonicalSheets(UNITS, STAFF, ACTIVITIES));
  addPlanSheet(other, HCMC_PLAN, { lang: 'vi', inclusive: false });
  setThreshold(other, 'T09', 2024, '≥ 3');
  writeFileSync(at('data-plan-3.xlsx'), await toBuffer(other));
  const clash = await cli(['evaluate', 'data-plan.xlsx', 'data-plan-3.xlsx', '--year', '2024', '--json'], dir);
  expect(clash.code).toBe(2);
  expect(clash.err).toMatch(/có trang kế hoạch khác nhau/);
});
