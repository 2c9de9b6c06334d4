/**
 * `cchc evaluate` over many files: folders expanded into their .xlsx files, each file read on its
 * own (an unreadable one is reported and the rest still evaluated, unless --strict-data), the
 * per-file table (`--by-file`) and the JSON `{ files: [...], total }`. The figures come from the
 * pure consolidation (src/report/consolidate.ts) that the task pane uses too.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Dataset } from '../engine';
import { Lang, TARGET_STATUS_TEXT } from '../i18n';
import { LocalText } from '../plan';
import { Consolidation, FileFailure, FileInput, MAX_FILES } from '../report/consolidate';
import { SpecJson, toSpecJson } from '../report/json';
import { UsageError } from './args';
import { Style, displayWidth } from './format';

/** How deep a folder is searched (a link loop or a whole disk is not a submission folder). */
const MAX_DEPTH = 16;

export interface Inputs {
  /** Files to read, as the user would name them (folder arguments joined with the relative path). */
  readonly files: readonly string[];
  /** A folder was given: the result is per file even when it holds one file. */
  readonly fromFolder: boolean;
}

function tooMany(): UsageError {
  return new UsageError(
    `Quá nhiều tệp (hơn ${MAX_FILES}): hãy chia thành nhiều lần đánh giá.`,
    `Too many files (more than ${MAX_FILES}): split them over several runs.`,
  );
}

/**
 * What a file manager does not show and nobody submits, skipped in folders: Excel's lock files
 * ("~$Báo cáo.xlsx"), hidden files and folders (macOS writes "._Báo cáo.xlsx" beside each file on a
 * USB stick, and keeps deleted files in ".Trashes"), and a Windows drive's recycle bin and
 * "System Volume Information" (deleted workbooks would be counted in the total).
 */
const NOT_SUBMITTED = /^(?:~\$|\.)|^(?:\$recycle\.bin|recycler|system volume information)$/i;

/** Every .xlsx under `dir` (recursively, symbolic links to folders not followed), sorted by path. */
async function walk(dir: string, shown: string, depth: number, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    // A folder without permission: said in one line, not a stack trace.
    const code = e.code ? ` (${e.code})` : '';
    throw new UsageError(`Không đọc được thư mục "${shown}"${code}.`, `Cannot read the folder "${shown}"${code}.`);
  });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (NOT_SUBMITTED.test(e.name)) continue;
    const full = path.join(dir, e.name);
    const name = path.join(shown, e.name);
    if (e.isDirectory()) {
      if (depth < MAX_DEPTH) await walk(full, name, depth + 1, out);
    } else if (/\.xlsx$/i.test(e.name) && (e.isFile() || e.isSymbolicLink())) {
      out.push(name);
      if (out.length > MAX_FILES) throw tooMany();
    }
  }
}

/** The command line's file arguments with folders replaced by the .xlsx files inside them. */
export async function expandInputs(args: readonly string[], cwd: string): Promise<Inputs> {
  const files: string[] = [];
  let fromFolder = false;
  for (const arg of args) {
    const st = await fs.stat(path.resolve(cwd, arg)).catch(() => null);
    if (!st || !st.isDirectory()) {
      files.push(arg);
      continue;
    }
    fromFolder = true;
    const found: string[] = [];
    await walk(path.resolve(cwd, arg), arg, 0, found);
    if (found.length === 0)
      throw new UsageError(`Không có tệp .xlsx nào trong thư mục "${arg}".`, `The folder "${arg}" holds no .xlsx file.`);
    files.push(...found);
  }
  if (files.length > MAX_FILES) throw tooMany();
  return { files, fromFolder };
}

/**
 * Reads every file: `fetch` gets a file's bytes (waiting on the disk), `read` makes its dataset
 * (this thread's work). The next file's bytes are fetched while a file is read, so the disk and
 * the reading overlap; at most one file is fetched ahead. `describe` turns a read error into the
 * reason shown for that file (null: not a problem with the file, rethrown). With `strict`, the
 * first unreadable file stops everything.
 */
export async function readAll<B, T extends { dataset: Dataset }>(
  files: readonly string[],
  fetch: (file: string) => Promise<B>,
  read: (file: string, fetched: B) => Promise<T>,
  describe: (e: unknown) => LocalText | null,
  strict: boolean,
): Promise<{ read: Array<T & FileInput>; failed: FileFailure[] }> {
  const ok: Array<T & FileInput> = [];
  const failed: FileFailure[] = [];
  let firstError: unknown = null;
  let next = files.length > 0 ? ahead(fetch(files[0])) : null;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    const fetched = next as Promise<B>;
    next = i + 1 < files.length ? ahead(fetch(files[i + 1])) : null;
    try {
      ok.push({ ...(await read(file, await fetched)), file });
    } catch (e) {
      const reason = describe(e);
      if (reason === null || strict) throw e;
      firstError ??= e;
      failed.push({ file, reason });
    }
  }
  // Nothing readable: the first file's problem is the answer (exit 2, as for one bad file).
  if (ok.length === 0 && firstError !== null) throw firstError;
  return { read: ok, failed };
}

/** A fetch started ahead: its failure is seen when its turn comes (or never, after a stop). */
function ahead<B>(p: Promise<B>): Promise<B> {
  p.catch(() => undefined);
  return p;
}

export type FilesJson = {
  files: Array<(SpecJson & { file: string }) | { file: string; error: string }>;
  total: SpecJson;
};

/** `--json` for several files: each file's result (or why it could not be read) in the order given, and the total. */
export function filesJson(c: Consolidation, order: readonly string[], lang: Lang): FilesJson {
  const byFile = new Map<string, FilesJson['files'][number]>();
  for (const f of c.files) byFile.set(f.file, { file: f.file, ...toSpecJson(f.evaluation, lang) });
  for (const f of c.failed) byFile.set(f.file, { file: f.file, error: f.reason[lang] });
  const files = order.flatMap((name) => {
    const entry = byFile.get(name);
    return entry ? [entry] : [];
  });
  if (c.total === null) throw new Error('filesJson: no file was read');
  return { files, total: toSpecJson(c.total, lang) };
}

const SHORT_STATUS: Readonly<Record<string, LocalText>> = {
  met: { vi: 'Đạt', en: 'met' },
  not_met: { vi: 'KĐ', en: 'no' },
  undetermined: { vi: '?', en: '?' },
  no_data: { vi: '·', en: '·' },
  no_target: { vi: '–', en: '–' },
};

function pad(s: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? gap + s : s + gap;
}

/** `--by-file`: one row per file (units, staff, each target's status, issues), the total row, then unreadable files. */
export function formatByFile(c: Consolidation, lang: Lang, style: Style): string {
  const vi = lang === 'vi';
  const total = c.total;
  if (total === null) return '';
  const ids = total.targets.map((t) => t.id);
  const head = [vi ? 'Tệp' : 'File', vi ? 'Đơn vị' : 'Units', vi ? 'Cán bộ' : 'Staff', ...ids, vi ? 'Vấn đề' : 'Issues'];
  const row = (file: string, units: number, staff: number, e: (typeof c.files)[number]['evaluation']) => [
    file,
    String(units),
    String(staff),
    ...e.targets.map((t) => SHORT_STATUS[t.status][lang]),
    String(e.issues.length),
  ];
  const rows = c.files.map((f) => row(f.file, f.units, f.staff, f.evaluation));
  const sum = (k: 'units' | 'staff') => c.files.reduce((n, f) => n + f[k], 0);
  const totalRow = row(vi ? 'TỔNG HỢP' : 'TOTAL', sum('units'), sum('staff'), total);
  const all = [head, ...rows, totalRow];
  const widths = head.map((_, i) => Math.max(...all.map((r) => displayWidth(r[i]))));
  const line = (r: string[]) =>
    r
      .map((cell, i) => pad(cell, widths[i], i > 0))
      .join('  ')
      .trimEnd();
  const bold = (s: string) => (style.color ? `\u001b[1m${s}\u001b[0m` : s);
  const out = [
    bold(vi ? `Tổng hợp ${c.files.length} tệp · năm ${total.year}` : `${c.files.length} files together · year ${total.year}`),
    '',
    bold(line(head)),
    ...rows.map(line),
    bold(line(totalRow)),
    '',
    vi
      ? `Đạt = ${TARGET_STATUS_TEXT.met.vi} · KĐ = ${TARGET_STATUS_TEXT.not_met.vi} · ? = ${TARGET_STATUS_TEXT.undetermined.vi} · · = ${TARGET_STATUS_TEXT.no_data.vi} · – = ${TARGET_STATUS_TEXT.no_target.vi}`
      : `met · no = not met · ? = undetermined · · = no data · – = no target`,
  ];
  out.push(...formatFailures(c, lang));
  return out.join('\n') + '\n';
}

/** The unreadable files, one line each with the reason (empty when all were read). */
export function formatFailures(c: Consolidation, lang: Lang): string[] {
  if (c.failed.length === 0) return [];
  const head =
    lang === 'vi'
      ? `Không đọc được ${c.failed.length} tệp (không tính vào tổng hợp):`
      : `${c.failed.length} files could not be read (not in the total):`;
  return ['', head, ...c.failed.map((f) => `  ${f.file}: ${f.reason[lang]}`)];
}
