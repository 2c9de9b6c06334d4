/**
 * The .xlsx reader's only contact with the file system (Node): reads a workbook file's bytes
 * safely — a folder, a pipe or a device is refused before it is opened for reading (a FIFO would
 * block forever), the size is taken once and compared after reading (a file being saved while read
 * is reported, not half-read) — and hands them to the pure reader.
 */
import { constants, promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { WorkbookFileError } from './errors';
import { StreamOptions, readSheetPart } from './sheet-stream';
import { ReadXlsxOptions, XlsxBook, readXlsxWith } from './workbook-read';
import { InflateLimit, RawInflate } from './zip';

/** Node's native zlib as the reader's inflater, bounded by `maxOutputLength`. */
export const zlibInflate: RawInflate = (data, maxBytes, sizeHint) => {
  try {
    // One output chunk of the size the zip directory declares, so the output is not copied into
    // one buffer at the end (Node returns a lone chunk as it is). The declared size may lie, but
    // never beyond `maxBytes`: zip.ts refuses a declared size over the cap and the ratio first.
    const chunkSize = Math.max(64 * 1024, Math.min(sizeHint + 1, maxBytes + 1));
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimit();
    throw e;
  }
};

/** Most bytes of a workbook file (the zip itself; its parts have their own caps). */
export const MAX_FILE_BYTES = 2 ** 30;

export async function readWorkbookBytes(file: string, name: string = file): Promise<Buffer> {
  let handle: fs.FileHandle | null = null;
  try {
    const st = await fs.stat(file);
    if (st.isDirectory()) throw new WorkbookFileError('is_directory', name);
    if (!st.isFile()) throw new WorkbookFileError('not_regular', name);
    // O_NONBLOCK: should the path have become a pipe since, opening it does not wait for a writer.
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const before = await handle.stat();
    if (!before.isFile()) throw new WorkbookFileError('not_regular', name);
    if (before.size > MAX_FILE_BYTES) throw new WorkbookFileError('too_large', name, `> ${MAX_FILE_BYTES / 2 ** 30} GiB`);
    const buf = Buffer.allocUnsafe(before.size);
    let at = 0;
    while (at < buf.length) {
      const { bytesRead } = await handle.read(buf, at, buf.length - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    const after = await handle.stat();
    const extra = await handle.read(Buffer.alloc(1), 0, 1, before.size);
    if (at !== before.size || after.size !== before.size || after.mtimeMs !== before.mtimeMs || extra.bytesRead !== 0)
      throw new WorkbookFileError('changed', name);
    return buf;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new WorkbookFileError('not_found', name);
    if (code === 'EISDIR') throw new WorkbookFileError('is_directory', name);
    throw new WorkbookFileError('unreadable', name, code ?? String(e));
  } finally {
    await handle?.close();
  }
}

/**
 * Reads an .xlsx file into the grid; `name` is how messages call the file (as the user wrote it).
 * Big worksheet parts are read while they are inflated (sheet-stream.ts).
 */
export async function readXlsxFile(file: string, options: ReadXlsxOptions = {}): Promise<XlsxBook> {
  const name = options.name ?? file;
  const bytes = await readWorkbookBytes(file, name);
  return readXlsxBytes(bytes, { ...options, name });
}

/**
 * readXlsx with Node's zlib, big worksheet parts streamed (`stream`: when and in what chunks; the
 * tests stream every part, in small chunks).
 */
export function readXlsxBytes(bytes: Uint8Array, options: ReadXlsxOptions = {}, stream?: StreamOptions): Promise<XlsxBook> {
  const inflate = options.inflate ?? zlibInflate;
  return readXlsxWith(bytes, { ...options, inflate }, ({ zip, part, ctx }) => readSheetPart(zip, part, ctx, inflate, stream));
}
