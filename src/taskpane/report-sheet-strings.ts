/** Words of the extra report sheets in the pane (period summary, training-needed list), Vietnamese then English. */
import type { Lang } from '../i18n';

export interface ReportSheetStrings {
  readonly group: string;
  readonly period: string;
  readonly training: string;
  readonly made: (sheet: string) => string;
  readonly kept: (sheet: string) => string;
}

export const REPORT_SHEET_STRINGS: Readonly<Record<Lang, ReportSheetStrings>> = {
  vi: {
    group: 'Trang báo cáo khác',
    period: 'Trang tổng kết 2022–2025',
    training: 'Danh sách cần bồi dưỡng',
    made: (sheet) => `Đã tạo trang "${sheet}".`,
    kept: (sheet) => `Trang "${sheet}" đã được bạn sửa nên được giữ nguyên; trang mới có tên khác.`,
  },
  en: {
    group: 'More report sheets',
    period: '2022–2025 summary sheet',
    training: 'Training needed',
    made: (sheet) => `Created the sheet "${sheet}".`,
    kept: (sheet) => `You edited "${sheet}", so it is kept; the new sheet has another name.`,
  },
};
