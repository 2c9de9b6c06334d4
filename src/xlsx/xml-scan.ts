/**
 * A strict, linear-time XML tokenizer over UTF-8 bytes, for the parts of an .xlsx package. No
 * regular expression touches the document: every byte is looked at a bounded number of times
 * (searches use Uint8Array.indexOf), so no input can make it backtrack.
 *
 *   const x = new XmlScanner(bytes, 'xl/workbook.xml');
 *   for (let t = x.next(); t !== END; t = x.next()) {
 *     if (t === OPEN && x.is('sheet')) use(x.attr('name'), x.attr('id'));  // attributes by local name
 *     if (t === TEXT) x.text();                                            // entities decoded
 *   }
 *
 * Names are compared by their local part (`x:c` is `c`, `r:id` is `id`). Comments and processing
 * instructions are skipped; CDATA is text; a DOCTYPE is refused (OOXML parts have none, and entity
 * declarations are how XML bombs work). A tag or comment left open at the end throws XmlProblem.
 */

/** Token kinds returned by `next()`. */
export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;
export type Token = typeof END | typeof OPEN | typeof CLOSE | typeof TEXT;

export class XmlProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlProblem';
  }
}

/** The bytes XML markup is made of. */
export const LT = 0x3c;
export const GT = 0x3e;
export const SLASH = 0x2f;
export const QUOTE = 0x22;
export const APOS = 0x27;
export const COLON = 0x3a;
export const EQ = 0x3d;
const PI_END = [0x3f, GT];
const COMMENT_END = [0x2d, 0x2d, GT];
const CDATA_END = [0x5d, 0x5d, GT];

const utf8 = new TextDecoder('utf-8');

/** XML white space (space, tab, CR, LF). */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** Decodes bytes [s, e) as UTF-8 (fast path for short ASCII). */
export function decodeUtf8(b: Uint8Array, s: number, e: number): string {
  if (e - s <= 24) {
    let out = '';
    for (let i = s; i < e; i++) {
      const c = b[i];
      if (c >= 0x80) return utf8.decode(b.subarray(s, e));
      out += String.fromCharCode(c);
    }
    return out;
  }
  return utf8.decode(b.subarray(s, e));
}

/**
 * Whether a part's first bytes say it is UTF-16: a byte order mark, or `<?` written in UTF-16
 * (XML 1.0 Appendix F). 'le', 'be' or null.
 */
export function utf16Start(b: Uint8Array): 'le' | 'be' | null {
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === LT && b[1] === 0 && b[2] === 0x3f && b[3] === 0)) return 'le';
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === LT && b[2] === 0 && b[3] === 0x3f)) return 'be';
  return null;
}

/** Most bytes of a part written in UTF-16 (a worksheet that big is written in UTF-8 by every producer). */
export const MAX_UTF16_PART = 2 ** 28;

/**
 * A part's bytes as UTF-8. A package's XML parts may be UTF-8 or UTF-16 (ECMA-376 Part 2 §8.1.4;
 * Excel and LibreOffice read both): a UTF-16 part is transcoded (its byte order mark dropped), any
 * other is returned as it is.
 */
export function utf8Part(b: Uint8Array, part: string, maxBytes = MAX_UTF16_PART): Uint8Array {
  const utf16 = utf16Start(b);
  if (utf16 === null) return b;
  // Transcoding holds the part as one string (V8's longest is 2^29 characters) and again as UTF-8.
  if (b.length > maxBytes) throw new XmlProblem(`${part}: a UTF-16 part over ${maxBytes / 2 ** 20} MiB`);
  return new TextEncoder().encode(new TextDecoder(utf16 === 'le' ? 'utf-16le' : 'utf-16be').decode(b));
}

/** An escaped character of ST_Xstring: `_x` four hex digits `_`. */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * Cell text with ST_Xstring's escapes undone (ECMA-376 Part 1, §22.9.2.19): `_xHHHH_` is the
 * character U+HHHH — how Excel writes a carriage return or another control character in a string
 * ("Sở Nội vụ_x000D_") — and `_x005F_` an underscore that would otherwise start one.
 */
export function unescapeXstring(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the five XML entities and character references; anything else is kept as written. */
export function unescapeXml(s: string): string {
  let at = s.indexOf('&');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const semi = s.indexOf(';', at);
    if (semi < 0 || semi - at > 12) {
      at = s.indexOf('&', at + 1);
      continue;
    }
    const name = s.slice(at + 1, semi);
    let rep: string | undefined;
    if (name.charCodeAt(0) === 0x23) {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    } else rep = NAMED[name];
    if (rep !== undefined) {
      out += s.slice(from, at) + rep;
      from = semi + 1;
    }
    at = s.indexOf('&', semi + 1);
  }
  return out + s.slice(from);
}

export class XmlScanner {
  /** Where the next token starts. */
  private pos = 0;
  /** Current tag: local name [nameStart, nameEnd), attributes [attrStart, attrEnd). */
  nameStart = 0;
  nameEnd = 0;
  attrStart = 0;
  attrEnd = 0;
  /** `<x/>`: an OPEN token that has no CLOSE. */
  selfClosing = false;
  /** Current text: [textStart, textEnd); `cdata` when it came from <![CDATA[…]]> (no entities). */
  textStart = 0;
  textEnd = 0;
  cdata = false;

  /** The part's bytes, UTF-8 (a part written in UTF-16 is transcoded: see utf8Part). */
  readonly bytes: Uint8Array;

  /**
   * `start`: the part's first bytes (a byte order mark there is skipped, a UTF-16 part is
   * transcoded), or a later piece of it (taken as it is).
   */
  constructor(
    bytes: Uint8Array,
    readonly part: string,
    start = true,
  ) {
    const b = start ? utf8Part(bytes, part) : bytes;
    this.bytes = b;
    // A UTF-8 byte order mark is not text.
    if (start && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.pos = 3;
  }

  private fail(what: string): never {
    throw new XmlProblem(`${this.part}: ${what}`);
  }

  /** Index of `byte` at or after `from`, or -1 (a plain loop: most distances here are short). */
  private find(byte: number, from: number): number {
    const b = this.bytes;
    const n = b.length;
    let i = from;
    while (i < n && b[i] !== byte) i++;
    return i < n ? i : -1;
  }

  /** Position just after the first occurrence of `seq` starting at or after `from`, or -1. */
  private findSeq(seq: readonly number[], from: number): number {
    const b = this.bytes;
    const n = seq.length;
    const last = seq[n - 1];
    for (let i = b.indexOf(last, from + n - 1); i >= 0; i = b.indexOf(last, i + 1)) {
      let k = 1;
      while (k < n && b[i - k] === seq[n - 1 - k]) k++;
      if (k === n) return i + 1;
    }
    return -1;
  }

  /** Where the next token starts (for a caller that reads a stretch of bytes itself). */
  get position(): number {
    return this.pos;
  }

  /** Continues at `p`, a position at or after the current one where a token starts. */
  moveTo(p: number): void {
    if (p < this.pos || p > this.bytes.length) this.fail('the reader lost its place');
    this.pos = p;
  }

  /** The next token: OPEN, CLOSE, TEXT or END. */
  next(): Token {
    const b = this.bytes;
    for (;;) {
      const p = this.pos;
      if (p >= b.length) return END;
      if (b[p] !== LT) {
        const lt = this.find(LT, p);
        const end = lt < 0 ? b.length : lt;
        this.pos = end;
        this.textStart = p;
        this.textEnd = end;
        this.cdata = false;
        return TEXT;
      }
      const c = b[p + 1];
      if (c === SLASH) {
        const gt = this.find(GT, p + 2);
        if (gt < 0) this.fail('a closing tag is cut off');
        this.setName(p + 2, gt);
        this.pos = gt + 1;
        return CLOSE;
      }
      if (c === 0x3f) {
        // <? … ?>
        const end = this.findSeq(PI_END, p + 2);
        if (end < 0) this.fail('a processing instruction is cut off');
        this.pos = end;
        continue;
      }
      if (c === 0x21) {
        if (b[p + 2] === 0x2d && b[p + 3] === 0x2d) {
          const end = this.findSeq(COMMENT_END, p + 4);
          if (end < 0) this.fail('a comment is cut off');
          this.pos = end;
          continue;
        }
        if (b[p + 2] === 0x5b && b[p + 3] === 0x43) {
          // <![CDATA[ … ]]>
          const end = this.findSeq(CDATA_END, p + 9);
          if (end < 0) this.fail('a CDATA section is cut off');
          this.pos = end;
          this.textStart = p + 9;
          this.textEnd = end - 3;
          this.cdata = true;
          return TEXT;
        }
        this.fail('a DOCTYPE or declaration (not allowed in a workbook part)');
      }
      return this.openTag(p);
    }
  }

  private setName(s: number, e: number): void {
    const b = this.bytes;
    while (e > s && isSpace(b[e - 1])) e--;
    let local = s;
    for (let i = s; i < e; i++) if (b[i] === COLON) local = i + 1;
    this.nameStart = local;
    this.nameEnd = e;
  }

  /** Attributes of the current tag: [local name start, name end, value start, value end] each. */
  private attrs = new Int32Array(64);
  attrCount = 0;

  private openTag(p: number): Token {
    const b = this.bytes;
    const n = b.length;
    let i = p + 1;
    let local = i;
    for (; i < n; i++) {
      const c = b[i];
      if (c === GT || c === SLASH || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) break;
      if (c === COLON) local = i + 1;
    }
    this.nameStart = local;
    this.nameEnd = i;
    this.attrStart = i;
    let count = 0;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) this.fail('a tag is cut off');
      const c = b[i];
      if (c === GT || c === SLASH) {
        if (c === SLASH && b[i + 1] !== GT) this.fail('a tag is malformed');
        this.attrEnd = i;
        this.attrCount = count;
        this.selfClosing = c === SLASH;
        this.pos = c === SLASH ? i + 2 : i + 1;
        return OPEN;
      }
      // name = "value" (or 'value')
      let ls = i;
      for (; i < n; i++) {
        const d = b[i];
        if (d === EQ || d === GT || d === SLASH || isSpace(d)) break;
        if (d === COLON) ls = i + 1;
      }
      const ne = i;
      while (i < n && isSpace(b[i])) i++;
      if (b[i] !== EQ) this.fail(i >= n ? 'a tag is cut off' : 'an attribute has no value');
      i++;
      while (i < n && isSpace(b[i])) i++;
      const quote = b[i];
      if (quote !== QUOTE && quote !== APOS) this.fail(i >= n ? 'a tag is cut off' : 'an attribute is not quoted');
      const vs = i + 1;
      const close = this.find(quote, vs);
      if (close < 0) this.fail('an attribute is cut off');
      if (count * 4 + 4 > this.attrs.length) {
        const grown = new Int32Array(this.attrs.length * 2);
        grown.set(this.attrs);
        this.attrs = grown;
      }
      const a = this.attrs;
      a[count * 4] = ls;
      a[count * 4 + 1] = ne;
      a[count * 4 + 2] = vs;
      a[count * 4 + 3] = close;
      count++;
      i = close + 1;
    }
  }

  /**
   * Fast path for the commonest shape, `<v>text</v>` right at the current position (no prefix, no
   * attributes, no markup inside): sets textStart/textEnd to the text, moves past `</v>` and
   * returns true. Otherwise changes nothing and returns false (read it token by token).
   */
  leaf(tag: number): boolean {
    const b = this.bytes;
    const p = this.pos;
    if (b[p] !== LT || b[p + 1] !== tag || b[p + 2] !== GT) return false;
    const n = b.length;
    let i = p + 3;
    while (i < n && b[i] !== LT) i++;
    if (b[i + 1] !== SLASH || b[i + 2] !== tag || b[i + 3] !== GT) return false;
    this.textStart = p + 3;
    this.textEnd = i;
    this.cdata = false;
    this.pos = i + 4;
    return true;
  }

  /** After openCell(): value ranges of the r, t and s attributes (start -1 when absent). */
  cellR0 = -1;
  cellR1 = -1;
  cellT0 = -1;
  cellT1 = -1;
  cellS0 = -1;
  cellS1 = -1;

  /**
   * Fast path for a worksheet cell, `<c r="B2" s="1" t="s">` (or `<c …/>`) right at the current
   * position: records the r, t and s values, sets selfClosing, moves past the tag and returns true.
   * Anything unusual (a prefix, a malformed tag) returns false with nothing changed, for the
   * general tokenizer to read (or to report).
   */
  openCell(): boolean {
    const b = this.bytes;
    const p = this.pos;
    if (b[p] !== LT || b[p + 1] !== 0x63) return false;
    const n = b.length;
    let i = p + 2;
    if (i >= n || !(isSpace(b[i]) || b[i] === GT || b[i] === SLASH)) return false;
    let r0 = -1;
    let r1 = -1;
    let t0 = -1;
    let t1 = -1;
    let s0 = -1;
    let s1 = -1;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) return false;
      const c = b[i];
      if (c === GT || c === SLASH) {
        if (c === SLASH && b[i + 1] !== GT) return false;
        this.selfClosing = c === SLASH;
        this.pos = c === SLASH ? i + 2 : i + 1;
        this.cellR0 = r0;
        this.cellR1 = r1;
        this.cellT0 = t0;
        this.cellT1 = t1;
        this.cellS0 = s0;
        this.cellS1 = s1;
        return true;
      }
      const ns = i;
      while (i < n && b[i] !== EQ && b[i] !== GT && b[i] !== SLASH && !isSpace(b[i])) i++;
      const one = i - ns === 1 ? b[ns] : 0;
      while (i < n && isSpace(b[i])) i++;
      if (b[i] !== EQ) return false;
      i++;
      while (i < n && isSpace(b[i])) i++;
      const q = b[i];
      if (q !== QUOTE && q !== APOS) return false;
      const vs = i + 1;
      let e = vs;
      while (e < n && b[e] !== q) e++;
      if (e >= n) return false;
      if (one === 0x72) {
        r0 = vs;
        r1 = e;
      } else if (one === 0x74) {
        t0 = vs;
        t1 = e;
      } else if (one === 0x73) {
        s0 = vs;
        s1 = e;
      }
      i = e + 1;
    }
  }

  /** Fast path: `</tag>` (one-letter, no prefix) right at the current position is consumed. */
  closes(tag: number): boolean {
    const b = this.bytes;
    const p = this.pos;
    if (b[p] !== LT || b[p + 1] !== SLASH || b[p + 2] !== tag || b[p + 3] !== GT) return false;
    this.pos = p + 4;
    return true;
  }

  /** Whether the current tag's local name is `name` (ASCII). */
  is(name: string): boolean {
    const s = this.nameStart;
    if (this.nameEnd - s !== name.length) return false;
    const b = this.bytes;
    for (let k = 0; k < name.length; k++) if (b[s + k] !== name.charCodeAt(k)) return false;
    return true;
  }

  /** The current tag's local name. */
  name(): string {
    return decodeUtf8(this.bytes, this.nameStart, this.nameEnd);
  }

  /** Value range of the attribute whose local name is `name`: sets valueStart/valueEnd, or false. */
  valueStart = 0;
  valueEnd = 0;
  findAttr(name: string): boolean {
    const b = this.bytes;
    const a = this.attrs;
    const len = name.length;
    const first = name.charCodeAt(0);
    for (let k = 0; k < this.attrCount; k++) {
      const ls = a[k * 4];
      if (a[k * 4 + 1] - ls !== len || b[ls] !== first) continue;
      let same = true;
      for (let j = 1; j < len; j++)
        if (b[ls + j] !== name.charCodeAt(j)) {
          same = false;
          break;
        }
      if (same) {
        this.valueStart = a[k * 4 + 2];
        this.valueEnd = a[k * 4 + 3];
        return true;
      }
    }
    return false;
  }

  /** The attribute's value with entities decoded, or null when absent. */
  attr(name: string): string | null {
    if (!this.findAttr(name)) return null;
    return unescapeXml(decodeUtf8(this.bytes, this.valueStart, this.valueEnd));
  }

  /** The attribute as a non-negative integer; -1 when absent or not digits. */
  attrInt(name: string): number {
    if (!this.findAttr(name)) return -1;
    return digits(this.bytes, this.valueStart, this.valueEnd);
  }

  /** Whether the attribute is a true boolean ("1" or "true"). */
  attrTrue(name: string): boolean {
    const v = this.findAttr(name) ? this.bytes[this.valueStart] : 0;
    return v === 0x31 || v === 0x74;
  }

  /** The current text with entities decoded. */
  text(): string {
    const s = decodeUtf8(this.bytes, this.textStart, this.textEnd);
    return this.cdata ? s : unescapeXml(s);
  }

  /**
   * Skips to the end of the element just opened (its CLOSE consumed), without decoding what is
   * inside. Nothing to skip after a self-closing tag. False when the bytes ended first.
   */
  skipElement(): boolean {
    if (this.selfClosing) return true;
    let depth = 1;
    for (let t = this.next(); t !== END; t = this.next()) {
      if (t === OPEN && !this.selfClosing) depth++;
      else if (t === CLOSE && --depth === 0) return true;
    }
    return false;
  }
}

/** Decimal digits [s, e) as a number; -1 when empty, not digits or over 15 digits. */
export function digits(b: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = b[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** An XML number ("12", "-3.5", "1E-3") at bytes [s, e); NaN when not a number. */
export function numberAt(b: Uint8Array, s: number, e: number): number {
  let i = s;
  const neg = b[i] === 0x2d;
  if (neg) i++;
  if (e - i > 0 && e - i <= 15) {
    let n = 0;
    let k = i;
    for (; k < e; k++) {
      const d = b[k] - 0x30;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (k === e) return neg ? -n : n;
  }
  const str = decodeUtf8(b, s, e).trim();
  return str === '' ? NaN : Number(str);
}
