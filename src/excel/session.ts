/**
 * One task-pane session over the open workbook: what was found, the last evaluation, and the
 * actions the pane offers (evaluate, color, report, clear, select, choose a column, insert the
 * sample). Plain TypeScript over the adapter; the React components receive these as props.
 */
import { Evaluation, evaluate } from '../engine';
import { staffTargetIds } from '../engine/details';
import { Lang } from '../i18n';
import { HCMC_PLAN, Plan, defaultYear } from '../plan';
import { ActivePlan, setActivePlan } from '../plan/active';
import type { ConsolidateRequest } from '../consolidate/protocol';
import { TooManyFiles } from '../consolidate/protocol';
import type { Consolidation } from '../report/consolidate';
import { isPlanSheetName } from '../plan/sheet-name';
import { WorkbookGrid } from '../workbook/grid';
import { ManualLayout } from '../workbook/detect';
import { ListUnderstood, understoodOf } from '../workbook/understood';
import { FieldsOf, ListKind, SCHEMAS } from '../workbook/fields';
import { columnLetters } from '../workbook/grid';
import type { WordReport } from '../report/docx/for-workbook';
import type { Letterhead } from '../report/docx/letterhead';
import type { LetterheadDraft } from './letterhead-store';
import type { PersonRef, PersonSelection, TrainingNeeds, UnitDetails } from './training-needs';
import { WordLike, WordReportWay, insertIntoWord, officeGlobal, wordReportWay } from './word-delivery';
import type { ClearOutcome } from './clear';
import { ExcelEnv, checkCancelled } from './env';
import { AddinError } from './errors';
import { KnownLayouts, ReadOptions, WorkbookRead, readWorkbook } from './read';
import type { SampleBook } from './sample';
import { selectCell } from './select';
import type { TemplateOutcome } from './template';
import type { WriteOutcome } from './write';
import type { OwnSheetOutcome } from './own-sheet';

// What only the write actions need (the report layout, styles, sample insertion) loads on first
// use, so the pane shows its lists without waiting for it.
const loadWrite = () => import(/* webpackChunkName: "write" */ './write');
const loadClear = () => import(/* webpackChunkName: "write" */ './clear');
const loadSample = () => import(/* webpackChunkName: "write" */ './sample');
// The plan sheet's reader loads only for a workbook that has one.
const loadPlanReader = () => import(/* webpackChunkName: "plan-sheet" */ '../plan/sheet');
const loadPlanSheet = () => import(/* webpackChunkName: "write" */ './plan-sheet');
const loadTemplate = () => import(/* webpackChunkName: "write" */ './template');
const loadConsolidation = () => import(/* webpackChunkName: "write" */ './consolidation');
const loadExtraReports = () => import(/* webpackChunkName: "write" */ './extra-reports');
// Reading the files on the page (tests, or where no worker is given): the reader loads on first use.
const loadConsolidateCore = () => import(/* webpackChunkName: "consolidate" */ '../consolidate/core');
// Who needs training and the letterhead form load when first asked for.
const loadNeeds = () => import(/* webpackChunkName: "needs" */ './training-needs');
const loadLetterhead = () => import(/* webpackChunkName: "word-report" */ './letterhead-store');

export interface FieldChoice {
  readonly field: string;
  /** 0-based column, or null when no column holds the field. */
  readonly column: number | null;
  /** The header text of that column, as written. */
  readonly header: string | null;
  /** Whether a target needs this field (a missing one makes targets "no data"). */
  readonly needed: boolean;
}

/** What the pane shows for one list it found. */
export interface ListSummary {
  readonly kind: ListKind;
  readonly sheet: string;
  /** 1-based rows of the header. */
  readonly headerRows: readonly [number, number];
  /** Data rows read (units, people or activities). */
  readonly rows: number;
  readonly fields: readonly FieldChoice[];
  /** Every header of the list, for choosing a column by hand. */
  readonly options: ReadonlyArray<{ readonly column: number; readonly letter: string; readonly text: string }>;
  /** Year columns, heading-row units, a hidden sheet: how the layout was read. */
  readonly understood?: ListUnderstood;
}

export interface Detection {
  readonly lists: readonly ListSummary[];
  /** Lists not found in the workbook. */
  readonly missing: readonly ListKind[];
  /** The year and reading remembered for this workbook, if any. */
  readonly remembered: { readonly year?: number; readonly inclusive?: boolean };
  /** The plan in force: built in, the workbook's sheet "Kế hoạch CCHC", or that sheet blocked by a bad cell. */
  readonly plan?: ActivePlan;
}

export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

const NEEDED: { [K in ListKind]: ReadonlySet<string> } = {
  units: new Set(['name', 'cchc_positions']),
  staff: new Set(['unit', 'leader', 'trained', 'skills', 'elearning', 'planned_year', 'appointed_year', 'expert_year']),
  activities: new Set(['kind', 'format', 'date']),
};

function summarize(read: WorkbookRead): Detection {
  const lists: ListSummary[] = [];
  for (const kind of ['units', 'staff', 'activities'] as const) {
    for (const layout of read.lists[kind]) {
      const columns = layout.columns as Record<string, number>;
      const headers = layout.headers as Record<string, string>;
      // Several lists may share a sheet (stacked, side by side): count the rows of this one.
      const mine = (sheet: string, row: number) => sheet === layout.sheet && row >= layout.dataTop && row <= layout.dataBottom;
      const staff = read.dataset.staff;
      const rows =
        kind === 'units'
          ? read.dataset.units.filter((u) => mine(u.sheet, u.row) && u.col >= layout.left && u.col <= layout.right).length
          : kind === 'staff'
            ? Array.from(staff.sheet).filter((s, i) => mine(staff.sheets[s], staff.row[i])).length
            : read.dataset.activities.filter((a) => mine(a.sheet, a.row)).length;
      lists.push({
        kind,
        sheet: layout.sheet,
        headerRows: [layout.headerTop + 1, layout.headerBottom + 1],
        rows,
        fields: SCHEMAS[kind].fields
          .filter((f) => f.field !== 'stt')
          .map((f) => ({
            field: f.field,
            column: columns[f.field] ?? null,
            header: headers[f.field] ?? null,
            needed: NEEDED[kind].has(f.field),
          })),
        options: layout.allHeaders.map((h) => ({ column: h.col, letter: columnLetters(h.col), text: h.text })),
        understood: understoodOf(layout, read.dataset),
      });
    }
  }
  const missing = (['units', 'staff', 'activities'] as const).filter((k) => read.lists[k].length === 0);
  return { lists, missing, remembered: { year: read.state.year, inclusive: read.state.inclusive } };
}

/** What "Tổng hợp từ nhiều tệp" did: the sheet written, files consolidated and files that could not be read. */
export interface ConsolidateOutcome {
  readonly sheet: string;
  readonly files: number;
  readonly failed: readonly string[];
}

/** Reads and consolidates the files off the page (a Web Worker: src/consolidate/client.ts). */
export type Consolidator = (request: ConsolidateRequest, run: RunOptions) => Promise<Consolidation>;

export interface SessionOptions {
  readonly lang: Lang;
  /** Where the files are read; on the page when absent. */
  readonly consolidator?: Consolidator;
  readonly plan?: Plan;
  readonly now?: () => Date;
  /** The sample lists, loaded on demand (they are only needed by "insert sample data"). */
  readonly loadSample?: () => Promise<SampleBook>;
}

export class Session {
  private read: WorkbookRead | null = null;
  private known: KnownLayouts | null = null;
  private evaluation: Evaluation | null = null;
  /** The read the last evaluation was made from, and who needs training in it (worked out on request). */
  private evaluatedFrom: WorkbookRead | null = null;
  private needs: TrainingNeeds | null = null;
  private manual: ManualLayout[] = [];
  private readonly builtIn: Plan;
  private active: ActivePlan = { kind: 'built_in' };

  constructor(
    private readonly env: ExcelEnv,
    private readonly options: SessionOptions,
  ) {
    this.builtIn = options.plan ?? HCMC_PLAN;
  }

  /** The plan evaluations use: the workbook's plan sheet when it has a valid one. */
  get plan(): Plan {
    return this.active.kind === 'workbook' ? this.active.plan : this.builtIn;
  }

  /** What the last read found of the plan sheet (shown by the pane). */
  get activePlan(): ActivePlan {
    return this.active;
  }

  /**
   * Reads the plan sheet from what was read (the whole sheet when only its top was), and registers
   * it in the runtime the custom functions share; recalculates when the plan changed.
   */
  private async takePlan(grid: WorkbookGrid): Promise<void> {
    let sheetGrid = grid;
    const sheet = grid.sheets.find((s) => isPlanSheetName(s.name));
    if (!sheet) {
      this.active = { kind: 'built_in' };
      if (setActivePlan(this.active)) await (await loadPlanSheet()).recalculate(this.env);
      return;
    }
    const [{ isCut, readWholeSheet }, { readPlanSheet, planSheetMessages }] = await Promise.all([
      loadPlanSheet(),
      loadPlanReader(),
    ]);
    if (isCut(sheet)) sheetGrid = { sheets: [await readWholeSheet(this.env, sheet.name)] };
    const read = readPlanSheet(sheetGrid);
    this.active =
      read.status === 'ok'
        ? { kind: 'workbook', plan: read.plan, inclusive: read.inclusive, sheet: read.sheet }
        : read.status === 'invalid'
          ? {
              kind: 'blocked',
              sheet: read.sheet,
              message: {
                vi: planSheetMessages(read.problems, 'vi').join('; '),
                en: planSheetMessages(read.problems, 'en').join('; '),
              },
            }
          : { kind: 'built_in' };
    if (setActivePlan(this.active)) {
      const { recalculate } = await loadPlanSheet();
      await recalculate(this.env);
    }
  }

  private blocked(): AddinError | null {
    const a = this.active;
    return a.kind === 'blocked' ? new AddinError('plan_sheet_invalid', { sheet: a.sheet, text: a.message[this.lang] }) : null;
  }

  get lang(): Lang {
    return this.options.lang;
  }

  /** The year to show first: remembered for this workbook, else this year within the plan. */
  defaultYear(remembered?: number): number {
    const y = remembered ?? defaultYear(this.plan, this.options.now?.() ?? new Date());
    return Math.min(this.plan.period.to, Math.max(this.plan.period.from + 1, y));
  }

  private readOptions(o: RunOptions): ReadOptions {
    return {
      ...(this.manual.length > 0 ? { manual: this.manual } : {}),
      // What this session read before: the first sync then carries data as well.
      ...(this.read ? { known: { lists: this.read.lists, grid: this.read.grid } } : this.known ? { known: this.known } : {}),
      signal: o.signal,
      onProgress: o.onProgress ? (_step, done, total) => o.onProgress?.(done, total) : undefined,
    };
  }

  /** Finds (and reads) the lists of the open workbook. */
  async detect(o: RunOptions = {}): Promise<Detection> {
    this.read = await readWorkbook(this.env, this.readOptions(o));
    this.manual = [...this.read.manual];
    this.evaluation = null;
    await this.takePlan(this.read.grid);
    return { ...summarize(this.read), plan: this.active };
  }

  /** Puts a field on another column (or none) and reads again; remembered with the next write. */
  async setColumn(kind: ListKind, sheet: string, field: string, column: number | null, o: RunOptions = {}): Promise<Detection> {
    const layout = this.read?.lists[kind].find((l) => l.sheet === sheet);
    if (!layout) throw new AddinError('not_evaluated');
    const columns: Record<string, number> = { ...(layout.columns as Record<string, number>) };
    if (column === null) delete columns[field];
    else {
      for (const [f, c] of Object.entries(columns)) if (c === column && f !== field) delete columns[f];
      columns[field] = column;
    }
    const choice: ManualLayout = { kind, sheet, headerTop: layout.headerTop, headerBottom: layout.headerBottom, columns };
    this.manual = [...this.manual.filter((m) => !(m.kind === kind && m.sheet === sheet)), choice];
    return this.detect(o);
  }

  /** Evaluates for a year; reads the workbook again first so the figures are current. */
  async evaluate(year: number, inclusive: boolean, o: RunOptions = {}): Promise<Evaluation> {
    this.read = await readWorkbook(this.env, this.readOptions(o));
    await this.takePlan(this.read.grid);
    // A malformed plan sheet: nothing is evaluated with half a plan.
    const blocked = this.blocked();
    if (blocked) throw blocked;
    const sheetInclusive = this.active.kind === 'workbook' && this.active.inclusive;
    this.evaluation = evaluate(this.read.dataset, this.plan, { year, inclusive: inclusive || sheetInclusive });
    this.evaluatedFrom = this.read;
    return this.evaluation;
  }

  /** What the last detection or evaluation found (for showing it again). */
  get detection(): Detection | null {
    return this.read ? { ...summarize(this.read), plan: this.active } : null;
  }

  private async write(color: boolean, report: boolean, o: RunOptions): Promise<WriteOutcome> {
    if (!this.evaluation) throw new AddinError('not_evaluated');
    // After "Xóa màu" the workbook changed under the last read: read it again (not the figures).
    const { writeResults, ListChanged } = await loadWrite();
    if (!this.read) this.read = await readWorkbook(this.env, this.readOptions(o));
    const options = { color, report, lang: this.options.lang, date: this.options.now?.() ?? new Date(), signal: o.signal };
    let out: WriteOutcome;
    try {
      out = await writeResults(this.env, this.read, this.evaluation, options);
    } catch (e) {
      // The units list changed since the evaluation (a row or column inserted, a name typed):
      // read again and evaluate the same year before writing, so every status lands on its unit.
      if (!(e instanceof ListChanged)) throw e;
      const { year, strict } = this.evaluation;
      await this.evaluate(year, !strict, o);
      if (!this.read || !this.evaluation) throw e;
      out = await writeResults(this.env, this.read, this.evaluation, options);
    }
    this.read = out.read;
    return out;
  }

  /** Writes the status column and colors the unit rows for the last evaluation. */
  color(o: RunOptions = {}): Promise<WriteOutcome> {
    return this.write(true, false, o);
  }

  /** Builds the report sheet for the last evaluation. */
  report(o: RunOptions = {}): Promise<WriteOutcome> {
    return this.write(false, true, o);
  }

  /**
   * "Tổng kết CCHC 2022–2025" (`period`) or "Danh sách cần bồi dưỡng" (`training`) as a sheet of the
   * add-in's own, for the last evaluation's reading and year (src/excel/extra-reports.ts).
   */
  async reportSheet(kind: 'period' | 'training', o: RunOptions = {}): Promise<OwnSheetOutcome> {
    if (!this.evaluation) throw new AddinError('not_evaluated');
    if (!this.read) this.read = await readWorkbook(this.env, this.readOptions(o));
    const extra = await loadExtraReports();
    const write = kind === 'period' ? extra.writePeriodSheet : extra.writeTrainingSheet;
    const date = this.options.now?.() ?? new Date();
    const out = await write(this.env, this.read, this.plan, this.evaluation, { lang: this.lang, date, signal: o.signal });
    this.read = out.read;
    return out;
  }

  /**
   * The Word report (NĐ 30 layout) for the last evaluation, or the 2022–2025 summary, as bytes to
   * download; the letterhead comes from the workbook's heading rows. Loads the docx writer on use.
   */
  async wordReport(period: boolean, o: RunOptions = {}): Promise<WordReport> {
    if (!this.evaluation) throw new AddinError('not_evaluated');
    if (!this.read) this.read = await readWorkbook(this.env, this.readOptions(o));
    const [{ wordReportFor }, { readSavedLetterhead }] = await Promise.all([
      import(/* webpackChunkName: "word-report" */ '../report/docx/for-workbook'),
      loadLetterhead(),
    ]);
    const letterhead = await readSavedLetterhead(this.env);
    return wordReportFor({
      letterhead,
      grid: this.read.grid,
      dataset: this.read.dataset,
      evaluation: this.evaluation,
      plan: this.plan,
      lang: this.options.lang,
      date: this.options.now?.() ?? new Date(),
      period,
    });
  }

  /** How a Word report reaches the user here: downloaded, put into Word, or (Mac, iPad) the report sheet instead. */
  wordReportWay(): WordReportWay {
    return wordReportWay(officeGlobal());
  }

  /** In Word (a manifest that declares it): the report put at the end of the open document. */
  async insertWordReport(bytes: Uint8Array): Promise<void> {
    const word = (globalThis as { Word?: WordLike }).Word;
    if (!word) throw new AddinError('api_missing', { requirement: 'WordApi 1.1' });
    await insertIntoWord(word, bytes);
  }

  /** The letterhead form: what the workbook's heading rows say, and what the user saved. */
  async letterhead(): Promise<LetterheadDraft> {
    const { letterheadDraft } = await loadLetterhead();
    if (!this.read) this.read = await readWorkbook(this.env, this.readOptions({}));
    return letterheadDraft(this.env, this.read);
  }

  /** Remembers the letterhead typed in the pane in the workbook (document settings). */
  async saveLetterhead(letterhead: Partial<Letterhead>): Promise<Partial<Letterhead>> {
    const { saveLetterhead } = await loadLetterhead();
    return saveLetterhead(this.env, letterhead);
  }

  /** Who still needs T02/T03/T04 in the evaluation shown, by unit (as `cchc evaluate --details`). */
  async trainingNeeds(): Promise<readonly UnitDetails[]> {
    const evaluation = this.evaluation;
    if (!evaluation || !this.evaluatedFrom) throw new AddinError('not_evaluated');
    if (this.needs?.evaluation !== evaluation) {
      const { TrainingNeeds } = await loadNeeds();
      this.needs = await TrainingNeeds.of(this.env, this.evaluatedFrom, this.plan, evaluation);
    }
    return this.needs.units;
  }

  /** The targets trainingNeeds lists (known without working them out). */
  trainingTargets(): readonly string[] {
    return staffTargetIds(this.plan);
  }

  /** Goes to a person listed by trainingNeeds, only if their row still holds their name. */
  async selectPerson(person: PersonRef): Promise<PersonSelection> {
    if (!this.needs) throw new AddinError('not_evaluated');
    return this.needs.select(this.env, person);
  }

  /** Removes what the add-in added (and its report sheets when asked). */
  async clear(reports: boolean): Promise<ClearOutcome> {
    const { clearAdded } = await loadClear();
    const out = await clearAdded(this.env, { reports });
    // The layouts stay known (for a quick next read); what the add-in wrote is read afresh.
    this.known = this.read ? { lists: this.read.lists, grid: this.read.grid } : this.known;
    this.read = null;
    return out;
  }

  select(sheet: string, cell: string): Promise<void> {
    return selectCell(this.env, sheet, cell);
  }

  /** "Chèn bảng kế hoạch": the plan in force as a new sheet "Kế hoạch CCHC", to be edited there. */
  async insertPlan(inclusive: boolean): Promise<string> {
    const { insertPlanSheet } = await loadPlanSheet();
    return insertPlanSheet(this.env, this.plan, inclusive, this.options.lang);
  }

  /**
   * "Tổng hợp từ nhiều tệp": reads the files (in the worker when there is one), evaluates them
   * together with the plan in force, and writes the sheet "Tổng hợp CCHC {year}".
   */
  async consolidate(files: readonly File[], year: number, inclusive: boolean, o: RunOptions = {}): Promise<ConsolidateOutcome> {
    // The plan in force is the open workbook's: read it first (a malformed plan sheet stops here).
    if (!this.read) this.read = await readWorkbook(this.env, this.readOptions({ signal: o.signal })).catch(() => null);
    if (this.read) await this.takePlan(this.read.grid);
    const blocked = this.blocked();
    if (blocked) throw blocked;
    const sheetInclusive = this.active.kind === 'workbook' && this.active.inclusive;
    const request: ConsolidateRequest = { files, plan: this.plan, year, inclusive: inclusive || sheetInclusive };
    let c: Consolidation | null;
    try {
      c = this.options.consolidator ? await this.options.consolidator(request, o) : await this.consolidateHere(request, o);
    } catch (e) {
      if (e instanceof TooManyFiles) throw new AddinError('too_many_files', { text: String(e.count) });
      if (o.signal?.aborted) throw new AddinError('cancelled');
      throw e;
    }
    checkCancelled(o.signal);
    if (c === null) throw new AddinError('cancelled');
    if (c.total === null) throw new AddinError('no_file_read', { text: c.failed[0]?.reason[this.lang] ?? '' });
    const { writeConsolidation } = await loadConsolidation();
    const sheet = await writeConsolidation(this.env, c, this.lang);
    return { sheet, files: c.files.length, failed: c.failed.map((f) => f.file) };
  }

  private async consolidateHere(request: ConsolidateRequest, o: RunOptions): Promise<Consolidation | null> {
    const { consolidateFiles } = await loadConsolidateCore();
    const { files } = request;
    return consolidateFiles(
      files.length,
      async (i) => ({ name: files[i].name, bytes: new Uint8Array(await files[i].arrayBuffer()) }),
      request,
      (done, total) => o.onProgress?.(done, total),
      () => o.signal?.aborted === true,
    );
  }

  /** "Tạo mẫu nhập liệu": the standard entry template, opened as a new workbook (or its bytes to download). */
  async makeTemplate(): Promise<TemplateOutcome> {
    const { makeTemplate } = await loadTemplate();
    return makeTemplate(this.env);
  }

  /** Adds the sample lists (the same sample the command line evaluates) as new sheets. */
  async insertSample(): Promise<readonly string[]> {
    if (!this.options.loadSample) throw new AddinError('api_missing', { requirement: 'sample' });
    const [book, { insertSample }] = await Promise.all([this.options.loadSample(), loadSample()]);
    return insertSample(this.env, book);
  }
}

export type FieldOf<K extends ListKind> = FieldsOf[K];
