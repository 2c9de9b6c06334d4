/**
 * Words of "who still needs training", the letterhead form and where a Word report goes, Vietnamese
 * then English (kept beside strings.ts, as consolidate-strings.ts is).
 */
import type { Lang } from '../i18n';

export interface NeedsStrings {
  readonly show: (id: string) => string;
  readonly hide: string;
  readonly loading: string;
  readonly missing: (n: string) => string;
  readonly unknown: (n: string) => string;
  readonly noneMissing: string;
  readonly noName: string;
  readonly where: (sheet: string, row: number) => string;
  readonly unitShow: string;
  readonly moved: (name: string, sheet: string, address: string, found: string) => string;
  readonly gone: (name: string, sheet: string) => string;
  readonly failed: string;
  // The letterhead form.
  readonly letterhead: string;
  readonly letterheadHint: string;
  readonly fields: {
    readonly parentAgency: string;
    readonly agency: string;
    readonly number: string;
    readonly symbol: string;
    readonly place: string;
    readonly signerAuthority: string;
    readonly signerTitle: string;
    readonly signerName: string;
    readonly recipients: string;
  };
  readonly recipientsHint: string;
  readonly fromWorkbook: string;
  readonly save: string;
  readonly saved: string;
  readonly loadFailed: string;
  // Where a Word report goes.
  readonly wordInserted: (file: string) => string;
  /** `period`: the summary was asked for; `periodSheet`: it was written as the period sheet (else the year's report). */
  readonly wordAsSheet: (sheet: string, period: boolean, periodSheet: boolean) => string;
}

export const NEEDS_STRINGS: Readonly<Record<Lang, NeedsStrings>> = {
  vi: {
    show: (id) => `Ai chưa đạt ${id}?`,
    hide: 'Ẩn danh sách',
    loading: 'Đang lập danh sách…',
    missing: (n) => `Chưa đạt (${n})`,
    unknown: (n) => `Chưa rõ (${n})`,
    noneMissing: 'Không còn ai chưa đạt.',
    noName: '(không có tên)',
    where: (sheet, row) => `${sheet} · dòng ${row}`,
    unitShow: 'Ai còn cần bồi dưỡng?',
    moved: (name, sheet, address, found) =>
      `Ô ${sheet}!${address} nay ghi "${found || 'trống'}", không phải "${name}" (có thể đã chèn hoặc xóa dòng). Chưa chọn ô nào; hãy bấm Đánh giá lại.`,
    gone: (name, sheet) =>
      `Không tìm lại được "${name}" (trang "${sheet}" đã bị xóa, hoặc danh sách không có cột họ tên). Hãy bấm Đánh giá lại.`,
    failed: 'Không lập được danh sách. Hãy bấm Đánh giá lại.',
    letterhead: 'Thông tin văn bản (Word)',
    letterheadHint:
      'Điền sẵn theo các dòng tiêu đề trong sổ tính; ô trống sẽ in "……". Bấm Lưu để ghi nhớ trong sổ tính này cho báo cáo Word.',
    fields: {
      parentAgency: 'Cơ quan chủ quản',
      agency: 'Cơ quan ban hành',
      number: 'Số',
      symbol: 'Ký hiệu',
      place: 'Địa danh',
      signerAuthority: 'Quyền hạn ký (KT., TM.)',
      signerTitle: 'Chức vụ người ký',
      signerName: 'Người ký',
      recipients: 'Nơi nhận',
    },
    recipientsHint: 'Mỗi dòng một nơi nhận.',
    fromWorkbook: 'Theo sổ tính',
    save: 'Lưu',
    saved: 'Đã lưu thông tin văn bản trong sổ tính này.',
    loadFailed: 'Không đọc được thông tin văn bản đã lưu.',
    wordInserted: (file) => `Đã chèn báo cáo "${file}" vào cuối văn bản Word.`,
    wordAsSheet: (sheet, period, periodSheet) =>
      `Office trên Mac và iPad không cho phần bổ trợ tải tệp về, nên ${periodSheet ? 'báo cáo tổng kết' : 'báo cáo năm'} đã được ghi vào trang "${sheet}" thay cho tệp Word. Để có tệp Word${period ? ' tổng kết' : ''}, dùng dòng lệnh: cchc report TỆP.xlsx ${period ? '--period' : '--year NĂM'} --docx BAO-CAO.docx (hoặc mở sổ tính bằng Excel trên web hay Windows).`,
  },
  en: {
    show: (id) => `Who has not met ${id}?`,
    hide: 'Hide the list',
    loading: 'Making the list…',
    missing: (n) => `Not yet (${n})`,
    unknown: (n) => `Unknown (${n})`,
    noneMissing: 'No one is left.',
    noName: '(no name)',
    where: (sheet, row) => `${sheet} · row ${row}`,
    unitShow: 'Who still needs training?',
    moved: (name, sheet, address, found) =>
      `Cell ${sheet}!${address} now holds "${found || 'nothing'}", not "${name}" (rows may have been inserted or deleted). Nothing was selected; evaluate again.`,
    gone: (name, sheet) =>
      `"${name}" cannot be found again (sheet "${sheet}" was deleted, or the list has no name column). Evaluate again.`,
    failed: 'The list could not be made. Evaluate again.',
    letterhead: 'Document details (Word)',
    letterheadHint:
      'Filled in from the workbook’s heading rows; an empty box prints "……". Save to remember them in this workbook for the Word report.',
    fields: {
      parentAgency: 'Parent agency (cơ quan chủ quản)',
      agency: 'Issuing agency (cơ quan ban hành)',
      number: 'Number (số)',
      symbol: 'Symbol (ký hiệu)',
      place: 'Place (địa danh)',
      signerAuthority: 'Signing authority (KT., TM.)',
      signerTitle: 'Signer’s title',
      signerName: 'Signer',
      recipients: 'Recipients (nơi nhận)',
    },
    recipientsHint: 'One recipient per line.',
    fromWorkbook: 'From the workbook',
    save: 'Save',
    saved: 'The document details are saved in this workbook.',
    loadFailed: 'The saved document details could not be read.',
    wordInserted: (file) => `The report "${file}" was inserted at the end of the Word document.`,
    wordAsSheet: (sheet, period, periodSheet) =>
      `Office on Mac and iPad does not let add-ins download files, so the ${periodSheet ? 'period summary' : "year's report"} was written to the sheet "${sheet}" instead of a Word file. For the Word ${period ? 'summary' : 'report'}, use the command line: cchc report FILE.xlsx ${period ? '--period' : '--year YEAR'} --docx REPORT.docx (or open the workbook in Excel on the web or Windows).`,
  },
};
