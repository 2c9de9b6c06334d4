/**
 * The workbooks the preview can show, each a fresh in-memory Excel: an empty one (one empty
 * "Sheet1", where the pane's "Chèn dữ liệu mẫu" starts), the bundled sample (the same data the pane
 * inserts and the command line evaluates), or an .xlsx the user picks.
 */
import { FakeExcel } from '../fake-excel';
import type { ExcelEnv } from '../excel/env';
import { SampleBook, insertSample } from '../excel/sample';
import { OpenedSheet, readXlsx } from './xlsx';

export interface Book {
  /** Changes whenever another workbook is opened (the pane restarts on it). */
  readonly id: number;
  readonly title: string;
  readonly fake: FakeExcel;
}

let nextId = 1;

export function envOf(fake: FakeExcel): ExcelEnv {
  return { run: fake.run, supports: (set, version) => fake.supports(set, version) };
}

/** The sample lists, loaded on demand: they are not part of the page's first download. */
export async function loadSample(): Promise<SampleBook> {
  // The JSON's inferred type is too literal to compare with SampleBook; scripts/make-sample-json.ts writes it as one.
  const json: unknown = await import(/* webpackChunkName: "sample" */ '../../assets/sample/cchc-mau.json');
  return (json as { default: SampleBook }).default;
}

export function emptyBook(): Book {
  return { id: nextId++, title: 'Book1.xlsx', fake: new FakeExcel() };
}

/** The bundled sample as a workbook of its own: inserted the way the pane inserts it, without the placeholder sheet. */
export async function sampleBook(): Promise<Book> {
  const placeholder = 'Sheet1';
  const fake = new FakeExcel({ workbookName: 'cchc-mau.xlsx', sheets: [{ name: placeholder }] });
  await insertSample(envOf(fake), await loadSample());
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(placeholder).delete();
    await context.sync();
  });
  return { id: nextId++, title: 'cchc-mau.xlsx', fake };
}

function fakeOf(name: string, sheets: readonly OpenedSheet[]): FakeExcel {
  try {
    return new FakeExcel({ workbookName: name, sheets: sheets.map((s) => s.setup) });
  } catch {
    // A table the in-memory Excel refuses (overlapping a merged area …): open the values without tables.
    return new FakeExcel({ workbookName: name, sheets: sheets.map((s) => ({ ...s.setup, tables: [] })) });
  }
}

/** An .xlsx picked by the user; its first visible sheet is active. */
export async function fileBook(name: string, bytes: ArrayBuffer): Promise<Book> {
  const sheets = await readXlsx(bytes);
  const fake = fakeOf(name, sheets);
  const styled = sheets.filter((s) => s.styles.length > 0);
  if (styled.length > 0) {
    await fake.run(async (context) => {
      for (const s of styled) {
        const ws = context.workbook.worksheets.getItem(s.setup.name);
        for (const run of s.styles) {
          const range = ws.getRange(run.address);
          if (run.bold) range.format.font.bold = true;
          if (run.fill) range.format.fill.color = run.fill;
        }
      }
      await context.sync();
    });
  }
  const first = sheets.find((s) => s.setup.visibility !== 'Hidden');
  if (first) fake.setActiveSheet(first.setup.name);
  return { id: nextId++, title: name, fake };
}
