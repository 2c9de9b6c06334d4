/**
 * The benchmark's frame: a section is a named async function that returns rows to print; the
 * harness times things (median of N runs after a warm-up) and prints one table. Sections share
 * one fixture (the synthetic workbook), built once.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SynthLayout } from '../synth';

export interface BenchOptions {
  readonly seed: number;
  readonly staff: number;
  readonly units: number;
  readonly activities: number;
  readonly layout: SynthLayout;
  /** Timed runs per measure (after `warmup` untimed ones). */
  readonly runs: number;
  readonly warmup: number;
  /** Spawns of the command line, end to end. */
  readonly cliRuns: number;
  readonly year: number;
  /** Staff rows of the second, big workbook the reading section measures (0: none). */
  readonly big: number;
  /** Time LibreOffice recalculating the same counts, when it is installed (slow). */
  readonly soffice: boolean;
  /** Also the 1,048,576-row staff sheet through --out (the out section). */
  readonly bigOut: boolean;
}

/** The synthetic workbook every section measures. */
export interface BenchFixture {
  readonly buffer: Buffer;
  /** The same bytes on disk (for the command line and anything that wants a file). */
  readonly file: string;
  readonly counts: { readonly units: number; readonly staff: number; readonly activities: number };
  /** Milliseconds to generate it and to write it to .xlsx bytes. */
  readonly buildMs: number;
  readonly writeMs: number;
}

export interface BenchContext {
  readonly options: BenchOptions;
  readonly fixture: BenchFixture;
  /** Repository root (where bin/ and package.json are). */
  readonly root: string;
}

export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

/** One printed line: a timing (`stats`, in ms) or a derived figure (`value`). */
export interface BenchRow {
  readonly measure: string;
  readonly stats?: Stats;
  readonly value?: string;
  readonly note?: string;
}

export interface BenchSection {
  readonly id: string;
  readonly title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function statsOf(times: readonly number[]): Stats {
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), runs: times.length };
}

/**
 * Times `fn` `runs` times after `warmup` untimed calls; returns the stats and the last result
 * (use the result, so the work cannot be optimised away).
 */
export async function measure<T>(fn: () => T | Promise<T>, runs: number, warmup = 1): Promise<{ stats: Stats; result: T }> {
  let result: T | undefined;
  for (let i = 0; i < warmup; i++) result = await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = await fn();
    times.push(performance.now() - t0);
  }
  return { stats: statsOf(times), result: result as T };
}

export function machineLines(root: string): string[] {
  const cpus = os.cpus();
  let exceljs = '?';
  try {
    exceljs = (
      JSON.parse(readFileSync(path.join(root, 'node_modules', 'exceljs', 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    // not installed where expected: leave "?"
  }
  return [
    `CPU     ${cpus[0]?.model.trim() ?? 'unknown'} · ${cpus.length} logical cores · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node    ${process.version} (V8 ${process.versions.v8}) · ${os.type()} ${os.release()} ${os.arch()} · exceljs ${exceljs}`,
  ];
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** The table: one block per section, aligned columns. */
export function formatTable(blocks: ReadonlyArray<{ title: string; rows: readonly BenchRow[] }>): string {
  const header = ['Measure', 'Median ms', 'Min ms', 'Max ms', 'Runs', 'Note'];
  const lines: string[][] = [];
  const sectionOf: Array<string | null> = [];
  for (const b of blocks) {
    sectionOf.push(b.title);
    lines.push([]);
    for (const r of b.rows) {
      sectionOf.push(null);
      lines.push(
        r.stats
          ? [r.measure, ms(r.stats.median), ms(r.stats.min), ms(r.stats.max), String(r.stats.runs), r.note ?? '']
          : [r.measure, r.value ?? '', '', '', '', r.note ?? ''],
      );
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const right = [false, true, true, true, true, false];
  const fmt = (cells: readonly string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [fmt(header), rule];
  lines.forEach((l, i) => {
    const title = sectionOf[i];
    if (title !== null) out.push(`[${title}]`);
    else out.push(fmt(l));
  });
  return out.join('\n');
}
