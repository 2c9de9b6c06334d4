/** The preview page's own words (the task pane has its own catalogue). */
import type { Lang } from '../i18n';

export interface PreviewText {
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
    opening: (name) => `Opening "${name}"…`,
    opened: (name, n) => `Opened "${name}" (${n} sheets).`,
    openFailed: (name, why) => `Could not open "${name}": ${why}`,
    moreRows: (n) => `… ${n.toLocaleString('en-US')} more rows`,
    nextRows: (from, to) => `Show rows ${from}–${to}`,
    previousRows: (from, to) => `Show rows ${from}–${to}`,
    unsupportedRules: (f) => `The preview cannot draw ${f.length} conditional-format rule(s): ${f.join('; ')}`,
  },
};
