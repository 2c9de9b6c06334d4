/**
 * A seeded generator of realistic officials' workbooks for the CCHC plan (SPEC §2): a units list,
 * a staff list and an activities list, in Vietnamese, built from the reference lists of HCMC
 * agencies, districts and wards (assets/reference, read at run time).
 *
 * Deterministic: the same options give the same cell contents (a seeded PRNG, no Math.random,
 * fixed workbook properties). Two layouts:
 * - `canonical`: one Excel table per list, header in row 1, the SPEC's canonical headers;
 * - `official`: an administrative document (title block, merged title, header a few rows down,
 *   two-row header with a merged group, column-number row, group rows "I | KHỐI SỞ, BAN, NGÀNH",
 *   a "Tổng cộng" row and a note), like fixture p2-government.xlsx.
 * Both have an instructions sheet "Hướng dẫn".
 *
 * The data is shaped so that evaluating 2023–2025 gives a realistic mix (see `DESIGN` below), and
 * the few planted issues are reported with their cells so a test can check the engine finds them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';

// ---- options and result -------------------------------------------------------------------------

export type SynthLayout = 'canonical' | 'official';
/** Which column of hcmc_agencies_by_period.csv lists the city's departments. */
export type SynthPeriod = '2022-2023' | '2024' | '2025';

export interface SynthOptions {
  readonly seed: number;
  /** Unit rows: all departments of the period, 22 district committees, 22 home-affairs offices, then wards (then other offices). */
  readonly units: number;
  /** Staff rows, planted ones included. */
  readonly staff: number;
  /** Activity rows, planted ones included. */
  readonly activities: number;
  /** Plant a handful of data issues (unreadable values, a unit not in the list, a bad year …). */
  readonly issues: boolean;
  readonly layout: SynthLayout;
  /** Default '2022-2023' (21 departments). */
  readonly period?: SynthPeriod;
  /** Column widths, fonts, borders, frozen header, print setup. Default true. */
  readonly styled?: boolean;
  /**
   * Official layout only: a signature block ("NGƯỜI LẬP BIỂU … KT. GIÁM ĐỐC" and the signers' names)
   * under each list, as real documents have. Default false (see the report on how the engine reads it).
   */
  readonly signature?: boolean;
  /** Folder of the reference CSVs; default assets/reference in the repository. */
  readonly referenceDir?: string;
}

export type PlantedKind = 'unknown_value' | 'unknown_unit' | 'unknown_kind' | 'bad_year';

/** A data issue put in on purpose, where it is and what it holds. */
export interface PlantedIssue {
  readonly kind: PlantedKind;
  readonly sheet: string;
  /** A1 address. */
  readonly cell: string;
  readonly value: string;
}

export interface SynthWorkbook {
  readonly workbook: ExcelJS.Workbook;
  /** Data rows written in each list (what the engine should read). */
  readonly counts: { readonly units: number; readonly staff: number; readonly activities: number };
  readonly sheets: { readonly instructions: string; readonly units: string; readonly staff: string; readonly activities: string };
  readonly planted: readonly PlantedIssue[];
}

// ---- seeded randomness --------------------------------------------------------------------------

/** mulberry32: small, fast, good enough for test data; seeded, never Math.random. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A fresh stream for one concern, so that changing one count does not reshuffle the rest. */
  static fork(seed: number, label: string): Rng {
    let h = (seed ^ 0x9e3779b9) >>> 0;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0;
    return new Rng(h ^ (h >>> 15));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `items`, each with its weight. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let x = this.next() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

// ---- reference lists ----------------------------------------------------------------------------

interface Agency {
  readonly name: string;
  readonly periods: Readonly<Record<SynthPeriod, boolean>>;
}

interface District {
  readonly code: string;
  /** As in the CSV: "Quận 1", "Quận Gò Vấp", "Huyện Củ Chi", "Thành phố Thủ Đức". */
  readonly name: string;
  readonly wardCount: number;
  readonly homeAffairs: string;
}

interface Ward {
  readonly districtCode: string;
  /** "Phường Tân Định", "Xã An Phú", "Thị trấn Củ Chi". */
  readonly name: string;
}

interface Reference {
  readonly agencies: readonly Agency[];
  readonly districts: readonly District[];
  readonly wards: readonly Ward[];
}

/** The repository root (the folder with package.json), from this file's folder up. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

export function defaultReferenceDir(): string {
  return path.resolve(repoRoot(), 'assets', 'reference');
}

/** RFC 4180-ish: commas, double-quoted fields with "" escapes, one record a line. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

function readCsv(dir: string, file: string): Array<Record<string, string>> {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new Error(`synth: reference list not found: ${full}`);
  const [header, ...rows] = parseCsv(readFileSync(full, 'utf8'));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), (r[i] ?? '').trim().normalize('NFC')])));
}

const referenceCache = new Map<string, Reference>();

export function loadReference(dir: string = defaultReferenceDir()): Reference {
  const cached = referenceCache.get(dir);
  if (cached) return cached;
  const marked = (v: string | undefined) => (v ?? '').toLowerCase().startsWith('x');
  const agencies = readCsv(dir, 'hcmc_agencies_by_period.csv').map((r) => ({
    name: r.ten_co_quan,
    periods: {
      '2022-2023': marked(r.giai_doan_2022_2023),
      '2024': marked(r['tu_01-01-2024']),
      '2025': marked(r['tu_01-03-2025']),
    },
  }));
  const districts = readCsv(dir, 'hcmc_districts_2022_2025.csv').map((r) => ({
    code: r.ma_dvhc,
    name: r.ten_don_vi,
    wardCount: Number(r['so_xa_phuong_2022-10-01']),
    homeAffairs: r.ten_phong_noi_vu,
  }));
  // The statistics office writes "Phường 09"; officials write "Phường 9".
  const wards = readCsv(dir, 'hcmc_units_2022-10-01.csv').map((r) => ({
    districtCode: r.ma_huyen,
    name: r.ten_xa.replace(/^Phường 0(\d)$/, 'Phường $1'),
  }));
  const ref: Reference = { agencies, districts, wards };
  referenceCache.set(dir, ref);
  return ref;
}

/** "Quận 1" stays; "Quận Gò Vấp" → "quận Gò Vấp", "Huyện Củ Chi" → "huyện Củ Chi" (as officials write it after a name). */
function districtPhrase(d: District): string {
  if (/^Quận \d+$/.test(d.name)) return d.name;
  const [first, ...rest] = d.name.split(' ');
  if (first === 'Thành') return `thành ${rest.join(' ')}`;
  return `${first.toLowerCase()} ${rest.join(' ')}`;
}

// ---- names and titles ---------------------------------------------------------------------------

const FAMILY: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Huỳnh', 4],
  ['Hoàng', 2],
  ['Phan', 4.5],
  ['Võ', 3.5],
  ['Vũ', 1.5],
  ['Đặng', 2],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Trương', 1.2],
  ['Đinh', 0.6],
  ['Lâm', 0.8],
  ['Mai', 0.4],
  ['Tô', 0.3],
  ['Châu', 0.4],
  ['Tạ', 0.3],
  ['Lưu', 0.4],
  ['Cao', 0.3],
  ['Quách', 0.2],
];
const MIDDLE_MALE = [
  'Văn',
  'Hữu',
  'Đức',
  'Minh',
  'Quốc',
  'Thanh',
  'Hoàng',
  'Công',
  'Ngọc',
  'Tấn',
  'Trọng',
  'Thành',
  'Anh',
  'Xuân',
];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Bích', 'Mỹ', 'Thị Thanh', 'Thị Kim', 'Hồng', 'Phương', 'Thị Ngọc'];
// prettier-ignore
const GIVEN_MALE = [
  'An', 'Bình', 'Cường', 'Dũng', 'Hải', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Long', 'Minh', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Tâm',
  'Thắng', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hiếu', 'Đạt', 'Phong', 'Toàn', 'Thịnh', 'Nhân', 'Lộc', 'Tài', 'Kiên', 'Bảo', 'Duy',
];
// prettier-ignore
const GIVEN_FEMALE = [
  'Anh', 'Châu', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Linh', 'Loan', 'Mai', 'My', 'Ngân',
  'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Trinh', 'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến', 'Tuyết', 'Nhi', 'Ngọc',
];

function personName(r: Rng): string {
  const female = r.chance(0.55);
  return `${r.weighted(FAMILY)} ${r.pick(female ? MIDDLE_FEMALE : MIDDLE_MALE)} ${r.pick(female ? GIVEN_FEMALE : GIVEN_MALE)}`;
}

type UnitKind = 'so_nganh' | 'ubnd_huyen' | 'phong_noi_vu' | 'ubnd_xa' | 'khac';

/** Leadership posts of a unit, in the order they are filled. */
// prettier-ignore
function leaderTitles(kind: UnitKind, name: string): string[] {
  const repeat = (a: string, b: string, n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? a : b));
  switch (kind) {
    case 'so_nganh':
      if (name.startsWith('Văn phòng'))
        return ['Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Phó Chánh Văn phòng', 'Phó Chánh Văn phòng', ...repeat('Trưởng phòng', 'Phó Trưởng phòng', 30)];
      if (name.startsWith('Thanh tra'))
        return ['Chánh Thanh tra', 'Phó Chánh Thanh tra', 'Phó Chánh Thanh tra', ...repeat('Trưởng phòng', 'Phó Trưởng phòng', 30)];
      if (name.startsWith('Ban')) return ['Trưởng ban', 'Phó Trưởng ban', 'Phó Trưởng ban', 'Chánh Văn phòng', ...repeat('Trưởng phòng', 'Phó Trưởng phòng', 30)];
      return ['Giám đốc', 'Phó Giám đốc', 'Phó Giám đốc', 'Chánh Văn phòng', 'Phó Giám đốc', 'Phó Chánh Văn phòng', ...repeat('Trưởng phòng', 'Phó Trưởng phòng', 30)];
    case 'ubnd_huyen':
      return ['Chủ tịch', 'Phó Chủ tịch', 'Phó Chủ tịch', 'Chánh Văn phòng HĐND và UBND', 'Phó Chủ tịch', 'Phó Chánh Văn phòng HĐND và UBND', ...repeat('Trưởng phòng', 'Phó Trưởng phòng', 30)];
    case 'phong_noi_vu':
      return ['Trưởng phòng', 'Phó Trưởng phòng', 'Phó Trưởng phòng', 'Phó Trưởng phòng'];
    case 'ubnd_xa':
      return ['Chủ tịch', 'Phó Chủ tịch', 'Phó Chủ tịch'];
    case 'khac':
      return ['Trưởng phòng', 'Phó Trưởng phòng', 'Phó Trưởng phòng'];
  }
}

const STAFF_TITLES: ReadonlyArray<readonly [string, number]> = [
  ['Chuyên viên', 55],
  ['Chuyên viên chính', 25],
  ['Cán sự', 10],
  ['Chuyên viên cao cấp', 2],
  ['Nhân viên', 3],
];
const WARD_TITLES: ReadonlyArray<readonly [string, number]> = [
  ['Công chức Văn phòng - Thống kê', 30],
  ['Công chức Tư pháp - Hộ tịch', 20],
  ['Công chức Địa chính - Xây dựng - Đô thị và Môi trường', 15],
  ['Công chức Tài chính - Kế toán', 12],
  ['Công chức Văn hóa - Xã hội', 15],
  ['Chuyên viên', 8],
];

const UNIT_KIND_TEXTS: Readonly<Record<UnitKind, ReadonlyArray<readonly [string, number]>>> = {
  so_nganh: [
    ['Sở, ban, ngành', 80],
    ['Cơ quan chuyên môn', 10],
    ['SỞ, BAN, NGÀNH', 6],
    ['So, ban, nganh', 4],
  ],
  ubnd_huyen: [
    ['UBND quận, huyện, TP Thủ Đức', 75],
    ['Ủy ban nhân dân quận, huyện', 15],
    ['UBND QUẬN, HUYỆN', 10],
  ],
  phong_noi_vu: [
    ['Phòng Nội vụ', 85],
    ['PHÒNG NỘI VỤ', 10],
    ['phòng nội vụ', 5],
  ],
  ubnd_xa: [
    ['UBND phường, xã, thị trấn', 75],
    ['Ủy ban nhân dân phường, xã, thị trấn', 15],
    ['UBND PHƯỜNG, XÃ, THỊ TRẤN', 10],
  ],
  khac: [['Khác', 1]],
};

/** Offices under a district that are neither its committee nor its home-affairs office (units beyond the wards). */
const OTHER_OFFICES = ['Phòng Tư pháp', 'Phòng Văn hóa và Thông tin', 'Phòng Tài chính - Kế hoạch', 'Phòng Kinh tế'];

// ---- cell values --------------------------------------------------------------------------------

type Cell = string | number | boolean | Date | { error: '#N/A' } | { formula: string; result: number } | null;

const pad2 = (n: number) => String(n).padStart(2, '0');

function dayIn(r: Rng, year: number, fromMonth = 1, toMonth = 12): { y: number; m: number; d: number } {
  const m = r.int(fromMonth, toMonth);
  const d = r.int(1, new Date(Date.UTC(year, m, 0)).getUTCDate());
  return { y: year, m, d };
}

const excelDate = (x: { y: number; m: number; d: number }) => new Date(Date.UTC(x.y, x.m - 1, x.d));
const textDate = (x: { y: number; m: number; d: number }) => `${pad2(x.d)}/${pad2(x.m)}/${x.y}`;

type DateStyle = 'excel' | 'dmy' | 'year' | 'year_text' | 'month' | 'nam';

function dateCell(r: Rng, year: number, style: DateStyle): Cell {
  const day = dayIn(r, year);
  switch (style) {
    case 'excel':
      return excelDate(day);
    case 'dmy':
      return textDate(day);
    case 'year':
      return year;
    case 'year_text':
      return String(year);
    case 'month':
      return `tháng ${day.m}/${year}`;
    case 'nam':
      return `năm ${year}`;
  }
}

/**
 * A "done by year" marker (trained, skills, e-learning). `year` null: not done; ≤ 2022: done
 * before the plan's years counted (a bare "x" is fine then); 2023–2025: a value that carries the year.
 */
function progressCell(r: Rng, year: number | null): Cell {
  if (year === null) {
    return r.weighted<Cell>([
      [null, 74],
      ['Chưa', 8],
      ['Không', 7],
      [0, 4],
      ['-', 4],
      [false, 2],
      ['', 1],
    ]);
  }
  if (year <= 2022) {
    const plain = r.weighted<Cell | 'dated'>([
      ['x', 30],
      ['X', 5],
      ['Có', 10],
      ['Đã', 3],
      [true, 2],
      [1, 3],
      ['dated', 47],
    ]);
    if (plain !== 'dated') return plain;
    const y = r.weighted([
      [year, 70],
      [year - 1, 20],
      [year - 2, 10],
    ]);
    return dateCell(
      r,
      y,
      r.weighted<DateStyle>([
        ['year', 50],
        ['year_text', 10],
        ['excel', 15],
        ['dmy', 12],
        ['month', 8],
        ['nam', 5],
      ]),
    );
  }
  return dateCell(
    r,
    year,
    r.weighted<DateStyle>([
      ['year', 40],
      ['excel', 20],
      ['dmy', 15],
      ['month', 10],
      ['nam', 8],
      ['year_text', 7],
    ]),
  );
}

/** A year field (planned, appointed, expert): the year is what counts. */
function yearCell(r: Rng, year: number | null): Cell {
  if (year === null) return null;
  return dateCell(
    r,
    year,
    r.weighted<DateStyle>([
      ['year', 70],
      ['excel', 10],
      ['dmy', 10],
      ['year_text', 10],
    ]),
  );
}

function yesCell(r: Rng): Cell {
  return r.weighted<Cell>([
    ['x', 60],
    ['X', 8],
    ['Có', 22],
    [true, 4],
    [1, 6],
  ]);
}

function noCell(r: Rng): Cell {
  return r.weighted<Cell>([
    [null, 72],
    ['Không', 16],
    ['-', 6],
    [0, 4],
    ['', 2],
  ]);
}

/** How a unit's name may be written in the staff list: mostly as in the units list. */
function writtenUnitName(r: Rng, name: string): string {
  const variant = r.weighted([
    ['same', 89],
    ['upper', 3],
    ['padded', 2],
    ['abbrev', 4],
    ['tone', 1],
    ['nfd', 1],
  ] as const);
  switch (variant) {
    case 'same':
      return name;
    case 'upper':
      return name.toUpperCase();
    case 'padded':
      return `  ${name} `;
    case 'abbrev': {
      const short = name.replace(/^Ủy ban nhân dân/, 'UBND').replace(/Ủy ban nhân dân Thành phố$/, 'UBND TP');
      return short === name ? name.replace(/ Thành phố$/, ' TP') : short;
    }
    case 'tone':
      return oldToneStyle(name);
    case 'nfd':
      return name.normalize('NFD');
  }
}

/** "Hòa" → "Hoà", "Ủy" → "Uỷ": the older tone placement some keyboards still produce. */
export function oldToneStyle(s: string): string {
  const pairs: ReadonlyArray<readonly [RegExp, string]> = [
    [/òa/g, 'oà'],
    [/óa/g, 'oá'],
    [/ỏa/g, 'oả'],
    [/õa/g, 'oã'],
    [/ọa/g, 'oạ'],
    [/ùy/g, 'uỳ'],
    [/úy/g, 'uý'],
    [/ủy/g, 'uỷ'],
    [/ũy/g, 'uỹ'],
    [/ụy/g, 'uỵ'],
    [/Ủy/g, 'Uỷ'],
    [/òe/g, 'oè'],
    [/óe/g, 'oé'],
    [/ỏe/g, 'oẻ'],
  ];
  let out = s;
  for (const [re, to] of pairs) out = out.replace(re, to);
  return out;
}

// ---- what the data should evaluate to -----------------------------------------------------------

/**
 * The mix the data is built for (with the planted issues, default seed, ~1,500 staff):
 * - T01 positions (departments + home-affairs offices): 2023 met, 2024 and 2025 not met;
 * - T02 leaders trained: 2023 and 2024 met, 2025 not met (100 % needed);
 * - T03 skills: 2024 met, 2025 not met; T04 e-learning: 2024 undetermined (two short, three
 *   unreadable values), 2025 not met;
 * - T05a planned: 2023, 2024 met, 2025 not met; T05b appointed: 2023 not met, 2024, 2025 met;
 * - T06 experts: 2025 met; T07 abroad: none in 2025; T08 blended domestic: 2024 only an undated
 *   one (undetermined); T09, T10 every year.
 * Shares are cumulative by 31 December of 2022 (or earlier), 2023, 2024, 2025.
 */
const DESIGN = {
  positions: [0.7, 0.84, 0.87, 0.93],
  trained: [0.62, 0.85, 0.93, 0.975],
  skills: [0.4, 0.66, 0.845, 0.95],
  elearning: [0.3, 0.58, 0.79, 0.94],
  /** People newly planned / appointed each year 2022–2025 (city-wide counts, whatever the size). */
  planned: [9, 14, 11, 7],
  appointed: [4, 4, 6, 5],
  experts: [8, 13, 16, 17],
  leaderShare: 0.22,
  cchcShareLeaders: 0.25,
  cchcShareOthers: 0.82,
} as const;

const YEARS = [2022, 2023, 2024, 2025] as const;

/** Smallest k with k/n strictly over p % (integer arithmetic, as the engine compares). */
function neededOver(percent: number, n: number): number {
  return Math.floor((percent * n) / 100) + 1;
}

/**
 * Gives each member a year by quota: the best-scored `cum[0]` get ≤ 2022, the next up to
 * `cum[1]` get 2023 … the rest get null (not done). Exact shares whatever the seed, clustered by
 * unit through the score.
 */
function byQuota(members: readonly number[], score: (i: number) => number, cum: readonly number[]): Map<number, number | null> {
  const sorted = [...members].sort((a, b) => score(b) - score(a) || a - b);
  const out = new Map<number, number | null>();
  sorted.forEach((m, rank) => {
    const k = cum.findIndex((c) => rank < c);
    out.set(m, k < 0 ? null : YEARS[k]);
  });
  return out;
}

const cumCounts = (shares: readonly number[], n: number) => shares.map((s) => Math.min(n, Math.round(s * n)));

// ---- the data model -----------------------------------------------------------------------------

type Group = 0 | 1 | 2 | 3;
const GROUP_TITLES: Readonly<Record<'units' | 'staff', readonly string[]>> = {
  units: ['KHỐI SỞ, BAN, NGÀNH', 'KHỐI QUẬN, HUYỆN, TP THỦ ĐỨC', 'KHỐI PHƯỜNG, XÃ, THỊ TRẤN', 'CÁC CƠ QUAN, ĐƠN VỊ KHÁC'],
  staff: ['KHỐI SỞ, BAN, NGÀNH', 'KHỐI QUẬN, HUYỆN, TP THỦ ĐỨC', 'KHỐI PHƯỜNG, XÃ, THỊ TRẤN', 'CÁC CƠ QUAN, ĐƠN VỊ KHÁC'],
};
const ROMAN = ['I', 'II', 'III', 'IV', 'V'];

interface UnitRow {
  readonly name: string;
  readonly kind: UnitKind;
  readonly kindText: string;
  readonly group: Group;
  positions: Cell;
  positionsYear: Cell;
  note: string | null;
  /** 0–1: how far ahead the unit is; drives its people's progress too. */
  readonly diligence: number;
}

type StaffCellField = 'leader' | 'cchc' | 'trained' | 'skills' | 'elearning' | 'planned_year' | 'appointed_year' | 'expert_year';

interface StaffRow {
  readonly name: string;
  /** The unit as written. */
  unitText: string;
  /** Index in the units list; -1 for a unit that is not in it (planted). */
  readonly unit: number;
  readonly group: Group;
  readonly title: string;
  readonly leader: boolean;
  /** null: the flag is unreadable (planted). */
  cchc: boolean | null;
  readonly cells: Record<StaffCellField, Cell>;
  note: string | null;
}

type ActivityKind = 'abroad_class' | 'domestic_class' | 'training' | 'study_tour';
type ActivityFormat = 'in_person' | 'online' | 'blended';

interface ActivityRow {
  name: string;
  kindText: string;
  formatText: string;
  date: Cell;
  /** Sort key: year, month, day (an undated one goes at the end of its year). */
  readonly sort: readonly [number, number, number];
  readonly year: number;
  readonly participants: Cell;
  readonly nonLeaders: Cell;
  readonly host: string;
}

type PlantField = 'cchc_positions' | 'unit' | StaffCellField | 'date' | 'kind';

interface Plant {
  readonly list: 'units' | 'staff' | 'activities';
  readonly index: number;
  readonly field: PlantField;
  readonly kind: PlantedKind;
}

interface Data {
  readonly units: UnitRow[];
  readonly staff: StaffRow[];
  readonly activities: ActivityRow[];
  readonly plants: Plant[];
}

// ---- units --------------------------------------------------------------------------------------

/** Largest-remainder split of `total` into parts proportional to `weights`, each at least `min`. */
function apportion(total: number, weights: readonly number[], min: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const floor = Math.min(min, Math.floor(total / n));
  const rest = total - floor * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k][1]]++;
  return parts.map((p) => p + floor);
}

function buildUnits(o: Required<Pick<SynthOptions, 'seed' | 'units' | 'period'>>, ref: Reference): UnitRow[] {
  const r = Rng.fork(o.seed, 'units');
  const units: UnitRow[] = [];
  const add = (name: string, kind: UnitKind, group: Group) => {
    units.push({
      name,
      kind,
      kindText: r.weighted(UNIT_KIND_TEXTS[kind]),
      group,
      positions: null,
      positionsYear: null,
      note: null,
      diligence: r.next(),
    });
  };
  const depts = ref.agencies.filter((a) => a.periods[o.period]);
  for (const a of depts.slice(0, o.units)) add(a.name, 'so_nganh', 0);
  const districtPairs = Math.max(0, Math.min(ref.districts.length, Math.floor((o.units - units.length) / 2)));
  const districts = ref.districts.slice(0, districtPairs);
  for (const d of districts) {
    add(`Ủy ban nhân dân ${districtPhrase(d)}`, 'ubnd_huyen', 1);
    add(d.homeAffairs, 'phong_noi_vu', 1);
  }
  const wardSlots = Math.max(0, o.units - units.length);
  const available = districts.map((d) => ref.wards.filter((w) => w.districtCode === d.code));
  const totalWards = available.reduce((a, w) => a + w.length, 0);
  const perDistrict =
    wardSlots >= totalWards
      ? available.map((w) => w.length)
      : apportion(
          wardSlots,
          available.map((w) => w.length),
          wardSlots >= districts.length ? 1 : 0,
        );
  districts.forEach((d, i) => {
    const picked = r
      .shuffle(available[i].map((_, k) => k))
      .slice(0, Math.min(perDistrict[i], available[i].length))
      .sort((a, b) => a - b);
    for (const k of picked) add(`Ủy ban nhân dân ${available[i][k].name}, ${districtPhrase(d)}`, 'ubnd_xa', 2);
  });
  // More units than the city has wards: the districts' other offices.
  for (let k = 0; units.length < o.units && districts.length > 0; k++) {
    const d = districts[k % districts.length];
    const office = OTHER_OFFICES[Math.floor(k / districts.length) % OTHER_OFFICES.length];
    const round = Math.floor(k / (districts.length * OTHER_OFFICES.length));
    add(`${office} ${districtPhrase(d)}${round > 0 ? ` (${round + 1})` : ''}`, 'khac', 3);
  }
  return units;
}

/** T01 values: positions in place by a year (clustered by diligence), or never. */
function fillPositions(units: UnitRow[], seed: number, plants: Plant[], issues: boolean): void {
  const r = Rng.fork(seed, 'positions');
  const inT01 = units.map((u, i) => [u, i] as const).filter(([u]) => u.kind === 'so_nganh' || u.kind === 'phong_noi_vu');
  const members = inT01.map(([, i]) => i);
  const years = byQuota(members, (i) => units[i].diligence * 0.8 + r.next() * 0.2, cumCounts(DESIGN.positions, members.length));
  const notYet: number[] = [];
  units.forEach((u, i) => {
    const year = years.has(i) ? (years.get(i) ?? null) : r.chance(0.55) ? r.pick([2022, 2022, 2023, 2024, 2025]) : null;
    if (year === null) {
      u.positions = r.weighted<Cell>([
        [0, 40],
        ['Không', 30],
        [null, 30],
      ]);
      if (years.has(i)) notYet.push(i);
      return;
    }
    u.positions = r.weighted<Cell>([
      [1, 30],
      [2, 15],
      [3, 5],
      ['x', 22],
      ['Có', 12],
      ['1', 8],
      ['2', 8],
    ]);
    if (year <= 2022) {
      u.positionsYear = r.weighted<Cell>([
        [null, 60],
        [r.pick([2021, 2022]), 20],
        [textDate(dayIn(r, 2022)), 10],
        [excelDate(dayIn(r, 2022)), 10],
      ]);
    } else {
      u.positionsYear = r.weighted<Cell>([
        [year, 40],
        [textDate(dayIn(r, year)), 30],
        [excelDate(dayIn(r, year)), 30],
      ]);
    }
    if (year >= 2024 && r.chance(0.4)) u.note = `Bổ sung vị trí CCHC năm ${year}`;
  });
  if (issues && notYet.length > 0) {
    // A home-affairs office that has not answered yet: neither yes nor no.
    const i = notYet.find((k) => units[k].kind === 'phong_noi_vu') ?? notYet[0];
    units[i].positions = '?';
    units[i].positionsYear = null;
    units[i].note = 'Chưa báo cáo';
    plants.push({ list: 'units', index: i, field: 'cchc_positions', kind: 'unknown_value' });
  }
}

// ---- staff --------------------------------------------------------------------------------------

const UNIT_WEIGHT: Readonly<Record<UnitKind, number>> = {
  so_nganh: 3,
  ubnd_huyen: 2,
  phong_noi_vu: 1.2,
  ubnd_xa: 0.8,
  khac: 0.8,
};

/** The unit planted as "not in the list": a real city body officials often add to their staff list. */
const UNLISTED_UNIT = 'Trung tâm Phục vụ hành chính công Thành phố';

function buildStaff(o: SynthOptions, units: UnitRow[], plants: Plant[]): StaffRow[] {
  const r = Rng.fork(o.seed, 'staff');
  const unlisted = o.issues ? Math.min(2, o.staff) : 0;
  const listedCount = o.staff - unlisted;
  const weights = units.map((u) => UNIT_WEIGHT[u.kind] * (0.7 + 0.6 * r.next()));
  const perUnit = units.length > 0 ? apportion(listedCount, weights, 3) : [];
  const staff: StaffRow[] = [];
  const emptyCells = (): Record<StaffCellField, Cell> => ({
    leader: null,
    cchc: null,
    trained: null,
    skills: null,
    elearning: null,
    planned_year: null,
    appointed_year: null,
    expert_year: null,
  });
  const push = (unit: number, unitText: string, group: Group, title: string, leader: boolean) => {
    const cchc = r.chance(leader ? DESIGN.cchcShareLeaders : DESIGN.cchcShareOthers);
    staff.push({ name: personName(r), unitText, unit, group, title, leader, cchc, cells: emptyCells(), note: null });
  };
  // The unlisted unit's people are written after the last department's (or at the end).
  let lastDept = -1;
  units.forEach((u, i) => {
    if (u.group === 0) lastDept = i;
  });
  const unlistedAfter = lastDept >= 0 ? lastDept : units.length - 1;
  units.forEach((u, ui) => {
    const n = perUnit[ui];
    const posts = leaderTitles(u.kind, u.name);
    const leaders = Math.min(posts.length, Math.max(1, Math.round(n * DESIGN.leaderShare)), n);
    for (let k = 0; k < n; k++) {
      const leader = k < leaders;
      const title = leader ? posts[k] : r.weighted(u.kind === 'ubnd_xa' ? WARD_TITLES : STAFF_TITLES);
      push(ui, writtenUnitName(r, u.name), u.group, title, leader);
    }
    if (unlisted > 0 && ui === unlistedAfter) {
      for (let k = 0; k < unlisted; k++) {
        push(-1, UNLISTED_UNIT, u.group, k === 0 ? 'Phó Giám đốc' : 'Chuyên viên', k === 0);
        plants.push({ list: 'staff', index: staff.length - 1, field: 'unit', kind: 'unknown_unit' });
      }
    }
  });
  if (units.length === 0) {
    for (let k = 0; k < o.staff; k++) push(-1, UNLISTED_UNIT, 0, 'Chuyên viên', false);
  }
  return staff;
}

function fillStaff(o: SynthOptions, units: readonly UnitRow[], staff: StaffRow[], plants: Plant[]): void {
  const r = Rng.fork(o.seed, 'progress');
  const dil = (i: number) => (staff[i].unit >= 0 ? units[staff[i].unit].diligence : 0.5);
  const plantedCells = new Set<string>();
  const plant = (index: number, field: StaffCellField, value: Cell, kind: PlantedKind) => {
    staff[index].cells[field] = value;
    plantedCells.add(`${index}:${field}`);
    plants.push({ list: 'staff', index, field, kind });
  };

  // Flags first: who the populations are.
  staff.forEach((p) => {
    p.cells.leader = p.leader ? yesCell(r) : noCell(r);
    p.cells.cchc = p.cchc ? yesCell(r) : noCell(r);
  });
  const leaders = staff.map((_, i) => i).filter((i) => staff[i].leader);
  const cchc = () => staff.map((_, i) => i).filter((i) => staff[i].cchc === true);

  // Planted values, in diligent units (so their units come out undetermined rather than failed).
  const ip = Rng.fork(o.seed, 'plant-staff');
  const byDiligence = (pool: readonly number[]) =>
    [...pool].filter((i) => staff[i].unit >= 0).sort((a, b) => dil(b) - dil(a) || a - b);
  const takeFrom = (pool: readonly number[], used: Set<number>, count: number): number[] => {
    const top = byDiligence(pool).filter((i) => !used.has(i));
    const out: number[] = [];
    const window = top.slice(0, Math.max(count * 6, 12));
    ip.shuffle(window);
    for (const i of window) {
      if (out.length === count) break;
      if (!out.some((j) => staff[j].unit === staff[i].unit)) out.push(i);
    }
    for (const i of window) if (out.length < count && !out.includes(i)) out.push(i);
    out.forEach((i) => used.add(i));
    return out;
  };
  const used = new Set<number>(staff.map((p, i) => (p.unit < 0 ? i : -1)).filter((i) => i >= 0));
  if (o.issues) {
    const nonLeaders = staff.map((_, i) => i).filter((i) => !staff[i].leader);
    for (const i of takeFrom(nonLeaders, used, 1)) {
      staff[i].cchc = null;
      plant(i, 'cchc', 'không rõ', 'unknown_value');
    }
    for (const i of takeFrom(leaders, used, 1)) plant(i, 'trained', 'chờ xác nhận', 'unknown_value');
    const cchcNonLeaders = cchc().filter((i) => !staff[i].leader);
    for (const i of takeFrom(cchcNonLeaders, used, 1)) plant(i, 'skills', '?', 'unknown_value');
    const el = takeFrom(cchcNonLeaders, used, 3);
    const values: Cell[] = ['đang học', '?', { error: '#N/A' }];
    el.forEach((i, k) => plant(i, 'elearning', values[k], 'unknown_value'));
    for (const i of takeFrom(cchcNonLeaders, used, 1)) plant(i, 'planned_year', 2204, 'bad_year');
  }
  const planted = (i: number, f: StaffCellField) => plantedCells.has(`${i}:${f}`);

  // Rate targets: quotas over each population, the rest of the staff at random.
  const cchcNow = cchc();
  const rate = (field: 'trained' | 'skills' | 'elearning', population: readonly number[], shares: readonly number[]) => {
    const members = population.filter((i) => !planted(i, field));
    const n = population.length; // the engine's population includes the unreadable ones
    const cum = cumCounts(shares, n).map((c) => Math.min(c, members.length));
    if (field === 'elearning') {
      // Two short of "over 80 %" in 2024: with three unreadable values, undetermined.
      cum[2] = Math.max(cum[1], Math.min(members.length, neededOver(80, n) - 2));
      cum[3] = Math.max(cum[2], cum[3]);
    }
    const noise = new Map(members.map((i) => [i, r.next()]));
    const years = byQuota(members, (i) => dil(i) * 0.7 + (noise.get(i) ?? 0) * 0.3, cum);
    staff.forEach((p, i) => {
      if (planted(i, field)) return;
      const y = years.has(i)
        ? (years.get(i) ?? null)
        : r.chance(0.7)
          ? r.weighted<number>([
              [2021, 25],
              [2022, 30],
              [2023, 20],
              [2024, 15],
              [2025, 10],
            ])
          : null;
      p.cells[field] = progressCell(r, y);
    });
  };
  rate('trained', leaders, DESIGN.trained);
  rate('skills', cchcNow, DESIGN.skills);
  rate('elearning', cchcNow, DESIGN.elearning);

  // Count targets: a few people each year, among those doing CCHC work.
  const pool = r.shuffle(cchcNow.filter((i) => !staff[i].leader && staff[i].unit >= 0));
  const leaderPool = r.shuffle(cchcNow.filter((i) => staff[i].leader && staff[i].unit >= 0));
  let next = 0;
  const take = (from: number[], k: number) => {
    const out: number[] = [];
    while (out.length < k && next < from.length) {
      const i = from[next++];
      if (!planted(i, 'planned_year') && !planted(i, 'appointed_year') && !planted(i, 'expert_year')) out.push(i);
    }
    return out;
  };
  YEARS.forEach((y, k) => {
    for (const i of take(pool, DESIGN.planned[k])) staff[i].cells.planned_year = yearCell(r, y);
  });
  let lp = 0;
  YEARS.forEach((y, k) => {
    // Appointed: mostly people now in a leadership post, some rotated sideways.
    for (let j = 0; j < DESIGN.appointed[k]; j++) {
      const i = lp < leaderPool.length && r.chance(0.6) ? leaderPool[lp++] : take(pool, 1)[0];
      if (i !== undefined) staff[i].cells.appointed_year = yearCell(r, y);
    }
  });
  YEARS.forEach((y, k) => {
    for (const i of take(pool, DESIGN.experts[k])) {
      staff[i].cells.expert_year = yearCell(r, y);
      if (r.chance(0.3)) staff[i].note = 'Hoàn thành chương trình đào tạo chuyên gia CCHC';
    }
  });
  // A few notes officials leave.
  staff.forEach((p) => {
    if (p.note === null && r.chance(0.015))
      p.note = r.pick(['Mới tuyển dụng năm 2024', 'Kiêm nhiệm', 'Điều động từ đơn vị khác', 'Nghỉ thai sản']);
  });
}

// ---- activities ---------------------------------------------------------------------------------

const ACTIVITY_NAMES: Readonly<Record<ActivityKind, readonly string[]>> = {
  abroad_class: [
    'Lớp bồi dưỡng quản trị công tại Singapore',
    'Lớp bồi dưỡng CCHC tại Hàn Quốc',
    'Lớp bồi dưỡng chính phủ số tại Nhật Bản',
    'Lớp bồi dưỡng kinh nghiệm cải cách hành chính tại Úc',
  ],
  domestic_class: [
    'Lớp bồi dưỡng nghiệp vụ kiểm soát TTHC',
    'Lớp bồi dưỡng kỹ năng tham mưu CCHC',
    'Lớp bồi dưỡng chuyển đổi số trong CCHC',
    'Lớp bồi dưỡng kỹ năng giao tiếp tại Bộ phận Một cửa',
    'Lớp bồi dưỡng nghiệp vụ CCHC cho công chức cấp xã',
  ],
  training: [
    'Hội nghị tập huấn nghiệp vụ CCHC',
    'Tập huấn chấm điểm Chỉ số CCHC',
    'Tập huấn triển khai Cổng Dịch vụ công Thành phố',
    'Hướng dẫn đo lường Chỉ số SIPAS',
    'Tập huấn nghiệp vụ kiểm soát thủ tục hành chính',
  ],
  study_tour: [
    'Đoàn công tác học tập kinh nghiệm tại Quảng Ninh',
    'Đoàn nghiên cứu mô hình Trung tâm Phục vụ hành chính công tại Đà Nẵng',
    'Đoàn trao đổi kinh nghiệm tại Hà Nội',
    'Đoàn khảo sát chuyển đổi số tại Bình Dương',
  ],
};
const ACTIVITY_KIND_TEXTS: Readonly<Record<ActivityKind, ReadonlyArray<readonly [string, number]>>> = {
  abroad_class: [
    ['Lớp bồi dưỡng ở nước ngoài', 75],
    ['Bồi dưỡng ở nước ngoài', 15],
    ['LỚP BỒI DƯỠNG Ở NƯỚC NGOÀI', 10],
  ],
  domestic_class: [
    ['Lớp bồi dưỡng trong nước', 80],
    ['Bồi dưỡng trong nước', 12],
    ['Lop boi duong trong nuoc', 8],
  ],
  training: [
    ['Tập huấn, hướng dẫn nghiệp vụ', 75],
    ['Tập huấn nghiệp vụ', 15],
    ['Hướng dẫn nghiệp vụ CCHC', 10],
  ],
  study_tour: [
    ['Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm', 70],
    ['Đoàn nghiên cứu, trao đổi kinh nghiệm', 20],
    ['Đoàn công tác', 10],
  ],
};
const FORMAT_TEXTS: Readonly<Record<ActivityFormat, ReadonlyArray<readonly [string, number]>>> = {
  in_person: [
    ['Trực tiếp', 95],
    ['trực tiếp', 5],
  ],
  online: [
    ['Trực tuyến', 95],
    ['trực tuyến', 5],
  ],
  blended: [
    ['Trực tiếp kết hợp trực tuyến', 75],
    ['Kết hợp', 15],
    ['trực tiếp kết hợp trực tuyến', 10],
  ],
};
const HOSTS: ReadonlyArray<readonly [string, number]> = [
  ['Sở Nội vụ', 70],
  ['Sở Nội vụ phối hợp Học viện Cán bộ Thành phố', 15],
  ['Văn phòng Ủy ban nhân dân Thành phố', 10],
  ['Sở Thông tin và Truyền thông', 5],
];

/** Which (kind, format) each year may hold: no class abroad in 2025, no blended domestic class dated in 2024. */
function allowed(kind: ActivityKind, format: ActivityFormat, year: number): boolean {
  if (kind === 'abroad_class') return year !== 2025 && format === 'in_person';
  if (kind === 'study_tour') return format === 'in_person';
  if (kind === 'domestic_class' && format === 'blended') return year !== 2024;
  return true;
}

function buildActivities(o: SynthOptions, plants: Plant[]): ActivityRow[] {
  const r = Rng.fork(o.seed, 'activities');
  type Slot = { kind: ActivityKind; format: ActivityFormat; year: number; planted?: 'date' | 'kind' };
  const planted: Slot[] = o.issues
    ? [
        { kind: 'domestic_class', format: 'blended', year: 2024, planted: 'date' },
        { kind: 'training', format: 'in_person', year: 2023, planted: 'kind' },
      ]
    : [];
  const required: Slot[] = [];
  for (const year of YEARS) {
    if (year !== 2025) required.push({ kind: 'abroad_class', format: 'in_person', year });
    if (year !== 2024) required.push({ kind: 'domestic_class', format: 'blended', year });
    required.push({ kind: 'training', format: r.pick(['in_person', 'online', 'blended'] as const), year });
    required.push({ kind: 'study_tour', format: 'in_person', year });
  }
  const slots: Slot[] = [...planted.slice(0, o.activities), ...required.slice(0, Math.max(0, o.activities - planted.length))];
  while (slots.length < o.activities) {
    const kind = r.weighted<ActivityKind>([
      ['training', 38],
      ['domestic_class', 32],
      ['study_tour', 15],
      ['abroad_class', 15],
    ]);
    const format = r.weighted<ActivityFormat>([
      ['in_person', 45],
      ['online', 25],
      ['blended', 30],
    ]);
    const year = r.pick(YEARS);
    if (allowed(kind, format, year)) slots.push({ kind, format, year });
  }
  const rows = slots.map((s): ActivityRow & { plant?: 'date' | 'kind' } => {
    const day = dayIn(r, s.year, s.kind === 'abroad_class' ? 3 : 1, s.kind === 'abroad_class' ? 11 : 12);
    const style = r.weighted<DateStyle | 'day'>([
      ['excel', 40],
      ['day', 25],
      ['year', 15],
      ['month', 15],
      ['nam', 5],
    ]);
    const date: Cell =
      style === 'excel'
        ? excelDate(day)
        : style === 'day'
          ? textDate(day)
          : style === 'month'
            ? `tháng ${day.m}/${s.year}`
            : style === 'nam'
              ? `năm ${s.year}`
              : s.year;
    const coarse =
      style === 'year' || style === 'nam' ? [s.year, 12, 31] : style === 'month' ? [s.year, day.m, 28] : [s.year, day.m, day.d];
    const participants =
      s.kind === 'abroad_class'
        ? r.int(15, 30)
        : s.kind === 'study_tour'
          ? r.int(10, 25)
          : s.kind === 'training'
            ? r.int(60, 320)
            : r.int(30, 80);
    const nonLeaders = Math.round(participants * (0.2 + 0.45 * r.next()));
    const row: ActivityRow & { plant?: 'date' | 'kind' } = {
      name: r.pick(ACTIVITY_NAMES[s.kind]),
      kindText: r.weighted(ACTIVITY_KIND_TEXTS[s.kind]),
      formatText: r.weighted(FORMAT_TEXTS[s.format]),
      date,
      sort: s.planted === 'date' ? [s.year, 13, 0] : [coarse[0], coarse[1], coarse[2]],
      year: s.year,
      participants: r.chance(0.1) ? String(participants) : participants,
      nonLeaders: r.chance(0.05) ? null : nonLeaders,
      host: r.weighted(HOSTS),
      plant: s.planted,
    };
    if (s.planted === 'date') {
      row.date = 'chưa rõ';
      row.name = 'Lớp bồi dưỡng kỹ năng tham mưu CCHC (đợt 2)';
    }
    if (s.planted === 'kind') {
      row.name = 'Hội thảo khoa học về cải cách hành chính';
      row.kindText = 'Hội thảo khoa học';
    }
    return row;
  });
  const order = rows.map((a, i) => [a, i] as const);
  order.sort(([a, i], [b, j]) => a.sort[0] - b.sort[0] || a.sort[1] - b.sort[1] || a.sort[2] - b.sort[2] || i - j);
  const out: ActivityRow[] = [];
  for (const [a] of order) {
    if (a.plant)
      plants.push({
        list: 'activities',
        index: out.length,
        field: a.plant,
        kind: a.plant === 'date' ? 'unknown_value' : 'unknown_kind',
      });
    const { plant: _plant, ...row } = a;
    out.push(row);
  }
  return out;
}

function buildData(o: SynthOptions): Data {
  const ref = loadReference(o.referenceDir ?? defaultReferenceDir());
  const plants: Plant[] = [];
  const units = buildUnits({ seed: o.seed, units: o.units, period: o.period ?? '2022-2023' }, ref);
  fillPositions(units, o.seed, plants, o.issues);
  const staff = buildStaff(o, units, plants);
  fillStaff(o, units, staff, plants);
  const activities = buildActivities(o, plants);
  return { units, staff, activities, plants };
}

// ---- rendering ----------------------------------------------------------------------------------

interface Column<Row> {
  /** Header as written in the official layout (the canonical layout uses `canonical`). */
  readonly official: string;
  readonly canonical: string | null;
  /** Group header above this column in the official layout (two-row header). */
  readonly group?: string;
  readonly width: number;
  readonly text?: boolean;
  readonly center?: boolean;
  readonly field?: PlantField;
  readonly value: (row: Row, index: number) => Cell;
}

const UNIT_COLUMNS: ReadonlyArray<Column<UnitRow>> = [
  { official: 'STT', canonical: 'STT', width: 6, center: true, value: (_u, i) => i + 1 },
  { official: 'TÊN CƠ QUAN, ĐƠN VỊ', canonical: 'Tên đơn vị', width: 52, text: true, value: (u) => u.name },
  { official: 'LOẠI ĐƠN VỊ', canonical: 'Loại đơn vị', width: 30, text: true, value: (u) => u.kindText },
  {
    official: 'SỐ VỊ TRÍ VIỆC LÀM CCHC',
    canonical: 'Số vị trí việc làm CCHC',
    width: 14,
    center: true,
    field: 'cchc_positions',
    value: (u) => u.positions,
  },
  {
    official: 'NĂM BỐ TRÍ VỊ TRÍ CCHC',
    canonical: 'Năm bố trí vị trí CCHC',
    width: 14,
    center: true,
    value: (u) => u.positionsYear,
  },
  { official: 'GHI CHÚ', canonical: null, width: 30, text: true, value: (u) => u.note },
];

const RESULTS_GROUP = 'KẾT QUẢ BỒI DƯỠNG, TIẾP CẬN TÀI LIỆU';
const STAFF_COLUMNS: ReadonlyArray<Column<StaffRow>> = [
  { official: 'STT', canonical: 'STT', width: 6, center: true, value: (_p, i) => i + 1 },
  { official: 'HỌ VÀ TÊN', canonical: 'Họ và tên', width: 26, text: true, value: (p) => p.name },
  { official: 'ĐƠN VỊ CÔNG TÁC', canonical: 'Đơn vị', width: 50, text: true, field: 'unit', value: (p) => p.unitText },
  { official: 'CHỨC VỤ', canonical: 'Chức vụ', width: 44, text: true, value: (p) => p.title },
  { official: 'LÃNH ĐẠO', canonical: 'Lãnh đạo', width: 10, center: true, field: 'leader', value: (p) => p.cells.leader },
  {
    official: 'LÀM CÔNG TÁC CCHC',
    canonical: 'Làm công tác CCHC',
    width: 11,
    center: true,
    field: 'cchc',
    value: (p) => p.cells.cchc,
  },
  {
    official: 'BỒI DƯỠNG CCHC',
    canonical: 'Bồi dưỡng CCHC',
    group: RESULTS_GROUP,
    width: 13,
    center: true,
    field: 'trained',
    value: (p) => p.cells.trained,
  },
  {
    official: 'ĐƯỢC CUNG CẤP KIẾN THỨC, KỸ NĂNG',
    canonical: 'Được cung cấp kiến thức, kỹ năng',
    group: RESULTS_GROUP,
    width: 15,
    center: true,
    field: 'skills',
    value: (p) => p.cells.skills,
  },
  {
    official: 'TIẾP CẬN TÀI LIỆU ĐIỆN TỬ',
    canonical: 'Tiếp cận tài liệu điện tử',
    group: RESULTS_GROUP,
    width: 14,
    center: true,
    field: 'elearning',
    value: (p) => p.cells.elearning,
  },
  {
    official: 'QUY HOẠCH LÃNH ĐẠO (NĂM)',
    canonical: 'Quy hoạch lãnh đạo (năm)',
    width: 12,
    center: true,
    field: 'planned_year',
    value: (p) => p.cells.planned_year,
  },
  {
    official: 'LUÂN CHUYỂN, BỔ NHIỆM (NĂM)',
    canonical: 'Luân chuyển, bổ nhiệm (năm)',
    width: 12,
    center: true,
    field: 'appointed_year',
    value: (p) => p.cells.appointed_year,
  },
  {
    official: 'CHUYÊN GIA CCHC (NĂM)',
    canonical: 'Chuyên gia CCHC (năm)',
    width: 12,
    center: true,
    field: 'expert_year',
    value: (p) => p.cells.expert_year,
  },
  { official: 'GHI CHÚ', canonical: null, width: 44, text: true, value: (p) => p.note },
];

const ACTIVITY_COLUMNS: ReadonlyArray<Column<ActivityRow>> = [
  { official: 'STT', canonical: 'STT', width: 6, center: true, value: (_a, i) => i + 1 },
  { official: 'TÊN HOẠT ĐỘNG', canonical: 'Tên hoạt động', width: 64, text: true, value: (a) => a.name },
  { official: 'LOẠI HOẠT ĐỘNG', canonical: 'Loại hoạt động', width: 44, text: true, field: 'kind', value: (a) => a.kindText },
  { official: 'HÌNH THỨC', canonical: 'Hình thức', width: 28, text: true, value: (a) => a.formatText },
  { official: 'THỜI GIAN', canonical: 'Thời gian', width: 14, center: true, field: 'date', value: (a) => a.date },
  { official: 'SỐ NGƯỜI THAM GIA', canonical: 'Số người tham gia', width: 12, center: true, value: (a) => a.participants },
  {
    official: 'SỐ NGƯỜI KHÔNG GIỮ CHỨC VỤ LÃNH ĐẠO',
    canonical: 'Số người không giữ chức vụ lãnh đạo',
    width: 16,
    center: true,
    value: (a) => a.nonLeaders,
  },
  { official: 'ĐƠN VỊ CHỦ TRÌ', canonical: null, width: 46, text: true, value: (a) => a.host },
];

const FONT_OFFICIAL = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const DATE_FORMAT = 'dd/mm/yyyy';
/** When the workbook was last saved (Vietnam time): also the time stamped on every part of the .xlsx package. */
const SAVED_AT = { year: 2024, month: 12, day: 15, hour: 8, minute: 45 };

const REPORT_DATE = { d: 15, m: 12, y: 2024 };

function toExcel(v: Cell): ExcelJS.CellValue {
  return v;
}

interface SheetRender {
  readonly name: string;
  /** Row (1-based) of each data record. */
  readonly rowOf: number[];
  /** Column (1-based) of each plantable field. */
  readonly colOf: Map<PlantField, number>;
}

interface ListSpec<Row> {
  readonly sheet: string;
  readonly title: string;
  readonly columns: ReadonlyArray<Column<Row>>;
  readonly rows: readonly Row[];
  /** Official layout: group of each row (a group row goes before the first row of each group). */
  readonly groupOf?: (row: Row) => number;
  readonly groupTitle?: (group: number, first: Row) => string;
  /** The total row: which column says "Tổng cộng", and a formula cell. */
  readonly total?: {
    readonly formula: (
      first: number,
      last: number,
      col: (i: number) => string,
    ) => { col: number; formula: string; result: number };
  };
  readonly note: string;
  /** Table name (canonical layout). */
  readonly table: string;
  readonly columnNumbers: 'numbers' | 'parenthesised' | 'none';
}

function colLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function styleDataCell(cell: ExcelJS.Cell, col: { readonly center?: boolean }, value: Cell, styled: boolean): void {
  if (value instanceof Date) cell.numFmt = DATE_FORMAT;
  if (!styled) return;
  cell.border = THIN;
  if (col.center) cell.alignment = { horizontal: 'center' };
}

function renderCanonical<Row>(wb: ExcelJS.Workbook, spec: ListSpec<Row>, styled: boolean): SheetRender {
  const ws = wb.addWorksheet(spec.sheet, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  const columns = spec.columns.filter((c) => c.canonical !== null);
  ws.columns = columns.map((c) => ({ width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.addTable({
    name: spec.table,
    ref: 'A1',
    headerRow: true,
    totalsRow: false,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: columns.map((c) => ({ name: c.canonical as string, filterButton: true })),
    rows: spec.rows.map((row, i) => columns.map((c) => toExcel(c.value(row, i)))),
  });
  const rowOf = spec.rows.map((_, i) => i + 2);
  spec.rows.forEach((row, i) => {
    columns.forEach((c, k) => {
      const v = c.value(row, i);
      if (v instanceof Date) ws.getCell(i + 2, k + 1).numFmt = DATE_FORMAT;
    });
  });
  if (styled) {
    const header = ws.getRow(1);
    header.height = 32;
    header.eachCell((cell) => {
      cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
      cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    });
  }
  const colOf = new Map<PlantField, number>();
  columns.forEach((c, k) => {
    if (c.field) colOf.set(c.field, k + 1);
  });
  return { name: spec.sheet, rowOf, colOf };
}

function titleBlock(ws: ExcelJS.Worksheet, width: number, title: string, styled: boolean): void {
  const leftSpan = Math.max(2, Math.min(3, Math.floor(width / 3)));
  const put = (row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    const cell = ws.getCell(row, from);
    cell.value = text;
    if (to > from) ws.mergeCells(row, from, row, to);
    if (styled) {
      cell.font = { name: FONT_OFFICIAL, size: 12, ...font };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: row >= 4 };
    }
  };
  put(1, 1, leftSpan, 'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', {});
  put(2, 1, leftSpan, 'SỞ NỘI VỤ', { bold: true, underline: true });
  put(1, leftSpan + 1, width, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, leftSpan + 1, width, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  put(3, leftSpan + 1, width, `Thành phố Hồ Chí Minh, ngày ${REPORT_DATE.d} tháng ${REPORT_DATE.m} năm ${REPORT_DATE.y}`, {
    italic: true,
  });
  put(4, 1, width, title, { bold: true, size: 14 });
  put(
    5,
    1,
    width,
    `(Kèm theo Báo cáo số 456/BC-SNV ngày ${REPORT_DATE.d} tháng ${REPORT_DATE.m} năm ${REPORT_DATE.y} của Sở Nội vụ)`,
    { italic: true },
  );
  if (styled) ws.getRow(4).height = 36;
}

const HEADER_ROW = 7;

function renderOfficial<Row>(wb: ExcelJS.Workbook, spec: ListSpec<Row>, styled: boolean, signature: boolean): SheetRender {
  const columns = spec.columns;
  const width = columns.length;
  const twoRows = columns.some((c) => c.group !== undefined);
  const headerBottom = HEADER_ROW + (twoRows ? 1 : 0);
  const numbersRow = spec.columnNumbers === 'none' ? null : headerBottom + 1;
  const firstData = (numbersRow ?? headerBottom) + 1;
  const ws = wb.addWorksheet(spec.sheet, {
    views: [{ state: 'frozen', ySplit: firstData - 1, xSplit: 2, topLeftCell: `C${firstData}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${firstData - 1}`,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = columns.map((c) => ({
    width: c.width,
    style: styled
      ? { font: { name: FONT_OFFICIAL, size: 12 }, ...(c.text ? { numFmt: '@' } : {}) }
      : c.text
        ? { numFmt: '@' }
        : {},
  }));
  titleBlock(ws, width, spec.title, styled);

  // Header: one row, or two with a merged group over its sub-headers.
  const headerStyle = (cell: ExcelJS.Cell) => {
    if (!styled) return;
    cell.font = { name: FONT_OFFICIAL, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  };
  for (let k = 0; k < width; k++) {
    const c = columns[k];
    const col = k + 1;
    if (!twoRows) {
      ws.getCell(HEADER_ROW, col).value = c.official;
      headerStyle(ws.getCell(HEADER_ROW, col));
    } else if (c.group === undefined) {
      ws.getCell(HEADER_ROW, col).value = c.official;
      ws.mergeCells(HEADER_ROW, col, headerBottom, col);
      headerStyle(ws.getCell(HEADER_ROW, col));
    } else {
      ws.getCell(headerBottom, col).value = c.official;
      headerStyle(ws.getCell(headerBottom, col));
      if (k === 0 || columns[k - 1].group !== c.group) {
        let end = k;
        while (end + 1 < width && columns[end + 1].group === c.group) end++;
        ws.getCell(HEADER_ROW, col).value = c.group;
        ws.mergeCells(HEADER_ROW, col, HEADER_ROW, end + 1);
        headerStyle(ws.getCell(HEADER_ROW, col));
      }
    }
  }
  if (styled) {
    ws.getRow(HEADER_ROW).height = twoRows ? 30 : 48;
    if (twoRows) ws.getRow(headerBottom).height = 66;
  }
  if (numbersRow !== null) {
    for (let k = 0; k < width; k++) {
      const cell = ws.getCell(numbersRow, k + 1);
      cell.value = spec.columnNumbers === 'numbers' ? k + 1 : `(${k + 1})`;
      if (styled) {
        cell.font = { name: FONT_OFFICIAL, size: 11, italic: true };
        cell.alignment = { horizontal: 'center' };
        cell.border = THIN;
      }
    }
  }

  // Data, with a group row before each group.
  const rowOf: number[] = [];
  let r = firstData;
  let group = -1;
  const groupRow = (text: string, roman: string) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = roman;
    row.getCell(2).value = text;
    if (styled)
      for (let k = 1; k <= width; k++) {
        const cell = row.getCell(k);
        cell.font = { name: FONT_OFFICIAL, size: 12, bold: true };
        cell.border = THIN;
        if (k === 1) cell.alignment = { horizontal: 'center' };
      }
  };
  let groups = 0;
  spec.rows.forEach((rec, i) => {
    const g = spec.groupOf ? spec.groupOf(rec) : -1;
    if (spec.groupOf && spec.groupTitle && g !== group) {
      group = g;
      groupRow(spec.groupTitle(g, rec), ROMAN[groups++] ?? String(groups));
    }
    const row = ws.getRow(r);
    rowOf.push(r);
    for (let k = 0; k < width; k++) {
      const v = columns[k].value(rec, i);
      const cell = row.getCell(k + 1);
      if (v !== null) cell.value = toExcel(v);
      styleDataCell(cell, columns[k], v, styled);
    }
    r++;
  });
  const lastData = r - 1;

  // Total row, then a note (and a signature block when asked).
  const totalRow = ws.getRow(r++);
  totalRow.getCell(2).value = 'Tổng cộng';
  if (spec.total) {
    const f = spec.total.formula(firstData, lastData, colLetter);
    totalRow.getCell(f.col).value = { formula: f.formula, result: f.result };
    totalRow.getCell(f.col).numFmt = '#,##0';
  }
  if (styled)
    for (let k = 1; k <= width; k++) {
      const cell = totalRow.getCell(k);
      cell.font = { name: FONT_OFFICIAL, size: 12, bold: true };
      cell.border = THIN;
      if (k >= 2) cell.alignment = { horizontal: 'center' };
    }
  r++;
  const note = ws.getCell(r++, 2);
  note.value = spec.note;
  if (styled) note.font = { name: FONT_OFFICIAL, size: 11, italic: true };
  if (signature) {
    r++;
    const right = Math.max(3, width - 2);
    const sign = (row: number, left: string | null, rightText: string | null, font: Partial<ExcelJS.Font>) => {
      if (left !== null) ws.getCell(row, 2).value = left;
      if (rightText !== null) ws.getCell(row, right).value = rightText;
      if (styled)
        for (const c of [2, right]) {
          ws.getCell(row, c).font = { name: FONT_OFFICIAL, size: 12, ...font };
          ws.getCell(row, c).alignment = { horizontal: 'center' };
        }
    };
    sign(r++, 'NGƯỜI LẬP BIỂU', 'KT. GIÁM ĐỐC', { bold: true });
    sign(r++, null, 'PHÓ GIÁM ĐỐC', { bold: true });
    r += 3;
    sign(r++, 'Nguyễn Thị Thu Hà', 'Trần Văn Minh', { bold: true });
  }

  const colOf = new Map<PlantField, number>();
  columns.forEach((c, k) => {
    if (c.field) colOf.set(c.field, k + 1);
  });
  return { name: spec.sheet, rowOf, colOf };
}

function renderInstructions(
  wb: ExcelJS.Workbook,
  names: { units: string; staff: string; activities: string },
  styled: boolean,
): void {
  const ws = wb.addWorksheet('Hướng dẫn', {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [{ width: 34 }, { width: 76 }];
  const lines: Array<readonly [string, string] | string> = [
    'HƯỚNG DẪN NHẬP LIỆU',
    '',
    `1. Trang "${names.units}": mỗi dòng một cơ quan, đơn vị. Cột "Loại đơn vị" ghi một trong: Sở, ban, ngành; UBND quận, huyện, TP Thủ Đức; Phòng Nội vụ; UBND phường, xã, thị trấn; Khác.`,
    `2. Trang "${names.staff}": mỗi dòng một cán bộ, công chức, viên chức. Cột "Đơn vị công tác" ghi đúng tên đơn vị như trong danh sách đơn vị.`,
    '3. Các cột bồi dưỡng, kiến thức kỹ năng, tài liệu điện tử: đánh dấu "x" nếu đã hoàn thành; nếu biết thời điểm thì ghi năm (ví dụ 2024) hoặc ngày (dd/mm/yyyy).',
    '4. Các cột quy hoạch, luân chuyển - bổ nhiệm, chuyên gia CCHC: ghi năm thực hiện (ví dụ 2024).',
    `5. Trang "${names.activities}": loại hoạt động ghi một trong: Lớp bồi dưỡng ở nước ngoài; Lớp bồi dưỡng trong nước; Tập huấn, hướng dẫn nghiệp vụ; Đoàn công tác, nghiên cứu, trao đổi kinh nghiệm. Hình thức: Trực tiếp; Trực tuyến; Trực tiếp kết hợp trực tuyến.`,
    '6. Số liệu tính đến ngày 31 tháng 12 của năm báo cáo. Không tự ý đổi tên các cột.',
    '',
    ['Giá trị', 'Ý nghĩa'],
    ['x, Có, Đã', 'Đã thực hiện (không rõ năm)'],
    ['2024, 15/03/2024, tháng 3/2024', 'Đã thực hiện trong năm 2024'],
    ['(để trống), Không, Chưa', 'Chưa thực hiện'],
    '',
    'Đầu mối: Phòng Cải cách hành chính - Sở Nội vụ.',
  ];
  lines.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    if (typeof line === 'string') {
      if (line === '') return;
      row.getCell(1).value = line;
      if (i > 0) ws.mergeCells(i + 1, 1, i + 1, 2);
      if (styled) {
        row.getCell(1).font = { name: FONT_OFFICIAL, size: i === 0 ? 14 : 12, bold: i === 0 };
        row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
        if (i > 0) row.height = 16 * Math.ceil(line.length / 105) + 2;
      }
    } else {
      row.getCell(1).value = line[0];
      row.getCell(2).value = line[1];
      if (styled)
        for (const k of [1, 2]) {
          row.getCell(k).font = { name: FONT_OFFICIAL, size: 12, bold: line[0] === 'Giá trị' };
          row.getCell(k).border = THIN;
        }
    }
  });
}

/** Builds the workbook. */
export function synthesize(options: SynthOptions): SynthWorkbook {
  const o = {
    ...options,
    units: Math.max(0, options.units),
    staff: Math.max(0, options.staff),
    activities: Math.max(0, options.activities),
  };
  const styled = o.styled ?? true;
  const data = buildData(o);
  const official = o.layout === 'official';
  const names = official
    ? { instructions: 'Hướng dẫn', units: 'DS đơn vị', staff: 'DS CBCCVC', activities: 'Hoạt động 2022-2025' }
    : { instructions: 'Hướng dẫn', units: 'Đơn vị', staff: 'Cán bộ', activities: 'Hoạt động' };

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sở Nội vụ';
  wb.lastModifiedBy = 'Phòng Cải cách hành chính';
  wb.created = new Date(Date.UTC(SAVED_AT.year, SAVED_AT.month - 1, SAVED_AT.day - 3, 2, 10, 0));
  wb.modified = new Date(Date.UTC(SAVED_AT.year, SAVED_AT.month - 1, SAVED_AT.day, SAVED_AT.hour - 7, SAVED_AT.minute, 0));
  wb.title = 'Danh sách thực hiện Kế hoạch nâng cao năng lực đội ngũ làm công tác CCHC 2022 - 2025';
  wb.subject = 'Cải cách hành chính';
  wb.company = 'Sở Nội vụ Thành phố Hồ Chí Minh';
  wb.calcProperties = { fullCalcOnLoad: false };

  renderInstructions(wb, names, styled);

  const positionsSum = (first: number, last: number, col: (i: number) => string) => ({
    col: 4,
    formula: `SUM(${col(4)}${first}:${col(4)}${last})`,
    result: data.units.reduce((a, u) => a + (typeof u.positions === 'number' ? u.positions : 0), 0),
  });
  const unitSpec: ListSpec<UnitRow> = {
    sheet: names.units,
    title: 'DANH SÁCH CƠ QUAN, ĐƠN VỊ BỐ TRÍ VỊ TRÍ VIỆC LÀM CẢI CÁCH HÀNH CHÍNH',
    columns: UNIT_COLUMNS,
    rows: data.units,
    groupOf: (u) => u.group,
    groupTitle: (g) => GROUP_TITLES.units[g],
    total: { formula: positionsSum },
    note: 'Ghi chú: Năm bố trí để trống là đơn vị đã bố trí vị trí việc làm CCHC từ trước năm 2022.',
    table: 'DonVi',
    columnNumbers: 'numbers',
  };
  const staffSpec: ListSpec<StaffRow> = {
    sheet: names.staff,
    title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC LÀM CÔNG TÁC CẢI CÁCH HÀNH CHÍNH',
    columns: STAFF_COLUMNS,
    rows: data.staff,
    groupOf: (p) => p.group,
    groupTitle: (g) => GROUP_TITLES.staff[g],
    total: {
      formula: (first, last, col) => ({
        col: 3,
        formula: `COUNTA(${col(3)}${first}:${col(3)}${last})`,
        result: data.staff.length,
      }),
    },
    note: `Ghi chú: Số liệu tính đến ngày ${REPORT_DATE.d}/${REPORT_DATE.m}/${REPORT_DATE.y}; cột năm ghi năm thực hiện.`,
    table: 'CanBo',
    columnNumbers: 'parenthesised',
  };
  const activitySpec: ListSpec<ActivityRow> = {
    sheet: names.activities,
    title: 'CÁC HOẠT ĐỘNG BỒI DƯỠNG, TẬP HUẤN, ĐOÀN CÔNG TÁC VỀ CẢI CÁCH HÀNH CHÍNH NĂM 2022 - 2025',
    columns: ACTIVITY_COLUMNS,
    rows: data.activities,
    groupOf: (a) => a.year,
    groupTitle: (year) => `NĂM ${year}`,
    total: {
      formula: (first, last, col) => ({
        col: 6,
        formula: `SUM(${col(6)}${first}:${col(6)}${last})`,
        result: data.activities.reduce((a, x) => a + (typeof x.participants === 'number' ? x.participants : 0), 0),
      }),
    },
    note: 'Ghi chú: Thời gian ghi ngày khai giảng hoặc ngày tổ chức.',
    table: 'HoatDong',
    columnNumbers: 'none',
  };
  const signature = official && (o.signature ?? false);
  const render = <Row>(spec: ListSpec<Row>) =>
    official ? renderOfficial(wb, spec, styled, signature) : renderCanonical(wb, spec, styled);
  const rendered = { units: render(unitSpec), staff: render(staffSpec), activities: render(activitySpec) };

  const valueOf = (p: Plant): Cell => {
    if (p.list === 'units') return data.units[p.index].positions;
    if (p.list === 'activities') return p.field === 'date' ? data.activities[p.index].date : data.activities[p.index].kindText;
    const s = data.staff[p.index];
    return p.field === 'unit' ? s.unitText : s.cells[p.field as StaffCellField];
  };
  const planted: PlantedIssue[] = data.plants.map((p) => {
    const sheet = rendered[p.list];
    const col = sheet.colOf.get(p.field);
    if (col === undefined) throw new Error(`synth: no column for ${p.field}`);
    const v = valueOf(p);
    const value = v === null ? '' : typeof v === 'object' && 'error' in v ? v.error : String(v);
    return { kind: p.kind, sheet: sheet.name, cell: `${colLetter(col)}${sheet.rowOf[p.index]}`, value };
  });
  const order = (x: PlantedIssue) => [names.units, names.staff, names.activities].indexOf(x.sheet);
  planted.sort((a, b) => order(a) - order(b) || rowNumber(a.cell) - rowNumber(b.cell) || a.cell.localeCompare(b.cell));
  return {
    workbook: wb,
    counts: { units: data.units.length, staff: data.staff.length, activities: data.activities.length },
    sheets: names,
    planted,
  };
}

function rowNumber(a1: string): number {
  return Number(/\d+$/.exec(a1)?.[0] ?? 0);
}

/**
 * Sets every entry's modification time in a zip (local headers and central directory) to
 * `SAVED_AT`, so that the same workbook gives the same bytes (exceljs stamps the current time).
 */
export function stampZip(buf: Buffer): Buffer {
  const time = (SAVED_AT.hour << 11) | (SAVED_AT.minute << 5);
  const date = ((SAVED_AT.year - 1980) << 9) | (SAVED_AT.month << 5) | SAVED_AT.day;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return buf;
  const out = Buffer.from(buf);
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let k = 0; k < entries && out.readUInt32LE(p) === 0x02014b50; k++) {
    out.writeUInt16LE(time, p + 12);
    out.writeUInt16LE(date, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) === 0x04034b50) {
      out.writeUInt16LE(time, local + 10);
      out.writeUInt16LE(date, local + 12);
    }
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The workbook as .xlsx bytes; the same workbook gives the same bytes. */
export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return stampZip(Buffer.from(await wb.xlsx.writeBuffer()));
}

/**
 * A stable text of everything a reader sees in a workbook: sheets, merges, tables, every cell's
 * value and number format. Equal texts mean equal contents (for determinism checks).
 */
export function workbookContents(wb: ExcelJS.Workbook): string {
  const out: string[] = [];
  const show = (v: ExcelJS.CellValue): string => {
    if (v instanceof Date) return `date:${v.toISOString()}`;
    if (v === null || v === undefined) return 'null';
    return JSON.stringify(v);
  };
  for (const ws of wb.worksheets) {
    out.push(`# ${ws.name} ${ws.state}`);
    const merges = [...((ws.model as { merges?: string[] }).merges ?? [])].sort();
    out.push(`merges ${merges.join(' ')}`);
    for (const t of ws.getTables()) {
      const model = (Array.isArray(t) ? t[0] : t) as unknown as { table?: { name?: string; tableRef?: string; ref?: string } };
      out.push(`table ${model.table?.name} ${model.table?.tableRef ?? model.table?.ref}`);
    }
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        out.push(`${cell.address}\t${show(cell.value)}\t${cell.numFmt ?? ''}`);
      });
    });
  }
  return out.join('\n');
}
