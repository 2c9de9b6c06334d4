/**
 * Valid packages other producers write, found by a differential sweep against LibreOffice: parts
 * in UTF-16 (ECMA-376 Part 2 §8.1.4 allows UTF-8 or UTF-16), ZIP64 archives (Apache POI's
 * SXSSF, .NET), and booleans written as xsd:boolean "true" / "false" (excel4node). Each is read
 * as the producer meant it, never called damaged.
 */
import { unzipSync, zipSync } from 'fflate';
import { CellValue } from '../../src/workbook/grid';
import { readXlsxBytes } from '../../src/xlsx/file';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { XmlProblem, utf8Part } from '../../src/xlsx/xml-scan';
import { c, rawXlsx, row } from './raw';

const BOOK = {
  sheets: [
    {
      name: 'Cán bộ',
      data:
        row(1, c('A1', { t: 's', v: '0' }) + c('B1', { t: 's', v: '1' })) +
        row(2, c('A2', { v: '42' }) + c('B2', { t: 'b', v: '1' })),
    },
    { name: 'Ẩn', state: 'hidden' as const, data: row(1, c('A1', { t: 'inlineStr', is: '<t>Sở Nội vụ &amp; Ban</t>' })) },
  ],
  strings: ['Họ và tên', 'Đơn vị'],
};
const EXPECTED: CellValue[][][] = [
  [
    ['Họ và tên', 'Đơn vị'],
    [42, true],
  ],
  [['Sở Nội vụ & Ban']],
];

const rowsOf = (book: { grid: { sheets: ReadonlyArray<{ rows: unknown }> } }) => book.grid.sheets.map((s) => s.rows);

/** Text as UTF-16 with a byte order mark, its declaration saying so. */
function utf16(text: string, order: 'le' | 'be'): Uint8Array {
  const s = text.replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const out = new Uint8Array(2 + s.length * 2);
  out[0] = order === 'le' ? 0xff : 0xfe;
  out[1] = order === 'le' ? 0xfe : 0xff;
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + i * 2 + (order === 'le' ? 0 : 1)] = u & 0xff;
    out[2 + i * 2 + (order === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

/** The package's parts (those `pick` chooses) rewritten in UTF-16. */
function inUtf16(bytes: Uint8Array, order: 'le' | 'be', pick: (part: string) => boolean): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes)))
    parts[name] = pick(name) ? utf16(new TextDecoder().decode(data), order) : data;
  return zipSync(parts, { level: 6 });
}

describe('parts in UTF-16', () => {
  test('every XML part in UTF-16LE: read as in UTF-8', () => {
    const bytes = inUtf16(rawXlsx(BOOK), 'le', (p) => p.endsWith('.xml') || p.endsWith('.rels'));
    const book = readXlsx(bytes);
    expect(rowsOf(book)).toEqual(EXPECTED);
    expect(book.sheets.map((s) => s.state)).toEqual(['visible', 'hidden']);
  });

  test('a worksheet and the shared strings in UTF-16BE, streamed or whole', async () => {
    const bytes = inUtf16(rawXlsx(BOOK), 'be', (p) => p.startsWith('xl/worksheets/') || p === 'xl/sharedStrings.xml');
    expect(rowsOf(readXlsx(bytes))).toEqual(EXPECTED);
    expect(rowsOf(await readXlsxBytes(bytes, {}, { chunk: 64, streamFrom: 0 }))).toEqual(EXPECTED);
  });

  // A UTF-16 part holds no </row> bytes, so streaming gathers it into one piece, which the scanner
  // transcodes; should its text happen to spell them, the cut falls inside a cell and the part is
  // read again whole.
  test('a UTF-16LE worksheet whose bytes happen to spell </row> is not cut there when streamed', async () => {
    // U+2F3C U+6F72 U+3E77 in UTF-16LE are the bytes of "</row>".
    const text = 'x'.repeat(40) + '\u2f3c\u6f72\u3e77' + 'y'.repeat(40);
    const data = row(1, c('A1', { t: 'inlineStr', is: `<t>${text}</t>` })) + row(2, c('A2', { v: '7' }));
    const bytes = inUtf16(rawXlsx({ sheets: [{ name: 'S', data }] }), 'le', (p) => p.startsWith('xl/worksheets/'));
    expect(rowsOf(await readXlsxBytes(bytes, {}, { chunk: 64, streamFrom: 0 }))).toEqual([[[text], [7]]]);
  });
});

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let x = n;
  for (let k = 0; k < 8; k++) x = x & 1 ? 0xedb88320 ^ (x >>> 1) : x >>> 1;
  return x >>> 0;
});
const crc32 = (b: Uint8Array) => (b.reduce((x, byte) => crcTable[(x ^ byte) & 0xff] ^ (x >>> 8), 0xffffffff) ^ 0xffffffff) >>> 0;

/**
 * A stored zip written as a ZIP64 one: `extra` puts each entry's sizes and offset in a ZIP64
 * extra field (0xFFFFFFFF in their places, as commons-compress does with Zip64Mode.Always);
 * `end` adds the ZIP64 end of central directory record and locator (0xFFFF / 0xFFFFFFFF in the
 * plain record).
 */
function zip64(parts: Record<string, Uint8Array>, o: { extra: boolean; end: boolean }): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  const le = (to: number[], n: number, bytes: number) => {
    for (let k = 0; k < bytes; k++) to.push(Number((BigInt(n) >> BigInt(8 * k)) & 0xffn));
  };
  for (const [path, data] of Object.entries(parts)) {
    const name = new TextEncoder().encode(path);
    const offset = out.length;
    const size = o.extra ? 0xffffffff : data.length;
    for (const [to, sig] of [
      [out, 0x04034b50],
      [central, 0x02014b50],
    ] as const) {
      le(to, sig, 4);
      if (to === central) le(to, 45, 2);
      le(to, 45, 2); // version needed
      le(to, 0x800, 2); // UTF-8 names
      le(to, 0, 2); // stored
      le(to, 0, 4); // time, date
      le(to, crc32(data), 4);
      le(to, size, 4);
      le(to, size, 4);
      le(to, name.length, 2);
      le(to, o.extra ? (to === central ? 28 : 20) : 0, 2);
      if (to === central) {
        le(to, 0, 6); // comment length, disk, internal attributes
        le(to, 0, 4); // external attributes
        le(to, o.extra ? 0xffffffff : offset, 4);
      }
      to.push(...name);
      if (o.extra) {
        le(to, 1, 2);
        le(to, to === central ? 24 : 16, 2);
        le(to, data.length, 8);
        le(to, data.length, 8);
        if (to === central) le(to, offset, 8);
      }
    }
    out.push(...data);
  }
  const count = Object.keys(parts).length;
  const dirOffset = out.length;
  out.push(...central);
  if (o.end) {
    const record = out.length;
    le(out, 0x06064b50, 4);
    le(out, 44, 8);
    le(out, 45, 2);
    le(out, 45, 2);
    le(out, 0, 8); // disks
    le(out, count, 8);
    le(out, count, 8);
    le(out, central.length, 8);
    le(out, dirOffset, 8);
    le(out, 0x07064b50, 4);
    le(out, 0, 4);
    le(out, record, 8);
    le(out, 1, 4);
  }
  le(out, 0x06054b50, 4);
  le(out, 0, 4);
  le(out, o.end ? 0xffff : count, 2);
  le(out, o.end ? 0xffff : count, 2);
  le(out, o.end ? 0xffffffff : central.length, 4);
  le(out, o.end ? 0xffffffff : dirOffset, 4);
  le(out, 0, 2);
  return Uint8Array.from(out);
}

test('a UTF-16 part beyond the cap is refused with its name, not transcoded', () => {
  const utf16 = (text: string) => new Uint8Array([0xff, 0xfe, ...Array.from(text, (ch) => [ch.charCodeAt(0), 0]).flat()]);
  const big = utf16(`<a>${'x'.repeat(600_000)}</a>`); // 1.2 MB
  expect(() => utf8Part(big, 'xl/worksheets/sheet1.xml', 2 ** 20)).toThrow(
    new XmlProblem('xl/worksheets/sheet1.xml: a UTF-16 part over 1 MiB'),
  );
  expect(utf8Part(big, 'x', 2 ** 21).length).toBe(600_007);
  const plain = new TextEncoder().encode('<a/>');
  expect(utf8Part(plain, 'x', 1)).toBe(plain);
});

describe('ZIP64 archives', () => {
  const parts = unzipSync(rawXlsx(BOOK));
  test.each([
    ['ZIP64 extra fields', { extra: true, end: false }],
    ['ZIP64 end of central directory', { extra: false, end: true }],
    ['both', { extra: true, end: true }],
  ])('%s: read as the plain zip', async (_, o) => {
    const bytes = zip64(parts, o);
    expect(rowsOf(readXlsx(bytes))).toEqual(EXPECTED);
    expect(rowsOf(await readXlsxBytes(bytes))).toEqual(EXPECTED);
  });
});

describe('booleans (t="b")', () => {
  test('1 / 0 and xsd:boolean true / false; other text is #VALUE!, never true', () => {
    const vals = ['1', '0', 'true', 'false', ' false ', 'TRUE', 'no'];
    const cells = vals.map((v, i) => c(`${String.fromCharCode(65 + i)}1`, { t: 'b', v })).join('');
    const book = readXlsx(rawXlsx({ sheets: [{ name: 'B', data: row(1, cells) }] }));
    expect(book.grid.sheets[0].rows[0]).toEqual([true, false, true, false, false, { error: '#VALUE!' }, { error: '#VALUE!' }]);
  });
});
