/**
 * Literal 2-D grids for engine tests (SPEC §2 layouts without any .xlsx): canonical headers, row
 * builders for the three lists, and one call that reads, evaluates and renders the SPEC §4 JSON.
 */
import { Evaluation, evaluate, readDataset } from '../../src/engine';
import { HCMC_PLAN } from '../../src/plan';
import { SpecJson, toSpecJson } from '../../src/report/json';
import { CellValue, SheetGrid, WorkbookGrid } from '../../src/workbook/grid';
import { Dataset } from '../../src/workbook/extract';

export type Cell = CellValue | undefined;
export type GridRow = Cell[];

export const UNIT_HEADERS = ['STT', 'Tên đơn vị', 'Loại đơn vị', 'Số vị trí việc làm CCHC', 'Năm bố trí vị trí CCHC'];
export const STAFF_HEADERS = [
  'STT',
  'Họ và tên',
  'Đơn vị',
  'Chức vụ',
  'Lãnh đạo',
  'Làm công tác CCHC',
  'Bồi dưỡng CCHC',
  'Được cung cấp kiến thức, kỹ năng',
  'Tiếp cận tài liệu điện tử',
  'Quy hoạch lãnh đạo (năm)',
  'Luân chuyển, bổ nhiệm (năm)',
  'Chuyên gia CCHC (năm)',
];
export const ACTIVITY_HEADERS = [
  'STT',
  'Tên hoạt động',
  'Loại hoạt động',
  'Hình thức',
  'Thời gian',
  'Số người tham gia',
  'Số người không giữ chức vụ lãnh đạo',
];

/** Column letters of the canonical staff sheet (header in row 1, data from row 2). */
export const STAFF_COL = {
  stt: 'A',
  name: 'B',
  unit: 'C',
  title: 'D',
  leader: 'E',
  cchc: 'F',
  trained: 'G',
  skills: 'H',
  elearning: 'I',
  planned: 'J',
  appointed: 'K',
  expert: 'L',
} as const;

export function sheet(name: string, rows: GridRow[], extra: Partial<Omit<SheetGrid, 'name' | 'rows'>> = {}): SheetGrid {
  return { name, rows, originRow: 0, originCol: 0, ...extra };
}

export interface UnitSpec {
  name: string;
  kind?: Cell;
  positions?: Cell;
  year?: Cell;
}

export function unitRows(units: UnitSpec[]): GridRow[] {
  return units.map((u, i) => [i + 1, u.name, u.kind ?? null, u.positions ?? null, u.year ?? null]);
}

export function unitsSheet(units: UnitSpec[], name = 'Đơn vị'): SheetGrid {
  return sheet(name, [UNIT_HEADERS, ...unitRows(units)]);
}

export interface PersonSpec {
  name?: string;
  unit?: Cell;
  title?: Cell;
  leader?: Cell;
  cchc?: Cell;
  trained?: Cell;
  skills?: Cell;
  elearning?: Cell;
  planned?: Cell;
  appointed?: Cell;
  expert?: Cell;
}

export function personRow(p: PersonSpec, i: number): GridRow {
  return [
    i + 1,
    p.name ?? `Người ${i + 1}`,
    p.unit ?? null,
    p.title ?? null,
    p.leader ?? null,
    p.cchc ?? null,
    p.trained ?? null,
    p.skills ?? null,
    p.elearning ?? null,
    p.planned ?? null,
    p.appointed ?? null,
    p.expert ?? null,
  ];
}

export function staffSheet(people: PersonSpec[], name = 'Cán bộ'): SheetGrid {
  return sheet(name, [STAFF_HEADERS, ...people.map(personRow)]);
}

export interface ActivitySpec {
  name?: string;
  kind: Cell;
  format?: Cell;
  date?: Cell;
  participants?: Cell;
  nonLeaders?: Cell;
}

export function activitiesSheet(acts: ActivitySpec[], name = 'Hoạt động'): SheetGrid {
  return sheet(name, [
    ACTIVITY_HEADERS,
    ...acts.map((a, i): GridRow => [
      i + 1,
      a.name ?? `Hoạt động ${i + 1}`,
      a.kind,
      a.format ?? null,
      a.date ?? null,
      a.participants ?? null,
      a.nonLeaders ?? null,
    ]),
  ]);
}

/** n copies of a person. */
export function times(n: number, p: PersonSpec): PersonSpec[] {
  return Array.from({ length: n }, () => ({ ...p }));
}

export interface Run {
  dataset: Dataset;
  evaluation: Evaluation;
  json: SpecJson;
  target(id: string): SpecJson['targets'][number];
}

export function run(grid: WorkbookGrid, year: number, inclusive = false): Run {
  const dataset = readDataset(grid);
  const evaluation = evaluate(dataset, HCMC_PLAN, { year, inclusive });
  const json = toSpecJson(evaluation);
  return {
    dataset,
    evaluation,
    json,
    target(id: string) {
      const t = json.targets.find((x) => x.id === id);
      if (!t) throw new Error(`no target ${id}`);
      return t;
    },
  };
}

export function grid(...sheets: SheetGrid[]): WorkbookGrid {
  return { sheets };
}

/** The figures of a target that SPEC §4 fixes, for one compact `toEqual`. */
export function figures(t: SpecJson['targets'][number]): {
  status: string;
  population: number | null;
  achieved: number;
  unknown: number;
  gap: number | null;
} {
  return { status: t.status, population: t.population, achieved: t.achieved, unknown: t.unknown, gap: t.gap };
}

export const TARGET_IDS = ['T01', 'T02', 'T03', 'T04', 'T05a', 'T05b', 'T05', 'T06', 'T07', 'T08', 'T09', 'T10'];
export const ISSUE_KINDS = [
  'unknown_value',
  'unknown_unit',
  'unknown_kind',
  'duplicate_unit',
  'missing_column',
  'bad_year',
  'unreadable_sheet',
  'hidden_sheet',
];
export const A1 = /^[A-Z]{1,3}[1-9][0-9]*$/;
