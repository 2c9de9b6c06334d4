/**
 * The project's own .xlsx reader (src/xlsx/workbook-read.ts) on packages written part by part:
 * every value type, cached formula results as they are, both date systems, LibreOffice's ways,
 * sheet states, merges and tables; and many-sheet workbooks with shared strings, read repeatedly.
 */
import { unzipSync, zipSync } from 'fflate';
import { CellValue, SheetGrid } from '../../src/workbook/grid';
import { WorkbookFileError } from '../../src/xlsx/errors';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { XmlScanner, END, OPEN, TEXT, CLOSE } from '../../src/xlsx/xml-scan';
import { c, rawXlsx, row } from './raw';

const at = (s: SheetGrid, a1: string): CellValue | undefined => {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return s.rows[Number(m[2]) - 1]?.[col];
};

const DATE_STYLES = `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/></patternFill></fill></fills>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0"/><xf numFmtId="164" fontId="0" fillId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="1" fillId="2"/><xf numFmtId="3" fontId="0" fillId="0"/></cellXfs>
</styleSheet>`;

describe('values', () => {
  const bytes = rawXlsx({
    strings: [
      'Sở Nội vụ',
      '<si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Văn An</t></r><rPh><t>ふりがな</t></rPh></si>',
      'a & b',
    ],
    styles: DATE_STYLES,
    sheets: [
      {
        name: 'Cán bộ',
        data: [
          row(
            1,
            c('A1', { t: 's', v: '0' }) + c('B1', { t: 's', v: '1' }) + c('C1', { t: 's', v: '2' }) + c('D1', { v: '42.5' }),
          ),
          row(
            2,
            c('A2', { t: 'str', f: 'IF(1=2,"x","")', v: '' }) +
              c('B2', { t: 'b', f: 'A1=A3', v: '0' }) +
              c('C2', { f: 'A1-A1', v: '0' }) +
              c('D2', { t: 'e', f: '1/0', v: '#DIV/0!' }),
          ),
          row(
            3,
            c('A3', { t: 'b', f: 'TRUE()', v: '1' }) +
              c('B3', { t: 'b', f: 'FALSE()', v: '0' }) +
              c('C3', { f: 'FALSE()' }) +
              c('D3', { f: 'SUM(A9:A10)' }),
          ),
          row(
            4,
            c('A4', { t: 'inlineStr', is: '<t>Phường 1</t>' }) +
              c('B4', { t: 'inlineStr', is: '<r><t>Quận </t></r><r><t>Bình Thạnh</t></r>' }) +
              c('C4', { t: 'e', v: '#N/A' }) +
              c('D4', { t: 'b', v: '1' }),
          ),
          row(
            5,
            c('A5', { v: '45356', s: 1 }) +
              c('B5', { v: '45356', s: 2 }) +
              c('C5', { v: '45356', s: 3 }) +
              c('D5', { t: 'd', v: '2024-03-05T00:00:00' }),
          ),
          row(
            6,
            c('A6', { t: 'str', v: 'a < b' }) +
              c('B6', { v: '-1.5E-3' }) +
              '<c r="C6" s="2"/>' +
              c('D6', { t: 'e', f: 'A1+"x"', v: '#VALUE!' }),
          ),
        ].join(''),
      },
    ],
  });

  const read = (workbookPr = '') => readXlsx(workbookPr ? rawXlsx({ ...bookOf(bytes), workbookPr }) : bytes).grid.sheets[0];
  // Rebuild with another workbookPr: keep the same parts.
  const bookOf = (_b: Uint8Array) => ({
    strings: [
      'Sở Nội vụ',
      '<si><r><rPr><b/></rPr><t>Nguyễn </t></r><r><t xml:space="preserve">Văn An</t></r><rPh><t>ふりがな</t></rPh></si>',
      'a & b',
    ],
    styles: DATE_STYLES,
    sheets: [
      {
        name: 'Cán bộ',
        data: row(5, c('A5', { v: '45356', s: 1 }) + c('B5', { v: '45356', s: 2 }) + c('C5', { v: '45356', s: 3 })),
      },
    ],
  });

  test('shared strings (rich text without phonetic guides), numbers', () => {
    const s = read();
    expect(s.name).toBe('Cán bộ');
    expect(at(s, 'A1')).toBe('Sở Nội vụ');
    expect(at(s, 'B1')).toBe('Nguyễn Văn An');
    expect(at(s, 'C1')).toBe('a & b');
    expect(at(s, 'D1')).toBe(42.5);
    expect(at(s, 'B6')).toBe(-0.0015);
    expect(at(s, 'A6')).toBe('a < b');
  });

  test('cached formula results as they are: "" blank, FALSE no, 0 is 0, errors with their own code', () => {
    const s = read();
    expect(at(s, 'A2')).toBeUndefined();
    expect(at(s, 'B2')).toBe(false);
    expect(at(s, 'C2')).toBe(0);
    expect(at(s, 'D2')).toEqual({ error: '#DIV/0!' });
    expect(at(s, 'D6')).toEqual({ error: '#VALUE!' });
    expect(at(s, 'C4')).toEqual({ error: '#N/A' });
  });

  test("LibreOffice's booleans, with or without a cached value; a formula never calculated is unknown", () => {
    const s = read();
    expect(at(s, 'A3')).toBe(true);
    expect(at(s, 'B3')).toBe(false);
    expect(at(s, 'C3')).toBe(false);
    expect(at(s, 'D3')).toEqual({ error: '#N/A' });
    expect(at(s, 'D4')).toBe(true);
  });

  test('inline strings and inline rich text', () => {
    const s = read();
    expect(at(s, 'A4')).toBe('Phường 1');
    expect(at(s, 'B4')).toBe('Quận Bình Thạnh');
  });

  test('dates: 1900 serials as they are; ISO dates (t="d") as serials; a styled empty cell is empty', () => {
    const s = read();
    expect(at(s, 'A5')).toBe(45356);
    expect(at(s, 'D5')).toBeCloseTo(45356, 9);
    expect(at(s, 'C6')).toBeUndefined();
  });

  test.each(['date1904="1"', 'date1904="true"'])('%s: date-formatted numbers become 1900-system serials, others stay', (pr) => {
    const s = read(pr);
    expect(at(s, 'A5')).toBe(45356 + 1462);
    expect(at(s, 'B5')).toBe(45356 + 1462);
    expect(at(s, 'C5')).toBe(45356);
    expect(readXlsx(rawXlsx({ ...bookOf(bytes), workbookPr: pr })).date1904).toBe(true);
    expect(readXlsx(rawXlsx({ ...bookOf(bytes), workbookPr: 'date1904="false"' })).date1904).toBe(false);
  });
});

test('sheet states, merges (clamped to the used range), tables, chart sheets left out', () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: 'Đơn vị',
        data: row(1, c('A1', { t: 'inlineStr', is: '<t>x</t>' }) + c('B1', { v: '1' })) + row(3, c('A3', { v: '2' })),
        after:
          '<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="G1:XFD1048576"/><mergeCell ref="B1:XFD1048576"/></mergeCells>',
        tables: [['Bảng1', 'A1:B3']],
      },
      { name: 'Ẩn', state: 'hidden', data: row(1, c('A1', { v: '1' })) },
      { name: 'Rất ẩn', state: 'veryHidden', data: row(1, c('A1', { v: '1' })) },
    ],
  });
  const book = readXlsx(bytes);
  expect(book.sheets.map((s) => s.state)).toEqual(['visible', 'hidden', 'veryHidden']);
  expect(book.grid.sheets.map((s) => s.hidden)).toEqual([false, true, true]);
  const s = book.grid.sheets[0];
  expect(s.merges).toEqual([
    { top: 0, left: 0, bottom: 1, right: 0 },
    { top: 0, left: 1, bottom: 2, right: 1 },
  ]);
  expect(s.tables).toEqual([{ name: 'Bảng1', range: { top: 0, left: 0, bottom: 2, right: 1 } }]);
});

describe('many sheets with shared strings, read again and again', () => {
  test.each([3, 5, 6, 8, 12, 40])('%i sheets', (n) => {
    const strings: string[] = [];
    const sheets = Array.from({ length: n }, (_, i) => {
      const rows: string[] = [];
      for (let r = 1; r <= 30; r++) {
        strings.push(`Phường ${i + 1}.${r} – Nguyễn Thị Hương`);
        rows.push(row(r, c(`A${r}`, { t: 's', v: String(strings.length - 1) }) + c(`B${r}`, { v: String(r) })));
      }
      return { name: `Quận ${i + 1}`, data: rows.join('') };
    });
    const bytes = rawXlsx({ sheets, strings });
    for (let k = 0; k < 5; k++) {
      const grid = readXlsx(bytes).grid;
      expect(grid.sheets).toHaveLength(n);
      expect(grid.unreadable).toEqual([]);
      expect(grid.sheets[n - 1].name).toBe(`Quận ${n}`);
      expect(grid.sheets[n - 1].rows[29]?.[0]).toBe(`Phường ${n}.30 – Nguyễn Thị Hương`);
      expect(grid.sheets[n - 1].rows[29]?.[1]).toBe(30);
    }
  });
});

test('a sheet with malformed XML is listed as unreadable, the others are read', () => {
  const bytes = rawXlsx({
    sheets: [{ name: 'A', data: row(1, c('A1', { v: '1' })) }, { name: 'B' }],
    parts: { 'xl/worksheets/sheet2.xml': '<worksheet><sheetData><row r="1"><c r="A1"' },
  });
  const grid = readXlsx(bytes).grid;
  expect(grid.sheets.map((s) => s.name)).toEqual(['A']);
  expect(grid.unreadable?.[0].sheet).toBe('B');
});

// Was a bug: with the shared strings part named by the workbook but missing from the zip, every
// text cell read as blank — "no list found" for the whole file, or text columns silently empty.
test('a shared strings part the workbook names but the zip lacks: damaged, not blank text', () => {
  const book = rawXlsx({
    strings: ['Tên đơn vị', 'Sở Nội vụ'],
    sheets: [{ name: 'A', data: row(1, c('A1', { t: 's', v: '0' })) }],
  });
  expect(readXlsx(book).grid.sheets[0].rows[0]?.[0]).toBe('Tên đơn vị');
  const parts = unzipSync(book);
  delete parts['xl/sharedStrings.xml'];
  expect(() => readXlsx(zipSync(parts), { name: 'x.xlsx' })).toThrow(
    expect.objectContaining({ problem: 'corrupt', file: 'x.xlsx', detail: 'xl/sharedStrings.xml: part missing' }),
  );
});

// Was a bug: Excel writes a carriage return (or another control character) in a string as
// "_x000D_" (ST_Xstring), and the escape was read as text: "Sở Nội vụ_x000D_" matched no unit.
test('ST_Xstring escapes ("_x000D_") are undone in shared, rich, inline and formula strings; "_x005F_" keeps an underscore', () => {
  const book = rawXlsx({
    strings: [
      'Sở Nội vụ_x000D_',
      'Dòng 1_x000a_Dòng 2',
      '<si><r><t>Sở Tư_x0020_</t></r><r><t>pháp</t></r></si>',
      'mã_x005F_x000D_',
      'a_x00_b',
    ],
    sheets: [
      {
        name: 'A',
        data: row(
          1,
          c('A1', { t: 's', v: '0' }) +
            c('B1', { t: 's', v: '1' }) +
            c('C1', { t: 's', v: '2' }) +
            c('D1', { t: 's', v: '3' }) +
            c('E1', { t: 's', v: '4' }) +
            c('F1', { t: 'inlineStr', is: '<t>Quận_x0020_1</t>' }) +
            c('G1', { t: 'str', f: 'A1', v: 'Sở Nội vụ_x000D_' }),
        ),
      },
    ],
  });
  expect(readXlsx(book).grid.sheets[0].rows[0]).toEqual([
    'Sở Nội vụ\r',
    'Dòng 1\nDòng 2',
    'Sở Tư pháp',
    'mã_x000D_',
    'a_x00_b',
    'Quận 1',
    'Sở Nội vụ\r',
  ]);
});

// Was a bug: a cell naming a shared string the table does not hold (the part cut short, or empty)
// read as blank, so a text column went silently empty; an index written with spaces is still read.
test('a shared string the table lacks makes the sheet unreadable, said so, on both lanes', () => {
  const cells = (v: string) => row(1, c('A1', { t: 's', v: '0' }) + c('B1', { t: 's', v }));
  const book = (v: string, strings = ['Tên đơn vị', 'Sở Nội vụ']) =>
    rawXlsx({
      strings,
      sheets: [
        { name: 'A', data: cells(v) },
        { name: 'B', data: row(1, c('A1', { v: '5' })) },
      ],
    });
  const ok = readXlsx(book(' 1 ')).grid;
  expect(ok.unreadable).toEqual([]);
  expect(ok.sheets[0].rows[0]).toEqual(['Tên đơn vị', 'Sở Nội vụ']);
  for (const [v, strings] of [
    ['2', undefined],
    ['0', []],
  ] as const) {
    const grid = readXlsx(book(v, strings === undefined ? undefined : [...strings])).grid;
    expect(grid.sheets.map((x) => x.name)).toEqual(['B']);
    expect(grid.unreadable).toEqual([
      {
        sheet: 'A',
        reason: expect.stringMatching(/^xl\/worksheets\/sheet1\.xml: shared string "\d" is not in the table of \d$/),
      },
    ]);
  }
});

// Was a bug: a part whose name the zip keeps percent-encoded (as OPC asks for non-ASCII) while the
// relationship writes it as it reads, or the other way round, was "missing": the sheet unreadable.
test.each([
  ['b%E1%BA%A3ng.xml', 'bảng.xml'],
  ['bảng.xml', 'b%E1%BA%A3ng.xml'],
  ['sheet 1.xml', 'sheet%201.xml'],
  ['100%.xml', '100%.xml'],
])('a worksheet stored as "%s" and named "%s" by its relationship is read', (stored, named) => {
  const parts = unzipSync(rawXlsx({ sheets: [{ name: 'A', data: row(1, c('A1', { v: '7' })) }] }));
  parts[`xl/worksheets/${stored}`] = parts['xl/worksheets/sheet1.xml'];
  delete parts['xl/worksheets/sheet1.xml'];
  const rels = new TextDecoder().decode(parts['xl/_rels/workbook.xml.rels']);
  parts['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(rels.replace('worksheets/sheet1.xml', `worksheets/${named}`));
  const grid = readXlsx(zipSync(parts)).grid;
  expect(grid.unreadable).toEqual([]);
  expect(grid.sheets[0].rows[0]?.[0]).toBe(7);
});

test('errors name the file and say what is wrong', () => {
  const problem = (b: Uint8Array) => {
    try {
      readXlsx(b, { name: 'x.xlsx' });
    } catch (e) {
      return e instanceof WorkbookFileError ? `${e.problem}:${e.file}` : String(e);
    }
    return 'read';
  };
  expect(problem(new Uint8Array(0))).toBe('empty_file:x.xlsx');
  expect(problem(new TextEncoder().encode('STT;Họ và tên'))).toBe('not_spreadsheet:x.xlsx');
  const good = rawXlsx({ sheets: [{ name: 'A', data: row(1, c('A1', { v: '1' })) }] });
  expect(problem(good.subarray(0, good.length >> 1))).toBe('corrupt:x.xlsx');
  expect(problem(rawXlsx({ sheets: [] }))).toBe('no_sheets:x.xlsx');
});

describe('XmlScanner', () => {
  const tokens = (xml: string) => {
    const x = new XmlScanner(new TextEncoder().encode(xml), 't.xml');
    const out: string[] = [];
    for (let t = x.next(); t !== END; t = x.next()) {
      if (t === OPEN) out.push(`<${x.name()}${x.selfClosing ? '/' : ''}${x.attr('a') !== null ? ` a=${x.attr('a')}` : ''}>`);
      else if (t === CLOSE) out.push(`</${x.name()}>`);
      else if (t === TEXT) out.push(x.text());
    }
    return out;
  };
  test('tags, local names, attributes with > and quotes, entities, CDATA, comments, PIs', () => {
    expect(
      tokens(`<?xml version="1.0"?><x:a a='1 > "2"'>t &amp; &#7841;&#x1EA1;<!-- <b> --><![CDATA[<&>]]><b a="&lt;"/></x:a>`),
    ).toEqual([`<a a=1 > "2">`, 't & ạạ', '<&>', '<b/ a=<>', '</a>']);
  });
  test('a DOCTYPE is refused; a tag, comment or attribute cut off throws', () => {
    for (const bad of ['<!DOCTYPE x [<!ENTITY a "b">]><x/>', '<a b="1', '<a><!-- x', '<a b=1>'])
      expect(() => tokens(bad)).toThrow(/t\.xml/);
  });
});
