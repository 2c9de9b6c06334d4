/**
 * Reading cell values as SPEC §2 says: markers, years, dates, counts, kinds. A value that cannot
 * be read is never taken as yes or no: it becomes an `unknown` mark that says why.
 */
import { ActivityFormat, ActivityKind, UnitKind } from '../plan/types';
import { foldKey, foldPlaceKey, hasPhrase, startsWithPhrase } from '../text/fold';
import { parseNumberText } from '../text/numbers';
import { CellValue, isCellError } from './grid';

/** Why a value could not be read. */
export type UnknownReason =
  | 'not_a_marker'
  | 'error_value'
  | 'year_out_of_range'
  | 'invalid_date'
  | 'year_missing'
  | 'date_missing'
  | 'not_a_count'
  | 'column_missing';

/**
 * A value read from a cell. `code` is the same as one number, for compact tables: 0 no, 1 yes
 * (no year), 2 unknown, 3 column missing (unknown), or the year (1990–2100) it was achieved.
 */
export type Mark =
  | { readonly kind: 'no'; readonly code: number }
  | { readonly kind: 'yes'; readonly year: number | null; readonly count: number | null; readonly code: number }
  | {
      readonly kind: 'unknown';
      readonly issue: 'unknown_value' | 'bad_year';
      readonly reason: UnknownReason;
      readonly code: number;
    };

export const CODE_NO = 0;
export const CODE_YES = 1;
export const CODE_UNKNOWN = 2;
export const CODE_MISSING = 3;

/** A mark code that says yes (with or without a year). */
export function isYesCode(code: number): boolean {
  return code === CODE_YES || code >= 1000;
}

/**
 * Every mark has the same six fields in the same order, whatever its kind: the engine reads
 * hundreds of thousands of them, and one object shape keeps those reads fast.
 */
function mark(
  kind: Mark['kind'],
  code: number,
  year: number | null,
  count: number | null,
  issue: 'unknown_value' | 'bad_year' | null,
  reason: UnknownReason | null,
): Mark {
  return Object.freeze({ kind, code, year, count, issue, reason }) as unknown as Mark;
}

export const NO: Mark = mark('no', CODE_NO, null, null, null, null);
export const YES: Mark = mark('yes', CODE_YES, null, null, null, null);

/** The value of a field whose column a list does not have: not known, not no. */
export const MISSING: Mark = mark('unknown', CODE_MISSING, null, null, 'unknown_value', 'column_missing');

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
/** Excel serials of 1990-01-01 and 2100-12-31 (1900 date system). */
const MIN_SERIAL = 32874;
const MAX_SERIAL = 73415;

const unknownCache = new Map<UnknownReason, Mark>();
function unknown(reason: UnknownReason): Mark {
  let m = unknownCache.get(reason);
  if (!m) {
    const issue = reason === 'year_out_of_range' ? 'bad_year' : 'unknown_value';
    m = mark('unknown', CODE_UNKNOWN, null, null, issue, reason);
    unknownCache.set(reason, m);
  }
  return m;
}

const yearMarks: Mark[] = [];
function yesIn(year: number): Mark {
  let m = yearMarks[year - 1990];
  if (!m) {
    m = mark('yes', year, year, null, null, null);
    yearMarks[year - 1990] = m;
  }
  return m;
}

function yearMark(year: number): Mark {
  return year >= MIN_YEAR && year <= MAX_YEAR ? yesIn(year) : unknown('year_out_of_range');
}

/** Year of an Excel date serial (1900 system: day 1 is 1900-01-01, serial 25569 is 1970-01-01). */
export function serialYear(serial: number): number {
  return new Date(Math.round((serial - 25569) * 86400000)).getUTCFullYear();
}

const YES_WORDS = new Set(['x', 'v', 'co', 'da', 'roi', 'yes', 'y', 'true', 'ok', 'dung']);
const NO_WORDS = new Set(['', 'khong', 'chua', 'no', 'n', 'false', 'khong co', 'chua co', 'k']);
const YES_SYMBOLS = new Set(['✓', '✔', '☑', '✅', '√']);
const NO_SYMBOLS = new Set(['-', '–', '—', '--', '_', '/', '✗', '✘']);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A text date or year (dd/mm/yyyy, yyyy-mm-dd, "tháng 3/2024", "năm 2024" …) as a mark; null if not one. */
function readDateText(plain: string): Mark | null {
  let m: RegExpExecArray | null;
  const full = (d: string, mo: string, y: string): Mark => {
    const year = Number(y);
    const month = Number(mo);
    const day = Number(d);
    if (year < MIN_YEAR || year > MAX_YEAR) return unknown('year_out_of_range');
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return unknown('invalid_date');
    return yesIn(year);
  };
  const monthYear = (mo: string, y: string): Mark => {
    const month = Number(mo);
    if (month < 1 || month > 12) return unknown('invalid_date');
    return yearMark(Number(y));
  };
  if ((m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(plain))) return full(m[1], m[2], m[3]);
  if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/.exec(plain)))
    return full(m[3], m[2], m[1]);
  if ((m = /^ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})$/.exec(plain))) return full(m[1], m[2], m[3]);
  if ((m = /^(?:thang\s*)?(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(plain))) return monthYear(m[1], m[2]);
  if ((m = /^thang\s*(\d{1,2})\s*(?:nam|,)?\s*(\d{4})$/.exec(plain))) return monthYear(m[1], m[2]);
  if ((m = /^(?:nam\s*)?(\d{4})$/.exec(plain))) return yearMark(Number(m[1]));
  if ((m = /^(?:quy|q)\s*(i{1,3}|iv|[1-4])\s*[/,-]?\s*(?:nam\s*)?(\d{4})$/.exec(plain))) return yearMark(Number(m[2]));
  if ((m = /^t\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(plain))) return monthYear(m[1], m[2]);
  if ((m = /^(\d{4})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})$/.exec(plain))) return full(m[3], m[2], m[1]);
  return readDateRange(plain);
}

/** The start of a range: a day, a day and month, or a full date ("15", "15/3", "15/3/2024"). */
const RANGE_START = /^(?:tu\s*)?(?:ngay\s*)?(\d{1,2})(?:\s*[/.]\s*(\d{1,2})(?:\s*[/.]\s*(\d{4}))?)?$/;

/**
 * A range of days officials write for a class: "15-17/3/2024", "15/3 - 17/3/2024", "từ 15/3/2024
 * đến 17/3/2024". The end date decides the year; the start must read as a day too.
 */
function readDateRange(plain: string): Mark | null {
  const m = /^(.{1,24}?)\s*(?:-|–|—|~|\bden\b|\btoi\b)\s*(?:ngay\s*)?(\d.{0,20})$/.exec(plain);
  if (!m) return null;
  const start = RANGE_START.exec(m[1].trim());
  if (!start) return null;
  const end = readDateText(m[2].trim());
  if (!end || end.kind !== 'yes') return end;
  const day = Number(start[1]);
  const month = start[2] === undefined ? 1 : Number(start[2]);
  if (day < 1 || day > 31 || month < 1 || month > 12) return unknown('invalid_date');
  if (start[3] !== undefined && Number(start[3]) > (end.year ?? 0)) return unknown('invalid_date');
  return end;
}

/** Lower case, no diacritics, punctuation kept, spaces collapsed: for patterns like "tháng 3/2024". */
function plainText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function readNumberAsMarker(n: number): Mark {
  if (n === 0) return NO;
  if (n === 1) return YES;
  if (Number.isInteger(n)) {
    if (n >= MIN_YEAR && n <= MAX_YEAR) return yesIn(n);
    if (n >= 1000 && n <= 9999) return unknown('year_out_of_range');
  }
  if (n >= MIN_SERIAL && n < MAX_SERIAL + 1) return yesIn(serialYear(n));
  if (n > 9999) return unknown('year_out_of_range');
  return unknown('not_a_marker');
}

function readTextAsMarker(text: string): Mark {
  const trimmed = text.trim();
  if (YES_SYMBOLS.has(trimmed)) return YES;
  if (NO_SYMBOLS.has(trimmed)) return NO;
  // Only a plain word is a marker: "x?", "(x)" or "không?" say the writer was unsure.
  if (trimmed === '') return NO;
  if (/^[\p{L}\p{M}\p{N}\s]+$/u.test(trimmed)) {
    const key = foldKey(trimmed);
    if (YES_WORDS.has(key)) return YES;
    if (NO_WORDS.has(key)) return NO;
  }
  const plain = plainText(trimmed);
  const date = readDateText(plain);
  if (date) return date;
  const n = parseNumberText(trimmed);
  if (n !== null) return readNumberAsMarker(n);
  return unknown('not_a_marker');
}

const markerTextCache = new Map<string, Mark>();
const markerNumberCache = new Map<number, Mark>();

/** A yes/no marker, a year or a date (SPEC §2). Blank is no. */
export function readMarker(v: CellValue): Mark {
  if (v === null) return NO;
  if (typeof v === 'string') {
    let m = markerTextCache.get(v);
    if (m === undefined) {
      m = readTextAsMarker(v);
      if (markerTextCache.size > 100_000) markerTextCache.clear();
      markerTextCache.set(v, m);
    }
    return m;
  }
  if (typeof v === 'number') {
    if (v === 0) return NO;
    if (v === 1) return YES;
    if (v >= MIN_YEAR && v <= MAX_YEAR && Number.isInteger(v)) return yesIn(v);
    let m = markerNumberCache.get(v);
    if (m === undefined) {
      m = readNumberAsMarker(v);
      if (markerNumberCache.size > 100_000) markerNumberCache.clear();
      markerNumberCache.set(v, m);
    }
    return m;
  }
  if (typeof v === 'boolean') return v ? YES : NO;
  if (isCellError(v)) return unknown('error_value');
  return unknown('not_a_marker');
}

/**
 * A field that records the year something happened (planned, appointed, expert): as a marker,
 * but a bare "x" says neither when nor whether it counts for a year, so it is unknown.
 */
export function readYear(v: CellValue): Mark {
  const m = readMarker(v);
  return m.kind === 'yes' && m.year === null ? unknown('year_missing') : m;
}

/** An activity's date: a year or date is required; blank is unknown, not no. */
export function readRequiredDate(v: CellValue): Mark {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return unknown('date_missing');
  const m = readMarker(v);
  if (m.kind === 'no') return unknown('date_missing');
  return m.kind === 'yes' && m.year === null ? unknown('year_missing') : m;
}

/** A count, or a marker standing for one: n ≥ 1 is yes (with the count), 0 is no. */
export function readCount(v: CellValue): Mark {
  let n: number | null = null;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    n = parseNumberText(v);
    if (n === null) {
      const m = readMarker(v);
      return m.kind === 'unknown' && m.reason === 'not_a_marker' ? unknown('not_a_count') : m;
    }
  } else return readMarker(v);
  if (n === 0) return NO;
  if (n >= 1 && Number.isInteger(n)) return mark('yes', CODE_YES, null, n, null, null);
  return unknown('not_a_count');
}

/** A count for a figure (participants): the number, or null when blank or unreadable. */
export function readFigure(v: CellValue): number | null {
  const m = typeof v === 'number' || typeof v === 'string' ? readCount(v) : null;
  if (!m) return null;
  if (m.kind === 'no') return 0;
  return m.kind === 'yes' ? (m.count ?? null) : null;
}

// ---- kinds ---------------------------------------------------------------------------------

/** A unit kind written in a "Loại đơn vị" cell; null when no kind matches. */
export function readUnitKind(text: string): UnitKind | null {
  const k = foldKey(text);
  if (k === '') return null;
  if (hasPhrase(k, 'phong noi vu')) return 'phong_noi_vu';
  if (['co quan chuyen mon', 'so ban nganh', 'so nganh', 'khoi so', 'so'].some((p) => hasPhrase(k, p))) return 'so_nganh';
  if (['phuong', 'xa', 'thi tran', 'cap xa'].some((p) => hasPhrase(k, p))) return 'ubnd_xa';
  if (['quan', 'huyen', 'thu duc', 'cap huyen'].some((p) => hasPhrase(k, p))) return 'ubnd_huyen';
  if (['ban', 'nganh', 'van phong', 'thanh tra'].some((p) => hasPhrase(k, p))) return 'so_nganh';
  if (k === 'khac' || k === 'other') return 'khac';
  return null;
}

/**
 * The kinds a level names ("Cấp huyện", "Khối quận, huyện", "Cấp xã"), as written in a column
 * headed "Cấp" or "Khối"; null when the text is not a level.
 */
function levelKinds(k: string): readonly UnitKind[] | null {
  if (!startsWithPhrase(k, 'cap') && !startsWithPhrase(k, 'khoi')) return null;
  if (['phuong', 'xa', 'thi tran'].some((p) => hasPhrase(k, p))) return ['ubnd_xa'];
  if (['quan', 'huyen', 'thu duc'].some((p) => hasPhrase(k, p))) return ['ubnd_huyen', 'phong_noi_vu'];
  if (['so', 'nganh', 'thanh pho', 'tinh'].some((p) => hasPhrase(k, p))) return ['so_nganh'];
  return null;
}

/** A unit's kind from its kind cell and its name, or why it has none. */
export type UnitKindReading =
  | { readonly kind: UnitKind; readonly reason: null }
  | { readonly kind: null; readonly reason: 'kind_not_recognised' | 'kind_ambiguous' };

/**
 * The kind of a unit whose kind cell says `text` (SPEC §2 "Kind columns headed Cấp or Khối"): a
 * level ("Cấp huyện") does not tell a Phòng Nội vụ from a UBND quận, so where the name names a
 * kind the name decides; a level that fits two kinds and a name that names none give no kind.
 */
export function readUnitKindOf(text: string, name: string): UnitKindReading {
  const level = levelKinds(foldKey(text));
  if (level) {
    const byName = inferUnitKind(name);
    if (byName !== 'khac') return { kind: byName, reason: null };
    return level.length === 1 ? { kind: level[0], reason: null } : { kind: null, reason: 'kind_ambiguous' };
  }
  const kind = readUnitKind(text);
  return kind ? { kind, reason: null } : { kind: null, reason: 'kind_not_recognised' };
}

const UBND = 'uy ban nhan dan';

/** A unit kind inferred from the unit's name (SPEC §2); `khac` when nothing fits. */
export function inferUnitKind(name: string): UnitKind {
  const k = foldPlaceKey(name);
  if (startsWithPhrase(k, 'phong noi vu')) return 'phong_noi_vu';
  if (startsWithPhrase(k, 'so') || startsWithPhrase(k, 'ban')) return 'so_nganh';
  if (startsWithPhrase(k, `van phong ${UBND} thanh pho`) || startsWithPhrase(k, 'thanh tra thanh pho')) return 'so_nganh';
  if (['phuong', 'xa', 'thi tran'].some((p) => startsWithPhrase(k, `${UBND} ${p}`))) return 'ubnd_xa';
  if (['quan', 'huyen', 'thanh pho thu duc'].some((p) => startsWithPhrase(k, `${UBND} ${p}`))) return 'ubnd_huyen';
  return 'khac';
}

/** Countries officials name for a class abroad ("Lớp bồi dưỡng tại Singapore"), folded. */
const FOREIGN_COUNTRIES = (
  'singapore|nhat ban|han quoc|trung quoc|hoa ky|australia|thai lan|malaysia|new zealand|canada|ha lan|thuy dien|thuy si|' +
  'an do|indonesia|philippines|campuchia|lien bang nga|cong hoa phap|cong hoa lien bang duc|vuong quoc anh|dai loan|' +
  'israel|' +
  // Short names only after "tại"/"ở" ("Thủ Đức" is not Germany).
  'tai duc|o duc|tai phap|o phap|tai uc|o uc|tai nga|tai lao|tai anh'
).split('|');

/**
 * An activity kind, matched by keywords; null when none matches. "Tập huấn" names a training even
 * when "trong nước" follows; a class abroad may name the country instead of "nước ngoài".
 */
export function readActivityKind(text: string): ActivityKind | null {
  const k = foldKey(text);
  if (k === '') return null;
  if (startsWithPhrase(k, 'doan')) return 'study_tour';
  if (hasPhrase(k, 'nuoc ngoai') || hasPhrase(k, 'abroad') || k === 'abroad class') return 'abroad_class';
  const isClass = hasPhrase(k, 'lop') || hasPhrase(k, 'boi duong') || hasPhrase(k, 'class');
  if (isClass && FOREIGN_COUNTRIES.some((c) => hasPhrase(k, c))) return 'abroad_class';
  if (hasPhrase(k, 'tap huan')) return 'training';
  if (hasPhrase(k, 'trong nuoc') || hasPhrase(k, 'domestic') || k === 'domestic class') return 'domestic_class';
  if (['huong dan', 'training'].some((p) => hasPhrase(k, p))) return 'training';
  if (['trao doi kinh nghiem', 'nghien cuu', 'khao sat', 'hoc tap kinh nghiem', 'study tour'].some((p) => hasPhrase(k, p))) {
    return 'study_tour';
  }
  return null;
}

/** An activity format; null when none matches. */
export function readFormat(text: string): ActivityFormat | null {
  // "Trực tiếp, không kết hợp trực tuyến": what follows "không kết hợp" is not part of the format.
  const k = foldKey(text)
    .replace(/\b(?:khong ket hop|not blended|without)\b.*$/, '')
    .trim();
  if (k === '') return null;
  if (hasPhrase(k, 'ket hop') || (hasPhrase(k, 'truc tiep') && hasPhrase(k, 'truc tuyen')) || hasPhrase(k, 'blended')) {
    return 'blended';
  }
  if (hasPhrase(k, 'truc tuyen') || hasPhrase(k, 'online') || hasPhrase(k, 'e learning')) return 'online';
  if (hasPhrase(k, 'truc tiep') || hasPhrase(k, 'in person') || hasPhrase(k, 'tap trung')) return 'in_person';
  return null;
}

const LEADER_TITLES = [
  'giam doc',
  'chu tich',
  'truong phong',
  'chanh van phong',
  'chanh thanh tra',
  'truong ban',
  'cuc truong',
  'thu truong',
  'bi thu',
  'hieu truong',
  'vu truong',
  'truong khoa',
  'chanh an',
  'vien truong',
].map(foldKey);

/** Whether a title (chức vụ) is a leadership post, for lists without a "Lãnh đạo" column. */
export function isLeaderTitle(title: string): boolean {
  const k = foldKey(title);
  return k !== '' && LEADER_TITLES.some((p) => hasPhrase(k, p));
}
