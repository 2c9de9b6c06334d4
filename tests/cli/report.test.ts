/**
 * `cchc report` (Word reports), `cchc evaluate --period` and `--details`, through `main` with
 * captured io and files in a temporary folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseReportArgs } from '../../src/cli/report-command';
import { runCli as cli } from '../helpers/cli';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures');
const P1 = path.join(FIXTURES, 'p1-canonical.xlsx');
const P2 = path.join(FIXTURES, 'p2-government.xlsx');

const docText = (file: string): string => {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cchc evaluate --period / --details', () => {
  it('--period --json gives one SPEC result per year, equal to four single-year runs', async () => {
    const r = await cli(['evaluate', P1, '--period', '--json'], dir);
    expect(r.code).toBe(0);
    const period = JSON.parse(r.out);
    expect(period.years.map((y: { year: number }) => y.year)).toEqual([2022, 2023, 2024, 2025]);
    // The engine test compares all four years; here the command line's own path for one.
    const single = JSON.parse((await cli(['evaluate', P1, '--year', '2024', '--json'], dir)).out);
    expect(period.years[2]).toEqual(single);
    expect(period.summary.targets).toHaveLength(12);
    expect(Array.isArray(period.summary.neverMet)).toBe(true);
  }, 60000);

  it('--help still shows the help, with the new commands', async () => {
    const r = await cli(['report', '--help', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('cchc report');
  });

  it.each([
    [['evaluate', '--period', '-h']],
    [['evaluate', P1, '--year', '2024', '--details', '--help', '--lang', 'en']],
    [['evaluate', '--lang', 'en', '--period', '--json', '--help']],
  ])('%j prints the help, exit 0, not a usage error', async (argv) => {
    const r = await cli(argv, dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cchc evaluate');
    expect(r.out).toContain('--period');
  });

  it('an unknown option before "--" is still a usage error, and "-h" after "--" is a file name', async () => {
    const r = await cli(['evaluate', '--perod', '--', '-h'], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--perod');
  });

  it('--period without --json prints a targets × years table', async () => {
    const r = await cli(['evaluate', P1, '--period', '--lang', 'en'], dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/T02 .*Not met/);
    expect(r.out).toContain('Never met');
  });

  it('--details lists the people behind each unit’s figures', async () => {
    const r = await cli(['evaluate', P1, '--year', '2024', '--json', '--details'], dir);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const noiVu = json.units.find((u: { name: string }) => u.name === 'Sở Nội vụ');
    const t02 = noiVu.targets.find((t: { id: string }) => t.id === 'T02');
    expect(t02.missing).toEqual([{ sheet: 'Cán bộ', row: 6, name: 'Trần Hoàng Phúc', title: 'Giám đốc' }]);
    expect(t02.unknownRows).toEqual([]);
    for (const u of json.units)
      for (const t of u.targets) if (t.missing) expect(t.missing.length + t.unknownRows.length + t.achieved).toBe(t.population);
  });

  it.each([
    [['evaluate', P1, '--details'], '--details'],
    [['evaluate', P1, '--period', '--year', '2024'], '--period'],
    [['evaluate', P1, '--period', '--docx', 'x.docx'], '--docx'],
    [['report', P1, '--year', '2024'], '--docx'],
    [['report', P1, '--year', '2024', '--docx', 'x.pdf'], '.docx'],
    [['report', P1, '--year', '24', '--docx', 'x.docx'], '--year'],
    [['report', P1, '--date', '2025-02-30', '--docx', 'x.docx'], '--date'],
  ])('refuses %j naming the flag', async (argv, flag) => {
    const r = await cli(argv, dir);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toContain(flag);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('cchc report --docx', () => {
  it('writes the year report, refuses to overwrite it without --force, replaces it with --force', async () => {
    const out = path.join(dir, 'bao-cao-2024.docx');
    const r = await cli(['report', P1, '--year', '2024', '--docx', out, '--agency', 'Phòng Nội vụ', '--date', '2025-01-15'], dir);
    expect([r.code, r.err]).toEqual([0, '']);
    const text = docText(out);
    expect(text).toContain('PHÒNG NỘI VỤ');
    expect(text).toContain('……, ngày 15 tháng 01 năm 2025');
    expect(text).toContain('Đến ngày 31/12/2024');
    const before = statSync(out).mtimeMs;
    const again = await cli(['report', P1, '--year', '2024', '--docx', out], dir);
    expect(again.code).toBe(2);
    expect(again.err).toContain('--force');
    expect(statSync(out).mtimeMs).toBe(before);
    const forced = await cli(['report', P1, '--year', '2025', '--docx', out, '--force'], dir);
    expect(forced.code).toBe(0);
    expect(docText(out)).toContain('Đến ngày 31/12/2025');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 30000);

  it('takes the letterhead from the workbook’s heading rows, then a file, then flags', async () => {
    const out = path.join(dir, 'p2.docx');
    const lh = path.join(dir, 'lh.json');
    writeFileSync(
      lh,
      JSON.stringify({ signerTitle: 'Giám đốc', signerName: 'Nguyễn Văn A', recipients: ['UBND Thành phố;', 'Lưu: VT.'] }),
    );
    const r = await cli(['report', P2, '--year', '2024', '--docx', out, '--letterhead', lh, '--signer', 'Trần Thị B'], dir);
    expect([r.code, r.err]).toEqual([0, '']);
    const text = docText(out);
    for (const s of [
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
      'SỞ NỘI VỤ',
      '/BC-SNV',
      'Thành phố Hồ Chí Minh, ngày',
      'GIÁM ĐỐC',
      'Trần Thị B',
      '- UBND Thành phố;',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('Nguyễn Văn A');
  }, 30000);

  it('writes the period report', async () => {
    const out = path.join(dir, 'tong-ket.docx');
    const r = await cli(['report', P1, '--period', '--docx', out], dir);
    expect(r.code).toBe(0);
    expect(docText(out)).toContain('giai đoạn 2022 – 2025');
  }, 30000);

  it('refuses a bad letterhead file with one line, writing nothing', async () => {
    const lh = path.join(dir, 'bad.json');
    writeFileSync(lh, JSON.stringify({ issuer: 'x' }));
    const out = path.join(dir, 'never.docx');
    const r = await cli(['report', P1, '--year', '2024', '--docx', out, '--letterhead', lh], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"issuer"');
    expect(() => statSync(out)).toThrow();
  });

  it('parses letterhead flags and repeated recipients', () => {
    const a = parseReportArgs([
      'report',
      'a.xlsx',
      '--period',
      '--docx',
      'o.docx',
      '--recipient',
      'A',
      '--recipient',
      'B',
      '--symbol',
      'BC-PNV',
    ]);
    expect(a.letterhead).toEqual({ recipients: ['A', 'B'], symbol: 'BC-PNV' });
    expect(parseReportArgs(['report', '--docx', 'o.docx', '--date', 'blank']).date).toBeNull();
  });
});
