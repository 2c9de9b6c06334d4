/**
 * Worksheet parts read while they are inflated (src/xlsx/sheet-stream.ts, row-cutter.ts): the
 * pieces are the part, cut after rows; the grid is the whole read's, for any chunking, also when
 * the cutting does not suit the part (a `</row>` in a comment, prefixed rows, a cut-off element),
 * with the same limits and the same cell budget.
 */
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { RowCutter } from '../../src/xlsx/row-cutter';
import { readSheetPart } from '../../src/xlsx/sheet-stream';
import { SheetContext, readSheet } from '../../src/xlsx/sheet-read';
import { zlibInflate } from '../../src/xlsx/file';
import { NO_STYLES } from '../../src/xlsx/styles';
import { openZip } from '../../src/xlsx/zip';

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

describe('RowCutter', () => {
  test('pieces and the rest are the input, in order; every piece ends after </row> (property)', () => {
    const row = fc
      .tuple(fc.nat(99), fc.string({ maxLength: 20 }))
      .map(([n, t]) => `<row r="${n + 1}"><c t="str"><v>${t.replace(/[<&]/g, '')}</v></c></row>`);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(row, fc.constant('</ro'), fc.constant('w>'), fc.constant('<!-- </row> -->')), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 200 }),
        (parts, sizes, min) => {
          const input = enc(`<sheetData>${parts.join('')}</sheetData>`);
          const cutter = new RowCutter(min);
          const out: string[] = [];
          for (let i = 0, k = 0; i < input.length; k++) {
            const n = sizes[k % sizes.length];
            for (const piece of cutter.push(input.subarray(i, i + n))) {
              expect(dec(piece.subarray(piece.length - 6))).toBe('</row>');
              out.push(dec(piece));
            }
            i += n;
          }
          out.push(dec(cutter.rest()));
          expect(out.join('')).toBe(dec(input));
        },
      ),
      { numRuns: 300 },
    );
  });
});

const SST = ['Nguyễn Văn A', 'x', 'Sở Nội vụ', ''];

function ctx(extras = false, cells = 1e7): SheetContext {
  return {
    part: 'xl/worksheets/sheet1.xml',
    sharedStrings: SST,
    styles: NO_STYLES,
    date1904: false,
    extras,
    budget: { cells, max: cells },
  };
}

function sheetXml(rows: number, opts: { head?: string; rowTag?: string; tail?: string } = {}): string {
  const tag = opts.rowTag ?? 'row';
  const body: string[] = [];
  for (let r = 1; r <= rows; r++) {
    body.push(
      `<${tag} r="${r}" spans="1:4"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${r % 4}</v></c>` +
        `${r % 7 === 0 ? `<c r="C${r}"><f>A${r}*2</f><v>${2 * r}</v></c>` : `<c r="C${r}" t="str"><v>a &amp; ${r}</v></c>`}` +
        `${r % 11 === 0 ? `<c r="D${r}" t="inlineStr"><is><t>trực tiếp ${r}</t></is></c>` : `<c r="D${r}" s="0"/>`}</${tag}>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${opts.head ?? ''}<sheetData>${body.join('\n')}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>${opts.tail ?? ''}</worksheet>`;
}

function zipOf(xml: string) {
  return openZip(zipSync({ 'xl/worksheets/sheet1.xml': [enc(xml), { level: 6 }] }), undefined, zlibInflate);
}

/** Streams the part in chunks of `chunk` bytes (any part over 1 byte is streamed). */
async function streamedRead(xml: string, chunk: number, c: SheetContext = ctx()) {
  return readSheetPart(zipOf(xml), 'xl/worksheets/sheet1.xml', c, zlibInflate, { chunk, streamFrom: 1 });
}

describe('readSheetPart', () => {
  const xml = sheetXml(3000);
  const whole = readSheet(enc(xml), ctx());

  test.each([64, 1000, 4096, 65536])('in chunks of %i bytes the grid is the whole read', async (chunk) => {
    const got = await streamedRead(xml, chunk);
    expect(got.rows).toEqual(whole.rows);
    expect(got.rows.map((r) => r && r.length)).toEqual(whole.rows.map((r) => r && r.length));
    expect(got.merges).toEqual(whole.merges);
  });

  test('a </row> inside a comment before the sheet data: read again whole, same grid, same budget', async () => {
    const tricky = sheetXml(500, { head: `<sheetViews><!-- ${'</row>'.repeat(400)} --></sheetViews>` });
    const c = ctx();
    const got = await streamedRead(tricky, 256, c);
    const expected = readSheet(enc(tricky), ctx());
    expect(got.rows).toEqual(expected.rows);
    expect(c.budget.cells).toBe(1e7 - expected.rows.reduce((n, r) => n + (r ? r.filter((v) => v !== undefined).length : 0), 0));
  });

  test('prefixed rows (<x:row>) are read, gathered into one piece', async () => {
    const prefixed = sheetXml(300, { rowTag: 'x:row' });
    expect((await streamedRead(prefixed, 512)).rows).toEqual(readSheet(enc(prefixed), ctx()).rows);
  });

  test('an element after the sheet data cut across chunks is read as in the whole part', async () => {
    const tail = `<extLst><ext uri="x">${'<a>b</a>'.repeat(500)}</ext></extLst><tableParts count="1"><tablePart r:id="rId1" xmlns:r="r"/></tableParts>`;
    const withTail = sheetXml(200, { tail });
    const got = await streamedRead(withTail, 300);
    const expected = readSheet(enc(withTail), ctx());
    expect(got.rows).toEqual(expected.rows);
    expect(got.tableParts).toEqual(['rId1']);
  });

  test('the cell budget is kept while streaming', async () => {
    await expect(streamedRead(xml, 4096, ctx(false, 100))).rejects.toThrow('> 100 cells');
  });

  test('a part inflating beyond its ratio is refused while streaming, though its directory says it is small', async () => {
    const bomb = `<worksheet><sheetData>${' '.repeat(20 << 20)}</sheetData></worksheet>`;
    const book = zipSync({ 'xl/worksheets/sheet1.xml': [enc(bomb), { level: 9 }] });
    // The central directory lies: 1,000 bytes inflated.
    const dir = Buffer.from(book).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    new DataView(book.buffer, book.byteOffset).setUint32(dir + 24, 1000, true);
    const zip = openZip(book, undefined, zlibInflate);
    await expect(
      readSheetPart(zip, 'xl/worksheets/sheet1.xml', ctx(), zlibInflate, { chunk: 1 << 16, streamFrom: 1 }),
    ).rejects.toThrow('xl/worksheets/sheet1.xml > 1:200');
  });

  test('damaged deflate data is a corrupt part, named', async () => {
    const zip = zipOf(xml);
    const entry = zip.entry('xl/worksheets/sheet1.xml');
    if (entry === null) throw new Error('no entry');
    // The entry's bytes are a view of the archive: damage them where they lie.
    entry.data.fill(0xff, 200, 600);
    await expect(
      readSheetPart(zip, 'xl/worksheets/sheet1.xml', ctx(), zlibInflate, { chunk: 4096, streamFrom: 1 }),
    ).rejects.toThrow(/^xl\/worksheets\/sheet1\.xml: /);
  });
});
