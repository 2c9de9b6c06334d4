/**
 * The pieces of an administrative document in the NĐ 30/2020/NĐ-CP layout (Phụ lục I): A4, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman; the heading block in two columns
 * (agency left, Quốc hiệu and Tiêu ngữ right), number, place and date, the document's name and
 * summary, page numbers from page 2 centred at the top, "Nơi nhận" and the signature block.
 * Pure: builds a docx Document and packs it to bytes, in Node and in the browser alike.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { Lang } from '../../i18n';
import { BLANK, Letterhead } from './letterhead';

export const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt heading block, 12 pt tables and "Nơi nhận", 11 pt its lines. */
export const SIZE = { body: 28, head: 26, table: 24, small: 22 } as const;
/** Millimetres to twips (1/1440 inch), rounded: A4 is 11906 × 16838. */
const MM = (mm: number): number => Math.round((mm * 1440) / 25.4);
/** The text width between the margins (210 − 30 − 15 mm). */
export const TEXT_WIDTH = MM(165);

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER } as const;
const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER } as const;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const GRID = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE } as const;

export interface RunStyle {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly size?: number;
}

export function run(text: string, s: RunStyle = {}): TextRun {
  return new TextRun({ text, font: FONT, size: s.size ?? SIZE.body, bold: s.bold, italics: s.italics });
}

export type Align = 'left' | 'center' | 'right' | 'both';
const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  both: AlignmentType.JUSTIFIED,
};

export interface ParaOptions extends RunStyle {
  readonly align?: Align;
  /** First-line indent in mm (body paragraphs: 10 mm). */
  readonly indent?: number;
  readonly before?: number;
  readonly after?: number;
  readonly keepNext?: boolean;
}

/** A paragraph of one style; spacing in points. Body text: justified, 1–1.5 lines, 6 pt after. */
export function para(text: string | readonly TextRun[], o: ParaOptions = {}): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [run(text, o)] : [...text],
    alignment: ALIGN[o.align ?? 'both'],
    indent: o.indent ? { firstLine: MM(o.indent) } : undefined,
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 6) * 20, line: 300, lineRule: LineRuleType.AUTO },
    keepNext: o.keepNext,
  });
}

export const body = (text: string): Paragraph => para(text, { indent: 10 });
export const section = (text: string): Paragraph => para(text, { bold: true, indent: 10, before: 6, keepNext: true });

const tight = (text: string, o: RunStyle & { align?: Align; underline?: boolean } = {}): Paragraph =>
  new Paragraph({
    children: [run(text, o)],
    alignment: ALIGN[o.align ?? 'center'],
    spacing: { before: 0, after: 0 },
  });

/** A short rule under the agency and the Tiêu ngữ, as NĐ 30 draws them. */
function rule(widthChars: number): Paragraph {
  return new Paragraph({
    children: [run('', { size: 8 })],
    alignment: AlignmentType.CENTER,
    border: { top: LINE },
    indent: { left: MM(Math.max(0, 30 - widthChars)), right: MM(Math.max(0, 30 - widthChars)) },
    spacing: { before: 20, after: 120 },
  });
}

function cell(children: Paragraph[], width: number, borders: typeof NO_BORDERS | undefined = NO_BORDERS): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders });
}

export const blank = (v: string | null | undefined): string => (v && v.trim() ? v.trim() : BLANK);

export interface HeadingTexts {
  readonly nation: string;
  readonly motto: string;
  readonly numberLabel: string;
  readonly dateLine: (place: string, d: Date | null) => string;
}

export const HEADING: Readonly<Record<Lang, HeadingTexts>> = {
  vi: {
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    numberLabel: 'Số',
    dateLine: (place, d) =>
      d
        ? `${place}, ngày ${String(d.getDate()).padStart(2, '0')} tháng ${String(d.getMonth() + 1).padStart(2, '0')} năm ${d.getFullYear()}`
        : `${place}, ngày …… tháng …… năm ……`,
  },
  en: {
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    numberLabel: 'No.',
    dateLine: (place, d) =>
      d ? `${place}, ${d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}` : `${place}, ……`,
  },
};

/** The two-column heading block: agency, number (left); Quốc hiệu, Tiêu ngữ, place and date (right). */
export function headingBlock(lh: Letterhead, date: Date | null, lang: Lang): Table {
  const t = HEADING[lang];
  const left = MM(60);
  const right = TEXT_WIDTH - left;
  const number = `${t.numberLabel}: ${lh.number?.trim() || '……'}/${lh.symbol?.trim() || 'BC-……'}`;
  const leftCell = [
    tight(blank(lh.parentAgency).toLocaleUpperCase('vi'), { size: SIZE.table }),
    tight(blank(lh.agency).toLocaleUpperCase('vi'), { size: SIZE.head, bold: true }),
    rule(12),
    tight(number, { size: SIZE.head }),
  ];
  const rightCell = [
    tight(t.nation, { size: SIZE.head, bold: true }),
    tight(t.motto, { size: SIZE.body, bold: true }),
    rule(8),
    tight(t.dateLine(blank(lh.place), date), { size: SIZE.head, italics: true }),
  ];
  return new Table({
    rows: [new TableRow({ children: [cell(leftCell, left), cell(rightCell, right)] })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
  });
}

/** "BÁO CÁO" and the trích yếu under it. */
export function titleBlock(kind: string, summary: string): Paragraph[] {
  return [
    para(kind, { bold: true, align: 'center', before: 18, after: 0 }),
    para(summary, { bold: true, align: 'center', after: 12 }),
  ];
}

export interface SignatureTexts {
  readonly recipientsLabel: string;
  readonly defaultRecipients: readonly string[];
  readonly signHere: string;
}

export const SIGNATURE: Readonly<Record<Lang, SignatureTexts>> = {
  vi: { recipientsLabel: 'Nơi nhận:', defaultRecipients: ['Như trên;', 'Lưu: VT.'], signHere: '(Ký, ghi rõ họ tên, đóng dấu)' },
  en: {
    recipientsLabel: 'Recipients:',
    defaultRecipients: ['As above;', 'File copy.'],
    signHere: '(Signature, full name, seal)',
  },
};

/** "Nơi nhận:" (left) and the signature block: quyền hạn, chức vụ, space to sign, họ tên (right). */
export function signatureBlock(lh: Letterhead, lang: Lang): Table {
  const t = SIGNATURE[lang];
  const left = MM(80);
  const right = TEXT_WIDTH - left;
  const recipients = (lh.recipients && lh.recipients.length > 0 ? lh.recipients : t.defaultRecipients).map((r) =>
    tight(`- ${r}`, { size: SIZE.small, align: 'left' }),
  );
  const leftCell = [tight(t.recipientsLabel, { size: SIZE.table, bold: true, italics: true, align: 'left' }), ...recipients];
  const rightCell = [
    ...(lh.signerAuthority ? [tight(lh.signerAuthority.toLocaleUpperCase('vi'), { bold: true })] : []),
    tight(blank(lh.signerTitle).toLocaleUpperCase('vi'), { bold: true }),
    tight(lh.signerName ? '' : t.signHere, { italics: true, size: SIZE.table }),
    ...[0, 1, 2].map(() => tight('')),
    tight(blank(lh.signerName), { bold: true }),
  ];
  return new Table({
    rows: [new TableRow({ children: [cell(leftCell, left), cell(rightCell, right)], cantSplit: true })],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
  });
}

export interface Column {
  readonly header: string;
  /** Width in mm; the widths of a table add up to 165. */
  readonly width: number;
  readonly align?: Align;
}

/** A bordered data table, header row repeated on each page. Cells are text (never formulas). */
export function dataTable(columns: readonly Column[], rows: readonly (readonly string[])[]): Table {
  const widths = columns.map((c) => MM(c.width));
  const textCell = (text: string, i: number, header: boolean) =>
    new TableCell({
      children: text.split('\n').map(
        (line) =>
          new Paragraph({
            children: [run(line, { size: SIZE.table, bold: header })],
            alignment: ALIGN[header ? 'center' : (columns[i].align ?? 'left')],
            spacing: { before: 20, after: 20 },
          }),
      ),
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
    });
  return new Table({
    rows: [
      new TableRow({ children: columns.map((c, i) => textCell(c.header, i, true)), tableHeader: true, cantSplit: true }),
      ...rows.map((r) => new TableRow({ children: r.map((v, i) => textCell(v, i, false)), cantSplit: true })),
    ],
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: GRID,
  });
}

/** The whole document: one A4 section, numbers from page 2 at the top centre, packed to bytes. */
export async function packDocument(children: ReadonlyArray<Paragraph | Table>, title: string): Promise<Uint8Array> {
  const doc = new Document({
    creator: 'cchc',
    title,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: MM(210), height: MM(297) },
            margin: { top: MM(20), bottom: MM(20), left: MM(30), right: MM(15), header: MM(10), footer: MM(10) },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.head })],
                alignment: AlignmentType.CENTER,
              }),
            ],
          }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: [...children],
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}
