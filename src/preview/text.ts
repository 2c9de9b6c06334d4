/** The preview page's own words (the task pane has its own catalogue). */
import type { Lang } from '../i18n';
import type { OpenReason } from './open-error';

export interface PreviewText {
  /** How number cells are shown (decimal comma in Vietnamese). */
  readonly locale: Lang;
  readonly title: string;
  readonly subtitle: string;
  readonly toolbar: string;
  readonly emptyBook: string;
  readonly openSample: string;
  readonly openFile: string;
  readonly language: string;
  readonly paneWidth: string;
  readonly pane: string;
  readonly paneTitle: string;
  readonly workbook: string;
  readonly sheets: string;
  readonly zoom: string;
  /** The scrollable grid, a keyboard stop of its own. */
  readonly gridArea: (sheet: string) => string;
  /** Why a file could not be opened, in this language (see open-error.ts). */
  readonly openReasons: Readonly<Record<OpenReason, string>>;
  readonly opening: (name: string) => string;
  readonly opened: (name: string, sheets: number) => string;
  readonly openFailed: (name: string, why: string) => string;
  readonly moreRows: (n: number) => string;
  readonly nextRows: (from: number, to: number) => string;
  readonly previousRows: (from: number, to: number) => string;
  readonly unsupportedRules: (formulas: readonly string[]) => string;
}

export const PREVIEW_TEXT: Readonly<Record<Lang, PreviewText>> = {
  vi: {
    title: 'Xem thử phần bổ trợ CCHC',
    subtitle: 'Ngăn tác vụ thật trên sổ tính trong bộ nhớ — không cần Excel, không cần mạng',
    toolbar: 'Sổ tính xem thử',
    emptyBook: 'Sổ trống',
    openSample: 'Mở dữ liệu mẫu',
    openFile: 'Mở tệp .xlsx…',
    language: 'Ngôn ngữ',
    paneWidth: 'Độ rộng ngăn',
    pane: 'Ngăn tác vụ',
    paneTitle: 'Theo dõi kế hoạch CCHC',
    workbook: 'Sổ tính',
    sheets: 'Trang tính',
    zoom: 'Thu phóng',
    locale: 'vi',
    gridArea: (sheet) => `Ô của trang tính ${sheet}`,
    openReasons: {
      empty: 'tệp trống.',
      oldFormat: 'đây là tệp .xls cũ hoặc sổ tính có mật khẩu; hãy lưu lại dưới dạng .xlsx.',
      notXlsx: 'đây không phải sổ tính .xlsx.',
      noSheets: 'sổ tính không có trang tính nào.',
      damaged: 'tệp .xlsx bị hỏng hoặc không đọc được.',
    },
    opening: (name) => `Đang mở "${name}"…`,
    opened: (name, n) => `Đã mở "${name}" (${n} trang tính).`,
    openFailed: (name, why) => `Không mở được "${name}": ${why}`,
    moreRows: (n) => `… còn ${n.toLocaleString('vi-VN')} hàng nữa`,
    nextRows: (from, to) => `Xem hàng ${from}–${to}`,
    previousRows: (from, to) => `Xem hàng ${from}–${to}`,
    unsupportedRules: (f) => `Trang xem thử không vẽ được ${f.length} quy tắc định dạng có điều kiện: ${f.join('; ')}`,
  },
  en: {
    title: 'CCHC add-in preview',
    subtitle: 'The real task pane over an in-memory workbook — no Excel, no network',
    toolbar: 'Preview workbook',
    emptyBook: 'Empty workbook',
    openSample: 'Open the sample',
    openFile: 'Open an .xlsx…',
    language: 'Language',
    paneWidth: 'Pane width',
    pane: 'Task pane',
    paneTitle: 'CCHC plan tracker',
    workbook: 'Workbook',
    sheets: 'Sheets',
    zoom: 'Zoom',
    locale: 'en',
    gridArea: (sheet) => `Cells of sheet ${sheet}`,
    openReasons: {
      empty: 'the file is empty.',
      oldFormat: 'it is an old .xls or a password-protected workbook; save it as .xlsx.',
      notXlsx: 'it is not an .xlsx workbook.',
      noSheets: 'the workbook has no sheets.',
      damaged: 'the .xlsx file is damaged or cannot be read.',
    },
    opening: (name) => `Opening "${name}"…`,
    opened: (name, n) => `Opened "${name}" (${n} sheets).`,
    openFailed: (name, why) => `Could not open "${name}": ${why}`,
    moreRows: (n) => `… ${n.toLocaleString('en-US')} more rows`,
    nextRows: (from, to) => `Show rows ${from}–${to}`,
    previousRows: (from, to) => `Show rows ${from}–${to}`,
    unsupportedRules: (f) => `The preview cannot draw ${f.length} conditional-format rule(s): ${f.join('; ')}`,
  },
};
