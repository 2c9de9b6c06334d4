/**
 * Writing an output file so that no reader ever sees half of it and nothing is overwritten by
 * accident: the bytes go to a temporary file in the same folder, then take the final name in one
 * step. Without `force`, a hard link claims the name (it fails if the name exists, with no window
 * between checking and writing); with `force`, a rename replaces the old file.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The output exists and `force` was not given. */
export class OutputExistsError extends Error {
  constructor(readonly file: string) {
    super(`${file} exists`);
    this.name = 'OutputExistsError';
  }
}

export async function writeFileAtomic(file: string, bytes: Uint8Array, options: { force: boolean }): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(temp, bytes, { flag: 'wx' });
  try {
    if (options.force) {
      await fs.rename(temp, file);
      return;
    }
    try {
      await fs.link(temp, file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw new OutputExistsError(file);
      // A file system without hard links: check, then rename (a small window, but no data lost).
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
      if (
        await fs.stat(file).then(
          () => true,
          () => false,
        )
      )
        throw new OutputExistsError(file);
      await fs.rename(temp, file);
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}
