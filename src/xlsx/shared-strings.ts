/**
 * The shared strings part (xl/sharedStrings.xml): each <si> is a plain <t> or rich text runs
 * (<r><t>…</t></r>), read as the text a cell shows; phonetic guides (<rPh>) are not part of it.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner } from './xml-scan';

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
        out.push(parts.length === 1 ? parts[0] : parts.join(''));
        inSi = false;
      }
    }
  }
  return out;
}
