/**
 * readAll (src/cli/files.ts): the next file's bytes are fetched while a file is read — one file
 * ahead at most — and the results keep the order given, failures beside the others; with
 * `strict`, the first failure stops everything and no later file is read.
 */
import { readAll } from '../../src/cli/files';
import { Dataset } from '../../src/engine';

const dataset = {} as Dataset;

/** A fetch that waits on a timer (the disk) and a log of what happened in which order. */
function world(bad: ReadonlySet<string>) {
  const log: string[] = [];
  let fetching = 0;
  let most = 0;
  const fetch = (file: string) => {
    log.push(`fetch ${file}`);
    fetching++;
    most = Math.max(most, fetching);
    return new Promise<string>((resolve, reject) =>
      setTimeout(() => {
        fetching--;
        if (bad.has(`fetch ${file}`)) reject(new Error(`no ${file}`));
        else resolve(`bytes of ${file}`);
      }, 5),
    );
  };
  const read = async (file: string, bytes: string) => {
    log.push(`read ${file}`);
    if (bad.has(`read ${file}`)) throw new Error(`bad ${file}`);
    await new Promise((r) => setTimeout(r, 5));
    return { dataset, bytes };
  };
  const describe = (e: unknown) => ({ vi: String(e), en: String(e) });
  return { log, fetch, read, describe, most: () => most };
}

test('the next file is fetched while one is read, one ahead at most; results in order', async () => {
  const w = world(new Set(['fetch b', 'read c']));
  const { read, failed } = await readAll(['a', 'b', 'c', 'd'], w.fetch, w.read, w.describe, false);
  expect(read.map((r) => [r.file, r.bytes])).toEqual([
    ['a', 'bytes of a'],
    ['d', 'bytes of d'],
  ]);
  expect(failed.map((f) => [f.file, f.reason.en])).toEqual([
    ['b', 'Error: no b'],
    ['c', 'Error: bad c'],
  ]);
  // b's bytes are asked for before a is read; d's not before c's turn.
  expect(w.log.indexOf('fetch b')).toBeLessThan(w.log.indexOf('read a'));
  expect(w.log.indexOf('fetch d')).toBeGreaterThan(w.log.indexOf('fetch c'));
  expect(w.log.indexOf('fetch d')).toBeLessThan(w.log.indexOf('read c'));
  expect(w.most()).toBe(2);
});

test('strict: the first unreadable file stops everything, and no later file is read', async () => {
  const w = world(new Set(['read b']));
  await expect(readAll(['a', 'b', 'c', 'd'], w.fetch, w.read, w.describe, true)).rejects.toThrow('bad b');
  await new Promise((r) => setTimeout(r, 20));
  expect(w.log.filter((l) => l.startsWith('read'))).toEqual(['read a', 'read b']);
  expect(w.log).not.toContain('fetch d');
});

test('a failed fetch ahead is no unhandled rejection when a stop comes first', async () => {
  const w = world(new Set(['read a', 'fetch b']));
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    await expect(readAll(['a', 'b'], w.fetch, w.read, w.describe, true)).rejects.toThrow('bad a');
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  expect(unhandled).toEqual([]);
});
