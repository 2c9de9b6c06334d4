/**
 * The units sheet, patched in one streaming pass: the status cells go into their <row>s (rows
 * and cells stay in order, nothing else in a row changes), the add-in's own conditional formats
 * from an earlier run are dropped and this run's are added, the status column gets a width.
 * Memory holds the edits, one token at a time and the sheet's last elements (from where the
 * conditional formats go: validations, links, page setup, extLst), never its rows; each byte is
 * looked at a bounded number of times.
 */
import { concatBytes } from '../bytes';
import { isStatusRuleFormula } from '../../report/status-column';
import { CellRange, columnIndex, columnLetters, parseRange } from '../../workbook/grid';
import {
  Tok,
  TokenStream,
  Token,
  attr,
  bytes,
  closingIndex,
  escapeText,
  latin1,
  prefixOf,
  setAttr,
  tokens,
  unescapeXml,
  utf8,
} from './xml';

/** A cell the copy writes: text in a status column, or an earlier run's value removed. */
export interface CellEdit {
  readonly col: number;
  readonly kind: 'set' | 'clear';
  readonly text?: string;
  /** The style to give a set cell: the cell's own (default) or that of the cell in column `styleFrom` of the same row. */
  readonly styleFrom?: number;
}

export interface CfRule {
  readonly formula: string;
  readonly dxfId: number;
}

export interface SheetPatch {
  /** By 0-based row, each list sorted by column. */
  readonly edits: ReadonlyMap<number, readonly CellEdit[]>;
  /** 0-based columns that need a width of at least 16 (given 18). */
  readonly widths: readonly number[];
  readonly formats: ReadonlyArray<{ readonly sqref: string; readonly rules: readonly CfRule[] }>;
  /** The style of a header cell (`styleFrom` set) from the style of the cell it is modelled on. */
  readonly headerStyle?: (s: string | null) => string | null;
}

/** Elements that come after <conditionalFormatting> in a worksheet (CT_Worksheet's order). */
const AFTER_CF = new Set([
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
]);

const enum State {
  Head,
  Data,
  Tail,
}

const OUT_CHUNK = 1 << 16;

function colOf(ref: string | null): number {
  if (ref === null) return -1;
  let i = 0;
  while (i < ref.length && /[A-Za-z]/.test(ref[i])) i++;
  return columnIndex(ref.slice(0, i));
}

export class SheetPatcher {
  private state = State.Head;
  private depth = 0;
  private p = '';
  private readonly input = new TokenStream(OUT_CHUNK);
  private readonly head: Uint8Array[] = [];
  private readonly rows: number[];
  private rowPtr = 0;
  private curRow = -1;
  private rowEdits: readonly CellEdit[] | null = null;
  private editPtr = 0;
  private lastCol = -1;
  private readonly rowStyles = new Map<number, string | null>();
  private skipping = false;
  private skipped: { edit: CellEdit; s: string | null } | null = null;
  private capture: Uint8Array[] | null = null;
  private maxPriority = 0;
  /**
   * The sheet from where this run's rules go to its end, held until then: rules in its extLst
   * (x14:cfRule, Excel's data bars and icon sets) share the priorities, and they come after.
   */
  private held: Uint8Array[] | null = null;
  private readonly buf = new Uint8Array(OUT_CHUNK);
  private used = 0;
  private readonly onToken = (b: Uint8Array, t: Token) => this.token(b, t);

  constructor(
    private readonly patch: SheetPatch,
    private readonly emit: (chunk: Uint8Array) => void,
  ) {
    this.rows = [...patch.edits.keys()].sort((a, b) => a - b);
  }

  /** Feeds the next piece of the original part. Text at a chunk's end may continue in the next: it goes on in pieces. */
  push(chunk: Uint8Array): void {
    this.input.push(chunk, this.onToken);
  }

  /** Ends the part; returns nothing, everything has gone to `emit`. */
  end(): void {
    if (this.input.end(this.onToken) > 0) throw new Error('the sheet ends inside a tag');
    if (this.state === State.Head) throw new Error('the sheet has no <sheetData>');
    if (this.held !== null) {
      this.writeFormats();
      for (const b of this.held) this.out(b);
    }
    this.flush();
  }

  private out(b: Uint8Array): void {
    if (b.length >= OUT_CHUNK) {
      this.flush();
      this.emit(b.slice());
      return;
    }
    if (this.used + b.length > OUT_CHUNK) this.flush();
    this.buf.set(b, this.used);
    this.used += b.length;
  }

  private text(s: string): void {
    if (s !== '') this.out(bytes(s));
  }

  private flush(): void {
    if (this.used === 0) return;
    this.emit(this.buf.slice(0, this.used));
    this.used = 0;
  }

  private move(t: Token): void {
    if (t.kind === Tok.Open) this.depth++;
    else if (t.kind === Tok.Close) this.depth--;
  }

  private token(b: Uint8Array, t: Token): void {
    const raw = b.subarray(t.start, t.end);
    if (this.state === State.Head) return this.headToken(raw, t);
    if (this.state === State.Data) return this.dataToken(raw, t);
    return this.tailToken(raw, t);
  }

  // ---- before <sheetData>: kept whole (it is small) and rewritten for the dimension and widths.

  private headToken(raw: Uint8Array, t: Token): void {
    if (this.depth === 0 && t.kind === Tok.Open && t.name === 'worksheet') this.p = prefixOf(latin1(raw, 0, raw.length));
    if (this.depth === 1 && t.name === 'sheetData' && (t.kind === Tok.Open || t.kind === Tok.Empty)) {
      this.text(this.rewriteHead(concatBytes(this.head)));
      this.head.length = 0;
      if (t.kind === Tok.Empty) {
        this.text(`<${this.p}sheetData>`);
        this.rowsBefore(Infinity);
        this.text(`</${this.p}sheetData>`);
        this.state = State.Tail;
      } else {
        this.out(raw);
        this.depth++;
        this.state = State.Data;
      }
      return;
    }
    this.head.push(raw.slice());
    this.move(t);
  }

  private rewriteHead(head: Uint8Array): string {
    const toks = tokens(head);
    const parts: string[] = [];
    let from = 0;
    let depth = 0;
    let hadCols = false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (depth === 1 && t.name === 'dimension' && t.kind === Tok.Empty) {
        parts.push(utf8(head, from, t.start), this.dimension(latin1(head, t.start, t.end)));
        from = t.end;
      } else if (depth === 1 && t.name === 'cols' && !hadCols && (t.kind === Tok.Open || t.kind === Tok.Empty)) {
        hadCols = true;
        const close = closingIndex(toks, i);
        parts.push(utf8(head, from, t.start), this.cols(head, toks, i, close));
        from = toks[close].end;
        i = close;
        continue;
      }
      if (t.kind === Tok.Open) depth++;
      else if (t.kind === Tok.Close) depth--;
    }
    parts.push(utf8(head, from));
    if (!hadCols && this.patch.widths.length > 0) parts.push(this.cols(head, toks, -1, -1));
    return parts.join('');
  }

  private dimension(tag: string): string {
    const ref = attr(tag, 'ref');
    const r = ref ? parseRange(ref) : null;
    if (!r) return tag;
    let { bottom, right } = r;
    for (const [row, edits] of this.patch.edits) {
      for (const e of edits) {
        if (e.kind !== 'set') continue;
        bottom = Math.max(bottom, row);
        right = Math.max(right, e.col);
      }
    }
    if (bottom === r.bottom && right === r.right) return tag;
    return setAttr(tag, 'ref', `${columnLetters(r.left)}${r.top + 1}:${columnLetters(right)}${bottom + 1}`);
  }

  /** The <cols> element with the status columns at least 16 wide (split out of a wider range when needed). */
  private cols(head: Uint8Array, toks: readonly Token[], open: number, close: number): string {
    const p = this.p;
    const list: Array<{ min: number; max: number; tag: string }> = [];
    for (let k = open + 1; k < close; k++) {
      const t = toks[k];
      if (t.name !== 'col' || (t.kind !== Tok.Empty && t.kind !== Tok.Open)) continue;
      const end = closingIndex(toks, k);
      const tag = utf8(head, t.start, toks[end].end);
      list.push({ min: Number(attr(tag, 'min')), max: Number(attr(tag, 'max')), tag });
      k = end;
    }
    let changed = open < 0;
    for (const col of this.patch.widths) {
      const n = col + 1;
      const at = list.findIndex((c) => c.min <= n && n <= c.max);
      const wide = (tag: string) =>
        setAttr(
          setAttr(setAttr(setAttr(setAttr(tag, 'min', String(n)), 'max', String(n)), 'width', '18'), 'customWidth', '1'),
          'hidden',
          null,
        );
      if (at < 0) {
        list.push({ min: n, max: n, tag: `<${p}col min="${n}" max="${n}" width="18" customWidth="1"/>` });
        changed = true;
        continue;
      }
      const c = list[at];
      if (Number(attr(c.tag, 'width') ?? '0') >= 16 && attr(c.tag, 'hidden') !== '1') continue;
      const pieces = [];
      if (c.min < n) pieces.push({ min: c.min, max: n - 1, tag: setAttr(c.tag, 'max', String(n - 1)) });
      pieces.push({ min: n, max: n, tag: wide(c.tag) });
      if (n < c.max) pieces.push({ min: n + 1, max: c.max, tag: setAttr(c.tag, 'min', String(n + 1)) });
      list.splice(at, 1, ...pieces);
      changed = true;
    }
    if (!changed) return utf8(head, toks[open].start, toks[close].end);
    list.sort((a, b) => a.min - b.min);
    const openTag = open >= 0 && toks[open].kind === Tok.Open ? utf8(head, toks[open].start, toks[open].end) : `<${p}cols>`;
    return `${openTag}${list.map((c) => c.tag).join('')}</${p}cols>`;
  }

  // ---- <sheetData>: rows without edits pass through; edited rows get their cells.

  private dataToken(raw: Uint8Array, t: Token): void {
    if (this.skipping) {
      this.move(t);
      if (this.depth === 3) {
        this.skipping = false;
        const s = this.skipped as { edit: CellEdit; s: string | null };
        this.skipped = null;
        this.cell(s.edit, s.s, true);
      }
      return;
    }
    if (this.depth === 2 && t.name === 'row' && (t.kind === Tok.Open || t.kind === Tok.Empty)) return this.rowStart(raw, t);
    if (this.depth === 2 && t.kind === Tok.Close && t.name === 'sheetData') {
      this.rowsBefore(Infinity);
      this.out(raw);
      this.depth--;
      this.state = State.Tail;
      return;
    }
    if (this.rowEdits !== null && this.depth === 3) {
      if (t.name === 'c' && (t.kind === Tok.Open || t.kind === Tok.Empty)) return this.cellStart(raw, t);
      if (t.kind === Tok.Close && t.name === 'row') {
        this.restOfRow();
        this.rowEdits = null;
      }
    }
    this.out(raw);
    this.move(t);
  }

  private rowStart(raw: Uint8Array, t: Token): void {
    const tag = latin1(raw, 0, raw.length);
    const r = attr(tag, 'r');
    const row = r !== null && /^\d+$/.test(r) ? Number(r) - 1 : this.curRow + 1;
    this.curRow = row;
    this.rowsBefore(row);
    const edits = this.rowPtr < this.rows.length && this.rows[this.rowPtr] === row ? this.patch.edits.get(row) : undefined;
    if (edits === undefined) {
      this.out(raw);
      this.move(t);
      return;
    }
    this.rowPtr++;
    // "spans" is only a hint of the row's columns: dropped where the row changes.
    const open = setAttr(utf8(raw), 'spans', null);
    this.rowEdits = edits;
    this.editPtr = 0;
    this.lastCol = -1;
    this.rowStyles.clear();
    if (t.kind === Tok.Empty) {
      this.text(open.replace(/\s*\/>$/, '>'));
      this.restOfRow();
      this.text(`</${this.p}row>`);
      this.rowEdits = null;
      return;
    }
    this.text(open);
    this.depth++;
  }

  private cellStart(raw: Uint8Array, t: Token): void {
    const edits = this.rowEdits as readonly CellEdit[];
    const tag = latin1(raw, 0, raw.length);
    const ref = attr(tag, 'r');
    const col = ref !== null ? colOf(ref) : this.lastCol + 1;
    this.lastCol = col;
    const s = attr(tag, 's');
    this.rowStyles.set(col, s);
    while (this.editPtr < edits.length && edits[this.editPtr].col < col) this.cell(edits[this.editPtr++], null, false);
    if (this.editPtr < edits.length && edits[this.editPtr].col === col) {
      const edit = edits[this.editPtr++];
      if (t.kind === Tok.Empty) this.cell(edit, s, true);
      else {
        this.skipping = true;
        this.skipped = { edit, s };
        this.depth++;
      }
      return;
    }
    this.out(raw);
    this.move(t);
  }

  private restOfRow(): void {
    const edits = this.rowEdits as readonly CellEdit[];
    while (this.editPtr < edits.length) this.cell(edits[this.editPtr++], null, false);
  }

  /** Writes an edited cell; `existed` when it replaces one of the sheet's (whose style `s` it keeps). */
  private cell(edit: CellEdit, s: string | null, existed: boolean): void {
    const ref = `${columnLetters(edit.col)}${this.curRow + 1}`;
    let style = s;
    if (edit.styleFrom !== undefined) {
      const model = this.rowStyles.get(edit.styleFrom) ?? null;
      style = this.patch.headerStyle ? this.patch.headerStyle(model) : (model ?? s);
    }
    const sAttr = style !== null ? ` s="${style}"` : '';
    if (edit.kind === 'clear') {
      if (existed && style !== null) this.text(`<${this.p}c r="${ref}"${sAttr}/>`);
      return;
    }
    const text = edit.text ?? '';
    const space = text !== text.trim() ? ' xml:space="preserve"' : '';
    const p = this.p;
    this.text(`<${p}c r="${ref}"${sAttr} t="inlineStr"><${p}is><${p}t${space}>${escapeText(text)}</${p}t></${p}is></${p}c>`);
  }

  /** Rows with edits that the sheet does not have, before row `row`, written whole. */
  private rowsBefore(row: number): void {
    while (this.rowPtr < this.rows.length && this.rows[this.rowPtr] < row) {
      const r = this.rows[this.rowPtr++];
      const edits = (this.patch.edits.get(r) ?? []).filter((e) => e.kind === 'set');
      if (edits.length === 0) continue;
      const saved = this.curRow;
      this.curRow = r;
      this.rowStyles.clear();
      this.text(`<${this.p}row r="${r + 1}">`);
      for (const e of edits) this.cell(e, null, false);
      this.text(`</${this.p}row>`);
      this.curRow = saved;
    }
  }

  // ---- after </sheetData>: the conditional formats.

  private tailToken(raw: Uint8Array, t: Token): void {
    if (this.capture !== null) {
      this.capture.push(raw.slice());
      this.move(t);
      if (this.depth === 1) this.endCapture();
      return;
    }
    if (this.depth === 1 && t.kind === Tok.Open && t.name === 'conditionalFormatting') {
      this.capture = [raw.slice()];
      this.depth++;
      return;
    }
    if (
      this.held === null &&
      ((this.depth === 1 && (t.kind === Tok.Open || t.kind === Tok.Empty) && AFTER_CF.has(t.name)) ||
        (this.depth === 1 && t.kind === Tok.Close))
    ) {
      this.held = [];
    }
    if (this.held !== null && (t.kind === Tok.Open || t.kind === Tok.Empty) && t.name === 'cfRule') {
      const priority = Number(attr(latin1(raw, 0, raw.length), 'priority'));
      if (Number.isFinite(priority)) this.maxPriority = Math.max(this.maxPriority, priority);
    }
    this.tail(raw);
    this.move(t);
  }

  /** Writes a piece of the sheet after <sheetData>: held once this run's rules have their place. */
  private tail(b: Uint8Array): void {
    if (this.held !== null) this.held.push(b.slice());
    else this.out(b);
  }

  private endCapture(): void {
    const part = concatBytes(this.capture as Uint8Array[]);
    this.capture = null;
    const toks = tokens(part);
    let rules = 0;
    let top = 0;
    let ours = true;
    let inFormula = false;
    let formula = '';
    for (const t of toks) {
      if (t.name === 'cfRule' && (t.kind === Tok.Open || t.kind === Tok.Empty)) {
        rules++;
        const tag = utf8(part, t.start, t.end);
        const priority = Number(attr(tag, 'priority'));
        if (Number.isFinite(priority)) top = Math.max(top, priority);
        if (attr(tag, 'type') !== 'expression') ours = false;
      } else if (t.name === 'formula' && t.kind === Tok.Open) {
        inFormula = true;
        formula = '';
      } else if (t.name === 'formula' && t.kind === Tok.Close) {
        inFormula = false;
        if (!isStatusRuleFormula(unescapeXml(formula))) ours = false;
      } else if (inFormula && t.kind === Tok.Text) formula += utf8(part, t.start, t.end);
    }
    if (rules > 0 && ours) return; // an earlier run's own rules: replaced, never stacked
    this.maxPriority = Math.max(this.maxPriority, top);
    this.tail(part);
  }

  private writeFormats(): void {
    const p = this.p;
    let priority = this.maxPriority;
    for (const f of this.patch.formats) {
      const rules = f.rules
        .map(
          (r) =>
            `<${p}cfRule type="expression" dxfId="${r.dxfId}" priority="${++priority}"><${p}formula>${escapeText(r.formula)}</${p}formula></${p}cfRule>`,
        )
        .join('');
      this.text(`<${p}conditionalFormatting sqref="${f.sqref}">${rules}</${p}conditionalFormatting>`);
    }
  }
}

/**
 * What of a sheet reads as empty in the grid yet is the user's, in columns `minCol` and right, by
 * one streaming pass: cells holding a formula (as `row * 16384 + col`, 0-based) — one whose cached
 * result is "" reads as empty, and writing over it would also leave calcChain.xml naming a cell with
 * no formula, which Excel repairs — and merged areas as written (the grid cuts them to the used
 * range), whose cells but the first hide what is written in them.
 */
export class TakenCells {
  readonly formulas = new Set<number>();
  readonly merges: CellRange[] = [];
  private readonly input = new TokenStream(OUT_CHUNK);
  private inData = false;
  private inCell = false;
  private row = -1;
  private col = -1;
  private readonly onToken = (b: Uint8Array, t: Token) => {
    if (t.kind === Tok.Open || t.kind === Tok.Empty || t.kind === Tok.Close) this.tag(b, t);
  };

  constructor(private readonly minCol: number) {}

  push(chunk: Uint8Array): void {
    this.input.push(chunk, this.onToken);
  }

  end(): this {
    this.input.end(this.onToken);
    return this;
  }

  private tag(b: Uint8Array, t: Token): void {
    if (t.name === 'sheetData') this.inData = t.kind === Tok.Open;
    if (t.name === 'mergeCell' && t.kind !== Tok.Close) {
      const m = parseRange(attr(latin1(b, t.start, t.end), 'ref') ?? '');
      if (m && m.right >= this.minCol) this.merges.push(m);
    }
    if (!this.inData) return;
    if (t.kind === Tok.Close) {
      if (t.name === 'c') this.inCell = false;
      return;
    }
    if (t.name === 'row') {
      const r = attr(latin1(b, t.start, t.end), 'r');
      this.row = r !== null && /^\d+$/.test(r) ? Number(r) - 1 : this.row + 1;
      this.col = -1;
    } else if (t.name === 'c') {
      const ref = attr(latin1(b, t.start, t.end), 'r');
      this.col = ref !== null ? colOf(ref) : this.col + 1;
      this.inCell = t.kind === Tok.Open;
    } else if (t.name === 'f' && this.inCell && this.col >= this.minCol) this.formulas.add(this.row * 16384 + this.col);
  }
}
