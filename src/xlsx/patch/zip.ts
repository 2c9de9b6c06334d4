/**
 * The zip container of an .xlsx, read and written at the level the patcher needs: entries are
 * listed from the central directory, untouched entries are copied as their original compressed
 * bytes (never inflated), changed ones are deflated with fflate, streamed when large.
 */
import { crc32 as nodeCrc32 } from 'node:zlib';
import { Deflate, Inflate, deflateSync, inflateSync } from 'fflate';
import { findEndOfCentralDirectory } from '../zip';

export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Where the compressed bytes start in the archive. */
  readonly dataOffset: number;
  readonly time: number;
  readonly date: number;
  readonly flags: number;
}

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipFormatError';
  }
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_ENTRIES = 100_000;

function u64(b: Buffer, at: number): number {
  return Number(b.readBigUInt64LE(at));
}

/** The entries of a zip archive, in central-directory order. */
export function readZip(b: Buffer): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = b.readUInt16LE(eocd + 10);
  let cdOffset = b.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && b.readUInt32LE(eocd - 20) === EOCD64_LOCATOR) {
    const at = u64(b, eocd - 12);
    if (at + 56 > b.length) throw new ZipFormatError('bad zip64 record');
    count = u64(b, at + 32);
    cdOffset = u64(b, at + 48);
  }
  if (count > MAX_ENTRIES) throw new ZipFormatError(`too many entries (${count})`);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('bad central directory');
    const flags = b.readUInt16LE(p + 8);
    const method = b.readUInt16LE(p + 10);
    const time = b.readUInt16LE(p + 12);
    const date = b.readUInt16LE(p + 14);
    const crc = b.readUInt32LE(p + 16);
    let compressedSize = b.readUInt32LE(p + 20);
    let size = b.readUInt32LE(p + 24);
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    let local = b.readUInt32LE(p + 42);
    const name = b.subarray(p + 46, p + 46 + nameLen).toString(flags & 0x800 ? 'utf8' : 'latin1');
    // Zip64 sizes and offset, in that order, for the fields that overflowed.
    let x = p + 46 + nameLen;
    const xEnd = x + extraLen;
    while (x + 4 <= xEnd) {
      const id = b.readUInt16LE(x);
      const len = b.readUInt16LE(x + 2);
      if (id === 1) {
        let q = x + 4;
        if (size === 0xffffffff) {
          size = u64(b, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(b, q);
          q += 8;
        }
        if (local === 0xffffffff) local = u64(b, q);
      }
      x += 4 + len;
    }
    if (local + 30 > b.length || b.readUInt32LE(local) !== LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
    const dataOffset = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    if (dataOffset + compressedSize > b.length) throw new ZipFormatError(`${name} is cut off`);
    if (method !== 0 && method !== 8) throw new ZipFormatError(`${name}: compression method ${method}`);
    if (flags & 1) throw new ZipFormatError(`${name} is encrypted`);
    entries.push({ name, method, crc, compressedSize, size, dataOffset, time, date, flags });
    p = xEnd + commentLen;
  }
  return entries;
}

export function rawData(b: Buffer, e: ZipEntry): Buffer {
  return b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
}

/** Most bytes a part the patcher reads whole may hold (workbook, relationships, styles …). */
export const MAX_WHOLE_PART = 256 * 2 ** 20;

function checkInflated(e: ZipEntry, size: number, crc: number): void {
  if (size !== e.size || crc !== e.crc) throw new ZipFormatError(`${e.name} is damaged (size or checksum)`);
}

/** An entry's uncompressed bytes (for small parts), checked against its size and checksum. */
export function entryBytes(b: Buffer, e: ZipEntry): Uint8Array {
  if (e.size > MAX_WHOLE_PART) throw new ZipFormatError(`${e.name} is too large (${e.size} bytes)`);
  const raw = rawData(b, e);
  // One byte of room: a part that inflates beyond its declared size shows up as too long.
  const data = e.method === 0 ? raw : inflateSync(raw, { out: new Uint8Array(e.size + 1) });
  checkInflated(e, data.length, crc32(data));
  return data;
}

/** Feeds an entry's uncompressed bytes to `onData` in chunks, never holding the whole part; checked at the end. */
export function streamEntry(b: Buffer, e: ZipEntry, onData: (chunk: Uint8Array) => void, chunk = 1 << 16): void {
  const raw = rawData(b, e);
  let size = 0;
  let crc = 0;
  const take = (data: Uint8Array) => {
    size += data.length;
    crc = crc32(data, crc);
    onData(data);
  };
  if (e.method === 0) {
    for (let i = 0; i < raw.length; i += chunk) take(raw.subarray(i, Math.min(raw.length, i + chunk)));
  } else {
    const inflate = new Inflate((data) => take(data));
    for (let i = 0; i < raw.length; i += chunk) {
      const end = Math.min(raw.length, i + chunk);
      inflate.push(raw.subarray(i, end), end === raw.length);
    }
    if (raw.length === 0) inflate.push(new Uint8Array(0), true);
  }
  checkInflated(e, size, crc);
}

export function crc32(data: Uint8Array, prev = 0): number {
  return nodeCrc32(data, prev) >>> 0;
}

/** Where the archive's bytes go (a file, in the command line). */
export interface ByteSink {
  write(chunk: Uint8Array): void;
}

interface Written {
  readonly name: Buffer;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly time: number;
  readonly date: number;
  readonly flags: number;
}

const LIMIT = 0xffffffff;

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** Writes a zip archive entry by entry to a sink; `finish()` writes the central directory. */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly now = dosNow();

  constructor(private readonly sink: ByteSink) {}

  private put(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    this.sink.write(chunk);
    this.offset += chunk.length;
  }

  private check(): void {
    if (this.offset >= LIMIT) throw new ZipFormatError('the copy would be larger than 4 GB');
  }

  private header(name: Buffer, method: number, flags: number, time: number, date: number, crc: number, cs: number, size: number) {
    const h = Buffer.alloc(30);
    h.writeUInt32LE(LOCAL, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(flags, 6);
    h.writeUInt16LE(method, 8);
    h.writeUInt16LE(time, 10);
    h.writeUInt16LE(date, 12);
    h.writeUInt32LE(crc, 14);
    h.writeUInt32LE(cs, 18);
    h.writeUInt32LE(size, 22);
    h.writeUInt16LE(name.length, 26);
    this.put(h);
    this.put(name);
  }

  /** Copies an entry of `source` as its original compressed bytes. */
  copy(source: Buffer, e: ZipEntry): void {
    this.check();
    const name = Buffer.from(e.name, 'utf8');
    const flags = 0x800;
    const offset = this.offset;
    this.header(name, e.method, flags, e.time, e.date, e.crc, e.compressedSize, e.size);
    this.put(rawData(source, e));
    this.written.push({
      name,
      method: e.method,
      crc: e.crc,
      compressedSize: e.compressedSize,
      size: e.size,
      offset,
      time: e.time,
      date: e.date,
      flags,
    });
  }

  /** A new or changed entry from its whole content. */
  add(nameText: string, data: Uint8Array, like?: ZipEntry): void {
    this.check();
    const name = Buffer.from(nameText, 'utf8');
    const compressed = deflateSync(data, { level: 6 });
    const crc = crc32(data);
    const offset = this.offset;
    const time = like?.time ?? this.now.time;
    const date = like?.date ?? this.now.date;
    this.header(name, 8, 0x800, time, date, crc, compressed.length, data.length);
    this.put(compressed);
    this.written.push({
      name,
      method: 8,
      crc,
      compressedSize: compressed.length,
      size: data.length,
      offset,
      time,
      date,
      flags: 0x800,
    });
  }

  /**
   * A changed entry written as it is produced: `produce` gets a function to call with each piece
   * of content. The sizes follow the data (a data descriptor), so nothing is held whole.
   */
  stream(nameText: string, produce: (emit: (chunk: Uint8Array) => void) => void, like?: ZipEntry): void {
    this.check();
    const name = Buffer.from(nameText, 'utf8');
    const offset = this.offset;
    const time = like?.time ?? this.now.time;
    const date = like?.date ?? this.now.date;
    const flags = 0x808;
    this.header(name, 8, flags, time, date, 0, 0, 0);
    let crc = 0;
    let size = 0;
    const start = this.offset;
    const deflate = new Deflate({ level: 6 }, (chunk) => this.put(chunk));
    produce((chunk) => {
      if (chunk.length === 0) return;
      crc = crc32(chunk, crc);
      size += chunk.length;
      deflate.push(chunk, false);
    });
    deflate.push(new Uint8Array(0), true);
    const compressedSize = this.offset - start;
    if (size >= LIMIT || compressedSize >= LIMIT) throw new ZipFormatError(`${nameText} would be larger than 4 GB`);
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(crc, 4);
    d.writeUInt32LE(compressedSize, 8);
    d.writeUInt32LE(size, 12);
    this.put(d);
    this.written.push({ name, method: 8, crc, compressedSize, size, offset, time, date, flags });
  }

  /**
   * Writes the central directory, the entries named in `order` first in that order (the original
   * package's order), then the others as written; the archive is complete after this.
   */
  finish(order: readonly string[] = []): void {
    this.check();
    const start = this.offset;
    const rank = new Map(order.map((n, i) => [n, i]));
    const listed = this.written
      .map((w, i) => ({ w, key: rank.get(w.name.toString('utf8')) ?? order.length + i }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.w);
    for (const w of listed) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(CENTRAL, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.flags, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(w.time, 12);
      h.writeUInt16LE(w.date, 14);
      h.writeUInt32LE(w.crc, 16);
      h.writeUInt32LE(w.compressedSize, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      this.put(h);
      this.put(w.name);
    }
    const size = this.offset - start;
    if (this.written.length > 0xfffe || this.offset >= LIMIT) throw new ZipFormatError('the copy is too large for a zip file');
    const e = Buffer.alloc(22);
    e.writeUInt32LE(EOCD, 0);
    e.writeUInt16LE(this.written.length, 8);
    e.writeUInt16LE(this.written.length, 10);
    e.writeUInt32LE(size, 12);
    e.writeUInt32LE(start, 16);
    this.put(e);
  }
}
