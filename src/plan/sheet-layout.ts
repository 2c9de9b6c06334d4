/**
 * The plan as a sheet "Kế hoạch CCHC" (issue 13): what the sheet looks like, shared by its writers
 * (the command line's `cchc plan --xlsx`, the pane's "Chèn bảng kế hoạch") and its reader
 * (src/plan/sheet.ts). An office edits the thresholds — or the whole table, for the next period or
 * a district's stricter plan — and the add-in, the command line and the custom functions use it
 * in place of the built-in plan.
 *
 * Layout (0-based rows): a title, three setting rows (label in A, value in B), a blank row, the
 * header row, one row per target, a blank row and notes. Cells are plain values: codes for the
 * population and what counts as achieved, thresholds as text such as "> 80 %" or "≥ 10".
 */
import type { CellValue } from '../workbook/grid';
import { Achievement, Plan, Population, Threshold, UnitObjective, isMeasured } from './types';

export { PLAN_SHEET_NAME } from './sheet-name';

/** Setting labels, in column A above the table. */
export const PLAN_LABELS = {
  id: { vi: 'Mã kế hoạch', en: 'Plan id' },
  title: { vi: 'Tên kế hoạch', en: 'Plan title' },
  reading: { vi: 'Hiểu "trên X %" là', en: 'Read "over X %" as' },
  unitTargets: { vi: 'Đánh giá từng đơn vị theo', en: 'Units judged on' },
} as const;

export const READING_TEXT = {
  strict: { vi: 'lớn hơn X %', en: 'more than X %' },
  inclusive: { vi: 'từ X % trở lên', en: 'X % or more' },
} as const;

/** Column headers of the table, in order; year columns follow. */
export const PLAN_COLUMNS = {
  id: { vi: 'Mã chỉ tiêu', en: 'Target id' },
  name: { vi: 'Nội dung', en: 'Description' },
  nameOther: { vi: 'Nội dung (tiếng Anh)', en: 'Description (Vietnamese)' },
  population: { vi: 'Đối tượng', en: 'Population' },
  achieved: { vi: 'Tiêu chí đạt', en: 'Counted as achieved' },
  measure: { vi: 'Cách đo', en: 'Measure' },
} as const;

export const MEASURE_TEXT = {
  rate: { vi: 'Tỷ lệ', en: 'Rate' },
  count: { vi: 'Số lượng', en: 'Count' },
  all_of: { vi: 'Tất cả các phần', en: 'All parts' },
  objective: { vi: 'Mục tiêu theo cấp', en: 'Objective by level' },
} as const;

/** The levels an objective counts by, as the sheet names them ("units:so_nganh | ubnd_huyen,phong_noi_vu | ubnd_xa"). */
export const KNOWN_LEVELS: ReadonlyArray<{ id: string; kinds: string; name: { vi: string; en: string } }> = [
  { id: 'so_nganh', kinds: 'so_nganh', name: { vi: 'Sở - ngành', en: 'City departments' } },
  { id: 'quan_huyen', kinds: 'ubnd_huyen,phong_noi_vu', name: { vi: 'Quận - huyện', en: 'Districts' } },
  { id: 'phuong_xa', kinds: 'ubnd_xa', name: { vi: 'Phường - xã - thị trấn', en: 'Wards and communes' } },
];

/** An objective's levels as a population code: "units:so_nganh | ubnd_huyen,phong_noi_vu | ubnd_xa". */
export function levelsCode(o: UnitObjective): string {
  return `units:${o.levels.map((l) => l.unitKinds.join(',')).join(' | ')}`;
}

/** Row (0-based) of the table's header in the written sheet. */
export const PLAN_HEADER_ROW = 6;

/** Population as a code: "units:so_nganh,phong_noi_vu", "staff:leader", "activities:domestic_class/blended". */
export function populationCode(p: Population): string {
  if (p.list === 'units') return `units:${p.unitKinds.join(',')}`;
  if (p.list === 'staff') return `staff:${p.flag}`;
  return `activities:${p.kind}${p.format ? `/${p.format}` : ''}`;
}

/** What counts as achieved as a code: "trained:by_year", "held:in_year". */
export function achievementCode(a: Achievement): string {
  return `${a.field}:${a.timing}`;
}

function trim(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

/** "> 80 %", "= 100 %", "≥ 10": the text a threshold cell holds (read back by `parseThresholdCell`). */
export function thresholdCell(t: Threshold, measure: 'rate' | 'count'): string {
  const op = t.op === '>=' ? '≥' : t.op;
  return measure === 'rate' ? `${op} ${trim(t.value * 100).replace('.', ',')} %` : `${op} ${trim(t.value)}`;
}

export interface PlanSheetOptions {
  readonly inclusive: boolean;
  readonly lang: 'vi' | 'en';
}

/** The years the sheet has a column for: the plan's period. */
export function planYears(plan: Plan): number[] {
  return Array.from({ length: plan.period.to - plan.period.from + 1 }, (_, i) => plan.period.from + i);
}

/** The sheet's cells, row by row (rows may differ in length). */
export function planSheetRows(plan: Plan, o: PlanSheetOptions): CellValue[][] {
  const L = o.lang;
  const other = L === 'vi' ? 'en' : 'vi';
  const years = planYears(plan);
  const rows: CellValue[][] = [
    [L === 'vi' ? 'BẢNG CHỈ TIÊU KẾ HOẠCH CCHC' : 'CCHC PLAN TARGETS'],
    [PLAN_LABELS.id[L], plan.id],
    [PLAN_LABELS.title[L], plan.title.vi, plan.title.en],
    [PLAN_LABELS.reading[L], (o.inclusive ? READING_TEXT.inclusive : READING_TEXT.strict)[L]],
    [PLAN_LABELS.unitTargets[L], plan.unitTargets.join(', ')],
    [],
    [
      PLAN_COLUMNS.id[L],
      PLAN_COLUMNS.name[L],
      PLAN_COLUMNS.nameOther[L],
      PLAN_COLUMNS.population[L],
      PLAN_COLUMNS.achieved[L],
      PLAN_COLUMNS.measure[L],
      ...years,
    ],
  ];
  for (const t of plan.targets) {
    const head: CellValue[] = [t.id, t.name[L], t.name[other]];
    if (!isMeasured(t)) {
      rows.push([...head, '', t.parts.join(' + '), MEASURE_TEXT.all_of[L], ...years.map(() => '')]);
      continue;
    }
    const cells = years.map((y) => {
      const th = t.thresholds[String(y)];
      return th ? thresholdCell(th, t.measure) : '';
    });
    rows.push([...head, populationCode(t.population), achievementCode(t.achieved), MEASURE_TEXT[t.measure][L], ...cells]);
  }
  // Objectives (the 5S pilot): met in a year whose cell holds "≥ N" when every level has N pilot units.
  for (const ob of plan.objectives) {
    const cells = years.map((y) => (ob.years === undefined || ob.years.includes(y) ? `≥ ${ob.judgement.minPerLevel}` : ''));
    rows.push([ob.id, ob.name[L], ob.name[other], levelsCode(ob), `${ob.field}:by_year`, MEASURE_TEXT.objective[L], ...cells]);
  }
  rows.push([]);
  for (const note of PLAN_NOTES[L]) rows.push([note]);
  return rows;
}

export const PLAN_NOTES: Readonly<Record<'vi' | 'en', readonly string[]>> = {
  vi: [
    'Ghi chú: sửa ngưỡng trong các cột năm ("> 80 %", "≥ 80 %", "= 100 %", "≥ 10"); để trống là năm đó không đặt chỉ tiêu.',
    'Có trang này, phần bổ trợ, hàm CCHC.* và lệnh cchc dùng kế hoạch ở đây thay cho kế hoạch có sẵn; sai một ô thì không đánh giá và báo ô sai.',
    'Đối tượng: units:<loại đơn vị,…> · staff:leader|cchc|all · activities:<loại hoạt động>[/<hình thức>]. Tiêu chí đạt: <trường>:by_year|in_year.',
  ],
  en: [
    'Notes: edit the thresholds in the year columns ("> 80 %", "≥ 80 %", "= 100 %", "≥ 10"); blank means no target that year.',
    'With this sheet, the add-in, the CCHC.* functions and cchc use this plan instead of the built-in one; one wrong cell stops the evaluation and names the cell.',
    'Population: units:<unit kinds,…> · staff:leader|cchc|all · activities:<activity kind>[/<format>]. Achieved: <field>:by_year|in_year.',
  ],
};
