/**
 * fflate as the zip layer's inflater (zip.ts RawInflate): pure JavaScript, so the browser preview
 * and the synchronous reader (read-xlsx.ts) can use it. Its own module so that the command line,
 * which inflates with Node's zlib (src/xlsx/file.ts), never loads fflate (~12 ms of its start).
 */
import { Inflate } from 'fflate';
import { concatBytes } from './bytes';
import { InflateLimit } from './zip';

/** fflate's streaming Inflate, fed 64 KiB at a time, stopped as soon as the output passes `maxBytes`. */
export function fflateInflate(data: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > maxBytes) throw new InflateLimit();
    chunks.push(chunk);
    if (final) ended = true;
  });
  const STEP = 1 << 16;
  for (let i = 0; i < data.length; i += STEP)
    inflate.push(data.subarray(i, Math.min(i + STEP, data.length)), i + STEP >= data.length);
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  if (!ended) throw new Error('cut off');
  return chunks.length === 1 ? chunks[0] : concatBytes(chunks);
}
