/**
 * Hostile workbooks against the project's own reader and the command line that uses it: each ends
 * in seconds (jest's timeout is the bound) with exit 2 and one line on stderr — or, for merges
 * over the whole sheet, with a normal evaluation — and no temporary file left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../src/cli/main';
import { WorkbookFileError } from '../../src/xlsx/errors';
import { readWorkbookBytes } from '../../src/xlsx/file';
import { XlsxLimits, readXlsx } from '../../src/xlsx/read-xlsx';
import { canonicalSheets } from './book';
import { RawSheet, c, rawXlsx, row } from './raw';

const ROOT = path.resolve(__dirname, '..', '..');

/** The canonical lists (tests/xlsx/book.ts) as raw sheets, text as inline strings. */
function canonicalRaw(extra: Partial<Record<string, Pick<RawSheet, 'after'>>> = {}): RawSheet[] {
  const sheets = canonicalSheets(
    [[1, 'Sở Nội vụ', 'Sở, ban, ngành', 2, 2023]],
    [[1, 'Nguyễn Văn An', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 2023, 'x', 'x', null, null, null]],
    [[1, 'Lớp kỹ năng CCHC', 'Lớp bồi dưỡng trong nước', 'Kết hợp', 2024, 50, 40]],
  );
  return sheets.map((s) => ({
    name: s.name,
    data: (s.rows ?? [])
      .map((r, i) =>
        row(
          i + 1,
          r
            .map((v, j) => {
              const ref = `${String.fromCharCode(65 + j)}${i + 1}`;
              if (typeof v === 'number') return c(ref, { v: String(v) });
              if (typeof v === 'string') return c(ref, { t: 'inlineStr', is: `<t>${v}</t>` });
              return '';
            })
            .join(''),
        ),
      )
      .join(''),
    ...(extra[s.name] ?? {}),
  }));
}

interface Result {
  code: number | string;
  out: string;
  err: string;
}

async function cli(argv: string[], cwd: string): Promise<Result> {
  let out = '';
  let err = '';
  const io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false },
    stderr: { write: (s: string) => ((err += s), true) },
    env: {},
    cwd,
  };
  try {
    return { code: await main(argv, io), out, err };
  } catch (e) {
    return { code: `threw: ${e instanceof Error ? e.message : String(e)}`, out, err };
  }
}

function expectRefused(r: Result, want: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err).toMatch(want);
  expect(r.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

let dir = '';
const at = (name: string) => path.join(dir, name);

/** A sheet part of `size` spaces: ~1000:1 compression, like a zip bomb. */
function bomb(size: number): Uint8Array {
  const sheets = canonicalRaw();
  const book = rawXlsx({ sheets });
  const pad = new Uint8Array(size).fill(0x20);
  const head = strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = strToU8('</sheetData></worksheet>');
  const part = new Uint8Array(head.length + pad.length + tail.length);
  part.set(head);
  part.set(pad, head.length);
  part.set(tail, head.length + pad.length);
  // Re-zip with the padded sheet in place of sheet 2.
  const files: Record<string, Uint8Array> = {};
  const { unzipSync } = jest.requireActual<typeof import('fflate')>('fflate');
  for (const [name, data] of Object.entries(unzipSync(book))) files[name] = data;
  files['xl/worksheets/sheet2.xml'] = part;
  return zipSync(files, { level: 9 });
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-hostile-'));
  writeFileSync(
    at('merge-all.xlsx'),
    rawXlsx({
      sheets: canonicalRaw({ 'Cán bộ': { after: '<mergeCells count="1"><mergeCell ref="G1:XFD1048576"/></mergeCells>' } }),
    }),
  );
  const long = Array.from(
    { length: 200 },
    (_, i) => `<mergeCell ref="${String.fromCharCode(65 + (i % 12))}${i + 3}:XFD${1048576 - i}"/>`,
  );
  writeFileSync(
    at('merges-200.xlsx'),
    rawXlsx({ sheets: canonicalRaw({ 'Cán bộ': { after: `<mergeCells count="200">${long.join('')}</mergeCells>` } }) }),
  );
  const sheets = canonicalRaw();
  writeFileSync(
    at('row-999999999.xlsx'),
    rawXlsx({ sheets: [...sheets, { name: 'Xa', data: row(999999999, c('A999999999', { v: '1' })) }] }),
  );
  writeFileSync(at('column-xfe.xlsx'), rawXlsx({ sheets: [...sheets, { name: 'Xa', data: row(1, c('XFE1', { v: '1' })) }] }));
  writeFileSync(at('bomb.xlsx'), bomb(64 * 2 ** 20));
  // A long comment in workbook.xml of the kind that made the old reader's regexes backtrack.
  writeFileSync(
    at('long-comment.xlsx'),
    rawXlsx({ sheets, workbookHead: `<!-- ${'<workbookPr date1904 <sheet name="x" '.repeat(1500)} -->` }),
  );
  mkdirSync(at('tmp'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('a merge over the whole sheet and 200 merges down to row 1,048,576 are clamped: the workbook evaluates', async () => {
  for (const file of ['merge-all.xlsx', 'merges-200.xlsx']) {
    const r = await cli(['evaluate', file, '--year', '2024', '--json'], dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect((JSON.parse(r.out) as { units: unknown[] }).units).toHaveLength(1);
  }
  const grid = readXlsx(
    rawXlsx({ sheets: canonicalRaw({ 'Cán bộ': { after: '<mergeCells><mergeCell ref="G1:XFD1048576"/></mergeCells>' } }) }),
  ).grid;
  expect(grid.sheets[1].merges).toEqual([{ top: 0, left: 6, bottom: 1, right: 11 }]);
});

test('a long comment in workbook.xml is read past in linear time', async () => {
  const r = await cli(['evaluate', 'long-comment.xlsx', '--year', '2024', '--json'], dir);
  expect(r.code).toBe(0);
});

test.each<[string, RegExp, RegExp]>([
  ['row-999999999.xlsx', /beyond Excel's limits.*999999999/, /vượt giới hạn của Excel/],
  ['column-xfe.xlsx', /beyond Excel's limits.*XFE1/, /vượt giới hạn của Excel/],
  ['bomb.xlsx', /inflates to more than a workbook.*1:200/, /bung ra quá lớn/],
])('%s: exit 2 with one line', async (file, en, vi) => {
  expectRefused(await cli(['evaluate', file, '--year', '2024', '--lang', 'en'], dir), en);
  expectRefused(await cli(['evaluate', file, '--year', '2024'], dir), vi);
});

test('a FIFO (named pipe) is refused at once, never waited on', async () => {
  const fifo = at('pipe.xlsx');
  try {
    execFileSync('mkfifo', [fifo]);
  } catch {
    return; // no mkfifo here: nothing to test
  }
  expectRefused(await cli(['evaluate', 'pipe.xlsx', '--year', '2024', '--lang', 'en'], dir), /not a regular file/);
  expectRefused(await cli(['evaluate', 'pipe.xlsx', '--year', '2024'], dir), /không phải là một tệp thông thường/);
});

test('a file whose size changes while it is read is reported, not half-read', async () => {
  // /proc files say 0 bytes and then give more: the same check a file being saved meets.
  if (!existsSync('/proc/self/status')) return;
  await expect(readWorkbookBytes('/proc/self/status', 'x.xlsx')).rejects.toMatchObject({ problem: 'changed', file: 'x.xlsx' });
  expectRefused(await cli(['evaluate', '/proc/self/status', '--lang', 'en'], dir), /changed while it was being read/);
});

describe('limits lowered (fast to test): one WorkbookFileError that says which', () => {
  const problem = (bytes: Uint8Array, limits: Partial<XlsxLimits>): string => {
    try {
      readXlsx(bytes, { name: 'x.xlsx', limits });
    } catch (e) {
      if (e instanceof WorkbookFileError) return `${e.problem}: ${e.detail}`;
      throw e;
    }
    return 'read';
  };
  const strings = Array.from({ length: 50 }, (_, i) => `Cán bộ ${i}`);
  const book = rawXlsx({
    strings,
    sheets: [{ name: 'A', data: strings.map((_, i) => row(i + 1, c(`A${i + 1}`, { t: 's', v: String(i) }))).join('') }],
  });
  test('a part inflating beyond the cap', () => {
    expect(problem(book, { maxEntryBytes: 1024 })).toMatch(/^too_large: xl\/.*> /);
    expect(problem(book, {})).toBe('read');
  });
  test('a part inflating beyond the ratio', () => {
    expect(problem(book, { maxRatio: 2, ratioFrom: 0 })).toMatch(/^too_large: .*1:2$/);
  });
  test('all parts together beyond the total', () => {
    expect(problem(book, { maxTotalBytes: 3000 })).toMatch(/^too_large/);
  });
  test('too many shared strings', () => {
    expect(problem(book, { maxSharedStrings: 10 })).toBe('beyond_limits: sharedStrings > 10');
    expect(problem(book, { maxSharedStrings: 50 })).toBe('read');
  });
  test('too many cells', () => {
    expect(problem(book, { maxCells: 49 })).toMatch(/^beyond_limits: > 49 cells/);
    expect(problem(book, { maxCells: 50 })).toBe('read');
  });
});

describe('the built command line (dist/node, as installed)', () => {
  const bin = path.join(ROOT, 'bin', 'cchc.js');
  const built = existsSync(path.join(ROOT, 'dist', 'node', 'cli', 'main.js'));
  const hook = () => {
    const file = at('hook.js');
    // Prints, at exit, which of exceljs, jszip, docx, fflate and the --out patcher the process loaded.
    writeFileSync(
      file,
      `process.on('exit', () => { const m = Object.keys(require.cache).map((k) => k.replace(/\\\\/g, '/')).map((k) => (/\\/node_modules\\/(exceljs|jszip|docx|fflate)\\//.exec(k) || /\\/xlsx\\/(patch)\\/package\\.js$/.exec(k) || [])[1]).filter(Boolean); require('fs').writeSync(2, 'LOADED:' + [...new Set(m)].sort().join(',') + '\\n'); });`,
    );
    return file;
  };
  (built ? test : test.skip)(
    'cchc evaluate without --out loads neither exceljs, jszip, docx, fflate nor the patcher; --out loads only the patcher (and its fflate)',
    () => {
      const h = hook();
      const fixture = path.join(ROOT, 'tests', 'fixtures', 'p1-canonical.xlsx');
      const p = spawnSync(process.execPath, ['-r', h, bin, 'evaluate', fixture, '--year', '2024', '--json'], {
        encoding: 'utf8',
      });
      expect(p.status).toBe(0);
      expect(p.stderr).toBe('LOADED:\n');
      const q = spawnSync(process.execPath, ['-r', h, bin, 'evaluate', fixture, '--year', '2024', '--out', at('out.xlsx')], {
        encoding: 'utf8',
      });
      expect(q.status).toBe(0);
      expect(q.stderr).toBe('LOADED:fflate,patch\n');
    },
  );
  (built ? test : test.skip)('hostile files: exit 2, one line, no temporary file left', () => {
    const tmp = at('tmp');
    for (const file of ['row-999999999.xlsx', 'bomb.xlsx', 'column-xfe.xlsx']) {
      const p = spawnSync(process.execPath, [bin, 'evaluate', file, '--year', '2024'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
      });
      expect(p.status).toBe(2);
      expect(p.stdout).toBe('');
      expect(p.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});
