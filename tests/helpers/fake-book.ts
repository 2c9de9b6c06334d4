/** In-memory Excel workbooks for adapter tests, built from the engine's grids or .xlsx files. */
import { readFileSync } from 'node:fs';
import { FakeExcel, FakeExcelOptions, setupsFromGrid } from '../../src/fake-excel';
import { ExcelEnv } from '../../src/excel/env';
import { WorkbookGrid } from '../../src/workbook/grid';
import { gridOf, loadWorkbook } from '../../src/xlsx/read';

export async function gridOfFile(file: string): Promise<WorkbookGrid> {
  return gridOf(await loadWorkbook(readFileSync(file), file));
}

export function fakeOf(grid: WorkbookGrid, options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel({ ...options, sheets: setupsFromGrid(grid) });
}

/** The adapter's environment over a fake: what the fake's host supports, less `unsupported` ("ExcelApi 1.9"). */
export function envOf(fake: FakeExcel, unsupported: readonly string[] = []): ExcelEnv {
  return {
    run: fake.run,
    supports: (set, version) => fake.supports(set, version) && !unsupported.includes(`${set} ${version}`),
  };
}
