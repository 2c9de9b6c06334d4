/**
 * The worksheet reader's two lanes agree: the fast lane (src/xlsx/cell-run.ts, taken when the
 * preview's extras are not asked for) and the general tokenizer (the only lane with extras) give
 * the same rows, cell for cell, on random sheets mixing the plain shapes the fast lane takes with
 * every shape it must leave alone (formulas, inline strings, errors, dates, entities, prefixes,
 * missing references, whitespace, long-hand empty cells, rows out of order) — and the same refusal
 * for what is beyond Excel's grid.
 */
import fc from 'fast-check';
import { BeyondLimits, SheetCells, readSheet } from '../../src/xlsx/sheet-read';
import { NO_STYLES } from '../../src/xlsx/styles';
import { XmlProblem } from '../../src/xlsx/xml-scan';

const SST = ['một', 'hai', 'ba & bốn', '', '=SUM(A1)', 'x'];
const STYLES = { ...NO_STYLES, isDate: [false, true, false], formats: [], bold: [], fill: [] };

function read(xml: string, extras: boolean, date1904 = false): SheetCells {
  return readSheet(new TextEncoder().encode(xml), {
    part: 'xl/worksheets/sheet1.xml',
    sharedStrings: SST,
    styles: STYLES,
    date1904,
    extras,
    budget: { cells: 1e6, max: 1e6 },
  });
}

/** The cells, or the message of the XmlProblem that makes the sheet unreadable. */
function attempt(xml: string, extras: boolean, date1904: boolean): SheetCells | string {
  try {
    return read(xml, extras, date1904);
  } catch (e) {
    if (e instanceof XmlProblem) return e.message;
    throw e;
  }
}

const sheet = (rows: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`;

const col = (n: number) => (n < 26 ? String.fromCharCode(65 + n) : 'A' + String.fromCharCode(65 + n - 26));

/** One cell's XML at (row, col), 1-based row, in one of many shapes. */
const cellXml = fc
  .tuple(
    fc.constantFrom(
      'shared',
      'sharedBad',
      'sharedOut',
      'number',
      'numberExp',
      'numberSpace',
      'numberEmpty',
      'bool',
      'str',
      'strEntity',
      'error',
      'inline',
      'date',
      'formula',
      'formulaNoValue',
      'empty',
      'emptyLong',
      'prefixedAttr',
      'extraAttr',
      'cdata',
      'vSelfClosing',
      'typeFirst',
      'singleQuotes',
      'lowerRef',
    ),
    fc.boolean(), // with r
    fc.constantFrom('', ' s="1"', ' s="2"', ' s="x"'),
    fc.nat(5),
  )
  .map(([shape, withRef, style, k]) => (row: number, c: number) => {
    const r = withRef ? ` r="${col(c)}${row}"` : '';
    switch (shape) {
      case 'shared':
        return `<c${r}${style} t="s"><v>${k}</v></c>`;
      case 'sharedBad':
        return `<c${r} t="s"><v> ${k}</v></c>`;
      case 'sharedOut':
        return `<c${r} t="s"><v>${k + 100}</v></c>`;
      case 'number':
        return `<c${r}${style}><v>${k * 1000 + 0.5}</v></c>`;
      case 'numberExp':
        return `<c${r}${style} t="n"><v>1E${k}</v></c>`;
      case 'numberSpace':
        return `<c${r}${style}><v> ${k}</v></c>`;
      case 'numberEmpty':
        return `<c${r}${style}><v></v></c>`;
      case 'bool':
        return `<c${r} t="b"><v>${k % 2}</v></c>`;
      case 'str':
        return `<c${r} t="str"><v>tên ${k}</v></c>`;
      case 'strEntity':
        return `<c${r} t="str"><v>a &amp; b &lt;${k}&gt;</v></c>`;
      case 'error':
        return `<c${r} t="e"><v>#N/A</v></c>`;
      case 'inline':
        return `<c${r} t="inlineStr"><is><t>trực tiếp ${k}</t></is></c>`;
      case 'date':
        return `<c${r} t="d"><v>2024-0${1 + k}-15T00:00:00Z</v></c>`;
      case 'formula':
        return `<c${r}${style}><f>A1+${k}</f><v>${k}</v></c>`;
      case 'formulaNoValue':
        return `<c${r}><f>FALSE()</f></c>`;
      case 'empty':
        return `<c${r}${style}/>`;
      case 'emptyLong':
        return `<c${r}${style}></c>`;
      case 'prefixedAttr':
        return withRef ? `<c x:r="${col(c)}${row}" t="s"><v>${k}</v></c>` : `<c t="s"><v>${k}</v></c>`;
      case 'extraAttr':
        return `<c${r} cm="1" t="s" vm="2"><v>${k}</v></c>`;
      case 'typeFirst':
        return `<c${r} t="s"${style}><v>${k}</v></c>`;
      case 'singleQuotes':
        return withRef ? `<c r='${col(c)}${row}' s='1' t='s'><v>${k}</v></c>` : `<c s='1'><v>${k}</v></c>`;
      case 'lowerRef':
        return withRef ? `<c r="${col(c).toLowerCase()}${row}" t="s"><v>${k}</v></c>` : `<c t="s"><v>${k}</v></c>`;
      case 'cdata':
        return `<c${r} t="str"><v><![CDATA[<${k}>]]></v></c>`;
      default:
        return `<c${r}><v/></c>`;
    }
  });

const rowXml = fc
  .tuple(
    fc.array(cellXml, { maxLength: 8 }),
    fc.constantFrom('', ' spans="1:8"', ' x14ac:dyDescent="0.25"', ' ht="20" customHeight="1"', ' x:r="2"', ' r="3"'),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([cells, attrs, withRef, spaced]) => (row: number) => {
    const body = cells.map((c, i) => c(row, i)).join(spaced ? '\n  ' : '');
    const r = withRef ? ` r="${row}"` : '';
    return cells.length === 0 && !withRef ? `<row${attrs}/>` : `<row${r}${attrs}>${body}</row>`;
  });

const sheetXml = fc
  .tuple(fc.array(rowXml, { maxLength: 10 }), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }))
  .map(([rows, gaps]) => {
    let row = 0;
    return sheet(
      rows
        .map((r, i) => {
          row += gaps[i];
          return r(row);
        })
        .join(''),
    );
  });

test('the fast lane and the general lane read every sheet alike (property)', () => {
  fc.assert(
    fc.property(sheetXml, fc.boolean(), (xml, date1904) => {
      const fast = attempt(xml, false, date1904);
      const general = attempt(xml, true, date1904);
      // An unreadable sheet (a shared string the table lacks) is unreadable for both, alike.
      if (typeof fast === 'string' || typeof general === 'string') {
        expect(fast).toEqual(general);
        return;
      }
      expect(fast.rows).toEqual(general.rows);
      // Same lengths and the same empty slots, not only equal values (rows are sized ahead).
      expect(fast.rows.map((r) => r && r.length)).toEqual(general.rows.map((r) => r && r.length));
      expect(fast.rows.map((r) => r && Object.keys(r).join())).toEqual(general.rows.map((r) => r && Object.keys(r).join()));
      expect(fast.merges).toEqual(general.merges);
    }),
    { numRuns: 400 },
  );
});

test('plain cells are read by the fast lane as the spec says', () => {
  const got = read(
    sheet(
      '<row r="2" spans="1:4"><c r="A2" t="s"><v>0</v></c><c r="B2" s="1"><v>45000</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="str"><v>x &amp; y</v></c></row>' +
        '<row r="3"><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>4</v></c></row>',
    ),
    false,
    true,
  );
  expect(got.rows[1]).toEqual(['một', 45000 + 1462, true, 'x & y']);
  // An empty shared string is no value; "=SUM(A1)" stays text.
  expect(got.rows[2]).toEqual([undefined, undefined, undefined, '=SUM(A1)']);
});

test('beyond the grid is refused in both lanes alike', () => {
  for (const bad of ['<row r="1048577"><c t="s"><v>0</v></c></row>', '<row r="1"><c r="XFE1" t="s"><v>0</v></c></row>']) {
    expect(() => read(sheet(bad), false)).toThrow(BeyondLimits);
    expect(() => read(sheet(bad), true)).toThrow(BeyondLimits);
  }
});

test('the cell budget is kept by the fast lane', () => {
  const xml = sheet('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>');
  const ctx = (max: number) => ({
    part: 'p',
    sharedStrings: SST,
    styles: STYLES,
    date1904: false,
    extras: false,
    budget: { cells: max, max },
  });
  expect(() => readSheet(new TextEncoder().encode(xml), ctx(2))).toThrow('> 2 cells');
  expect(readSheet(new TextEncoder().encode(xml), ctx(3)).rows[0]).toEqual(['một', 'hai', 'ba & bốn']);
});
