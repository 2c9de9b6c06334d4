/**
 * One sentence per target, written from the figures as an official writes them in a report:
 * "Đến ngày 31/12/2024, có 326/350 cán bộ lãnh đạo (93,14 %) được bồi dưỡng về CCHC, đạt chỉ tiêu
 * (kế hoạch trên 90 %)." The words come from what the target counts (its population and field),
 * so a plan file with other targets still reads; an unknown combination falls back to the name.
 */
import { Evaluation, ObjectiveResult, TargetResult, TargetStatus } from '../engine';
import { Lang, formatNumber } from '../i18n';
import { ActivityKind, MeasuredTarget, Plan, Threshold, isMeasured } from '../plan';

interface Words {
  /** Who or what is counted: "cán bộ lãnh đạo". */
  readonly subject: string;
  /** What they did: "được bồi dưỡng về CCHC". */
  readonly predicate: string;
  /** The noun for a count: "người", "lớp". */
  readonly noun: string;
}

type Bi = Readonly<Record<Lang, Words>>;

const SUBJECT = {
  units: { vi: 'cơ quan, đơn vị', en: 'offices' },
  leader: { vi: 'cán bộ lãnh đạo', en: 'leaders' },
  cchc: { vi: 'cán bộ, công chức, viên chức làm công tác CCHC', en: 'officials doing CCHC work' },
  all: { vi: 'cán bộ, công chức, viên chức', en: 'officials' },
} as const;

const PREDICATE: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  cchc_positions: { vi: 'đã bố trí vị trí việc làm về CCHC', en: 'had CCHC job positions in place' },
  trained: { vi: 'được bồi dưỡng về CCHC', en: 'had been trained in CCHC' },
  skills: { vi: 'được cung cấp kiến thức, kỹ năng về CCHC', en: 'had been given CCHC knowledge and skills' },
  elearning: {
    vi: 'được tiếp cận tài liệu, bài giảng điện tử về CCHC',
    en: 'had access to CCHC e-learning material',
  },
  planned_year: { vi: 'được quy hoạch chức danh lãnh đạo', en: 'were planned for leadership posts' },
  appointed_year: { vi: 'được luân chuyển, bổ nhiệm giữ chức vụ lãnh đạo', en: 'were rotated or appointed to leadership posts' },
  expert_year: { vi: 'hoàn thành đào tạo chuyên gia CCHC', en: 'had completed CCHC expert training' },
};

const ACTIVITY: Readonly<Record<ActivityKind, Bi>> = {
  abroad_class: {
    vi: { subject: 'lớp bồi dưỡng ở nước ngoài', predicate: '', noun: 'lớp' },
    en: { subject: 'training classes abroad', predicate: '', noun: 'classes' },
  },
  domestic_class: {
    vi: { subject: 'lớp bồi dưỡng trong nước (trực tiếp kết hợp trực tuyến)', predicate: '', noun: 'lớp' },
    en: { subject: 'domestic classes (in person and online)', predicate: '', noun: 'classes' },
  },
  training: {
    vi: { subject: 'hoạt động tập huấn, trao đổi, hướng dẫn nghiệp vụ', predicate: '', noun: 'hoạt động' },
    en: { subject: 'training and guidance sessions', predicate: '', noun: 'sessions' },
  },
  study_tour: {
    vi: { subject: 'đoàn công tác nghiên cứu, trao đổi kinh nghiệm', predicate: '', noun: 'đoàn' },
    en: { subject: 'study tours', predicate: '', noun: 'tours' },
  },
};

function words(target: MeasuredTarget, lang: Lang): Words {
  const pop = target.population;
  if (pop.list === 'activities') return ACTIVITY[pop.kind][lang];
  const subject = pop.list === 'units' ? SUBJECT.units[lang] : SUBJECT[pop.flag][lang];
  const predicate = PREDICATE[target.achieved.field]?.[lang] ?? `(${target.name[lang]})`;
  const noun = pop.list === 'units' ? (lang === 'vi' ? 'đơn vị' : 'offices') : lang === 'vi' ? 'người' : 'people';
  return { subject, predicate, noun };
}

/** A count as the tables write it: "1.000" in Vietnamese, "1,000" in English; "?" when unknown. */
const num = (x: number | null, lang: Lang): string => (x === null ? '?' : formatNumber(x, lang, 0));

const pct = (share: number, lang: Lang): string => `${formatNumber(share * 100, lang, 2)} %`;

/** "trên 90 %", "từ 10 người trở lên", "100 %" — the plan's words for a threshold. */
export function planText(t: Threshold, measure: 'rate' | 'count', noun: string, lang: Lang): string {
  if (measure === 'rate') {
    const p = `${formatNumber(t.value * 100, lang, 2)} %`;
    if (t.op === '=') return lang === 'vi' ? '100 %' : '100 %';
    if (t.op === '>') return lang === 'vi' ? `trên ${p}` : `over ${p}`;
    return lang === 'vi' ? `từ ${p} trở lên` : `${p} or more`;
  }
  const n = formatNumber(t.value, lang, 0);
  if (t.op === '>') return lang === 'vi' ? `trên ${n} ${noun}` : `more than ${n} ${noun}`;
  return lang === 'vi' ? `từ ${n} ${noun} trở lên` : `at least ${n} ${noun}`;
}

/** The verdict clause after the figures. */
function verdict(r: TargetResult, plan: string, noun: string, year: number, lang: Lang): string {
  const vi = lang === 'vi';
  switch (r.status) {
    case 'met':
      return vi ? `đạt chỉ tiêu (kế hoạch ${plan})` : `target met (plan: ${plan})`;
    case 'not_met':
      return vi
        ? `chưa đạt chỉ tiêu (kế hoạch ${plan}; còn thiếu ${num(r.gap, lang)} ${noun})`
        : `target not met (plan: ${plan}; ${num(r.gap, lang)} more ${noun} needed)`;
    case 'undetermined':
      return vi
        ? `chưa xác định được kết quả do ${num(r.unknown, lang)} trường hợp chưa rõ số liệu (kế hoạch ${plan})`
        : `not yet determined: ${num(r.unknown, lang)} cases have unreadable data (plan: ${plan})`;
    case 'no_target':
      return vi ? `năm ${year} kế hoạch không đặt chỉ tiêu` : `the plan sets no target for ${year}`;
    case 'no_data':
      return vi ? `chưa đủ số liệu để đánh giá` : `not enough data to judge`;
  }
}

const COMBINED_STATUS: Readonly<Record<TargetStatus, Readonly<Record<Lang, string>>>> = {
  met: { vi: 'đạt', en: 'met' },
  not_met: { vi: 'chưa đạt', en: 'not met' },
  undetermined: { vi: 'chưa xác định được', en: 'not yet determined' },
  no_target: { vi: 'không đặt chỉ tiêu năm {year}', en: 'no target for {year}' },
  no_data: { vi: 'chưa đủ số liệu', en: 'not enough data' },
};

/** The sentence for one target of an evaluation (T05-like combined targets name their parts). */
export function targetSentence(result: TargetResult, plan: Plan, year: number, lang: Lang): string {
  const vi = lang === 'vi';
  const target = plan.targets.find((t) => t.id === result.id);
  const asAt = vi ? `Đến ngày 31/12/${year}` : `As at 31 December ${year}`;
  const inYear = vi ? `Trong năm ${year}` : `In ${year}`;
  if (!target || !isMeasured(target)) {
    const parts = target && !isMeasured(target) ? target.parts.join(vi ? ' và ' : ' and ') : '';
    const status = COMBINED_STATUS[result.status][lang].replace('{year}', String(year));
    return vi
      ? `Chỉ tiêu "${result.name.vi}"${parts ? ` (${parts})` : ''}: ${status}.`
      : `Target "${result.name.en}"${parts ? ` (${parts})` : ''}: ${status}.`;
  }
  const w = words(target, lang);
  const threshold = result.threshold;
  const plannedText = threshold ? planText(threshold, target.measure, w.noun, lang) : '';
  const lead = target.achieved.timing === 'in_year' ? inYear : asAt;
  if (result.status === 'no_data') {
    const reason =
      result.population === 0
        ? vi
          ? `danh sách không có ${w.subject}`
          : `the lists hold no ${w.subject}`
        : vi
          ? 'sổ tính thiếu danh sách hoặc cột cần thiết'
          : 'a list or column it needs is missing from the workbook';
    return vi
      ? `Chỉ tiêu "${target.name.vi}" chưa đánh giá được: ${reason}${plannedText ? ` (kế hoạch ${plannedText})` : ''}.`
      : `Target "${target.name.en}" could not be judged: ${reason}${plannedText ? ` (plan: ${plannedText})` : ''}.`;
  }
  let figures: string;
  if (target.measure === 'rate') {
    const n = result.population ?? 0;
    const share = n > 0 ? pct(result.achieved / n, lang) : '–';
    figures = vi
      ? `có ${num(result.achieved, lang)}/${num(n, lang)} ${w.subject} (${share}) ${w.predicate}`
      : `${num(result.achieved, lang)} of ${num(n, lang)} ${w.subject} (${share}) ${w.predicate}`;
  } else if (target.population.list === 'activities') {
    figures = vi
      ? `đã tổ chức ${num(result.achieved, lang)} ${w.subject}`
      : `${num(result.achieved, lang)} ${w.subject} were held`;
  } else {
    figures = vi
      ? `có ${num(result.achieved, lang)} ${w.subject} ${w.predicate}`
      : `${num(result.achieved, lang)} ${w.subject} ${w.predicate}`;
  }
  return `${lead}, ${figures}, ${verdict(result, plannedText, w.noun, year, lang)}.`;
}

/** The sentence for an objective (the 5S pilot): pilots per level and the verdict. */
export function objectiveSentence(o: ObjectiveResult, lang: Lang): string {
  const vi = lang === 'vi';
  const levels = o.levels.map((l) => `${l.name[lang].toLowerCase()}: ${l.pilots}`).join('; ');
  const rule = vi
    ? `ít nhất ${o.judgement.minPerLevel} đơn vị ở mỗi cấp${o.judgement.minTotal ? `, tổng cộng ít nhất ${o.judgement.minTotal}` : ''}`
    : `at least ${o.judgement.minPerLevel} unit at each level${o.judgement.minTotal ? `, ${o.judgement.minTotal} in all` : ''}`;
  const head = vi
    ? `Đến ngày 31/12/${o.year}, có ${o.pilots} đơn vị thí điểm 5S (${levels})`
    : `As at 31 December ${o.year}, ${o.pilots} units were piloting 5S (${levels})`;
  switch (o.status) {
    case 'met':
      return vi ? `${head}, đạt mục tiêu (${rule}).` : `${head}: objective met (${rule}).`;
    case 'not_met':
      return vi ? `${head}, chưa đạt mục tiêu (${rule}).` : `${head}: objective not met (${rule}).`;
    case 'undetermined':
      return vi
        ? `${head}, chưa xác định được do ${o.unknown} đơn vị chưa rõ số liệu (${rule}).`
        : `${head}: not yet determined, ${o.unknown} units have unreadable data (${rule}).`;
    case 'no_target':
      return vi ? `${head}; năm ${o.year} không đánh giá mục tiêu này.` : `${head}; the objective is not judged in ${o.year}.`;
    case 'no_data':
      return vi
        ? `Mục tiêu thí điểm 5S chưa đánh giá được: danh sách đơn vị không có cột "Thí điểm 5S".`
        : `The 5S pilot objective could not be judged: the units list has no "Thí điểm 5S" (5S pilot) column.`;
  }
}

/** Every target's sentence, in plan order, then the objectives'. */
export function evaluationSentences(e: Evaluation, plan: Plan, lang: Lang): Array<{ id: string; text: string }> {
  return [
    ...e.targets.map((t) => ({ id: t.id, text: targetSentence(t, plan, e.year, lang) })),
    ...e.objectives.map((o) => ({ id: o.id, text: objectiveSentence(o, lang) })),
  ];
}
