/**
 * A package's parts written again as a zip the way other writers lay it out, byte by byte (fflate
 * cannot): ZIP64 extra fields and end records on a small file (Apache POI / commons-compress with
 * Zip64Mode.Always, .NET when streaming), data descriptors after the data, a comment.
 */
import { deflateRawSync } from 'node:zlib';

export interface ZipQuirks {
  /** Sizes and offsets in the central directory as 0xFFFFFFFF, kept in a ZIP64 extra field. */
  readonly zip64Central?: boolean;
  /** A ZIP64 end record and locator; with `zip64Central`, the end record's fields all 0xFFFF… */
  readonly zip64End?: boolean;
  /** General purpose bit 3: zeros in the local header, a data descriptor after the data. */
  readonly dataDescriptor?: boolean;
  readonly comment?: string;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Little-endian fields: [value, bytes] pairs. */
function le(...fields: Array<[number, 2 | 4 | 8]>): Buffer {
  const out = Buffer.alloc(fields.reduce((n, [, w]) => n + w, 0));
  let at = 0;
  for (const [v, w] of fields) {
    if (w === 8) out.writeBigUInt64LE(BigInt(v), at);
    else if (w === 4) out.writeUInt32LE(v >>> 0, at);
    else out.writeUInt16LE(v, at);
    at += w;
  }
  return out;
}

const FF = 0xffffffff;

export function rezip(parts: Readonly<Record<string, Uint8Array>>, q: ZipQuirks = {}): Uint8Array {
  const body: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let n = 0;
  for (const [name, data] of Object.entries(parts)) {
    const bname = Buffer.from(name, 'utf8');
    const comp = deflateRawSync(data);
    const crc = crc32(data);
    const flags = (q.dataDescriptor ? 8 : 0) | 0x800;
    const dd = q.dataDescriptor === true;
    const local = Buffer.concat([
      le([0x04034b50, 4], [45, 2], [flags, 2], [8, 2], [0, 2], [0x21, 2]),
      le([dd ? 0 : crc, 4], [dd ? 0 : comp.length, 4], [dd ? 0 : data.length, 4], [bname.length, 2], [0, 2]),
      bname,
      comp,
      dd ? le([0x08074b50, 4], [crc, 4], [comp.length, 4], [data.length, 4]) : Buffer.alloc(0),
    ]);
    const z64 = q.zip64Central === true;
    const extra = z64 ? le([1, 2], [24, 2], [data.length, 8], [comp.length, 8], [offset, 8]) : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        le([0x02014b50, 4], [45, 2], [45, 2], [flags, 2], [8, 2], [0, 2], [0x21, 2], [crc, 4]),
        le([z64 ? FF : comp.length, 4], [z64 ? FF : data.length, 4], [bname.length, 2], [extra.length, 2]),
        le([0, 2], [0, 2], [0, 2], [0, 4], [z64 ? FF : offset, 4]),
        bname,
        extra,
      ]),
    );
    body.push(local);
    offset += local.length;
    n++;
  }
  const dir = Buffer.concat(central);
  const tail: Buffer[] = [];
  const all = q.zip64End === true && q.zip64Central === true;
  if (q.zip64End) {
    const record = offset + dir.length;
    tail.push(le([0x06064b50, 4], [44, 8], [45, 2], [45, 2], [0, 4], [0, 4], [n, 8], [n, 8], [dir.length, 8], [offset, 8]));
    tail.push(le([0x07064b50, 4], [0, 4], [record, 8], [1, 4]));
  }
  const comment = Buffer.from(q.comment ?? '', 'utf8');
  tail.push(
    le([0x06054b50, 4], [0, 2], [0, 2], [all ? 0xffff : n, 2], [all ? 0xffff : n, 2]),
    le([all ? FF : dir.length, 4], [all ? FF : offset, 4], [comment.length, 2]),
    comment,
  );
  return Buffer.concat([...body, dir, ...tail]);
}
