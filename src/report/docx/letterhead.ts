/**
 * The letterhead of a Word report (NĐ 30/2020): who issues it, its number, where, who signs and
 * who receives it. Taken from the workbook's own heading rows when they say so ("ỦY BAN NHÂN DÂN
 * QUẬN 3" / "PHÒNG NỘI VỤ"), from a JSON file or flags on the command line, and left as "……" where
 * unknown — never a guessed issuer.
 */
import { foldKey } from '../../text/fold';
import type { Dataset } from '../../workbook/extract';
import { WorkbookGrid, displayText } from '../../workbook/grid';

export interface Letterhead {
  /** Cơ quan chủ quản: "ỦY BAN NHÂN DÂN QUẬN 3". */
  readonly parentAgency: string | null;
  /** Cơ quan ban hành: "PHÒNG NỘI VỤ". */
  readonly agency: string | null;
  /** The number, written by the clerk on issue; usually blank in a draft. */
  readonly number: string | null;
  /** The symbol after the number: "BC-PNV". */
  readonly symbol: string | null;
  /** Địa danh: "Quận 3", "Thành phố Hồ Chí Minh". */
  readonly place: string | null;
  /** Quyền hạn: "KT. TRƯỞNG PHÒNG", "TM. ỦY BAN NHÂN DÂN". */
  readonly signerAuthority: string | null;
  /** Chức vụ: "PHÓ TRƯỞNG PHÒNG". */
  readonly signerTitle: string | null;
  /** Họ tên người ký. */
  readonly signerName: string | null;
  /** Nơi nhận, one per line ("Như trên", "Lưu: VT"). */
  readonly recipients: readonly string[] | null;
}

export const EMPTY_LETTERHEAD: Letterhead = {
  parentAgency: null,
  agency: null,
  number: null,
  symbol: null,
  place: null,
  signerAuthority: null,
  signerTitle: null,
  signerName: null,
  recipients: null,
};

export const LETTERHEAD_FIELDS: readonly (keyof Letterhead)[] = Object.keys(EMPTY_LETTERHEAD) as (keyof Letterhead)[];

/** Where unknown: the dotted blank an official fills in by hand. */
export const BLANK = '……';

const AGENCY_STARTS = [
  'uy ban nhan dan',
  'ubnd',
  'so',
  'phong',
  'ban',
  'van phong',
  'thanh tra',
  'hoi dong nhan dan',
  'trung tam',
  'chi cuc',
  'cuc',
  'bo',
  'tinh uy',
  'thanh uy',
  'quan uy',
  'huyen uy',
  'dang uy',
];
const NOT_AGENCY = ['cong hoa xa hoi chu nghia viet nam', 'doc lap tu do hanh phuc', 'danh sach', 'bao cao', 'bieu', 'ke hoach'];
const DATE_LINE = /^([\p{L}\d .]{2,60}), ngày [\d.…\s]{1,4} tháng [\d.…\s]{1,4} năm \d{4}\.?$/iu;
const NUMBER = /(?:^|\s)(?:Số|số)[:\s]+([\d…. ]*)\/\s*([A-ZĐ0-9][A-ZĐ0-9-]*[A-ZĐ0-9])/u;

function isAgencyLine(text: string): boolean {
  // A letterhead line is short; a long cell is a note or a title, never an issuer.
  if (text.length > 160) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 3 || letters !== letters.toUpperCase()) return false;
  const k = foldKey(text);
  if (NOT_AGENCY.some((n) => k.startsWith(n))) return false;
  return AGENCY_STARTS.some((p) => k === p || k.startsWith(p + ' '));
}

/** "THÀNH PHỐ HỒ CHÍ MINH" → "Thành phố Hồ Chí Minh", "QUẬN 3" → "Quận 3". */
function placeName(upper: string): string {
  const words = upper
    .toLocaleLowerCase('vi')
    .split(/\s+/)
    .filter((w) => w !== '');
  const title = words.map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1)).join(' ');
  return title.replace(/^(Thành|Thị) (Phố|Trấn|Xã)(?=\s|$)/u, (_m, a: string, b: string) => `${a} ${b.toLocaleLowerCase('vi')}`);
}

/** The place an agency under a people's committee sits in: "ỦY BAN NHÂN DÂN QUẬN 3" → "Quận 3". */
function placeFromAgency(parent: string | null, agency: string | null): string | null {
  for (const line of [agency, parent]) {
    if (!line) continue;
    const m = /^(?:ỦY|UỶ) BAN NHÂN DÂN\s+(.+)$/u.exec(line.normalize('NFC').trim()) ?? /^UBND\s+(.+)$/u.exec(line.trim());
    if (m) return placeName(m[1]);
  }
  return null;
}

/** What one sheet's heading rows (above its list) say. */
function fromRows(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): Partial<Letterhead> {
  const agencies: Array<{ row: number; col: number; text: string }> = [];
  let place: string | null = null;
  let number: string | null = null;
  let symbol: string | null = null;
  rows.forEach((row, r) => {
    (row ?? []).forEach((v, c) => {
      if (typeof v !== 'string') return;
      const text = displayText(v).normalize('NFC').replace(/\s+/g, ' ').trim();
      if (!text) return;
      if (isAgencyLine(text)) agencies.push({ row: r, col: c, text });
      const d = DATE_LINE.exec(text);
      if (d && !place) place = d[1].trim();
      const n = NUMBER.exec(text);
      if (n && !symbol) {
        symbol = n[2];
        // The number of another document ("Kèm theo Báo cáo số 123/…") is not this report's.
        number = /kèm theo/iu.test(text) ? null : n[1].replace(/[….\s]/g, '') || null;
      }
    });
  });
  if (agencies.length === 0) return {};
  // The letterhead's left column: lines in the first agency's column, one under the other.
  const col = agencies[0].col;
  const lines = agencies.filter((a) => a.col === col).slice(0, 2);
  const consecutive = lines.length === 2 && lines[1].row === lines[0].row + 1;
  const parentAgency = consecutive ? lines[0].text : null;
  const agency = consecutive ? lines[1].text : lines[0].text;
  return {
    parentAgency,
    agency,
    place: place ?? placeFromAgency(parentAgency, agency),
    ...(symbol ? { symbol, number } : {}),
  };
}

/**
 * The letterhead the workbook's heading rows give (top rows of each sheet with a list). Sheets that
 * disagree on the issuer give none: better "……" than a wrong agency.
 */
export function letterheadFromGrid(grid: WorkbookGrid, headerRows: ReadonlyMap<string, number>): Partial<Letterhead> {
  const found: Partial<Letterhead>[] = [];
  for (const sheet of grid.sheets) {
    const top = headerRows.get(sheet.name);
    if (top === undefined || top <= sheet.originRow) continue;
    const rows = sheet.rows.slice(0, Math.min(12, top - sheet.originRow));
    const lh = fromRows(rows);
    if (lh.agency) found.push(lh);
  }
  return agreed(found);
}

/** Keeps what every source that says something agrees on. */
export function agreed(parts: readonly Partial<Letterhead>[]): Partial<Letterhead> {
  if (parts.length === 0) return {};
  const issuer = (p: Partial<Letterhead>) => `${p.parentAgency ?? ''}|${p.agency ?? ''}`;
  if (new Set(parts.map(issuer)).size > 1) return {};
  const out: Record<string, unknown> = {};
  for (const field of LETTERHEAD_FIELDS) {
    const values = parts.map((p) => p[field]).filter((v) => v !== undefined && v !== null);
    const distinct = new Set(values.map((v) => JSON.stringify(v)));
    if (values.length > 0 && distinct.size === 1) out[field] = values[0];
  }
  return out as Partial<Letterhead>;
}

/** Later sources win over earlier ones, field by field (workbook, then file, then flags). */
export function mergeLetterheads(...layers: readonly Partial<Letterhead>[]): Letterhead {
  const out: Record<string, unknown> = { ...EMPTY_LETTERHEAD };
  for (const layer of layers)
    for (const field of LETTERHEAD_FIELDS) {
      const v = layer[field];
      if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) out[field] = v;
    }
  const lh = out as unknown as Letterhead;
  // The place an agency of a people's committee sits in follows from its name when not given.
  return lh.place ? lh : { ...lh, place: placeFromAgency(lh.parentAgency, lh.agency) };
}

/** A letterhead file's problem: what, where, what was found. */
export class LetterheadError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
    this.name = 'LetterheadError';
  }
}

const MAX_TEXT = 300;

/** Checks a letterhead JSON object: known fields only, texts (recipients: a list of texts). */
export function parseLetterhead(json: unknown): Partial<Letterhead> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new LetterheadError([`expected an object with ${LETTERHEAD_FIELDS.join(', ')}`]);
  }
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(json)) {
    if (!(LETTERHEAD_FIELDS as readonly string[]).includes(key)) {
      problems.push(`"${key}": not a letterhead field (${LETTERHEAD_FIELDS.join(', ')})`);
      continue;
    }
    if (value === null) continue;
    if (key === 'recipients') {
      if (!Array.isArray(value) || value.some((x) => typeof x !== 'string' || x.length > MAX_TEXT) || value.length > 50) {
        problems.push('"recipients": expected a list of at most 50 texts');
        continue;
      }
      out[key] = value;
    } else if (typeof value !== 'string' || value.length > MAX_TEXT) {
      problems.push(`"${key}": expected a text of at most ${MAX_TEXT} characters`);
    } else out[key] = value;
  }
  if (problems.length > 0) throw new LetterheadError(problems);
  return out as Partial<Letterhead>;
}

/** Each list's header row by sheet: the rows above it may hold the letterhead. */
export function headerRowsOf(d: Dataset): Map<string, number> {
  const out = new Map<string, number>();
  for (const l of [...d.lists.units, ...d.lists.staff, ...d.lists.activities])
    out.set(l.sheet, Math.min(out.get(l.sheet) ?? Infinity, l.headerTop));
  return out;
}
