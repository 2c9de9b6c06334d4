/**
 * The Word report for one year, in the NĐ 30 layout: a sentence per target from the figures, the
 * targets table, the 5S pilot, the units not meeting targets with what they miss, the data issues
 * summarised, "Tồn tại, hạn chế" pre-filled, "Đề xuất, kiến nghị" left for the official.
 */
import { Evaluation, TargetResult, UnitResult, distinctUnits } from '../../engine';
import {
  ISSUE_KIND_TEXT,
  Lang,
  TARGET_STATUS_TEXT,
  UNIT_KIND_TEXT,
  formatNumber,
  formatPercent,
  thresholdText,
} from '../../i18n';
import { Plan } from '../../plan';
import { IssueKind } from '../../workbook/issues';
import { evaluationSentences } from '../sentences';
import { Letterhead } from './letterhead';
import { body, dataTable, headingBlock, packDocument, para, section, signatureBlock, titleBlock } from './parts';

export interface DocxReportOptions {
  readonly lang: Lang;
  readonly letterhead: Letterhead;
  /** The date under the Quốc hiệu; null leaves "ngày … tháng … năm …" for the official. */
  readonly date: Date | null;
  /** The workbook(s) the figures come from, named in the introduction. */
  readonly source?: string;
  /** How many cells of each issue kind to show (default 5). */
  readonly issueExamples?: number;
}

const T = {
  vi: {
    kind: 'BÁO CÁO',
    summary: (y: number) =>
      `Kết quả thực hiện Kế hoạch nâng cao năng lực đội ngũ cán bộ, công chức, viên chức làm công tác cải cách hành chính năm ${y}`,
    intro: (plan: string, y: number, strict: boolean, source?: string) =>
      `Căn cứ ${plan}, báo cáo kết quả thực hiện năm ${y} (số liệu tính đến ngày 31/12/${y}${source ? `, tổng hợp từ "${source}"` : ''}; "trên X %" được hiểu là ${strict ? 'lớn hơn X %' : 'từ X % trở lên'}) như sau:`,
    targets: 'I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
    targetTable: 'Bảng 1. Kết quả các chỉ tiêu',
    targetHeader: ['STT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Tỷ lệ', 'Đánh giá'],
    gap: (n: number) => `còn thiếu ${n}`,
    unknown: (n: number) => `${n} chưa rõ`,
    objectives: 'II. THÍ ĐIỂM MÔ HÌNH 5S',
    units: (n: number, total: number) => `III. ĐƠN VỊ CHƯA ĐẠT CHỈ TIÊU (${n}/${total} đơn vị)`,
    unitHeader: ['STT', 'Đơn vị', 'Loại đơn vị', 'Chỉ tiêu chưa đạt'],
    unitMiss: (id: string, k: number, n: number, gap: number | null) =>
      `${id}: ${k}/${n}${gap !== null && gap > 0 ? `, còn thiếu ${gap}` : ''}`,
    noUnits: 'Không có đơn vị chưa đạt chỉ tiêu.',
    undeterminedUnits: (n: number) => `Ngoài ra, ${n} đơn vị chưa xác định được kết quả do thiếu hoặc sai số liệu.`,
    issues: (n: number) => `IV. VẤN ĐỀ DỮ LIỆU CẦN RÀ SOÁT (${n})`,
    issueHeader: ['STT', 'Loại vấn đề', 'Số lượng', 'Một số vị trí'],
    noIssues: 'Không có vấn đề dữ liệu.',
    issuesIntro: (n: number) => `Sổ tính có ${n} ô hoặc dòng chưa đọc được hoặc cần rà soát, tổng hợp theo loại:`,
    more: (n: number) => ` và ${n} vị trí khác`,
    limits: 'V. TỒN TẠI, HẠN CHẾ',
    limitTarget: (r: TargetResult, plan: string, actual: string) =>
      `- Chỉ tiêu ${r.id} (${r.name.vi}) chưa đạt: kết quả ${actual}, kế hoạch ${plan}${r.gap ? `, còn thiếu ${formatNumber(r.gap, 'vi', 0)}` : ''}.`,
    limitUndetermined: (r: TargetResult) =>
      `- Chỉ tiêu ${r.id} (${r.name.vi}) chưa xác định được do ${formatNumber(r.unknown, 'vi', 0)} trường hợp chưa rõ số liệu.`,
    limitNoData: (r: TargetResult) => `- Chỉ tiêu ${r.id} (${r.name.vi}) chưa đánh giá được do chưa đủ số liệu.`,
    limitUnits: (n: number) => `- Có ${n} đơn vị chưa đạt một hoặc nhiều chỉ tiêu (mục III).`,
    limitIssues: (n: number) => `- Có ${n} vấn đề dữ liệu cần rà soát, bổ sung (mục IV).`,
    noLimits: '- Các chỉ tiêu có đặt kế hoạch trong năm đều đạt.',
    proposals: 'VI. ĐỀ XUẤT, KIẾN NGHỊ',
    dots: '………………………………………………………………………………',
    closing: (y: number) =>
      `Trên đây là báo cáo kết quả thực hiện năm ${y}; kính gửi các cơ quan, đơn vị có liên quan biết, theo dõi./.`,
  },
  en: {
    kind: 'REPORT',
    summary: (y: number) => `Results of the plan for the capacity of administrative-reform officials, ${y}`,
    intro: (plan: string, y: number, strict: boolean, source?: string) =>
      `Under the ${plan}, this reports the results for ${y} (as at 31 December ${y}${source ? `, from "${source}"` : ''}; "over X %" read as ${strict ? 'more than X %' : 'X % or more'}):`,
    targets: 'I. RESULTS AGAINST THE TARGETS',
    targetTable: 'Table 1. Targets',
    targetHeader: ['No.', 'Target', 'Plan', 'Result', 'Rate', 'Status'],
    gap: (n: number) => `${n} short`,
    unknown: (n: number) => `${n} unknown`,
    objectives: 'II. 5S WORKPLACE PILOT',
    units: (n: number, total: number) => `III. UNITS NOT MEETING TARGETS (${n} of ${total})`,
    unitHeader: ['No.', 'Unit', 'Kind', 'Targets not met'],
    unitMiss: (id: string, k: number, n: number, gap: number | null) =>
      `${id}: ${k}/${n}${gap !== null && gap > 0 ? `, ${gap} short` : ''}`,
    noUnits: 'No unit misses a target.',
    undeterminedUnits: (n: number) => `${n} more units are undetermined because of missing or unreadable data.`,
    issues: (n: number) => `IV. DATA ISSUES TO CHECK (${n})`,
    issueHeader: ['No.', 'Issue', 'Count', 'Some locations'],
    noIssues: 'No data issues.',
    issuesIntro: (n: number) => `The workbook has ${n} cells or rows that could not be read or need checking, by kind:`,
    more: (n: number) => ` and ${n} more`,
    limits: 'V. SHORTCOMINGS',
    limitTarget: (r: TargetResult, plan: string, actual: string) =>
      `- Target ${r.id} (${r.name.en}) not met: result ${actual}, plan ${plan}${r.gap ? `, ${formatNumber(r.gap, 'en', 0)} short` : ''}.`,
    limitUndetermined: (r: TargetResult) =>
      `- Target ${r.id} (${r.name.en}) undetermined: ${formatNumber(r.unknown, 'en', 0)} cases have unreadable data.`,
    limitNoData: (r: TargetResult) => `- Target ${r.id} (${r.name.en}) could not be judged: not enough data.`,
    limitUnits: (n: number) => `- ${n} units miss one or more targets (section III).`,
    limitIssues: (n: number) => `- ${n} data issues to check and complete (section IV).`,
    noLimits: '- Every target set for the year is met.',
    proposals: 'VI. PROPOSALS AND RECOMMENDATIONS',
    dots: '………………………………………………………………………………',
    closing: (y: number) => `This concludes the report for ${y}./.`,
  },
} as const;

/** "326/350" for a rate, "5" for a count. */
export function resultText(r: TargetResult, lang: Lang): string {
  if (r.measure === 'all_of') return `${r.achieved}/${r.parts?.length ?? 0}`;
  if (r.status === 'no_data' && r.actual === null) return '–';
  const k = formatNumber(r.achieved, lang, 0);
  return r.measure === 'rate' ? `${k}/${formatNumber(r.population ?? 0, lang, 0)}` : k;
}

export function statusText(r: { status: TargetResult['status']; gap: number | null; unknown: number }, lang: Lang): string {
  const t = T[lang];
  const word = TARGET_STATUS_TEXT[r.status][lang];
  if (r.status === 'not_met' && r.gap) return `${word}\n(${t.gap(r.gap)})`;
  if (r.status === 'undetermined') return `${word}\n(${t.unknown(r.unknown)})`;
  return word;
}

function targetRows(e: Evaluation, lang: Lang): string[][] {
  return e.targets.map((r, i) => [
    String(i + 1),
    `${r.id}. ${r.name[lang]}`,
    r.measure === 'all_of' ? (r.parts ?? []).join(' + ') : thresholdText(r.threshold, r.measure, lang),
    resultText(r, lang),
    r.measure === 'rate' ? formatPercent(r.actual, lang) : '',
    statusText(r, lang),
  ]);
}

function unitMisses(u: UnitResult, lang: Lang): string {
  return u.targets
    .filter((t) => t.status === 'not_met')
    .map((t) => T[lang].unitMiss(t.id, t.achieved, t.population, t.gap))
    .join('\n');
}

/** Issues counted by kind with the first few locations of each. */
export function issueSummary(e: Evaluation, lang: Lang, examples = 5): string[][] {
  const byKind = new Map<IssueKind, string[]>();
  for (const i of e.issues) {
    const list = byKind.get(i.kind) ?? [];
    const where = i.sheet ? (i.cell ? `${i.sheet}!${i.cell}` : i.sheet) : i.value;
    // Several files: the same sheet and cell may be in each, so the file comes first.
    list.push(i.file ? `${i.file}: ${where}` : where);
    byKind.set(i.kind, list);
  }
  return [...byKind.entries()].map(([kind, cells], n) => [
    String(n + 1),
    ISSUE_KIND_TEXT[kind][lang],
    formatNumber(cells.length, lang, 0),
    cells.slice(0, examples).join(', ') + (cells.length > examples ? T[lang].more(cells.length - examples) : ''),
  ]);
}

/** The "Tồn tại, hạn chế" lines: unmet and undetermined targets with their gaps, units, data. */
export function shortcomings(e: Evaluation, lang: Lang): string[] {
  const t = T[lang];
  const lines: string[] = [];
  for (const r of e.targets) {
    if (r.measure === 'all_of') continue;
    const actual = r.measure === 'rate' ? `${resultText(r, lang)} (${formatPercent(r.actual, lang)})` : resultText(r, lang);
    if (r.status === 'not_met') lines.push(t.limitTarget(r, thresholdText(r.threshold, r.measure, lang), actual));
    if (r.status === 'undetermined') lines.push(t.limitUndetermined(r));
    // A target the plan sets this year but the data cannot judge is no more "met" than an unmet one.
    if (r.status === 'no_data' && r.threshold) lines.push(t.limitNoData(r));
  }
  const failing = distinctUnits(e.units).filter((u) => u.status === 'non_compliant').length;
  if (failing > 0) lines.push(t.limitUnits(failing));
  if (e.issues.length > 0) lines.push(t.limitIssues(e.issues.length));
  return lines.length > 0 ? lines : [t.noLimits];
}

/** The .docx bytes of the report for `e.year`. */
export async function buildYearReport(e: Evaluation, plan: Plan, o: DocxReportOptions): Promise<Uint8Array> {
  const t = T[o.lang];
  const lang = o.lang;
  // A unit listed twice (in one file or in two) is one unit: counted and listed once.
  const units = distinctUnits(e.units);
  const failing = units.filter((u) => u.status === 'non_compliant');
  const undetermined = units.filter((u) => u.status === 'undetermined').length;
  const judged = units.filter((u) => u.status !== 'not_applicable').length;
  const sentences = evaluationSentences(e, plan, lang);
  const targetIds = new Set(e.targets.map((x) => x.id));
  const children = [
    headingBlock(o.letterhead, o.date, lang),
    ...titleBlock(t.kind, t.summary(e.year)),
    body(t.intro(plan.title[lang], e.year, e.strict, o.source)),
    section(t.targets),
    ...sentences.filter((s) => targetIds.has(s.id)).map((s) => body(s.text)),
    para(t.targetTable, { italics: true, align: 'center', before: 6, after: 3, keepNext: true }),
    dataTable(
      [
        { header: t.targetHeader[0], width: 11, align: 'center' },
        { header: t.targetHeader[1], width: 58 },
        { header: t.targetHeader[2], width: 20, align: 'center' },
        { header: t.targetHeader[3], width: 22, align: 'center' },
        { header: t.targetHeader[4], width: 22, align: 'center' },
        { header: t.targetHeader[5], width: 32, align: 'center' },
      ],
      targetRows(e, lang),
    ),
    section(t.objectives),
    ...sentences.filter((s) => !targetIds.has(s.id)).map((s) => body(s.text)),
    section(t.units(failing.length, judged)),
    ...(failing.length === 0
      ? [body(t.noUnits)]
      : [
          dataTable(
            [
              { header: t.unitHeader[0], width: 11, align: 'center' },
              { header: t.unitHeader[1], width: 64 },
              { header: t.unitHeader[2], width: 40 },
              { header: t.unitHeader[3], width: 50 },
            ],
            failing.map((u, i) => [String(i + 1), u.name, UNIT_KIND_TEXT[u.kind][lang], unitMisses(u, lang)]),
          ),
        ]),
    ...(undetermined > 0 ? [body(t.undeterminedUnits(undetermined))] : []),
    section(t.issues(e.issues.length)),
    ...(e.issues.length === 0
      ? [body(t.noIssues)]
      : [
          body(t.issuesIntro(e.issues.length)),
          dataTable(
            [
              { header: t.issueHeader[0], width: 11, align: 'center' },
              { header: t.issueHeader[1], width: 50 },
              { header: t.issueHeader[2], width: 22, align: 'center' },
              { header: t.issueHeader[3], width: 82 },
            ],
            issueSummary(e, lang, o.issueExamples ?? 5),
          ),
        ]),
    section(t.limits),
    ...shortcomings(e, lang).map((line) => body(line)),
    section(t.proposals),
    body(t.dots),
    body(t.dots),
    body(t.closing(e.year)),
    signatureBlock(o.letterhead, lang),
  ];
  return packDocument(children, `${t.kind} ${e.year}`);
}
