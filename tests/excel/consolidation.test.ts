/**
 * "Tổng hợp từ nhiều tệp" in the session (issue 13): files with overlapping and unknown units and
 * one damaged file, read on the page (the worker runs the same core), written as the sheet
 * "Tổng hợp CCHC 2024"; its figures equal `cchc evaluate f1 f2 --json`'s total.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../src/cli/main';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { buildWorkbook, canonicalSheets, toBuffer, XRow } from '../xlsx/book';
import { STAFF_A, STAFF_B, UNITS_A, UNITS_B } from '../xlsx/ward-books';
import { envOf } from '../helpers/fake-book';

installExcelEnums();

const ACTIVITIES: XRow[] = [[1, 'Tập huấn chấm điểm', 'Tập huấn, hướng dẫn nghiệp vụ', 'Trực tuyến', '2024-10-01', 100, 90]];

/** A File as the browser's file input gives it. */
const fileOf = (bytes: Buffer, name: string) => new File([new Uint8Array(bytes)], name);

let dir = '';
let files: File[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-consolidate-'));
  const a = await toBuffer(buildWorkbook(canonicalSheets(UNITS_A, STAFF_A, ACTIVITIES)));
  const b = await toBuffer(buildWorkbook(canonicalSheets(UNITS_B, STAFF_B)));
  const damaged = a.subarray(0, Math.floor(a.length / 2));
  writeFileSync(path.join(dir, 'quan-1.xlsx'), a);
  writeFileSync(path.join(dir, '=quan-3.xlsx'), b);
  files = [fileOf(a, 'quan-1.xlsx'), fileOf(damaged, 'hong.xlsx'), fileOf(b, '=quan-3.xlsx')];
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliTotal(): Promise<{ targets: Array<{ id: string; actual: number | null; achieved: number; status: string }> }> {
  let out = '';
  const io = { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: () => true }, env: {}, cwd: dir };
  expect(await main(['evaluate', 'quan-1.xlsx', '=quan-3.xlsx', '--year', '2024', '--json'], io)).toBe(0);
  return (JSON.parse(out) as { total: Awaited<ReturnType<typeof cliTotal>> }).total;
}

test('three files, one damaged: the sheet has a row per file, the total, units with their file, issues, the damaged file', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi' });
  const progress: number[] = [];
  const out = await session.consolidate(files, 2024, false, { onProgress: (done) => progress.push(done) });
  expect(out).toEqual({ sheet: 'Tổng hợp CCHC 2024', files: 2, failed: ['hong.xlsx'] });
  expect(progress).toEqual([1, 2, 3]);
  const values = fake.values(out.sheet);
  const row = (first: string) => values.find((r) => r[0] === first) ?? [];
  const header = values[3];
  expect(header.slice(0, 5)).toEqual(['Tệp', 'Số đơn vị', 'Số cán bộ', 'T01 kết quả', 'T01 đánh giá']);
  expect(row('quan-1.xlsx').slice(0, 3)).toEqual(['quan-1.xlsx', 2, 3]);
  expect(row('=quan-3.xlsx').slice(0, 3)).toEqual(['=quan-3.xlsx', 2, 3]);
  // A name starting with "=" is text, not a formula.
  const at = values.findIndex((r) => r[0] === '=quan-3.xlsx');
  expect(fake.cell(out.sheet, `A${at + 1}`).formula ?? null).toBeNull();

  // The total row is `cchc evaluate f1 f2 --json`'s total, figure and status for each target.
  const total = row('TỔNG HỢP');
  expect(total.slice(1, 3)).toEqual([4, 6]);
  const cli = await cliTotal();
  cli.targets.forEach((t, i) => {
    const col = header.indexOf(`${t.id} kết quả`);
    expect(col).toBe(3 + 2 * i);
    expect(total[col]).toBe(t.id === 'T05' || t.actual === null || !/^T0[1-4]$/.test(t.id) ? t.achieved : t.actual);
    expect(total[col + 1]).toBe(
      {
        met: 'Đạt',
        not_met: 'Không đạt',
        undetermined: 'Chưa xác định',
        no_data: 'Không có dữ liệu',
        no_target: 'Không áp dụng',
      }[t.status],
    );
  });
  const t02 = header.indexOf('T02 kết quả');
  expect(fake.cell(out.sheet, `${String.fromCharCode(65 + t02)}${values.indexOf(total) + 1}`).numberFormat).toBe('0.00%');

  // Units with their file; the repeat across files is marked.
  const section = (heading: string) => {
    const start = values.findIndex((r) => r[0] === heading) + 2;
    const end = values.findIndex((r, i) => i >= start && r.every((v) => v === ''));
    return values.slice(start, end < 0 ? values.length : end);
  };
  const units = section('ĐƠN VỊ THEO TỆP');
  expect(units.map((r) => [r[0], r[1]])).toEqual([
    ['quan-1.xlsx', 'Sở Nội vụ'],
    ['quan-1.xlsx', 'Phòng Nội vụ Quận 1'],
    ['=quan-3.xlsx', 'Sở Nội vụ'],
    ['=quan-3.xlsx', 'Phòng Nội vụ Quận 3'],
  ]);
  expect(units[2][7]).toBe('Trùng với đơn vị trong tệp "quan-1.xlsx" (tính một lần)');
  // The unknown unit is an issue of the second file, with its cell.
  const issue = section('VẤN ĐỀ DỮ LIỆU').find((r) => r[4] === 'Sở Tư pháp');
  expect(issue?.slice(0, 3)).toEqual(['=quan-3.xlsx', 'Cán bộ', 'C4']);
  // The damaged file, with the reason.
  const failed = row('hong.xlsx');
  expect(String(failed[1])).toMatch(/bị hỏng hoặc không đầy đủ/);
});

test('cancelled while reading: nothing written', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'en' });
  const stop = new AbortController();
  const run = session.consolidate(files, 2024, false, { signal: stop.signal, onProgress: () => stop.abort() });
  await expect(run).rejects.toMatchObject({ code: 'cancelled' });
  expect(fake.sheetNames().some((n) => /summary/i.test(n))).toBe(false);
});

test('no file readable: a clear error, nothing written', async () => {
  const fake = new FakeExcel();
  const session = new Session(envOf(fake), { lang: 'vi' });
  const err = await session.consolidate([fileOf(Buffer.from('abc'), 'x.xlsx')], 2024, false).catch((e: unknown) => e);
  expect(err).toMatchObject({ code: 'no_file_read' });
  expect(fake.sheetNames()).not.toContain('Tổng hợp CCHC 2024');
});
