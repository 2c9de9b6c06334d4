/**
 * The three lists officials keep (SPEC §2) and the headers each field is recognised by.
 * Headers are compared with `foldKey`: case, diacritics, punctuation and spacing do not matter.
 */
import { LocalText, StaffAchievementField } from '../plan/types';
import { foldKey } from '../text/fold';
import { cached } from '../text/memo';

export type ListKind = 'units' | 'staff' | 'activities';
export const LIST_KINDS: readonly ListKind[] = ['units', 'staff', 'activities'];

export type UnitField = 'stt' | 'name' | 'kind' | 'cchc_positions' | 'cchc_positions_year' | 'pilot_5s';
export type StaffField = 'stt' | 'name' | 'unit' | 'title' | 'leader' | 'cchc' | StaffAchievementField;
export type ActivityField = 'stt' | 'name' | 'kind' | 'format' | 'date' | 'participants' | 'non_leaders';

export interface FieldsOf {
  units: UnitField;
  staff: StaffField;
  activities: ActivityField;
}
export type AnyField = UnitField | StaffField | ActivityField;

export interface FieldSpec<F extends string> {
  readonly field: F;
  /** The header a new sheet would use. */
  readonly header: LocalText;
  /** Headers that name this field exactly (folded). */
  readonly exact: readonly string[];
  /** Phrases that name this field when they occur in a longer header (folded). */
  readonly phrases: readonly string[];
}

export interface ListSchema<F extends string> {
  readonly kind: ListKind;
  readonly title: LocalText;
  readonly fields: readonly FieldSpec<F>[];
  /** Whether the fields found make a real list of this kind (not a summary that shares a header). */
  qualifies(found: ReadonlySet<F>): boolean;
  /** Fields that may be spread over one column per year ("Bồi dưỡng CCHC 2023", "… 2024"). */
  readonly yearFields?: readonly F[];
}

function spec<F extends string>(field: F, vi: string, en: string, exact: string[], phrases: string[] = []): FieldSpec<F> {
  // The add-in's own English label is recognised like the Vietnamese one.
  return { field, header: { vi, en }, exact: [vi, en, ...exact].map(foldKey), phrases: phrases.map(foldKey) };
}

const STT = ['STT', 'TT', 'Số TT', 'Số thứ tự', 'No.', 'No'];

export const UNITS_SCHEMA: ListSchema<UnitField> = {
  kind: 'units',
  title: { vi: 'Danh sách đơn vị', en: 'Units list' },
  fields: [
    spec<UnitField>('stt', 'STT', 'No.', STT),
    spec<UnitField>(
      'name',
      'Tên đơn vị',
      'Unit',
      ['Đơn vị', 'Cơ quan', 'Tên cơ quan', 'Cơ quan, đơn vị', 'Tên cơ quan, đơn vị', 'Unit name'],
      ['tên đơn vị', 'tên cơ quan'],
    ),
    spec<UnitField>(
      'kind',
      'Loại đơn vị',
      'Kind',
      ['Loại', 'Khối', 'Cấp', 'Loại cơ quan', 'Cấp hành chính', 'Unit type', 'Type', 'Level'],
      ['loại đơn vị', 'loại cơ quan'],
    ),
    spec<UnitField>(
      'cchc_positions',
      'Số vị trí việc làm CCHC',
      'CCHC job positions',
      ['Vị trí việc làm CCHC', 'Có vị trí CCHC', 'CCHC positions'],
      // Longer phrases naming CCHC win over a bare "vị trí việc làm" ("Tổng số vị trí việc làm"
      // beside "Trong đó: vị trí việc làm về CCHC").
      ['vị trí việc làm', 'vị trí cchc', 'vị trí việc làm cchc', 'vị trí việc làm về cchc', 'vị trí làm công tác cchc'],
    ),
    spec<UnitField>(
      'cchc_positions_year',
      'Năm bố trí vị trí CCHC',
      'Year positions were set',
      ['Năm bố trí', 'Year positions set'],
      ['năm bố trí vị trí', 'năm bố trí', 'thời điểm bố trí', 'year positions'],
    ),
    // Objective O1 (SPEC §1): units piloting 5S workplaces, a marker or the year it began.
    spec<UnitField>(
      'pilot_5s',
      'Thí điểm 5S',
      '5S pilot',
      ['5S', 'Áp dụng 5S', 'Thực hành 5S', '5S pilot'],
      ['thí điểm 5s', '5s'],
    ),
  ],
  qualifies: (f) => f.has('name') && (f.has('kind') || f.has('cchc_positions') || f.has('cchc_positions_year')),
};

const STAFF_MARKERS: readonly StaffField[] = [
  'leader',
  'cchc',
  'trained',
  'skills',
  'elearning',
  'planned_year',
  'appointed_year',
  'expert_year',
];

export const STAFF_SCHEMA: ListSchema<StaffField> = {
  kind: 'staff',
  title: { vi: 'Danh sách cán bộ, công chức, viên chức', en: 'Staff list' },
  fields: [
    spec<StaffField>('stt', 'STT', 'No.', STT),
    spec<StaffField>(
      'name',
      'Họ và tên',
      'Full name',
      ['Họ tên', 'Tên cán bộ', 'Họ và tên cán bộ', 'Name'],
      ['họ và tên', 'họ tên'],
    ),
    spec<StaffField>(
      'unit',
      'Đơn vị',
      'Unit',
      ['Đơn vị công tác', 'Cơ quan', 'Cơ quan công tác', 'Nơi công tác', 'Tên đơn vị', 'Cơ quan, đơn vị', 'Đ/v', 'Đ/v công tác'],
      ['đơn vị công tác', 'cơ quan công tác'],
    ),
    spec<StaffField>('title', 'Chức vụ', 'Title', ['Chức danh', 'Chức vụ, chức danh', 'Position'], ['chức vụ', 'chức danh']),
    spec<StaffField>(
      'leader',
      'Lãnh đạo',
      'Leader',
      ['Là lãnh đạo', 'Giữ chức vụ lãnh đạo', 'Cán bộ lãnh đạo', 'Lãnh đạo, quản lý'],
      ['giữ chức vụ lãnh đạo', 'là lãnh đạo'],
    ),
    spec<StaffField>(
      'cchc',
      'Làm công tác CCHC',
      'Does CCHC work',
      ['Công tác CCHC', 'Phụ trách CCHC', 'CCHC', 'Doing CCHC work', 'CCHC work', 'CCHC staff'],
      ['công tác cchc', 'phụ trách cchc', 'làm cchc', 'cchc work'],
    ),
    spec<StaffField>(
      'trained',
      'Bồi dưỡng CCHC',
      'Trained in CCHC',
      ['Đã bồi dưỡng CCHC', 'Tập huấn CCHC', 'Bồi dưỡng', 'Đã bồi dưỡng', 'Trained'],
      ['bồi dưỡng cchc', 'bồi dưỡng về cchc', 'tập huấn cchc', 'đã bồi dưỡng', 'trained in cchc'],
    ),
    spec<StaffField>(
      'skills',
      'Được cung cấp kiến thức, kỹ năng',
      'Given knowledge and skills',
      ['Kiến thức, kỹ năng', 'Knowledge and skills'],
      ['kiến thức kỹ năng', 'kiến thức', 'knowledge and skills'],
    ),
    spec<StaffField>(
      'elearning',
      'Tiếp cận tài liệu điện tử',
      'E-learning access',
      ['Tài liệu, bài giảng điện tử', 'E-learning'],
      ['tài liệu điện tử', 'bài giảng điện tử', 'tài liệu bài giảng', 'e learning', 'elearning'],
    ),
    spec<StaffField>(
      'planned_year',
      'Quy hoạch lãnh đạo (năm)',
      'Leadership planning (year)',
      ['Năm quy hoạch', 'Leadership planning'],
      ['quy hoạch', 'leadership planning'],
    ),
    spec<StaffField>(
      'appointed_year',
      'Luân chuyển, bổ nhiệm (năm)',
      'Rotated/appointed (year)',
      ['Năm bổ nhiệm', 'Luân chuyển', 'Rotated or appointed', 'Appointed'],
      ['luân chuyển', 'bổ nhiệm', 'rotated', 'appointed'],
    ),
    spec<StaffField>(
      'expert_year',
      'Chuyên gia CCHC (năm)',
      'CCHC expert (year)',
      ['Năm hoàn thành đào tạo chuyên gia', 'CCHC expert'],
      ['chuyên gia', 'expert'],
    ),
  ],
  qualifies: (f) =>
    (f.has('name') || f.has('unit')) && STAFF_MARKERS.some((m) => f.has(m)) && [...f].filter((x) => x !== 'stt').length >= 3,
  yearFields: ['trained', 'skills', 'elearning', 'planned_year', 'appointed_year', 'expert_year'],
};

export const ACTIVITIES_SCHEMA: ListSchema<ActivityField> = {
  kind: 'activities',
  title: { vi: 'Danh sách hoạt động', en: 'Activities list' },
  fields: [
    spec<ActivityField>('stt', 'STT', 'No.', STT),
    spec<ActivityField>(
      'name',
      'Tên hoạt động',
      'Activity',
      ['Hoạt động', 'Nội dung', 'Tên lớp', 'Nội dung hoạt động', 'Activity name', 'Name'],
      ['tên hoạt động', 'activity name'],
    ),
    spec<ActivityField>('kind', 'Loại hoạt động', 'Kind', ['Loại', 'Activity type', 'Type'], ['loại hoạt động', 'activity type']),
    spec<ActivityField>('format', 'Hình thức', 'Format', ['Hình thức tổ chức', 'Hình thức đào tạo'], ['hình thức']),
    spec<ActivityField>(
      'date',
      'Thời gian',
      'Date',
      ['Ngày', 'Năm', 'Thời gian tổ chức', 'Ngày tổ chức', 'Thời gian thực hiện', 'Ngày bắt đầu', 'Year'],
      ['thời gian', 'ngày tổ chức'],
    ),
    spec<ActivityField>(
      'participants',
      'Số người tham gia',
      'Participants',
      ['Số lượng', 'Số người', 'Số học viên', 'Số lượng tham gia'],
      ['số người tham gia', 'số lượng'],
    ),
    spec<ActivityField>(
      'non_leaders',
      'Số người không giữ chức vụ lãnh đạo',
      'Non-leaders',
      ['Non leaders'],
      ['không giữ chức vụ lãnh đạo', 'không phải lãnh đạo', 'không là lãnh đạo', 'non leaders'],
    ),
  ],
  qualifies: (f) => f.has('kind') && (f.has('date') || f.has('format')),
};

export interface SchemaMap {
  units: ListSchema<UnitField>;
  staff: ListSchema<StaffField>;
  activities: ListSchema<ActivityField>;
}

export const SCHEMAS: SchemaMap = { units: UNITS_SCHEMA, staff: STAFF_SCHEMA, activities: ACTIVITIES_SCHEMA };

/** How well a header names a field: 0 no, 2 a phrase inside it, 3 exactly. Ties go to the longer phrase. */
export function headerScore<F extends string>(spec: FieldSpec<F>, key: string): number {
  if (key.length === 0) return 0;
  // Detection asks for the same headers (and the same data texts) again and again.
  let score = SCORERS.get(spec);
  if (!score) {
    score = cached((k) => scoreOf(spec, k), 10_000);
    SCORERS.set(spec, score);
  }
  return score(key);
}

const SCORERS = new WeakMap<FieldSpec<string>, (key: string) => number>();

function scoreOf<F extends string>(spec: FieldSpec<F>, key: string): number {
  if (spec.exact.includes(key)) return 3 + key.length / 1000;
  let best = 0;
  for (const p of spec.phrases) {
    if (p.length > best && (key === p || key.startsWith(p + ' ') || key.endsWith(' ' + p) || key.includes(' ' + p + ' '))) {
      best = p.length;
    }
  }
  return best > 0 ? 2 + best / 1000 : 0;
}

/** Fields each list needs for its targets; a missing one is reported as `missing_column`. */
export const NEEDED_FIELDS: { [K in ListKind]: readonly FieldsOf[K][] } = {
  units: ['name', 'cchc_positions'],
  staff: ['unit', 'trained', 'skills', 'elearning', 'planned_year', 'appointed_year', 'expert_year'],
  activities: ['kind', 'format', 'date'],
};
