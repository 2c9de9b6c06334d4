/**
 * The project's own .xlsx reader: bytes in, the engine's grid out. Pure (no fs, no exceljs, and
 * no inflater of its own: the caller gives one). Read through read-xlsx.ts (synchronous, fflate:
 * the browser preview, consolidation, tests) or src/xlsx/file.ts (the command line: Node's zlib,
 * big sheets streamed).
 *
 *   const book = readXlsx(bytes, { name: 'ds.xlsx' });   // read-xlsx.ts
 *   book.grid          // WorkbookGrid: sheets in workbook order (values, merges, tables, hidden)
 *   book.sheets[i]     // { grid, state: 'visible' | 'hidden' | 'veryHidden', extras? }
 *   book.date1904      // dates are given as 1900-system serials either way
 *   readXlsx(bytes, { extras: true })   // + formulas, cell styles, column widths, hidden rows
 *   book.styles        // per cell style: number format, date or not, bold, fill
 *
 * Anything wrong with the file throws WorkbookFileError (src/xlsx/errors.ts) naming `name`:
 * .xls / encrypted / .ods / not a workbook / damaged / a part inflating beyond the cap or ratio
 * (too_large) / rows, columns, shared strings or cells beyond the limits (beyond_limits). A sheet
 * whose XML is malformed is listed in `grid.unreadable` and the others are read.
 */
import { SheetGrid, TableInfo, WorkbookGrid } from '../workbook/grid';
import { WorkbookFileError } from './errors';
import { TooManyStrings, readSharedStrings } from './shared-strings';
import { BeyondLimits, SheetCells, SheetContext, SheetExtras, rangeRef, readSheet } from './sheet-read';
import { CellStyles, NO_STYLES, readStyles } from './styles';
import { CLOSE, END, OPEN, XmlProblem, XmlScanner } from './xml-scan';
import { DEFAULT_ZIP_LIMITS, RawInflate, ZipArchive, ZipLimits, ZipProblem, openZip } from './zip';

export interface XlsxLimits extends ZipLimits {
  /** Most entries in the shared strings table. */
  readonly maxSharedStrings: number;
  /** Most non-empty cells kept, all sheets together. */
  readonly maxCells: number;
}

export const DEFAULT_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxSharedStrings: 5_000_000,
  maxCells: 40_000_000,
};

export interface ReadXlsxOptions {
  /** The file as messages name it. */
  readonly name?: string;
  readonly limits?: Partial<XlsxLimits>;
  /** Also collect what the preview shows: formulas, cell styles, columns, hidden rows. */
  readonly extras?: boolean;
  /** The DEFLATE inflater (read-xlsx.ts: fflate unless given; src/xlsx/file.ts: Node's zlib). */
  readonly inflate?: RawInflate;
}

/** Options with the inflater chosen (what this module's readers are given). */
export type InflatingOptions = ReadXlsxOptions & { readonly inflate: RawInflate };

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface XlsxSheet {
  readonly grid: SheetGrid;
  readonly state: SheetState;
  readonly extras?: SheetExtras;
}

export interface XlsxBook {
  readonly grid: WorkbookGrid;
  readonly sheets: readonly XlsxSheet[];
  readonly date1904: boolean;
  readonly styles: CellStyles;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const ENCRYPTED_STREAM = utf16le('EncryptedPackage');
const ODS_MIME = ascii('application/vnd.oasis.opendocument.spreadsheet');

function ascii(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function utf16le(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) out[i * 2] = s.charCodeAt(i);
  return out;
}

function startsWith(b: Uint8Array, head: readonly number[]): boolean {
  return head.every((x, i) => b[i] === x);
}

/** Whether `needle` occurs in `hay` (within its first `limit` bytes). */
export function hasBytes(hay: Uint8Array, needle: Uint8Array, limit = hay.length): boolean {
  const end = Math.min(limit, hay.length) - needle.length;
  for (let i = hay.indexOf(needle[0]); i >= 0 && i <= end; i = hay.indexOf(needle[0], i + 1)) {
    let k = 1;
    while (k < needle.length && hay[i + k] === needle[k]) k++;
    if (k === needle.length) return true;
  }
  return false;
}

/** What kind of file this is, from its first bytes: throws for anything but a zip. */
export function sniffBytes(b: Uint8Array, name: string): void {
  if (b.length === 0) throw new WorkbookFileError('empty_file', name);
  if (startsWith(b, OLE)) throw new WorkbookFileError(hasBytes(b, ENCRYPTED_STREAM) ? 'encrypted' : 'legacy_xls', name);
  if (!startsWith(b, ZIP) && !startsWith(b, ZIP_EMPTY)) throw new WorkbookFileError('not_spreadsheet', name);
  if (hasBytes(b, ODS_MIME, 200)) throw new WorkbookFileError('ods', name);
}

interface Rel {
  readonly target: string;
  readonly type: string;
}

/** A relationship target resolved against the part that names it. */
export function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

function relsPath(part: string): string {
  const at = part.lastIndexOf('/');
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

function relationships(zip: ZipArchive, part: string): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  const bytes = zip.read(relsPath(part));
  if (!bytes) return rels;
  const x = new XmlScanner(bytes, relsPath(part));
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN || !x.is('Relationship') || x.attr('TargetMode') === 'External') continue;
    const id = x.attr('Id');
    const target = x.attr('Target');
    if (id && target) rels.set(id, { target: resolvePart(part, target), type: x.attr('Type') ?? '' });
  }
  return rels;
}

const ofType = (rels: Map<string, Rel>, suffix: string): Rel | undefined =>
  [...rels.values()].find((r) => r.type.endsWith(suffix));

interface SheetEntry {
  readonly name: string;
  readonly state: SheetState;
  readonly part: string | null;
}

function workbookPart(zip: ZipArchive): string | null {
  const root = relationships(zip, '');
  const doc = ofType(root, '/officeDocument');
  if (doc && zip.has(doc.target)) return doc.target;
  return zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : null;
}

function readWorkbookPart(zip: ZipArchive, part: string): { sheets: SheetEntry[]; date1904: boolean; rels: Map<string, Rel> } {
  const rels = relationships(zip, part);
  const x = new XmlScanner(zip.read(part) as Uint8Array, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t !== OPEN) continue;
    if (x.is('workbookPr')) date1904 = x.attrTrue('date1904');
    else if (x.is('sheet')) {
      const state = x.attr('state');
      const rel = rels.get(x.attr('id') ?? '');
      // Chart sheets, dialog and macro sheets hold no cells.
      if (rel && !rel.type.endsWith('/worksheet')) continue;
      sheets.push({
        name: x.attr('name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        part: rel ? rel.target : null,
      });
    } else if (!x.is('workbook') && !x.is('sheets')) x.skipElement();
  }
  return { sheets, date1904, rels };
}

function readTable(zip: ZipArchive, part: string): TableInfo | null {
  const bytes = zip.read(part);
  if (!bytes) return null;
  const x = new XmlScanner(bytes, part);
  for (let t = x.next(); t !== END; t = x.next()) {
    if (t === OPEN && x.is('table')) {
      const range = rangeRef(x.attr('ref') ?? '');
      return range ? { name: x.attr('displayName') ?? x.attr('name') ?? '', range } : null;
    }
    if (t === CLOSE) break;
  }
  return null;
}

/** A worksheet part to read, and what to read it with. */
export interface SheetRequest {
  readonly zip: ZipArchive;
  readonly part: string;
  readonly ctx: SheetContext;
}

/**
 * The reading of a package, as steps: it yields each worksheet part it needs and is given back
 * its cells (or the XmlProblem that made it unreadable) — so one body serves the synchronous
 * reader (parts inflated whole) and the streaming one (src/xlsx/file.ts: parts read as they are
 * inflated).
 */
function* readSteps(bytes: Uint8Array, options: InflatingOptions): Generator<SheetRequest, XlsxBook, SheetCells | XmlProblem> {
  const name = options.name ?? 'workbook.xlsx';
  const limits: XlsxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  sniffBytes(bytes, name);
  const zip = openZip(bytes, limits, options.inflate);
  const wbPart = workbookPart(zip);
  if (wbPart === null) throw new WorkbookFileError('not_spreadsheet', name);
  const wb = readWorkbookPart(zip, wbPart);
  if (wb.sheets.length === 0) throw new WorkbookFileError('no_sheets', name);
  const sstRel = ofType(wb.rels, '/sharedStrings');
  const sstPart = sstRel?.target ?? 'xl/sharedStrings.xml';
  const sstBytes = zip.read(sstPart);
  // Without the strings the workbook names, every text cell would read as blank: damaged, said so.
  if (sstRel && !sstBytes) throw new ZipProblem('corrupt', `${sstPart}: part missing`);
  const sharedStrings = sstBytes ? readSharedStrings(sstBytes, sstPart, limits.maxSharedStrings) : [];
  const stylesPart = ofType(wb.rels, '/styles')?.target ?? 'xl/styles.xml';
  const stylesBytes = zip.read(stylesPart);
  const styles = stylesBytes ? readStyles(stylesBytes, stylesPart) : NO_STYLES;
  const budget = { cells: limits.maxCells, max: limits.maxCells };
  const sheets: XlsxSheet[] = [];
  const unreadable: Array<{ sheet: string; reason: string }> = [];
  for (const s of wb.sheets) {
    if (!s.part || !zip.has(s.part)) {
      unreadable.push({ sheet: s.name, reason: `${s.part ?? s.name}: part missing` });
      continue;
    }
    const cells = yield {
      zip,
      part: s.part,
      ctx: { part: s.part, sharedStrings, styles, date1904: wb.date1904, extras: options.extras === true, budget },
    };
    if (cells instanceof XmlProblem) {
      unreadable.push({ sheet: s.name, reason: cells.message });
      continue;
    }
    const sheetRels = relationships(zip, s.part);
    const tables: TableInfo[] = [];
    for (const id of cells.tableParts) {
      const rel = sheetRels.get(id);
      const table = rel ? readTable(zip, rel.target) : null;
      if (table) tables.push(table);
    }
    const grid: SheetGrid = {
      name: s.name,
      rows: cells.rows,
      originRow: 0,
      originCol: 0,
      merges: cells.merges,
      tables,
      hidden: s.state !== 'visible',
    };
    sheets.push({ grid, state: s.state, ...(cells.extras ? { extras: cells.extras } : {}) });
  }
  return { grid: { sheets: sheets.map((s) => s.grid), unreadable }, sheets, date1904: wb.date1904, styles };
}

/** Anything thrown while reading, as the one WorkbookFileError the caller reports. */
function fileError(e: unknown, bytes: Uint8Array, name: string, zip: ZipArchive | null): WorkbookFileError {
  if (e instanceof WorkbookFileError) return e;
  if (e instanceof BeyondLimits) return new WorkbookFileError('beyond_limits', name, e.detail);
  if (e instanceof TooManyStrings) return new WorkbookFileError('beyond_limits', name, e.message);
  if (e instanceof ZipProblem) {
    if (e.kind === 'too_large') return new WorkbookFileError('too_large', name, e.message);
    if (e.kind === 'encrypted') return new WorkbookFileError('encrypted', name);
  }
  const names = zip ? zip.names : null;
  const otherOffice = names
    ? !names.some((n) => n.startsWith('xl/')) && names.some((n) => n.startsWith('word/') || n.startsWith('ppt/'))
    : !hasBytes(bytes, ascii('xl/')) && (hasBytes(bytes, ascii('word/')) || hasBytes(bytes, ascii('ppt/')));
  if (otherOffice) return new WorkbookFileError('not_spreadsheet', name);
  return new WorkbookFileError('corrupt', name, e instanceof Error ? e.message.split('\n')[0] : String(e));
}

/** A sheet part's cells, or the XmlProblem that makes it unreadable (other errors are thrown). */
function unlessMalformed(read: () => SheetCells): SheetCells | XmlProblem {
  try {
    return read();
  } catch (e) {
    if (e instanceof XmlProblem) return e;
    throw e;
  }
}

/** Reads an .xlsx package's bytes into the grid, each part inflated whole (see read-xlsx.ts). */
export function readXlsxWhole(bytes: Uint8Array, options: InflatingOptions): XlsxBook {
  const steps = readSteps(bytes, options);
  let zip: ZipArchive | null = null;
  try {
    let step = steps.next();
    while (!step.done) {
      const { part, ctx } = step.value;
      zip = step.value.zip;
      const sheetBytes = zip.read(part) as Uint8Array;
      step = steps.next(unlessMalformed(() => readSheet(sheetBytes, ctx)));
    }
    return step.value;
  } catch (e) {
    throw fileError(e, bytes, options.name ?? 'workbook.xlsx', zip);
  }
}

/**
 * As readXlsxWhole, with each worksheet part read by `readPart` (which may stream it: src/xlsx/file.ts);
 * an XmlProblem from it makes the sheet unreadable, anything else is the file's problem.
 */
export async function readXlsxWith(
  bytes: Uint8Array,
  options: InflatingOptions,
  readPart: (request: SheetRequest) => Promise<SheetCells>,
): Promise<XlsxBook> {
  const steps = readSteps(bytes, options);
  let zip: ZipArchive | null = null;
  try {
    let step = steps.next();
    while (!step.done) {
      zip = step.value.zip;
      let cells: SheetCells | XmlProblem;
      try {
        cells = await readPart(step.value);
      } catch (e) {
        if (!(e instanceof XmlProblem)) throw e;
        cells = e;
      }
      step = steps.next(cells);
    }
    return step.value;
  } catch (e) {
    throw fileError(e, bytes, options.name ?? 'workbook.xlsx', zip);
  }
}
