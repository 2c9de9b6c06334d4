/**
 * Reading an .xlsx end to end, each run a fresh process: the floor (scripts/bench/floor-child.ts:
 * inflate the sheet and shared strings parts and walk their bytes once) against
 * `cchc evaluate FILE --json`, with the ratio and each one's peak memory (maxRSS, through
 * /usr/bin/time when it exists), and what a fresh process could reach at best: Node's start, loading
 * the command line and its steps in a warm process (warm-child.ts). Runs on the bench workbook and on a big one (--big N staff,
 * default 500,000, made by repeating the bench workbook's staff list: scale-workbook.ts; --big 0
 * skips it). Floor and command line alternate, so load on the machine
 * weighs on both alike.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchRow, BenchSection, median, statsOf } from './harness';
import { SOFFICE, libreOfficeRecalc } from './libreoffice';
import { scaleStaffSheet } from './scale-workbook';

const TIME = '/usr/bin/time';

interface Run {
  readonly ms: number;
  /** Peak resident memory in MB and CPU seconds (user + system), when measurable. */
  readonly rssMB: number | null;
  readonly cpuMs: number | null;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function timed(args: readonly string[], cwd: string): Promise<Run> {
  const withTime = existsSync(TIME);
  const [cmd, argv] = withTime
    ? [TIME, ['-f', 'CCHC_MAXRSS_KB %M %U %S', process.execPath, ...args]]
    : [process.execPath, [...args]];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const stderr = Buffer.concat(err).toString('utf8');
      const m = /CCHC_MAXRSS_KB (\d+) ([\d.]+) ([\d.]+)/.exec(stderr);
      resolve({
        ms,
        rssMB: m ? Number(m[1]) / 1024 : null,
        cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : null,
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: stderr.replace(/CCHC_MAXRSS_KB .*\n?/, ''),
      });
    });
  });
}

const mb = (x: number | null) => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);

/** Floor and command line on one file, alternating, `runs` times each. */
export async function compareReading(root: string, file: string, staff: number, year: number, runs: number): Promise<BenchRow[]> {
  const floorJs = path.join(root, 'dist', 'scripts', 'scripts', 'bench', 'floor-child.js');
  const warmJs = path.join(root, 'dist', 'scripts', 'scripts', 'bench', 'warm-child.js');
  const cli = path.join(root, 'bin', 'cchc.js');
  const floor: Run[] = [];
  const evals: Run[] = [];
  const starts: number[] = [];
  const loads: number[] = [];
  const warmRuns: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Node's own start (an empty script), and the command line's steps in a warm process.
    starts.push((await timed(['-e', '0'], root)).ms);
    const w = await timed([warmJs, file, String(year)], root);
    if (w.code !== 0) throw new Error(`warm run exited ${w.code}: ${w.stderr.trim()}`);
    const [load, run] = w.stdout.trim().split(' ').map(Number);
    loads.push(load);
    warmRuns.push(run);
    const f = await timed([floorJs, file], root);
    if (f.code !== 0) throw new Error(`floor exited ${f.code}: ${f.stderr.trim()}`);
    floor.push(f);
    const c = await timed([cli, 'evaluate', file, '--year', String(year), '--json'], root);
    if (c.code !== 0) throw new Error(`cchc exited ${c.code}: ${c.stderr.trim()}`);
    if (!Array.isArray((JSON.parse(c.stdout) as { targets?: unknown }).targets))
      throw new Error('cchc --json printed no targets');
    evals.push(c);
  }
  const fs = statsOf(floor.map((r) => r.ms));
  const cs = statsOf(evals.map((r) => r.ms));
  const xml = Number(floor[0].stdout.split(' ')[0]);
  const rss = (rs: Run[]) => (rs[0].rssMB === null ? null : median(rs.map((r) => r.rssMB as number)));
  const cpu = (rs: Run[]) => (rs[0].cpuMs === null ? null : median(rs.map((r) => r.cpuMs as number)));
  const secs = (x: number | null) => (x === null ? 'n/a' : `${(x / 1000).toFixed(2)} s`);
  const floorCpu = cpu(floor);
  const cliCpu = cpu(evals);
  const ratio = cs.median / fs.median;
  const cliRss = rss(evals);
  const n = staff.toLocaleString('en-US');
  const [start, load, warm] = [median(starts), median(loads), median(warmRuns)];
  const bound = start + load + warm;
  return [
    {
      measure: `${n} staff · floor: inflate sheets + shared strings, walk bytes`,
      stats: fs,
      note: `${(xml / 2 ** 20).toFixed(0)} MB of XML · CPU ${secs(floorCpu)} · peak RSS ${mb(rss(floor))}`,
    },
    {
      measure: `${n} staff · cchc evaluate FILE --json`,
      stats: cs,
      note: `CPU ${secs(cliCpu)} · peak RSS ${mb(cliRss)}${staff <= 50000 ? (cliRss !== null && cliRss < 200 ? ' (goal < 200 MB: met)' : ' (goal < 200 MB)') : ''}`,
    },
    {
      measure: `${n} staff · ratio command line / floor`,
      value: `${ratio.toFixed(2)}×`,
      note: `${ratio <= 1.5 ? 'goal ≤ 1.5×: met' : 'goal ≤ 1.5×: NOT met'}${
        floorCpu !== null && cliCpu !== null ? ` · by CPU time ${(cliCpu / floorCpu).toFixed(2)}×` : ''
      }`,
    },
    {
      measure: `${n} staff · a fresh process at best (the steps warm)`,
      value: `${(bound / fs.median).toFixed(2)}×`,
      note: `Node's start ${start.toFixed(0)} ms + loading cchc ${load.toFixed(0)} ms + cchc evaluate's steps in a warm process (3rd run) ${warm.toFixed(0)} ms = ${bound.toFixed(0)} ms`,
    },
  ];
}

export const readingSection: BenchSection = {
  id: 'reading',
  title: 'Reading .xlsx: command line vs floor (fresh process each run, median)',
  async run(ctx) {
    const { root, fixture, options } = ctx;
    if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) {
      return [{ measure: 'reading', value: 'skipped', note: 'run "npm run build:cli" first' }];
    }
    const runs = Math.max(1, options.cliRuns);
    const rows = await compareReading(root, fixture.file, fixture.counts.staff, options.year, runs);
    const floorMs = rows[0].stats?.median ?? NaN;
    const cli = rows[1].stats?.median ?? NaN;
    if (SOFFICE && options.soffice) {
      const lo = await libreOfficeRecalc(fixture.counts.staff, options.units);
      rows.push(
        lo === null
          ? { measure: 'LibreOffice recalculation', value: 'failed', note: SOFFICE }
          : {
              measure: `LibreOffice: ${lo.formulas.toLocaleString('en-US')} COUNTIFS over the same rows, headless`,
              value: `${(lo.ms / 1000).toFixed(1)} s`,
              note: `start-up alone ${(lo.startMs / 1000).toFixed(1)} s · ${lo.calculated} results · the command line is ${(lo.ms / cli).toFixed(0)}× faster (goal ≥ 80×: ${(lo.ms / 80 / 1000).toFixed(2)} s, the floor takes ${(floorMs / 1000).toFixed(2)} s)`,
            },
      );
    }
    if (options.big > 0) {
      // The bench workbook's staff list written again and again (scale-workbook.ts): exceljs needs
      // many minutes and gigabytes to write 500,000 rows; this takes seconds.
      const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-big-'));
      try {
        const factor = Math.max(2, Math.round(options.big / fixture.counts.staff));
        const file = path.join(dir, `cchc-bench-${options.big}.xlsx`);
        const t0 = performance.now();
        const big = scaleStaffSheet(fixture.buffer, factor, file);
        const note = `${big.staffRows.toLocaleString('en-US')} staff rows (the bench workbook's list ×${factor}), ${(big.bytes / 2 ** 20).toFixed(1)} MB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`;
        rows.push({ measure: 'big workbook', value: `${(big.bytes / 2 ** 20).toFixed(1)} MB`, note });
        rows.push(...(await compareReading(root, file, big.staffRows, options.year, runs)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    return rows;
  },
};
