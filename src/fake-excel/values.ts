/**
 * What a cell holds, how input written through `values`/`formulas` becomes cell content, the
 * display text of a value under a number format, colours, and the fake's tiny formula evaluator.
 */

import { ErrorCode, officeError } from './errors';
import { parseRectText } from './address';

export type Scalar = string | number | boolean;

/** Excel's error literals; typing one into a cell (or writing it through `values`) yields the error. */
export const ERROR_LITERALS = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

/** The value the fake gives a formula it cannot evaluate (see README). */
export const UNEVALUATED_FORMULA_ERROR = '#FAKE!';

/** Cell content: a value, or an error, optionally computed by a formula. No key = empty. */
export interface CellContent {
  readonly v?: Scalar;
  readonly e?: string;
  readonly f?: string;
}

export function asErrorLiteral(s: string): string | undefined {
  const u = s.toUpperCase();
  return (ERROR_LITERALS as readonly string[]).find((e) => e === u);
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Looks up another cell's content for formula evaluation (sheet undefined = same sheet). */
export type CellLookup = (sheet: string | undefined, row: number, col: number) => CellContent | undefined;

/** Evaluates a formula to a value or error; returns undefined when it cannot. */
export type FormulaEvaluator = (formula: string, lookup: CellLookup) => CellContent | undefined;

const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const PERCENT = /^[+-]?(\d+\.?\d*|\.\d+)%$/;

/**
 * What typing `input` into a cell whose number format is `numberFormat` stores, as Excel parses
 * it (en-US): with the text format "@" everything is stored as typed; otherwise "=…" is a formula,
 * and so is a non-numeric string starting with "+" or "-" (Range.values typings: "If the returned
 * value starts with a plus ("+"), minus ("-"), or equal sign ("="), Excel interprets this value as
 * a formula" — so "- Rà soát" becomes the formula "=- Rà soát"); a leading apostrophe forces text
 * and is not kept; error literals become errors; "TRUE"/"FALSE" booleans; decimal numbers (also
 * "1,234.5" and "12%") numbers; "" clears (returns undefined).
 * Not modelled: dates and times, currency, locale-specific separators — such strings stay text.
 */
export function parseInput(
  input: unknown,
  numberFormat: string,
  evaluate: (formula: string) => CellContent,
  errorLocation: string,
): CellContent | undefined {
  if (typeof input === 'boolean') return { v: input };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw officeError(ErrorCode.invalidArgument, errorLocation);
    return { v: input };
  }
  if (typeof input !== 'string') throw officeError(ErrorCode.invalidArgument, errorLocation);
  if (input === '') return undefined;
  if (numberFormat === '@') return { v: input };
  if (input.startsWith("'")) return input.length > 1 ? { v: input.slice(1) } : undefined;
  if (input.length > 1 && input.startsWith('=')) return { ...evaluate(input), f: input };
  const trimmed = input.trim();
  if (NUMERIC.test(trimmed)) return { v: Number(trimmed) };
  if (THOUSANDS.test(trimmed)) return { v: Number(trimmed.replace(/,/g, '')) };
  if (PERCENT.test(trimmed)) return { v: Number(trimmed.slice(0, -1)) / 100 };
  if (input.length > 1 && (input.startsWith('+') || input.startsWith('-'))) {
    const f = '=' + input;
    return { ...evaluate(f), f };
  }
  const err = asErrorLiteral(input);
  if (err) return { e: err };
  const upper = input.toUpperCase();
  if (upper === 'TRUE') return { v: true };
  if (upper === 'FALSE') return { v: false };
  return { v: input };
}

/** What `values` returns for a cell: "" when empty, the error text for errors. */
export function displayValue(c: CellContent | undefined): Scalar {
  if (!c) return '';
  if (c.e !== undefined) return c.e;
  return c.v ?? '';
}

/** What `formulas` returns: the formula, else the value. */
export function formulaOrValue(c: CellContent | undefined): Scalar {
  if (!c) return '';
  if (c.f !== undefined) return c.f;
  return displayValue(c);
}

export type ValueType = 'Empty' | 'String' | 'Double' | 'Boolean' | 'Error';

export function valueType(c: CellContent | undefined): ValueType {
  if (!c) return 'Empty';
  if (c.e !== undefined) return 'Error';
  if (c.v === undefined || c.v === '') return c.f !== undefined ? 'String' : 'Empty';
  if (typeof c.v === 'number') return 'Double';
  if (typeof c.v === 'boolean') return 'Boolean';
  return 'String';
}

// ---------------------------------------------------------------------------------------------
// Display text

function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e11) return String(n);
  const a = Math.abs(n);
  if (a >= 1e11 || (a > 0 && a < 1e-9)) {
    const [m, e] = n.toExponential(5).split('e');
    const mant = String(Number(m));
    const exp = Number(e);
    return mant + 'E' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  }
  return String(Number(n.toPrecision(10)));
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < format.length) {
      cur += ch + format[++i];
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Removes quoted literals, escapes, colour/condition brackets; keeps the code characters. */
function codeOnly(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

function withThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatNumberSection(n: number, section: string): string {
  const code = codeOnly(section);
  const percent = code.includes('%');
  let x = percent ? n * 100 : n;
  const dot = code.indexOf('.');
  const numberPart = code.replace(/[^0#?.,]/g, '');
  const decimals = dot >= 0 ? (code.slice(dot + 1).match(/[0#?]/g) ?? []).length : 0;
  const thousands = /[0#?],[0#?]/.test(numberPart);
  x = Math.abs(x);
  const fixed = x.toFixed(decimals);
  const [intPart, d] = fixed.split('.');
  let i = intPart;
  if (thousands) i = withThousands(i);
  const minInt = (numberPart.split('.')[0].match(/0/g) ?? []).length;
  if (minInt === 0 && i === '0') i = '';
  let num = d !== undefined ? i + '.' + d : i;
  // Re-insert literal text around the number: everything before the first placeholder and after the last.
  const first = section.search(/[0#?]/);
  let last = -1;
  for (let k = section.length - 1; k >= 0; k--)
    if (/[0#?]/.test(section[k])) {
      last = k;
      break;
    }
  const literal = (s: string) =>
    s
      .replace(/"([^"]*)"/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/_./g, ' ')
      .replace(/\*./g, '');
  const prefix = first > 0 ? literal(section.slice(0, first)) : '';
  const suffix = last >= 0 ? literal(section.slice(last + 1)).replace(/,/g, '') : '';
  if (percent && !suffix.includes('%')) num += '%';
  return prefix + num + suffix;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Excel serial (1900 system) to UTC date parts. */
export function serialToDate(serial: number): Date {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms);
}

function formatDate(serial: number, section: string): string {
  const d = serialToDate(serial);
  const tokens = section.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|AM\/PM|am\/pm|./gi) ?? [];
  let out = '';
  let lastWasHour = false;
  const ampm = /AM\/PM/i.test(section);
  for (let idx = 0; idx < tokens.length; idx++) {
    const t = tokens[idx];
    const lower = t.toLowerCase();
    const pad = (v: number) => String(v).padStart(2, '0');
    if (t.startsWith('"')) out += t.slice(1, -1);
    else if (t.startsWith('\\')) out += t.slice(1);
    else if (lower === 'yyyy') out += d.getUTCFullYear();
    else if (lower === 'yy') out += pad(d.getUTCFullYear() % 100);
    else if (lower === 'mmmm') out += MONTHS[d.getUTCMonth()];
    else if (lower === 'mmm') out += MONTHS[d.getUTCMonth()].slice(0, 3);
    else if (lower === 'mm' || lower === 'm') {
      const next = tokens.slice(idx + 1).find((x) => /^[a-z]/i.test(x));
      const isMinute = lastWasHour || (next !== undefined && /^s/i.test(next));
      const v = isMinute ? d.getUTCMinutes() : d.getUTCMonth() + 1;
      out += lower === 'mm' ? pad(v) : String(v);
    } else if (lower === 'dddd') out += DAYS[d.getUTCDay()];
    else if (lower === 'ddd') out += DAYS[d.getUTCDay()].slice(0, 3);
    else if (lower === 'dd') out += pad(d.getUTCDate());
    else if (lower === 'd') out += d.getUTCDate();
    else if (lower === 'hh' || lower === 'h') {
      let h = d.getUTCHours();
      if (ampm) h = h % 12 === 0 ? 12 : h % 12;
      out += lower === 'hh' ? pad(h) : String(h);
    } else if (lower === 'ss') out += pad(d.getUTCSeconds());
    else if (lower === 's') out += d.getUTCSeconds();
    else if (lower === 'am/pm') out += d.getUTCHours() < 12 ? 'AM' : 'PM';
    else out += t;
    if (/^h/i.test(t)) lastWasHour = true;
    else if (/^[a-z]/i.test(t)) lastWasHour = false;
  }
  return out;
}

function isDateFormat(section: string): boolean {
  return /[dmyhs]/i.test(
    codeOnly(section)
      .replace(/AM\/PM/gi, '')
      .replace(/[Ee][+-]/g, ''),
  );
}

/**
 * The text Excel shows for a value under a number format — a simplification: General, "@",
 * digit placeholders (0 # ?), decimals, thousands separators, percent, literal text and the usual
 * date/time codes. Anything fancier is shown as with General.
 */
export function formatText(c: CellContent | undefined, numberFormat: string): string {
  if (!c) return '';
  if (c.e !== undefined) return c.e;
  const v = c.v;
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') {
    const sections = splitSections(numberFormat);
    const textSection = sections.length >= 4 ? sections[3] : undefined;
    if (textSection !== undefined && textSection.includes('@')) return textSection.replace(/"([^"]*)"/g, '$1').replace('@', v);
    return v;
  }
  if (numberFormat === 'General' || numberFormat === '@' || numberFormat === '') return generalNumber(v);
  const sections = splitSections(numberFormat);
  let section = sections[0];
  let n = v;
  if (v < 0 && sections.length >= 2 && sections[1] !== '') {
    section = sections[1];
    n = -v;
  } else if (v === 0 && sections.length >= 3 && sections[2] !== '') section = sections[2];
  if (/general/i.test(section)) return generalNumber(v);
  if (isDateFormat(section)) return formatDate(v, section);
  if (!/[0#?]/.test(section)) return section.replace(/"([^"]*)"/g, '$1');
  const text = formatNumberSection(n, section);
  return v < 0 && section === sections[0] ? '-' + text : text;
}

// ---------------------------------------------------------------------------------------------
// Colours

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  cyan: '#00FFFF',
  aqua: '#00FFFF',
  magenta: '#FF00FF',
  fuchsia: '#FF00FF',
  silver: '#C0C0C0',
  gray: '#808080',
  grey: '#808080',
  maroon: '#800000',
  olive: '#808000',
  green: '#008000',
  purple: '#800080',
  teal: '#008080',
  navy: '#000080',
  orange: '#FFA500',
  pink: '#FFC0CB',
  gold: '#FFD700',
  brown: '#A52A2A',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  darkgray: '#A9A9A9',
  darkgrey: '#A9A9A9',
  lightblue: '#ADD8E6',
  lightgreen: '#90EE90',
  lightyellow: '#FFFFE0',
  darkblue: '#00008B',
  darkgreen: '#006400',
  darkred: '#8B0000',
  orangered: '#FF4500',
  salmon: '#FA8072',
  beige: '#F5F5DC',
  ivory: '#FFFFF0',
  khaki: '#F0E68C',
  lavender: '#E6E6FA',
  violet: '#EE82EE',
  indigo: '#4B0082',
  tomato: '#FF6347',
  coral: '#FF7F50',
  crimson: '#DC143C',
  skyblue: '#87CEEB',
  steelblue: '#4682B4',
  royalblue: '#4169E1',
  forestgreen: '#228B22',
  seagreen: '#2E8B57',
  whitesmoke: '#F5F5F5',
  honeydew: '#F0FFF0',
  mistyrose: '#FFE4E1',
};

/**
 * Normalises a colour the way Excel reports it back: "#RRGGBB" upper case. Accepts "#RRGGBB",
 * "RRGGBB", "#RGB" and common HTML colour names; anything else is InvalidArgument.
 */
export function normalizeColor(color: unknown, errorLocation: string): string {
  if (typeof color !== 'string') throw officeError(ErrorCode.invalidArgument, errorLocation);
  const s = color.trim();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  let m = /^#?([0-9a-fA-F]{6})$/.exec(s);
  if (m) return '#' + m[1].toUpperCase();
  m = /^#([0-9a-fA-F]{3})$/.exec(s);
  if (m)
    return (
      '#' +
      m[1]
        .split('')
        .map((h) => h + h)
        .join('')
        .toUpperCase()
    );
  throw officeError(ErrorCode.invalidArgument, errorLocation);
}

// ---------------------------------------------------------------------------------------------
// Formulas

function parseStringLiteral(text: string): string | undefined {
  const t = text.trim();
  if (!t.startsWith('"') || !t.endsWith('"') || t.length < 2) return undefined;
  const body = t.slice(1, -1);
  if (/(^|[^"])"([^"]|$)/.test(body.replace(/""/g, ''))) return undefined;
  return body.replace(/""/g, '"');
}

/** Splits function arguments at top-level commas (respecting quotes and parentheses). */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && ch === ',') {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

function parseReference(text: string): { sheet?: string; row: number; col: number } | undefined {
  const t = text.trim();
  let sheet: string | undefined;
  let ref = t;
  const m = /^'((?:[^']|'')+)'!(.+)$/.exec(t) ?? /^([^'!]+)!(.+)$/.exec(t);
  if (m) {
    sheet = m[1].replace(/''/g, "'");
    ref = m[2];
  }
  const r = parseRectText(ref);
  if (!r || r.top !== r.bottom || r.left !== r.right) return undefined;
  return { sheet, row: r.top, col: r.left };
}

function evaluateOperand(text: string, lookup: CellLookup): CellContent | undefined {
  const t = text.trim();
  const s = parseStringLiteral(t);
  if (s !== undefined) return { v: s };
  if (NUMERIC.test(t)) return { v: Number(t) };
  if (/^TRUE$/i.test(t)) return { v: true };
  if (/^FALSE$/i.test(t)) return { v: false };
  const ref = parseReference(t);
  if (ref) {
    const c = lookup(ref.sheet, ref.row, ref.col);
    if (!c || (c.v === undefined && c.e === undefined)) return { v: 0 };
    return c.e !== undefined ? { e: c.e } : { v: c.v as Scalar };
  }
  return undefined;
}

/**
 * The fake's formula evaluator: literals (="x", =1, =TRUE), single-cell references (=A1,
 * ='Cán bộ'!B2) and HYPERLINK(link, [friendly name]) — which evaluates to its friendly name.
 * Everything else returns undefined (the caller stores the UNEVALUATED_FORMULA_ERROR placeholder).
 */
export const defaultFormulaEvaluator: FormulaEvaluator = (formula, lookup) => {
  const body = formula.slice(1).trim();
  const hyper = /^HYPERLINK\s*\(([\s\S]*)\)$/i.exec(body);
  if (hyper) {
    const args = splitArgs(hyper[1]);
    if (args.length < 1 || args.length > 2) return undefined;
    const shown = evaluateOperand(args[args.length - 1], lookup);
    return shown;
  }
  return evaluateOperand(body, lookup);
};
