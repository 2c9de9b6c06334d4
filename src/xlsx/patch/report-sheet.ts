/**
 * The report sheet of the copy as SpreadsheetML, from the same layout the add-in renders
 * (src/report/layout.ts): heading block, tables with their borders and fills, status colors by
 * conditional formats, links to cells, column widths, print setup (A4, fit to width) and the
 * place of the chart's drawing. Text is written as inline strings, so it always stays text.
 */
import { Lang } from '../../i18n';
import { ReportCell, ReportLayout, statusWords } from '../../report/layout';
import { CellLook, REPORT_FONT, REPORT_FONT_SIZE, REPORT_LOOKS, STATUS_LOOKS, argb } from '../../report/styles';
import { CellRange, a1, columnLetters } from '../../workbook/grid';
import { StyleBook } from './styles';
import { escapeAttr, escapeText } from './xml';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Excel's built-in number formats for the ones the layout uses. */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = { '0': 1, '0.00': 2, '#,##0': 3, '0%': 9, '0.00%': 10 };

interface Look {
  bold: boolean;
  italic: boolean;
  size: number;
  link: boolean;
  horizontal?: string;
  vertical?: string;
  wrap: boolean;
  grid: boolean;
  fill?: string;
  numFmt: number;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function absRange(r: CellRange): string {
  return `$${columnLetters(r.left)}$${r.top + 1}:$${columnLetters(r.right)}$${r.bottom + 1}`;
}

function rangeRef(r: CellRange): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

/** The dxf (conditional-format style) of a status color. */
export function statusDxf(book: StyleBook, look: { fill: string; font: string }): number {
  const p = book.p;
  return book.dxf(
    `<${p}dxf><${p}font><${p}color rgb="${argb(look.font)}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(look.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
  );
}

function xfOf(book: StyleBook, look: Look): number {
  const p = book.p;
  const font = book.font(
    `<${p}font>${look.bold ? `<${p}b/>` : ''}${look.italic ? `<${p}i/>` : ''}${look.link ? `<${p}u/>` : ''}<${p}sz val="${look.size}"/>` +
      `${look.link ? `<${p}color rgb="FF0563C1"/>` : ''}<${p}name val="${REPORT_FONT}"/><${p}family val="1"/></${p}font>`,
  );
  const fill = look.fill
    ? book.fill(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(look.fill)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      )
    : 0;
  const side = (s: string) => (look.grid ? `<${p}${s} style="thin"><${p}color rgb="FF808080"/></${p}${s}>` : `<${p}${s}/>`);
  const border = look.grid
    ? book.border(`<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`)
    : 0;
  const align =
    look.horizontal || look.vertical || look.wrap
      ? `<${p}alignment${look.horizontal ? ` horizontal="${look.horizontal}"` : ''}${look.vertical ? ` vertical="${look.vertical}"` : ''}${look.wrap ? ' wrapText="1"' : ''}/>`
      : '';
  return book.xf(
    `<${p}xf numFmtId="${look.numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0" applyNumberFormat="1" applyFont="1"` +
      `${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1">' + align + `</${p}xf>` : '/>'}`,
  );
}

function applyLook(look: Look, l: CellLook): void {
  if (l.bold !== undefined) look.bold = l.bold;
  if (l.italic !== undefined) look.italic = l.italic;
  if (l.size !== undefined) look.size = l.size;
  if (l.horizontal) look.horizontal = l.horizontal;
  if (l.vertical) look.vertical = l.vertical;
  if (l.wrap) look.wrap = true;
  if (l.grid) look.grid = true;
  if (l.fill) look.fill = l.fill;
}

function cellXml(ref: string, s: number, cell: ReportCell): string {
  if (cell === null) return `<c r="${ref}" s="${s}"/>`;
  if (cell.t === 'number')
    return Number.isFinite(cell.v) ? `<c r="${ref}" s="${s}"><v>${cell.v}</v></c>` : `<c r="${ref}" s="${s}"/>`;
  const text = cell.t === 'link' ? cell.label : cell.v;
  const space = text !== text.trim() ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t${space}>${escapeText(text)}</t></is></c>`;
}

export interface ReportSheetXml {
  readonly xml: string;
  /** The print area, for the workbook's defined name. */
  readonly printArea: string;
}

/**
 * The report sheet's XML; styles are added to `book`. `drawingRelId` is the relationship of its
 * drawing (the chart), when there is one.
 */
export function reportSheetXml(layout: ReportLayout, lang: Lang, book: StyleBook, drawingRelId: string | null): ReportSheetXml {
  // Each cell's look: the base font, then every block over it in order, then number formats and links.
  const looks: Look[][] = layout.rows.map((row) =>
    row.map((cell) => ({
      bold: false,
      italic: false,
      size: REPORT_FONT_SIZE,
      link: cell !== null && cell.t === 'link',
      wrap: false,
      grid: false,
      numFmt: 0,
    })),
  );
  const at = (r: number, c: number): Look | undefined => looks[r]?.[c];
  for (const block of layout.blocks) {
    const l = REPORT_LOOKS[block.style];
    for (let r = block.range.top; r <= block.range.bottom; r++)
      for (let c = block.range.left; c <= block.range.right; c++) {
        const look = at(r, c);
        if (look) applyLook(look, l);
      }
  }
  for (const nf of layout.numberFormats) {
    const id = BUILTIN_FORMATS[nf.format] ?? 0;
    for (let r = nf.range.top; r <= nf.range.bottom; r++)
      for (let c = nf.range.left; c <= nf.range.right; c++) {
        const look = at(r, c);
        if (look) look.numFmt = id;
      }
  }
  const rowsXml: string[] = [];
  const links: string[] = [];
  layout.rows.forEach((row, r) => {
    const cells = row.map((cell, c) => {
      const ref = a1(r, c);
      const s = xfOf(book, looks[r][c]);
      if (cell !== null && cell.t === 'link')
        links.push(
          `<hyperlink ref="${ref}" location="${escapeAttr(`${quoteSheet(cell.sheet)}!${cell.cell}`)}" display="${escapeAttr(cell.label)}"/>`,
        );
      return cellXml(ref, s, cell);
    });
    const height = r === 5 ? ' ht="36" customHeight="1"' : '';
    rowsXml.push(`<row r="${r + 1}"${height}>${cells.join('')}</row>`);
  });

  const words = statusWords(lang);
  const dxf = {
    bad: statusDxf(book, STATUS_LOOKS.non_compliant),
    unsure: statusDxf(book, STATUS_LOOKS.undetermined),
    good: statusDxf(book, STATUS_LOOKS.compliant),
  };
  let priority = 0;
  const formats = layout.statusBlocks.map((sb) => {
    const first = a1(sb.range.top, sb.range.left);
    const rule = (list: string[], id: number) =>
      `<cfRule type="expression" dxfId="${id}" priority="${++priority}"><formula>${escapeText(
        `OR(${list.map((w) => `${first}="${w.replace(/"/g, '""')}"`).join(',')})`,
      )}</formula></cfRule>`;
    return `<conditionalFormatting sqref="${rangeRef(sb.range)}">${rule(words.bad, dxf.bad)}${rule(words.unsure, dxf.unsure)}${rule(words.good, dxf.good)}</conditionalFormatting>`;
  });
  const widths = layout.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = layout.merges.length
    ? `<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${rangeRef(m)}"/>`).join('')}</mergeCells>`
    : '';
  const last = { top: 0, left: 0, bottom: Math.max(0, layout.rows.length - 1), right: Math.max(0, layout.width - 1) };
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetPr><tabColor rgb="FF1F4E79"/><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="${rangeRef(last)}"/>` +
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15.75"/>` +
    `<cols>${widths}</cols>` +
    `<sheetData>${rowsXml.join('')}</sheetData>` +
    merges +
    formats.join('') +
    (links.length ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    `<printOptions horizontalCentered="1"/>` +
    `<pageMargins left="0.6" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" fitToWidth="1" fitToHeight="0" orientation="portrait"/>` +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : '') +
    `</worksheet>`;
  return { xml, printArea: `${quoteSheet(layout.sheetName)}!${absRange(layout.printArea)}` };
}
