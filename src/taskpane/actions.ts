/**
 * What the task pane can ask of the workbook: the contract between the React components (which
 * receive these as props and never touch Excel) and the Excel adapter's session. In Excel it is
 * a Session over Excel.run; in the preview page and the tests, a Session over the in-memory Excel.
 */
import type { Evaluation } from '../engine';
import type { ClearOutcome } from '../excel/clear';
import type { ConsolidateOutcome, Detection, RunOptions } from '../excel/session';
import type { TemplateOutcome } from '../excel/template';
import type { WriteOutcome } from '../excel/write';
import type { OwnSheetOutcome } from '../excel/own-sheet';
import type { ListKind } from '../workbook/fields';
import type { WordReport } from '../report/docx/for-workbook';
import type { Letterhead } from '../report/docx/letterhead';
import type { LetterheadDraft } from '../excel/letterhead-store';
import type { PersonRef, PersonSelection, UnitDetails } from '../excel/training-needs';
import type { WordReportWay } from '../excel/word-delivery';

export type { TemplateOutcome } from '../excel/template';
export type { ConsolidateOutcome, Detection, ListSummary, FieldChoice, RunOptions } from '../excel/session';

export interface PaneActions {
  /** Finds the units, staff and activities lists (on open, and after "Chèn dữ liệu mẫu"). */
  detect(o?: RunOptions): Promise<Detection>;
  /** Reads a field from another column (null: from none); remembered for this workbook. */
  setColumn(kind: ListKind, sheet: string, field: string, column: number | null, o?: RunOptions): Promise<Detection>;
  /** Reads the lists again and evaluates the ten targets and every unit for a year. */
  evaluate(year: number, inclusive: boolean, o?: RunOptions): Promise<Evaluation>;
  /** "Tô màu đơn vị": status column + row colors for the last evaluation. */
  color(o?: RunOptions): Promise<WriteOutcome>;
  /** "Tạo báo cáo": the report sheet for the last evaluation. */
  report(o?: RunOptions): Promise<WriteOutcome>;
  /** "Tạo báo cáo" › the period summary sheet or the training-needed list (absent: not offered). */
  reportSheet?(kind: 'period' | 'training', o?: RunOptions): Promise<OwnSheetOutcome>;
  /** "Báo cáo Word": the .docx of the last evaluation, or of the whole period (absent: not offered). */
  wordReport?(period: boolean, o?: RunOptions): Promise<WordReport>;
  /** "Xóa màu": removes the status column and colors (and the report sheets when asked). */
  clear(reports: boolean): Promise<ClearOutcome>;
  /** Selects a cell (a unit's row, an issue's cell) in the workbook. */
  select(sheet: string, cell: string): Promise<void>;
  /** "Chèn dữ liệu mẫu": adds the sample lists as new sheets; returns their names. */
  insertSample(): Promise<readonly string[]>;
  /** "Chèn bảng kế hoạch": the plan in force as a new sheet "Kế hoạch CCHC"; returns its name. */
  insertPlan?(inclusive: boolean): Promise<string>;
  /** "Tổng hợp từ nhiều tệp": reads the files, evaluates them together, writes "Tổng hợp CCHC {year}". */
  /** "Tạo mẫu nhập liệu": the entry template as a new workbook, or its bytes to download. */
  makeTemplate?(): Promise<TemplateOutcome>;
  consolidate?(files: readonly File[], year: number, inclusive: boolean, o?: RunOptions): Promise<ConsolidateOutcome>;
  /** Who still needs T02/T03/T04 in the last evaluation, by unit (worked out on first call). */
  trainingNeeds?(): Promise<readonly UnitDetails[]>;
  /** The targets trainingNeeds lists. */
  trainingTargets?(): readonly string[];
  /** Goes to a listed person's row, only if it still holds their name. */
  selectPerson?(person: PersonRef): Promise<PersonSelection>;
  /** The letterhead form: from the workbook's heading rows, and as saved in the workbook. */
  letterhead?(): Promise<LetterheadDraft>;
  /** Remembers the letterhead in the workbook (used by "Báo cáo Word"). */
  saveLetterhead?(letterhead: Partial<Letterhead>): Promise<Partial<Letterhead>>;
  /** Downloaded, put into Word, or (Office on Mac/iPad) written as the report sheet instead. */
  wordReportWay?(): WordReportWay;
  insertWordReport?(bytes: Uint8Array): Promise<void>;
}
