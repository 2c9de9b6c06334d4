/**
 * A byte-level XML tokenizer for patching package parts: it finds tags, text, comments and the
 * like without building a tree, so a part can be copied through with a few changes. Every markup
 * character is ASCII, so UTF-8 text passes through untouched and is never decoded unless asked.
 * Each call moves forward only: scanning a part is linear in its length.
 */
import { concatBytes } from '../bytes';

export const enum Tok {
  Open,
  Close,
  Empty,
  Text,
  /** Comment, processing instruction, CDATA, DOCTYPE. */
  Other,
}

export interface Token {
  kind: Tok;
  start: number;
  end: number;
  /** The element's local name (without prefix), for tags. */
  name: string;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOT = 0x22;
const APOS = 0x27;

function indexOfSeq(b: Uint8Array, seq: readonly number[], from: number, end: number): number {
  const first = seq[0];
  outer: for (let i = from; i <= end - seq.length; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < seq.length; k++) if (b[i + k] !== seq[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * A part read in chunks, token by token (nextToken): what a chunk ends inside of waits for the
 * next. A token longer than what is buffered waits until the buffer doubles: linear overall.
 */
export class TokenStream {
  private pending: Uint8Array = new Uint8Array(0);
  private waiting: Uint8Array[] = [];
  private waitingBytes = 0;
  private readonly t: Token = { kind: Tok.Text, start: 0, end: 0, name: '' };

  /** `minBuffered`: bytes held before a long token's chunks are only gathered. */
  constructor(private readonly minBuffered: number) {}

  /** Feeds a chunk; `each` is given every whole token in it (the same Token object, reused). */
  push(chunk: Uint8Array, each: (b: Uint8Array, t: Token) => void): void {
    if (this.pending.length >= this.minBuffered && this.waitingBytes + chunk.length < this.pending.length) {
      this.waiting.push(chunk.slice());
      this.waitingBytes += chunk.length;
      return;
    }
    const parts = [this.pending, ...this.waiting, chunk];
    this.waiting = [];
    this.waitingBytes = 0;
    const b = parts.length === 2 && parts[0].length === 0 ? chunk : concatBytes(parts);
    let pos = 0;
    const t = this.t;
    while (nextToken(b, pos, b.length, t)) {
      each(b, t);
      pos = t.end;
    }
    this.pending = b.slice(pos);
  }

  /** Reads what waits; returns how many bytes are left over (inside a tag cut off by the end). */
  end(each: (b: Uint8Array, t: Token) => void): number {
    if (this.waiting.length > 0) {
      const rest = concatBytes([this.pending, ...this.waiting]);
      this.pending = new Uint8Array(0);
      this.waiting = [];
      this.waitingBytes = 0;
      this.push(rest, each);
    }
    return this.pending.length;
  }
}

const COMMENT_END = [0x2d, 0x2d, 0x3e]; // -->
const CDATA_END = [0x5d, 0x5d, 0x3e]; // ]]>
const PI_END = [0x3f, 0x3e]; // ?>

function isNameEnd(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === GT || c === SLASH;
}

/**
 * Reads the token at `pos` into `t`. Returns false when the bytes up to `end` hold only part of a
 * tag (more input is needed). Text runs up to the next "<", or to `end` when `final` is false
 * (a partial text token: text is never changed, so it can go out in pieces).
 */
export function nextToken(b: Uint8Array, pos: number, end: number, t: Token): boolean {
  if (pos >= end) return false;
  t.start = pos;
  if (b[pos] !== LT) {
    const lt = b.indexOf(LT, pos);
    t.kind = Tok.Text;
    t.name = '';
    t.end = lt < 0 || lt > end ? end : lt;
    return true;
  }
  if (pos + 1 >= end) return false;
  const c1 = b[pos + 1];
  if (c1 === 0x21 /* ! */ || c1 === 0x3f /* ? */) {
    let close: number;
    let len: number;
    if (c1 === 0x3f) {
      close = indexOfSeq(b, PI_END, pos + 2, end);
      len = 2;
    } else if (b[pos + 2] === 0x2d && b[pos + 3] === 0x2d) {
      close = indexOfSeq(b, COMMENT_END, pos + 4, end);
      len = 3;
    } else if (b[pos + 2] === 0x5b /* [ */) {
      close = indexOfSeq(b, CDATA_END, pos + 2, end);
      len = 3;
    } else {
      if (pos + 4 > end) return false;
      close = b.indexOf(GT, pos + 2);
      if (close >= end) close = -1;
      len = 1;
    }
    if (close < 0) return false;
    t.kind = Tok.Other;
    t.name = '';
    t.end = close + len;
    return true;
  }
  const closing = c1 === SLASH;
  let i = closing ? pos + 2 : pos + 1;
  const nameStart = i;
  while (i < end && !isNameEnd(b[i])) i++;
  if (i >= end) return false;
  let colon = -1;
  for (let k = nameStart; k < i; k++) if (b[k] === 0x3a) colon = k;
  const localStart = colon >= 0 ? colon + 1 : nameStart;
  // Attribute values may hold ">" unescaped: skip quoted runs.
  let quote = 0;
  for (; i < end; i++) {
    const c = b[i];
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === QUOT || c === APOS) quote = c;
    else if (c === GT) break;
  }
  if (i >= end) return false;
  t.name = latin1(b, localStart, nameEnd(b, nameStart, i));
  t.end = i + 1;
  t.kind = closing ? Tok.Close : b[i - 1] === SLASH ? Tok.Empty : Tok.Open;
  return true;
}

function nameEnd(b: Uint8Array, from: number, to: number): number {
  let i = from;
  while (i < to && !isNameEnd(b[i])) i++;
  return i;
}

export function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
  return s;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

export function utf8(b: Uint8Array, start = 0, end = b.length): string {
  return decoder.decode(b.subarray(start, end));
}

export function bytes(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The (decoded) value of attribute `name` (as written, prefix included) in a tag's text; null when absent. */
export function attr(tag: string, name: string): string | null {
  let i = 0;
  for (;;) {
    i = tag.indexOf(name, i + 1);
    if (i < 0) return null;
    const before = tag.charCodeAt(i - 1);
    if (before !== 0x20 && before !== 0x09 && before !== 0x0a && before !== 0x0d) continue;
    let j = i + name.length;
    while (tag[j] === ' ') j++;
    if (tag[j] !== '=') continue;
    j++;
    while (tag[j] === ' ') j++;
    const q = tag[j];
    if (q !== '"' && q !== "'") continue;
    const close = tag.indexOf(q, j + 1);
    if (close < 0) return null;
    return unescapeXml(tag.slice(j + 1, close));
  }
}

/** The tag with attribute `name` set to `value` (added before the closing ">" or "/>" when absent), or removed when null. */
export function setAttr(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[:.]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  const m = re.exec(tag);
  if (m)
    return tag.slice(0, m.index) + (value === null ? '' : ` ${name}="${escapeAttr(value)}"`) + tag.slice(m.index + m[0].length);
  if (value === null) return tag;
  const at = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, at).replace(/\s+$/, '')} ${name}="${escapeAttr(value)}"${tag.slice(at)}`;
}

/** The prefix ("x:" or "") of an element's qualified name in its tag text. */
export function prefixOf(tag: string): string {
  const m = /^<\/?([A-Za-z_][\w.-]*:)?/.exec(tag);
  return m && m[1] ? m[1] : '';
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };

export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|quot|apos|amp);/g, (m, e: string) => {
    if (e[0] !== '#') return ENTITY[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

// XML 1.0 forbids most control characters even as references: they are dropped.
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g;

export function escapeText(s: string): string {
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** An edit of a small part: replace bytes [at, at + del) with `insert`. */
export interface Splice {
  readonly at: number;
  readonly del: number;
  readonly insert: string;
}

/** Applies splices (in any order, not overlapping) to a part's bytes. */
export function applySplices(b: Uint8Array, splices: readonly Splice[]): Uint8Array {
  const sorted = [...splices].sort((x, y) => x.at - y.at);
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const s of sorted) {
    parts.push(b.subarray(from, s.at), bytes(s.insert));
    from = s.at + s.del;
  }
  parts.push(b.subarray(from));
  return concatBytes(parts);
}

/** Every token of a whole (small) part, in order. */
export function tokens(b: Uint8Array): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (;;) {
    const t: Token = { kind: Tok.Text, start: 0, end: 0, name: '' };
    if (!nextToken(b, pos, b.length, t)) break;
    out.push(t);
    pos = t.end;
  }
  if (pos < b.length) throw new Error('unterminated markup');
  return out;
}

/** Index of the token closing the element opened at `tokens[i]` (itself for an empty element). */
export function closingIndex(toks: readonly Token[], i: number): number {
  if (toks[i].kind === Tok.Empty) return i;
  let depth = 0;
  for (let k = i; k < toks.length; k++) {
    if (toks[k].kind === Tok.Open) depth++;
    else if (toks[k].kind === Tok.Close && --depth === 0) return k;
  }
  throw new Error(`<${toks[i].name}> is not closed`);
}
