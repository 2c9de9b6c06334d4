/**
 * `cchc evaluate` over many files (issue 13): folders expanded recursively without Excel's lock
 * files, an unreadable file reported beside the others instead of stopping them (unless
 * --strict-data), `--by-file`, and JSON `{ files, total }` whose total is the consolidation's.
 */
import { mkdirSync, mkdtempSync, promises as fsp, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandInputs } from '../../src/cli/files';
import { readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { consolidate } from '../../src/report/consolidate';
import { buildWorkbook, canonicalSheets, gridFromSheets, toBuffer } from '../xlsx/book';
import { STAFF_A, STAFF_B, UNITS_A, UNITS_B } from '../xlsx/ward-books';
import { runCli as cli } from '../helpers/cli';

jest.setTimeout(60_000);

const P1 = path.resolve(__dirname, '..', 'fixtures', 'p1-canonical.xlsx');

let dir = '';
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-files-'));
  mkdirSync(at('nop', 'quan-3'), { recursive: true });
  writeFileSync(at('nop', 'a.xlsx'), await toBuffer(buildWorkbook(canonicalSheets(UNITS_A, STAFF_A))));
  writeFileSync(at('nop', 'quan-3', 'b.xlsx'), await toBuffer(buildWorkbook(canonicalSheets(UNITS_B, STAFF_B))));
  const good = readFileSync(P1);
  writeFileSync(at('nop', 'c-damaged.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(at('nop', '~$a.xlsx'), Buffer.from('lock'));
  writeFileSync(at('nop', 'notes.txt'), 'not a workbook');
  mkdirSync(at('empty'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('folders', () => {
  test('expanded recursively and sorted, without lock files or other files', async () => {
    const r = await expandInputs(['nop'], dir);
    expect(r.fromFolder).toBe(true);
    expect(r.files).toEqual([
      path.join('nop', 'a.xlsx'),
      path.join('nop', 'c-damaged.xlsx'),
      path.join('nop', 'quan-3', 'b.xlsx'),
    ]);
  });

  test('a folder without .xlsx files is a usage error (exit 2)', async () => {
    const r = await cli(['evaluate', 'empty', '--year', '2024'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không có tệp \.xlsx nào trong thư mục "empty"/);
  });

  // Was a bug: a folder copied from a USB stick counted what Finder and Explorer do not show — the
  // "._x.xlsx" files macOS writes beside each file (unreadable: --strict-data stopped on them) and
  // deleted workbooks in ".Trashes" and "$RECYCLE.BIN" (counted in the total).
  test('hidden files and folders, recycle bins and lock files are not submissions', async () => {
    const usb = (...p: string[]) => at('usb', ...p);
    for (const d of [['.Trashes', '501'], ['$RECYCLE.BIN', 'S-1-5-21'], ['System Volume Information'], ['quan-1']])
      mkdirSync(usb(...d), { recursive: true });
    const good = readFileSync(P1);
    writeFileSync(usb('quan-1', 'a.xlsx'), good);
    writeFileSync(usb('quan-1', '._a.xlsx'), Buffer.concat([Buffer.from([0, 5, 22, 7]), Buffer.alloc(4092)]));
    writeFileSync(usb('quan-1', '~$a.xlsx'), Buffer.from('lock'));
    writeFileSync(usb('.Trashes', '501', 'old.xlsx'), good);
    writeFileSync(usb('$RECYCLE.BIN', 'S-1-5-21', '$RX1Y2Z3.xlsx'), good);
    writeFileSync(usb('System Volume Information', 'x.xlsx'), good);
    expect((await expandInputs(['usb'], dir)).files).toEqual([path.join('usb', 'quan-1', 'a.xlsx')]);
    const r = await cli(['evaluate', 'usb', '--year', '2024', '--json', '--strict-data'], dir);
    expect(r.err).toBe('');
    expect((JSON.parse(r.out) as { files: Array<{ file: string }> }).files.map((f) => f.file)).toEqual([
      path.join('usb', 'quan-1', 'a.xlsx'),
    ]);
  });

  // Was a bug: a subfolder without read permission (e.g. "System Volume Information" on a USB stick)
  // ended the command with exit 70 and a stack trace. Root ignores permissions, so the refusal is
  // simulated: readdir of that folder fails with EACCES, as it does for an ordinary user.
  test('a subfolder that cannot be listed: exit 2, one line naming it, no stack trace', async () => {
    mkdirSync(at('khoa', 'locked'), { recursive: true });
    writeFileSync(at('khoa', 'a.xlsx'), readFileSync(P1));
    const readdir = fsp.readdir.bind(fsp);
    const spy = jest.spyOn(fsp, 'readdir').mockImplementation(((p: string, o: never) => {
      if (path.basename(String(p)) === 'locked')
        return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${String(p)}'`), { code: 'EACCES' }));
      return readdir(p, o);
    }) as typeof fsp.readdir);
    try {
      for (const [lang, want] of [
        ['vi', `cchc: Không đọc được thư mục "${path.join('khoa', 'locked')}" (EACCES).\n`],
        ['en', `cchc: Cannot read the folder "${path.join('khoa', 'locked')}" (EACCES).\n`],
      ]) {
        const r = await cli(['evaluate', 'khoa', '--year', '2024', '--json', '--lang', lang], dir);
        expect(r.code).toBe(2);
        expect(r.out).toBe('');
        expect(r.err).toBe(want);
      }
    } finally {
      spy.mockRestore();
    }
  });
});

describe('evaluate DIR', () => {
  test('--json: every file in files[] (the damaged one with its reason), total over the readable ones', async () => {
    const r = await cli(['evaluate', 'nop', '--year', '2024', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      files: Array<{ file: string; error?: string; targets?: unknown[] }>;
      total: { targets: unknown[]; units: unknown[] };
    };
    expect(json.files.map((f) => f.file)).toEqual([
      path.join('nop', 'a.xlsx'),
      path.join('nop', 'c-damaged.xlsx'),
      path.join('nop', 'quan-3', 'b.xlsx'),
    ]);
    expect(json.files[1].error).toMatch(/bị hỏng hoặc không đầy đủ/);
    expect(json.files[1].targets).toBeUndefined();
    // The total is the one `cchc evaluate f1 f2 --json` gives for the readable files.
    const pair = await cli(['evaluate', 'nop/a.xlsx', 'nop/quan-3/b.xlsx', '--year', '2024', '--json'], dir);
    expect(json.total).toEqual((JSON.parse(pair.out) as { total: unknown }).total);
    expect(json.total.units).toHaveLength(4);
  });

  test('--strict-data: an unreadable file stops everything (exit 2, nothing on stdout)', async () => {
    const r = await cli(['evaluate', 'nop', '--year', '2024', '--json', '--strict-data'], dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('c-damaged.xlsx');
  });

  test('--by-file: one row per file, the total row, then the unreadable file with the reason', async () => {
    const r = await cli(['evaluate', 'nop', '--year', '2024', '--by-file'], dir);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const rowOf = (name: string) => lines.find((l) => l.startsWith(name)) ?? '';
    expect(rowOf(path.join('nop', 'a.xlsx'))).toMatch(/^nop\/a\.xlsx\s+2\s+3\s/);
    expect(rowOf(path.join('nop', 'quan-3', 'b.xlsx'))).toMatch(/\s+2\s+3\s/);
    expect(rowOf('TỔNG HỢP')).toMatch(/^TỔNG HỢP\s+4\s+6\s/);
    expect(r.out).toMatch(/Không đọc được 1 tệp/);
    expect(r.out).toMatch(/c-damaged\.xlsx: Tệp .* bị hỏng/);
    const en = await cli(['evaluate', 'nop', '--year', '2024', '--by-file', '--lang', 'en'], dir);
    expect(en.out).toMatch(/^TOTAL\s+4\s+6\s/m);
    expect(en.out).toMatch(/1 files could not be read/);
  });

  test('without --by-file: the summaries, the total and the unreadable file', async () => {
    const r = await cli(['evaluate', 'nop', '--year', '2024'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('TỔNG HỢP');
    expect(r.out).toMatch(/c-damaged\.xlsx: /);
  });

  test("only unreadable files: exit 2 with the first one's problem", async () => {
    const r = await cli(['evaluate', 'nop/c-damaged.xlsx', 'nop/notes.txt', '--year', '2024'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('c-damaged.xlsx');
  });

  test('--out is refused with a folder', async () => {
    const r = await cli(['evaluate', 'nop', '--out', 'x.xlsx'], dir);
    expect(r.code).toBe(2);
  });
});

describe('consolidate (pure)', () => {
  test('overlapping and unknown units: each unit keeps its file, a repeat across files is marked', async () => {
    const a = readDataset(await gridFromSheets(canonicalSheets(UNITS_A, STAFF_A)));
    const b = readDataset(await gridFromSheets(canonicalSheets(UNITS_B, STAFF_B)));
    const c = consolidate(
      [
        { file: 'a.xlsx', dataset: a },
        { file: 'b.xlsx', dataset: b },
      ],
      [{ file: 'x.xlsx', reason: { vi: 'hỏng', en: 'damaged' } }],
      HCMC_PLAN,
      { year: 2024, inclusive: false },
    );
    expect(c.total?.units.map((u) => u.name)).toEqual(['Sở Nội vụ', 'Phòng Nội vụ Quận 1', 'Sở Nội vụ', 'Phòng Nội vụ Quận 3']);
    expect(c.unitFile).toEqual([0, 0, 1, 1]);
    expect([...c.repeated]).toEqual([[2, 0]]);
    // The repeat counts once: T01's population is three units, not four.
    expect(c.total?.targets.find((t) => t.id === 'T01')?.population).toBe(3);
    // Võ Thị Giang's unit is nobody's: an unknown_unit issue from the second file.
    const unknown = c.total?.issues.findIndex((i) => i.kind === 'unknown_unit') ?? -1;
    expect(unknown).toBeGreaterThanOrEqual(0);
    expect(c.issueFile[unknown]).toBe(1);
    // Staff of both files count together (T02: leaders of both files).
    const t02 = (e: { targets: ReadonlyArray<{ id: string; population: number | null }> }) =>
      e.targets.find((t) => t.id === 'T02')?.population ?? 0;
    expect(t02(c.total!)).toBe(t02(c.files[0].evaluation) + t02(c.files[1].evaluation));
    expect(c.failed).toHaveLength(1);
  });

  test('no readable file: no total', () => {
    const c = consolidate([], [], HCMC_PLAN, { year: 2024, inclusive: false });
    expect(c.total).toBeNull();
  });
});
