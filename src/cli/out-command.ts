/**
 * `--out OUT.xlsx`: the colored copy with its report sheet, written by patching the original
 * package (src/xlsx/patch) atomically. An existing OUT is refused unless --force; a failure
 * leaves OUT as it was and no temporary file behind.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Dataset, Evaluation } from '../engine';
import { Lang } from '../i18n';
import { WorkbookGrid } from '../workbook/grid';
import { WorkbookFileError } from '../xlsx/errors';
import { AtomicFs, NODE_FS, OutExistsError, writeAtomically } from '../xlsx/patch/atomic-write';
import type { PackageKind } from '../xlsx/patch/bookkeeping';
import type { PatchResult, StatusColumnNote } from '../xlsx/patch/package';
import { UsageError } from './args';

/** A failure to write OUT: one line in Vietnamese and English. */
export class OutWriteError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
    this.name = 'OutWriteError';
  }
}

function existsError(shown: string): UsageError {
  return new UsageError(
    `đã có tệp "${shown}"; dùng --force để ghi đè.`,
    `"${shown}" already exists; use --force to overwrite it.`,
  );
}

/** Refuses an existing OUT without --force (checked before anything is read). */
export function refuseExistingOut(out: string, shown: string, force: boolean, exists: (f: string) => boolean = existsSync): void {
  if (!force && exists(out)) throw existsError(shown);
}

function writeFailure(e: unknown, shown: string, out: string): OutWriteError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const dir = path.dirname(out);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new OutWriteError(
      `Không ghi được "${shown}" (${code}): thư mục "${dir}" chỉ cho đọc hoặc bạn không có quyền ghi. Hãy chọn thư mục khác.`,
      `Cannot write "${shown}" (${code}): the folder "${dir}" is read-only or you may not write to it. Choose another folder.`,
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new OutWriteError(
      `Không ghi được "${shown}" (${code}): ổ đĩa đã đầy. Tệp "${shown}" không bị thay đổi.`,
      `Cannot write "${shown}" (${code}): the disk is full. "${shown}" was left as it was.`,
    );
  const why = code || (e instanceof Error ? e.message : String(e));
  return new OutWriteError(
    `Không ghi được "${shown}" (${why}). Tệp "${shown}" không bị thay đổi.`,
    `Cannot write "${shown}" (${why}). "${shown}" was left as it was.`,
  );
}

const KINDS: Readonly<Record<PackageKind, { vi: string; en: string }>> = {
  xlsx: { vi: 'sổ tính Excel', en: 'an Excel workbook' },
  xlsm: { vi: 'sổ tính có macro', en: 'a macro-enabled workbook' },
  xltx: { vi: 'mẫu Excel', en: 'an Excel template' },
  xltm: { vi: 'mẫu có macro', en: 'a macro-enabled template' },
  xlam: { vi: 'phần bổ trợ Excel', en: 'an Excel add-in' },
};

/** The copy's extension is not the one Excel needs for the input's kind of package. */
function kindError(file: string, kind: PackageKind): UsageError {
  const k = KINDS[kind];
  return new UsageError(
    `"${file}" là ${k.vi} (.${kind}): bản sao --out phải có đuôi .${kind} (Excel không mở tệp có đuôi khác loại của nó). Chưa ghi tệp nào.`,
    `"${file}" is ${k.en} (.${kind}): the --out copy must end in .${kind} (Excel does not open a file whose extension differs from its kind). Nothing was written.`,
  );
}

export interface OutRequest {
  /** Absolute path of OUT, and OUT as the user typed it. */
  readonly out: string;
  readonly shown: string;
  readonly force: boolean;
  readonly lang: Lang;
  /** The input's bytes and name as typed. */
  readonly original: Buffer;
  readonly file: string;
  readonly grid: WorkbookGrid;
  readonly dataset: Dataset;
  readonly evaluation: Evaluation;
  readonly fs?: AtomicFs;
  readonly date?: Date;
}

/**
 * Writes the copy; returns what was done, for the lines the command line prints. The patcher is
 * loaded here, not at start-up: `cchc evaluate` without --out never loads it.
 */
export async function writeOutCopy(r: OutRequest): Promise<PatchResult> {
  const { PackageKindMismatch, writePatchedCopy } = await import('../xlsx/patch/package');
  let result: PatchResult | null = null;
  try {
    writeAtomically(
      r.out,
      r.force,
      (sink) => {
        try {
          result = writePatchedCopy(
            r.original,
            r.grid,
            r.dataset,
            r.evaluation,
            {
              lang: r.lang,
              source: path.basename(r.file),
              date: r.date,
              extension: path.extname(r.out).slice(1).toLowerCase(),
            },
            sink,
          );
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code || e instanceof PackageKindMismatch) throw e;
          // The input's parts could not be patched: a damaged workbook, said as such.
          throw new WorkbookFileError('corrupt', r.file, e instanceof Error ? e.message : String(e));
        }
      },
      r.fs ?? NODE_FS,
    );
  } catch (e) {
    if (e instanceof OutExistsError) throw existsError(r.shown);
    if (e instanceof PackageKindMismatch) throw kindError(r.file, e.kind);
    if (e instanceof WorkbookFileError) throw e;
    throw writeFailure(e, r.shown, r.out);
  }
  return result as unknown as PatchResult;
}

/** Lines saying where a status column went when it is not right beside its list. */
export function statusColumnLines(notes: readonly StatusColumnNote[], lang: Lang): string[] {
  return notes
    .filter((n) => !n.beside)
    .map((n) =>
      n.column === null
        ? lang === 'vi'
          ? `Trang "${n.sheet}": không còn cột trống bên phải danh sách đơn vị, nên không ghi cột trạng thái (kết quả vẫn có trong trang báo cáo).`
          : `Sheet "${n.sheet}": no free column right of the units list, so no status column (the report sheet still has the results).`
        : lang === 'vi'
          ? `Trang "${n.sheet}": cột bên phải danh sách (sau cột ${n.listRight}) đã có dữ liệu, nên cột trạng thái được ghi ở cột trống đầu tiên: ${n.column}.`
          : `Sheet "${n.sheet}": the column right of the list (after ${n.listRight}) holds data, so the status column went to the first free column: ${n.column}.`,
    );
}
