/**
 * Many small files against one workbook (issue 13): `cchc evaluate DIR --json` over 300 ward files
 * of 100–200 staff each, one process reading them all, beside `cchc evaluate ONE.xlsx --json` on one
 * workbook holding the same number of rows. The goal: the folder in under 1.5× the one workbook.
 * Options: --files N (default 300).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from './cli';
import { BenchSection, statsOf } from './harness';
import { Rng, synthesize, toBuffer } from '../synth';

export const FILES_IN_BENCH = 300;

async function timeCli(root: string, args: readonly string[], runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, runs); i++) {
    const r = await runCli(root, args);
    if (r.code !== 0) throw new Error(`cchc exited ${r.code}: ${r.stderr.trim()}`);
    times.push(r.ms);
  }
  return times;
}

export const filesSection: BenchSection = {
  id: 'files',
  title: `Many files: ${FILES_IN_BENCH} ward files of 100–200 staff vs one workbook with the same rows (fresh process each run)`,
  async run(ctx) {
    const { root, options } = ctx;
    if (!existsSync(path.join(root, 'dist', 'node', 'cli', 'main.js'))) {
      return [{ measure: 'cchc evaluate DIR --json', value: 'skipped', note: 'run "npm run build:cli" first' }];
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-files-'));
    try {
      const folder = path.join(dir, 'phuong');
      mkdirSync(folder);
      const rng = new Rng(options.seed);
      let staff = 0;
      let units = 0;
      let activities = 0;
      let bytes = 0;
      for (let i = 0; i < FILES_IN_BENCH; i++) {
        const n = 100 + Math.floor(rng.next() * 101);
        const synth = synthesize({
          seed: options.seed + i,
          units: 3,
          staff: n,
          activities: 2,
          issues: false,
          layout: 'canonical',
          styled: false,
        });
        staff += synth.counts.staff;
        units += synth.counts.units;
        activities += synth.counts.activities;
        const buffer = await toBuffer(synth.workbook);
        bytes += buffer.length;
        writeFileSync(path.join(folder, `phuong-${String(i + 1).padStart(3, '0')}.xlsx`), buffer);
      }
      const one = synthesize({ seed: options.seed, units, staff, activities, issues: false, layout: 'canonical', styled: false });
      const oneFile = path.join(dir, 'one.xlsx');
      writeFileSync(oneFile, await toBuffer(one.workbook));
      const year = String(options.year);
      const many = await timeCli(root, ['evaluate', folder, '--year', year, '--json'], options.cliRuns);
      const single = await timeCli(root, ['evaluate', oneFile, '--year', year, '--json'], options.cliRuns);
      const a = statsOf(many);
      const b = statsOf(single);
      return [
        {
          measure: `cchc evaluate DIR (${FILES_IN_BENCH} files) --json`,
          stats: a,
          note: `${staff.toLocaleString('en-US')} staff, ${(bytes / 2 ** 20).toFixed(1)} MB in all`,
        },
        {
          measure: 'cchc evaluate ONE.xlsx --json (same rows)',
          stats: b,
          note: `${one.counts.staff.toLocaleString('en-US')} staff`,
        },
        {
          measure: 'ratio folder / one workbook',
          value: `${(a.median / b.median).toFixed(2)}×`,
          note: `goal < 1.5×; ${((a.median - b.median) / (FILES_IN_BENCH - 1)).toFixed(1)} ms per extra file`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
