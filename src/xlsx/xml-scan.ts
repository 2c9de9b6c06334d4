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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const COLON = 0x3a;
const EQ = 0x3d;
const PI_END = [0x3f, GT];
const COMMENT_END = [0x2d, 0x2d, GT];
const CDATA_END = [0x5d, 0x5d, GT];

const utf8 = new TextDecoder('utf-8');

function isSpace(c: number): boolean {
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

  constructor(
    readonly bytes: Uint8Array,
    readonly part: string,
  ) {
    // A UTF-8 byte order mark is not text.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) this.pos = 3;
  }

  private fail(what: string): never {
    throw new XmlProblem(`${this.part}: ${what}`);
  }

  private find(byte: number, from: number): number {
    return this.bytes.indexOf(byte, from);
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

  private openTag(p: number): Token {
    const b = this.bytes;
    const n = b.length;
    let i = p + 1;
    while (i < n && !isSpace(b[i]) && b[i] !== GT && b[i] !== SLASH) i++;
    this.setName(p + 1, i);
    this.attrStart = i;
    for (;;) {
      while (i < n && isSpace(b[i])) i++;
      if (i >= n) this.fail('a tag is cut off');
      const c = b[i];
      if (c === GT) {
        this.attrEnd = i;
        this.selfClosing = false;
        this.pos = i + 1;
        return OPEN;
      }
      if (c === SLASH) {
        if (b[i + 1] !== GT) this.fail('a tag is malformed');
        this.attrEnd = i;
        this.selfClosing = true;
        this.pos = i + 2;
        return OPEN;
      }
      // name = "value" (or 'value')
      const eq = this.find(EQ, i);
      if (eq < 0) this.fail('a tag is cut off');
      let q = eq + 1;
      while (q < n && isSpace(b[q])) q++;
      const quote = b[q];
      if (quote !== QUOTE && quote !== APOS) this.fail('an attribute is not quoted');
      const close = this.find(quote, q + 1);
      if (close < 0) this.fail('an attribute is cut off');
      i = close + 1;
    }
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
    const end = this.attrEnd;
    let i = this.attrStart;
    const len = name.length;
    while (i < end) {
      while (i < end && isSpace(b[i])) i++;
      const ns = i;
      while (i < end && b[i] !== EQ && !isSpace(b[i])) i++;
      const ne = i;
      while (i < end && b[i] !== QUOTE && b[i] !== APOS) i++;
      if (i >= end) return false;
      const close = b.indexOf(b[i], i + 1);
      if (close < 0 || close >= end) return false;
      const vs = i + 1;
      i = close + 1;
      let ls = ns;
      for (let k = ns; k < ne; k++) if (b[k] === COLON) ls = k + 1;
      if (ne - ls !== len) continue;
      let same = true;
      for (let k = 0; k < len; k++)
        if (b[ls + k] !== name.charCodeAt(k)) {
          same = false;
          break;
        }
      if (same) {
        this.valueStart = vs;
        this.valueEnd = close;
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
   * inside. Nothing to skip after a self-closing tag.
   */
  skipElement(): void {
    if (this.selfClosing) return;
    let depth = 1;
    for (let t = this.next(); t !== END; t = this.next()) {
      if (t === OPEN && !this.selfClosing) depth++;
      else if (t === CLOSE && --depth === 0) return;
    }
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
