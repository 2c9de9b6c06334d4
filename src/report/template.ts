/**
 * The standard entry template (issue 13): the three lists with their canonical headers (SPEC §2),
 * the rule each column's data validation enforces, the drop-down catalogues and the instructions.
 * Pure description; the .xlsx writer is src/xlsx/template-write.ts. Every value a drop-down offers
 * is one the engine reads back as the intended kind (checked by the template's round-trip test).
 */
import { ACTIVITY_KIND_TEXT, UNIT_KIND_TEXT } from '../i18n';
import { ACTIVITY_KINDS, UNIT_KINDS } from '../plan/types';
import { ListKind, SCHEMAS } from '../workbook/fields';

export type Rule =
  'none' | 'unit_name' | 'unit_kind' | 'activity_kind' | 'format' | 'marker' | 'marker_or_year' | 'year' | 'count';

export interface TemplateColumn {
  readonly field: string;
  readonly header: string;
  readonly rule: Rule;
  readonly width: number;
}

export interface TemplateList {
  readonly kind: ListKind;
  readonly sheet: string;
  /** Excel table name (letters, digits, underscores). */
  readonly table: string;
  readonly columns: readonly TemplateColumn[];
}

/** Rows under each header that carry the validation (the table grows into them as data is typed). */
export const TEMPLATE_ROWS = 2000;
/** The earliest and latest year a year field accepts. */
export const YEAR_RANGE = { from: 2020, to: 2030 } as const;

export const TEMPLATE_SHEETS = {
  instructions: 'Hướng dẫn',
  units: 'DS đơn vị',
  staff: 'DS CBCCVC',
  activities: 'Hoạt động',
  /** Very hidden: the drop-downs' values (some hold commas, which an inline list cannot). */
  catalog: 'Danh mục',
} as const;

const RULES: Readonly<Record<string, Rule>> = {
  'units.kind': 'unit_kind',
  'units.cchc_positions': 'count',
  'units.cchc_positions_year': 'year',
  'staff.unit': 'unit_name',
  'staff.leader': 'marker',
  'staff.cchc': 'marker',
  'staff.trained': 'marker_or_year',
  'staff.skills': 'marker_or_year',
  'staff.elearning': 'marker_or_year',
  'staff.planned_year': 'year',
  'staff.appointed_year': 'year',
  'staff.expert_year': 'year',
  'activities.kind': 'activity_kind',
  'activities.format': 'format',
  'activities.date': 'year',
  'activities.participants': 'count',
  'activities.non_leaders': 'count',
};

const TABLES: Readonly<Record<ListKind, string>> = { units: 'DonVi', staff: 'CanBo', activities: 'HoatDong' };

/** The three lists: canonical Vietnamese headers in SPEC order, each column with its rule. */
export function templateLists(): TemplateList[] {
  return (['units', 'staff', 'activities'] as const).map((kind) => ({
    kind,
    sheet: TEMPLATE_SHEETS[kind],
    table: TABLES[kind],
    columns: SCHEMAS[kind].fields.map((f) => {
      const rule = RULES[`${kind}.${f.field}`] ?? 'none';
      const width = f.field === 'stt' ? 6 : f.field === 'name' || f.field === 'unit' ? 34 : rule === 'none' ? 18 : 16;
      return { field: f.field, header: f.header.vi, rule, width };
    }),
  }));
}

/** The drop-downs' values, one column each on the catalogue sheet. */
export const CATALOG: Readonly<Record<'unit_kind' | 'activity_kind' | 'format' | 'marker', readonly string[]>> = {
  unit_kind: UNIT_KINDS.map((k) => UNIT_KIND_TEXT[k].vi),
  activity_kind: ACTIVITY_KINDS.map((k) => ACTIVITY_KIND_TEXT[k].vi),
  format: ['Trực tiếp', 'Trực tuyến', 'Trực tiếp kết hợp trực tuyến'],
  marker: ['x', 'Có', 'Không'],
};

export const CATALOG_HEADERS: Readonly<Record<keyof typeof CATALOG, string>> = {
  unit_kind: 'Danh mục loại đơn vị',
  activity_kind: 'Danh mục loại hoạt động',
  format: 'Danh mục hình thức',
  marker: 'Danh mục đánh dấu',
};

/** The input message (title, text) and the error shown for a value the rule refuses, in Vietnamese. */
export const RULE_TEXT: Readonly<Record<Exclude<Rule, 'none'>, { title: string; prompt: string; error: string }>> = {
  unit_name: {
    title: 'Đơn vị',
    prompt: 'Chọn tên đơn vị trong danh sách đơn vị (trang "DS đơn vị").',
    error: 'Tên này chưa có trong danh sách đơn vị. Vẫn ghi? Người này sẽ được báo là "đơn vị không có trong danh sách".',
  },
  unit_kind: { title: 'Loại đơn vị', prompt: 'Chọn loại đơn vị trong danh sách.', error: 'Hãy chọn một loại trong danh sách.' },
  activity_kind: {
    title: 'Loại hoạt động',
    prompt: 'Chọn loại hoạt động trong danh sách.',
    error: 'Hãy chọn một loại hoạt động trong danh sách.',
  },
  format: {
    title: 'Hình thức',
    prompt: 'Trực tiếp, trực tuyến, hoặc kết hợp cả hai.',
    error: 'Hãy chọn hình thức trong danh sách.',
  },
  marker: {
    title: 'Đánh dấu',
    prompt: 'Ghi "x" (hoặc "Có") nếu đúng; để trống nếu không.',
    error: 'Chỉ ghi "x", "Có" hoặc "Không".',
  },
  marker_or_year: {
    title: 'Đã đạt khi nào',
    prompt: `Ghi năm đạt (${YEAR_RANGE.from}–${YEAR_RANGE.to}) hoặc ngày (dd/mm/yyyy); "x" nếu đã đạt mà không rõ năm; để trống nếu chưa.`,
    error: `Cần một năm ${YEAR_RANGE.from}–${YEAR_RANGE.to}, một ngày, hoặc "x".`,
  },
  year: {
    title: 'Năm hoặc ngày',
    prompt: `Ghi năm (${YEAR_RANGE.from}–${YEAR_RANGE.to}) hoặc ngày (dd/mm/yyyy); để trống nếu chưa có.`,
    error: `Cần một năm từ ${YEAR_RANGE.from} đến ${YEAR_RANGE.to} hoặc một ngày trong khoảng đó.`,
  },
  count: { title: 'Số lượng', prompt: 'Ghi một số nguyên (0, 1, 2 …).', error: 'Cần một số nguyên không âm.' },
};

/** The instructions sheet, one paragraph a row. */
export function instructionLines(): string[] {
  return [
    'MẪU NHẬP LIỆU THEO DÕI KẾ HOẠCH CCHC',
    '',
    '1. Trang "DS đơn vị": mỗi dòng một đơn vị (cơ quan, phòng, UBND phường, xã …); chọn loại đơn vị trong danh sách.',
    '2. Trang "DS CBCCVC": mỗi dòng một cán bộ, công chức, viên chức; cột "Đơn vị" ghi đúng tên như ở trang "DS đơn vị".',
    '   Cột đánh dấu: ghi "x" (hoặc "Có"). Cột đã đạt: ghi năm đạt (ví dụ 2024) hoặc ngày; "x" nếu không rõ năm.',
    '3. Trang "Hoạt động": mỗi dòng một lớp bồi dưỡng, buổi tập huấn hoặc đoàn công tác; chọn loại và hình thức trong danh sách.',
    `4. Năm ghi từ ${YEAR_RANGE.from} đến ${YEAR_RANGE.to}; số lượng là số nguyên. Ô sai sẽ bị Excel nhắc ngay khi nhập.`,
    '5. Không đổi tên cột, không chèn dòng tiêu đề phụ. Nhập tiếp ngay dưới dòng cuối, bảng tự mở rộng.',
    '6. Gửi lại tệp này cho Phòng/Sở Nội vụ; đơn vị tổng hợp dùng "Tổng hợp từ nhiều tệp" hoặc "cchc evaluate THƯ_MỤC".',
  ];
}
