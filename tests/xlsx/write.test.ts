import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { utf8 } from '../../src/xlsx/patch/xml';
import { entryBytes, readZip } from '../../src/xlsx/patch/zip';
import { buildWorkbook, canonicalSheets, toBuffer } from './book';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env: {},
    cwd: dir,
  });
  return { code, out, err };
}

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(dir, file));
  return wb;
}

const sha = (file: string) =>
  createHash('sha256')
    .update(readFileSync(path.join(dir, file)))
    .digest('hex');

async function writeBook(file: string, wb: ExcelJS.Workbook): Promise<void> {
  writeFileSync(path.join(dir, file), await toBuffer(wb));
}

function conditionalFormats(ws: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (ws as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] }).conditionalFormattings;
}

function sampleBook(): ExcelJS.Workbook {
  const wb = buildWorkbook(
    canonicalSheets(
      [
        [1, 'Sở Nội vụ', 'Sở, ban, ngành', 1],
        [2, '=HYPERLINK("http://evil.example","bấm vào")', 'Sở, ban, ngành', 0],
        [3, '+84 28 3829 1234', 'Khác', null],
      ],
      [
        [1, 'Nguyễn Văn A', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 2023, 'x', 'x'],
        [2, 'Trần Thị B', 'Sở Nội vụ', 'Chuyên viên', null, 'x', null, 'x', '??'],
        [3, 'Lê Văn C', '=HYPERLINK("http://evil.example","bấm vào")', 'Giám đốc', 'x', 'x', null, null, null],
      ],
      [[1, 'Lớp A', 'Lớp bồi dưỡng ở nước ngoài', 'Trực tiếp', 2024, 20, 5]],
    ),
  );
  // A note of the user's right beside the units list: the status column must go past it.
  const units = wb.getWorksheet('Đơn vị');
  if (!units) throw new Error('no units sheet');
  units.getCell('F3').value = 'ghi chú của tôi';
  units.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } };
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

describe('cchc evaluate --out', () => {
  beforeAll(async () => {
    await writeBook('in.xlsx', sampleBook());
  });

  test('writes a copy with a status column beside the units list, never over a cell of the user', async () => {
    const before = sha('in.xlsx');
    const r = await run(['evaluate', 'in.xlsx', '--year', '2024', '--out', 'out.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(sha('in.xlsx')).toBe(before);
    const ws = sheet(await readBack('out.xlsx'), 'Đơn vị');
    expect(ws.getCell('F3').value).toBe('ghi chú của tôi');
    expect(ws.getCell('G1').value).toBe('Trạng thái CCHC 2024');
    // Sở Nội vụ meets T01–T03; T04 is 1 of 2 with the other unreadable ("??"): undetermined.
    expect(ws.getCell('G2').value).toBe('Chưa xác định');
    // The second unit has no CCHC job position (T01 not met).
    expect(ws.getCell('G3').value).toBe('Không đạt');
    expect(ws.getCell('G4').value).toBe('Không áp dụng');
    // The user's own fill is untouched; colors come from conditional formats keyed to column G.
    expect(ws.getCell('A2').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B0F0' } });
    const cfs = conditionalFormats(ws);
    expect(cfs).toHaveLength(1);
    expect(cfs[0].ref).toBe('A2:G4');
    expect(cfs[0].rules.map((x) => (x as ExcelJS.ExpressionRuleType).formulae)).toEqual([
      ['$G2="Không đạt"'],
      ['$G2="Chưa xác định"'],
      ['$G2="Đạt"'],
    ]);
  });

  test('running again on the copy replaces its own column and rules instead of stacking them', async () => {
    const r = await run(['evaluate', 'out.xlsx', '--year', '2025', '--out', 'out2.xlsx']);
    expect(r.code).toBe(0);
    const ws = sheet(await readBack('out2.xlsx'), 'Đơn vị');
    expect(ws.getCell('G1').value).toBe('Trạng thái CCHC 2025');
    expect(ws.getCell('H1').value).toBeNull();
    expect(conditionalFormats(ws)).toHaveLength(1);
  });

  test('the report sheet keeps workbook text as text: a name starting with "=" or "+" is not a formula', async () => {
    const report = sheet(await readBack('out.xlsx'), 'Báo cáo CCHC 2024');
    const values: ExcelJS.CellValue[] = [];
    report.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain('=HYPERLINK("http://evil.example","bấm vào")');
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    // Issues link to their cells with internal hyperlinks (a location in the workbook, not a URL).
    expect(values).toContain('Cán bộ!I3');
    const buf = readFileSync(path.join(dir, 'out.xlsx'));
    const sheetXml = readZip(buf)
      .filter((e) => e.name.startsWith('xl/worksheets/sheet'))
      .map((e) => utf8(entryBytes(buf, e)))
      .find((x) => x.includes('<hyperlinks>'));
    expect(sheetXml).toMatch(/<hyperlink ref="D\d+" location="'Cán bộ'!I3" display="Cán bộ!I3"\/>/);
  });

  test('a user sheet already named like the report is left alone; the report takes a free name', async () => {
    const wb = sampleBook();
    wb.addWorksheet('Báo cáo CCHC 2024').getCell('A1').value = 'của tôi';
    await writeBook('clash.xlsx', wb);
    expect((await run(['evaluate', 'clash.xlsx', '--year', '2024', '--out', 'clash-out.xlsx'])).code).toBe(0);
    const out = await readBack('clash-out.xlsx');
    expect(sheet(out, 'Báo cáo CCHC 2024').getCell('A1').value).toBe('của tôi');
    expect(out.getWorksheet('Báo cáo CCHC 2024 (2)')).toBeDefined();
  });

  test('--out equal to the input is refused before anything is written', async () => {
    const before = sha('in.xlsx');
    const r = await run(['evaluate', 'in.xlsx', '--out', 'in.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không bao giờ ghi đè/);
    expect(r.out).toBe('');
    expect(sha('in.xlsx')).toBe(before);
  });
});
