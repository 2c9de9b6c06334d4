/**
 * Matching a staff row's unit text to a unit row (SPEC §2 "Abbreviated place names"): names are
 * folded (`foldName`: case, tone placement, "UBND", "P.", "Q.", leading zeros …) and equal names
 * match. Failing that, a name that is the start of exactly one unit's name, or whose start is
 * exactly one unit's name ("Phường 14" for "UBND Phường 14, Quận Gò Vấp"), matches it; a name
 * that could be two units matches neither and is reported as ambiguous.
 */
import { foldName } from '../text/fold';

/** A unit by its folded name: `index` is its first row in the units. */
export type UnitMatch =
  { readonly index: number; readonly ambiguous?: undefined } | { readonly index: -1; readonly ambiguous: readonly string[] };

const UBND = foldName('Ủy ban nhân dân');

function core(key: string): string {
  return key.startsWith(UBND + ' ') ? key.slice(UBND.length + 1) : key;
}

function startsWithWords(long: string, short: string): boolean {
  return long.length > short.length && long.startsWith(short) && long[short.length] === ' ';
}

export class UnitIndex {
  private readonly byKey = new Map<string, number>();
  private readonly firsts: Array<{ index: number; name: string; core: string }> = [];
  private readonly cache = new Map<string, UnitMatch>();

  /** Adds a unit row; returns the index of the first row with the same name, or undefined when new. */
  add(key: string, index: number, name: string): number | undefined {
    const first = this.byKey.get(key);
    if (first !== undefined) return first;
    this.byKey.set(key, index);
    this.firsts.push({ index, name, core: core(key) });
    this.cache.clear();
    return undefined;
  }

  get size(): number {
    return this.firsts.length;
  }

  /** The unit a text names: its first row's index, -1 when none (with the candidates when several). */
  match(text: string): UnitMatch {
    let m = this.cache.get(text);
    if (m === undefined) {
      m = this.lookup(foldName(text));
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(text, m);
    }
    return m;
  }

  private lookup(key: string): UnitMatch {
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { index: exact };
    const k = core(key);
    if (k.length < 3) return { index: -1, ambiguous: [] };
    const hits = this.firsts.filter((u) => u.core === k || startsWithWords(u.core, k) || startsWithWords(k, u.core));
    if (hits.length === 1) return { index: hits[0].index };
    return { index: -1, ambiguous: hits.map((h) => h.name) };
  }
}
