/** Words of "Tổng hợp từ nhiều tệp" in the pane, Vietnamese then English. */
import type { Lang } from '../i18n';

export interface ConsolidateStrings {
  readonly heading: string;
  readonly hint: (year: number) => string;
  readonly choose: string;
  readonly year: string;
  readonly chosen: (n: number) => string;
  readonly none: string;
  readonly run: string;
  readonly done: (files: number, sheet: string) => string;
  readonly failed: (names: string) => string;
  readonly template: string;
  readonly templateHint: string;
  readonly templateOpened: string;
  readonly templateSaved: (name: string) => string;
}

export const CONSOLIDATE_STRINGS: Readonly<Record<Lang, ConsolidateStrings>> = {
  vi: {
    heading: 'Tổng hợp từ nhiều tệp',
    hint: (y) =>
      `Chọn các tệp .xlsx các đơn vị gửi về: phần bổ trợ đọc từng tệp, đánh giá chung năm ${y} và ghi vào trang mới "Tổng hợp CCHC ${y}". Các tệp không bị sửa.`,
    choose: 'Chọn tệp…',
    year: 'Năm tổng hợp (tính đến 31/12)',
    chosen: (n) => `Đã chọn ${n} tệp.`,
    none: 'Chưa chọn tệp nào.',
    run: 'Tổng hợp',
    done: (files, sheet) => `Đã tổng hợp ${files} tệp vào trang "${sheet}".`,
    failed: (names) => ` Không đọc được (xem cuối trang): ${names}.`,
    template: 'Tạo mẫu nhập liệu',
    templateHint: 'Mẫu chuẩn gửi các đơn vị: ba danh sách có sẵn tiêu đề, danh sách chọn và kiểm tra dữ liệu khi nhập.',
    templateOpened: 'Đã mở mẫu nhập liệu trong một sổ làm việc mới. Hãy lưu và gửi cho các đơn vị.',
    templateSaved: (name) => `Đã tạo mẫu nhập liệu "${name}" (xem thư mục tải xuống).`,
  },
  en: {
    heading: 'Consolidate several files',
    hint: (y) =>
      `Choose the .xlsx files the units sent: the add-in reads each one, evaluates them together for ${y} and writes a new sheet "CCHC summary ${y}". The files are not changed.`,
    choose: 'Choose files…',
    year: 'Year (as at 31 December)',
    chosen: (n) => `${n} files chosen.`,
    none: 'No file chosen.',
    run: 'Consolidate',
    done: (files, sheet) => `Consolidated ${files} files on the sheet "${sheet}".`,
    failed: (names) => ` Could not read (listed at the end of the sheet): ${names}.`,
    template: 'Make the entry template',
    templateHint: 'The standard form for the units: the three lists with their headers, drop-downs and checks as they type.',
    templateOpened: 'The entry template is open in a new workbook. Save it and send it to the units.',
    templateSaved: (name) => `Made the entry template "${name}" (see your downloads).`,
  },
};
