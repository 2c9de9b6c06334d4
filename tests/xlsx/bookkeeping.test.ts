/** The package's small parts patched by splices: app.xml titles, the workbook's sheet list, styles, relationships. */
import { addAppTitle, addRels, addSheetToWorkbook, readWorkbook } from '../../src/xlsx/patch/bookkeeping';
import { StyleBook } from '../../src/xlsx/patch/styles';
import { bytes, utf8 } from '../../src/xlsx/patch/xml';

const VT = 'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"';

function app(pairs: Array<[string, number]>, titles: string[]): string {
  return (
    `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ${VT}>` +
    `<HeadingPairs><vt:vector size="${pairs.length * 2}" baseType="variant">` +
    pairs
      .map(([n, c]) => `<vt:variant><vt:lpstr>${n}</vt:lpstr></vt:variant><vt:variant><vt:i4>${c}</vt:i4></vt:variant>`)
      .join('') +
    `</vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="${titles.length}" baseType="lpstr">` +
    titles.map((t) => `<vt:lpstr>${t}</vt:lpstr>`).join('') +
    `</vt:vector></TitlesOfParts></Properties>`
  );
}

describe('docProps/app.xml', () => {
  test('the new title goes after the worksheets, before named ranges; the count follows', () => {
    const out = utf8(
      addAppTitle(
        bytes(
          app(
            [
              ['Trang tính', 2],
              ['Phạm vi Có tên', 1],
            ],
            ['Đơn vị', 'Cán bộ', 'Print_Area'],
          ),
        ),
        'Báo cáo CCHC 2024',
      ),
    );
    expect(out).toBe(
      app(
        [
          ['Trang tính', 3],
          ['Phạm vi Có tên', 1],
        ],
        ['Đơn vị', 'Cán bộ', 'Báo cáo CCHC 2024', 'Print_Area'],
      ),
    );
  });

  test('a part of another shape is left exactly as it was', () => {
    const odd = bytes(app([['Worksheets', 5]], ['only one']));
    expect(addAppTitle(odd, 'X')).toBe(odd);
    const none = bytes('<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>');
    expect(addAppTitle(none, 'X')).toBe(none);
  });
});

describe('xl/workbook.xml', () => {
  test('a prefixed workbook with another prefix for relationships gets the sheet and a print area in its own terms', () => {
    const wb =
      `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
      `<x:sheets><x:sheet name="A &amp; B" sheetId="4" rel:id="rId1"/></x:sheets><x:calcPr calcId="191029"/></x:workbook>`;
    const out = utf8(
      addSheetToWorkbook(bytes(wb), { name: "Báo cáo 'CCHC'", relId: 'rId9', printArea: "'Báo cáo ''CCHC'''!$A$1:$G$9" }),
    );
    expect(out).toContain(`<x:sheet name="Báo cáo 'CCHC'" sheetId="5" rel:id="rId9"/></x:sheets>`);
    expect(out).toContain(
      `<x:definedNames><x:definedName name="_xlnm.Print_Area" localSheetId="1">'Báo cáo ''CCHC'''!$A$1:$G$9</x:definedName></x:definedNames><x:calcPr`,
    );
    expect(readWorkbook(bytes(out)).sheets.map((s) => [s.name, s.relId])).toEqual([
      ['A & B', 'rId1'],
      ["Báo cáo 'CCHC'", 'rId9'],
    ]);
  });

  test('relationship ids are new', () => {
    const rels = bytes(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="a"/><Relationship Id="rId2" Type="t" Target="b"/></Relationships>`,
    );
    const { part, ids } = addRels(rels, [{ type: 'x', target: 'worksheets/sheet9.xml' }]);
    expect(ids).toEqual(['rId3']);
    expect(utf8(part as Uint8Array)).toContain(
      '<Relationship Id="rId3" Type="x" Target="worksheets/sheet9.xml"/></Relationships>',
    );
  });
});

describe('xl/styles.xml', () => {
  test('a stylesheet without dxfs gets them in schema order; existing entries keep their indexes and are reused', () => {
    const xml =
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/></font></fonts>` +
      `<fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="1"><xf fontId="0"/></cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><tableStyles count="0"/></styleSheet>`;
    const book = new StyleBook(bytes(xml));
    expect(book.font('<font><sz val="11"/></font>')).toBe(0);
    expect(book.dxf('<dxf><font><b/></font></dxf>')).toBe(0);
    expect(book.dxf('<dxf><font><b/></font></dxf>')).toBe(0);
    expect(book.headerLike(null)).toBe(1);
    const out = utf8(book.toBytes());
    expect(out).toContain('<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>');
    expect(out).toContain(
      '<cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf></cellXfs>',
    );
    expect(out).toContain('</cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs><tableStyles');
  });
});
