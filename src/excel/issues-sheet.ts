/**
 * Every data issue on a sheet of its own ("Vấn đề dữ liệu") when there are more than the report
 * lists: plain rows (number, description, kind, location, value) written in chunks, one sync
 * each, every chunk well under Excel on the web's 5 MB request limit. Text columns are "@" so a
 * value such as "=1+1" or "- chưa rõ" stays text.
 */
import { Evaluation } from '../engine';
import { ISSUE_KIND_TEXT, Lang, issueMessage } from '../i18n';

/** Issues listed on the report sheet itself; beyond, they are counted and all go on the issues sheet. */
export const REPORT_ISSUE_LIMIT = 200;
/** Request bytes per chunk of issue rows. */
export const ISSUE_CHUNK_BYTES = 1024 * 1024;
export const ISSUE_COLUMNS = 5;

export function issuesSheetBaseName(lang: Lang): string {
  return lang === 'vi' ? 'Vấn đề dữ liệu' : 'Data issues';
}

const HEADER = {
  vi: ['STT', 'Nội dung', 'Loại vấn đề', 'Vị trí', 'Giá trị'],
  en: ['No.', 'Description', 'Issue', 'Location', 'Value'],
};

/** The sheet's rows: header first. */
export function issueRows(e: Evaluation, lang: Lang): Array<Array<string | number>> {
  return [
    HEADER[lang],
    ...e.issues.map((issue, i) => [
      i + 1,
      issueMessage(issue, lang),
      ISSUE_KIND_TEXT[issue.kind][lang],
      issue.sheet && issue.cell ? `${issue.sheet}!${issue.cell}` : '—',
      issue.value,
    ]),
  ];
}

const utf8 = new TextEncoder();

/** Row bands [from, to) whose values each stay under `budget` bytes of JSON. */
export function chunkRows(
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  budget = ISSUE_CHUNK_BYTES,
): Array<[number, number]> {
  const bands: Array<[number, number]> = [];
  let from = 0;
  let bytes = 0;
  rows.forEach((row, i) => {
    const size = utf8.encode(JSON.stringify(row)).length + 1;
    if (bytes + size > budget && i > from) {
      bands.push([from, i]);
      from = i;
      bytes = 0;
    }
    bytes += size;
  });
  if (from < rows.length) bands.push([from, rows.length]);
  return bands;
}

/** Queues one band of rows (and, with the first, the sheet's formats). */
export function queueIssueRows(
  ws: Excel.Worksheet,
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  band: [number, number],
): void {
  const [from, to] = band;
  if (from === 0) {
    // One call formats the text columns for every row (a single value applies to the whole range).
    ws.getRangeByIndexes(0, 1, rows.length, ISSUE_COLUMNS - 1).numberFormat = '@' as unknown as string[][];
    const header = ws.getRangeByIndexes(0, 0, 1, ISSUE_COLUMNS);
    header.format.font.bold = true;
    ws.freezePanes.freezeRows(1);
  }
  ws.getRangeByIndexes(from, 0, to - from, ISSUE_COLUMNS).values = rows.slice(from, to) as Array<Array<string | number>>;
}
