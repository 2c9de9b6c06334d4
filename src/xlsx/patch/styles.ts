/**
 * xl/styles.xml, patched: the fonts, fills, borders, cell formats and conditional-format styles
 * (dxfs) the copy needs are appended to the workbook's own lists (an identical entry already there
 * is reused, so a copy of a copy does not grow); every existing style keeps its index.
 */
import { Splice, Tok, Token, applySplices, attr, bytes, closingIndex, latin1, prefixOf, tokens, utf8 } from './xml';

type Kind = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** Where each list goes when the part lacks it (CT_Stylesheet's order). */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

interface List {
  /** Existing children's XML → index. */
  readonly known: Map<string, number>;
  /** Existing children's XML by index. */
  readonly items: string[];
  count: number;
  readonly added: string[];
  /** Token index of the list's open (or empty) tag; -1 when absent. */
  readonly at: number;
}

export const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`;

export class StyleBook {
  /** The element prefix of the part ("" or "x:"), for the XML written into it. */
  readonly p: string;
  private readonly toks: Token[];
  private readonly lists = new Map<Kind, List>();

  constructor(private readonly src: Uint8Array) {
    this.toks = tokens(src);
    const rootIndex = this.toks.findIndex((t) => t.kind === Tok.Open && t.name === 'styleSheet');
    if (rootIndex < 0) throw new Error('styles.xml has no <styleSheet>');
    this.p = prefixOf(this.tag(rootIndex));
    let depth = 0;
    for (let i = 0; i < this.toks.length; i++) {
      const t = this.toks[i];
      if (t.kind === Tok.Close) depth--;
      if (depth === 1 && (t.kind === Tok.Open || t.kind === Tok.Empty) && isKind(t.name)) this.lists.set(t.name, this.scan(i));
      if (t.kind === Tok.Open) depth++;
    }
    for (const k of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as const)
      if (!this.lists.has(k)) this.lists.set(k, { known: new Map(), items: [], count: 0, added: [], at: -1 });
  }

  private tag(i: number): string {
    return utf8(this.src, this.toks[i].start, this.toks[i].end);
  }

  private scan(i: number): List {
    const known = new Map<string, number>();
    const items: string[] = [];
    let count = 0;
    const close = closingIndex(this.toks, i);
    for (let k = i + 1; k < close; k++) {
      const t = this.toks[k];
      if (t.kind !== Tok.Open && t.kind !== Tok.Empty) continue;
      const end = closingIndex(this.toks, k);
      const xml = utf8(this.src, t.start, this.toks[end].end);
      if (!known.has(xml)) known.set(xml, count);
      items.push(xml);
      count++;
      k = end;
    }
    return { known, items, count, added: [], at: i };
  }

  private add(kind: Kind, xml: string): number {
    const list = this.lists.get(kind) as List;
    const have = list.known.get(xml);
    if (have !== undefined) return have;
    const index = list.count + list.added.length;
    list.known.set(xml, index);
    list.added.push(xml);
    return index;
  }

  /** The index of a font, fill, border, cell format or dxf given as XML written with `this.p`. */
  font(xml: string): number {
    return this.add('fonts', xml);
  }
  fill(xml: string): number {
    return this.add('fills', xml);
  }
  border(xml: string): number {
    return this.add('borders', xml);
  }
  xf(xml: string): number {
    return this.add('cellXfs', xml);
  }
  dxf(xml: string): number {
    return this.add('dxfs', xml);
  }

  /**
   * A cell format like the existing `xf` (an index in cellXfs, or null for the default), with its
   * font bold and its text centered and wrapped: the status column's header beside the user's.
   */
  headerLike(xf: string | null): number {
    const p = this.p;
    const xfs = (this.lists.get('cellXfs') as List).items;
    const fonts = (this.lists.get('fonts') as List).items;
    const base = xfs[Number(xf ?? 0)] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const fontId = Number(/\sfontId="(\d+)"/.exec(base)?.[1] ?? 0);
    const font = fonts[fontId] ?? `<${p}font><${p}sz val="11"/></${p}font>`;
    const bold = /<([\w.-]+:)?b(\s|\/|>)/.test(font.replace(/^<[^>]*>/, ''))
      ? fontId
      : this.font(font.replace(/^(<[^>]*?)\s*\/>$/, `$1></${p}font>`).replace(/^(<[^>]*>)/, `$1<${p}b/>`));
    const align = `<${p}alignment horizontal="center" vertical="center" wrapText="1"/>`;
    let head = (/^<[^>]*>/.exec(base)?.[0] ?? '').replace(/\s*\/>$/, '>');
    head = head.replace(/\sfontId="\d+"/, ` fontId="${bold}"`);
    if (!/\sfontId=/.test(head)) head = head.replace(/>$/, ` fontId="${bold}">`);
    for (const a of ['applyFont', 'applyAlignment'])
      head = head.replace(new RegExp(`\\s${a}="[^"]*"`), '').replace(/>$/, ` ${a}="1">`);
    const inner = base.endsWith('/>') ? '' : base.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '');
    const rest = inner.replace(/<([\w.-]+:)?alignment\b[^>]*?(\/>|>.*?<\/([\w.-]+:)?alignment>)/s, '');
    return this.xf(`${head}${align}${rest}</${p}xf>`);
  }

  /** The part with the additions; the original bytes when nothing was added. */
  toBytes(): Uint8Array {
    const splices: Splice[] = [];
    const missing: string[] = [];
    for (const [kind, list] of this.lists) {
      if (list.added.length === 0) continue;
      const total = list.count + list.added.length;
      const body = list.added.join('');
      if (list.at < 0) {
        missing.push(kind);
        continue;
      }
      const open = this.toks[list.at];
      const head = latin1(this.src, open.start, open.end);
      const count = attr(head, 'count') !== null || kind !== 'numFmts';
      const newHead = (h: string) => (count ? setCount(h, total) : h);
      if (open.kind === Tok.Empty) {
        splices.push({
          at: open.start,
          del: open.end - open.start,
          insert: `${newHead(head.replace(/\s*\/>$/, '>'))}${body}</${this.p}${kind}>`,
        });
      } else {
        splices.push({ at: open.start, del: open.end - open.start, insert: newHead(utf8(this.src, open.start, open.end)) });
        const close = this.toks[closingIndex(this.toks, list.at)];
        splices.push({ at: close.start, del: 0, insert: body });
      }
    }
    for (const kind of missing) {
      const list = this.lists.get(kind as Kind) as List;
      const xml = `<${this.p}${kind} count="${list.added.length}">${list.added.join('')}</${this.p}${kind}>`;
      splices.push({ at: this.insertionPoint(kind), del: 0, insert: xml });
    }
    return splices.length === 0 ? this.src : applySplices(this.src, splices);
  }

  /** Where a missing list goes: before the first later list present, else before </styleSheet>. */
  private insertionPoint(kind: string): number {
    const later = new Set(ORDER.slice(ORDER.indexOf(kind) + 1));
    let depth = 0;
    for (const t of this.toks) {
      if (t.kind === Tok.Close) {
        depth--;
        if (depth === 0) return t.start;
      }
      if (depth === 1 && (t.kind === Tok.Open || t.kind === Tok.Empty) && later.has(t.name)) return t.start;
      if (t.kind === Tok.Open) depth++;
    }
    throw new Error('styles.xml is not closed');
  }
}

function isKind(name: string): name is Kind {
  return (
    name === 'numFmts' || name === 'fonts' || name === 'fills' || name === 'borders' || name === 'cellXfs' || name === 'dxfs'
  );
}

function setCount(tag: string, n: number): string {
  if (/\scount\s*=\s*("[^"]*"|'[^']*')/.test(tag)) return tag.replace(/\scount\s*=\s*("[^"]*"|'[^']*')/, ` count="${n}"`);
  return tag.replace(/\s*(\/?>)$/, ` count="${n}"$1`);
}

/** The styles part to patch: the workbook's own, or a minimal one when it has none. */
export function styleBookOf(part: Uint8Array | null): StyleBook {
  return new StyleBook(part ?? bytes(EMPTY_STYLES));
}
