/**
 * The report's native chart: a clustered column chart of each rate target's result against its
 * threshold, in plain DrawingML (a chart part and the drawing that places it), as the add-in's
 * report draws with Office.js. The series point at the report's data table and carry its values
 * cached, so the chart shows before any recalculation.
 */
import { ReportCell, ReportChart, ReportLayout } from '../../report/layout';
import { CellRange } from '../../workbook/grid';
import { REL_NS, absRange, quoteSheet } from './report-sheet';
import { escapeText } from './xml';

const C_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const XDR_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const CHART_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart';
export const DRAWING_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing';
export const CHART_TYPE = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
export const DRAWING_TYPE = 'application/vnd.openxmlformats-officedocument.drawing+xml';

const COLORS = ['1F4E79', 'A5A5A5'];

function cellText(cell: ReportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell.t === 'number') return String(cell.v);
  return cell.t === 'link' ? cell.label : cell.v;
}

function col(r: CellRange, c: number, top: number, bottom: number): CellRange {
  return { top, bottom, left: c, right: c };
}

function strCache(values: readonly string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${escapeText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: ReadonlyArray<number | null>): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>0%</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The chart part (xl/charts/chartN.xml). */
export function chartXml(layout: ReportLayout, chart: ReportChart): string {
  const sheet = quoteSheet(layout.sheetName);
  const d = chart.data;
  const first = d.top + 1;
  const cats: string[] = [];
  for (let r = first; r <= d.bottom; r++) cats.push(cellText(layout.rows[r]?.[d.left]));
  const series = [1, 2].map((k, i) => {
    const c = d.left + k;
    const values: Array<number | null> = [];
    for (let r = first; r <= d.bottom; r++) {
      const cell = layout.rows[r]?.[c];
      values.push(cell && cell.t === 'number' ? cell.v : null);
    }
    const name = cellText(layout.rows[d.top]?.[c]);
    return (
      `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
      `<c:tx><c:strRef><c:f>${escapeText(`${sheet}!${absRange(col(d, c, d.top, d.top))}`)}</c:f>${strCache([name])}</c:strRef></c:tx>` +
      `<c:spPr><a:solidFill><a:srgbClr val="${COLORS[i]}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
      `<c:cat><c:strRef><c:f>${escapeText(`${sheet}!${absRange(col(d, d.left, first, d.bottom))}`)}</c:f>${strCache(cats)}</c:strRef></c:cat>` +
      `<c:val><c:numRef><c:f>${escapeText(`${sheet}!${absRange(col(d, c, first, d.bottom))}`)}</c:f>${numCache(values)}</c:numRef></c:val>` +
      `</c:ser>`
    );
  });
  const title =
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="vi-VN" sz="1200" b="1"/><a:t>${escapeText(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${REL_NS}"><c:roundedCorners val="0"/><c:chart>${title}` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series.join('')}` +
    `<c:gapWidth val="150"/><c:axId val="50010001"/><c:axId val="50010002"/></c:barChart>` +
    `<c:catAx><c:axId val="50010001"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010002"/><c:crosses val="autoZero"/>` +
    `<c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="50010002"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="50010001"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/** The drawing part (xl/drawings/drawingN.xml) placing the chart over its anchor cells. */
export function drawingXml(chart: ReportChart, chartRelId: string): string {
  const a = chart.anchor;
  const at = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}"><xdr:twoCellAnchor editAs="oneCell">` +
    `<xdr:from>${at(a.left, a.top)}</xdr:from><xdr:to>${at(a.right + 1, a.bottom + 1)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="CCHC"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${C_NS}">` +
    `<c:chart xmlns:c="${C_NS}" xmlns:r="${REL_NS}" r:id="${chartRelId}"/></a:graphicData></a:graphic></xdr:graphicFrame>` +
    `<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

/** A relationships part with the given relationships. */
export function relsXml(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    `</Relationships>`
  );
}
