/**
 * Several units' files evaluated together (SPEC §2 "Several files"): one result per file, the
 * total over all of them, and for every unit and issue of the total the file it came from. Files
 * that could not be read are carried along with the reason, so the rest is still consolidated.
 *
 * Pure: datasets in, figures out. The command line (`cchc evaluate DIR`), the task pane's
 * "Tổng hợp từ nhiều tệp" and their tests all consolidate through here, so their totals agree.
 */
import { Dataset, Evaluation, EvaluateOptions, evaluate, mergeDatasets, withFile } from '../engine';
import { LocalText, Plan } from '../plan';

/** One file that was read into a dataset; `file` is its name as the user gave it. */
export interface FileInput {
  readonly file: string;
  readonly dataset: Dataset;
}

/** One file that could not be read, with the reason in both languages. */
export interface FileFailure {
  readonly file: string;
  readonly reason: LocalText;
}

export interface FileSummary {
  readonly file: string;
  readonly units: number;
  readonly staff: number;
  readonly activities: number;
  readonly evaluation: Evaluation;
}

export interface Consolidation {
  /** Readable files, in the order given. */
  readonly files: readonly FileSummary[];
  /** Unreadable files, in the order given. */
  readonly failed: readonly FileFailure[];
  /** Every readable file together; null when no file could be read. */
  readonly total: Evaluation | null;
  /** For each of `total.units`, the index in `files` of the file it came from. */
  readonly unitFile: readonly number[];
  /** For each of `total.issues`, the index in `files` of the file it came from (−1: none). */
  readonly issueFile: readonly number[];
  /** Units of the total that repeat a unit of an earlier file (same folded name): index → first index. */
  readonly repeated: ReadonlyMap<number, number>;
}

/** Upper bound on the files consolidated in one go (the command line and the pane refuse more). */
export const MAX_FILES = 2000;

/** Evaluates each file, then all of them together, remembering where each unit and issue came from. */
export function consolidate(
  inputs: readonly FileInput[],
  failed: readonly FileFailure[],
  plan: Plan,
  options: EvaluateOptions,
): Consolidation {
  // Each unit and issue says which file it came from (SPEC §4 `file`), per file and in the total.
  const datasets = inputs.map(({ file, dataset }) => withFile(dataset, file));
  const files: FileSummary[] = inputs.map(({ file }, i) => ({
    file,
    units: datasets[i].units.length,
    staff: datasets[i].staff.count,
    activities: datasets[i].activities.length,
    evaluation: evaluate(datasets[i], plan, options),
  }));
  if (inputs.length === 0) return { files, failed, total: null, unitFile: [], issueFile: [], repeated: new Map() };
  const merged = mergeDatasets(datasets);
  const total = evaluate(merged, plan, options);
  const index = new Map<string, number>();
  inputs.forEach(({ file }, f) => {
    if (!index.has(file)) index.set(file, f);
  });
  // Units stay in file order; issues are filtered and added to by the merge, so they go by `file`.
  const unitFile = datasets.flatMap((d, f) => d.units.map(() => f));
  const issueFile = merged.issues.map((i) => (i.file === undefined ? -1 : (index.get(i.file) ?? -1)));
  const repeated = new Map<number, number>();
  merged.units.forEach((u, i) => {
    // Only repeats across files: a repeat within one file is already a duplicate_unit issue.
    if (u.duplicateOf !== null && unitFile[u.duplicateOf] !== unitFile[i]) repeated.set(i, u.duplicateOf);
  });
  return { files, failed, total, unitFile, issueFile, repeated };
}
