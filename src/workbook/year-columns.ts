/**
 * SPEC §2 "One column per year": a field spread over columns headed with a year ("Bồi dưỡng CCHC
 * 2023", "… 2024"), or a group header ("Bồi dưỡng CCHC", often merged) over sub-headers "2023",
 * "2024". Header detection finds them here; reading them is `readYearColumns`.
 */
import { MAX_YEAR, MIN_YEAR, Mark, NO, readMarker } from './values';
import { CellValue, CellRange } from './grid';

/** One column of a field spread over years. */
export interface YearColumn {
  readonly col: number;
  readonly year: number;
}

function yearOf(n: number): number | null {
  return Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

/** The year a header cell is, on its own: 2023, "2023", "Năm 2023" (folded "nam 2023"). */
export function bareYear(v: CellValue, key: string): number | null {
  if (typeof v === 'number') return yearOf(v);
  const m = /^(?:nam )?(\d{4})$/.exec(key);
  return m ? yearOf(Number(m[1])) : null;
}

/**
 * A header that ends with a year ("bồi dưỡng cchc 2023", "… năm 2023", folded): the rest and the
 * year; null when it does not, or names a period ("giai đoạn 2021-2025") rather than a year.
 */
export function splitYearHeader(key: string): { rest: string; year: number } | null {
  const m = /^(.*?\S) (?:nam )?(\d{4})$/.exec(key);
  if (!m) return null;
  const year = yearOf(Number(m[2]));
  if (year === null || /\d$/.test(m[1]) || /\bgiai doan\b/.test(m[1])) return null;
  return { rest: m[1], year };
}

/**
 * The upper header row's texts with each group header spread over the columns it stands above:
 * over a horizontal merge's width, or — unmerged — over the run of year sub-headers it starts.
 */
export function spreadGroupHeaders(
  upperRaw: readonly string[],
  lowerYears: readonly (number | null)[],
  row: number,
  left: number,
  merges: readonly CellRange[],
): string[] {
  const out = [...upperRaw];
  for (const m of merges) {
    if (m.top !== row || m.left === m.right) continue;
    const text = upperRaw[m.left - left] ?? '';
    for (let c = Math.max(m.left, left); c <= m.right && c - left < out.length; c++) if (!out[c - left]) out[c - left] = text;
  }
  for (let i = 1; i < out.length; i++) {
    if (!out[i] && out[i - 1] && lowerYears[i] !== null && lowerYears[i - 1] !== null) out[i] = out[i - 1];
  }
  return out;
}

/**
 * Whether a row under a header holds year sub-headers rather than data: at least two years, every
 * number in it a year, and each year under a group header (or the blank cells it spans).
 */
export function isYearSubHeaderRow(
  numbers: readonly (number | null)[],
  years: readonly (number | null)[],
  upperRaw: readonly string[],
): boolean {
  let count = 0;
  for (let i = 0; i < numbers.length; i++) {
    if (numbers[i] === null) continue;
    if (years[i] === null) return false;
    const underGroup = !upperRaw[i] || (i + 1 < upperRaw.length && !upperRaw[i + 1] && years[i + 1] !== null);
    if (!underGroup) return false;
    count++;
  }
  return count + years.filter((y, i) => y !== null && numbers[i] === null).length >= 2;
}

/**
 * A person's value of a field spread over year columns: a yes in the column of year Z is yes as
 * of Z, and the earliest such year counts. An unreadable cell in a column before that year leaves
 * the whole value unknown (it may be an earlier yes); `onUnknown` reports each such cell.
 */
export function readYearColumns(
  values: readonly CellValue[],
  columns: readonly YearColumn[],
  onUnknown: (index: number, mark: Mark) => void,
): Mark {
  let best: YearColumn | null = null;
  let bestIndex = -1;
  let unknownYear = Infinity;
  let unknownMark: Mark | null = null;
  for (let i = 0; i < columns.length; i++) {
    const m = readMarker(values[i]);
    if (m.kind === 'unknown') {
      onUnknown(i, m);
      if (columns[i].year < unknownYear) {
        unknownYear = columns[i].year;
        unknownMark = m;
      }
    } else if (m.kind === 'yes' && (best === null || columns[i].year < best.year)) {
      best = columns[i];
      bestIndex = i;
    }
  }
  if (unknownMark && (best === null || unknownYear <= best.year)) return unknownMark;
  return best === null || bestIndex < 0 ? NO : readMarker(best.year);
}
