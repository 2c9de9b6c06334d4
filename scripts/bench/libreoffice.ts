/**
 * LibreOffice recalculating the counts a spreadsheet-only evaluation needs: a staff sheet of N
 * rows (unit, leader, CCHC work, trained) and one COUNTIFS per unit and measure (9 per unit, about
 * 3,600 for 400 units) with no cached results, converted headless to .xlsx — which makes
 * LibreOffice calculate every formula. Measured once (it takes tens of seconds), with its own
 * profile folder so it never meets another soffice. The output is read back to check the
 * formulas were calculated.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../src/xlsx/read-xlsx';

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) =>
  existsSync(p),
);

async function countifsBook(staff: number, units: number): Promise<{ buffer: Buffer; formulas: number }> {
  const wb = new ExcelJS.Workbook();
  const cb = wb.addWorksheet('CB');
  cb.addRow(['Đơn vị', 'Lãnh đạo', 'CCHC', 'Bồi dưỡng']);
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < staff; i++)
    cb.addRow([
      `Đơn vị ${1 + Math.floor(rnd() * units)}`,
      rnd() < 0.2 ? 'x' : null,
      rnd() < 0.3 ? 'x' : null,
      rnd() < 0.6 ? 'x' : null,
    ]);
  const kq = wb.addWorksheet('KQ');
  const n = staff + 1;
  const r = (col: string) => `CB!$${col}$2:$${col}$${n}`;
  const measures = [
    (u: string) => `COUNTIFS(${r('A')},${u})`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('B')},"x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('C')},"x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('D')},"x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('B')},"x",${r('D')},"x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('C')},"x",${r('D')},"x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('B')},"<>x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('C')},"<>x")`,
    (u: string) => `COUNTIFS(${r('A')},${u},${r('B')},"x",${r('C')},"x")`,
  ];
  for (let u = 1; u <= units; u++) {
    const row = kq.getRow(u);
    row.getCell(1).value = `Đơn vị ${u}`;
    measures.forEach((m, k) => (row.getCell(k + 2).value = { formula: m(`$A${u}`) } as ExcelJS.CellFormulaValue));
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), formulas: units * measures.length };
}

/** Seconds LibreOffice takes to open, recalculate and save; null when it is not installed or fails. */
export async function libreOfficeRecalc(
  staff: number,
  units: number,
): Promise<{ ms: number; startMs: number; formulas: number; calculated: number } | null> {
  if (!SOFFICE) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-lo-'));
  try {
    const { buffer, formulas } = await countifsBook(staff, units);
    const file = path.join(dir, 'countifs.xlsx');
    writeFileSync(file, buffer);
    const tiny = path.join(dir, 'tiny.xlsx');
    const t = new ExcelJS.Workbook();
    t.addWorksheet('A').getCell('A1').value = 1;
    writeFileSync(tiny, Buffer.from(await t.xlsx.writeBuffer()));
    const convert = (input: string, out: string): number | null => {
      const t0 = performance.now();
      const p = spawnSync(
        SOFFICE,
        [
          `-env:UserInstallation=${pathToFileURL(path.join(dir, 'profile')).href}`,
          '--headless',
          '--convert-to',
          'xlsx',
          '--outdir',
          out,
          input,
        ],
        { stdio: 'ignore', timeout: 15 * 60_000 },
      );
      return p.status === 0 ? performance.now() - t0 : null;
    };
    convert(tiny, path.join(dir, 'warm')); // first start creates the profile
    const startMs = convert(tiny, path.join(dir, 'start'));
    const ms = convert(file, path.join(dir, 'out'));
    if (ms === null || startMs === null) return null;
    const back = readXlsx(readFileSync(path.join(dir, 'out', 'countifs.xlsx'))).grid.sheets.find((s) => s.name === 'KQ');
    let calculated = 0;
    for (const row of back?.rows ?? []) for (const v of row ?? []) if (typeof v === 'number') calculated++;
    return { ms, startMs, formulas, calculated };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
