/**
 * Conditional-format rules as Excel would show them, for the preview's workbook view. The fake
 * Excel stores rule formulas without evaluating them; the add-in writes simple ones —
 * `=$G9="Không đạt"` over the unit rows, `=OR($F11="Đạt",$F11="Met")` in the report — so this
 * evaluates comparisons of one cell with a literal, joined by OR/AND. Anything else never matches
 * (the view then shows the cell without the rule's look, and says so).
 */
import { columnIndex } from '../workbook/grid';

export type Comparison = '=' | '<>' | '<' | '>' | '<=' | '>=';

export interface CellRef {
  readonly col: number;
  readonly row: number;
  readonly absCol: boolean;
  readonly absRow: boolean;
}

export interface Test {
  readonly ref: CellRef;
  readonly op: Comparison;
  readonly literal: string | number | boolean;
}

export interface Rule {
  readonly join: 'OR' | 'AND';
  readonly tests: readonly Test[];
}

const REF = String.raw`(?:'(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})`;
const LITERAL = String.raw`"((?:[^"]|"")*)"|(-?\d+(?:\.\d+)?)|(TRUE|FALSE)`;
const TEST = new RegExp(String.raw`^\s*${REF}\s*(<>|<=|>=|=|<|>)\s*(?:${LITERAL})\s*$`, 'i');

function splitArgs(s: string): string[] | null {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      out.push(s.slice(start, i));
      start = i + 1;
    }
    if (depth < 0) return null;
  }
  if (quoted || depth !== 0) return null;
  out.push(s.slice(start));
  return out;
}

function parseTest(text: string): Test | null {
  const m = TEST.exec(text);
  if (!m) return null;
  const [, absCol, letters, absRow, digits, op, str, num, bool] = m;
  const literal = str !== undefined ? str.replace(/""/g, '"') : num !== undefined ? Number(num) : bool.toUpperCase() === 'TRUE';
  return {
    ref: { col: columnIndex(letters), row: Number(digits) - 1, absCol: absCol === '$', absRow: absRow === '$' },
    op: op as Comparison,
    literal,
  };
}

/** Parses a rule formula; null when it is not one this view can evaluate. */
export function parseRule(formula: string): Rule | null {
  const body = formula.trim().replace(/^=/, '').trim();
  const call = /^(OR|AND)\s*\((.*)\)$/is.exec(body);
  if (call) {
    const args = splitArgs(call[2]);
    if (!args || args.length === 0) return null;
    const tests = args.map(parseTest);
    if (tests.some((t) => t === null)) return null;
    return { join: call[1].toUpperCase() as 'OR' | 'AND', tests: tests as Test[] };
  }
  const one = parseTest(body);
  return one ? { join: 'OR', tests: [one] } : null;
}

export type CellValueOf = (row: number, col: number) => string | number | boolean | null;

function compare(value: string | number | boolean | null, op: Comparison, literal: string | number | boolean): boolean {
  // Excel: an empty cell equals "" and 0; text compares without regard to case; text and numbers never equal.
  const v = value === null ? (typeof literal === 'number' ? 0 : typeof literal === 'boolean' ? false : '') : value;
  let order: number;
  if (typeof v === 'string' && typeof literal === 'string') {
    const a = v.toLocaleLowerCase('vi');
    const b = literal.toLocaleLowerCase('vi');
    order = a === b ? 0 : a < b ? -1 : 1;
  } else if (typeof v === typeof literal) {
    const a = Number(v);
    const b = Number(literal);
    order = a === b ? 0 : a < b ? -1 : 1;
  } else {
    // Mixed types: Excel orders numbers < text < booleans; they are never equal.
    const rank = (x: unknown) => (typeof x === 'number' ? 0 : typeof x === 'string' ? 1 : 2);
    order = rank(v) - rank(literal);
  }
  switch (op) {
    case '=':
      return order === 0;
    case '<>':
      return order !== 0;
    case '<':
      return order < 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '>=':
      return order >= 0;
  }
}

/**
 * Whether `rule` holds for the cell at (row, col) of a format applied to a range whose top-left
 * cell is (top, left): relative references move with the cell, as in Excel.
 */
export function ruleHolds(rule: Rule, top: number, left: number, row: number, col: number, valueOf: CellValueOf): boolean {
  const results = rule.tests.map((t) => {
    const r = t.ref.absRow ? t.ref.row : t.ref.row + (row - top);
    const c = t.ref.absCol ? t.ref.col : t.ref.col + (col - left);
    return compare(valueOf(r, c), t.op, t.literal);
  });
  return rule.join === 'OR' ? results.some(Boolean) : results.every(Boolean);
}
