/**
 * The period summary as a report sheet ("Tổng kết CCHC 2022–2025"): every target against every
 * year's threshold (result, plan, status per year), a line chart of the rate targets across the
 * years, each unit's status per year, the 5S pilot and what was never met. Laid out as a
 * ReportLayout (layout.ts), so the add-in renders it as it renders the yearly report. Its figures
 * are those of the period summary (engine/period.ts): one evaluation per year.
 */
import { PeriodCell, PeriodSummary } from '../engine/period';
import { Lang, TARGET_STATUS_TEXT, UNIT_KIND_TEXT, UNIT_STATUS_TEXT, thresholdText } from '../i18n';
import { CellRange } from '../workbook/grid';
import { NumberFormatBlock, ReportBlock, ReportCell, ReportChart, ReportLayout, ReportStyle, StatusBlock } from './layout';

export interface PeriodSheetOptions {
  readonly lang: Lang;
  readonly date: Date;
  readonly sheetName: string;
}

const T = {
  vi: {
    title: (a: number, b: number) => `TỔNG KẾT CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN ${a}–${b}`,
    subtitle:
      'Kết quả thực hiện các chỉ tiêu nâng cao năng lực đội ngũ cán bộ, công chức, viên chức làm công tác cải cách hành chính qua từng năm',
    note: (strict: boolean, d: Date) =>
      `(Số liệu từng năm tính đến ngày 31/12; "trên X %" hiểu là ${strict ? 'lớn hơn X %' : 'từ X % trở lên'}; lập ngày ${dmy(d)})`,
    targets: 'I. CÁC CHỈ TIÊU QUA CÁC NĂM',
    no: 'STT',
    target: 'Chỉ tiêu',
    yearCols: ['Kết quả', 'Kế hoạch', 'Đánh giá'],
    parts: (met: number, of: number) => `${met}/${of} phần đạt`,
    chartTitle: 'Tỷ lệ đạt các chỉ tiêu tỷ lệ qua các năm',
    chartYear: 'Năm',
    units: (n: number) => `II. TÌNH TRẠNG CÁC ĐƠN VỊ QUA CÁC NĂM (${n} đơn vị)`,
    unit: 'Đơn vị',
    kind: 'Loại đơn vị',
    failed: 'Chỉ tiêu không đạt',
    noUnits: 'Không có danh sách đơn vị.',
    objectives: 'THÍ ĐIỂM MÔ HÌNH 5S',
    objective: 'Mục tiêu',
    objectiveResult: ['Số đơn vị', 'Kế hoạch', 'Đánh giá'],
    perLevel: (n: number) => `≥ ${n} mỗi cấp`,
    never: 'CHỈ TIÊU CHƯA ĐẠT TRONG CẢ GIAI ĐOẠN',
    neverLine: (id: string, name: string) => `${id}. ${name}: chưa đạt ở bất kỳ năm nào có đặt chỉ tiêu.`,
    noNever: 'Mỗi chỉ tiêu đều đạt ít nhất một năm có đặt chỉ tiêu.',
  },
  en: {
    title: (a: number, b: number) => `ADMINISTRATIVE REFORM SUMMARY ${a}–${b}`,
    subtitle: 'Results against the targets for the capacity of administrative-reform officials, year by year',
    note: (strict: boolean, d: Date) =>
      `(Each year as at 31 December; "over X %" read as ${strict ? 'more than X %' : 'X % or more'}; made on ${dmy(d)})`,
    targets: 'I. TARGETS YEAR BY YEAR',
    no: 'No.',
    target: 'Target',
    yearCols: ['Result', 'Plan', 'Status'],
    parts: (met: number, of: number) => `${met} of ${of} parts met`,
    chartTitle: 'Share achieved of the rate targets by year',
    chartYear: 'Year',
    units: (n: number) => `II. UNITS YEAR BY YEAR (${n} ${n === 1 ? 'unit' : 'units'})`,
    unit: 'Unit',
    kind: 'Kind',
    failed: 'Targets not met',
    noUnits: 'No units list.',
    objectives: '5S WORKPLACE PILOT',
    objective: 'Objective',
    objectiveResult: ['Pilot units', 'Plan', 'Status'],
    perLevel: (n: number) => `≥ ${n} per level`,
    never: 'TARGETS NEVER MET IN THE PERIOD',
    neverLine: (id: string, name: string) => `${id}. ${name}: not met in any year that had a target.`,
    noNever: 'Every target was met in at least one year that had one.',
  },
} as const;

function dmy(d: Date): string {
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** The name of the period summary sheet, in the UI language ("Tổng kết CCHC 2022–2025"). */
export function periodSheetBaseName(from: number, to: number, lang: Lang): string {
  return lang === 'vi' ? `Tổng kết CCHC ${from}–${to}` : `CCHC summary ${from}–${to}`;
}

const text = (v: string): ReportCell => ({ t: 'text', v });
const num = (v: number): ReportCell => ({ t: 'number', v });
const rect = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

/** First column of each year's three columns (result, plan, status). */
const yearLeft = (k: number): number => 2 + 3 * k;

/** Lays out the period summary sheet. */
export function buildPeriodSheetLayout(p: PeriodSummary, o: PeriodSheetOptions): ReportLayout {
  const t = T[o.lang];
  const years = p.years;
  const from = years[0];
  const to = years[years.length - 1];
  const width = 2 + 3 * years.length;
  const last = width - 1;
  const rows: ReportCell[][] = [];
  const merges: CellRange[] = [];
  const blocks: ReportBlock[] = [];
  const numberFormats: NumberFormatBlock[] = [];
  const statusBlocks: StatusBlock[] = [];
  const put = (r: number, c: number, cell: ReportCell) => {
    while (rows.length <= r) rows.push([]);
    rows[r][c] = cell;
  };
  const mergeRow = (r: number, left: number, right: number, cell: ReportCell, style: ReportStyle) => {
    put(r, left, cell);
    if (right > left) merges.push(rect(r, left, r, right));
    blocks.push({ range: rect(r, left, r, right), style });
  };

  mergeRow(0, 0, last, text(t.title(from, to)), 'title');
  mergeRow(1, 0, last, text(t.subtitle), 'subtitle');
  mergeRow(2, 0, last, text(t.note(p.strict, o.date)), 'note');

  /** Two header rows: "STT", the name column, then each year over its three columns. */
  const matrixHeader = (r: number, nameHeader: string, sub: readonly string[]) => {
    put(r, 0, text(t.no));
    put(r, 1, text(nameHeader));
    merges.push(rect(r, 0, r + 1, 0), rect(r, 1, r + 1, 1));
    years.forEach((y, k) => {
      put(r, yearLeft(k), text(String(y)));
      merges.push(rect(r, yearLeft(k), r, yearLeft(k) + 2));
      sub.forEach((h, j) => put(r + 1, yearLeft(k) + j, text(h)));
    });
    blocks.push({ range: rect(r, 0, r + 1, last), style: 'table_header' });
  };
  const bodyBlocks = (first: number, lastRow: number) => {
    blocks.push({ range: rect(first, 0, lastRow, last), style: 'table_body' });
    blocks.push({ range: rect(first, 0, lastRow, 0), style: 'table_center' });
    blocks.push({ range: rect(first, 2, lastRow, last), style: 'table_center' });
    numberFormats.push({ range: rect(first, 0, lastRow, 0), format: '0' });
    years.forEach((_, k) => statusBlocks.push({ range: rect(first, yearLeft(k) + 2, lastRow, yearLeft(k) + 2) }));
  };

  // I. Targets × years.
  let r = 4;
  mergeRow(r, 0, last, text(t.targets), 'section');
  r++;
  const header = r;
  matrixHeader(r, t.target, t.yearCols);
  r += 2;
  const firstTarget = r;
  p.targets.forEach((x, i) => {
    put(r, 0, num(i + 1));
    put(r, 1, text(`${x.id}. ${x.name[o.lang]}`));
    x.years.forEach((c, k) => {
      const parts = p.evaluations[k].targets[i].parts ?? [];
      put(r, yearLeft(k), resultCell(c, x.measure, parts.length, o.lang));
      put(
        r,
        yearLeft(k) + 1,
        text(
          c.status === 'no_target' || (x.measure !== 'all_of' && c.threshold === null)
            ? '—'
            : x.measure === 'all_of'
              ? parts.join(' + ')
              : thresholdText(c.threshold, x.measure, o.lang),
        ),
      );
      put(r, yearLeft(k) + 2, text(TARGET_STATUS_TEXT[c.status][o.lang]));
      if (x.measure === 'rate' && c.actual !== null)
        numberFormats.push({ range: rect(r, yearLeft(k), r, yearLeft(k)), format: '0.00%' });
      if (x.measure === 'count') numberFormats.push({ range: rect(r, yearLeft(k), r, yearLeft(k)), format: '#,##0' });
    });
    r++;
  });
  bodyBlocks(firstTarget, r - 1);

  // The chart's data right of the report: one row per year, one column per rate target.
  const rated = p.targets.filter((x) => x.measure === 'rate');
  let chart: ReportChart | null = null;
  const chartCol = width + 1;
  if (rated.length > 0) {
    put(header, chartCol, text(t.chartYear));
    rated.forEach((x, j) => put(header, chartCol + 1 + j, text(x.id)));
    years.forEach((y, k) => {
      put(header + 1 + k, chartCol, text(String(y)));
      rated.forEach((x, j) => {
        const a = x.years[k].actual;
        put(header + 1 + k, chartCol + 1 + j, a === null ? null : num(a));
      });
    });
    const data = rect(header, chartCol, header + years.length, chartCol + rated.length);
    blocks.push({ range: rect(header, chartCol, header, data.right), style: 'table_header' });
    blocks.push({ range: rect(header + 1, chartCol, data.bottom, data.right), style: 'table_center' });
    numberFormats.push({ range: rect(header + 1, chartCol + 1, data.bottom, data.right), format: '0%' });
    chart = { title: t.chartTitle, data, anchor: rect(r + 1, 0, r + 16, last), type: 'line' };
    r += 17;
  }

  // II. Units × years: status per year, and the targets each missed.
  r++;
  mergeRow(r, 0, last, text(t.units(p.units.length)), 'section');
  r++;
  if (p.units.length === 0) {
    mergeRow(r, 0, last, text(t.noUnits), 'note');
    r++;
  } else {
    // STT, unit, kind, one status column per year, then what was missed (by year).
    const failedCol = 3 + years.length;
    [t.no, t.unit, t.kind, ...years.map(String), t.failed].forEach((h, c) => put(r, c, text(h)));
    if (last > failedCol) merges.push(rect(r, failedCol, r, last));
    blocks.push({ range: rect(r, 0, r, last), style: 'table_header' });
    r++;
    const first = r;
    p.units.forEach((u, i) => {
      put(r, 0, num(i + 1));
      put(r, 1, text(u.name));
      put(r, 2, text(UNIT_KIND_TEXT[u.kind as keyof typeof UNIT_KIND_TEXT]?.[o.lang] ?? u.kind));
      u.years.forEach((y, k) => put(r, 3 + k, text(UNIT_STATUS_TEXT[y.status][o.lang])));
      const missed = u.years.filter((y) => y.failed.length > 0).map((y) => `${y.year}: ${y.failed.join(', ')}`);
      put(r, failedCol, missed.length > 0 ? text(missed.join('; ')) : null);
      r++;
    });
    blocks.push({ range: rect(first, 0, r - 1, failedCol - 1), style: 'table_body' });
    // What was missed, on one line running over the empty columns to its right.
    blocks.push({ range: rect(first, failedCol, r - 1, failedCol), style: 'list_body' });
    blocks.push({ range: rect(first, 0, r - 1, 0), style: 'table_center' });
    blocks.push({ range: rect(first, 3, r - 1, 2 + years.length), style: 'table_center' });
    numberFormats.push({ range: rect(first, 0, r - 1, 0), format: '0' });
    statusBlocks.push({ range: rect(first, 3, r - 1, 2 + years.length) });
  }

  // III. The 5S pilot, in the same year columns as the targets (when the plan has objectives).
  let next = 'III';
  if (p.objectives.length > 0) {
    r++;
    mergeRow(r, 0, last, text(`III. ${t.objectives}`), 'section');
    next = 'IV';
    r++;
    matrixHeader(r, t.objective, t.objectiveResult);
    r += 2;
    const firstObjective = r;
    p.objectives.forEach((ob, i) => {
      const min = p.evaluations[0].objectives[i].judgement.minPerLevel;
      put(r, 0, num(i + 1));
      put(r, 1, text(`${ob.id}. ${ob.name[o.lang]}`));
      ob.years.forEach((y, k) => {
        put(r, yearLeft(k), num(y.pilots));
        put(r, yearLeft(k) + 1, text(y.status === 'no_target' ? '—' : t.perLevel(min)));
        put(r, yearLeft(k) + 2, text(TARGET_STATUS_TEXT[y.status][o.lang]));
      });
      r++;
    });
    bodyBlocks(firstObjective, r - 1);
  }

  // III or IV. Never met.
  r++;
  mergeRow(r, 0, last, text(`${next}. ${t.never}`), 'section');
  r++;
  if (p.neverMet.length === 0) {
    mergeRow(r, 0, last, text(t.noNever), 'note');
    r++;
  } else {
    for (const id of p.neverMet) {
      const name = p.targets.find((x) => x.id === id)?.name ?? p.objectives.find((x) => x.id === id)?.name;
      put(r, 0, text(t.neverLine(id, name ? name[o.lang] : id)));
      r++;
    }
  }

  const fullWidth = rated.length > 0 ? chartCol + rated.length + 1 : width;
  for (const row of rows) for (let c = 0; c < fullWidth; c++) if (row[c] === undefined) row[c] = null;
  return {
    sheetName: o.sheetName,
    rows,
    width: fullWidth,
    merges,
    blocks,
    numberFormats,
    statusBlocks,
    linkBlocks: [],
    columnWidths: [6, 44, ...years.flatMap(() => [11, 11, 15]), 3, 8, ...rated.map(() => 8)],
    chart,
    printArea: rect(0, 0, rows.length - 1, last),
    subtitleRow: 1,
    landscape: true,
  };
}

function resultCell(c: PeriodCell, measure: string, parts: number, lang: Lang): ReportCell {
  if (measure === 'all_of') return text(T[lang].parts(c.achieved, parts || 2));
  if (measure === 'rate') return c.actual === null ? text('—') : num(c.actual);
  return num(c.achieved);
}
