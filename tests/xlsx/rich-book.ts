/**
 * A workbook with what exceljs cannot round-trip, written part by part with fflate: an embedded
 * chart and comments on the staff sheet, a chart sheet, sparklines, data validation and a rule of
 * the user's on the units sheet, an external link (and a defined name using it), a pivot table
 * with its cache, and a custom XML part. Built on the canonical workbook from book.ts.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readRels, readWorkbook, relsPathOf, resolveTarget } from '../../src/xlsx/patch/bookkeeping';
import { buildWorkbook, canonicalSheets, toBuffer, XRow } from './book';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const C = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function rels(list: Array<[string, string, string, boolean?]>): string {
  return (
    `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    list
      .map(
        ([id, type, target, ext]) =>
          `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"${ext ? ' TargetMode="External"' : ''}/>`,
      )
      .join('') +
    `</Relationships>`
  );
}

function chart(title: string): string {
  return (
    `${HEAD}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${REL}"><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${title}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:plotArea><c:layout/><c:pieChart><c:varyColors val="1"/><c:ser><c:idx val="0"/><c:order val="0"/>` +
    `<c:val><c:numRef><c:f>'Đơn vị'!$D$2:$D$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>1</c:v></c:pt><c:pt idx="1"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v>2</c:v></c:pt></c:numCache></c:numRef></c:val>` +
    `</c:ser><c:firstSliceAng val="0"/></c:pieChart></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`
  );
}

function drawing(absolute: boolean): string {
  const frame =
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Biểu đồ 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`;
  const anchor = absolute
    ? `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="8666667" cy="6293304"/>${frame}<xdr:clientData/></xdr:absoluteAnchor>`
    : `<xdr:twoCellAnchor><xdr:from><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>18</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${frame}<xdr:clientData/></xdr:twoCellAnchor>`;
  return `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}">${anchor}</xdr:wsDr>`;
}

const SPARKLINES =
  `<extLst><ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">` +
  `<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap">` +
  `<x14:colorSeries rgb="FF376092"/><x14:sparklines><x14:sparkline><xm:f>'Đơn vị'!D2:D4</xm:f><xm:sqref>D5</xm:sqref></x14:sparkline></x14:sparklines>` +
  `</x14:sparklineGroup></x14:sparklineGroups></ext></extLst>`;

const VALIDATION = `<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="C2:C4"><formula1>"Sở, ban, ngành,Khác"</formula1></dataValidation></dataValidations>`;
const USER_RULE = `<conditionalFormatting sqref="D2:D4"><cfRule type="cellIs" priority="1" operator="greaterThan"><formula>0</formula></cfRule></conditionalFormatting>`;

export const UNITS: XRow[] = [
  [1, 'Sở Nội vụ', 'Sở, ban, ngành', 1],
  [2, '=HYPERLINK("http://evil.example","bấm vào")', 'Sở, ban, ngành', 0],
  [3, '+84 28 3829 1234', 'Khác', null],
];

export const STAFF: XRow[] = [
  [1, 'Nguyễn Văn A', 'Sở Nội vụ', 'Giám đốc', 'x', 'x', 2023, 'x', 'x'],
  [2, 'Trần Thị B', 'Sở Nội vụ', 'Chuyên viên', null, 'x', null, 'x', '??'],
  [3, 'Lê Văn C', '=HYPERLINK("http://evil.example","bấm vào")', 'Giám đốc', 'x', 'x', null, null, null],
];

export interface RichBook {
  readonly buffer: Buffer;
  /** Part names of the units and staff sheets. */
  readonly unitsPath: string;
  readonly staffPath: string;
}

function insertBefore(xml: string, marker: string, text: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`no ${marker}`);
  return xml.slice(0, at) + text + xml.slice(at);
}

export async function richBook(): Promise<RichBook> {
  const files = unzipSync(
    new Uint8Array(
      await toBuffer(
        buildWorkbook(canonicalSheets(UNITS, STAFF, [[1, 'Lớp A', 'Lớp bồi dưỡng ở nước ngoài', 'Trực tiếp', 2024, 20, 5]])),
      ),
    ),
  );
  const text = (name: string) => strFromU8(files[name]);
  const put = (name: string, xml: string) => (files[name] = strToU8(xml));
  const wbRels = readRels(files['xl/_rels/workbook.xml.rels']);
  const info = readWorkbook(files['xl/workbook.xml']);
  const pathOf = (sheet: string) =>
    resolveTarget('xl/workbook.xml', wbRels.find((r) => r.id === info.sheets.find((s) => s.name === sheet)?.relId)?.target ?? '');
  const unitsPath = pathOf('Đơn vị');
  const staffPath = pathOf('Cán bộ');

  // Units sheet: the user's own rule, data validation and sparklines.
  let units = text(unitsPath);
  units = insertBefore(units, '<pageMargins', USER_RULE + VALIDATION);
  units = insertBefore(units, '</worksheet>', SPARKLINES);
  put(unitsPath, units);

  // Staff sheet: an embedded chart, comments (with their VML), a pivot table.
  put(staffPath, insertBefore(text(staffPath), '</worksheet>', `<drawing r:id="rId91"/><legacyDrawing r:id="rId92"/>`));
  put(
    relsPathOf(staffPath),
    rels([
      ['rId91', 'drawing', '../drawings/drawing1.xml'],
      ['rId92', 'vmlDrawing', '../drawings/vmlDrawing1.vml'],
      ['rId93', 'comments', '../comments1.xml'],
      ['rId94', 'pivotTable', '../pivotTables/pivotTable1.xml'],
    ]),
  );
  put('xl/drawings/drawing1.xml', drawing(false));
  put('xl/drawings/_rels/drawing1.xml.rels', rels([['rId1', 'chart', '../charts/chart1.xml']]));
  put('xl/charts/chart1.xml', chart('Vị trí CCHC theo đơn vị'));
  put(
    'xl/comments1.xml',
    `${HEAD}<comments xmlns="${MAIN}"><authors><author>Chị Lan</author></authors><commentList><comment ref="B2" authorId="0"><text><r><t>Kiểm tra lại năm bồi dưỡng</t></r></text></comment></commentList></comments>`,
  );
  put(
    'xl/drawings/vmlDrawing1.vml',
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>1</x:Row><x:Column>1</x:Column></x:ClientData></v:shape></xml>`,
  );
  put(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${REL}" r:id="rId1" refreshOnLoad="1" recordCount="0"><cacheSource type="worksheet"><worksheetSource ref="A1:D4" sheet="Cán bộ"/></cacheSource><cacheFields count="1"><cacheField name="Chức vụ" numFmtId="0"><sharedItems/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  put('xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]));
  put('xl/pivotCache/pivotCacheRecords1.xml', `${HEAD}<pivotCacheRecords xmlns="${MAIN}" count="0"/>`);
  put(
    'xl/pivotTables/pivotTable1.xml',
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="Tổng hợp" cacheId="7" dataCaption="Giá trị"><location ref="K3:K4" firstHeaderRow="1" firstDataRow="1" firstDataCol="0"/><pivotFields count="1"><pivotField showAll="0"/></pivotFields></pivotTableDefinition>`,
  );
  put(
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]),
  );

  // A chart sheet, an external link and custom XML, known to the workbook.
  put(
    'xl/chartsheets/sheet1.xml',
    `${HEAD}<chartsheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr/><sheetViews><sheetView workbookViewId="0"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  put('xl/chartsheets/_rels/sheet1.xml.rels', rels([['rId1', 'drawing', '../drawings/drawing2.xml']]));
  put('xl/drawings/drawing2.xml', drawing(true));
  put('xl/drawings/_rels/drawing2.xml.rels', rels([['rId1', 'chart', '../charts/chart2.xml']]));
  put('xl/charts/chart2.xml', chart('Biểu đồ trên trang riêng'));
  put(
    'xl/externalLinks/externalLink1.xml',
    `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${REL}"><externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  put('xl/externalLinks/_rels/externalLink1.xml.rels', rels([['rId1', 'externalLinkPath', 'so-lieu-quan-1.xlsx', true]]));
  put('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8"?><ghiChu xmlns="urn:cchc:test">Sổ theo dõi CCHC</ghiChu>`);
  put(
    'customXml/itemProps1.xml',
    `${HEAD}<ds:datastoreItem ds:itemID="{6B2E3A0C-1111-4C2B-9E32-0A1B2C3D4E5F}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>`,
  );
  put('customXml/_rels/item1.xml.rels', rels([['rId1', 'customXmlProps', 'itemProps1.xml']]));

  let wb = text('xl/workbook.xml');
  wb = insertBefore(wb, '</sheets>', `<sheet name="Biểu đồ" sheetId="90" r:id="rId90"/>`);
  wb = insertBefore(
    wb,
    '<calcPr',
    `<externalReferences><externalReference r:id="rId91"/></externalReferences><definedNames><definedName name="SoLieuNgoai">[1]Sheet1!$A$1</definedName></definedNames>`,
  );
  wb = insertBefore(wb, '</workbook>', `<pivotCaches><pivotCache cacheId="7" r:id="rId92"/></pivotCaches>`);
  put('xl/workbook.xml', wb);
  put(
    'xl/_rels/workbook.xml.rels',
    insertBefore(
      text('xl/_rels/workbook.xml.rels'),
      '</Relationships>',
      `<Relationship Id="rId90" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` +
        `<Relationship Id="rId91" Type="${REL}/externalLink" Target="externalLinks/externalLink1.xml"/>` +
        `<Relationship Id="rId92" Type="${REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>` +
        `<Relationship Id="rId93" Type="${REL}/customXml" Target="../customXml/item1.xml"/>`,
    ),
  );
  const ct = (part: string, type: string) => `<Override PartName="/${part}" ContentType="application/vnd.${type}"/>`;
  put(
    '[Content_Types].xml',
    insertBefore(
      text('[Content_Types].xml'),
      '</Types>',
      `<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
        ct('xl/chartsheets/sheet1.xml', 'openxmlformats-officedocument.spreadsheetml.chartsheet+xml') +
        ct('xl/drawings/drawing1.xml', 'openxmlformats-officedocument.drawing+xml') +
        ct('xl/drawings/drawing2.xml', 'openxmlformats-officedocument.drawing+xml') +
        ct('xl/charts/chart1.xml', 'openxmlformats-officedocument.drawingml.chart+xml') +
        ct('xl/charts/chart2.xml', 'openxmlformats-officedocument.drawingml.chart+xml') +
        ct('xl/comments1.xml', 'openxmlformats-officedocument.spreadsheetml.comments+xml') +
        ct('xl/externalLinks/externalLink1.xml', 'openxmlformats-officedocument.spreadsheetml.externalLink+xml') +
        ct('xl/pivotCache/pivotCacheDefinition1.xml', 'openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml') +
        ct('xl/pivotCache/pivotCacheRecords1.xml', 'openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml') +
        ct('xl/pivotTables/pivotTable1.xml', 'openxmlformats-officedocument.spreadsheetml.pivotTable+xml') +
        ct('customXml/itemProps1.xml', 'openxmlformats-officedocument.customXmlProperties+xml'),
    ),
  );
  return { buffer: Buffer.from(zipSync(files)), unitsPath, staffPath };
}
