/**
 * `--out` patches the original package: every part the tool does not change is in the copy byte
 * for byte (charts, a chart sheet, sparklines, an external link, a pivot table, comments, data
 * validation, defined names, custom XML, the theme); the parts it changes or adds are well-formed
 * and say what they should; LibreOffice opens the copy when it is installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { readRels, readWorkbook, relsPathOf } from '../../src/xlsx/patch/bookkeeping';
import { Tok, tokens, utf8 } from '../../src/xlsx/patch/xml';
import { ZipEntry, entryBytes, rawData, readZip } from '../../src/xlsx/patch/zip';
import { RichBook, richBook } from './rich-book';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-patch-'));
/** Temporary folders of this file (the copies, LibreOffice's profile and PDFs), removed at the end. */
const made = [dir];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

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

interface Zip {
  readonly buf: Buffer;
  readonly entries: Map<string, ZipEntry>;
}

function openZip(file: string): Zip {
  const buf = readFileSync(path.join(dir, file));
  return { buf, entries: new Map(readZip(buf).map((e) => [e.name, e])) };
}

function text(z: Zip, name: string): string {
  const e = z.entries.get(name);
  if (!e) throw new Error(`no ${name}`);
  return utf8(entryBytes(z.buf, e));
}

/** Well-formed: every tag closed in order, one root. */
function checkWellFormed(xml: Uint8Array, name: string): void {
  const stack: string[] = [];
  let roots = 0;
  for (const t of tokens(xml)) {
    if (t.kind === Tok.Open || t.kind === Tok.Empty) {
      if (stack.length === 0) roots++;
      if (t.kind === Tok.Open) stack.push(utf8(xml, t.start, t.end).match(/^<([^\s/>]+)/)?.[1] ?? '');
    } else if (t.kind === Tok.Close) {
      const closing = utf8(xml, t.start, t.end).match(/^<\/([^\s>]+)/)?.[1];
      expect(`${name}: </${closing}>`).toBe(`${name}: </${stack.pop()}>`);
    }
  }
  expect(`${name}: ${stack.length} open, ${roots} root`).toBe(`${name}: 0 open, 1 root`);
}

let book: RichBook;
let first: { code: number; out: string; err: string };
const CHANGED = () =>
  new Set([
    book.unitsPath,
    'xl/styles.xml',
    'xl/workbook.xml',
    'xl/_rels/workbook.xml.rels',
    '[Content_Types].xml',
    'docProps/app.xml',
  ]);

beforeAll(async () => {
  book = await richBook();
  writeFileSync(path.join(dir, 'rich.xlsx'), book.buffer);
  first = await run(['evaluate', 'rich.xlsx', '--year', '2024', '--out', 'rich-out.xlsx']);
});

describe('cchc evaluate --out patches the original package', () => {
  test('runs cleanly', () => {
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Đã ghi: rich-out\.xlsx/);
  });

  test('every original part is in the copy, and every part the tool does not change is byte for byte the same', () => {
    const a = openZip('rich.xlsx');
    const b = openZip('rich-out.xlsx');
    const changed = CHANGED();
    for (const [name, e] of a.entries) {
      const f = b.entries.get(name);
      expect(f ? name : `missing ${name}`).toBe(name);
      if (!f || changed.has(name)) continue;
      expect({ name, crc: f.crc, size: f.size }).toEqual({ name, crc: e.crc, size: e.size });
      expect(Buffer.compare(rawData(a.buf, e), rawData(b.buf, f))).toBe(0);
    }
    // The ones that change do change; nothing else is new but the report sheet and its chart.
    for (const name of changed)
      expect(
        Buffer.compare(
          Buffer.from(entryBytes(a.buf, a.entries.get(name) as ZipEntry)),
          Buffer.from(entryBytes(b.buf, b.entries.get(name) as ZipEntry)),
        ),
      ).not.toBe(0);
    const added = [...b.entries.keys()].filter((n) => !a.entries.has(n)).sort();
    expect(added).toEqual([
      'xl/charts/chart3.xml',
      'xl/drawings/_rels/drawing3.xml.rels',
      'xl/drawings/drawing3.xml',
      'xl/worksheets/_rels/sheet4.xml.rels',
      'xl/worksheets/sheet4.xml',
    ]);
    for (const name of [...changed, ...added]) checkWellFormed(entryBytes(b.buf, b.entries.get(name) as ZipEntry), name);
  });

  test("the units sheet keeps the user's rule, validation and sparklines, and gains the status column and its rules in schema order", () => {
    const before = text(openZip('rich.xlsx'), book.unitsPath);
    const xml = text(openZip('rich-out.xlsx'), book.unitsPath);
    for (const kept of [
      /<conditionalFormatting sqref="D2:D4">.*?<\/conditionalFormatting>/,
      /<dataValidations.*<\/dataValidations>/,
      /<extLst>.*<\/extLst>/,
    ]) {
      const part = kept.exec(before)?.[0] ?? 'absent';
      expect(xml).toContain(part);
    }
    expect(xml).toContain('<c r="F1"');
    expect(xml).toMatch(/<c r="F1"[^>]*t="inlineStr"><is><t>Trạng thái CCHC 2024<\/t><\/is><\/c>/);
    expect(xml).toMatch(/<c r="F3"[^>]*><is><t>Không đạt<\/t>/);
    const ours = xml.indexOf('<conditionalFormatting sqref="A2:F4">');
    expect(ours).toBeGreaterThan(xml.indexOf('<conditionalFormatting sqref="D2:D4">'));
    expect(ours).toBeLessThan(xml.indexOf('<dataValidations'));
    expect(xml).toContain('<formula>$F2="Không đạt"</formula>');
    // The header looks like the list's own header, bold, centered and wrapped.
    const styles = text(openZip('rich-out.xlsx'), 'xl/styles.xml');
    const s = Number(/<c r="F1" s="(\d+)"/.exec(xml)?.[1]);
    const xf =
      [...(/<cellXfs[^>]*>(.*)<\/cellXfs>/s.exec(styles)?.[1] ?? '').matchAll(/<xf\b[^>]*?(\/>|>.*?<\/xf>)/gs)][s]?.[0] ?? '';
    expect(xf).toContain('<alignment horizontal="center" vertical="center" wrapText="1"/>');
    const font = Number(/fontId="(\d+)"/.exec(xf)?.[1]);
    const fonts = [...(/<fonts[^>]*>(.*)<\/fonts>/s.exec(styles)?.[1] ?? '').matchAll(/<font>.*?<\/font>/gs)];
    expect(fonts[font]?.[0]).toMatch(/^<font><b\/>/);
    // Text from the workbook stays text: the evil name is still a shared string, not a formula.
    expect(xml).not.toContain('<f>HYPERLINK');
  });

  test('the copy reads back: status column beside the list, report sheet with its text and links', async () => {
    const grid = readXlsx(readFileSync(path.join(dir, 'rich-out.xlsx')), { name: 'rich-out.xlsx' }).grid;
    const units = grid.sheets.find((s) => s.name === 'Đơn vị');
    expect(units?.rows.map((r) => r?.[5] ?? null)).toEqual([
      'Trạng thái CCHC 2024',
      'Chưa xác định',
      'Không đạt',
      'Không áp dụng',
    ]);
    const report = grid.sheets.find((s) => s.name === 'Báo cáo CCHC 2024');
    const texts = (report?.rows ?? []).flat().filter((v) => typeof v === 'string');
    expect(texts).toEqual(
      expect.arrayContaining(['BÁO CÁO', 'I. KẾT QUẢ CÁC CHỈ TIÊU', '=HYPERLINK("http://evil.example","bấm vào")', 'Cán bộ!I3']),
    );
    const sheet = text(openZip('rich-out.xlsx'), 'xl/worksheets/sheet4.xml');
    expect(sheet).toContain(`location="'Cán bộ'!I3"`);
    expect(sheet).toContain('<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="portrait"/>');
    expect(sheet).toContain('<drawing r:id="rId1"/>');
    expect(sheet).not.toMatch(/<f>/);
  });

  test('the workbook lists the report sheet last with its print area; the chart sheet, external link and names stay', () => {
    const z = openZip('rich-out.xlsx');
    const wb = readWorkbook(entryBytes(z.buf, z.entries.get('xl/workbook.xml') as ZipEntry));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Đơn vị', 'Cán bộ', 'Hoạt động', 'Biểu đồ', 'Báo cáo CCHC 2024']);
    const xml = text(z, 'xl/workbook.xml');
    expect(xml).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="4">'Báo cáo CCHC 2024'!$A$1:$G$`);
    expect(xml).toContain('<definedName name="SoLieuNgoai">[1]Sheet1!$A$1</definedName>');
    expect(xml).toContain('<externalReference r:id="rId91"/>');
    const rels = readRels(entryBytes(z.buf, z.entries.get('xl/_rels/workbook.xml.rels') as ZipEntry));
    const rel = rels.find((r) => r.id === wb.sheets[4].relId);
    expect(rel?.target).toBe('worksheets/sheet4.xml');
    expect(text(z, '[Content_Types].xml')).toContain(
      '<Override PartName="/xl/charts/chart3.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(text(z, 'docProps/app.xml')).toContain('<vt:lpstr>Báo cáo CCHC 2024</vt:lpstr>');
    expect(text(z, relsPathOf('xl/worksheets/sheet4.xml'))).toContain('Target="../drawings/drawing3.xml"');
    const chart = text(z, 'xl/charts/chart3.xml');
    expect(chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain(`<c:f>'Báo cáo CCHC 2024'!$J$11:$J$`);
    expect(chart).toContain('<a:t>Tỷ lệ đạt so với kế hoạch</a:t>');
  });

  test('a copy of the copy replaces its own column and rules, and adds no styles twice', async () => {
    const r = await run(['evaluate', 'rich-out.xlsx', '--year', '2025', '--out', 'rich-out2.xlsx']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const a = openZip('rich-out.xlsx');
    const b = openZip('rich-out2.xlsx');
    const xml = text(b, book.unitsPath);
    expect(xml).toMatch(/<c r="F1"[^>]*><is><t>Trạng thái CCHC 2025<\/t>/);
    expect(xml).not.toContain('<c r="G1"');
    expect(xml.match(/<conditionalFormatting sqref="A2:F4">/g)).toHaveLength(1);
    expect(xml).toContain('<conditionalFormatting sqref="D2:D4">');
    const dxfs = (z: Zip) => /<dxfs count="(\d+)"/.exec(text(z, 'xl/styles.xml'))?.[1];
    expect(dxfs(b)).toBe(dxfs(a));
    const xfs = (z: Zip) => /<cellXfs count="(\d+)"/.exec(text(z, 'xl/styles.xml'))?.[1];
    expect(xfs(b)).toBe(xfs(a));
    // The first report stays (it is the user's now); the new one takes the next name.
    expect(readWorkbook(entryBytes(b.buf, b.entries.get('xl/workbook.xml') as ZipEntry)).sheets.map((s) => s.name)).toContain(
      'Báo cáo CCHC 2025',
    );
  });

  test('LibreOffice opens the copy and prints the report sheet', () => {
    if (!existsSync('/usr/bin/soffice')) {
      console.log('LibreOffice (/usr/bin/soffice) is not installed: the copy was not opened in it');
      return;
    }
    const pdfDir = mkdtempSync(path.join(tmpdir(), 'cchc-pdf-'));
    made.push(pdfDir);
    execFileSync(
      '/usr/bin/soffice',
      [
        `-env:UserInstallation=file://${pdfDir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        pdfDir,
        path.join(dir, 'rich-out.xlsx'),
      ],
      { stdio: 'ignore', timeout: 170_000 },
    );
    const pdf = path.join(pdfDir, 'rich-out.pdf');
    expect(existsSync(pdf)).toBe(true);
    if (!existsSync('/usr/bin/pdftotext')) {
      console.log('pdftotext is not installed: the PDF was made but its text not checked');
      return;
    }
    const pdfText = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('BÁO CÁO');
    expect(pdfText).toContain('KẾT QUẢ CÁC CHỈ TIÊU');
    expect(pdfText).toContain('Trạng thái CCHC'); // the header wraps over two lines
  }, 180_000);

  test('no temporary file is left beside the copies', () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
