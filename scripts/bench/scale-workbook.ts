/**
 * A big bench workbook made from the bench's own: the staff sheet's data block (its first to last
 * numbered row, group rows between them included) written `factor` times, one copy after another,
 * rows renumbered, the rows under the list (total, note) moved down; every other part copied as
 * it is. The result has the same layout, styles and shared strings as the workbook it came from —
 * only longer — and is written streaming (fflate's Zip), so 500,000 staff take seconds and little
 * memory, where exceljs needs many minutes and gigabytes.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync } from 'fflate';

/** Row elements of a worksheet's sheetData: [start, end) offsets of each `<row …>…</row>`. */
function rowSpans(xml: string): Array<{ start: number; end: number; first: string }> {
  const spans: Array<{ start: number; end: number; first: string }> = [];
  let at = xml.indexOf('<row ');
  while (at >= 0) {
    const close = xml.indexOf('</row>', at);
    const selfEnd = xml.indexOf('/>', at);
    const gt = xml.indexOf('>', at);
    const end = selfEnd >= 0 && selfEnd + 1 === gt ? gt + 1 : close + 6;
    spans.push({ start: at, end, first: xml.slice(gt + 1, Math.min(end, gt + 80)) });
    at = xml.indexOf('<row ', end);
  }
  return spans;
}

/** A data row: its first cell is column A holding a plain number (the STT). */
const NUMBERED = /^<c r="A\d+"(?: s="\d+")?><v>\d+<\/v><\/c>/;

/** Rows and cell references moved down by `by` rows. */
function shifted(xml: string, by: number): string {
  return xml.replace(/(<row r="|<c r="[A-Z]{1,3})(\d+)"/g, (_m, head: string, n: string) => `${head}${Number(n) + by}"`);
}

export interface ScaledWorkbook {
  /** Data rows (numbered rows) in the big staff sheet. */
  readonly staffRows: number;
  readonly sheetPart: string;
  readonly bytes: number;
}

/**
 * Writes to `outFile` the workbook `xlsx` with its staff sheet (the biggest worksheet part) grown
 * `factor` times. Throws when the sheet has no numbered rows.
 */
export function scaleStaffSheet(xlsx: Uint8Array, factor: number, outFile: string): ScaledWorkbook {
  const files = unzipSync(xlsx);
  const sheetPart = Object.keys(files)
    .filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))
    .sort((a, b) => files[b].length - files[a].length)[0];
  const xml = strFromU8(files[sheetPart]);
  const spans = rowSpans(xml);
  const numbered = spans.map((s, i) => (NUMBERED.test(s.first) ? i : -1)).filter((i) => i >= 0);
  if (numbered.length === 0) throw new Error(`${sheetPart}: no numbered rows to grow`);
  const firstRow = spans[numbered[0]];
  const lastRow = spans[numbered[numbered.length - 1]];
  const rowOf = (s: { start: number }) => Number(/^<row r="(\d+)"/.exec(xml.slice(s.start, s.start + 20))?.[1]);
  const blockRows = rowOf(lastRow) - rowOf(firstRow) + 1;
  const block = xml.slice(firstRow.start, lastRow.end);
  const head = xml.slice(0, firstRow.start);
  const tail = xml.slice(lastRow.end);
  const grow = (factor - 1) * blockRows;
  const lastSheetRow = rowOf(spans[spans.length - 1]) + grow;

  const fd = openSync(outFile, 'w');
  let bytes = 0;
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
    bytes += chunk.length;
  });
  try {
    for (const [name, data] of Object.entries(files)) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      if (name !== sheetPart) {
        entry.push(data, true);
        continue;
      }
      entry.push(strToU8(head.replace(/<dimension ref="([A-Z]+\d+:[A-Z]+)\d+"/, `<dimension ref="$1${lastSheetRow}"`)));
      entry.push(strToU8(block));
      for (let k = 1; k < factor; k++) entry.push(strToU8(shifted(block, k * blockRows)));
      entry.push(strToU8(shifted(tail, grow)), true);
    }
    zip.end();
  } finally {
    closeSync(fd);
  }
  return { staffRows: numbered.length * factor, sheetPart, bytes };
}
