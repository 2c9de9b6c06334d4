import { Lang } from '../i18n';

export type FileProblem =
  | 'not_found'
  | 'is_directory'
  | 'unreadable'
  | 'empty_file'
  | 'legacy_xls'
  | 'encrypted'
  | 'ods'
  | 'not_spreadsheet'
  | 'corrupt'
  | 'no_sheets'
  | 'not_regular'
  | 'changed'
  | 'too_large'
  | 'beyond_limits';

/** A file that cannot be read as a workbook: the command line says so in one line and exits 2. */
export class WorkbookFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly file: string,
    readonly detail = '',
  ) {
    super(fileProblemText(problem, file, 'en', detail));
    this.name = 'WorkbookFileError';
  }
}

export function fileProblemText(problem: FileProblem, file: string, lang: Lang, detail = ''): string {
  const vi: Record<FileProblem, string> = {
    not_found: `Không tìm thấy tệp "${file}".`,
    is_directory: `"${file}" là thư mục, không phải tệp Excel.`,
    unreadable: `Không mở được tệp "${file}"${detail ? ` (${detail})` : ''}.`,
    empty_file: `Tệp "${file}" rỗng (0 byte).`,
    legacy_xls: `Tệp "${file}" là định dạng Excel 97–2003 (.xls). Hãy mở bằng Excel hoặc LibreOffice và lưu lại dưới dạng .xlsx.`,
    encrypted: `Tệp "${file}" được bảo vệ bằng mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
    ods: `Tệp "${file}" là bảng tính OpenDocument (.ods). Hãy mở bằng LibreOffice và lưu lại dưới dạng Excel 2007–365 (.xlsx).`,
    not_spreadsheet: `Tệp "${file}" không phải là sổ tính Excel (.xlsx).`,
    corrupt: `Tệp "${file}" bị hỏng hoặc không đầy đủ, không đọc được${detail ? ` (${detail})` : ''}.`,
    no_sheets: `Tệp "${file}" không có trang tính nào.`,
    not_regular: `"${file}" không phải là một tệp thông thường (có thể là ống dẫn hoặc thiết bị), không đọc được.`,
    changed: `Tệp "${file}" thay đổi trong lúc đang đọc; hãy đợi lưu xong rồi chạy lại.`,
    too_large: `Tệp "${file}" bung ra quá lớn so với một sổ tính${detail ? ` (${detail})` : ''}, không đọc.`,
    beyond_limits: `Tệp "${file}" vượt giới hạn của Excel${detail ? ` (${detail})` : ''}, không đọc.`,
  };
  const en: Record<FileProblem, string> = {
    not_found: `File not found: "${file}".`,
    is_directory: `"${file}" is a folder, not an Excel file.`,
    unreadable: `Cannot open "${file}"${detail ? ` (${detail})` : ''}.`,
    empty_file: `"${file}" is empty (0 bytes).`,
    legacy_xls: `"${file}" is an Excel 97–2003 workbook (.xls). Open it in Excel or LibreOffice and save it as .xlsx.`,
    encrypted: `"${file}" is password-protected. Open it in Excel, remove the password (File › Info › Protect Workbook) and save it again.`,
    ods: `"${file}" is an OpenDocument spreadsheet (.ods). Open it in LibreOffice and save it as Excel 2007–365 (.xlsx).`,
    not_spreadsheet: `"${file}" is not an Excel workbook (.xlsx).`,
    corrupt: `"${file}" is damaged or incomplete and cannot be read${detail ? ` (${detail})` : ''}.`,
    no_sheets: `"${file}" has no worksheets.`,
    not_regular: `"${file}" is not a regular file (a pipe or a device?) and cannot be read.`,
    changed: `"${file}" changed while it was being read; wait until it is saved and run again.`,
    too_large: `"${file}" inflates to more than a workbook plausibly holds${detail ? ` (${detail})` : ''}; not read.`,
    beyond_limits: `"${file}" goes beyond Excel's limits${detail ? ` (${detail})` : ''}; not read.`,
  };
  return (lang === 'vi' ? vi : en)[problem];
}
