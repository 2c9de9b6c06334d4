/* Draws the add-in's icons (a check mark on the administrative blue) as PNGs, with no dependency:
 * `node scripts/make-icons.js` → assets/icons/icon-{16,32,64,80,128}.png. */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const BLUE = [0x1f, 0x4e, 0x79];
const GOLD = [0xf2, 0xc2, 0x2e];

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Coverage of shapes at a point in unit coordinates: 0 outside, 1 rounded square, 2 check mark, 3 star. */
function shape(u, v) {
  const r = 0.18;
  const qx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
  const qy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
  if (Math.hypot(qx, qy) > r) return 0;
  const w = 0.085;
  const check = Math.min(distToSegment(u, v, 0.24, 0.53, 0.43, 0.72), distToSegment(u, v, 0.43, 0.72, 0.78, 0.3));
  if (check < w) return 2;
  if (Math.hypot(u - 0.78, v - 0.76) < 0.09) return 3;
  return 1;
}

function icon(size) {
  const ss = 4;
  return png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < ss; i++) {
      for (let j = 0; j < ss; j++) {
        const s = shape((x + (i + 0.5) / ss) / size, (y + (j + 0.5) / ss) / size);
        if (s === 0) continue;
        const c = s === 2 ? [255, 255, 255] : s === 3 ? GOLD : BLUE;
        acc[0] += c[0];
        acc[1] += c[1];
        acc[2] += c[2];
        acc[3] += 1;
      }
    }
    if (acc[3] === 0) return [0, 0, 0, 0];
    return [
      Math.round(acc[0] / acc[3]),
      Math.round(acc[1] / acc[3]),
      Math.round(acc[2] / acc[3]),
      Math.round((255 * acc[3]) / (ss * ss)),
    ];
  });
}

const out = path.join(__dirname, '..', 'assets', 'icons');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
console.log(`icons written to ${out}`);
