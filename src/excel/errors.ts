/**
 * What can go wrong in Excel, said the way an official can act on it. Office.js errors (codes
 * such as AccessDenied or InvalidOperationInCellEditMode) and our own pre-checks both end here.
 */
import { Lang } from '../i18n';

export type AddinErrorCode =
  | 'read_only'
  | 'sheet_protected'
  | 'workbook_protected'
  | 'sheet_missing'
  | 'payload_too_large'
  | 'cell_edit_mode'
  | 'invalid_operation'
  | 'list_changed'
  | 'rollback_failed'
  | 'no_lists'
  | 'no_free_column'
  | 'api_missing'
  | 'cancelled'
  | 'not_evaluated'
  | 'plan_sheet_invalid'
  | 'plan_sheet_exists'
  | 'too_many_files'
  | 'no_file_read'
  | 'excel_error';

export interface AddinErrorDetail {
  readonly sheet?: string;
  readonly requirement?: string;
  readonly officeCode?: string;
  readonly text?: string;
}

const MESSAGES: Readonly<Record<AddinErrorCode, Readonly<Record<Lang, (d: AddinErrorDetail) => string>>>> = {
  read_only: {
    vi: () => 'Sổ làm việc đang mở ở chế độ chỉ đọc. Hãy bấm "Chỉnh sửa sổ làm việc" (hoặc lưu một bản sao) rồi thử lại.',
    en: () => 'The workbook is open read-only. Choose "Edit Workbook" (or save a copy) and try again.',
  },
  sheet_protected: {
    vi: (d) =>
      `Trang tính "${d.sheet ?? ''}" đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại; chưa có gì được ghi.`,
    en: (d) =>
      `Sheet "${d.sheet ?? ''}" is protected. Unprotect it (Review › Unprotect Sheet) and try again; nothing was written.`,
  },
  workbook_protected: {
    vi: () =>
      'Cấu trúc sổ làm việc đang được bảo vệ nên không thêm được trang báo cáo. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi thử lại.',
    en: () =>
      'The workbook structure is protected, so the report sheet cannot be added. Unprotect it (Review › Protect Workbook) and try again.',
  },
  sheet_missing: {
    vi: (d) => `Không còn trang tính "${d.sheet ?? ''}" (đã bị xóa hoặc đổi tên). Hãy bấm Đánh giá lại.`,
    en: (d) => `Sheet "${d.sheet ?? ''}" is gone (deleted or renamed). Evaluate again.`,
  },
  payload_too_large: {
    vi: () =>
      'Dữ liệu quá lớn để Excel trên web gửi, kể cả khi đã chia nhỏ. Hãy mở sổ làm việc bằng Excel trên máy tính, hoặc dùng dòng lệnh cchc; chưa có gì được ghi dở dang.',
    en: () =>
      'Too much data for Excel on the web to send, even in smaller parts. Open the workbook in Excel desktop, or use the cchc command line; nothing was left half written.',
  },
  cell_edit_mode: {
    vi: () => 'Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát khỏi ô đang sửa rồi thử lại.',
    en: () => 'Excel is editing a cell. Press Enter or Esc to leave the cell and try again.',
  },
  invalid_operation: {
    vi: (d) =>
      `Excel từ chối thao tác${d.officeCode ? ` (${d.officeCode})` : ''}. Nếu đang sửa một ô, hãy nhấn Enter hoặc Esc rồi thử lại; chưa có gì được ghi dở dang.`,
    en: (d) =>
      `Excel refused the operation${d.officeCode ? ` (${d.officeCode})` : ''}. If you are editing a cell, press Enter or Esc and try again; nothing was left half written.`,
  },
  list_changed: {
    vi: (d) => `Danh sách đơn vị trên trang "${d.sheet ?? ''}" vừa thay đổi. Hãy bấm Đánh giá lại.`,
    en: (d) => `The units list on "${d.sheet ?? ''}" has just changed. Evaluate again.`,
  },
  rollback_failed: {
    vi: (d) =>
      `Excel báo lỗi khi ghi (${d.text ?? ''}) và không gỡ lại được phần đã ghi. Hãy kiểm tra trang "${d.sheet ?? ''}" (cột trạng thái, màu) và trang báo cáo mới, hoặc bấm "Xóa màu".`,
    en: (d) =>
      `Excel reported an error while writing (${d.text ?? ''}) and what was written could not be taken out again. Check "${d.sheet ?? ''}" (status column, colors) and any new report sheet, or use "Clear colors".`,
  },
  no_lists: {
    vi: () =>
      'Không tìm thấy danh sách đơn vị, cán bộ hay hoạt động nào. Mỗi danh sách cần một dòng tiêu đề cột như "Tên đơn vị", "Họ và tên", "Loại hoạt động". Bạn có thể bấm "Chèn dữ liệu mẫu" để xem cách trình bày.',
    en: () =>
      'No units, staff or activities list was found. Each list needs a header row with columns such as "Tên đơn vị", "Họ và tên", "Loại hoạt động". Use "Insert sample data" to see the layout.',
  },
  no_free_column: {
    vi: (d) => `Không có cột trống bên phải danh sách đơn vị trên trang "${d.sheet ?? ''}" để ghi trạng thái.`,
    en: (d) => `There is no empty column right of the units list on "${d.sheet ?? ''}" for the status.`,
  },
  api_missing: {
    vi: (d) =>
      `Phiên bản Excel này chưa hỗ trợ ${d.requirement ?? 'chức năng cần thiết'}. Hãy cập nhật Excel hoặc dùng Excel trên web.`,
    en: (d) =>
      `This version of Excel does not support ${d.requirement ?? 'a feature needed here'}. Update Excel or use Excel on the web.`,
  },
  cancelled: {
    vi: () => 'Đã hủy. Chưa có gì được ghi vào sổ làm việc.',
    en: () => 'Cancelled. Nothing was written to the workbook.',
  },
  not_evaluated: {
    vi: () => 'Hãy bấm Đánh giá trước.',
    en: () => 'Evaluate first.',
  },
  plan_sheet_invalid: {
    vi: (d) => `Trang "${d.sheet ?? ''}" có ô không đọc được nên chưa đánh giá: ${d.text ?? ''}`,
    en: (d) => `The sheet "${d.sheet ?? ''}" has cells that cannot be read, so nothing was evaluated: ${d.text ?? ''}`,
  },
  plan_sheet_exists: {
    vi: (d) =>
      `Sổ làm việc đã có trang kế hoạch "${d.sheet ?? ''}"; hãy sửa trực tiếp trên trang đó (hoặc xóa trang rồi chèn lại).`,
    en: (d) => `The workbook already has the plan sheet "${d.sheet ?? ''}"; edit it there (or delete it and insert it again).`,
  },
  too_many_files: {
    vi: (d) => `Đã chọn ${d.text ?? ''} tệp, quá nhiều cho một lần tổng hợp (tối đa 2000). Hãy chia thành nhiều lần.`,
    en: (d) => `${d.text ?? ''} files chosen: too many for one consolidation (at most 2000). Split them.`,
  },
  no_file_read: {
    vi: (d) => `Không đọc được tệp nào nên chưa tổng hợp. ${d.text ?? ''}`,
    en: (d) => `No file could be read, so nothing was consolidated. ${d.text ?? ''}`,
  },
  excel_error: {
    vi: (d) =>
      `Excel báo lỗi${d.officeCode ? ` (${d.officeCode})` : ''}: ${d.text ?? ''} Chưa có gì được ghi dở dang; hãy thử lại.`,
    en: (d) =>
      `Excel reported an error${d.officeCode ? ` (${d.officeCode})` : ''}: ${d.text ?? ''} Nothing was left half written; try again.`,
  },
};

export class AddinError extends Error {
  constructor(
    readonly code: AddinErrorCode,
    readonly detail: AddinErrorDetail = {},
  ) {
    super(MESSAGES[code].en(detail));
    this.name = 'AddinError';
  }

  messageIn(lang: Lang): string {
    return MESSAGES[this.code][lang](this.detail);
  }
}

/** Office.js raises errors with a `code` (OfficeExtension.Error); others are plain errors. */
export function officeCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

/** An error from Excel as an AddinError; `sheet` names the sheet the failed batch wrote to. */
export function fromOfficeError(e: unknown, sheet?: string): AddinError {
  if (e instanceof AddinError) return e;
  const code = officeCode(e);
  const text = e instanceof Error ? e.message : String(e);
  switch (code) {
    case 'AccessDenied':
      return new AddinError('sheet_protected', { sheet, officeCode: code });
    case 'ItemNotFound':
    case 'InvalidReference':
      return new AddinError('sheet_missing', { sheet, officeCode: code });
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'PayloadTooLarge':
      return new AddinError('payload_too_large', { officeCode: code });
    case 'InvalidOperationInCellEditMode':
      return new AddinError('cell_edit_mode', { officeCode: code });
    // Docs "Delay execution while cell is being edited": without delayForCellEdit a batch sent
    // while the user edits a cell "fails (InvalidOperation error)"; the same code has other causes.
    case 'InvalidOperation':
      return new AddinError('invalid_operation', { officeCode: code });
    default:
      return new AddinError('excel_error', { officeCode: code, text });
  }
}
