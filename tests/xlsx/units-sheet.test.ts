/**
 * The streaming units-sheet patcher on hand-written sheets: the same output whatever the chunk
 * sizes (down to one byte, cutting Vietnamese letters and tags), rows and cells kept in order,
 * implicit references, prefixed namespaces, markup-like text in comments and attributes.
 */
import { concatBytes } from '../../src/xlsx/bytes';
import { SheetPatch, SheetPatcher } from '../../src/xlsx/patch/units-sheet';
import { bytes, utf8 } from '../../src/xlsx/patch/xml';

function patchIn(xml: string, patch: SheetPatch, chunk: number): string {
  const out: Uint8Array[] = [];
  const p = new SheetPatcher(patch, (c) => out.push(c.slice()));
  const b = bytes(xml);
  for (let i = 0; i < b.length; i += chunk) p.push(b.subarray(i, Math.min(b.length, i + chunk)));
  p.end();
  return utf8(concatBytes(out));
}

function patchAll(xml: string, patch: SheetPatch): string {
  const whole = patchIn(xml, patch, 1 << 20);
  for (const size of [1, 2, 3, 7, 64]) expect(patchIn(xml, patch, size)).toBe(whole);
  return whole;
}

const PATCH: SheetPatch = {
  edits: new Map([
    [0, [{ col: 3, kind: 'set', text: 'Trạng thái CCHC 2024', styleFrom: 0 }]],
    [1, [{ col: 3, kind: 'set', text: 'Không đạt' }]],
    [2, [{ col: 3, kind: 'clear' }]],
    [4, [{ col: 3, kind: 'set', text: 'Đạt' }]],
    [9, [{ col: 3, kind: 'set', text: ' Chưa xác định ' }]],
  ]),
  widths: [3],
  formats: [{ sqref: 'A2:D10', rules: [{ formula: '$D2="Không đạt"', dxfId: 4 }] }],
};

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe('SheetPatcher', () => {
  test('puts cells into their rows in column order, replaces its own, clears old values, adds missing rows', () => {
    const xml =
      `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:E5"/><sheetData>` +
      `<row r="1" spans="1:5"><c r="A1" s="7" t="s"><v>0</v></c><c r="E1"><v>1</v></c></row>` +
      `<!-- <row r="2"> in a comment --><row r="2"><c r="A2" t="inlineStr"><is><t>Sở Tư pháp &lt;a&gt;</t></is></c><c r="D2" s="3" t="inlineStr"><is><t>Đạt</t></is></c></row>` +
      `<row r="3"><c r="D3" s="3" t="inlineStr"><is><t>Đạt</t></is></c></row>` +
      `<row r="5"/>` +
      `</sheetData><conditionalFormatting sqref="A2:D4"><cfRule type="expression" dxfId="1" priority="2"><formula>$D2="Đạt"</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
    const out = patchAll(xml, PATCH);
    expect(out).toBe(
      `<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:E10"/><cols><col min="4" max="4" width="18" customWidth="1"/></cols><sheetData>` +
        `<row r="1"><c r="A1" s="7" t="s"><v>0</v></c><c r="D1" s="7" t="inlineStr"><is><t>Trạng thái CCHC 2024</t></is></c><c r="E1"><v>1</v></c></row>` +
        `<!-- <row r="2"> in a comment --><row r="2"><c r="A2" t="inlineStr"><is><t>Sở Tư pháp &lt;a&gt;</t></is></c><c r="D2" s="3" t="inlineStr"><is><t>Không đạt</t></is></c></row>` +
        `<row r="3"><c r="D3" s="3"/></row>` +
        `<row r="5"><c r="D5" t="inlineStr"><is><t>Đạt</t></is></c></row>` +
        `<row r="10"><c r="D10" t="inlineStr"><is><t xml:space="preserve"> Chưa xác định </t></is></c></row>` +
        `</sheetData><conditionalFormatting sqref="A2:D10"><cfRule type="expression" dxfId="4" priority="1"><formula>$D2="Không đạt"</formula></cfRule></conditionalFormatting>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
  });

  test('reads rows and cells without references, prefixed elements, ">" inside attributes; keeps the user\'s rules after its own', () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:cols><x:col min="1" max="10" width="9" style="2"/></x:cols><x:sheetData>` +
      `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c/><x:c/><x:c><x:v>5</x:v></x:c></x:row>` +
      `<x:row><x:c><x:f>IF(B2&gt;1,"x&gt;y","")</x:f><x:v>1</x:v></x:c></x:row>` +
      `</x:sheetData><x:conditionalFormatting sqref="B1:B9"><x:cfRule type="expression" priority="5"><x:formula>B1&gt;"a>b"</x:formula></x:cfRule></x:conditionalFormatting>` +
      `<x:hyperlinks><x:hyperlink ref="A1" location="'a>b'!A1"/></x:hyperlinks></x:worksheet>`;
    const out = patchAll(xml, PATCH);
    expect(out).toContain(
      `<x:cols><x:col min="1" max="3" width="9" style="2"/><x:col min="4" max="4" width="18" style="2" customWidth="1"/><x:col min="5" max="10" width="9" style="2"/></x:cols>`,
    );
    // Row 1's fourth cell (D1, no reference) is replaced; row 2 gets D2 after A2.
    expect(out).toContain(
      `<x:row><x:c t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c><x:c/><x:c/><x:c r="D1" t="inlineStr"><x:is><x:t>Trạng thái CCHC 2024</x:t></x:is></x:c></x:row>`,
    );
    expect(out).toContain(`<x:c><x:f>IF(B2&gt;1,"x&gt;y","")</x:f><x:v>1</x:v></x:c><x:c r="D2" t="inlineStr">`);
    expect(out).toContain(
      `<x:conditionalFormatting sqref="B1:B9"><x:cfRule type="expression" priority="5"><x:formula>B1&gt;"a>b"</x:formula></x:cfRule></x:conditionalFormatting>` +
        `<x:conditionalFormatting sqref="A2:D10"><x:cfRule type="expression" dxfId="4" priority="6">`,
    );
    expect(out.indexOf('<x:conditionalFormatting sqref="A2:D10">')).toBeLessThan(out.indexOf('<x:hyperlinks>'));
  });

  test("its rules' priorities follow every rule on the sheet, the x14 rules of its extLst included", () => {
    // Excel's data bars and icon sets keep their priority in the extLst, after where the rules go.
    const x14 =
      `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
      `<x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">` +
      `<x14:cfRule type="iconSet" priority="7" id="{A}"><x14:iconSet iconSet="3Triangles"><x14:cfvo type="percent"><xm:f>0</xm:f></x14:cfvo></x14:iconSet></x14:cfRule>` +
      `<xm:sqref>B1:B9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>`;
    const xml =
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>` +
      `<conditionalFormatting sqref="C1:C9"><cfRule type="cellIs" dxfId="0" priority="2" operator="greaterThan"><formula>5</formula></cfRule></conditionalFormatting>` +
      `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${x14}</worksheet>`;
    const out = patchAll(xml, PATCH);
    expect(out).toContain(
      `<conditionalFormatting sqref="A2:D10"><cfRule type="expression" dxfId="4" priority="8"><formula>$D2="Không đạt"</formula></cfRule></conditionalFormatting>` +
        `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>${x14}</worksheet>`,
    );
  });

  test('a sheet cut off inside a tag is an error, not a silent copy', () => {
    const p = new SheetPatcher(PATCH, () => undefined);
    p.push(bytes(`<worksheet ${NS}><sheetData><row r="1"><c r="A1`));
    expect(() => p.end()).toThrow(/inside a tag/);
  });

  test('a token much longer than a chunk waits for the buffer to double and comes out whole', () => {
    const long = 'x'.repeat(3_000_000);
    const xml = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c></row></sheetData><!--${long}--></worksheet>`;
    const out = patchIn(xml, PATCH, 4096);
    expect(out.includes(`<!--${long}--><conditionalFormatting sqref="A2:D10">`)).toBe(true);
    expect(out).toContain('<c r="D1" t="inlineStr"><is><t>Trạng thái CCHC 2024</t></is></c>');
  });
});
