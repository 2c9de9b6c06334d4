/**
 * The task pane's own words (buttons, headings, help text), Vietnamese first. Words shared with the
 * report and the command line — statuses, list names, issue kinds, thresholds — come from the
 * catalogue in `src/i18n`; this file only holds what exists nowhere but in the pane.
 */
import type { Lang } from '../i18n';
import type { ListKind } from '../workbook/fields';
import type { Job } from './jobs';

/** The plan's ten targets counted by status (parts such as T05a are counted through T05). */
export interface SummaryCounts {
  readonly met: number;
  readonly notMet: number;
  readonly undetermined: number;
  readonly noData: number;
  readonly noTarget: number;
  readonly total: number;
}

export interface PaneStrings {
  readonly appTitle: string;
  readonly appSubtitle: string;
  // Lists found
  readonly listsHeading: string;
  readonly sheet: (name: string) => string;
  readonly headerRows: (top: number, bottom: number) => string;
  readonly rowsRead: (kind: ListKind, n: string) => string;
  readonly showColumns: string;
  readonly hideColumns: string;
  readonly columnsOf: (list: string) => string;
  readonly noColumn: string;
  readonly neededMissing: string;
  readonly neededMissingList: (fields: string) => string;
  readonly neededTag: string;
  readonly fallback: Readonly<Partial<Record<string, string>>>;
  /** On a list's card: a field with no column of its own, inferred from another. */
  readonly inferred: Readonly<Partial<Record<string, string>>>;
  readonly listsMissing: (lists: string) => string;
  readonly findAgain: string;
  readonly detectFailed: string;
  // Nothing found
  readonly emptyHeading: string;
  readonly emptyIntro: string;
  readonly emptyHeaders: string;
  readonly emptySample: string;
  readonly insertSample: string;
  // Year and reading
  readonly evaluateHeading: string;
  readonly yearLabel: string;
  readonly inclusiveLabel: string;
  readonly inclusiveHint: string;
  readonly evaluate: string;
  // Results
  readonly resultsHeading: (year: number) => string;
  readonly readingStrict: string;
  readonly readingInclusive: string;
  /** The ten targets counted by status; the parts always add up to the total. */
  readonly summary: (c: SummaryCounts) => string;
  readonly stale: string;
  readonly settingsChanged: string;
  readonly targetsHeading: string;
  readonly plan: string;
  readonly unknownRows: (n: string) => string;
  readonly noThreshold: (year: number) => string;
  readonly noData: string;
  readonly gap: (n: string) => string;
  readonly progressLabel: (id: string, pct: string) => string;
  readonly partsMet: (met: number, total: number) => string;
  readonly nonLeaders: (non: string, total: string, pct: string) => string;
  readonly noParticipants: string;
  // Units and issues
  readonly unitsHeading: string;
  readonly searchUnits: string;
  readonly searchPlaceholder: string;
  /** The search box's clear button (Fluent's own label is the English "clear"). */
  readonly clearSearch: string;
  readonly noUnitsLeft: string;
  readonly noUnitMatches: string;
  readonly failedTargets: (ids: string) => string;
  readonly issuesHeading: string;
  readonly noIssues: string;
  readonly goTo: string;
  readonly shown: (shown: string, total: string) => string;
  readonly showMore: (n: string) => string;
  // Writing
  readonly writeHeading: string;
  readonly color: string;
  readonly clear: string;
  readonly clearReports: string;
  readonly report: string;
  readonly wordReport: string;
  readonly periodReport: string;
  readonly wordSaved: (file: string) => string;
  readonly evaluateFirst: string;
  readonly reEvaluateToWrite: string;
  // Long work
  readonly busy: Readonly<Record<Job | 'cancelling', string>>;
  readonly progress: (done: string, total: string) => string;
  readonly cancel: string;
  readonly cancelled: string;
  readonly cancelledAfterInsert: string;
  // Outcomes
  readonly found: (lists: number) => string;
  readonly evaluated: (year: number, summary: string) => string;
  readonly mapped: (field: string, column: string | null) => string;
  readonly colored: (units: string) => string;
  readonly reported: (sheet: string | null) => string;
  readonly cleared: (columns: number, rules: number, reports: number) => string;
  /** Said after the notice when the add-in left something of the user's (issue 10). */
  readonly keptReport: (sheet: string) => string;
  readonly keptCells: (cells: number) => string;
  readonly keptReports: (sheets: string) => string;
  readonly inserted: (sheets: string) => string;
  readonly errorTitle: string;
  readonly unexpected: (text: string) => string;
  readonly dismiss: string;
}

const vi: PaneStrings = {
  appTitle: 'Theo dõi kế hoạch CCHC',
  appSubtitle: 'Nâng cao năng lực đội ngũ làm công tác cải cách hành chính TP.HCM, giai đoạn 2022–2025',
  listsHeading: 'Danh sách trong sổ tính',
  sheet: (name) => `Trang tính: ${name}`,
  headerRows: (top, bottom) => (top === bottom ? `Dòng tiêu đề: ${top}` : `Dòng tiêu đề: ${top}–${bottom}`),
  rowsRead: (kind, n) =>
    `Đã đọc: ${n} ${kind === 'units' ? 'đơn vị' : kind === 'staff' ? 'cán bộ, công chức, viên chức' : 'hoạt động'}`,
  showColumns: 'Xem, sửa cột',
  hideColumns: 'Ẩn danh sách cột',
  columnsOf: (list) => `Cột của ${list}`,
  noColumn: '(không có)',
  neededMissing: 'Thiếu cột: các chỉ tiêu cần trường này sẽ là "Không có dữ liệu". Hãy chọn cột đúng.',
  neededMissingList: (fields) => `Thiếu cột cần cho chỉ tiêu: ${fields}.`,
  neededTag: 'cần cho chỉ tiêu',
  fallback: {
    'units.kind': 'Không có cột này: loại đơn vị được suy ra từ tên.',
    'staff.leader': 'Không có cột này: lãnh đạo được suy ra từ chức vụ.',
    'staff.cchc': 'Không có cột này: mọi người đều được tính là làm công tác CCHC.',
  },
  inferred: {
    'units.kind': 'Loại đơn vị: suy ra từ tên (không có cột riêng)',
    'staff.leader': 'Lãnh đạo: suy ra từ chức vụ (không có cột riêng)',
  },
  listsMissing: (lists) => `Chưa tìm thấy ${lists}. Các chỉ tiêu cần danh sách này sẽ là "Không có dữ liệu".`,
  findAgain: 'Tìm lại danh sách',
  detectFailed: 'Chưa đọc được các danh sách trong sổ tính. Bấm "Tìm lại danh sách" để thử lại.',
  emptyHeading: 'Chưa tìm thấy danh sách nào',
  emptyIntro:
    'Phần bổ trợ cần ba danh sách, đặt trên trang tính bất kỳ, mỗi danh sách có một dòng tiêu đề cột (có thể có dòng tên bảng phía trên):',
  emptyHeaders: 'các cột như',
  emptySample: 'Muốn xem cách trình bày? Chèn dữ liệu mẫu: phần bổ trợ thêm các trang tính mới và không sửa dữ liệu đang có.',
  insertSample: 'Chèn dữ liệu mẫu',
  evaluateHeading: 'Đánh giá',
  yearLabel: 'Năm đánh giá (tính đến 31/12)',
  inclusiveLabel: 'Hiểu "trên X %" là "từ X % trở lên"',
  inclusiveHint: 'Mặc định: "trên 80 %" nghĩa là lớn hơn 80 %; bật để tính cả đúng 80 %.',
  evaluate: 'Đánh giá',
  resultsHeading: (year) => `Kết quả năm ${year}`,
  readingStrict: '"Trên X %" được hiểu là lớn hơn X %.',
  readingInclusive: '"Trên X %" được hiểu là từ X % trở lên.',
  summary: (c) =>
    [
      `Đạt ${c.met}/${c.total} chỉ tiêu`,
      `không đạt ${c.notMet}`,
      `chưa xác định ${c.undetermined}`,
      ...(c.noData > 0 ? [`không có dữ liệu ${c.noData}`] : []),
      ...(c.noTarget > 0 ? [`không áp dụng (năm này không có chỉ tiêu) ${c.noTarget}`] : []),
    ].join('; ') + '.',
  stale: 'Kết quả này là của lần đánh giá trước; bấm Đánh giá để tính lại.',
  settingsChanged: 'Năm hoặc cách hiểu "trên X %" đã đổi; bấm Đánh giá để tính lại.',
  targetsHeading: 'Chỉ tiêu',
  plan: 'kế hoạch',
  unknownRows: (n) => `(+${n} chưa rõ)`,
  noThreshold: (year) => `năm ${year} không đặt chỉ tiêu, chỉ theo dõi tiến độ`,
  noData: 'Không có dữ liệu: thiếu danh sách hoặc cột cần thiết, hoặc danh sách không có dòng nào.',
  gap: (n) => `Còn thiếu ${n}`,
  progressLabel: (id, pct) => `${id}: đã thực hiện ${pct} so với kế hoạch`,
  partsMet: (met, total) => `Đạt ${met}/${total} phần`,
  nonLeaders: (non, total, pct) => `Người không giữ chức vụ lãnh đạo: ${non}/${total} (${pct})`,
  noParticipants: 'Chưa ghi số người tham gia.',
  unitsHeading: 'Đơn vị không đạt, chưa xác định',
  searchUnits: 'Tìm đơn vị',
  searchPlaceholder: 'Gõ tên đơn vị',
  clearSearch: 'Xóa nội dung tìm',
  noUnitsLeft: 'Không có đơn vị nào không đạt hoặc chưa xác định.',
  noUnitMatches: 'Không có đơn vị nào khớp với từ cần tìm.',
  failedTargets: (ids) => `Chỉ tiêu không đạt: ${ids}`,
  issuesHeading: 'Dữ liệu cần xem lại',
  noIssues: 'Không có lỗi dữ liệu.',
  goTo: 'Bấm để đến ô trong sổ tính.',
  shown: (shown, total) => `Đang hiện ${shown}/${total}.`,
  showMore: (n) => `Hiện thêm ${n}`,
  writeHeading: 'Ghi vào sổ tính',
  color: 'Tô màu đơn vị',
  clear: 'Xóa màu',
  clearReports: 'Xóa cả các trang báo cáo',
  report: 'Tạo báo cáo',
  wordReport: 'Báo cáo Word',
  periodReport: 'Báo cáo tổng kết 2022–2025 (Word)',
  wordSaved: (file) => `Đã tạo tệp "${file}" (thể thức Nghị định 30/2020); mở bằng Word để điền số, ngày và người ký.`,
  evaluateFirst: 'Bấm Đánh giá trước khi tô màu hoặc tạo báo cáo.',
  reEvaluateToWrite: 'Bấm Đánh giá lại trước khi tô màu hoặc tạo báo cáo.',
  busy: {
    detecting: 'Đang tìm danh sách…',
    mapping: 'Đang đọc lại với cột đã chọn…',
    evaluating: 'Đang đánh giá…',
    coloring: 'Đang tô màu đơn vị…',
    reporting: 'Đang tạo báo cáo…',
    clearing: 'Đang xóa màu…',
    inserting: 'Đang chèn dữ liệu mẫu…',
    insertingPlan: 'Đang chèn bảng kế hoạch…',
    consolidating: 'Đang đọc và tổng hợp các tệp…',
    makingTemplate: 'Đang tạo mẫu nhập liệu…',
    selecting: 'Đang chọn ô…',
    cancelling: 'Đang hủy…',
  },
  progress: (done, total) => `${done}/${total}`,
  cancel: 'Hủy',
  cancelled: 'Đã hủy; chưa có gì được ghi.',
  cancelledAfterInsert: 'Đã hủy. Dữ liệu mẫu đã được chèn; bấm "Tìm lại danh sách" để đọc.',
  found: (lists) => `Đã tìm thấy ${lists} danh sách.`,
  evaluated: (year, summary) => `Đã đánh giá năm ${year}. ${summary}`,
  mapped: (field, column) => (column ? `Đã đọc "${field}" từ cột ${column}.` : `Đã bỏ cột cho "${field}".`),
  colored: (units) => `Đã tô màu ${units} đơn vị và ghi cột trạng thái. "Xóa màu" trả lại định dạng cũ.`,
  reported: (sheet) => (sheet ? `Đã tạo trang báo cáo "${sheet}".` : 'Đã tạo báo cáo.'),
  cleared: (columns, rules, reports) =>
    columns + rules + reports === 0
      ? 'Không có gì cần xóa: sổ tính chưa có màu hay cột trạng thái của phần bổ trợ.'
      : `Đã xóa ${columns} cột trạng thái, ${rules} quy tắc tô màu${reports > 0 ? `, ${reports} trang báo cáo` : ''}. Định dạng riêng của bạn được giữ nguyên.`,
  keptReport: (sheet) => `Trang "${sheet}" đã được bạn sửa nên được giữ nguyên; báo cáo mới nằm ở trang mới.`,
  keptCells: (cells) => `${cells} ô bạn đã gõ trong cột trạng thái được giữ nguyên.`,
  keptReports: (sheets) => `Trang báo cáo đã được bạn sửa nên được giữ lại: ${sheets}.`,
  inserted: (sheets) => `Đã chèn dữ liệu mẫu vào các trang tính mới: ${sheets}.`,
  errorTitle: 'Chưa làm được',
  unexpected: (text) => `Có lỗi ngoài dự kiến: ${text} Hãy thử lại; nếu vẫn lỗi, hãy đóng rồi mở lại phần bổ trợ.`,
  dismiss: 'Đóng thông báo',
};

const en: PaneStrings = {
  appTitle: 'CCHC plan tracker',
  appSubtitle: 'Building the capacity of HCMC administrative-reform officials, 2022–2025',
  listsHeading: 'Lists in the workbook',
  sheet: (name) => `Sheet: ${name}`,
  headerRows: (top, bottom) => (top === bottom ? `Header row: ${top}` : `Header rows: ${top}–${bottom}`),
  rowsRead: (kind, n) => `Read: ${n} ${kind === 'units' ? 'units' : kind === 'staff' ? 'people' : 'activities'}`,
  showColumns: 'Show or change columns',
  hideColumns: 'Hide columns',
  columnsOf: (list) => `Columns of the ${list}`,
  noColumn: '(none)',
  neededMissing: 'Missing column: targets that need this field will have "No data". Choose the right column.',
  neededMissingList: (fields) => `Missing columns needed by targets: ${fields}.`,
  neededTag: 'needed by targets',
  fallback: {
    'units.kind': 'Without this column the kind is inferred from the unit name.',
    'staff.leader': 'Without this column leaders are inferred from the title.',
    'staff.cchc': 'Without this column everyone counts as doing CCHC work.',
  },
  inferred: {
    'units.kind': 'Kind of unit: inferred from the name (no column of its own)',
    'staff.leader': 'Leader: inferred from the title (no column of its own)',
  },
  listsMissing: (lists) => `Not found: ${lists}. Targets that need it will have "No data".`,
  findAgain: 'Find lists again',
  detectFailed: 'The lists in the workbook have not been read. Choose "Find lists again" to try again.',
  emptyHeading: 'No lists found yet',
  emptyIntro: 'The add-in needs three lists, on any sheets, each with a row of column headers (title rows above it are fine):',
  emptyHeaders: 'columns such as',
  emptySample: 'Want to see the layout? Insert the sample data: it adds new sheets and changes nothing already there.',
  insertSample: 'Insert sample data',
  evaluateHeading: 'Evaluation',
  yearLabel: 'Year (as at 31 December)',
  inclusiveLabel: 'Read "over X %" as "X % or more"',
  inclusiveHint: 'By default "over 80 %" means more than 80 %; turn on to count exactly 80 % too.',
  evaluate: 'Evaluate',
  resultsHeading: (year) => `Results for ${year}`,
  readingStrict: '"Over X %" is read as more than X %.',
  readingInclusive: '"Over X %" is read as X % or more.',
  summary: (c) =>
    [
      `${c.met} of ${c.total} targets met`,
      `${c.notMet} not met`,
      `${c.undetermined} undetermined`,
      ...(c.noData > 0 ? [`${c.noData} with no data`] : []),
      ...(c.noTarget > 0 ? [`${c.noTarget} with no target this year`] : []),
    ].join('; ') + '.',
  stale: 'These results are from an earlier evaluation; choose Evaluate to recompute.',
  settingsChanged: 'The year or the reading of "over X %" changed; choose Evaluate to recompute.',
  targetsHeading: 'Targets',
  plan: 'target',
  unknownRows: (n) => `(+${n} unclear)`,
  noThreshold: (year) => `no target set for ${year}, progress only`,
  noData: 'No data: a list or a needed column is missing, or the list has no rows.',
  gap: (n) => `${n} more needed`,
  progressLabel: (id, pct) => `${id}: ${pct} of the target reached`,
  partsMet: (met, total) => `${met} of ${total} parts met`,
  nonLeaders: (non, total, pct) => `Participants without a leadership post: ${non}/${total} (${pct})`,
  noParticipants: 'Numbers of participants not recorded.',
  unitsHeading: 'Units not compliant or undetermined',
  searchUnits: 'Find a unit',
  searchPlaceholder: 'Type a unit name',
  clearSearch: 'Clear the search',
  noUnitsLeft: 'No unit is non-compliant or undetermined.',
  noUnitMatches: 'No unit matches the search.',
  failedTargets: (ids) => `Targets not met: ${ids}`,
  issuesHeading: 'Data to check',
  noIssues: 'No data issues.',
  goTo: 'Choose one to go to its cell in the workbook.',
  shown: (shown, total) => `Showing ${shown} of ${total}.`,
  showMore: (n) => `Show ${n} more`,
  writeHeading: 'Write to the workbook',
  color: 'Color units',
  clear: 'Clear colors',
  clearReports: 'Also delete the report sheets',
  report: 'Create report',
  wordReport: 'Word report',
  periodReport: '2022–2025 summary (Word)',
  wordSaved: (file) => `Saved "${file}" (Decree 30/2020 layout); open it in Word to fill in the number, date and signer.`,
  evaluateFirst: 'Evaluate before coloring units or creating the report.',
  reEvaluateToWrite: 'Evaluate again before coloring units or creating the report.',
  busy: {
    detecting: 'Finding the lists…',
    mapping: 'Reading again with the chosen column…',
    evaluating: 'Evaluating…',
    coloring: 'Coloring units…',
    reporting: 'Creating the report…',
    clearing: 'Clearing colors…',
    inserting: 'Inserting the sample data…',
    insertingPlan: 'Inserting the plan table…',
    consolidating: 'Reading and consolidating the files…',
    makingTemplate: 'Making the entry template…',
    selecting: 'Selecting the cell…',
    cancelling: 'Cancelling…',
  },
  progress: (done, total) => `${done} of ${total}`,
  cancel: 'Cancel',
  cancelled: 'Cancelled; nothing was written.',
  cancelledAfterInsert: 'Cancelled. The sample data was inserted; choose "Find lists again" to read it.',
  found: (lists) => `Found ${lists} list${lists === 1 ? '' : 's'}.`,
  evaluated: (year, summary) => `Evaluated ${year}. ${summary}`,
  mapped: (field, column) =>
    column ? `"${field}" is now read from column ${column}.` : `"${field}" is now read from no column.`,
  colored: (units) => `Colored ${units} units and wrote the status column. "Clear colors" restores the previous look.`,
  reported: (sheet) => (sheet ? `Created the report sheet "${sheet}".` : 'Created the report.'),
  cleared: (columns, rules, reports) =>
    columns + rules + reports === 0
      ? 'Nothing to clear: the workbook has no colors or status column from the add-in.'
      : `Removed ${columns} status column${columns === 1 ? '' : 's'}, ${rules} coloring rule${rules === 1 ? '' : 's'}${reports > 0 ? `, ${reports} report sheet${reports === 1 ? '' : 's'}` : ''}. Your own formatting is kept.`,
  keptReport: (sheet) => `You edited "${sheet}", so it is kept; the new report is on a new sheet.`,
  keptCells: (cells) =>
    `${cells} cell${cells === 1 ? '' : 's'} you typed in the status column ${cells === 1 ? 'is' : 'are'} kept.`,
  keptReports: (sheets) => `Report sheets you edited are kept: ${sheets}.`,
  inserted: (sheets) => `Inserted the sample data on new sheets: ${sheets}.`,
  errorTitle: 'That did not work',
  unexpected: (text) => `Something unexpected went wrong: ${text} Try again; if it persists, close and reopen the add-in.`,
  dismiss: 'Dismiss',
};

export const STRINGS: Readonly<Record<Lang, PaneStrings>> = { vi, en };

/** Shown by the entry page when the pane is opened outside Excel (both languages: Office may be missing). */
export const OPEN_IN_EXCEL =
  'Hãy mở phần bổ trợ trong Excel (Trang đầu › Phần bổ trợ) để dùng. / Open this add-in from Excel (Home › Add-ins) to use it.';

/** Shown by the entry page when part of the add-in's code could not be fetched. */
export const LOAD_FAILED =
  'Không tải được phần bổ trợ. Hãy đóng rồi mở lại ngăn tác vụ. / The add-in could not load. Close and reopen the task pane.';
