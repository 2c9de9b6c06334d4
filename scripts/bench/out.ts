/**
 * `--out` by patching the package (src/xlsx/patch): on the bench workbook against the evaluation
 * alone, with 20,000 merged areas added, and (with --big-out) a staff sheet of 1,048,576 rows run by
 * the command line in a fresh process, with its peak memory.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Zip, ZipDeflate, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { writeAtomically } from '../../src/xlsx/patch/atomic-write';
import { readRels, readWorkbook, resolveTarget } from '../../src/xlsx/patch/bookkeeping';
import { writePatchedCopy } from '../../src/xlsx/patch/package';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { BenchRow, BenchSection, statsOf } from './harness';

function evaluateOnly(bytes: Buffer, year: number) {
  const grid = readXlsx(bytes, { name: 'bench.xlsx' }).grid;
  const dataset = readDataset(grid);
  return { grid, dataset, evaluation: evaluate(dataset, HCMC_PLAN, { year, inclusive: false }) };
}

function copy(bytes: Buffer, read: ReturnType<typeof evaluateOnly>, out: string): number {
  const { grid, dataset, evaluation } = read;
  writeAtomically(out, true, (sink) =>
    writePatchedCopy(bytes, grid, dataset, evaluation, { lang: 'vi', source: 'bench.xlsx' }, sink),
  );
  return statSync(out).size;
}

/** Read + evaluate, then the copy, timed apart; the variants interleaved so that load on the machine hits them alike. */
function timeRuns(books: readonly Buffer[], year: number, out: string, runs: number, warmup: number) {
  const evals: number[][] = books.map(() => []);
  const copies: number[][] = books.map(() => []);
  let size = 0;
  for (let i = 0; i < warmup + runs; i++) {
    books.forEach((b, k) => {
      const t0 = performance.now();
      const read = evaluateOnly(b, year);
      const t1 = performance.now();
      size = copy(b, read, out);
      const t2 = performance.now();
      if (i >= warmup) {
        evals[k].push(t1 - t0);
        copies[k].push(t2 - t1);
      }
    });
  }
  return {
    evals: evals.map(statsOf),
    copies: copies.map(statsOf),
    totals: evals.map((e, k) => statsOf(e.map((x, j) => x + copies[k][j]))),
    size,
  };
}

/** The workbook with `n` two-cell merged areas on its staff sheet (an empty column, so the figures stay the same). */
function withMerges(bytes: Buffer, n: number): Buffer {
  const files = unzipSync(new Uint8Array(bytes));
  const info = readWorkbook(files['xl/workbook.xml']);
  const rels = readRels(files['xl/_rels/workbook.xml.rels']);
  const staff = info.sheets.find((s) => /cán bộ|cbccvc|staff/i.test(s.name)) ?? info.sheets[1];
  const part = resolveTarget('xl/workbook.xml', rels.find((r) => r.id === staff.relId)?.target ?? '');
  let xml = strFromU8(files[part]);
  const merges = Array.from({ length: n }, (_, i) => `<mergeCell ref="AZ${2 * i + 2}:AZ${2 * i + 3}"/>`).join('');
  xml = xml.replace(/<mergeCells[^>]*>.*?<\/mergeCells>|<mergeCells[^>]*\/>/s, '');
  xml = xml.replace('</sheetData>', `</sheetData><mergeCells count="${n}">${merges}</mergeCells>`);
  files[part] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

const STAFF_HEADERS = [
  'STT',
  'Họ và tên',
  'Đơn vị',
  'Chức vụ',
  'Lãnh đạo',
  'Làm công tác CCHC',
  'Bồi dưỡng CCHC',
  'Được cung cấp kiến thức, kỹ năng',
  'Tiếp cận tài liệu điện tử',
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * An .xlsx whose staff sheet fills every row Excel has (1,048,576: a header and 1,048,575 people),
 * written as a stream (never held whole), with 60 units and a few activities.
 */
export function writeBigWorkbook(file: string, rows = 1_048_575): void {
  const fd = openSync(file, 'w');
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    writeSync(fd, chunk);
  });
  const add = (name: string, text: string) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const units = Array.from({ length: 60 }, (_, i) => `Phòng Nội vụ Quận ${i + 1}`);
  const shared = [
    ...STAFF_HEADERS,
    ...units,
    'Chuyên viên',
    'Trưởng phòng',
    'x',
    'Tên đơn vị',
    'Loại đơn vị',
    'Số vị trí việc làm CCHC',
  ];
  const names = Array.from({ length: 2000 }, (_, i) => `Nguyễn Văn ${i + 1}`);
  shared.push(...names);
  const si = new Map(shared.map((s, i) => [s, i]));
  const s = (text: string, ref: string) => `<c r="${ref}" t="s"><v>${si.get(text)}</v></c>`;
  const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  add(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      [1, 2]
        .map(
          (n) =>
            `<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join('') +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  add(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  add(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook ${MAIN} xmlns:r="${REL}"><sheets><sheet name="Đơn vị" sheetId="1" r:id="rId1"/><sheet name="Cán bộ" sheetId="2" r:id="rId2"/></sheets></workbook>`,
  );
  add(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  add(
    'xl/styles.xml',
    `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${MAIN}><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`,
  );
  add(
    'xl/sharedStrings.xml',
    `<?xml version="1.0" encoding="UTF-8"?><sst ${MAIN} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((t) => `<si><t>${esc(t)}</t></si>`).join('')}</sst>`,
  );
  add(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>${s('Tên đơn vị', 'B1')}${s('Loại đơn vị', 'C1')}${s('Số vị trí việc làm CCHC', 'D1')}</row>` +
      units
        .map(
          (u, i) =>
            `<row r="${i + 2}"><c r="A${i + 2}"><v>${i + 1}</v></c>${s(u, `B${i + 2}`)}<c r="D${i + 2}"><v>${i % 3}</v></c></row>`,
        )
        .join('') +
      `</sheetData></worksheet>`,
  );
  const sheet = new ZipDeflate('xl/worksheets/sheet2.xml', { level: 6 });
  zip.add(sheet);
  sheet.push(
    strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet ${MAIN}><dimension ref="A1:I${rows + 1}"/><sheetData><row r="1">${STAFF_HEADERS.map((h, i) => s(h, `${String.fromCharCode(65 + i)}1`)).join('')}</row>`,
    ),
  );
  let batch: string[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    const k = r * 2654435761;
    const leader = k % 7 === 0;
    batch.push(
      `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${s(names[k % names.length], `B${r}`)}${s(units[r % units.length], `C${r}`)}` +
        `${s(leader ? 'Trưởng phòng' : 'Chuyên viên', `D${r}`)}${leader ? s('x', `E${r}`) : ''}${s('x', `F${r}`)}` +
        `${k % 5 !== 0 ? `<c r="G${r}"><v>${2022 + (k % 4)}</v></c>` : ''}${k % 3 !== 0 ? s('x', `H${r}`) : ''}${s('x', `I${r}`)}</row>`,
    );
    if (batch.length === 5000) {
      sheet.push(strToU8(batch.join('')));
      batch = [];
    }
  }
  sheet.push(strToU8(`${batch.join('')}</sheetData></worksheet>`), true);
  zip.end();
  closeSync(fd);
}

/** Runs the built command line in a fresh process; its peak RSS comes back on stderr. */
function runCli(
  root: string,
  args: readonly string[],
): Promise<{ ms: number; code: number | null; rssMb: number; stderr: string }> {
  const script =
    `const { main } = require(${JSON.stringify(path.join(root, 'dist', 'node', 'cli', 'main.js'))});` +
    `main(process.argv.slice(1), { stdout: { write() {} }, stderr: process.stderr, env: {}, cwd: process.cwd() })` +
    `.then((c) => { process.stderr.write('RSS ' + process.resourceUsage().maxRSS + '\\n'); process.exitCode = c; });`;
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['-e', script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const rss = /RSS (\d+)/.exec(err);
      resolve({
        ms: performance.now() - t0,
        code,
        rssMb: rss ? Number(rss[1]) / 1024 : NaN,
        stderr: err.replace(/RSS \d+\n/, ''),
      });
    });
  });
}

export const outSection: BenchSection = {
  id: 'out',
  title: '--out: the copy patched from the original package',
  async run(ctx) {
    const { fixture, options } = ctx;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-out-'));
    try {
      const out = path.join(dir, 'copy.xlsx');
      const merged = withMerges(fixture.buffer, 20_000);
      const t = timeRuns([fixture.buffer, merged], options.year, out, options.runs, options.warmup);
      const [base, withM] = [0, 1];
      const rows: BenchRow[] = [
        { measure: 'read + evaluate (what --json does, in-process)', stats: t.evals[base] },
        {
          measure: 'write the patched copy (after the evaluation)',
          stats: t.copies[base],
          note: `${(t.size / 2 ** 20).toFixed(2)} MB copy, fsync'd`,
        },
        {
          measure: '--out (read + evaluate + copy) against the evaluation alone',
          value: `${(t.totals[base].median / t.evals[base].median).toFixed(2)}×`,
          note: 'target ≤ 2×',
        },
        { measure: 'with 20,000 merged areas: read + evaluate', stats: t.evals[withM] },
        { measure: 'with 20,000 merged areas: write the copy', stats: t.copies[withM] },
        {
          measure: '20,000 merges add to writing the copy',
          value: `${(t.copies[withM].median - t.copies[base].median).toFixed(0)} ms`,
          note: `to the whole --out: ${(t.totals[withM].median - t.totals[base].median).toFixed(0)} ms (target < 1 s)`,
        },
      ];
      if (!options.bigOut) {
        rows.push({ measure: '1,048,576-row staff sheet', value: 'skipped', note: 'run with --big-out (about a minute)' });
        return rows;
      }
      if (!existsSync(path.join(ctx.root, 'dist', 'node', 'cli', 'main.js'))) {
        rows.push({ measure: '1,048,576-row staff sheet', value: 'skipped', note: 'run "npm run build:cli" first' });
        return rows;
      }
      const big = path.join(dir, 'big.xlsx');
      const t0 = performance.now();
      writeBigWorkbook(big);
      const made = performance.now() - t0;
      const plain = await runCli(ctx.root, ['evaluate', big, '--year', String(options.year), '--json']);
      const copied = await runCli(ctx.root, [
        'evaluate',
        big,
        '--year',
        String(options.year),
        '--out',
        path.join(dir, 'big-out.xlsx'),
      ]);
      for (const r of [plain, copied]) if (r.code !== 0) throw new Error(`cchc exited ${r.code}: ${r.stderr.trim()}`);
      const mb = (f: string) => (statSync(f).size / 2 ** 20).toFixed(1);
      rows.push(
        {
          measure: '1,048,576-row staff sheet: cchc evaluate --json',
          value: `${(plain.ms / 1000).toFixed(1)} s`,
          note: `peak RSS ${plain.rssMb.toFixed(0)} MB · ${mb(big)} MB file (made in ${(made / 1000).toFixed(0)} s)`,
        },
        {
          measure: '1,048,576-row staff sheet: cchc evaluate --out',
          value: `${(copied.ms / 1000).toFixed(1)} s`,
          note: `peak RSS ${copied.rssMb.toFixed(0)} MB · target < 60 s, < 1 GB`,
        },
      );
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
