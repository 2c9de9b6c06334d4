/**
 * Cuts a worksheet part, as it comes out of the inflater, into pieces that end right after a
 * `</row>`, for SheetReader.feed (sheet-read.ts): the bytes after the last `</row>` wait for the
 * next chunk. Linear: each byte is searched once and copied at most twice (into a piece, and when
 * it waits); a part with no `</row>` (a prefixed `</x:row>`, a sheet without rows) simply gathers
 * into one last piece. Pure; the tests feed it random chunkings.
 */

const CLOSE_ROW = [0x3c, 0x2f, 0x72, 0x6f, 0x77, 0x3e]; // </row>

function matches(b: Uint8Array, i: number): boolean {
  for (let k = 0; k < CLOSE_ROW.length; k++) if (b[i + k] !== CLOSE_ROW[k]) return false;
  return true;
}

export class RowCutter {
  private chunks: Uint8Array[] = [];
  private size = 0;
  /** Position just after the last `</row>` found in the gathered bytes, or -1. */
  private cut = -1;

  /** `minPiece`: gather at least this many bytes before cutting (fewer, larger pieces). */
  constructor(private readonly minPiece = 1 << 20) {}

  /**
   * Adds inflated bytes; returns the pieces ready to read (none, one or two). The chunk itself is
   * not copied: the bytes that waited and the chunk's first row make a small piece of their own,
   * and the chunk up to its last `</row>` is given as a view.
   */
  push(chunk: Uint8Array): Uint8Array[] {
    if (chunk.length === 0) return [];
    this.chunks.push(chunk);
    this.size += chunk.length;
    this.findLastCut();
    if (this.size < this.minPiece || this.cut < 0) return [];
    const base = this.size - chunk.length;
    const cut = this.cut;
    let pieces: Uint8Array[];
    let rest: Uint8Array;
    if (base === 0 || cut <= base) {
      const all = this.joined();
      pieces = [all.subarray(0, cut)];
      rest = all.subarray(cut);
    } else {
      // The first `</row>` ending in this chunk closes the row that waited.
      const first = this.firstCutIn(chunk, base);
      const head = new Uint8Array(base + first);
      let at = 0;
      for (let k = 0; k < this.chunks.length - 1; k++) {
        head.set(this.chunks[k], at);
        at += this.chunks[k].length;
      }
      head.set(chunk.subarray(0, first), at);
      pieces = first === cut - base ? [head] : [head, chunk.subarray(first, cut - base)];
      rest = chunk.subarray(cut - base);
    }
    // What follows the cut waits, copied so that the chunk's buffer can go once it is read.
    const waiting = rest.slice();
    this.chunks = waiting.length > 0 ? [waiting] : [];
    this.size = waiting.length;
    this.cut = -1;
    if (waiting.length > 0) this.findLastCut();
    return pieces;
  }

  /** Where the first `</row>` ending inside `chunk` ends (in `chunk`); one exists (the cut). */
  private firstCutIn(chunk: Uint8Array, base: number): number {
    const before = this.tailBefore(base);
    const window = Uint8Array.from([...before, ...chunk.subarray(0, 5)]);
    for (let i = 0; i + CLOSE_ROW.length <= window.length; i++) {
      if (matches(window, i) && i + CLOSE_ROW.length > before.length) return i + CLOSE_ROW.length - before.length;
    }
    for (let i = 0; i + CLOSE_ROW.length <= chunk.length; i++) if (matches(chunk, i)) return i + CLOSE_ROW.length;
    return this.cut - base;
  }

  /** Up to 5 bytes just before offset `base` of the gathered bytes. */
  private tailBefore(base: number): number[] {
    const out: number[] = [];
    let end = 0;
    const ends = this.chunks.map((c) => (end += c.length));
    for (let k = this.chunks.length - 1; k >= 0 && out.length < 5; k--) {
      if (ends[k] > base) continue;
      const c = this.chunks[k];
      for (let j = c.length - 1; j >= 0 && out.length < 5; j--) out.unshift(c[j]);
    }
    return out;
  }

  /** Everything not yet given out: the last piece. */
  rest(): Uint8Array {
    const all = this.joined();
    this.chunks = [];
    this.size = 0;
    this.cut = -1;
    return all;
  }

  private joined(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0];
    const all = new Uint8Array(this.size);
    let at = 0;
    for (const c of this.chunks) {
      all.set(c, at);
      at += c.length;
    }
    this.chunks = [all];
    return all;
  }

  /**
   * Looks for the last `</row>` in the chunk just added — or split between it and the bytes
   * before — keeping the cut found earlier when there is none. Each byte is looked at once.
   */
  private findLastCut(): void {
    const last = this.chunks[this.chunks.length - 1];
    const base = this.size - last.length;
    for (let i = last.length - CLOSE_ROW.length; i >= 0; i--) {
      if (last[i + 5] === 0x3e && matches(last, i)) {
        this.cut = base + i + CLOSE_ROW.length;
        return;
      }
    }
    if (base === 0) return;
    // Up to 5 bytes before the chunk and its first 5: a `</row>` across the boundary.
    const before = this.tailBefore(base);
    const window = Uint8Array.from([...before, ...last.subarray(0, 5)]);
    for (let i = window.length - CLOSE_ROW.length; i >= 0; i--) {
      if (matches(window, i)) {
        this.cut = base - before.length + i + CLOSE_ROW.length;
        return;
      }
    }
  }
}
