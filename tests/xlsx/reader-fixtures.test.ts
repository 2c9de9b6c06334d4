/**
 * The project's own reader (the command line and the preview) must see exactly what exceljs's full reader sees:
 * every cell value (Vietnamese text whole, however the zip is chunked), merged areas, Excel tables,
 * hidden sheets, dates in both date systems, errors and LibreOffice booleans.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { readXlsxBytes, readXlsxFile } from '../../src/xlsx/file';
import { readXlsx } from '../../src/xlsx/read-xlsx';

jest.setTimeout(60_000);

const fixtures = path.join(__dirname, '../fixtures');
const files = [
  path.join(fixtures, 'p1-canonical.xlsx'),
  path.join(fixtures, 'p2-government.xlsx'),
  path.join(__dirname, '../../assets/sample/cchc-mau.xlsx'),
];

function cells(s: SheetGrid): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  // An empty text and no value are the same empty cell.
  s.rows.forEach((row, r) => row?.forEach((v, c) => v !== undefined && v !== null && v !== '' && out.set(`${r},${c}`, v)));
  return out;
}

const byPosition = (a: { top: number; left: number }, b: { top: number; left: number }) => a.top - b.top || a.left - b.left;

function expectSame(a: WorkbookGrid, b: WorkbookGrid): void {
  expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
  a.sheets.forEach((sa, i) => {
    const sb = b.sheets[i];
    const ca = cells(sa);
    const cb = cells(sb);
    expect([...cb.keys()].sort()).toEqual([...ca.keys()].sort());
    for (const [k, v] of ca) {
      const w = cb.get(k);
      if (typeof v === 'number' && typeof w === 'number') expect(w).toBeCloseTo(v, 6);
      else expect(w).toEqual(v);
    }
    expect([...(sb.merges ?? [])].sort(byPosition)).toEqual([...(sa.merges ?? [])].sort(byPosition));
    expect(sb.tables ?? []).toEqual(sa.tables ?? []);
    expect(sb.hidden ?? false).toBe(sa.hidden ?? false);
  });
}

test.each(files)('%s: the same grid as the full reader', async (file) => {
  const buf = readFileSync(file);
  expectSame(gridOf(await loadWorkbook(buf, file)), readXlsx(buf, { name: file }).grid);
  // The Node file path (zlib inflate) reads the same.
  expectSame(gridOf(await loadWorkbook(buf, file)), (await readXlsxFile(file)).grid);
});

test('long Vietnamese text across zip chunks, a 1904 workbook, a hidden sheet, an error, a LibreOffice boolean, a merge', async () => {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet('Cán bộ');
  ws.getCell('A1').value = new Date(Date.UTC(2024, 2, 5));
  ws.getCell('A1').numFmt = 'dd/mm/yyyy';
  ws.getCell('B1').value = 2023;
  ws.getCell('C1').value = { error: '#N/A' };
  ws.getCell('D1').value = { formula: 'TRUE()', result: true };
  ws.getCell('E1').value = 'Sở Nội vụ';
  ws.mergeCells('E1:E3');
  // Thousands of distinct Vietnamese strings: the shared strings part spans many chunks.
  for (let r = 5; r < 4000; r++) ws.getCell(r, 1).value = `Ủy ban nhân dân Phường ${r}, quận Bình Thạnh – Nguyễn Thị Hương Giang`;
  wb.addWorksheet('Ẩn', { state: 'hidden' }).getCell('A1').value = 'x';
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  const full = gridOf(await loadWorkbook(buf, 'x.xlsx'));
  const fast = readXlsx(buf, { name: 'x.xlsx' }).grid;
  expectSame(full, fast);
  // 2024-03-05 as a serial of the 1900 system, whatever system the file uses.
  expect(fast.sheets[0].rows[0]?.[0]).toBeCloseTo(Date.UTC(2024, 2, 5) / 86400000 + 25569, 6);
  expect(fast.sheets[0].rows[3998]?.[0]).toBe('Ủy ban nhân dân Phường 3999, quận Bình Thạnh – Nguyễn Thị Hương Giang');
  expect(fast.sheets[1].hidden).toBe(true);
});

/**
 * The same package in ISO/IEC 29500 Strict form (Excel's "Strict Open XML Spreadsheet"): the
 * spreadsheet namespace and the relationship types are the purl.oclc.org ones.
 */
function strict(xlsx: Uint8Array): Uint8Array {
  const parts = unzipSync(xlsx);
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts[name] = strToU8(
      strFromU8(bytes)
        .split('http://schemas.openxmlformats.org/spreadsheetml/2006/main')
        .join('http://purl.oclc.org/ooxml/spreadsheetml/main')
        .split('http://schemas.openxmlformats.org/officeDocument/2006/relationships')
        .join('http://purl.oclc.org/ooxml/officeDocument/relationships'),
    );
  }
  return zipSync(parts);
}

test.each(files)('%s saved as Strict Open XML: the same grid', async (file) => {
  const buf = readFileSync(file);
  const converted = strict(buf);
  expect(strFromU8(unzipSync(converted)['_rels/.rels'])).toContain(
    'purl.oclc.org/ooxml/officeDocument/relationships/officeDocument',
  );
  const transitional = readXlsx(buf, { name: file }).grid;
  expectSame(transitional, readXlsx(converted, { name: file }).grid);
  expectSame(transitional, (await readXlsxBytes(converted, { name: file })).grid);
});
