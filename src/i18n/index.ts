/**
 * The one message catalogue: Vietnamese first, English second. Every word a person reads — in the
 * terminal, in a cell, in the task pane, in the report — comes from here.
 */
import { ActivityKind, UnitKind } from '../plan/types';
import type { TargetStatus } from '../engine/judge';
import type { UnitStatus } from '../engine/evaluate';
import type { Issue, IssueKind, IssueReason } from '../workbook/issues';
import type { ListKind } from '../workbook/fields';
import type { FigureProblem } from '../engine/figures';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];

/** Office display languages ("vi-VN", "en-US" …) → our language; anything not Vietnamese is English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  if (!locale) return 'vi';
  return locale.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

type Table<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const TARGET_STATUS_TEXT: Table<TargetStatus> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Không đạt', en: 'Not met' },
  undetermined: { vi: 'Chưa xác định', en: 'Undetermined' },
  no_data: { vi: 'Không có dữ liệu', en: 'No data' },
  no_target: { vi: 'Không áp dụng', en: 'No target' },
};

export const UNIT_STATUS_TEXT: Table<UnitStatus> = {
  non_compliant: { vi: 'Không đạt', en: 'Non-compliant' },
  undetermined: { vi: 'Chưa xác định', en: 'Undetermined' },
  compliant: { vi: 'Đạt', en: 'Compliant' },
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
};

export const UNIT_KIND_TEXT: Table<UnitKind> = {
  so_nganh: { vi: 'Sở, ban, ngành', en: 'City department' },
  ubnd_huyen: { vi: 'UBND quận, huyện, TP Thủ Đức', en: 'District people’s committee' },
  phong_noi_vu: { vi: 'Phòng Nội vụ', en: 'District home affairs office' },
  ubnd_xa: { vi: 'UBND phường, xã, thị trấn', en: 'Ward or commune people’s committee' },
  khac: { vi: 'Khác', en: 'Other' },
};

export const ACTIVITY_KIND_TEXT: Table<ActivityKind> = {
  abroad_class: { vi: 'Lớp bồi dưỡng ở nước ngoài', en: 'Class abroad' },
  domestic_class: { vi: 'Lớp bồi dưỡng trong nước', en: 'Domestic class' },
  training: { vi: 'Tập huấn, hướng dẫn nghiệp vụ', en: 'Training session' },
  study_tour: { vi: 'Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm', en: 'Study tour' },
};

export const LIST_TEXT: Table<ListKind> = {
  units: { vi: 'danh sách đơn vị', en: 'units list' },
  staff: { vi: 'danh sách cán bộ, công chức, viên chức', en: 'staff list' },
  activities: { vi: 'danh sách hoạt động', en: 'activities list' },
};

export const ISSUE_KIND_TEXT: Table<IssueKind> = {
  unknown_value: { vi: 'Giá trị không đọc được', en: 'Unreadable value' },
  unknown_unit: { vi: 'Đơn vị không có trong danh sách', en: 'Unit not in the list' },
  unknown_kind: { vi: 'Loại không nhận ra', en: 'Unrecognised kind' },
  duplicate_unit: { vi: 'Đơn vị trùng tên', en: 'Duplicate unit' },
  missing_column: { vi: 'Thiếu cột', en: 'Missing column' },
  bad_year: { vi: 'Năm không hợp lệ', en: 'Invalid year' },
  unreadable_sheet: { vi: 'Không đọc được trang tính', en: 'Unreadable sheet' },
  hidden_sheet: { vi: 'Trang tính ẩn', en: 'Hidden sheet' },
};

type IssueText = (i: Issue) => string;

const ISSUE_REASON_TEXT: Readonly<Record<IssueReason, Readonly<Record<Lang, IssueText>>>> = {
  not_a_marker: {
    vi: (i) => `"${i.value}" không phải là đánh dấu có/không, năm hay ngày; không tính là có hay không.`,
    en: (i) => `"${i.value}" is not a yes/no marker, a year or a date; counted as neither.`,
  },
  error_value: {
    vi: (i) => `Ô có lỗi ${i.value}; không tính là có hay không.`,
    en: (i) => `The cell holds the error ${i.value}; counted as neither yes nor no.`,
  },
  year_out_of_range: {
    vi: (i) => `"${i.value}" không phải là năm hợp lệ (1990–2100).`,
    en: (i) => `"${i.value}" is not a valid year (1990–2100).`,
  },
  invalid_date: {
    vi: (i) => `"${i.value}" không phải là ngày hợp lệ.`,
    en: (i) => `"${i.value}" is not a valid date.`,
  },
  year_missing: {
    vi: (i) => `"${i.value}" cho biết có nhưng không ghi năm; cần ghi năm.`,
    en: (i) => `"${i.value}" says yes but not in which year; write the year.`,
  },
  date_missing: {
    vi: () => 'Chưa ghi thời gian tổ chức.',
    en: () => 'The date is missing.',
  },
  not_a_count: {
    vi: (i) => `"${i.value}" không phải là số lượng.`,
    en: (i) => `"${i.value}" is not a count.`,
  },
  column_missing: {
    vi: (i) => `Không tìm thấy cột "${i.value}" trong ${i.list ? LIST_TEXT[i.list].vi : 'danh sách'}.`,
    en: (i) => `No "${i.value}" column in the ${i.list ? LIST_TEXT[i.list].en : 'list'}.`,
  },
  list_missing: {
    vi: (i) => `Không tìm thấy ${i.value.toLowerCase()} trong sổ tính.`,
    en: (i) => `No ${i.list ? LIST_TEXT[i.list].en : 'list'} found in the workbook.`,
  },
  unit_not_listed: {
    vi: (i) => `Đơn vị "${i.value}" không có trong danh sách đơn vị; vẫn được tính chung toàn Thành phố.`,
    en: (i) => `Unit "${i.value}" is not in the units list; still counted city-wide.`,
  },
  unit_blank: {
    vi: () => 'Chưa ghi đơn vị; vẫn được tính chung toàn Thành phố.',
    en: () => 'No unit given; still counted city-wide.',
  },
  kind_not_recognised: {
    vi: (i) => `Không nhận ra loại "${i.value}".`,
    en: (i) => `Kind "${i.value}" is not recognised.`,
  },
  format_not_recognised: {
    vi: (i) => `Không nhận ra hình thức "${i.value}" (Trực tiếp, Trực tuyến, Trực tiếp kết hợp trực tuyến).`,
    en: (i) => `Format "${i.value}" is not recognised (in person, online, blended).`,
  },
  format_missing: {
    vi: () => 'Chưa ghi hình thức tổ chức.',
    en: () => 'The format is missing.',
  },
  duplicate_name: {
    vi: (i) =>
      `Đơn vị "${i.value}" (dòng ${i.cell.replace(/^[A-Z]+/, '')}) đã có ở dòng ${i.firstRow ?? '?'}${i.firstSheet ? ` trang "${i.firstSheet}"` : ''}; chỉ tính một lần.`,
    en: (i) =>
      `Unit "${i.value}" (row ${i.cell.replace(/^[A-Z]+/, '')}) already appears on row ${i.firstRow ?? '?'}${i.firstSheet ? ` of sheet "${i.firstSheet}"` : ''}; counted once.`,
  },
  unit_ambiguous: {
    vi: (i) =>
      `"${i.value}" có thể là nhiều đơn vị (${(i.candidates ?? []).join('; ')}); không gán cho đơn vị nào, vẫn được tính chung toàn Thành phố.`,
    en: (i) =>
      `"${i.value}" could be several units (${(i.candidates ?? []).join('; ')}); matched to none, still counted city-wide.`,
  },
  kind_ambiguous: {
    vi: (i) => `"${i.value}" là một cấp, không cho biết loại đơn vị (UBND hay Phòng Nội vụ); tên đơn vị cũng không cho biết.`,
    en: (i) => `"${i.value}" is a level, not a unit kind (people's committee or home affairs office), and the name does not say.`,
  },
  sheet_hidden: {
    vi: (i) => `Trang tính "${i.sheet}" đang ẩn nhưng chứa ${i.list ? LIST_TEXT[i.list].vi : 'danh sách'}; đã được đọc và tính.`,
    en: (i) => `Sheet "${i.sheet}" is hidden but holds the ${i.list ? LIST_TEXT[i.list].en : 'list'}; it was read and counted.`,
  },
  name_missing: {
    vi: () => 'Dòng có dữ liệu nhưng chưa ghi tên đơn vị.',
    en: () => 'The row has data but no unit name.',
  },
  sheet_unreadable: {
    vi: (i) => `Không đọc được trang tính "${i.sheet}": ${i.value}`,
    en: (i) => `Sheet "${i.sheet}" could not be read: ${i.value}`,
  },
};

export function issueMessage(issue: Issue, lang: Lang): string {
  return ISSUE_REASON_TEXT[issue.reason][lang](issue);
}

/** "> 90 %", "≥ 10", "= 100 %" as officials write thresholds. */
export function thresholdText(t: { op: string; value: number } | null, measure: 'rate' | 'count' | 'all_of', lang: Lang): string {
  if (!t) return lang === 'vi' ? 'Không đặt chỉ tiêu' : 'No target';
  const op = t.op === '>=' ? '≥' : t.op;
  if (measure === 'rate') return `${op} ${formatNumber(t.value * 100, lang, 1)} %`;
  return `${op} ${formatNumber(t.value, lang, 0)}`;
}

/** Numbers in the language's style: "86,97" in Vietnamese, "86.97" in English. */
export function formatNumber(x: number, lang: Lang, maxDecimals: number): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: maxDecimals }).format(x);
}

export function formatPercent(share: number | null, lang: Lang): string {
  if (share === null) return '–';
  return `${formatNumber(share * 100, lang, 2)} %`;
}

/** Messages for figures that cannot be judged (custom functions' #VALUE! / #N/A). */
export function figureMessage(p: FigureProblem, lang: Lang): string {
  const vi = lang === 'vi';
  switch (p.kind) {
    case 'unknown_target': {
      const list = `${p.known[0]}…${p.known[p.known.length - 1]}`;
      return vi
        ? `Mã chỉ tiêu không hợp lệ: ${p.id || '(trống)'} (${list})`
        : `Invalid target id: ${p.id || '(blank)'} (${list})`;
    }
    case 'combined_target':
      return vi
        ? `${p.id} gồm ${p.parts.join(' và ')}; hãy dùng từng chỉ tiêu ${p.parts.join(', ')}`
        : `${p.id} combines ${p.parts.join(' and ')}; use ${p.parts.join(' or ')}`;
    case 'bad_year':
      return vi
        ? `Năm không hợp lệ: ${p.value || '(trống)'} (${p.from}–${p.to})`
        : `Invalid year: ${p.value || '(blank)'} (${p.from}–${p.to})`;
    case 'no_threshold':
      return vi ? `${p.id} không đặt chỉ tiêu cho năm ${p.year}` : `${p.id} has no target for ${p.year}`;
    case 'bad_number':
      return vi
        ? `${p.what === 'achieved' ? 'Số đạt' : 'Tổng số'} không hợp lệ: ${p.value} (cần số nguyên không âm)`
        : `Invalid ${p.what === 'achieved' ? 'achieved count' : 'population'}: ${p.value} (a whole number ≥ 0)`;
    case 'rate_out_of_range':
      return vi
        ? `Tỷ lệ phải từ 0 đến 1 (100 %), không phải ${p.value}`
        : `A rate must be between 0 and 1 (100 %), not ${p.value}`;
    case 'count_needs_population':
      return vi
        ? `${p.value} là số người; ${p.id} là chỉ tiêu tỷ lệ nên cần thêm tổng số (tham số population) hoặc ghi tỷ lệ (ví dụ 0,85)`
        : `${p.value} is a count; ${p.id} is a rate target, so give the population too, or a rate (e.g. 0.85)`;
    case 'achieved_over_population':
      return vi
        ? `Số đạt (${p.achieved}) lớn hơn tổng số (${p.population})`
        : `Achieved (${p.achieved}) is more than the population (${p.population})`;
    case 'markers_with_population':
      return vi
        ? `Vùng ô đánh dấu (${p.cells} ô) đã là tổng số; hãy bỏ trống tham số tổng số, hoặc ghi số đạt bằng một số`
        : `A range of markers (${p.cells} cells) is its own population; leave the population empty, or give the achieved count as a number`;
    case 'gap_needs_count':
      return vi
        ? `Với tỷ lệ không tính được số người còn thiếu cho ${p.id}; hãy ghi số đạt và tổng số`
        : `A rate alone cannot give how many more are needed for ${p.id}; give the count and the population`;
    case 'list_not_found': {
      const f = SCHEMAS_HEADERS[p.list];
      return vi
        ? `Không tìm thấy dòng tiêu đề của ${LIST_TEXT[p.list].vi} trong vùng đã chọn (cần các cột như ${f})`
        : `No header row of the ${LIST_TEXT[p.list].en} in the range (columns such as ${f})`;
    }
  }
}

const SCHEMAS_HEADERS: Readonly<Record<ListKind, string>> = {
  units: '"Tên đơn vị", "Loại đơn vị", "Số vị trí việc làm CCHC"',
  staff: '"Họ và tên", "Đơn vị", "Lãnh đạo", "Bồi dưỡng CCHC"',
  activities: '"Loại hoạt động", "Hình thức", "Thời gian"',
};
