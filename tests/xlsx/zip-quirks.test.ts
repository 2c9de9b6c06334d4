/**
 * Zip layouts that real writers produce for ordinary workbooks, read like the plain layout: ZIP64
 * extra fields and end records on a small file, data descriptors, a comment. A valid workbook is
 * never called damaged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readXlsxBytes } from '../../src/xlsx/file';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { runCli } from '../helpers/cli';
import { ZipQuirks, rezip } from './rezip';

const P1 = path.resolve(__dirname, '..', 'fixtures', 'p1-canonical.xlsx');
const original = readFileSync(P1);
const parts = unzipSync(original);

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-zip-quirks-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const layouts: Array<[string, ZipQuirks]> = [
  ['ZIP64 extra fields in the central directory (sizes and offsets 0xFFFFFFFF)', { zip64Central: true }],
  ['a ZIP64 end record beside an ordinary end record', { zip64End: true }],
  ['ZIP64 throughout: extra fields, end record, end record fields all 0xFFFF…', { zip64Central: true, zip64End: true }],
  ['data descriptors (bit 3) with zero sizes in the local headers', { dataDescriptor: true }],
  ['ZIP64 and data descriptors, with a comment', { zip64Central: true, zip64End: true, dataDescriptor: true, comment: 'POI' }],
  ["a comment holding the end record's signature", { comment: `PK\x05\x06${'x'.repeat(40)}` }],
];

test.each(layouts)('%s: read as the plain layout, by both inflaters and the command line', async (name, quirks) => {
  const bytes = rezip(parts, quirks);
  const want = readXlsx(original, { name: 'p1.xlsx' }).grid;
  expect(readXlsx(bytes, { name: 'p1.xlsx' }).grid).toEqual(want);
  expect((await readXlsxBytes(bytes, { name: 'p1.xlsx' })).grid).toEqual(want);
  const file = `${name.slice(0, 12).replace(/\W/g, '-')}.xlsx`;
  writeFileSync(path.join(dir, file), bytes);
  writeFileSync(path.join(dir, 'p1.xlsx'), original);
  const got = await runCli(['evaluate', file, '--year', '2024', '--json'], dir);
  expect(got.err).toBe('');
  expect(got.code).toBe(0);
  const plain = await runCli(['evaluate', 'p1.xlsx', '--year', '2024', '--json'], dir);
  expect(got.out).toBe(plain.out);
  // The --out patcher reads the same zip.
  const out = await runCli(['evaluate', file, '--year', '2024', '--out', `out-${file}`, '--force'], dir);
  expect(out.err).toBe('');
  expect(out.code).toBe(0);
});

test('a ZIP64 end record whose locator points nowhere: damaged, one WorkbookFileError', () => {
  const bytes = Buffer.from(rezip(parts, { zip64Central: true, zip64End: true }));
  // The locator's offset of the ZIP64 end record (8 bytes at locator + 8; the locator is 20 bytes before the end record).
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  bytes.writeBigUInt64LE(BigInt(bytes.length * 4), eocd - 20 + 8);
  expect(() => readXlsx(bytes, { name: 'x.xlsx' })).toThrow(expect.objectContaining({ problem: 'corrupt', file: 'x.xlsx' }));
});
