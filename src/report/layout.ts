/**
 * The report sheet as data: every cell, merge, style block, number format, link and the chart,
 * laid out once here and rendered by the .xlsx writer (command line) and by the Excel adapter
 * (task pane). Styles apply to blocks, never to single rows, so a renderer's work does not grow
 * with the number of units or issues.
 */
import { Evaluation, TargetResult, distinctUnits } from '../engine';
import {
  ISSUE_KIND_TEXT,
  Lang,
  TARGET_STATUS_TEXT,
  UNIT_KIND_TEXT,
  UNIT_STATUS_TEXT,
  formatNumber,
  issueMessage,
  thresholdText,
} from '../i18n';
import { CellRange } from '../workbook/grid';

/** A report cell. Text always stays text when written (a name like "=1+1" is not a formula). */
export type ReportCell =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'number'; readonly v: number }
  | { readonly t: 'link'; readonly sheet: string; readonly cell: string; readonly label: string }
  | null;

export type ReportStyle =
  | 'agency'
  | 'motto'
  | 'place_date'
  | 'title'
  | 'subtitle'
  | 'note'
  | 'section'
  | 'table_header'
  | 'table_body'
  | 'list_body'
  | 'table_center'
  | 'signature';

export interface ReportBlock {
  readonly range: CellRange;
  readonly style: ReportStyle;
}

export interface NumberFormatBlock {
  readonly range: CellRange;
  /** Excel number format: "0", "0.00%", "#,##0". */
  readonly format: string;
}

/** A column of status words colored by rules (same colors as the unit rows). */
export interface StatusBlock {
  readonly range: CellRange;
}

export interface ReportChart {
  readonly title: string;
  /** Categories in the first column, then actual and threshold series (with a header row). */
  readonly data: CellRange;
  /** Where it sits: top-left and bottom-right cells. */
  readonly anchor: CellRange;
  /** Clustered columns (default) or lines (a series per column, e.g. targets across years). */
  readonly type?: 'column' | 'line';
}

export interface ReportLayout {
  readonly sheetName: string;
  readonly rows: readonly (readonly ReportCell[])[];
  readonly width: number;
  readonly merges: readonly CellRange[];
  readonly blocks: readonly ReportBlock[];
  readonly numberFormats: readonly NumberFormatBlock[];
  readonly statusBlocks: readonly StatusBlock[];
  /** Blocks holding link cells (each block all links), written as formulas. */
  readonly linkBlocks: readonly CellRange[];
  readonly columnWidths: readonly number[];
  readonly chart: ReportChart | null;
  /** What is printed: the report columns, not the chart's data table beside them. */
  readonly printArea: CellRange;
  /** The row made taller for the subtitle (default 5, the yearly report's). */
  readonly subtitleRow?: number;
  /** Printed landscape (default portrait). */
  readonly landscape?: boolean;
}

export interface ReportOptions {
  readonly lang: Lang;
  readonly date: Date;
  readonly sheetName: string;
  /** Name of the workbook the report is about (shown under the title). */
  readonly source?: string;
  /**
   * At most this many data issues listed (the Excel add-in keeps each write under Excel on the
   * web's payload limit); the rest are counted, all of them being on the sheet `issuesSheet`.
   */
  readonly issueLimit?: number;
  readonly issuesSheet?: string;
}

const WIDTH = 7;
const CHART_COL = 8; // column I: the chart's data table sits right of the report

const T = {
  vi: {
    agency: ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH'],
    nation: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    placeDate: (d: Date) =>
      `Thành phố Hồ Chí Minh, ngày ${String(d.getDate()).padStart(2, '0')} tháng ${String(d.getMonth() + 1).padStart(2, '0')} năm ${d.getFullYear()}`,
    title: 'BÁO CÁO',
    subtitle: (y: number) =>
      `Kết quả thực hiện các chỉ tiêu nâng cao năng lực đội ngũ cán bộ, công chức, viên chức làm công tác cải cách hành chính năm ${y}`,
    note: (strict: boolean, source?: string) =>
      `(Tính đến ngày 31/12; "trên X %" hiểu là ${strict ? 'lớn hơn X %' : 'từ X % trở lên'}${source ? `; số liệu từ "${source}"` : ''})`,
    sectionTargets: 'I. KẾT QUẢ CÁC CHỈ TIÊU',
    targetHeader: ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Tỷ lệ', 'Đánh giá', 'Còn thiếu'],
    sectionUnits: (n: number, total: number) => `II. ĐƠN VỊ CHƯA ĐẠT (${n}/${total} đơn vị)`,
    unitHeader: ['STT', 'Đơn vị', 'Chỉ tiêu không đạt', 'Loại đơn vị', 'Vị trí'],
    noUnits: 'Không có đơn vị chưa đạt.',
    undetermined: (n: number) => `Ngoài ra ${n} đơn vị chưa xác định được do thiếu hoặc sai số liệu.`,
    sectionIssues: (n: number) => `III. VẤN ĐỀ DỮ LIỆU CẦN KIỂM TRA (${n})`,
    issueHeader: ['STT', 'Nội dung', 'Loại vấn đề', 'Vị trí', 'Giá trị'],
    noIssues: 'Không có vấn đề dữ liệu.',
    moreIssues: (n: number, sheet: string) => `Còn ${n} vấn đề nữa; xem đầy đủ ở trang "${sheet}".`,
    chartTitle: 'Tỷ lệ đạt so với kế hoạch',
    chartHeader: ['Chỉ tiêu', 'Kết quả', 'Kế hoạch'],
    signLeft: 'NGƯỜI LẬP BIỂU',
    signRight: 'THỦ TRƯỞNG ĐƠN VỊ',
    unknown: (u: number) => ` (+${u} chưa rõ)`,
    parts: (met: number, of: number) => `${met}/${of} phần đạt`,
  },
  en: {
    agency: ['HO CHI MINH CITY', "PEOPLE'S COMMITTEE"],
    nation: ['SOCIALIST REPUBLIC OF VIETNAM', 'Independence - Freedom - Happiness'],
    placeDate: (d: Date) =>
      `Ho Chi Minh City, ${d.toLocaleDateString('en-GB', { day: '2-digit', month: 'long', year: 'numeric' })}`,
    title: 'REPORT',
    subtitle: (y: number) => `Results against the targets for the capacity of administrative-reform officials, ${y}`,
    note: (strict: boolean, source?: string) =>
      `(As at 31 December; "over X %" read as ${strict ? 'more than X %' : 'X % or more'}${source ? `; data from "${source}"` : ''})`,
    sectionTargets: 'I. TARGETS',
    targetHeader: ['No.', 'Target', 'Plan', 'Result', 'Rate', 'Status', 'Gap'],
    sectionUnits: (n: number, total: number) => `II. NON-COMPLIANT UNITS (${n} of ${total})`,
    unitHeader: ['No.', 'Unit', 'Targets not met', 'Kind', 'Location'],
    noUnits: 'No non-compliant units.',
    undetermined: (n: number) => `${n} more units are undetermined because of missing or unreadable data.`,
    sectionIssues: (n: number) => `III. DATA ISSUES TO CHECK (${n})`,
    issueHeader: ['No.', 'Description', 'Issue', 'Location', 'Value'],
    noIssues: 'No data issues.',
    moreIssues: (n: number, sheet: string) => `${n} more issues; see the "${sheet}" sheet for all of them.`,
    chartTitle: 'Rate achieved against the plan',
    chartHeader: ['Target', 'Result', 'Plan'],
    signLeft: 'PREPARED BY',
    signRight: 'HEAD OF OFFICE',
    unknown: (u: number) => ` (+${u} unknown)`,
    parts: (met: number, of: number) => `${met} of ${of} parts met`,
  },
} as const;

const text = (v: string): ReportCell => ({ t: 'text', v });
const num = (v: number): ReportCell => ({ t: 'number', v });
const range = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

function resultCell(t: TargetResult, lang: Lang): ReportCell {
  const unk = t.unknown > 0 && t.measure !== 'all_of' ? T[lang].unknown(t.unknown) : '';
  if (t.measure === 'all_of') return text(T[lang].parts(t.achieved, t.parts?.length ?? 2));
  if (t.measure === 'rate') return text(`${formatNumber(t.achieved, lang, 0)}/${formatNumber(t.population ?? 0, lang, 0)}${unk}`);
  return text(`${formatNumber(t.achieved, lang, 0)}${unk}`);
}

/** The name of the report sheet for a year, in the UI language. */
export function reportSheetBaseName(year: number, lang: Lang): string {
  return lang === 'vi' ? `Báo cáo CCHC ${year}` : `CCHC report ${year}`;
}

/**
 * A free name for the report sheet: the base name when free or already the add-in's own report,
 * otherwise "Báo cáo CCHC 2024 (2)", "(3)" … Sheet names compare case-insensitively, as in Excel.
 */
export function chooseReportSheetName(base: string, existing: readonly string[], ours: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const own = new Set(ours.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase()) || own.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base} (${i})`;
    if (!taken.has(name.toLowerCase()) || own.has(name.toLowerCase())) return name;
  }
}

/** Lays out the whole report for an evaluation. */
export function buildReportLayout(e: Evaluation, o: ReportOptions): ReportLayout {
  const t = T[o.lang];
  const rows: ReportCell[][] = [];
  const merges: CellRange[] = [];
  const blocks: ReportBlock[] = [];
  const numberFormats: NumberFormatBlock[] = [];
  const statusBlocks: StatusBlock[] = [];
  const linkBlocks: CellRange[] = [];
  const put = (r: number, c: number, cell: ReportCell) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell;
  };
  const mergeRow = (r: number, left: number, right: number, cell: ReportCell, style: ReportStyle) => {
    put(r, left, cell);
    if (right > left) merges.push(range(r, left, r, right));
    blocks.push({ range: range(r, left, r, right), style });
  };

  // Heading block in the administrative style: agency left, national motto right.
  mergeRow(0, 0, 2, text(t.agency[0]), 'agency');
  mergeRow(1, 0, 2, text(t.agency[1]), 'agency');
  mergeRow(0, 3, WIDTH - 1, text(t.nation[0]), 'agency');
  mergeRow(1, 3, WIDTH - 1, text(t.nation[1]), 'motto');
  mergeRow(2, 3, WIDTH - 1, text(t.placeDate(o.date)), 'place_date');
  mergeRow(4, 0, WIDTH - 1, text(t.title), 'title');
  mergeRow(5, 0, WIDTH - 1, text(t.subtitle(e.year)), 'subtitle');
  mergeRow(6, 0, WIDTH - 1, text(t.note(e.strict, o.source)), 'note');

  // I. Targets.
  let r = 8;
  mergeRow(r, 0, WIDTH - 1, text(t.sectionTargets), 'section');
  r++;
  const targetHeaderRow = r;
  t.targetHeader.forEach((h, c) => put(r, c, text(h)));
  blocks.push({ range: range(r, 0, r, WIDTH - 1), style: 'table_header' });
  r++;
  const firstTarget = r;
  e.targets.forEach((tr, i) => {
    put(r, 0, num(i + 1));
    put(r, 1, text(`${tr.id}. ${tr.name[o.lang]}`));
    put(r, 2, text(tr.measure === 'all_of' ? (tr.parts ?? []).join(' + ') : thresholdText(tr.threshold, tr.measure, o.lang)));
    put(r, 3, resultCell(tr, o.lang));
    put(r, 4, tr.measure === 'rate' && tr.actual !== null ? num(tr.actual) : null);
    put(r, 5, text(TARGET_STATUS_TEXT[tr.status][o.lang]));
    put(r, 6, tr.gap !== null && tr.gap > 0 ? num(tr.gap) : null);
    r++;
  });
  const lastTarget = r - 1;
  blocks.push({ range: range(firstTarget, 0, lastTarget, WIDTH - 1), style: 'table_body' });
  blocks.push({ range: range(firstTarget, 0, lastTarget, 0), style: 'table_center' });
  blocks.push({ range: range(firstTarget, 2, lastTarget, 6), style: 'table_center' });
  numberFormats.push({ range: range(firstTarget, 4, lastTarget, 4), format: '0.00%' });
  numberFormats.push({ range: range(firstTarget, 0, lastTarget, 0), format: '0' });
  numberFormats.push({ range: range(firstTarget, 6, lastTarget, 6), format: '#,##0' });
  statusBlocks.push({ range: range(firstTarget, 5, lastTarget, 5) });

  // Chart data, right of the report: rate targets, actual against threshold.
  const rated = e.targets.filter((x) => x.measure === 'rate');
  let chart: ReportChart | null = null;
  if (rated.length > 0) {
    t.chartHeader.forEach((h, c) => put(targetHeaderRow, CHART_COL + c, text(h)));
    rated.forEach((x, i) => {
      put(targetHeaderRow + 1 + i, CHART_COL, text(x.id));
      put(targetHeaderRow + 1 + i, CHART_COL + 1, num(x.actual ?? 0));
      put(targetHeaderRow + 1 + i, CHART_COL + 2, x.threshold ? num(x.threshold.value) : null);
    });
    const data = range(targetHeaderRow, CHART_COL, targetHeaderRow + rated.length, CHART_COL + 2);
    blocks.push({ range: range(targetHeaderRow, CHART_COL, targetHeaderRow, CHART_COL + 2), style: 'table_header' });
    blocks.push({ range: range(targetHeaderRow + 1, CHART_COL, data.bottom, CHART_COL + 2), style: 'table_center' });
    numberFormats.push({ range: range(targetHeaderRow + 1, CHART_COL + 1, data.bottom, CHART_COL + 2), format: '0%' });
    // The chart itself sits under the targets table, inside the printed area.
    chart = { title: t.chartTitle, data, anchor: range(r + 1, 0, r + 16, WIDTH - 1) };
    r += 17;
  }

  // II. Non-compliant units.
  r++;
  // A unit listed twice (in one file or in two) is one unit: counted and listed once.
  const units = distinctUnits(e.units);
  const bad = units.filter((u) => u.status === 'non_compliant');
  const unsure = units.filter((u) => u.status === 'undetermined').length;
  mergeRow(r, 0, WIDTH - 1, text(t.sectionUnits(bad.length, units.length)), 'section');
  r++;
  if (bad.length === 0) {
    mergeRow(r, 0, WIDTH - 1, text(t.noUnits), 'note');
    r++;
  } else {
    t.unitHeader.forEach((h, c) => put(r, c, text(h)));
    blocks.push({ range: range(r, 0, r, t.unitHeader.length - 1), style: 'table_header' });
    r++;
    const first = r;
    bad.forEach((u, i) => {
      put(r, 0, num(i + 1));
      put(r, 1, text(u.name));
      put(r, 2, text(u.failed.join(', ')));
      put(r, 3, text(UNIT_KIND_TEXT[u.kind][o.lang]));
      put(r, 4, { t: 'link', sheet: u.sheet, cell: `A${u.row}`, label: `${u.sheet}!A${u.row}` });
      r++;
    });
    blocks.push({ range: range(first, 0, r - 1, t.unitHeader.length - 1), style: 'table_body' });
    blocks.push({ range: range(first, 0, r - 1, 0), style: 'table_center' });
    numberFormats.push({ range: range(first, 0, r - 1, 0), format: '0' });
    linkBlocks.push(range(first, 4, r - 1, 4));
  }
  if (unsure > 0) {
    mergeRow(r, 0, WIDTH - 1, text(t.undetermined(unsure)), 'note');
    r++;
  }

  // III. Data issues, each linked to its cell.
  r++;
  mergeRow(r, 0, WIDTH - 1, text(t.sectionIssues(e.issues.length)), 'section');
  r++;
  if (e.issues.length === 0) {
    mergeRow(r, 0, WIDTH - 1, text(t.noIssues), 'note');
    r++;
  } else {
    t.issueHeader.forEach((h, c) => put(r, c, text(h)));
    blocks.push({ range: range(r, 0, r, t.issueHeader.length - 1), style: 'table_header' });
    r++;
    const first = r;
    const listed = o.issueLimit !== undefined ? e.issues.slice(0, o.issueLimit) : e.issues;
    const linked = listed.every((i) => i.sheet !== '' && i.cell !== '');
    listed.forEach((issue, i) => {
      put(r, 0, num(i + 1));
      put(r, 1, text(issueMessage(issue, o.lang)));
      put(r, 2, text(ISSUE_KIND_TEXT[issue.kind][o.lang]));
      put(
        r,
        3,
        issue.sheet && issue.cell
          ? { t: 'link', sheet: issue.sheet, cell: issue.cell, label: `${issue.sheet}!${issue.cell}` }
          : text('—'),
      );
      put(r, 4, text(issue.value));
      r++;
    });
    blocks.push({ range: range(first, 0, r - 1, t.issueHeader.length - 1), style: 'table_body' });
    blocks.push({ range: range(first, 0, r - 1, 0), style: 'table_center' });
    numberFormats.push({ range: range(first, 0, r - 1, 0), format: '0' });
    if (linked) linkBlocks.push(range(first, 3, r - 1, 3));
    if (listed.length < e.issues.length) {
      mergeRow(r, 0, WIDTH - 1, text(t.moreIssues(e.issues.length - listed.length, o.issuesSheet ?? '')), 'note');
      r++;
    }
  }

  // Signatures.
  r += 2;
  mergeRow(r, 0, 2, text(t.signLeft), 'signature');
  mergeRow(r, 3, WIDTH - 1, text(t.signRight), 'signature');
  r++;

  const width = rated.length > 0 ? CHART_COL + 3 : WIDTH;
  for (const row of rows) for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
  return {
    sheetName: o.sheetName,
    rows,
    width,
    merges,
    blocks,
    numberFormats,
    statusBlocks,
    linkBlocks,
    columnWidths: [6, 52, 14, 20, 11, 16, 11, 3, 10, 10, 10],
    chart,
    printArea: range(0, 0, rows.length - 1, WIDTH - 1),
  };
}

/** The status words of units and targets, for rules that color them. */
export function statusWords(lang: Lang): { bad: string[]; unsure: string[]; good: string[] } {
  return {
    bad: [UNIT_STATUS_TEXT.non_compliant[lang], TARGET_STATUS_TEXT.not_met[lang]],
    unsure: [UNIT_STATUS_TEXT.undetermined[lang], TARGET_STATUS_TEXT.undetermined[lang]],
    good: [UNIT_STATUS_TEXT.compliant[lang], TARGET_STATUS_TEXT.met[lang]],
  };
}
