/**
 * Guards the synthetic workbook generator (scripts/synth.ts): the same seed gives the same
 * workbook, and the engine finds all three lists in both layouts, reads every row written and
 * reports exactly the issues that were planted.
 */
import ExcelJS from 'exceljs';
import { readDataset } from '../../src/engine';
import { detectLists } from '../../src/workbook/detect';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';
import { SynthLayout, SynthOptions, synthesize, toBuffer, workbookContents } from '../../scripts/synth';

const SMALL: Omit<SynthOptions, 'layout'> = { seed: 7, units: 80, staff: 320, activities: 24, issues: true };

async function reload(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

describe('synth: determinism', () => {
  it('gives the same contents, and the same bytes, for the same seed', async () => {
    const a = synthesize({ ...SMALL, layout: 'official' });
    const b = synthesize({ ...SMALL, layout: 'official' });
    expect(workbookContents(b.workbook)).toEqual(workbookContents(a.workbook));
    expect(b.planted).toEqual(a.planted);
    const [bufA, bufB] = [await toBuffer(a.workbook), await toBuffer(b.workbook)];
    expect(workbookContents(await reload(bufB))).toEqual(workbookContents(await reload(bufA)));
    expect(bufB.equals(bufA)).toBe(true);
  });

  it('gives different contents for another seed', () => {
    const a = synthesize({ ...SMALL, layout: 'canonical' });
    const c = synthesize({ ...SMALL, seed: 8, layout: 'canonical' });
    expect(workbookContents(c.workbook)).not.toEqual(workbookContents(a.workbook));
  });
});

describe.each<SynthLayout>(['canonical', 'official'])('synth: the engine reads the %s layout', (layout) => {
  const synth = synthesize({ ...SMALL, layout });
  let dataset: ReturnType<typeof readDataset>;

  beforeAll(async () => {
    dataset = readDataset(gridOf(await loadWorkbook(await toBuffer(synth.workbook), `${layout}.xlsx`)));
  });

  it('writes the rows asked for', () => {
    expect(synth.counts).toEqual({ units: SMALL.units, staff: SMALL.staff, activities: SMALL.activities });
  });

  it('finds each list once, on its sheet, and ignores the instructions sheet', () => {
    const { lists } = dataset;
    expect(lists.units.map((l) => l.sheet)).toEqual([synth.sheets.units]);
    expect(lists.staff.map((l) => l.sheet)).toEqual([synth.sheets.staff]);
    expect(lists.activities.map((l) => l.sheet)).toEqual([synth.sheets.activities]);
    expect(lists.ignored.map((i) => i.sheet)).toEqual([synth.sheets.instructions]);
    if (layout === 'canonical') {
      expect(lists.units[0].table).toBeDefined();
      expect(lists.units[0].headerTop).toBe(0);
    } else {
      expect(lists.units[0].headerTop).toBeGreaterThan(3);
      expect(lists.staff[0].headerBottom).toBe(lists.staff[0].headerTop + 1);
    }
  });

  it('maps every field of every list', () => {
    const { lists } = dataset;
    expect(Object.keys(lists.units[0].columns).sort()).toEqual(['cchc_positions', 'cchc_positions_year', 'kind', 'name', 'stt']);
    expect(Object.keys(lists.staff[0].columns)).toHaveLength(12);
    expect(Object.keys(lists.activities[0].columns)).toHaveLength(7);
  });

  it('reads every row written, and no other', () => {
    expect(dataset.units).toHaveLength(SMALL.units);
    expect(dataset.staff.count).toBe(SMALL.staff);
    expect(dataset.activities).toHaveLength(SMALL.activities);
  });

  it('reports exactly the planted issues', () => {
    const planted = synth.planted.map((p) => `${p.kind} ${p.sheet}!${p.cell}`).sort();
    const reported = dataset.issues.map((i) => `${i.kind} ${i.sheet}!${i.cell}`).sort();
    expect(planted.length).toBeGreaterThanOrEqual(10);
    expect(reported).toEqual(planted);
  });
});

describe('synth: without planted issues', () => {
  it('gives a workbook with no data issues', async () => {
    const synth = synthesize({ ...SMALL, issues: false, layout: 'official' });
    expect(synth.planted).toEqual([]);
    const grid = gridOf(await loadWorkbook(await toBuffer(synth.workbook), 'clean.xlsx'));
    expect(detectLists(grid).staff).toHaveLength(1);
    expect(readDataset(grid).issues).toEqual([]);
  });
});
