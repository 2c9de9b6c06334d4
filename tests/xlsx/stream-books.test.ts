/**
 * Whole workbooks read while inflated (src/xlsx/sheet-stream.ts) give the grid the whole read
 * gives: every sheet streamed, in small chunks, for the fixtures carried in the repository, a synthesized official workbook
 * (title block, merged two-row header, group rows, total and note) and the rich workbook (tables,
 * rich text, formulas, hidden sheets) — and the engine's figures are the same.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { toSpecJson } from '../../src/report/json';
import { readXlsxBytes } from '../../src/xlsx/file';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { synthesize, toBuffer } from '../../scripts/synth';
import { richBook } from './rich-book';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

async function books(): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.xlsx'))) out.push([f, readFileSync(path.join(FIXTURES, f))]);
  out.push([
    'synth official',
    await toBuffer(synthesize({ seed: 3, units: 40, staff: 600, activities: 20, issues: true, layout: 'official' }).workbook),
  ]);
  out.push([
    'synth canonical',
    await toBuffer(synthesize({ seed: 4, units: 30, staff: 300, activities: 10, issues: true, layout: 'canonical' }).workbook),
  ]);
  out.push(['rich', (await richBook()).buffer]);
  return out;
}

test('every sheet streamed in small chunks reads as the whole workbook does', async () => {
  const all = await books();
  expect(all.length).toBeGreaterThanOrEqual(5);
  for (const [name, bytes] of all) {
    const whole = readXlsx(bytes, { name });
    for (const chunk of [256, 4096]) {
      const streamed = await readXlsxBytes(bytes, { name }, { chunk, streamFrom: 1 });
      expect([name, chunk, streamed.grid]).toEqual([name, chunk, whole.grid]);
      const figures = (g: typeof whole.grid) =>
        toSpecJson(evaluate(readDataset(g), HCMC_PLAN, { year: 2024, inclusive: false }), 'vi');
      expect(figures(streamed.grid)).toEqual(figures(whole.grid));
    }
  }
});
