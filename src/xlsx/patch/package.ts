/**
 * `cchc evaluate --out`: the copy is the original package, patched. Every part the tool does not
 * change is copied as its original compressed bytes (charts, chart sheets, drawings, images,
 * pivots, external links, comments, custom XML, themes, other sheets — a million-row staff sheet
 * is never even inflated). Changed: each units sheet (status column, its conditional formats),
 * styles.xml (appended styles), the workbook's sheet list, relationships, content types and
 * app.xml titles. Added: the report sheet, its drawing and chart.
 */
import type { Dataset, Evaluation } from '../../engine';
import { Lang } from '../../i18n';
import { buildReportLayout, chooseReportSheetName, reportSheetBaseName } from '../../report/layout';
import { STATUS_LOOKS } from '../../report/styles';
import {
  chooseStatusColumn,
  firstColumn,
  isStatusHeader,
  lastListColumn,
  statusHeader,
  statusRule,
  statusText,
} from '../../report/status-column';
import { ListLayout } from '../../workbook/detect';
import { CellRange, CellValue, SheetGrid, WorkbookGrid, a1, columnLetters } from '../../workbook/grid';
import {
  WORKSHEET_REL,
  PackageKind,
  WORKSHEET_TYPE,
  addAppTitle,
  addContentTypes,
  addRels,
  addSheetToWorkbook,
  packageKind,
  readRels,
  readWorkbook,
  relsPathOf,
  resolveTarget,
  workbookPartName,
} from './bookkeeping';
import { CHART_REL, CHART_TYPE, DRAWING_REL, DRAWING_TYPE, chartXml, drawingXml, relsXml } from './chart';
import { reportSheetXml, statusDxf } from './report-sheet';
import { StyleBook, styleBookOf } from './styles';
import { CellEdit, TakenCells, SheetPatch, SheetPatcher } from './units-sheet';
import { ByteSink, ZipEntry, ZipWriter, entryBytes, readZip, streamEntry } from './zip';
import { bytes } from './xml';

export interface PatchOptions {
  readonly lang: Lang;
  /** The input's file name, shown in the report. */
  readonly source: string;
  readonly date?: Date;
  /**
   * The copy's file extension (lowercase, no dot): when given, a package of another kind is
   * refused (PackageKindMismatch) before anything is written.
   */
  readonly extension?: string;
}

/** The copy would have an extension Excel refuses for this kind of package (an .xlsm saved as .xlsx). */
export class PackageKindMismatch extends Error {
  constructor(readonly kind: PackageKind) {
    super(`the workbook is an .${kind} package`);
    this.name = 'PackageKindMismatch';
  }
}

/** Where a status column went, for the command line to say. */
export interface StatusColumnNote {
  readonly sheet: string;
  /** Column letters of the status column, or null when the list has no free column at all. */
  readonly column: string | null;
  /** The list's own last column: the status column is not right beside it when further right. */
  readonly listRight: string;
  readonly beside: boolean;
}

export interface PatchResult {
  readonly reportSheet: string;
  readonly statusColumns: readonly StatusColumnNote[];
}

const STATUS_ORDER = ['non_compliant', 'undetermined', 'compliant'] as const;
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';

function isEmpty(v: CellValue | undefined): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

interface SheetPlan {
  readonly headerStyle: (s: string | null) => string | null;
  readonly edits: Map<number, CellEdit[]>;
  readonly widths: number[];
  readonly formats: Array<{ sqref: string; rules: Array<{ formula: string; dxfId: number }> }>;
}

/** The status columns of every units list, as edits per sheet. */
function planStatus(
  dataset: Dataset,
  e: Evaluation,
  grid: WorkbookGrid,
  book: StyleBook,
  lang: Lang,
  taken: ReadonlyMap<string, TakenCells>,
): { plans: Map<string, SheetPlan>; notes: StatusColumnNote[] } {
  const plans = new Map<string, SheetPlan>();
  const notes: StatusColumnNote[] = [];
  const dxf = STATUS_ORDER.map((s) => statusDxf(book, STATUS_LOOKS[s]));
  const layouts = [...dataset.lists.units];
  for (const layout of layouts) {
    const sheet = grid.sheets.find((s) => s.name === layout.sheet);
    if (!sheet) continue;
    // A unit row belongs to the lowest list on its sheet that starts above it.
    const owner = (row: number): ListLayout<'units'> | undefined =>
      layouts.filter((l) => l.sheet === layout.sheet && l.dataTop <= row).sort((a, b) => b.dataTop - a.dataTop)[0];
    const unitRows = e.units.filter((u) => u.sheet === layout.sheet && owner(u.row - 1) === layout);
    if (unitRows.length === 0) continue;
    const lastRow = Math.max(...unitRows.map((u) => u.row - 1));
    const bottom = Math.max(lastRow, Math.min(layout.dataBottom, sheet.originRow + sheet.rows.length - 1));
    // Taken as well as cells with a value: a formula showing "", a cell inside a merged area but its first
    // (what is written there is hidden by the merge).
    const listRight = lastListColumn(layout);
    const covering = new Map<number, CellRange[]>();
    const sheetTaken = taken.get(layout.sheet);
    for (const m of sheetTaken?.merges ?? []) {
      if (m.right <= listRight) continue;
      for (let r = Math.max(m.top, layout.headerTop); r <= Math.min(m.bottom, bottom); r++) {
        const list = covering.get(r);
        if (list) list.push(m);
        else covering.set(r, [m]);
      }
    }
    const cell = (r: number, c: number): CellValue => {
      const v = valueAt(sheet, r, c);
      if (!isEmpty(v)) return v;
      if (sheetTaken?.formulas.has(r * 16384 + c)) return TAKEN;
      const inMerge = (m: CellRange) => m.left <= c && c <= m.right && (m.top !== r || m.left !== c);
      return covering.get(r)?.some(inMerge) ? TAKEN : v;
    };
    let col: number;
    try {
      col = chooseStatusColumn(layout, bottom, cell);
    } catch {
      notes.push({ sheet: layout.sheet, column: null, listRight: columnLetters(lastListColumn(layout)), beside: false });
      continue;
    }
    const own = layout.allHeaders.some((h) => h.col === col && isStatusHeader(h.text));
    notes.push({
      sheet: layout.sheet,
      column: columnLetters(col),
      listRight: columnLetters(lastListColumn(layout)),
      beside: own || col === lastListColumn(layout) + 1,
    });
    let plan = plans.get(layout.sheet);
    if (!plan)
      plans.set(
        layout.sheet,
        (plan = { edits: new Map(), widths: [], formats: [], headerStyle: (s) => String(book.headerLike(s)) }),
      );
    const put = (row: number, edit: CellEdit) => {
      const list = plan.edits.get(row) ?? [];
      if (!list.some((x) => x.col === edit.col)) list.push(edit);
      list.sort((a, b) => a.col - b.col);
      plan.edits.set(row, list);
    };
    // An earlier run's values in its own column go (rows that are no longer units).
    const units = new Set(unitRows.map((u) => u.row - 1));
    if (own) {
      for (let r = layout.headerBottom + 1; r <= bottom; r++)
        if (!units.has(r) && !isEmpty(sheet.rows[r - sheet.originRow]?.[col - sheet.originCol])) put(r, { col, kind: 'clear' });
    }
    put(layout.headerBottom, { col, kind: 'set', text: statusHeader(e.year, lang), styleFrom: firstColumn(layout) });
    for (const u of unitRows) put(u.row - 1, { col, kind: 'set', text: statusText(u.status, lang) });
    plan.widths.push(col);
    const letters = columnLetters(col);
    plan.formats.push({
      sqref: `${a1(layout.dataTop, firstColumn(layout))}:${a1(lastRow, col)}`,
      rules: STATUS_ORDER.map((status, i) => ({
        formula: statusRule(letters, layout.dataTop, statusText(status, lang)).slice(1),
        dxfId: dxf[i],
      })),
    });
  }
  return { plans, notes };
}

/** What a taken cell that reads as empty is given when the status column is chosen. */
const TAKEN: CellValue = { error: 'taken' };

function valueAt(sheet: SheetGrid, r: number, c: number): CellValue {
  return sheet.rows[r - sheet.originRow]?.[c - sheet.originCol] ?? null;
}

/** A part name like `xl/worksheets/sheet7.xml` not used in the package (nor its relationships). */
function freeName(taken: ReadonlySet<string>, folder: string, stem: string): string {
  for (let i = 1; ; i++) {
    const name = `${folder}/${stem}${i}.xml`;
    if (!taken.has(name.toLowerCase()) && !taken.has(relsPathOf(name).toLowerCase())) return name;
  }
}

/** Writes the patched copy of `original` to `sink` (a zip archive). */
export function writePatchedCopy(
  original: Buffer,
  grid: WorkbookGrid,
  dataset: Dataset,
  e: Evaluation,
  o: PatchOptions,
  sink: ByteSink,
): PatchResult {
  const entries = readZip(original);
  const byName = new Map<string, ZipEntry>(entries.map((x) => [x.name.toLowerCase(), x]));
  const part = (name: string): Uint8Array | null => {
    const x = byName.get(name.toLowerCase());
    return x ? entryBytes(original, x) : null;
  };
  const wbPath = workbookPartName(part('_rels/.rels'));
  const types = part('[Content_Types].xml');
  if (types === null) throw new Error('no [Content_Types].xml');
  const kind = packageKind(types, wbPath);
  if (o.extension !== undefined && o.extension !== kind) throw new PackageKindMismatch(kind);
  const wbRelsPath = relsPathOf(wbPath);
  const wbPart = part(wbPath);
  if (wbPart === null) throw new Error(`no ${wbPath}`);
  const info = readWorkbook(wbPart);
  const wbRels = readRels(part(wbRelsPath));
  const target = new Map(wbRels.map((r) => [r.id, r]));
  const sheetPath = new Map<string, string>();
  for (const s of info.sheets) {
    const rel = target.get(s.relId);
    if (rel && !rel.external) sheetPath.set(s.name, resolveTarget(wbPath, rel.target));
  }
  const stylesRel = wbRels.find((r) => r.type === STYLES_REL);
  const stylesPath = stylesRel ? resolveTarget(wbPath, stylesRel.target) : null;
  const stylesPart = stylesPath ? part(stylesPath) : null;
  const book = styleBookOf(stylesPart);

  // Formulas and merged areas right of each units list (the grid holds formulas' results only, merges cut).
  const takenCells = new Map<string, TakenCells>();
  for (const layout of dataset.lists.units) {
    const path = sheetPath.get(layout.sheet);
    const entry = path ? byName.get(path.toLowerCase()) : undefined;
    if (!entry || takenCells.has(layout.sheet)) continue;
    const minCol = Math.min(...dataset.lists.units.filter((l) => l.sheet === layout.sheet).map((l) => lastListColumn(l) + 1));
    const scan = new TakenCells(minCol);
    streamEntry(original, entry, (chunk) => scan.push(chunk));
    takenCells.set(layout.sheet, scan.end());
  }
  const { plans, notes } = planStatus(dataset, e, grid, book, o.lang, takenCells);
  const patches = new Map<string, SheetPatch>();
  for (const [sheet, plan] of plans) {
    const path = sheetPath.get(sheet);
    if (path && byName.has(path.toLowerCase())) patches.set(path.toLowerCase(), plan);
  }

  // The report sheet and its chart.
  const sheetName = chooseReportSheetName(
    reportSheetBaseName(e.year, o.lang),
    info.sheets.map((s) => s.name),
    [],
  );
  const layout = buildReportLayout(e, { lang: o.lang, date: o.date ?? new Date(), sheetName, source: o.source });
  const taken = new Set(entries.map((x) => x.name.toLowerCase()));
  const wsFolder = (sheetPath.values().next().value ?? 'xl/worksheets/sheet1.xml').replace(/\/[^/]*$/, '');
  const reportPath = freeName(taken, wsFolder, 'sheet');
  const drawingPath = layout.chart ? freeName(taken, 'xl/drawings', 'drawing') : null;
  const chartPath = layout.chart ? freeName(taken, 'xl/charts', 'chart') : null;
  const report = reportSheetXml(layout, o.lang, book, layout.chart ? 'rId1' : null);

  // Bookkeeping.
  const relTarget = (from: string, to: string) => {
    const a = from.split('/').slice(0, -1);
    const b = to.split('/');
    let i = 0;
    while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
    return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
  };
  const newRels: Array<{ type: string; target: string }> = [{ type: WORKSHEET_REL, target: relTarget(wbPath, reportPath) }];
  const stylesNew = stylesPart === null;
  const stylesName = stylesPath ?? `${wbPath.replace(/\/[^/]*$/, '')}/styles.xml`;
  if (stylesNew) newRels.push({ type: STYLES_REL, target: relTarget(wbPath, stylesName) });
  const rels = addRels(part(wbRelsPath), newRels);
  const changed = new Map<string, Uint8Array>();
  changed.set(
    wbPath.toLowerCase(),
    addSheetToWorkbook(wbPart, { name: sheetName, relId: rels.ids[0], printArea: report.printArea }),
  );
  changed.set(wbRelsPath.toLowerCase(), typeof rels.part === 'string' ? bytes(rels.part) : rels.part);
  const overrides = [{ part: reportPath, type: WORKSHEET_TYPE }];
  if (drawingPath && chartPath) overrides.push({ part: drawingPath, type: DRAWING_TYPE }, { part: chartPath, type: CHART_TYPE });
  if (stylesNew) overrides.push({ part: stylesName, type: STYLES_TYPE });
  changed.set('[content_types].xml', addContentTypes(types, overrides));
  const app = part('docProps/app.xml');
  if (app !== null) {
    const titled = addAppTitle(app, sheetName);
    if (titled !== app) changed.set('docprops/app.xml', titled);
  }

  // The archive: original entries in their order (copied, patched or rewritten), then the new parts.
  // styles.xml is written after the units sheets (their headers add styles); the directory keeps the original order.
  const zip = new ZipWriter(sink);
  const stylesKey = stylesPath?.toLowerCase();
  for (const x of entries) {
    const key = x.name.toLowerCase();
    if (key === stylesKey && !stylesNew) continue;
    const patch = patches.get(key);
    const whole = changed.get(key);
    if (patch) {
      zip.stream(
        x.name,
        (emit) => {
          const patcher = new SheetPatcher(patch, emit);
          streamEntry(original, x, (chunk) => patcher.push(chunk));
          patcher.end();
        },
        x,
      );
    } else if (whole) zip.add(x.name, whole, x);
    else zip.copy(original, x);
  }
  if (!byName.has(wbRelsPath.toLowerCase())) zip.add(wbRelsPath, changed.get(wbRelsPath.toLowerCase()) as Uint8Array);
  const styles = book.toBytes();
  const stylesEntry = stylesKey ? byName.get(stylesKey) : undefined;
  if (stylesEntry && !stylesNew) {
    if (styles === stylesPart) zip.copy(original, stylesEntry);
    else zip.add(stylesEntry.name, styles, stylesEntry);
  }
  if (stylesNew) zip.add(stylesName, styles);
  zip.add(reportPath, bytes(report.xml));
  if (layout.chart && drawingPath && chartPath) {
    zip.add(
      relsPathOf(reportPath),
      bytes(relsXml([{ id: 'rId1', type: DRAWING_REL, target: relTarget(reportPath, drawingPath) }])),
    );
    zip.add(drawingPath, bytes(drawingXml(layout.chart, 'rId1')));
    zip.add(
      relsPathOf(drawingPath),
      bytes(relsXml([{ id: 'rId1', type: CHART_REL, target: relTarget(drawingPath, chartPath) }])),
    );
    zip.add(chartPath, bytes(chartXml(layout, layout.chart)));
  }
  zip.finish(entries.map((x) => x.name));
  return { reportSheet: sheetName, statusColumns: notes };
}
