/**
 * The shared strings part (xl/sharedStrings.xml): each <si> is a plain <t> or rich text runs
 * (<r><t>…</t></r>), read as the text a cell shows; phonetic guides (<rPh>) are not part of it.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner, decodeUtf8, unescapeXml } from './xml-scan';

/** More shared strings than `max` → this error (the caller names the file). */
export class TooManyStrings extends Error {
  constructor(readonly max: number) {
    super(`sharedStrings > ${max}`);
    this.name = 'TooManyStrings';
  }
}

export function readSharedStrings(bytes: Uint8Array, part: string, max: number): string[] {
  const x = new XmlScanner(bytes, part);
  const out: string[] = [];
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let parts: string[] = [];
  for (;;) {
    if (!inSi) {
      // Plain items (<si><t>…</t></si>) in one tight loop; anything else is read token by token.
      const at = plainItems(bytes, x.position, out, max);
      if (at !== x.position) x.moveTo(at);
    }
    const t = x.next();
    if (t === END) break;
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
        out.push(parts.length === 1 ? parts[0] : parts.join(''));
        inSi = false;
      }
    }
  }
  return out;
}

/**
 * `<si><t>text</t></si>` items (the <t> may carry attributes such as xml:space) from `pos`,
 * appended to `out`; returns where the first other shape starts (rich text, phonetics, CDATA,
 * a prefix …), for the tokenizer to read.
 */
function plainItems(b: Uint8Array, pos: number, out: string[], max: number): number {
  let i = pos;
  const n = b.length;
  for (;;) {
    while (i < n && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
    // <si><t
    if (b[i] !== 0x3c || b[i + 1] !== 0x73 || b[i + 2] !== 0x69 || b[i + 3] !== 0x3e) return i;
    if (b[i + 4] !== 0x3c || b[i + 5] !== 0x74) return i;
    let j = i + 6;
    if (b[j] !== 0x3e) {
      if (b[j] !== 0x20) return i;
      // Attributes of <t>: quoted values, no markup inside.
      while (j < n && b[j] !== 0x3e) {
        const c = b[j];
        if (c === 0x22 || c === 0x27) {
          j++;
          while (j < n && b[j] !== c) j++;
          if (j >= n) return i;
        } else if (c === 0x3c || c === 0x2f) return i;
        j++;
      }
      if (j >= n) return i;
    }
    const ts = j + 1;
    let te = ts;
    while (te < n && b[te] !== 0x3c) te++;
    // </t></si>
    if (b[te + 1] !== 0x2f || b[te + 2] !== 0x74 || b[te + 3] !== 0x3e) return i;
    if (b[te + 4] !== 0x3c || b[te + 5] !== 0x2f || b[te + 6] !== 0x73 || b[te + 7] !== 0x69 || b[te + 8] !== 0x3e) return i;
    if (out.length >= max) throw new TooManyStrings(max);
    out.push(unescapeXml(decodeUtf8(b, ts, te)));
    i = te + 9;
  }
}
