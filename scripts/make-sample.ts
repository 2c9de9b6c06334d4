/**
 * Writes the bundled sample workbook, assets/sample/cchc-mau.xlsx: what `cchc evaluate` reads
 * with no file and what the add-in's "insert sample data" button inserts. An office's file in the
 * official layout (title block, merged title, group and total rows), ~21 departments, 22 district
 * committees, 22 home-affairs offices, ~60 wards, ~1,500 staff, ~40 activities and a handful of
 * planted data issues.
 *
 *   npm run sample                 regenerate the file and check the engine reads it as intended
 *   npm run sample -- --check      regenerate in memory and compare with the file on disk (exit 1 if different)
 *   npm run sample -- --out F      write elsewhere
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { evaluate, readDataset } from '../src/engine';
import { HCMC_PLAN } from '../src/plan';
import { gridOf, loadWorkbook } from '../src/xlsx/read';
import { SynthOptions, repoRoot, synthesize, toBuffer, workbookContents } from './synth';

export const SAMPLE_OPTIONS: SynthOptions = {
  seed: 20241215,
  units: 125,
  staff: 1500,
  activities: 40,
  issues: true,
  layout: 'official',
  period: '2022-2023',
};

export const SAMPLE_PATH = path.join('assets', 'sample', 'cchc-mau.xlsx');

async function contentsOf(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return workbookContents(wb);
}

/** Reads the sample back with the engine; returns the problems found (none when it reads as designed). */
async function verify(buf: Buffer, expected: ReturnType<typeof synthesize>): Promise<string[]> {
  const problems: string[] = [];
  const dataset = readDataset(gridOf(await loadWorkbook(buf, SAMPLE_PATH)));
  const { lists } = dataset;
  for (const kind of ['units', 'staff', 'activities'] as const) {
    if (lists[kind].length !== 1) problems.push(`${kind}: ${lists[kind].length} lists found, expected 1`);
  }
  const read = { units: dataset.units.length, staff: dataset.staff.count, activities: dataset.activities.length };
  for (const kind of ['units', 'staff', 'activities'] as const) {
    if (read[kind] !== expected.counts[kind]) problems.push(`${kind}: ${read[kind]} rows read, ${expected.counts[kind]} written`);
  }
  const reported = new Set(dataset.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`));
  const planted = new Set(expected.planted.map((p) => `${p.kind} ${p.sheet}!${p.cell}`));
  for (const p of planted) if (!reported.has(p)) problems.push(`planted issue not reported: ${p}`);
  for (const r of reported) if (!planted.has(r)) problems.push(`unexpected issue: ${r}`);

  console.log(
    `Lists: units "${lists.units[0]?.sheet}" (${read.units} rows) · staff "${lists.staff[0]?.sheet}" (${read.staff}) · ` +
      `activities "${lists.activities[0]?.sheet}" (${read.activities}) · issues ${dataset.issues.length} (planted ${planted.size})`,
  );
  for (const year of [2023, 2024, 2025]) {
    const e = evaluate(dataset, HCMC_PLAN, { year, inclusive: false });
    const units: Record<string, number> = { compliant: 0, non_compliant: 0, undetermined: 0, not_applicable: 0 };
    for (const u of e.units) units[u.status]++;
    const targets = e.targets.map((t) => `${t.id} ${t.status}`).join(', ');
    console.log(`${year}: ${targets}`);
    console.log(
      `      units: ${units.compliant} compliant, ${units.non_compliant} non-compliant, ${units.undetermined} undetermined, ${units.not_applicable} n/a`,
    );
  }
  return problems;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, out: { type: 'string' } },
    allowPositionals: false,
  });
  const root = repoRoot();
  const out = path.resolve(root, values.out ?? SAMPLE_PATH);
  const synth = synthesize(SAMPLE_OPTIONS);
  const buf = await toBuffer(synth.workbook);

  if (values.check) {
    let onDisk: Buffer;
    try {
      onDisk = readFileSync(out);
    } catch {
      console.error(`make-sample: ${out} not found; run "npm run sample" first.`);
      return 1;
    }
    const [a, b] = await Promise.all([contentsOf(onDisk), contentsOf(buf)]);
    if (a !== b) {
      const la = a.split('\n');
      const lb = b.split('\n');
      const i = la.findIndex((line, k) => line !== lb[k]);
      console.error(`make-sample: ${path.relative(root, out)} differs from a fresh generation (first at: ${la[i]} ≠ ${lb[i]}).`);
      return 1;
    }
    console.log(`${path.relative(root, out)}: same cell contents as a fresh generation (seed ${SAMPLE_OPTIONS.seed}).`);
    return 0;
  }

  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, buf);
  console.log(`Written ${path.relative(root, out)} (${(buf.length / 1024).toFixed(0)} KB, seed ${SAMPLE_OPTIONS.seed}).`);
  const problems = await verify(buf, synth);
  if (problems.length > 0) {
    for (const p of problems) console.error(`make-sample: ${p}`);
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
      process.exitCode = 1;
    },
  );
}
