/**
 * --out never loses a file: an existing OUT is refused without --force, a folder that cannot be
 * written to is named as such, a write failing half way leaves OUT as it was and no temporary
 * file, and a units list with no free column beside it is said so (the copy is still written).
 */
import { createHash } from 'node:crypto';
import * as nodeFs from 'node:fs';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { OutWriteError, writeOutCopy } from '../../src/cli/out-command';
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { AtomicFs, NODE_FS } from '../../src/xlsx/patch/atomic-write';
import { readZip } from '../../src/xlsx/patch/zip';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type ExcelJS from 'exceljs';
import { buildWorkbook, canonicalSheets, toBuffer } from '../xlsx/book';
import { STAFF, UNITS } from '../xlsx/rich-book';

const dir = mkdtempSync(path.join(tmpdir(), 'cchc-out-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (f: string) => path.join(dir, f);
const sha = (f: string) =>
  createHash('sha256')
    .update(readFileSync(at(f)))
    .digest('hex');
const temps = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

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

let input: Buffer;

beforeAll(async () => {
  input = await toBuffer(buildWorkbook(canonicalSheets(UNITS, STAFF)));
  writeFileSync(at('in.xlsx'), input);
});

describe('an existing OUT', () => {
  test('is refused without --force, in Vietnamese and English, before anything is read', async () => {
    writeFileSync(at('mine.xlsx'), 'an unrelated file of the user');
    const before = sha('mine.xlsx');
    const vi = await run(['evaluate', 'in.xlsx', '--out', 'mine.xlsx']);
    expect(vi.code).toBe(2);
    expect(vi.err).toBe('cchc: đã có tệp "mine.xlsx"; dùng --force để ghi đè.\n');
    expect(vi.out).toBe('');
    const en = await run(['evaluate', 'in.xlsx', '--out', 'mine.xlsx', '--lang', 'en']);
    expect(en.err).toBe('cchc: "mine.xlsx" already exists; use --force to overwrite it.\n');
    // Refused before reading: even a damaged input gives the same answer.
    writeFileSync(at('broken.xlsx'), 'not a zip');
    expect((await run(['evaluate', 'broken.xlsx', '--out', 'mine.xlsx'])).err).toMatch(/đã có tệp/);
    expect(sha('mine.xlsx')).toBe(before);
  });

  test('is replaced with --force', async () => {
    writeFileSync(at('old.xlsx'), 'an old copy');
    const r = await run(['evaluate', 'in.xlsx', '--year', '2024', '--out', 'old.xlsx', '--force']);
    expect(r.code).toBe(0);
    expect(readZip(readFileSync(at('old.xlsx'))).some((e) => e.name === 'xl/workbook.xml')).toBe(true);
    expect(temps()).toEqual([]);
  });

  test('--force alone, or with the input as OUT, is refused', async () => {
    expect((await run(['evaluate', 'in.xlsx', '--force'])).code).toBe(2);
    const before = sha('in.xlsx');
    const r = await run(['evaluate', 'in.xlsx', '--out', './in.xlsx', '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/không bao giờ ghi đè/);
    expect(sha('in.xlsx')).toBe(before);
  });
});

async function request(out: string, fs: AtomicFs, force = false) {
  const grid = readXlsx(input, { name: 'in.xlsx' }).grid;
  const dataset = readDataset(grid);
  const evaluation = evaluate(dataset, HCMC_PLAN, { year: 2024, inclusive: false });
  return {
    out: at(out),
    shown: out,
    force,
    lang: 'vi' as const,
    original: input,
    file: 'in.xlsx',
    grid,
    dataset,
    evaluation,
    fs,
  };
}

function errno(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('a write that fails', () => {
  test('in a read-only folder says so and leaves nothing (root ignores chmod, so the file system is simulated)', async () => {
    const fs: AtomicFs = {
      ...NODE_FS,
      openSync: (f: string, flags: string, mode?: number) => {
        if (flags === 'wx') throw errno('EROFS');
        return nodeFs.openSync(f, flags, mode);
      },
    };
    expect.assertions(4);
    try {
      await writeOutCopy(await request('ro.xlsx', fs));
    } catch (e) {
      expect(e).toBeInstanceOf(OutWriteError);
      expect((e as OutWriteError).vi).toBe(
        `Không ghi được "ro.xlsx" (EROFS): thư mục "${dir}" chỉ cho đọc hoặc bạn không có quyền ghi. Hãy chọn thư mục khác.`,
      );
    }
    expect(nodeFs.existsSync(at('ro.xlsx'))).toBe(false);
    expect(temps()).toEqual([]);
  });

  test('half way (disk full) leaves the existing OUT as it was and no temporary file', async () => {
    writeFileSync(at('good.xlsx'), 'a good copy from yesterday');
    const before = sha('good.xlsx');
    let written = 0;
    const fs: AtomicFs = {
      ...NODE_FS,
      writeSync: (fd: number, data: Uint8Array) => {
        if (written > 2000) throw errno('ENOSPC');
        const n = nodeFs.writeSync(fd, data.subarray(0, 1500));
        written += n;
        return n;
      },
    };
    let caught: unknown = null;
    try {
      await writeOutCopy(await request('good.xlsx', fs, true));
    } catch (e) {
      caught = e;
    }
    expect(written).toBeGreaterThan(2000);
    expect(caught).toBeInstanceOf(OutWriteError);
    expect((caught as OutWriteError).en).toBe(
      'Cannot write "good.xlsx" (ENOSPC): the disk is full. "good.xlsx" was left as it was.',
    );
    expect(sha('good.xlsx')).toBe(before);
    expect(temps()).toEqual([]);
  });

  test('at the rename leaves no OUT and no temporary file', async () => {
    const fs: AtomicFs = {
      ...NODE_FS,
      renameSync: () => {
        throw errno('EXDEV');
      },
      linkSync: () => {
        throw errno('EPERM');
      },
    };
    await expect(request('late.xlsx', fs).then(writeOutCopy)).rejects.toBeInstanceOf(OutWriteError);
    expect(nodeFs.existsSync(at('late.xlsx'))).toBe(false);
    expect(temps()).toEqual([]);
  });
});

describe('a damaged input', () => {
  test('a part whose checksum does not match is reported, not copied wrong: exit 2, no OUT, no temporary file', async () => {
    const bad = Buffer.from(input);
    const at2 = bad.lastIndexOf('xl/styles.xml'); // its central-directory record
    bad.writeUInt32LE(bad.readUInt32LE(at2 - 46 + 16) ^ 1, at2 - 46 + 16);
    writeFileSync(at('bad-crc.xlsx'), bad);
    const r = await run(['evaluate', 'bad-crc.xlsx', '--out', 'bad-out.xlsx']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cchc: Tệp "bad-crc\.xlsx" bị hỏng .*xl\/styles\.xml is damaged/);
    expect(nodeFs.existsSync(at('bad-out.xlsx'))).toBe(false);
    expect(temps()).toEqual([]);
  });
});

describe('a macro-enabled workbook or a template', () => {
  /** The input as another kind of package: only the workbook part's content type differs. */
  function asKind(type: string): Buffer {
    const parts = unzipSync(input);
    const types = strFromU8(parts['[Content_Types].xml']);
    const main = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
    expect(types).toContain(main);
    parts['[Content_Types].xml'] = strToU8(types.replace(main, type));
    return Buffer.from(zipSync(parts));
  }
  const mainType = (f: string) => {
    const types = strFromU8(unzipSync(readFileSync(at(f)))['[Content_Types].xml']);
    return /PartName="\/xl\/workbook\.xml" ContentType="([^"]*)"/.exec(types)?.[1];
  };

  test.each([
    [
      'ds.xlsm',
      'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
      'sổ tính có macro (.xlsm)',
      'a macro-enabled workbook (.xlsm)',
    ],
    [
      'ds.xltx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
      'mẫu Excel (.xltx)',
      'an Excel template (.xltx)',
    ],
  ])(
    '%s: a copy named .xlsx (which Excel would not open) is refused, nothing written; one with its own extension is written',
    async (name, type, vi, en) => {
      writeFileSync(at(name), asKind(type));
      const r = await run(['evaluate', name, '--out', 'kind-out.xlsx']);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `cchc: "${name}" là ${vi}: bản sao --out phải có đuôi ${path.extname(name)} (Excel không mở tệp có đuôi khác loại của nó). Chưa ghi tệp nào.\n`,
      );
      expect(r.out).toBe('');
      expect((await run(['evaluate', name, '--out', 'kind-out.xlsx', '--lang', 'en'])).err).toContain(
        `is ${en}: the --out copy must end in`,
      );
      expect(nodeFs.existsSync(at('kind-out.xlsx'))).toBe(false);
      expect(temps()).toEqual([]);

      const out = `kind-out${path.extname(name)}`;
      const ok = await run(['evaluate', name, '--out', out]);
      expect(ok.code).toBe(0);
      expect(mainType(out)).toBe(type);
      expect(readXlsx(readFileSync(at(out))).grid.sheets.length).toBe(readXlsx(input).grid.sheets.length + 1);
    },
  );

  test('an .xlsx input with a copy named .xlsm is refused the same way', async () => {
    const r = await run(['evaluate', 'in.xlsx', '--out', 'plain-out.xlsm', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^cchc: "in\.xlsx" is an Excel workbook \(\.xlsx\): the --out copy must end in \.xlsx/);
    expect(nodeFs.existsSync(at('plain-out.xlsm'))).toBe(false);
  });
});

describe('the status column', () => {
  test("goes past the user's notes beside the list, and the command line says where", async () => {
    const wb = buildWorkbook(canonicalSheets(UNITS, STAFF));
    const ws = wb.getWorksheet('Đơn vị');
    if (!ws) throw new Error('no units sheet');
    ws.getCell('F3').value = 'ghi chú của tôi';
    writeFileSync(at('note.xlsx'), await toBuffer(wb));
    const r = await run(['evaluate', 'note.xlsx', '--year', '2024', '--out', 'note-out.xlsx']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Trang "Đơn vị": cột bên phải danh sách (sau cột E) đã có dữ liệu, nên cột trạng thái được ghi ở cột trống đầu tiên: G.',
    );
    const grid = readXlsx(readFileSync(at('note-out.xlsx')), { name: 'note-out.xlsx' }).grid;
    const units = grid.sheets.find((s) => s.name === 'Đơn vị');
    expect(units?.rows[0]?.[6]).toBe('Trạng thái CCHC 2024');
    expect(units?.rows[2]?.[5]).toBe('ghi chú của tôi');
  });

  test('goes past a formula showing "" and past merged cells reaching right of the list: they read empty but are the user\'s', async () => {
    const copy = async (name: string, edit: (ws: ExcelJS.Worksheet) => void) => {
      const wb = buildWorkbook(canonicalSheets(UNITS, STAFF));
      const ws = wb.getWorksheet('Đơn vị');
      if (!ws) throw new Error('no units sheet');
      edit(ws);
      writeFileSync(at(`${name}.xlsx`), await toBuffer(wb));
      const r = await run(['evaluate', `${name}.xlsx`, '--year', '2024', '--out', `${name}-out.xlsx`]);
      expect(r.code).toBe(0);
      const out = readFileSync(at(`${name}-out.xlsx`));
      const units = readXlsx(out, { name }).grid.sheets.find((s) => s.name === 'Đơn vị');
      return { out: r.out, sheet: strFromU8(unzipSync(out)['xl/worksheets/sheet1.xml']), units };
    };
    // A helper formula whose result is "": its cell would be overwritten (and calcChain.xml left naming it).
    const f = await copy('formula', (ws) => (ws.getCell('F2').value = { formula: 'IF(A2="","","")', result: '' }));
    expect(f.out).toContain('cột trạng thái được ghi ở cột trống đầu tiên: G.');
    expect(f.sheet).toContain('<c r="F2" t="str"><f>IF(A2=&quot;&quot;,&quot;&quot;,&quot;&quot;)</f><v></v></c>');
    expect(f.units?.rows[0]?.[6]).toBe('Trạng thái CCHC 2024');
    // A note merged from the list's last column over F and G: a status there would be hidden by the merge.
    const m = await copy('merged', (ws) => {
      ws.getCell('E4').value = 'ghi chú dài';
      ws.mergeCells('E4:G4');
    });
    expect(m.out).toContain('cột trạng thái được ghi ở cột trống đầu tiên: H.');
    expect(m.units?.rows[0]?.[7]).toBe('Trạng thái CCHC 2024');
    expect(m.units?.rows[3]?.[4]).toBe('ghi chú dài');
    expect(m.units?.merges).toContainEqual({ top: 3, left: 4, bottom: 3, right: 6 });
  });

  test('a stray value at XFD1048576 changes nothing but the status cells: the units sheet stays small', async () => {
    const wb = buildWorkbook(canonicalSheets(UNITS, STAFF));
    const ws = wb.getWorksheet('Đơn vị');
    if (!ws) throw new Error('no units sheet');
    ws.getCell('XFD1048576').value = 'x';
    writeFileSync(at('stray.xlsx'), await toBuffer(wb));
    const r = await run(['evaluate', 'stray.xlsx', '--year', '2024', '--out', 'stray-out.xlsx']);
    expect(r.code).toBe(0);
    const size = (f: string) => readZip(readFileSync(at(f))).find((e) => e.name === 'xl/worksheets/sheet1.xml')?.size ?? 0;
    expect(size('stray-out.xlsx') - size('stray.xlsx')).toBeLessThan(1000);
    const units = readXlsx(readFileSync(at('stray-out.xlsx')), { name: 'stray-out.xlsx' }).grid.sheets.find(
      (s) => s.name === 'Đơn vị',
    );
    expect(units?.rows[0]?.[5]).toBe('Trạng thái CCHC 2024');
    expect(units?.rows[1048575]?.[16383]).toBe('x');
  });

  test('with no free column right of the list to XFD: no status column, said plainly; the report is still written', async () => {
    const wb = buildWorkbook(canonicalSheets(UNITS, STAFF));
    const ws = wb.getWorksheet('Đơn vị');
    if (!ws) throw new Error('no units sheet');
    const row = ws.getRow(3);
    for (let c = 6; c <= 16384; c++) row.getCell(c).value = 1;
    writeFileSync(at('full.xlsx'), await toBuffer(wb));
    const r = await run(['evaluate', 'full.xlsx', '--year', '2024', '--out', 'full-out.xlsx', '--lang', 'en']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Sheet "Đơn vị": no free column right of the units list, so no status column (the report sheet still has the results).',
    );
    expect(r.out).not.toMatch(/folder/);
    const grid = readXlsx(readFileSync(at('full-out.xlsx')), { name: 'full-out.xlsx' }).grid;
    expect(grid.sheets.map((s) => s.name)).toContain('CCHC report 2024');
  }, 30_000);
});
