/**
 * `npm run bench`: times the engine and the command line on a synthetic workbook of 50,000 staff
 * rows, ~400 units and ~200 activities (scripts/synth.ts), and prints one table.
 *
 * Sections are a list: each is a function that returns rows to print (scripts/bench/harness.ts).
 * To add one (custom functions, the Excel adapter …), write a BenchSection and append it to
 * SECTIONS. Options: --staff N --units N --activities N --runs N --warmup N --cli-runs N
 * --year Y --layout official|canonical --seed N --big N (staff of the reading section's big
 * workbook, default 500000, 0 for none) --no-soffice (skip timing LibreOffice) --big-out (a
 * 1,048,576-row sheet through --out) --only engine,cli,reading,out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { cliSection } from './bench/cli';
import { engineSection } from './bench/engine';
import { excelSection } from './bench/excel';
import { filesSection } from './bench/files';
import { functionsSection } from './bench/functions';
import { outSection } from './bench/out';
import { needsSection } from './bench/needs';
import { readingSection } from './bench/reading';
import { BenchContext, BenchFixture, BenchOptions, BenchRow, BenchSection, formatTable, machineLines } from './bench/harness';
import { repoRoot, synthesize, toBuffer } from './synth';

export const SECTIONS: readonly BenchSection[] = [
  engineSection,
  functionsSection,
  excelSection,
  needsSection,
  cliSection,
  readingSection,
  outSection,
  filesSection,
];

function options(argv: readonly string[]): { bench: BenchOptions; only: ReadonlySet<string> } {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string', default: '42' },
      staff: { type: 'string', default: '50000' },
      units: { type: 'string', default: '400' },
      activities: { type: 'string', default: '200' },
      runs: { type: 'string', default: '7' },
      warmup: { type: 'string', default: '3' },
      'cli-runs': { type: 'string', default: '3' },
      year: { type: 'string', default: '2024' },
      layout: { type: 'string', default: 'official' },
      big: { type: 'string', default: '500000' },
      'no-soffice': { type: 'boolean', default: false },
      only: { type: 'string' },
      'big-out': { type: 'boolean', default: false },
    },
  });
  const num = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} needs an integer ≥ ${min}, not "${v}"`);
    return n;
  };
  if (values.layout !== 'official' && values.layout !== 'canonical') throw new Error('--layout is official or canonical');
  const bench: BenchOptions = {
    seed: num('seed', values.seed, 0),
    staff: num('staff', values.staff, 1),
    units: num('units', values.units, 1),
    activities: num('activities', values.activities, 0),
    runs: num('runs', values.runs, 1),
    warmup: num('warmup', values.warmup, 0),
    cliRuns: num('cli-runs', values['cli-runs'], 0),
    year: num('year', values.year, 2022),
    layout: values.layout,
    big: num('big', values.big, 0),
    soffice: values['no-soffice'] !== true,
    bigOut: values['big-out'] ?? false,
  };
  return { bench, only: new Set((values.only ?? '').split(',').filter((s) => s !== '')) };
}

async function buildFixture(o: BenchOptions, dir: string): Promise<BenchFixture> {
  const t0 = performance.now();
  const synth = synthesize({
    seed: o.seed,
    units: o.units,
    staff: o.staff,
    activities: o.activities,
    issues: true,
    layout: o.layout,
  });
  const t1 = performance.now();
  const buffer = await toBuffer(synth.workbook);
  const t2 = performance.now();
  const file = path.join(dir, `cchc-bench-${o.staff}.xlsx`);
  writeFileSync(file, buffer);
  return { buffer, file, counts: synth.counts, buildMs: t1 - t0, writeMs: t2 - t1 };
}

async function main(argv: readonly string[]): Promise<number> {
  const { bench: o, only } = options(argv);
  const root = repoRoot();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-'));
  try {
    const fixture = await buildFixture(o, dir);
    const ctx: BenchContext = { options: o, fixture, root };
    console.log('cchc benchmark');
    for (const line of machineLines(root)) console.log(line);
    console.log(
      `Input   ${o.layout} layout, seed ${o.seed}: ${fixture.counts.staff.toLocaleString('en-US')} staff rows, ` +
        `${fixture.counts.units} units, ${fixture.counts.activities} activities · ` +
        `${(fixture.buffer.length / 2 ** 20).toFixed(2)} MB .xlsx (generated in ${(fixture.buildMs / 1000).toFixed(1)} s, ` +
        `written in ${(fixture.writeMs / 1000).toFixed(1)} s)`,
    );
    console.log(`Timing  median of ${o.runs} runs after ${o.warmup} warm-up (command line: ${o.cliRuns} spawns)`);
    console.log('');
    const blocks: Array<{ title: string; rows: BenchRow[] }> = [];
    for (const section of SECTIONS) {
      if (only.size > 0 && !only.has(section.id)) continue;
      blocks.push({ title: section.title, rows: await section.run(ctx) });
    }
    console.log(formatTable(blocks));
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      process.exitCode = 1;
    },
  );
}
