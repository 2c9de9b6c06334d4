/**
 * The zip layer of the .xlsx reader: the archive's central directory read from the bytes, and one
 * entry at a time inflated by the inflater the caller gives (fflate-inflate.ts in the browser, Node's
 * zlib in the command line: src/xlsx/file.ts), counting what comes out so that a
 * part inflating beyond a cap (or beyond a compression ratio no real XML reaches) is refused
 * before it fills memory. Pure: Uint8Array in, Uint8Array out; runs in Node and the browser.
 *
 *   const zip = openZip(bytes, limits);   // throws ZipProblem on a damaged archive
 *   zip.has('xl/workbook.xml');  zip.read('xl/workbook.xml');  // Uint8Array | null
 */
export interface ZipLimits {
  /** Most bytes one entry may inflate to. */
  readonly maxEntryBytes: number;
  /** Most bytes all entries read may inflate to together. */
  readonly maxTotalBytes: number;
  /** Most inflated bytes per compressed byte, checked once an entry passes `ratioFrom` bytes. */
  readonly maxRatio: number;
  readonly ratioFrom: number;
}

/**
 * Inflates raw DEFLATE data; throws InflateLimit when the output would pass `maxBytes`. fflate's
 * streaming Inflate works in Node and the browser (fflate-inflate.ts); Node's native zlib is about
 * twice as fast (src/xlsx/file.ts).
 */
export type RawInflate = (data: Uint8Array, maxBytes: number, sizeHint: number) => Uint8Array;

export class InflateLimit extends Error {
  constructor() {
    super('inflate limit');
    this.name = 'InflateLimit';
  }
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntryBytes: 2 ** 30,
  maxTotalBytes: 2 ** 31,
  maxRatio: 200,
  ratioFrom: 8 * 2 ** 20,
};

/** Why an archive or an entry cannot be read: 'corrupt' (damaged) or 'too_large' (over a limit). */
export class ZipProblem extends Error {
  constructor(
    readonly kind: 'corrupt' | 'too_large' | 'encrypted',
    message: string,
  ) {
    super(message);
    this.name = 'ZipProblem';
  }
}

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The entry's inflated bytes, or null when there is no such entry. */
  read(name: string): Uint8Array | null;
  /**
   * An entry's compressed bytes, checked against the limits (for a caller that inflates it
   * itself, streaming: src/xlsx/sheet-stream.ts), or null when there is no such entry.
   */
  entry(name: string): CheckedEntry | null;
  /** The entry inflated whole with `inflate` (counted in the total, like `read`). */
  inflate(entry: CheckedEntry, inflate: RawInflate): Uint8Array;
  /** Counts bytes a caller inflated itself towards the archive's total. */
  account(bytes: number): void;
}

export interface CheckedEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  /** The compressed (or stored) bytes. */
  readonly data: Uint8Array;
  /** The inflated size the directory declares (checked against `max`). */
  readonly size: number;
  /** Most bytes it may inflate to: the cap, the ratio and what is left of the total. */
  readonly max: number;
  /** The error for an entry inflating beyond `max` (InflateLimit), naming which limit. */
  tooLarge(): ZipProblem;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;

const utf8 = new TextDecoder('utf-8');

/** Where the end of central directory record starts, or -1 (also the --out patcher's zip reader). */
export function findEndOfCentralDirectory(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  // The record whose comment ends the file; failing that (bytes appended after the zip), the last
  // signature. A comment may itself hold the signature: the last one is then not the record.
  let last = -1;
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b || b[i + 2] !== 0x05 || b[i + 3] !== 0x06) continue;
    if (i + 22 + u16(b, i + 20) === b.length) return i;
    if (last < 0) last = i;
  }
  return last;
}

function mib(n: number): string {
  return n >= 2 ** 30 ? `${(n / 2 ** 30).toFixed(n % 2 ** 30 ? 1 : 0)} GiB` : `${Math.round(n / 2 ** 20)} MiB`;
}

/** A 64-bit little-endian number; beyond 2^53 (no file this reader takes is that big) → -1. */
function u64(b: Uint8Array, i: number): number {
  const high = u32(b, i + 4);
  return high >= 0x200000 ? -1 : high * 0x100000000 + u32(b, i);
}

/**
 * Where the central directory starts and how many entries it has. A ZIP64 archive (which some
 * writers emit for any file: Apache POI and commons-compress with Zip64Mode.Always, .NET when
 * streaming) marks the fields of the end record 0xFFFF / 0xFFFFFFFF and keeps them in the ZIP64
 * end record that its locator, just before the end record, points at.
 */
function centralDirectory(b: Uint8Array, eocd: number): { count: number; offset: number } {
  const count = u16(b, eocd + 10);
  const offset = u32(b, eocd + 16);
  const marked = count === 0xffff || u32(b, eocd + 12) === 0xffffffff || offset === 0xffffffff;
  const locator = eocd - 20;
  if (!marked || locator < 0 || u32(b, locator) !== 0x07064b50) return { count, offset };
  const record = u64(b, locator + 8);
  const damaged = new ZipProblem('corrupt', 'ZIP64 end record damaged');
  if (record < 0 || record + 56 > locator || u32(b, record) !== 0x06064b50) throw damaged;
  const z64 = { count: u64(b, record + 32), offset: u64(b, record + 48) };
  if (z64.count < 0 || z64.offset < 0) throw damaged;
  return z64;
}

/**
 * The sizes and offset of a central directory entry: a field marked 0xFFFFFFFF is in the entry's
 * ZIP64 extra field (id 1), which holds only the marked ones, in this order.
 */
function entrySizes(
  b: Uint8Array,
  p: number,
  extraStart: number,
  extraEnd: number,
): Pick<Entry, 'size' | 'compressedSize' | 'localOffset'> {
  const fields = [u32(b, p + 24), u32(b, p + 20), u32(b, p + 42)];
  if (!fields.includes(0xffffffff)) return { size: fields[0], compressedSize: fields[1], localOffset: fields[2] };
  for (let q = extraStart; q + 4 <= extraEnd; q += 4 + u16(b, q + 2)) {
    if (u16(b, q) !== 1) continue;
    let at = q + 4;
    const end = Math.min(extraEnd, at + u16(b, q + 2));
    for (let i = 0; i < fields.length; i++) {
      if (fields[i] !== 0xffffffff) continue;
      if (at + 8 > end) break;
      fields[i] = u64(b, at);
      at += 8;
    }
    break;
  }
  if (fields.some((f) => f < 0 || f === 0xffffffff)) throw new ZipProblem('corrupt', 'zip directory damaged (ZIP64 sizes)');
  return { size: fields[0], compressedSize: fields[1], localOffset: fields[2] };
}

/**
 * A part's name as it is looked up: case-insensitive (ECMA-376 Part 2 §9.1.1.1.2) and
 * percent-decoded, since a package keeps a non-ASCII name percent-encoded in the zip ("b%E1%BA%A3ng.xml")
 * while its relationship may write it as it reads ("bảng.xml"), and some writers do the opposite.
 */
function partKey(name: string): string {
  let key = name;
  if (name.includes('%')) {
    try {
      key = decodeURIComponent(name);
    } catch {
      // "100%.xml": not percent-encoded, looked up as it is.
    }
  }
  return key.toLowerCase();
}

/** Reads the central directory; entries are inflated only when read. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS, inflate: RawInflate): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw new ZipProblem('corrupt', 'zip directory missing (file cut off?)');
  const { count, offset: dirOffset } = centralDirectory(bytes, eocd);
  const entries = new Map<string, Entry>();
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw new ZipProblem('corrupt', 'zip directory damaged');
    const flags = u16(bytes, p + 8);
    const nameLength = u16(bytes, p + 28);
    const extraStart = p + 46 + nameLength;
    const entry: Entry = {
      name: utf8.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: u16(bytes, p + 10),
      ...entrySizes(bytes, p, extraStart, Math.min(bytes.length, extraStart + u16(bytes, p + 30))),
    };
    if (flags & 1) throw new ZipProblem('encrypted', `${entry.name} is encrypted`);
    entries.set(partKey(entry.name), entry);
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  let total = 0;
  const account = (n: number) => {
    total += n;
    if (total > limits.maxTotalBytes) throw new ZipProblem('too_large', `> ${mib(limits.maxTotalBytes)}`);
  };
  const archive: ZipArchive = {
    names: [...entries.values()].map((e) => e.name),
    has: (name) => entries.has(partKey(name)),
    entry(name) {
      const e = entries.get(partKey(name));
      return e ? checkEntry(bytes, e, limits, limits.maxTotalBytes - total) : null;
    },
    inflate(entry, inflater) {
      const out = inflateChecked(entry, inflater);
      account(out.length);
      return out;
    },
    account,
    read(name) {
      const e = archive.entry(name);
      return e ? archive.inflate(e, inflate) : null;
    },
  };
  return archive;
}

function inflateChecked(e: CheckedEntry, inflate: RawInflate): Uint8Array {
  if (e.method === 0) return e.data;
  try {
    return inflate(e.data, e.max, e.size);
  } catch (err) {
    if (err instanceof InflateLimit) throw e.tooLarge();
    throw new ZipProblem('corrupt', `${e.name}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function checkEntry(bytes: Uint8Array, e: Entry, limits: ZipLimits, budget: number): CheckedEntry {
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) throw new ZipProblem('corrupt', `${e.name}: entry missing`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw new ZipProblem('corrupt', `${e.name}: cut off`);
  const data = bytes.subarray(start, end);
  const cap = Math.min(limits.maxEntryBytes, budget);
  const byRatio = Math.max(limits.ratioFrom, limits.maxRatio * e.compressedSize);
  const max = Math.min(cap, byRatio);
  const tooLarge = () =>
    new ZipProblem('too_large', max === cap ? `${e.name} > ${mib(limits.maxEntryBytes)}` : `${e.name} > 1:${limits.maxRatio}`);
  if (e.size > max) throw tooLarge();
  if (e.method !== 0 && e.method !== 8) throw new ZipProblem('corrupt', `${e.name}: compression method ${e.method}`);
  return { name: e.name, method: e.method, data, size: e.size, max, tooLarge };
}
