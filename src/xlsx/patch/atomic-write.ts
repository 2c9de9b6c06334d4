/**
 * Writing a file so that it is either all there or not there at all: the bytes go to a temporary
 * file in the destination's folder, are flushed to disk (fsync), then the temporary file is
 * renamed over the destination. On any failure the temporary file is removed and the destination
 * is as it was. Without `force`, an existing destination is never replaced (even one that appears
 * while writing).
 */
import * as nodeFs from 'node:fs';
import path from 'node:path';
import { ByteSink } from './zip';

/** The file-system calls used, so tests can make any of them fail. */
export interface AtomicFs {
  openSync(file: string, flags: string, mode?: number): number;
  writeSync(fd: number, data: Uint8Array): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(file: string): void;
  existsSync(file: string): boolean;
}

export const NODE_FS: AtomicFs = nodeFs;

/** The destination exists and `force` was not given. */
export class OutExistsError extends Error {
  /** As Node's own "file exists" errors, for callers that test the code. */
  readonly code = 'EEXIST';
  constructor(readonly file: string) {
    super(`${file} exists`);
    this.name = 'OutExistsError';
  }
}

const BUFFER = 1 << 20;

/** A sink that writes through a buffer to a file descriptor (every byte, short writes retried). */
class FdSink implements ByteSink {
  private readonly buf = Buffer.allocUnsafe(BUFFER);
  private used = 0;

  constructor(
    private readonly fs: AtomicFs,
    private readonly fd: number,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.used + chunk.length > BUFFER) this.flush();
    if (chunk.length >= BUFFER) return this.all(chunk);
    this.buf.set(chunk, this.used);
    this.used += chunk.length;
  }

  flush(): void {
    if (this.used === 0) return;
    const data = this.buf.subarray(0, this.used);
    this.used = 0;
    this.all(data);
  }

  private all(data: Uint8Array): void {
    let at = 0;
    while (at < data.length) {
      const n = this.fs.writeSync(this.fd, data.subarray(at));
      if (n <= 0) throw Object.assign(new Error('write made no progress'), { code: 'EIO' });
      at += n;
    }
  }
}

function tempName(out: string): string {
  const rnd = Math.random().toString(36).slice(2, 10);
  return path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${rnd}.tmp`);
}

/**
 * Writes `out` atomically with `write`, which gets a sink for the bytes. Errors from the file
 * system keep their `code` (EACCES, ENOSPC …); an existing `out` without `force` is OutExistsError.
 */
export function writeAtomically(out: string, force: boolean, write: (sink: ByteSink) => void, fs: AtomicFs = NODE_FS): void {
  if (!force && fs.existsSync(out)) throw new OutExistsError(out);
  const temp = tempName(out);
  const fd = fs.openSync(temp, 'wx', 0o644);
  let open = true;
  try {
    const sink = new FdSink(fs, fd);
    write(sink);
    sink.flush();
    fs.fsyncSync(fd);
    open = false;
    fs.closeSync(fd);
    if (force) fs.renameSync(temp, out);
    else {
      // A hard link fails if `out` appeared meanwhile; file systems without links get a last check and a rename.
      let linked = false;
      try {
        fs.linkSync(temp, out);
        linked = true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST' || fs.existsSync(out)) throw new OutExistsError(out);
        fs.renameSync(temp, out);
      }
      if (linked) removeQuietly(temp, fs);
    }
  } catch (e) {
    if (open) {
      try {
        fs.closeSync(fd);
      } catch {
        // already failing: the first error is the one to report
      }
    }
    try {
      if (fs.existsSync(temp)) fs.unlinkSync(temp);
    } catch {
      // nothing more can be done; the temporary name starts with "." and ends with ".tmp"
    }
    throw e;
  }
  syncFolder(path.dirname(out), fs);
}

function removeQuietly(file: string, fs: AtomicFs): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // the copy is in place; a leftover second name of it is harmless
  }
}

/** Makes the rename itself durable (where the platform allows opening a folder). */
function syncFolder(dir: string, fs: AtomicFs): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows and some file systems cannot fsync a folder: the data itself is already on disk.
  }
}
