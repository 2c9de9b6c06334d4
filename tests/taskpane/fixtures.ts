/**
 * Real results for the pane's tests: the sample workbook inserted into the in-memory Excel, found
 * and evaluated once by the real Session, so the fakes serve figures the engine actually produces.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { SampleBook } from '../../src/excel/sample';
import type { Evaluation } from '../../src/engine';
import type { Detection } from '../../src/taskpane/actions';
import { envOf } from '../helpers/fake-book';

export interface SampleResults {
  readonly detection: Detection;
  readonly evaluation: Evaluation;
  readonly sheets: readonly string[];
}

let cached: Promise<SampleResults> | null = null;

/** The sample, found and evaluated for `year` (strict reading). Computed once per test file. */
export function sampleResults(year = 2024): Promise<SampleResults> {
  cached ??= (async () => {
    installExcelEnums();
    const book = JSON.parse(readFileSync(path.join(__dirname, '../../assets/sample/cchc-mau.json'), 'utf8')) as SampleBook;
    const session = new Session(envOf(new FakeExcel()), { lang: 'vi', loadSample: async () => book });
    const sheets = await session.insertSample();
    const detection = await session.detect();
    const evaluation = await session.evaluate(year, false);
    return { detection, evaluation, sheets };
  })();
  return cached;
}
