/**
 * Text folding for comparing what officials type (SPEC §2 "Reading values").
 *
 * - `foldName` is for names (units): Unicode NFC/NFD differences, case, spacing and punctuation
 *   are ignored, the two Vietnamese tone-placement styles (hoà/hòa, uỷ/ủy) compare equal, and the
 *   abbreviations "UBND" and "TP"/"TP." read as "Ủy ban nhân dân" and "Thành phố". Diacritics
 *   other than tone placement still count: "Phường 1" and "Phuong 1" stay equal only because the
 *   word has no other reading, not because marks are dropped.
 *   Place abbreviations ("P.14", "Q.Gò Vấp", "H.", "TT.", "TX.") are spelled out and leading
 *   zeros dropped ("Phường 01" = "Phường 1").
 * - `foldKey` is for headers and keywords (kinds, formats, markers): as `foldName`, and every
 *   diacritic is dropped too, so "HO VA TEN" equals "Họ và tên".
 *
 * Both are pure and cached: workbooks repeat the same strings thousands of times.
 */
import { cached } from './memo';

/** The five Vietnamese tone marks as combining characters (after NFD). */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** Any combining mark (after NFD). */
const COMBINING = /[\u0300-\u036f]/g;
/** Separators between words: whitespace and punctuation (letters, digits and marks stay). */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

/** Abbreviations officials use in names, with the words they stand for. */
const ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['ubnd', 'ủy ban nhân dân'],
  ['tp', 'thành phố'],
  ['tphcm', 'thành phố hồ chí minh'],
  ['hcm', 'hồ chí minh'],
];

/** Moves a syllable's tone mark to its end so that both placement styles give one form. */
function canonicalSyllable(word: string): string {
  let tone = '';
  const bare = word.replace(TONE_MARKS, (m) => {
    tone = m;
    return '';
  });
  return tone ? bare + tone : bare;
}

function dropMarks(word: string): string {
  return word.replace(COMBINING, '').replace(/đ/g, 'd');
}

function words(s: string): string[] {
  return s
    .normalize('NFD')
    .toLowerCase()
    .split(SEPARATORS)
    .filter((w) => w.length > 0);
}

/**
 * Place abbreviations in unit names (SPEC §2 "Abbreviated place names"): "P.14", "Q.Gò Vấp",
 * "H. Củ Chi", "TT. Cần Thạnh", "TX.", also glued to a number ("Q1", "P14"). Only names are
 * read this way: in a header "TT" is the row number column.
 */
const PLACE_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['p', 'phường'],
  ['q', 'quận'],
  ['h', 'huyện'],
  ['tt', 'thị trấn'],
  ['tx', 'thị xã'],
];

const NAME_EXPANSIONS: ReadonlyMap<string, string> = new Map(
  [...ABBREVIATIONS, ...PLACE_ABBREVIATIONS].map(([short, long]) => [short, words(long).map(canonicalSyllable).join(' ')]),
);
const PLACE_KEY_EXPANSIONS: ReadonlyMap<string, string> = new Map(
  [...ABBREVIATIONS, ...PLACE_ABBREVIATIONS].map(([short, long]) => [short, words(long).map(dropMarks).join(' ')]),
);

/** "q1" → "q 1", "p014" → "p 014": a place abbreviation glued to its number. */
const GLUED = /^(p|q|h|tt|tx)(\d{1,3})$/;

/** A name's words with abbreviations spelled out and leading zeros dropped ("Phường 01" = "Phường 1"). */
function placeWords(s: string, expand: (w: string) => string): string {
  const out: string[] = [];
  for (const w of words(s)) {
    const glued = GLUED.exec(w);
    const parts = glued ? [glued[1], glued[2]] : [w];
    for (const part of parts) out.push(/^\d+$/.test(part) ? String(Number(part.slice(-15))) : expand(part));
  }
  return out.join(' ');
}
const KEY_EXPANSIONS: ReadonlyMap<string, string> = new Map(
  ABBREVIATIONS.map(([short, long]) => [short, words(long).map(dropMarks).join(' ')]),
);

function foldNameUncached(s: string): string {
  return placeWords(s, (w) => NAME_EXPANSIONS.get(w) ?? canonicalSyllable(w));
}

function foldPlaceKeyUncached(s: string): string {
  return placeWords(s, (w) => {
    const plain = dropMarks(w);
    return PLACE_KEY_EXPANSIONS.get(plain) ?? plain;
  });
}

function foldKeyUncached(s: string): string {
  return words(s)
    .map((w) => {
      const plain = dropMarks(w);
      return KEY_EXPANSIONS.get(plain) ?? plain;
    })
    .join(' ');
}

/** Folds a name for equality: case, spacing, punctuation, NFC/NFD, tone placement, UBND/TP. */
export const foldName: (s: string) => string = cached(foldNameUncached);

/** Folds a header or keyword: as `foldName`, and every diacritic dropped ("đ" reads "d"). */
export const foldKey: (s: string) => string = cached(foldKeyUncached);

/** Folds a unit name for keywords (its kind): as `foldKey`, with place abbreviations spelled out. */
export const foldPlaceKey: (s: string) => string = cached(foldPlaceKeyUncached);

/** True when `phrase` (already folded with `foldKey`) occurs in `key` on word boundaries. */
export function hasPhrase(key: string, phrase: string): boolean {
  if (phrase.length === 0) return false;
  let from = 0;
  for (;;) {
    const i = key.indexOf(phrase, from);
    if (i < 0) return false;
    const before = i === 0 || key[i - 1] === ' ';
    const end = i + phrase.length;
    const after = end === key.length || key[end] === ' ';
    if (before && after) return true;
    from = i + 1;
  }
}

/** True when `key` starts with the folded `phrase` on a word boundary. */
export function startsWithPhrase(key: string, phrase: string): boolean {
  return key === phrase || key.startsWith(phrase + ' ');
}
