/** Words of the plan-sheet part of the pane ("Kế hoạch CCHC"), Vietnamese then English. */
import type { Lang } from '../i18n';

export interface PlanStrings {
  readonly heading: string;
  readonly builtIn: string;
  readonly fromSheet: (sheet: string) => string;
  readonly blocked: (sheet: string) => string;
  readonly insert: string;
  readonly insertHint: string;
  readonly busy: string;
  readonly inserted: (sheet: string) => string;
}

export const PLAN_STRINGS: Readonly<Record<Lang, PlanStrings>> = {
  vi: {
    heading: 'Kế hoạch',
    builtIn: 'Đang dùng kế hoạch có sẵn (QĐ 2709/QĐ-UBND, 2022–2025).',
    fromSheet: (sheet) => `Đang dùng kế hoạch trên trang "${sheet}" của sổ làm việc này.`,
    blocked: (sheet) => `Trang "${sheet}" có ô sai nên chưa đánh giá được; bấm Đánh giá để xem ô nào.`,
    insert: 'Chèn bảng kế hoạch',
    insertHint: 'Thêm trang "Kế hoạch CCHC" để sửa ngưỡng từng năm; phần bổ trợ và các hàm CCHC.* sẽ dùng bảng đó.',
    busy: 'Đang chèn bảng kế hoạch…',
    inserted: (sheet) => `Đã chèn bảng kế hoạch trên trang "${sheet}". Sửa ngưỡng ở đó rồi bấm Đánh giá.`,
  },
  en: {
    heading: 'Plan',
    builtIn: 'Using the built-in plan (Decision 2709/QĐ-UBND, 2022–2025).',
    fromSheet: (sheet) => `Using the plan on the sheet "${sheet}" of this workbook.`,
    blocked: (sheet) => `The sheet "${sheet}" has wrong cells, so nothing can be evaluated; choose Evaluate to see which.`,
    insert: 'Insert the plan table',
    insertHint: 'Adds the sheet "CCHC plan" to edit each year\'s thresholds; the add-in and the CCHC.* functions then use it.',
    busy: 'Inserting the plan table…',
    inserted: (sheet) => `Inserted the plan table on the sheet "${sheet}". Edit the thresholds there, then Evaluate.`,
  },
};
