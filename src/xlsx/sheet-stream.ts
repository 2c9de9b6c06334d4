/**
 * A worksheet part read while it is inflated (Node): Node's zlib inflates on its thread pool, one
 * chunk ahead, while this thread reads the chunk before — so the inflating costs next to no time,
 * and the part's XML is never held whole (memory grows with the cells kept, not the file). Pieces
 * are cut after a `</row>` (row-cutter.ts) and fed to the sheet reader (sheet-read.ts); a part the
 * cutting does not suit (CutUnsafe) is read again whole, so the grid is always the whole part's.
 *
 * Bounded like the whole read: the inflated size is counted against the entry's cap and ratio
 * (InflateLimit), and at most a few chunks wait to be read (the inflater is paused meanwhile).
 */
import { createInflateRaw } from 'node:zlib';
import { RowCutter } from './row-cutter';
import { CutUnsafe, SheetCells, SheetContext, sheetReader } from './sheet-read';
import { CheckedEntry, InflateLimit, RawInflate, ZipArchive, ZipProblem } from './zip';

export interface StreamOptions {
  /** Inflated bytes per chunk (and so per piece, about). */
  readonly chunk: number;
  /** Parts smaller than this are inflated whole (a stream's set-up costs more than it saves). */
  readonly streamFrom: number;
}

const DEFAULT_STREAM: StreamOptions = { chunk: 1 << 20, streamFrom: 4 << 20 };

/** Chunks that may wait to be read before the inflater is paused. */
const QUEUE = 4;

/** Reads a worksheet part of `zip`, streaming it when it is big and deflated. */
export async function readSheetPart(
  zip: ZipArchive,
  part: string,
  ctx: SheetContext,
  inflateWhole: RawInflate,
  options: StreamOptions = DEFAULT_STREAM,
): Promise<SheetCells> {
  const entry = zip.entry(part);
  if (entry === null) throw new Error(`${part}: entry missing`);
  const cellsBefore = ctx.budget.cells;
  if (entry.method === 8 && entry.size >= options.streamFrom) {
    try {
      const { cells, inflated } = await streamed(entry, ctx, options.chunk);
      zip.account(inflated);
      return cells;
    } catch (e) {
      if (e instanceof InflateLimit) throw entry.tooLarge();
      if (!(e instanceof CutUnsafe)) throw e;
      // Read again, whole: the cells kept so far are given back to the budget.
      ctx.budget.cells = cellsBefore;
    }
  }
  const reader = sheetReader(ctx);
  reader.feed(zip.inflate(entry, inflateWhole), true);
  return reader.finish();
}

function streamed(entry: CheckedEntry, ctx: SheetContext, chunkSize: number): Promise<{ cells: SheetCells; inflated: number }> {
  const maxBytes = entry.max;
  return new Promise((resolve, reject) => {
    const reader = sheetReader(ctx);
    const cutter = new RowCutter(chunkSize);
    const inflater = createInflateRaw({ chunkSize });
    const queue: Buffer[] = [];
    let inflated = 0;
    let draining = false;
    let done = false;
    const fail = (e: unknown) => {
      if (done) return;
      done = true;
      inflater.destroy();
      reject(e);
    };
    // Read what waits — after the inflater has been given its next chunk to work on.
    const drain = () => {
      draining = false;
      if (done) return;
      try {
        for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
          for (const piece of cutter.push(chunk)) reader.feed(piece, false);
        }
      } catch (e) {
        fail(e);
        return;
      }
      if (inflater.isPaused()) inflater.resume();
    };
    inflater.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > maxBytes) {
        fail(new InflateLimit());
        return;
      }
      queue.push(chunk);
      if (queue.length >= QUEUE) inflater.pause();
      if (!draining) {
        draining = true;
        queueMicrotask(drain);
      }
    });
    inflater.on('end', () => {
      drain();
      if (done) return;
      try {
        reader.feed(cutter.rest(), true);
        done = true;
        resolve({ cells: reader.finish(), inflated });
      } catch (e) {
        fail(e);
      }
    });
    inflater.on('error', (e) => fail(new ZipProblem('corrupt', `${entry.name}: ${e.message}`)));
    inflater.end(entry.data);
  });
}
