/**
 * SPEC §2 "Layouts real offices use", saved again by LibreOffice (common in Vietnamese agencies):
 * each workbook is written with exceljs, converted with `soffice --headless --convert-to xlsx`,
 * read back and evaluated. Skipped when LibreOffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { SheetSpec, XRow, XRun, buildWorkbook, evaluateGrid, toBuffer } from './book';
import { STAFF, STAFF_COLS, UNITS, UNIT_COLS, body, canonical, expectStandard, fig, header, list } from './standard';

const SOFFICE = '/usr/bin/soffice';
const available = existsSync(SOFFICE);

const unitCol = STAFF_COLS.findIndex(([, f]) => f === 'unit');

/** The layouts saved by LibreOffice, by file name. */
function layouts(): Record<string, SheetSpec[]> {
  const staff = body(STAFF_COLS, STAFF);
  const merged = staff.map((row, i) => (i === 1 || i === 3 ? row.map((v, c) => (c === unitCol ? null : v)) : row));
  const noTrained = STAFF_COLS.filter(([, f]) => f !== 'trained');
  const yearRows = body(noTrained, STAFF).map((row, i): XRow => [
    ...row,
    i === 4 ? 'x' : null, // 2022
    i === 0 ? 'x' : null, // 2023
    i === 4 ? 'x' : null, // 2024
    i === 2 ? 'x' : null, // 2025
  ]);
  const top: XRow = [...header(noTrained), 'Bồi dưỡng CCHC', null, null, null];
  const sub: XRow = [...noTrained.map(() => null), 2022, 2023, 2024, 2025];
  const u = list(UNIT_COLS, UNITS);
  const side = list(STAFF_COLS, STAFF).map((row, i) => [...(u[i] ?? UNIT_COLS.map(() => null)), null, ...row]);
  const [units, staffSheet, activities] = canonical();
  return {
    'merged-units.xlsx': [
      units,
      { name: 'Cán bộ', rows: [header(STAFF_COLS), ...merged], merges: ['C2:C3', 'C4:C5'] },
      activities,
    ],
    'year-columns.xlsx': [
      units,
      { name: 'Cán bộ', rows: [top, sub, ...yearRows], merges: ['L1:O1', ...'ABCDEFGHIJK'.split('').map((c) => `${c}1:${c}2`)] },
      activities,
    ],
    'side-by-side.xlsx': [{ name: 'Dữ liệu', rows: side }, activities],
    'hidden-staff.xlsx': [units, { ...staffSheet, state: 'hidden' }, activities],
  };
}

const runs = new Map<string, XRun>();
let dir = '';

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-lo-'));
  const books = layouts();
  const inputs: string[] = [];
  for (const [name, sheets] of Object.entries(books)) {
    const file = path.join(dir, `in-${name}`);
    writeFileSync(file, await toBuffer(buildWorkbook(sheets)));
    inputs.push(file);
  }
  const out = path.join(dir, 'out');
  const r = spawnSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      'xlsx',
      '--outdir',
      out,
      ...inputs,
    ],
    { encoding: 'utf8', timeout: 170_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.error}`);
  for (const name of Object.keys(books)) {
    const buf = readFileSync(path.join(out, `in-${name}`));
    runs.set(name, evaluateGrid(gridOf(await loadWorkbook(buf, name)), 2024));
  }
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const maybe = available ? describe : describe.skip;

maybe('office layouts saved by LibreOffice', () => {
  test('vertically merged unit cells', () => {
    expectStandard(runs.get('merged-units.xlsx') as XRun);
  });

  test('a merged group header over year sub-headers', () => {
    const r = runs.get('year-columns.xlsx') as XRun;
    expectStandard(r);
    expect(fig(r, 'T02')).toEqual(['not_met', 3, 2, 0, 1]);
  });

  test('lists side by side on one sheet', () => {
    expectStandard(runs.get('side-by-side.xlsx') as XRun);
  });

  test('a hidden staff sheet is read and reported', () => {
    expectStandard(runs.get('hidden-staff.xlsx') as XRun, ['hidden_sheet Cán bộ!A1']);
  });
});
