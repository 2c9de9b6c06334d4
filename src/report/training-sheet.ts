/**
 * "Danh sách cần bồi dưỡng" as data: for each unit and each of its staff targets (T02, T03, T04),
 * the people not yet achieved and, marked apart, those whose value is unknown — one row each, with
 * name, title, source sheet and row, and where to go (the adapter links that cell to the row). A
 * plain list under one header row, so officials can filter it by unit. Built from the engine's
 * details (engine/details.ts); rendered by the Excel adapter (src/excel/training-sheet.ts).
 */
import { UnitDetails } from '../engine/details';
import { Evaluation } from '../engine';
import { Lang } from '../i18n';
import { CellRange } from '../workbook/grid';
import { ReportCell, ReportLayout } from './layout';

export interface TrainingLink {
  /** 0-based row of the list sheet holding the link. */
  readonly row: number;
  readonly sheet: string;
  /** A1 cell of the person's row on the source sheet. */
  readonly cell: string;
  readonly label: string;
}

export interface TrainingLayout extends ReportLayout {
  /** 0-based header row (frozen, the top of the filterable table). */
  readonly header: number;
  /** Last row of the list (equal to `header` when nobody is listed). */
  readonly lastRow: number;
  /** Column of the "go to" cells. */
  readonly linkColumn: number;
  readonly links: readonly TrainingLink[];
  /** Column holding the state ("Chưa đạt" / "Chưa rõ"), and the word marking the unknown. */
  readonly stateColumn: number;
  readonly unknownWord: string;
  /** People listed, and people left off past the limit. */
  readonly listed: number;
  readonly omitted: number;
}

export interface TrainingOptions {
  readonly lang: Lang;
  readonly sheetName: string;
  /** At most this many people listed (one write must stay under Excel on the web's payload limit). */
  readonly limit?: number;
}

/** People listed on the sheet by default. */
export const TRAINING_LIMIT = 10_000;

const T = {
  vi: {
    title: (y: number) => `DANH SÁCH CẦN BỒI DƯỠNG VỀ CẢI CÁCH HÀNH CHÍNH NĂM ${y}`,
    note: (y: number, ids: string) =>
      `(Người thuộc đối tượng của ${ids} chưa đạt tính đến ngày 31/12/${y}, và người chưa rõ số liệu — ghi "Chưa rõ"; bấm ô "Đi tới" để đến dòng nguồn)`,
    header: ['STT', 'Đơn vị', 'Chỉ tiêu', 'Tình trạng', 'Họ và tên', 'Chức vụ', 'Trang tính', 'Dòng', 'Đi tới'],
    missing: 'Chưa đạt',
    unknown: 'Chưa rõ',
    none: 'Không có người nào cần bồi dưỡng thêm theo các chỉ tiêu này.',
    more: (n: number) => `Còn ${n} người nữa không liệt kê ở đây; xem đầy đủ bằng lệnh "cchc evaluate --details".`,
  },
  en: {
    title: (y: number) => `PEOPLE WHO STILL NEED ADMINISTRATIVE-REFORM TRAINING, ${y}`,
    note: (y: number, ids: string) =>
      `(People in the population of ${ids} not achieved as at 31 December ${y}, and those whose data is unknown — marked "Unknown"; click a "Go to" cell to reach the source row)`,
    header: ['No.', 'Unit', 'Target', 'State', 'Name', 'Title', 'Sheet', 'Row', 'Go to'],
    missing: 'Not achieved',
    unknown: 'Unknown',
    none: 'Nobody needs further training under these targets.',
    more: (n: number) => `${n} more people are not listed here; see them all with "cchc evaluate --details".`,
  },
} as const;

/** The name of the training-needed sheet, in the UI language (the year is in its title). */
export function trainingSheetBaseName(lang: Lang): string {
  return lang === 'vi' ? 'Danh sách cần bồi dưỡng' : 'Training needed';
}

const text = (v: string): ReportCell => ({ t: 'text', v });
const num = (v: number): ReportCell => ({ t: 'number', v });
const rect = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

const WIDTH = 9;
const HEADER = 3;

/** Lays out the list for an evaluation and its staff details (engine/details.ts). */
export function buildTrainingLayout(e: Evaluation, details: readonly UnitDetails[], o: TrainingOptions): TrainingLayout {
  const t = T[o.lang];
  const limit = o.limit ?? TRAINING_LIMIT;
  const names = new Map(e.targets.map((x) => [x.id, `${x.id}. ${x.name[o.lang]}`]));
  const ids = [...new Set(details.flatMap((d) => d.targets.map((x) => x.id)))];
  const rows: ReportCell[][] = [
    [text(t.title(e.year))],
    [text(t.note(e.year, ids.length > 0 ? ids.join(', ') : 'T02, T03, T04'))],
    [],
    t.header.map(text),
  ];
  const links: TrainingLink[] = [];
  let listed = 0;
  let omitted = 0;
  for (const d of details) {
    const unit = e.units[d.index];
    if (!unit) continue;
    for (const target of d.targets) {
      for (const [people, state] of [
        [target.missing, t.missing],
        [target.unknownRows, t.unknown],
      ] as const) {
        for (const person of people) {
          if (listed >= limit) {
            omitted++;
            continue;
          }
          listed++;
          const row = rows.length;
          const label = `${person.sheet}!A${person.row}`;
          rows.push([
            num(listed),
            text(unit.name),
            text(names.get(target.id) ?? target.id),
            text(state),
            text(person.name),
            text(person.title),
            text(person.sheet),
            num(person.row),
            text(label),
          ]);
          links.push({ row, sheet: person.sheet, cell: `A${person.row}`, label });
        }
      }
    }
  }
  const lastRow = rows.length - 1;
  const blocks: ReportLayout['blocks'][number][] = [
    { range: rect(0, 0, 0, WIDTH - 1), style: 'title' },
    { range: rect(1, 0, 1, WIDTH - 1), style: 'note' },
    { range: rect(HEADER, 0, HEADER, WIDTH - 1), style: 'table_header' },
  ];
  const merges = [rect(0, 0, 0, WIDTH - 1), rect(1, 0, 1, WIDTH - 1)];
  if (listed > 0) {
    blocks.push({ range: rect(HEADER + 1, 0, lastRow, WIDTH - 1), style: 'list_body' });
    blocks.push({ range: rect(HEADER + 1, 0, lastRow, 0), style: 'table_center' });
    blocks.push({ range: rect(HEADER + 1, 3, lastRow, 3), style: 'table_center' });
    blocks.push({ range: rect(HEADER + 1, 7, lastRow, 7), style: 'table_center' });
  }
  const tail: string[] = [];
  if (listed === 0) tail.push(t.none);
  if (omitted > 0) tail.push(t.more(omitted));
  for (const line of tail) {
    const r = rows.length + (rows.length === lastRow + 1 ? 1 : 0);
    while (rows.length < r) rows.push([]);
    rows.push([text(line)]);
    blocks.push({ range: rect(r, 0, r, WIDTH - 1), style: 'note' });
    merges.push(rect(r, 0, r, WIDTH - 1));
  }
  for (const row of rows) for (let c = 0; c < WIDTH; c++) if (row[c] === undefined) row[c] = null;
  return {
    sheetName: o.sheetName,
    rows,
    width: WIDTH,
    merges,
    blocks,
    numberFormats:
      listed > 0
        ? [
            { range: rect(HEADER + 1, 0, lastRow, 0), format: '0' },
            { range: rect(HEADER + 1, 7, lastRow, 7), format: '0' },
          ]
        : [],
    statusBlocks: [],
    linkBlocks: [],
    columnWidths: [6, 40, 42, 11, 26, 20, 14, 7, 18],
    chart: null,
    printArea: rect(0, 0, rows.length - 1, WIDTH - 1),
    subtitleRow: 1,
    landscape: true,
    header: HEADER,
    lastRow,
    linkColumn: 8,
    links,
    stateColumn: 3,
    unknownWord: t.unknown,
    listed,
    omitted,
  };
}
