/**
 * Reads the plan sheet "Kế hoạch CCHC" (layout: sheet-layout.ts) from a workbook grid. Every cell
 * that cannot be read is named in a message ("'Kế hoạch CCHC'!G9: …"); one bad cell and the whole
 * sheet is refused — the callers then evaluate nothing rather than a half-read plan.
 *
 * Objectives (the 5S pilot, SPEC §1 `O1`) are rows whose measure reads "Mục tiêu theo cấp" /
 * "Objective by level": levels in the population cell ("units:so_nganh | ubnd_huyen,phong_noi_vu |
 * ubnd_xa"), "pilot_5s:by_year", and "≥ N" (pilot units needed at each level) in the years it is
 * judged. A plan's `minTotal` has no cell here.
 */
import { foldKey } from '../text/fold';
import { CellValue, SheetGrid, WorkbookGrid, a1, cellAt, displayText, lastCol, lastRow } from '../workbook/grid';
import { KNOWN_LEVELS, MEASURE_TEXT, PLAN_COLUMNS, PLAN_LABELS, PLAN_SHEET_NAME, READING_TEXT } from './sheet-layout';
import { isPlanSheetName } from './sheet-name';
import { ACTIVITY_FORMATS, ACTIVITY_KINDS, Plan, STAFF_ACHIEVEMENT_FIELDS, UNIT_KINDS } from './types';
import { PlanError, parsePlan } from './validate';

export interface PlanSheetProblem {
  /** "'Kế hoạch CCHC'!G9", or the sheet's name alone for a problem with the whole table. */
  readonly cell: string;
  readonly vi: string;
  readonly en: string;
}

export type PlanSheetRead =
  | { readonly status: 'absent' }
  | { readonly status: 'ok'; readonly sheet: string; readonly plan: Plan; readonly inclusive: boolean }
  | { readonly status: 'invalid'; readonly sheet: string; readonly problems: readonly PlanSheetProblem[] };

/** At most this many target rows are read (the plan has 12). */
const MAX_TARGETS = 200;
const SCAN_ROWS = 40;

const key = (v: CellValue) => (typeof v === 'string' ? foldKey(v) : '');
const both = (t: { vi: string; en: string }) => [foldKey(t.vi), foldKey(t.en)];

export { isPlanSheetName };

/** The first plan sheet of the workbook, if any. */
export function findPlanSheet(grid: WorkbookGrid): SheetGrid | null {
  return grid.sheets.find((s) => isPlanSheetName(s.name)) ?? null;
}

function quote(sheet: string): string {
  return /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

class Problems {
  readonly list: PlanSheetProblem[] = [];
  constructor(private readonly sheet: string) {}
  at(row: number, col: number, vi: string, en: string, found?: CellValue): void {
    const shown = found === undefined ? '' : ` (${found === null || found === '' ? 'ô trống' : `"${displayText(found)}"`})`;
    const shownEn = found === undefined ? '' : ` (${found === null || found === '' ? 'blank' : `"${displayText(found)}"`})`;
    this.list.push({ cell: `${quote(this.sheet)}!${a1(row, col)}`, vi: `${vi}${shown}`, en: `${en}${shownEn}` });
  }
  whole(vi: string, en: string): void {
    this.list.push({ cell: quote(this.sheet), vi, en });
  }
}

type Json = Record<string, unknown>;

function text(v: CellValue): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

/** A threshold cell: "> 80 %", "≥80%", ">= 0,8", "= 100 %", "≥ 10"; blank, "-" or "–" for none. */
export function parseThresholdCell(v: CellValue, measure: 'rate' | 'count'): { op: string; value: number } | null | 'bad' {
  const s = text(v);
  if (s === '' || /^[-–—]$/.test(s)) return null;
  const m = /^(>=|=>|≥|>|=)\s*(\d+(?:[.,]\d+)?)\s*(%?)$/.exec(s.replace(/\s+/g, ' '));
  if (!m) return 'bad';
  const op = m[1] === '≥' || m[1] === '=>' ? '>=' : m[1];
  const n = Number(m[2].replace(',', '.'));
  if (measure === 'count') return m[3] ? 'bad' : { op, value: n };
  if (m[3]) return { op, value: Math.round(n * 1e6) / 1e8 };
  return n <= 1 ? { op, value: n } : 'bad';
}

function measureOf(v: CellValue): 'rate' | 'count' | 'all_of' | 'objective' | null {
  const k = key(v);
  for (const m of ['rate', 'count', 'all_of', 'objective'] as const)
    if ([...both(MEASURE_TEXT[m]), foldKey(m)].includes(k)) return m;
  return null;
}

function populationJson(s: string): Json | null {
  const m = /^(units|staff|activities)\s*:\s*(.+)$/i.exec(s.trim());
  if (!m) return null;
  const list = m[1].toLowerCase();
  const rest = m[2].trim();
  if (list === 'units') {
    const kinds = rest.split(/\s*,\s*/);
    return kinds.every((k) => (UNIT_KINDS as readonly string[]).includes(k)) ? { list, unitKinds: kinds } : null;
  }
  if (list === 'staff') return ['leader', 'cchc', 'all'].includes(rest) ? { list, flag: rest } : null;
  const [kind, format] = rest.split(/\s*\/\s*/);
  if (!(ACTIVITY_KINDS as readonly string[]).includes(kind)) return null;
  if (format === undefined) return { list, kind };
  return (ACTIVITY_FORMATS as readonly string[]).includes(format) ? { list, kind, format } : null;
}

function achievementJson(s: string): Json | null {
  const m = /^([a-z_]+)\s*:\s*(by_year|in_year)$/.exec(s.trim());
  if (!m) return null;
  const fields: readonly string[] = ['cchc_positions', 'held', ...STAFF_ACHIEVEMENT_FIELDS];
  return fields.includes(m[1]) ? { field: m[1], timing: m[2] } : null;
}

function yearOf(v: CellValue): number | null {
  const m = /^(?:năm\s+|year\s+)?(\d{4})$/i.exec(text(v));
  const y = m ? Number(m[1]) : null;
  return y !== null && y >= 1990 && y <= 2100 ? y : null;
}

interface Columns {
  id: number;
  name: number;
  nameOther: number;
  population: number;
  achieved: number;
  measure: number;
  years: Array<{ year: number; col: number }>;
}

function findColumns(sheet: SheetGrid, row: number, p: Problems): Columns | null {
  const cols: Partial<Columns> = { years: [] };
  for (let c = sheet.originCol; c <= lastCol(sheet); c++) {
    const v = cellAt(sheet, row, c);
    const k = key(v);
    const y = yearOf(v);
    if (y !== null) cols.years?.push({ year: y, col: c });
    else
      for (const name of Object.keys(PLAN_COLUMNS) as Array<keyof typeof PLAN_COLUMNS>)
        if (cols[name] === undefined && both(PLAN_COLUMNS[name]).includes(k)) cols[name] = c;
  }
  let ok = true;
  for (const name of ['id', 'name', 'population', 'achieved', 'measure'] as const) {
    if (cols[name] !== undefined) continue;
    ok = false;
    p.whole(
      `thiếu cột "${PLAN_COLUMNS[name].vi}" ở dòng tiêu đề ${row + 1}`,
      `no "${PLAN_COLUMNS[name].en}" column in the header row ${row + 1}`,
    );
  }
  if ((cols.years ?? []).length === 0) {
    ok = false;
    p.whole(
      `dòng tiêu đề ${row + 1} không có cột năm nào (2023, 2024 …)`,
      `the header row ${row + 1} has no year column (2023, 2024 …)`,
    );
  }
  if (!ok) return null;
  const found = cols as Omit<Columns, 'nameOther'> & { nameOther?: number };
  return { ...found, nameOther: found.nameOther ?? -1 };
}

/** Reads the plan sheet of `grid`: absent, a plan, or every problem with the cell it is in. */
export function readPlanSheet(grid: WorkbookGrid): PlanSheetRead {
  const sheet = findPlanSheet(grid);
  if (!sheet) return { status: 'absent' };
  const p = new Problems(sheet.name);
  const invalid = (): PlanSheetRead => ({ status: 'invalid', sheet: sheet.name, problems: p.list });

  // Settings in column A/B above the table, and the header row ("Mã chỉ tiêu").
  const settings = new Map<string, { row: number; col: number; value: CellValue; other: CellValue }>();
  let header = -1;
  const top = Math.min(lastRow(sheet), sheet.originRow + SCAN_ROWS);
  for (let r = sheet.originRow; r <= top && header < 0; r++) {
    const k = key(cellAt(sheet, r, 0));
    if (both(PLAN_COLUMNS.id).includes(k)) header = r;
    for (const name of Object.keys(PLAN_LABELS) as Array<keyof typeof PLAN_LABELS>)
      if (both(PLAN_LABELS[name]).includes(k))
        settings.set(name, { row: r, col: 1, value: cellAt(sheet, r, 1), other: cellAt(sheet, r, 2) });
  }
  if (header < 0) {
    p.whole(
      `không thấy dòng tiêu đề bắt đầu bằng "${PLAN_COLUMNS.id.vi}" ở cột A`,
      `no header row starting with "${PLAN_COLUMNS.id.en}" in column A`,
    );
    return invalid();
  }
  const cols = findColumns(sheet, header, p);
  if (!cols) return invalid();

  let inclusive = false;
  const reading = settings.get('reading');
  if (reading) {
    const k = key(reading.value);
    if (both(READING_TEXT.inclusive).includes(k) || k === '>=' || k === 'inclusive') inclusive = true;
    else if (!(both(READING_TEXT.strict).includes(k) || k === '>' || k === 'strict'))
      p.at(
        reading.row,
        reading.col,
        `cần "${READING_TEXT.strict.vi}" hoặc "${READING_TEXT.inclusive.vi}"`,
        `expected "${READING_TEXT.strict.en}" or "${READING_TEXT.inclusive.en}"`,
        reading.value,
      );
  }

  const years = cols.years.map((y) => y.year);
  // A sheet written in English has the English description first.
  const englishHeader = key(cellAt(sheet, header, cols.name)) === foldKey(PLAN_COLUMNS.name.en);
  const targets: Json[] = [];
  const objectives: Json[] = [];
  for (let r = header + 1; r <= lastRow(sheet) && r <= header + MAX_TARGETS; r++) {
    const idCell = cellAt(sheet, r, cols.id);
    const id = text(idCell);
    if (id === '') break; // a blank row ends the table; notes follow
    const nameCell = cellAt(sheet, r, cols.name);
    const name = text(nameCell);
    if (name === '') p.at(r, cols.name, 'cần nội dung chỉ tiêu', 'the target needs a description', nameCell);
    const nameOther = cols.nameOther >= 0 ? text(cellAt(sheet, r, cols.nameOther)) : '';
    const names = englishHeader ? { vi: nameOther || name, en: name } : { vi: name, en: nameOther || name };
    const measureCell = cellAt(sheet, r, cols.measure);
    const measure = measureOf(measureCell);
    if (measure === null) {
      p.at(
        r,
        cols.measure,
        `cần "${MEASURE_TEXT.rate.vi}", "${MEASURE_TEXT.count.vi}", "${MEASURE_TEXT.all_of.vi}" hoặc "${MEASURE_TEXT.objective.vi}"`,
        `expected "${MEASURE_TEXT.rate.en}", "${MEASURE_TEXT.count.en}", "${MEASURE_TEXT.all_of.en}" or "${MEASURE_TEXT.objective.en}"`,
        measureCell,
      );
      continue;
    }
    const achievedCell = cellAt(sheet, r, cols.achieved);
    if (measure === 'objective') {
      const objective = objectiveRow(sheet, r, cols, p, id, names, years);
      if (objective) objectives.push(objective);
      continue;
    }
    if (measure === 'all_of') {
      const parts = text(achievedCell)
        .split(/\s*(?:\+|,|;)\s*/)
        .filter((s) => s !== '');
      if (parts.length < 2)
        p.at(
          r,
          cols.achieved,
          'cần ít nhất hai mã chỉ tiêu, ví dụ "T05a + T05b"',
          'expected at least two target ids, e.g. "T05a + T05b"',
          achievedCell,
        );
      targets.push({ id, name: names, measure, parts });
      continue;
    }
    const popCell = cellAt(sheet, r, cols.population);
    const population = populationJson(text(popCell));
    if (!population)
      p.at(
        r,
        cols.population,
        'cần mã đối tượng như "staff:leader", "units:so_nganh,phong_noi_vu", "activities:training"',
        'expected a population code such as "staff:leader", "units:so_nganh,phong_noi_vu", "activities:training"',
        popCell,
      );
    const achieved = achievementJson(text(achievedCell));
    if (!achieved)
      p.at(
        r,
        cols.achieved,
        'cần mã tiêu chí như "trained:by_year", "planned_year:in_year", "held:in_year"',
        'expected a code such as "trained:by_year", "planned_year:in_year", "held:in_year"',
        achievedCell,
      );
    const thresholds: Record<string, Json> = {};
    for (const { year, col } of cols.years) {
      const v = cellAt(sheet, r, col);
      const th = parseThresholdCell(v, measure);
      if (th === 'bad' || (th !== null && !thresholdFits(th, measure))) {
        p.at(
          r,
          col,
          measure === 'rate'
            ? 'cần ngưỡng tỷ lệ như "> 80 %", "≥ 80 %" hoặc "= 100 %" (không quá 100 %), hoặc để trống'
            : 'cần ngưỡng số lượng như "≥ 10" hoặc "> 0" (số nguyên), hoặc để trống',
          measure === 'rate'
            ? 'expected a rate threshold such as "> 80 %", "≥ 80 %" or "= 100 %" (at most 100 %), or blank'
            : 'expected a count threshold such as "≥ 10" or "> 0" (a whole number), or blank',
          v,
        );
        continue;
      }
      if (th) thresholds[String(year)] = th;
    }
    targets.push({ id, name: names, measure, population, achieved, thresholds });
  }
  if (targets.length === 0 && p.list.length === 0)
    p.whole(`không có chỉ tiêu nào dưới dòng tiêu đề ${header + 1}`, `no target under the header row ${header + 1}`);
  if (p.list.length > 0) return invalid();

  const idSetting = settings.get('id');
  const titleSetting = settings.get('title');
  const unitSetting = settings.get('unitTargets');
  const unitTargets = unitSetting
    ? text(unitSetting.value)
        .split(/\s*[,;+]\s*/)
        .filter((s) => s !== '')
    : targets.filter((t) => t.measure === 'rate' && (t.population as Json).list !== 'activities').map((t) => t.id);
  const titleVi = titleSetting ? text(titleSetting.value) : '';
  const titleEn = titleSetting ? text(titleSetting.other) : '';
  const json = {
    id: (idSetting && text(idSetting.value)) || 'workbook-plan',
    title: { vi: titleVi || PLAN_SHEET_NAME.vi, en: titleEn || titleVi || PLAN_SHEET_NAME.en },
    period: { from: Math.min(...years), to: Math.max(...years) },
    targets,
    unitTargets,
    objectives,
  };
  try {
    return { status: 'ok', sheet: sheet.name, plan: parsePlan(json, sheet.name), inclusive };
  } catch (e) {
    if (!(e instanceof PlanError)) throw e;
    // What is left is about a row (a duplicate id, a part that is not a target …) or the table.
    for (const problem of e.problems) {
      const m = /^targets\[(\d+)\]/.exec(problem);
      if (m) p.at(header + 1 + Number(m[1]), cols.id, problem, problem);
      else p.whole(problem, problem);
    }
    return invalid();
  }
}

/** An objective row (see the file's comment); null after naming its bad cells. */
function objectiveRow(
  sheet: SheetGrid,
  r: number,
  cols: Columns,
  p: Problems,
  id: string,
  name: { vi: string; en: string },
  years: readonly number[],
): Json | null {
  const before = p.list.length;
  const popCell = cellAt(sheet, r, cols.population);
  const m = /^units\s*:\s*(.+)$/i.exec(text(popCell));
  const groups = m ? m[1].split(/\s*\|\s*/).map((g) => g.split(/\s*,\s*/).filter((k) => k !== '')) : [];
  const levels = groups.map((kinds) => {
    const known = KNOWN_LEVELS.find((l) => l.kinds === kinds.join(','));
    return known
      ? { id: known.id, name: known.name, unitKinds: kinds }
      : { id: kinds.join('_'), name: { vi: kinds.join(', '), en: kinds.join(', ') }, unitKinds: kinds };
  });
  if (levels.length === 0 || groups.some((g) => g.length === 0 || !g.every((k) => (UNIT_KINDS as readonly string[]).includes(k))))
    p.at(
      r,
      cols.population,
      'cần các cấp như "units:so_nganh | ubnd_huyen,phong_noi_vu | ubnd_xa"',
      'expected levels such as "units:so_nganh | ubnd_huyen,phong_noi_vu | ubnd_xa"',
      popCell,
    );
  const achievedCell = cellAt(sheet, r, cols.achieved);
  if (key(achievedCell) !== foldKey('pilot_5s:by_year'))
    p.at(r, cols.achieved, 'cần "pilot_5s:by_year"', 'expected "pilot_5s:by_year"', achievedCell);
  const judged: number[] = [];
  let minPerLevel: number | null = null;
  for (const { year, col } of cols.years) {
    const v = cellAt(sheet, r, col);
    const th = parseThresholdCell(v, 'count');
    if (th === null) continue;
    if (
      th === 'bad' ||
      th.op !== '>=' ||
      !Number.isInteger(th.value) ||
      th.value < 1 ||
      (minPerLevel !== null && th.value !== minPerLevel)
    ) {
      p.at(
        r,
        col,
        'cần "≥ N" (số đơn vị thí điểm ở mỗi cấp, như nhau mọi năm), hoặc để trống',
        'expected "≥ N" (pilot units at each level, the same every year), or blank',
        v,
      );
      continue;
    }
    minPerLevel = th.value;
    judged.push(year);
  }
  if (minPerLevel === null && p.list.length === before)
    p.at(
      r,
      cols.years[0].col,
      'cần "≥ N" ở ít nhất một năm',
      'expected "≥ N" in at least one year',
      cellAt(sheet, r, cols.years[0].col),
    );
  if (p.list.length > before || minPerLevel === null) return null;
  const every = years.every((y) => judged.includes(y));
  return { id, name, field: 'pilot_5s', levels, judgement: { minPerLevel }, ...(every ? {} : { years: judged }) };
}

function thresholdFits(t: { op: string; value: number }, measure: 'rate' | 'count'): boolean {
  if (measure === 'count') return Number.isInteger(t.value) && t.op !== '=';
  if (t.value <= 0 || t.value > 1) return false;
  if (t.op === '=' && t.value !== 1) return false;
  return !(t.op === '>' && t.value === 1);
}

/** The problems as lines for a person, in `lang`: "'Kế hoạch CCHC'!G9: …". */
export function planSheetMessages(problems: readonly PlanSheetProblem[], lang: 'vi' | 'en'): string[] {
  return problems.map((q) => `${q.cell}: ${q[lang]}`);
}
