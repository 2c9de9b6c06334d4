/**
 * Valid packages other producers write, found by a differential sweep against LibreOffice: parts
 * in UTF-16 (ECMA-376 Part 2 §8.1.4 allows UTF-8 or UTF-16). Each is read as the producer meant
 * it, never called damaged.
 */
import { unzipSync, zipSync } from 'fflate';
import { CellValue } from '../../src/workbook/grid';
import { readXlsxBytes } from '../../src/xlsx/file';
import { readXlsx } from '../../src/xlsx/read-xlsx';
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
