/**
 * .xlsx packages written part by part (fflate's zipSync), for what exceljs cannot write: LibreOffice's
 * `date1904="true"`, formulas with "" / FALSE / error results, inline and rich text, very hidden
 * sheets, and hostile parts (huge merges, row 999,999,999, bombs, long comments).
 */
import { strToU8, zipSync } from 'fflate';

export interface RawSheet {
  readonly name: string;
  readonly state?: 'hidden' | 'veryHidden';
  /** The <sheetData> children. */
  readonly data?: string;
  /** XML after </sheetData> (mergeCells, tableParts …). */
  readonly after?: string;
  /** Table parts of this sheet: [name, ref]. */
  readonly tables?: ReadonlyArray<readonly [string, string]>;
}

export interface RawBook {
  readonly sheets: readonly RawSheet[];
  /** Shared strings: plain texts, or raw <si> elements when starting with "<si". */
  readonly strings?: readonly string[];
  /** Attributes of <workbookPr>, e.g. 'date1904="true"'. */
  readonly workbookPr?: string;
  /** Raw XML put inside <workbook> before <sheets> (e.g. a long comment). */
  readonly workbookHead?: string;
  /** xl/styles.xml content. */
  readonly styles?: string;
  /** More parts, or replacements: path → content. */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function rawXlsx(book: RawBook): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const put = (p: string, s: string | Uint8Array) => (files[p] = typeof s === 'string' ? strToU8(s) : s);
  put(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  put(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  const sheets: string[] = [];
  let table = 0;
  book.sheets.forEach((s, i) => {
    const n = i + 1;
    rels.push(`<Relationship Id="rId${n}" Type="${R}/worksheet" Target="worksheets/sheet${n}.xml"/>`);
    sheets.push(`<sheet name="${esc(s.name)}" sheetId="${n}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${n}"/>`);
    const sheetRels: string[] = [];
    const parts: string[] = [];
    for (const [name, ref] of s.tables ?? []) {
      table++;
      sheetRels.push(`<Relationship Id="rIdT${table}" Type="${R}/table" Target="../tables/table${table}.xml"/>`);
      parts.push(`<tablePart r:id="rIdT${table}"/>`);
      put(
        `xl/tables/table${table}.xml`,
        `<?xml version="1.0"?><table xmlns="${NS}" id="${table}" name="${esc(name)}" displayName="${esc(name)}" ref="${ref}"/>`,
      );
    }
    if (sheetRels.length)
      put(
        `xl/worksheets/_rels/sheet${n}.xml.rels`,
        `<?xml version="1.0"?><Relationships xmlns="${REL}">${sheetRels.join('')}</Relationships>`,
      );
    put(
      `xl/worksheets/sheet${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${R}"><sheetData>${s.data ?? ''}</sheetData>${s.after ?? ''}${
        parts.length ? `<tableParts count="${parts.length}">${parts.join('')}</tableParts>` : ''
      }</worksheet>`,
    );
  });
  const k = book.sheets.length;
  if (book.strings) {
    rels.push(`<Relationship Id="rId${k + 1}" Type="${R}/sharedStrings" Target="sharedStrings.xml"/>`);
    const si = book.strings.map((s) => (s.startsWith('<si') ? s : `<si><t xml:space="preserve">${esc(s)}</t></si>`));
    put(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="${NS}" count="${si.length}" uniqueCount="${si.length}">${si.join('')}</sst>`,
    );
  }
  if (book.styles) {
    rels.push(`<Relationship Id="rId${k + 2}" Type="${R}/styles" Target="styles.xml"/>`);
    put('xl/styles.xml', book.styles);
  }
  put('xl/_rels/workbook.xml.rels', `<?xml version="1.0"?><Relationships xmlns="${REL}">${rels.join('')}</Relationships>`);
  put(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${R}">${book.workbookHead ?? ''}<workbookPr ${book.workbookPr ?? ''}/><sheets>${sheets.join('')}</sheets></workbook>`,
  );
  for (const [p, c] of Object.entries(book.parts ?? {})) put(p, c);
  return zipSync(files, { level: 6 });
}

/** A <c> element: `t` type, `v` cached value, `f` formula, `s` style. */
export function c(ref: string, o: { t?: string; v?: string; f?: string; s?: number; is?: string }): string {
  const attrs = `r="${ref}"${o.t ? ` t="${o.t}"` : ''}${o.s ? ` s="${o.s}"` : ''}`;
  const f = o.f !== undefined ? `<f>${esc(o.f)}</f>` : '';
  const v = o.v !== undefined ? `<v>${esc(o.v)}</v>` : '';
  const is = o.is !== undefined ? `<is>${o.is}</is>` : '';
  return `<c ${attrs}>${f}${v}${is}</c>`;
}

export function row(n: number, cells: string): string {
  return `<row r="${n}">${cells}</row>`;
}
