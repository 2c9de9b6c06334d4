/**
 * The sheet "Tổng hợp CCHC {year}" the pane writes after consolidating several files: one row per
 * file (name, units, staff, each target's figure and status, issues), the total row, then the units
 * with the file each came from, the data issues with file and cell, and the files that could not be
 * read with the reason. Pure: cells, number formats and which rows are headings; the Office writer
 * is src/excel/consolidation.ts.
 */
import type { Evaluation, TargetResult } from '../engine';
import { ISSUE_KIND_TEXT, Lang, TARGET_STATUS_TEXT, UNIT_KIND_TEXT, UNIT_STATUS_TEXT, issueMessage } from '../i18n';
import type { Consolidation } from './consolidate';

export type SheetCell = string | number | null;

export interface ConsolidationSheet {
  readonly name: string;
  readonly rows: readonly (readonly SheetCell[])[];
  /** Number formats that are not General, by A1 address ("E5": "0.00%"). */
  readonly numberFormats: Readonly<Record<string, string>>;
  /** 1-based rows shown bold (title, table headings, total). */
  readonly boldRows: readonly number[];
  readonly widths: readonly number[];
  /** 1-based row of the per-file table's header (kept in view). */
  readonly headerRow: number;
}

const T = {
  vi: {
    name: (y: number) => `Tổng hợp CCHC ${y}`,
    title: (y: number) => `TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC NĂM ${y}`,
    sub: (files: number, failed: number, strict: boolean) =>
      `${files} tệp được tổng hợp${failed > 0 ? `, ${failed} tệp không đọc được` : ''} · "trên X %" hiểu là ${strict ? 'lớn hơn X %' : 'từ X % trở lên'}`,
    file: 'Tệp',
    units: 'Số đơn vị',
    staff: 'Số cán bộ',
    issues: 'Vấn đề dữ liệu',
    figure: (id: string) => `${id} kết quả`,
    status: (id: string) => `${id} đánh giá`,
    total: 'TỔNG HỢP',
    unitsHeading: 'ĐƠN VỊ THEO TỆP',
    unitCols: ['Tệp', 'Đơn vị', 'Loại đơn vị', 'Đánh giá', 'Chỉ tiêu không đạt', 'Trang', 'Dòng', 'Ghi chú'],
    repeat: (file: string) => `Trùng với đơn vị trong tệp "${file}" (tính một lần)`,
    issuesHeading: 'VẤN ĐỀ DỮ LIỆU',
    issueCols: ['Tệp', 'Trang', 'Ô', 'Loại vấn đề', 'Giá trị', 'Nội dung'],
    failedHeading: 'TỆP KHÔNG ĐỌC ĐƯỢC',
    failedCols: ['Tệp', 'Lý do'],
  },
  en: {
    name: (y: number) => `CCHC summary ${y}`,
    title: (y: number) => `CCHC PLAN RESULTS, ALL FILES, ${y}`,
    sub: (files: number, failed: number, strict: boolean) =>
      `${files} files consolidated${failed > 0 ? `, ${failed} could not be read` : ''} · "over X %" read as ${strict ? 'more than X %' : 'X % or more'}`,
    file: 'File',
    units: 'Units',
    staff: 'Staff',
    issues: 'Data issues',
    figure: (id: string) => `${id} result`,
    status: (id: string) => `${id} status`,
    total: 'TOTAL',
    unitsHeading: 'UNITS BY FILE',
    unitCols: ['File', 'Unit', 'Kind', 'Status', 'Targets not met', 'Sheet', 'Row', 'Note'],
    repeat: (file: string) => `Same unit as in "${file}" (counted once)`,
    issuesHeading: 'DATA ISSUES',
    issueCols: ['File', 'Sheet', 'Cell', 'Issue', 'Value', 'Details'],
    failedHeading: 'FILES THAT COULD NOT BE READ',
    failedCols: ['File', 'Reason'],
  },
} as const;

export function consolidationSheetBaseName(year: number, lang: Lang): string {
  return T[lang].name(year);
}

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A target's figure as a number: the rate for rate targets, the count otherwise (T05: parts met). */
function figure(t: TargetResult): number | null {
  if (t.measure === 'rate') return t.actual;
  return t.achieved;
}

export function buildConsolidationSheet(c: Consolidation, lang: Lang, name?: string): ConsolidationSheet {
  const total = c.total as Evaluation;
  const t = T[lang];
  const rows: SheetCell[][] = [];
  const formats: Record<string, string> = {};
  const bold: number[] = [];
  const push = (r: SheetCell[], isBold = false) => {
    rows.push(r);
    if (isBold) bold.push(rows.length);
  };
  push([t.title(total.year)], true);
  push([t.sub(c.files.length, c.failed.length, total.strict)]);
  push([]);
  const targets = total.targets;
  push([t.file, t.units, t.staff, ...targets.flatMap((x) => [t.figure(x.id), t.status(x.id)]), t.issues], true);
  const headerRow = rows.length;
  const figureRow = (label: string, units: number, staff: number, e: Evaluation, issues: number) => {
    const r: SheetCell[] = [label, units, staff];
    e.targets.forEach((x, i) => {
      const col = 3 + 2 * i;
      r.push(figure(x), TARGET_STATUS_TEXT[x.status][lang]);
      if (x.measure === 'rate') formats[`${columnName(col)}${rows.length + 1}`] = '0.00%';
    });
    r.push(issues);
    return r;
  };
  for (const f of c.files) push(figureRow(f.file, f.units, f.staff, f.evaluation, f.evaluation.issues.length));
  const sum = (k: 'units' | 'staff') => c.files.reduce((n, f) => n + f[k], 0);
  push(figureRow(t.total, sum('units'), sum('staff'), total, total.issues.length), true);

  push([]);
  push([t.unitsHeading], true);
  push([...t.unitCols], true);
  total.units.forEach((u, i) => {
    const first = c.repeated.get(i);
    push([
      c.files[c.unitFile[i]]?.file ?? '',
      u.name,
      UNIT_KIND_TEXT[u.kind][lang],
      UNIT_STATUS_TEXT[u.status][lang],
      u.failed.join(', '),
      u.sheet,
      u.row,
      first === undefined ? '' : t.repeat(c.files[c.unitFile[first]]?.file ?? ''),
    ]);
  });

  push([]);
  push([t.issuesHeading], true);
  push([...t.issueCols], true);
  total.issues.forEach((issue, i) => {
    push([
      c.files[c.issueFile[i]]?.file ?? '',
      issue.sheet,
      issue.cell,
      ISSUE_KIND_TEXT[issue.kind][lang],
      issue.value,
      issueMessage(issue, lang),
    ]);
  });

  if (c.failed.length > 0) {
    push([]);
    push([t.failedHeading], true);
    push([...t.failedCols], true);
    for (const f of c.failed) push([f.file, f.reason[lang]]);
  }
  const width = 3 + 2 * targets.length + 1;
  const widths = [34, 26, 18, 16, 20, 18, 10, ...Array.from({ length: width - 7 }, () => 12)];
  return { name: name ?? t.name(total.year), rows, numberFormats: formats, boldRows: bold, widths, headerRow };
}
