/**
 * Consolidating units' files in the browser (the task pane's "Tổng hợp từ nhiều tệp"): each file's
 * bytes read with the project's own .xlsx reader, its lists found, then all evaluated together
 * (src/report/consolidate.ts, the same code as `cchc evaluate DIR`). A file that cannot be read is
 * kept with the reason and the rest go on. Pure and synchronous per file, so it runs the same in a
 * Web Worker (worker.ts) and, for tests and as a fallback, on the page.
 */
import { readDataset } from '../engine';
import { Plan } from '../plan';
import { Consolidation, FileFailure, FileInput, MAX_FILES, consolidate } from '../report/consolidate';
import { SCHEMAS } from '../workbook/fields';
import { WorkbookFileError, fileProblemText } from '../xlsx/errors';
import { readXlsx } from '../xlsx/read-xlsx';
import { TooManyFiles } from './protocol';

export interface ConsolidateOptions {
  readonly plan: Plan;
  readonly year: number;
  readonly inclusive: boolean;
}

export interface NamedBytes {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export { TooManyFiles };

function noLists(name: string): FileFailure['reason'] {
  const show = (kind: 'units' | 'staff' | 'activities') => `"${SCHEMAS[kind].fields[1].header.vi}"`;
  return {
    vi: `Không tìm thấy danh sách nào trong "${name}" (cần các cột như ${show('units')}, ${show('staff')}, ${show('activities')}).`,
    en: `No list found in "${name}" (columns such as ${show('units')}, ${show('staff')}, ${show('activities')} are expected).`,
  };
}

/** Reads one file into a dataset, or the reason it cannot be used. */
export function readOneFile(file: NamedBytes): FileInput | FileFailure {
  try {
    const dataset = readDataset(readXlsx(file.bytes, { name: file.name }).grid);
    const { units, staff, activities } = dataset.lists;
    if (units.length + staff.length + activities.length === 0) return { file: file.name, reason: noLists(file.name) };
    return { file: file.name, dataset };
  } catch (e) {
    if (e instanceof WorkbookFileError)
      return {
        file: file.name,
        reason: {
          vi: fileProblemText(e.problem, file.name, 'vi', e.detail),
          en: fileProblemText(e.problem, file.name, 'en', e.detail),
        },
      };
    const why = e instanceof Error ? e.message : String(e);
    return { file: file.name, reason: { vi: `Không đọc được "${file.name}": ${why}`, en: `Cannot read "${file.name}": ${why}` } };
  }
}

/** Reads `next(i)` for i = 0 … count − 1 (one at a time, so memory holds one file's bytes), then consolidates. */
export async function consolidateFiles(
  count: number,
  next: (i: number) => Promise<NamedBytes>,
  o: ConsolidateOptions,
  progress: (done: number, total: number) => void = () => undefined,
  cancelled: () => boolean = () => false,
): Promise<Consolidation | null> {
  if (count > MAX_FILES) throw new TooManyFiles(count);
  const read: FileInput[] = [];
  const failed: FileFailure[] = [];
  for (let i = 0; i < count; i++) {
    if (cancelled()) return null;
    const r = readOneFile(await next(i));
    if ('dataset' in r) read.push(r);
    else failed.push(r);
    progress(i + 1, count);
  }
  return consolidate(read, failed, o.plan, { year: o.year, inclusive: o.inclusive });
}
