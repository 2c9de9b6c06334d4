/**
 * The styles part (xl/styles.xml), as far as reading needs it: for each cell style (cellXfs
 * index, a cell's `s`) its number format — which tells which numbers are dates — and, for the
 * preview, whether its font is bold and its solid fill colour.
 */
import { CLOSE, END, OPEN, XmlScanner } from './xml-scan';

export interface CellStyles {
  /** Number format code per cell style ('' for General). */
  readonly formats: readonly string[];
  /** Whether the style's number format shows a date or time. */
  readonly isDate: readonly boolean[];
  readonly bold: readonly boolean[];
  /** Solid fill as "#RRGGBB", or null. */
  readonly fill: ReadonlyArray<string | null>;
}

export const NO_STYLES: CellStyles = { formats: [], isDate: [], bold: [], fill: [] };

/** Excel's built-in number formats (ECMA-376 Part 1 §18.8.30), those with one code in every locale. */
const BUILT_IN: Readonly<Record<number, string>> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/**
 * Whether a number format shows a date or time: after dropping [bracketed] and "quoted" parts,
 * it has one of y m d h s b (the rule exceljs applies, so both readers agree).
 */
export function isDateFormat(code: string): boolean {
  let skip = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (skip) {
      if (ch === skip) skip = '';
      continue;
    }
    if (ch === '[') skip = ']';
    else if (ch === '"') skip = '"';
    else if ('ymdhMsb'.includes(ch)) return true;
  }
  return false;
}

export function readStyles(bytes: Uint8Array, part: string): CellStyles {
  const x = new XmlScanner(bytes, part);
  const custom = new Map<number, string>();
  const fontBold: boolean[] = [];
  const fillColor: Array<string | null> = [];
  const xfs: Array<{ numFmt: number; font: number; fill: number }> = [];
  let section = '';
  let inFont = false;
  let inSolid = false;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === OPEN) {
      if (x.is('numFmts') || x.is('fonts') || x.is('fills') || x.is('cellXfs') || x.is('cellStyleXfs') || x.is('dxfs'))
        section = x.selfClosing ? '' : x.name();
      else if (x.is('numFmt') && section === 'numFmts') {
        const id = x.attrInt('numFmtId');
        const code = x.attr('formatCode');
        if (id >= 0 && code !== null) custom.set(id, code);
      } else if (x.is('font') && section === 'fonts') {
        fontBold.push(false);
        inFont = !x.selfClosing;
      } else if (x.is('b') && inFont) {
        const v = x.attr('val');
        fontBold[fontBold.length - 1] = v === null || v === '1' || v === 'true';
      } else if (x.is('fill') && section === 'fills') fillColor.push(null);
      else if (x.is('patternFill') && section === 'fills') inSolid = x.attr('patternType') === 'solid' && !x.selfClosing;
      else if (x.is('fgColor') && inSolid) {
        const rgb = x.attr('rgb');
        if (rgb && /^[0-9A-Fa-f]{8}$/.test(rgb)) fillColor[fillColor.length - 1] = '#' + rgb.slice(2).toUpperCase();
      } else if (x.is('xf') && section === 'cellXfs') {
        xfs.push({ numFmt: x.attrInt('numFmtId'), font: x.attrInt('fontId'), fill: x.attrInt('fillId') });
      }
    } else if (t === CLOSE) {
      if (x.is('font')) inFont = false;
      else if (x.is('patternFill')) inSolid = false;
      else if (x.is(section)) section = '';
    }
  }
  const formats = xfs.map((s) => (s.numFmt > 0 ? (custom.get(s.numFmt) ?? BUILT_IN[s.numFmt] ?? '') : ''));
  return {
    formats,
    isDate: formats.map((f) => f !== '' && isDateFormat(f)),
    bold: xfs.map((s) => fontBold[s.font] === true),
    fill: xfs.map((s) => fillColor[s.fill] ?? null),
  };
}
