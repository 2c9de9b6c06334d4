/**
 * The shared strings part (xl/sharedStrings.xml): each <si> is a plain <t> or rich text runs
 * (<r><t>…</t></r>), read as the text a cell shows; phonetic guides (<rPh>) are not part of it.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner, decodeUtf8, isSpace, unescapeXml, unescapeXstring } from './xml-scan';

/** More shared strings than `max` → this error (the caller names the file). */
export class TooManyStrings extends Error {
  constructor(readonly max: number) {
    super(`sharedStrings > ${max}`);
    this.name = 'TooManyStrings';
  }
}

export function readSharedStrings(bytes: Uint8Array, part: string, max: number): string[] {
  // Most parts hold plain items only: read them as one decoded string (plainItems); a part with
  // anything else (rich text, phonetic guides, CDATA, prefixes, comments) is read token by token.
  const x = new XmlScanner(bytes, part);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN) continue;
    if (x.is('sst') && !x.selfClosing) {
      const plain = plainItems(x.bytes, x.position, max);
      if (plain !== null) return plain;
    }
    break;
  }
  return tokenByToken(bytes, part, max);
}

/** Every item read token by token (the general lane; exported for the tests that compare lanes). */
export function tokenByToken(bytes: Uint8Array, part: string, max: number): string[] {
  const x = new XmlScanner(bytes, part);
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === TEXT) {
      if (inT && phonetic === 0) parts.push(x.text());
    } else if (t === OPEN) {
      if (x.is('si')) {
        if (out.length >= max) throw new TooManyStrings(max);
        parts = [];
        inSi = !x.selfClosing;
        if (!inSi) out.push('');
      } else if (x.is('t')) inT = inSi && !x.selfClosing;
      else if (x.is('rPh')) {
        if (!x.selfClosing) phonetic++;
      }
    } else if (t === CLOSE) {
      if (x.is('t')) inT = false;
      else if (x.is('rPh')) phonetic = Math.max(0, phonetic - 1);
      else if (x.is('si')) {
        out.push(unescapeXstring(parts.length === 1 ? parts[0] : parts.join('')));
        inSi = false;
      }
    }
  }
  return out;
}

/**
 * The items after `<sst …>` at byte `from` when every one is `<si><t>text</t></si>` (the <t> may
 * carry attributes such as xml:space) and `</sst>` ends them: the part is decoded once and walked
 * with native string searches. Null at the first other shape, for the tokenizer to read it all.
 */
function plainItems(bytes: Uint8Array, from: number, max: number): string[] | null {
  const s = decodeUtf8(bytes, from, bytes.length);
  const n = s.length;
  const out: string[] = [];
  let i = 0;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (s.startsWith('</sst>', i)) {
      for (i += 6; i < n; i++) if (!isSpace(s.charCodeAt(i))) return null;
      return out;
    }
    if (!s.startsWith('<si><t', i)) return null;
    let j = i + 6;
    if (s.charCodeAt(j) !== 0x3e) {
      if (!isSpace(s.charCodeAt(j))) return null;
      // Attributes of <t>: quoted values, no markup.
      for (; j < n; j++) {
        const c = s.charCodeAt(j);
        if (c === 0x3e) break;
        if (c === 0x22 || c === 0x27) {
          j = s.indexOf(c === 0x22 ? '"' : "'", j + 1);
          if (j < 0) return null;
        } else if (c === 0x3c || c === 0x2f) return null;
      }
      if (j >= n) return null;
    }
    const te = s.indexOf('<', j + 1);
    if (te < 0 || !s.startsWith('</t></si>', te)) return null;
    if (out.length >= max) throw new TooManyStrings(max);
    out.push(unescapeXstring(unescapeXml(s.slice(j + 1, te))));
    i = te + 9;
  }
}
