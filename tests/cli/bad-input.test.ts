/**
 * The command line on bad input and bad arguments (SPEC §4 exit codes: 0 evaluated, 1 issues with
 * --strict-data, 2 bad arguments or an unreadable file — message on stderr, nothing written).
 * `main` is called with captured io; files live in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { buildWorkbook, canonicalSheets, toBuffer } from '../xlsx/book';

const ROOT = path.resolve(__dirname, '..', '..');
const FIXTURES = path.resolve(ROOT, 'tests', 'fixtures');
const P1 = path.join(FIXTURES, 'p1-canonical.xlsx');
const P2 = path.join(FIXTURES, 'p2-government.xlsx');

interface Result {
  /** The exit code, or "threw: …" when main rejected instead of returning one. */
  code: number | string;
  out: string;
  err: string;
}

async function cli(argv: string[], cwd: string): Promise<Result> {
  let out = '';
  let err = '';
  const io = {
    stdout: {
      write: (s: string) => {
        out += s;
        return true;
      },
      isTTY: false,
    },
    stderr: {
      write: (s: string) => {
        err += s;
        return true;
      },
    },
    env: {},
    cwd,
  };
  let code: number | string;
  try {
    code = await main(argv, io);
  } catch (e) {
    code = `threw: ${e instanceof Error ? e.message : String(e)}`;
  }
  return { code, out, err };
}

/** Exit 2, one line on stderr, nothing on stdout. */
function expectRefused(r: Result): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.endsWith('\n')).toBe(true);
  expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  expect(r.err.trim().length).toBeGreaterThan(10);
}

let dir = '';
const at = (name: string): string => path.join(dir, name);

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

async function zip(entries: Array<[string, string]>): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of entries) z.file(name, content, { compression: name === 'mimetype' ? 'STORE' : 'DEFLATE' });
  return z.generateAsync({ type: 'nodebuffer' });
}

/** A workbook with all three lists, every value readable, every person's unit listed: no issues. */
async function cleanWorkbook(): Promise<Buffer> {
  const wb = buildWorkbook(
    canonicalSheets(
      [
        [1, 'Sở Nội vụ', 'Sở, ban, ngành', 2, 2023],
        [2, 'Phòng Nội vụ Quận 1', 'Phòng Nội vụ', 1, null],
      ],
      [
        [1, 'Nguyễn Văn An', 'Sở Nội vụ', 'Giám đốc', 'x', null, 2023, null, null, null, null, null],
        [2, 'Trần Thị Bình', 'Sở Nội vụ', 'Chuyên viên', null, 'x', null, 'x', 'x', 2024, null, 2024],
        [3, 'Lê Văn Cường', 'Phòng Nội vụ Quận 1', 'Trưởng phòng', 'x', 'x', 'x', 'x', 'x', null, 2024, null],
      ],
      [
        [1, 'Lớp tại Singapore', 'Lớp bồi dưỡng ở nước ngoài', 'Trực tiếp', '15/05/2024', 30, 20],
        [2, 'Lớp kỹ năng CCHC', 'Lớp bồi dưỡng trong nước', 'Kết hợp', 2024, 50, 40],
        [3, 'Tập huấn chấm điểm', 'Tập huấn, hướng dẫn nghiệp vụ', 'Trực tuyến', '2024-10-01', 100, 90],
        [4, 'Đoàn học tập tại Hà Nội', 'Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm', 'Trực tiếp', 'tháng 7/2024', 15, 10],
      ],
    ),
  );
  return toBuffer(wb);
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-cli-'));
  const good = readFileSync(P1);
  writeFileSync(at('good.xlsx'), good);
  writeFileSync(at('empty.xlsx'), Buffer.alloc(0));
  writeFileSync(at('danh-sach.csv'), 'STT,Họ và tên,Đơn vị\n1,Nguyễn Văn An,Sở Nội vụ\n');
  writeFileSync(at('csv-named.xlsx'), 'STT;Họ và tên;Đơn vị\n1;Nguyễn Văn An;Sở Nội vụ\n');
  writeFileSync(at('notes.txt'), 'Ghi chú: chưa có số liệu.\n');
  writeFileSync(at('truncated.xlsx'), good.subarray(0, Math.floor(good.length / 2)));
  writeFileSync(
    at('legacy.xls'),
    Buffer.concat([OLE, Buffer.alloc(4096, 0), Buffer.from('Workbook', 'utf16le'), Buffer.alloc(512, 0)]),
  );
  writeFileSync(
    at('encrypted.xlsx'),
    Buffer.concat([
      OLE,
      Buffer.alloc(1024, 0),
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(64, 0),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(2048, 7),
    ]),
  );
  writeFileSync(
    at('report.xlsx'),
    await zip([
      [
        '[Content_Types].xml',
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ],
      [
        '_rels/.rels',
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
      ],
      [
        'word/document.xml',
        '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
      ],
    ]),
  );
  writeFileSync(
    at('sheet.ods'),
    await zip([
      ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
      ['META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest/>'],
      ['content.xml', '<?xml version="1.0"?><office:document-content/>'],
    ]),
  );
  writeFileSync(
    at('no-lists.xlsx'),
    await toBuffer(
      buildWorkbook([
        { name: 'Ghi chú', rows: [['Sổ theo dõi'], ['Chưa nhập số liệu.'], ['Người lập', 'Nguyễn Văn An']] },
        {
          name: 'Trang 2',
          rows: [
            [1, 2, 3],
            ['a', 'b', 'c'],
          ],
        },
      ]),
    ),
  );
  writeFileSync(at('clean.xlsx'), await cleanWorkbook());
  mkdirSync(at('a-folder'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('unreadable files: exit 2, one line on stderr that says what is wrong, nothing written', () => {
  // [file, what the English line must say, what the Vietnamese line must say]
  const cases: Array<[string, RegExp, RegExp]> = [
    ['missing.xlsx', /not found/i, /Không tìm thấy tệp/],
    ['a-folder', /folder/i, /thư mục/],
    ['empty.xlsx', /empty/i, /rỗng/],
    ['danh-sach.csv', /not an Excel workbook/i, /không phải là sổ tính Excel/],
    ['csv-named.xlsx', /not an Excel workbook/i, /không phải là sổ tính Excel/],
    ['notes.txt', /not an Excel workbook/i, /không phải là sổ tính Excel/],
    ['truncated.xlsx', /damaged|incomplete|not an Excel workbook/i, /hỏng|không đầy đủ|không phải là sổ tính Excel/],
    // what to do, too
    ['legacy.xls', /97–2003.*save it as \.xlsx/i, /97–2003.*lưu lại dưới dạng \.xlsx/],
    ['encrypted.xlsx', /password.*remove the password/i, /mật khẩu.*gỡ mật khẩu/],
    ['report.xlsx', /not an Excel workbook/i, /không phải là sổ tính Excel/],
    ['sheet.ods', /OpenDocument.*save it as Excel/i, /OpenDocument.*lưu lại dưới dạng Excel/],
  ];

  test.each(cases)('%s', async (file, en, vi) => {
    for (const [lang, want] of [
      ['en', en],
      ['vi', vi],
    ] as const) {
      const out = at(`out-${lang}-${file}.xlsx`);
      // With --out (the exceljs model) and without (the project's own reader): the same line.
      for (const extra of [['--out', out], []]) {
        const r = await cli(['evaluate', file, '--year', '2024', '--lang', lang, ...extra, '--json'], dir);
        expectRefused(r);
        expect(r.err).toMatch(want);
        expect(r.err).toContain(file);
        expect(existsSync(out)).toBe(false);
      }
    }
  });

  // Was a bug (the line must say what is wrong): a real .xlsx cut in half (a failed download, a full USB
  // stick) is called "not an Excel workbook (.xlsx)" whenever its xl/workbook.xml entry sits in the
  // lost half (LibreOffice and this fixture write it last), instead of "damaged or incomplete".
  test('a truncated .xlsx is called damaged or incomplete, not "not an Excel workbook"', async () => {
    const r = await cli(['evaluate', 'truncated.xlsx', '--year', '2024', '--lang', 'en'], dir);
    expectRefused(r);
    expect(r.err).toMatch(/damaged|incomplete/i);
  });

  test('a workbook with no recognisable list', async () => {
    const out = at('out-no-lists.xlsx');
    const r = await cli(['evaluate', 'no-lists.xlsx', '--year', '2024', '--out', out], dir);
    expectRefused(r);
    expect(r.err).toMatch(/Không tìm thấy danh sách/);
    expect(r.err).toContain('no-lists.xlsx');
    expect(r.err).toContain('danh sách đơn vị ("Tên đơn vị", "Loại đơn vị",');
    expect(existsSync(out)).toBe(false);
    // In English, the headers it names are the English ones (both are recognised).
    const en = await cli(['evaluate', 'no-lists.xlsx', '--year', '2024', '--lang', 'en'], dir);
    expect(en.err).toMatch(
      /^cchc: No list found in "no-lists\.xlsx"\. Expected a units list \("Unit", "Kind", "CCHC job positions", /,
    );
    expect(en.err).not.toMatch(/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i);
  });

  test('several files with --strict-data, the second unreadable: nothing printed for the first either', async () => {
    const r = await cli(['evaluate', 'good.xlsx', 'truncated.xlsx', '--year', '2024', '--json', '--strict-data'], dir);
    expectRefused(r);
  });

  test('the built command line (node bin/cchc.js) exits 2 too', () => {
    const p = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'cchc.js'), 'evaluate', 'missing.xlsx', '--year', '2024'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(p.status).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('bad arguments: exit 2, one line on stderr, nothing on stdout', () => {
  test.each<[string, string[]]>([
    ['unknown command', ['frobnicate']],
    ['unknown command that looks like a file', ['good.xlsx']],
    ['--year not a number', ['evaluate', 'good.xlsx', '--year', 'abc']],
    ['--year two digits', ['evaluate', 'good.xlsx', '--year', '24']],
    ['--year with decimals', ['evaluate', 'good.xlsx', '--year', '2024.5']],
    ['--year empty', ['evaluate', 'good.xlsx', '--year', '']],
    ['--year without a value', ['evaluate', 'good.xlsx', '--year']],
    ['year before the plan', ['evaluate', 'good.xlsx', '--year', '2021']],
    ['year after the plan', ['evaluate', 'good.xlsx', '--year', '2026']],
    ['plan command, year outside', ['plan', '--year', '2030']],
    ['unknown option', ['evaluate', 'good.xlsx', '--year', '2024', '--frobnicate']],
    ['unknown short option', ['evaluate', 'good.xlsx', '-z']],
    ['bad --lang', ['evaluate', 'good.xlsx', '--lang', 'fr']],
    ['--out not .xlsx', ['evaluate', 'good.xlsx', '--out', 'out.csv']],
    ['--out with several files', ['evaluate', 'good.xlsx', 'clean.xlsx', '--out', 'never.xlsx']],
    ['year after the plan, with --out', ['evaluate', 'good.xlsx', '--year', '2026', '--out', 'never.xlsx']],
    ['unknown option, with --out', ['evaluate', 'good.xlsx', '--out', 'never.xlsx', '--colour']],
  ])('%s', async (_name, argv) => {
    expectRefused(await cli(argv, dir));
    expect(existsSync(at('never.xlsx'))).toBe(false);
  });

  test.each<[string, (input: string) => string]>([
    ['the same path', (input) => input],
    ['a relative path to it', () => 'good.xlsx'],
    ['a path through ".."', () => path.join('a-folder', '..', 'good.xlsx')],
  ])('--out equal to the input file (%s) is refused and the input is untouched', async (_n, outOf) => {
    const before = readFileSync(at('good.xlsx'));
    const r = await cli(['evaluate', at('good.xlsx'), '--year', '2024', '--out', outOf(at('good.xlsx'))], dir);
    expectRefused(r);
    expect(readFileSync(at('good.xlsx')).equals(before)).toBe(true);
  });

  // Was a bug (SPEC §4 "--out equal to the input file" → 2, "nothing written"; the CLI promises never to
  // overwrite the workbook): the check compares path strings, so an --out that is a symbolic link
  // to the input passes and the input workbook is overwritten through the link.
  test('--out that is a symlink to the input is refused and the input is untouched', async () => {
    writeFileSync(at('mine.xlsx'), readFileSync(P1));
    symlinkSync(at('mine.xlsx'), at('link.xlsx'));
    const before = readFileSync(at('mine.xlsx'));
    const r = await cli(['evaluate', 'mine.xlsx', '--year', '2024', '--out', 'link.xlsx'], dir);
    expect(readFileSync(at('mine.xlsx')).equals(before)).toBe(true);
    expectRefused(r);
  });

  // Was a bug (SPEC §4 "Exit codes: 0 … 1 … 2 bad arguments or an unreadable file (message on stderr)"):
  // an --out in a folder that does not exist makes main() reject with a raw ENOENT instead of
  // returning 2; the built binary then prints a stack trace as "unexpected error" and exits 70.
  test('--out in a folder that does not exist → 2 with one line', async () => {
    const r = await cli(['evaluate', 'good.xlsx', '--year', '2024', '--out', path.join('no-such-folder', 'out.xlsx')], dir);
    expectRefused(r);
  });
});

describe('--strict-data, --json, several files', () => {
  test('--strict-data: 1 on a workbook with issues, 0 without the flag', async () => {
    const strict = await cli(['evaluate', P1, '--year', '2024', '--strict-data', '--json'], dir);
    expect(strict.code).toBe(1);
    expect(strict.err).toBe('');
    expect((JSON.parse(strict.out) as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
    expect((await cli(['evaluate', P1, '--year', '2024', '--json'], dir)).code).toBe(0);
  });

  test('--strict-data: 0 on a workbook without issues', async () => {
    const r = await cli(['evaluate', 'clean.xlsx', '--year', '2024', '--strict-data', '--json'], dir);
    expect(JSON.parse(r.out)).toMatchObject({ issues: [] });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  test('--json on a fixture: valid JSON with exactly the SPEC §4 keys', async () => {
    const r = await cli(['evaluate', P2, '--year', '2024', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['issues', 'objectives', 'plan', 'strict', 'targets', 'units', 'year']);
    expect(json).toMatchObject({ plan: 'hcmc-cchc-2022-2025', year: 2024, strict: true });
    const targets = json.targets as Array<Record<string, unknown>>;
    expect(targets.map((t) => t.id)).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05a',
      'T05b',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
    ]);
    for (const t of targets) {
      expect(Object.keys(t).sort()).toEqual(['achieved', 'actual', 'gap', 'id', 'population', 'status', 'threshold', 'unknown']);
    }
    const units = json.units as Array<Record<string, unknown>>;
    expect(units.length).toBeGreaterThan(0);
    for (const u of units) expect(Object.keys(u).sort()).toEqual(['failed', 'kind', 'name', 'row', 'sheet', 'status']);
    const issues = json.issues as Array<Record<string, unknown>>;
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) expect(Object.keys(i).sort()).toEqual(['cell', 'kind', 'message', 'sheet', 'value']);
    // the figures are the independently computed ones
    const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'p2-government.2024.expected.json'), 'utf8')) as {
      targets: Array<{ id: string; status: string }>;
    };
    expect(targets.map((t) => t.status)).toEqual(expected.targets.map((t) => t.status));
  });

  test('--inclusive is reflected as "strict": false', async () => {
    const r = await cli(['evaluate', 'clean.xlsx', '--year', '2024', '--json', '--inclusive'], dir);
    expect(JSON.parse(r.out)).toMatchObject({ strict: false });
  });

  test('several files: { files: [...], total } with the total over both', async () => {
    const r = await cli(['evaluate', 'good.xlsx', 'clean.xlsx', '--year', '2024', '--json'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as {
      files: Array<{
        file: string;
        targets: Array<{ id: string; population: number | null; achieved: number }>;
        units: unknown[];
      }>;
      total: { targets: Array<{ id: string; population: number | null; achieved: number }>; units: unknown[] };
    };
    expect(Object.keys(json).sort()).toEqual(['files', 'total']);
    expect(json.files.map((f) => f.file)).toEqual(['good.xlsx', 'clean.xlsx']);
    const t03 = (targets: Array<{ id: string; population: number | null; achieved: number }>) =>
      targets.find((t) => t.id === 'T03');
    const [a, b] = json.files.map((f) => t03(f.targets));
    expect(t03(json.total.targets)).toMatchObject({
      population: (a?.population ?? 0) + (b?.population ?? 0),
      achieved: (a?.achieved ?? 0) + (b?.achieved ?? 0),
    });
    expect(json.total.units).toHaveLength(json.files[0].units.length + json.files[1].units.length);
  });
});
