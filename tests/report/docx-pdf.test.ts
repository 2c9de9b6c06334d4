/**
 * The Word reports open in LibreOffice: each is converted to PDF (soffice --headless) and the PDF's
 * text, page size and fonts are checked with poppler (pdftotext, pdfinfo, pdffonts). Skipped, with a
 * note, where LibreOffice or poppler is not installed. Slow (LibreOffice starts once per test).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate, readDataset } from '../../src/engine';
import { evaluatePeriod } from '../../src/engine/period';
import { HCMC_PLAN } from '../../src/plan';
import { letterheadFromGrid, mergeLetterheads } from '../../src/report/docx/letterhead';
import { buildPeriodReport } from '../../src/report/docx/period-report';
import { buildYearReport } from '../../src/report/docx/year-report';
import { readFileBuffer } from '../../src/xlsx/read';
import { streamGrid } from '../../src/xlsx/stream-read';

const SOFFICE = '/usr/bin/soffice';
const TOOLS = [SOFFICE, '/usr/bin/pdftotext', '/usr/bin/pdfinfo', '/usr/bin/pdffonts'];
const available = TOOLS.every((t) => existsSync(t));
if (!available) console.log(`docx → PDF checks skipped: needs ${TOOLS.filter((t) => !existsSync(t)).join(', ')}`);
const maybe = available ? describe : describe.skip;

const P2 = path.resolve(__dirname, '..', 'fixtures', 'p2-government.xlsx');

/** Converts with a private LibreOffice profile (other runs may hold the default one). */
function toPdf(docx: string, dir: string): string {
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  execFileSync(SOFFICE, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return docx.replace(/\.docx$/, '.pdf');
}

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext keeps lines; joining them with spaces lets a wrapped sentence be found. */
const flat = (s: string) => s.replace(/\s+/g, ' ');

maybe('Word reports in LibreOffice (PDF)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-docx-pdf-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function book() {
    const grid = await streamGrid(await readFileBuffer(P2), 'p2-government.xlsx');
    const dataset = readDataset(grid);
    const rows = new Map(
      [...dataset.lists.units, ...dataset.lists.staff, ...dataset.lists.activities].map((l) => [l.sheet, l.headerTop]),
    );
    return { dataset, letterhead: mergeLetterheads(letterheadFromGrid(grid, rows)) };
  }

  function checkPdf(pdf: string, mustHave: string[]): void {
    const text = flat(run('/usr/bin/pdftotext', [pdf, '-']));
    for (const s of mustHave) expect(text).toContain(flat(s));
    const info = run('/usr/bin/pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    // Times New Roman, or Liberation Serif, its metric-compatible stand-in on Linux.
    const fonts = run('/usr/bin/pdffonts', [pdf]);
    expect(fonts).toMatch(/TimesNewRoman|Times-Roman|LiberationSerif/);
    // Page numbers from page 2: page 1 carries none, page 2 starts with "2".
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    if (pages >= 2) {
      const page2 = run('/usr/bin/pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-']);
      expect(page2.trim().split('\n')[0].trim()).toBe('2');
    }
  }

  it('the year report: Quốc hiệu, Tiêu ngữ, BÁO CÁO, every target, Nơi nhận, A4, the font', async () => {
    const { dataset, letterhead } = await book();
    const e = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
    const docx = path.join(dir, 'bao-cao-2024.docx');
    writeFileSync(docx, await buildYearReport(e, HCMC_PLAN, { lang: 'vi', letterhead, date: new Date(2025, 0, 15) }));
    checkPdf(toPdf(docx, dir), [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      'SỞ NỘI VỤ',
      ...e.targets.map((t) => `${t.id}. ${t.name.vi}`),
      'Nơi nhận:',
    ]);
  }, 240_000);

  it('the period report, likewise', async () => {
    const { dataset, letterhead } = await book();
    const p = evaluatePeriod(dataset, HCMC_PLAN, { inclusive: false });
    const docx = path.join(dir, 'tong-ket.docx');
    writeFileSync(docx, await buildPeriodReport(p, HCMC_PLAN, { lang: 'vi', letterhead, date: null }));
    checkPdf(toPdf(docx, dir), [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'BÁO CÁO',
      ...p.targets.map((t) => `${t.id}. ${t.name.vi}`),
      'Nơi nhận:',
    ]);
  }, 240_000);
});
