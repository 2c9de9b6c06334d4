/**
 * The reading floor, run as its own process (`node floor-child.js FILE`): read the file, inflate
 * only the sheet and shared strings parts (with the same inflater as the command line) and walk
 * their bytes once. No XML is understood and nothing is kept: no reader of this file can do less.
 */
import { readFileSync } from 'node:fs';
import { zlibInflate } from '../../src/xlsx/file';
import { openZip } from '../../src/xlsx/zip';

export function floorRead(file: string): { bytes: number; sum: number } {
  const zip = openZip(readFileSync(file), undefined, zlibInflate);
  let bytes = 0;
  let sum = 0;
  for (const name of zip.names) {
    if (!/^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/i.test(name)) continue;
    const data = zip.read(name) as Uint8Array;
    for (let i = 0; i < data.length; i++) sum = (sum + data[i]) | 0;
    bytes += data.length;
  }
  return { bytes, sum };
}

if (require.main === module) {
  const r = floorRead(process.argv[2]);
  process.stdout.write(`${r.bytes} ${r.sum}\n`);
}
