/**
 * The period summary as a Word report (báo cáo tổng kết 2022–2025): every target against every
 * year's threshold, the units' status per year, the 5S pilot, and what was never met.
 */
import { Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import { PeriodSummary } from '../../engine/period';
import { Lang, TARGET_STATUS_TEXT, UNIT_STATUS_TEXT, formatNumber, formatPercent, thresholdText } from '../../i18n';
import { Plan } from '../../plan';
import { targetSentence } from '../sentences';
import { body, dataTable, headingBlock, packDocument, para, section, signatureBlock, titleBlock } from './parts';
import { DocxReportOptions, shortcomings } from './year-report';

const T = {
  vi: {
    kind: 'BÁO CÁO',
    summary: (a: number, b: number) =>
      `Tổng kết thực hiện Kế hoạch nâng cao năng lực đội ngũ cán bộ, công chức, viên chức làm công tác cải cách hành chính giai đoạn ${a} – ${b}`,
    intro: (plan: string, a: number, b: number, strict: boolean, source?: string) =>
      `Căn cứ ${plan}, báo cáo tổng kết kết quả thực hiện giai đoạn ${a} – ${b} (số liệu từng năm tính đến ngày 31/12${source ? `, tổng hợp từ "${source}"` : ''}; "trên X %" được hiểu là ${strict ? 'lớn hơn X %' : 'từ X % trở lên'}) như sau:`,
    targets: 'I. KẾT QUẢ CÁC CHỈ TIÊU QUA CÁC NĂM',
    table: 'Bảng 1. Kết quả so với kế hoạch từng năm (kết quả; kế hoạch; đánh giá)',
    target: 'Chỉ tiêu',
    chart: 'Tỷ lệ đạt các chỉ tiêu tỷ lệ qua các năm (%)',
    plan: 'KH',
    noTarget: '(chưa đặt chỉ tiêu)',
    lastYear: (y: number) => `Kết quả năm cuối giai đoạn (${y}):`,
    objectives: 'II. THÍ ĐIỂM MÔ HÌNH 5S',
    objectiveLine: (name: string, cells: string) => `${name}: ${cells}.`,
    units: 'III. ĐƠN VỊ CHƯA ĐẠT QUA CÁC NĂM',
    unitsIntro: (n: number, total: number) => `Có ${n}/${total} đơn vị chưa đạt hoặc chưa xác định được trong ít nhất một năm:`,
    noUnits: 'Không có đơn vị chưa đạt trong giai đoạn.',
    unit: 'Đơn vị',
    never: 'IV. CHỈ TIÊU CHƯA ĐẠT TRONG CẢ GIAI ĐOẠN',
    neverLine: (id: string, name: string) => `- ${id} (${name}): chưa đạt ở bất kỳ năm nào có đặt chỉ tiêu.`,
    noNever: 'Mỗi chỉ tiêu đều đạt ít nhất một năm có đặt chỉ tiêu.',
    limits: 'V. TỒN TẠI, HẠN CHẾ',
    proposals: 'VI. ĐỀ XUẤT, KIẾN NGHỊ',
    dots: '………………………………………………………………………………',
    closing: 'Trên đây là báo cáo tổng kết giai đoạn./.',
  },
  en: {
    kind: 'REPORT',
    summary: (a: number, b: number) => `Summary of the plan for the capacity of administrative-reform officials, ${a}–${b}`,
    intro: (plan: string, a: number, b: number, strict: boolean, source?: string) =>
      `Under the ${plan}, this summarises the results of ${a}–${b} (each year as at 31 December${source ? `, from "${source}"` : ''}; "over X %" read as ${strict ? 'more than X %' : 'X % or more'}):`,
    targets: 'I. TARGETS YEAR BY YEAR',
    table: 'Table 1. Results against each year’s plan (result; plan; status)',
    target: 'Target',
    chart: 'Share achieved of the rate targets by year (%)',
    plan: 'Plan',
    noTarget: '(no target)',
    lastYear: (y: number) => `Results in the last year of the period (${y}):`,
    objectives: 'II. 5S WORKPLACE PILOT',
    objectiveLine: (name: string, cells: string) => `${name}: ${cells}.`,
    units: 'III. UNITS NOT MEETING TARGETS, BY YEAR',
    unitsIntro: (n: number, total: number) => `${n} of ${total} units were non-compliant or undetermined in at least one year:`,
    noUnits: 'No unit missed a target in the period.',
    unit: 'Unit',
    never: 'IV. TARGETS NEVER MET IN THE PERIOD',
    neverLine: (id: string, name: string) => `- ${id} (${name}): not met in any year that had a target.`,
    noNever: 'Every target was met in at least one year that had one.',
    limits: 'V. SHORTCOMINGS',
    proposals: 'VI. PROPOSALS AND RECOMMENDATIONS',
    dots: '………………………………………………………………………………',
    closing: 'This concludes the summary of the period./.',
  },
} as const;

/** One cell of the targets × years table: result, plan, status on three lines. */
function yearCell(c: PeriodSummary['targets'][number]['years'][number], measure: string, lang: Lang): string {
  const result =
    measure === 'rate'
      ? c.population
        ? `${formatNumber(c.achieved, lang, 0)}/${formatNumber(c.population, lang, 0)}\n${formatPercent(c.actual, lang)}`
        : '–'
      : measure === 'count'
        ? formatNumber(c.achieved, lang, 0)
        : '';
  // A year without a target: the figures, and that there was none (not "plan: none" and "n/a" both).
  if (c.status === 'no_target') return [result, T[lang].noTarget].filter((x) => x !== '').join('\n');
  const plan = measure === 'all_of' ? '' : `${T[lang].plan}: ${thresholdText(c.threshold, measure as 'rate' | 'count', lang)}`;
  return [result, plan, TARGET_STATUS_TEXT[c.status][lang]].filter((x) => x !== '').join('\n');
}

/** A line chart of the rate targets' shares (%) across the years: one line per target. */
function rateChart(p: PeriodSummary, lang: Lang): Paragraph | null {
  const rates = p.targets.filter((t) => t.measure === 'rate' && t.years.some((c) => c.actual !== null));
  if (rates.length === 0) return null;
  return new Paragraph({
    alignment: 'center',
    keepNext: false,
    children: [
      new ChartRun({
        type: 'line',
        title: T[lang].chart,
        categories: p.years.map(String),
        series: rates.map((t) => ({
          name: t.id,
          values: t.years.map((c) => (c.actual === null ? null : Math.round(c.actual * 10000) / 100)),
        })),
        markers: true,
        valueAxis: { minimum: 0, maximum: 100 },
        transformation: { width: 580, height: 300 },
        font: { name: 'Times New Roman' },
        altText: { name: T[lang].chart, description: T[lang].chart },
      }),
    ],
  });
}

/** The .docx bytes of the period summary. */
export async function buildPeriodReport(p: PeriodSummary, plan: Plan, o: DocxReportOptions): Promise<Uint8Array> {
  const lang = o.lang;
  const t = T[lang];
  const from = p.years[0];
  const to = p.years[p.years.length - 1];
  const last = p.evaluations[p.evaluations.length - 1];
  const yearWidth = Math.floor(110 / p.years.length);
  // A unit listed twice (in one file or in two) is one unit: counted and listed once.
  const units = p.units.filter((_, i) => p.evaluations[0].units[i].duplicateOf === undefined);
  const flagged = units.filter((u) => u.years.some((y) => y.status === 'non_compliant' || y.status === 'undetermined'));
  const judged = units.filter((u) => u.years.some((y) => y.status !== 'not_applicable')).length;
  const children = [
    headingBlock(o.letterhead, o.date, lang),
    ...titleBlock(t.kind, t.summary(from, to)),
    body(t.intro(plan.title[lang], from, to, p.strict, o.source)),
    section(t.targets),
    para(t.table, { italics: true, align: 'center', before: 3, after: 3, keepNext: true }),
    dataTable(
      [
        { header: t.target, width: 165 - yearWidth * p.years.length },
        ...p.years.map((y) => ({ header: String(y), width: yearWidth, align: 'center' as const })),
      ],
      p.targets.map((x) => [`${x.id}. ${x.name[lang]}`, ...x.years.map((c) => yearCell(c, x.measure, lang))]),
    ),
    ...[rateChart(p, lang)].filter((x): x is Paragraph => x !== null),
    body(t.lastYear(to)),
    ...last.targets.map((r) => body(targetSentence(r, plan, to, lang))),
    section(t.objectives),
    ...p.objectives.map((ob) =>
      body(
        t.objectiveLine(
          ob.name[lang],
          ob.years
            .map((y) => `${y.year}: ${y.pilots} (${TARGET_STATUS_TEXT[y.status][lang].toLocaleLowerCase(lang)})`)
            .join('; '),
        ),
      ),
    ),
    section(t.units),
    ...(flagged.length === 0
      ? [body(t.noUnits)]
      : [
          body(t.unitsIntro(flagged.length, judged)),
          dataTable(
            [
              { header: t.unit, width: 165 - yearWidth * p.years.length },
              ...p.years.map((y) => ({ header: String(y), width: yearWidth, align: 'center' as const })),
            ],
            flagged.map((u) => [
              u.name,
              ...u.years.map((y) => UNIT_STATUS_TEXT[y.status][lang] + (y.failed.length > 0 ? `\n${y.failed.join(', ')}` : '')),
            ]),
          ),
        ]),
    section(t.never),
    ...(p.neverMet.length === 0
      ? [body(t.noNever)]
      : p.neverMet.map((id) => {
          const name = p.targets.find((x) => x.id === id)?.name ?? p.objectives.find((x) => x.id === id)?.name;
          return body(t.neverLine(id, name ? name[lang] : id));
        })),
    section(t.limits),
    ...shortcomings(last, lang).map((line) => body(line)),
    section(t.proposals),
    body(t.dots),
    body(t.dots),
    body(t.closing),
    signatureBlock(o.letterhead, lang),
  ];
  return packDocument(children, `${t.kind} ${from}–${to}`);
}
