/**
 * The standard entry template as an exceljs workbook (layout in src/report/template.ts): the three
 * lists as Excel tables with the canonical headers, an instructions sheet, a very hidden catalogue
 * sheet for the drop-downs, and data validation with Vietnamese input messages on TEMPLATE_ROWS
 * rows under each header. No Node: the command line (template-write.ts) and the task pane (which
 * loads exceljs' browser build on demand) both build it here, from the exceljs they were given.
 */
import type ExcelJS from 'exceljs';
import { UNIT_KIND_TEXT } from '../i18n';
import { UnitKind } from '../plan/types';
import {
  CATALOG,
  CATALOG_HEADERS,
  RULE_TEXT,
  Rule,
  TEMPLATE_ROWS,
  TEMPLATE_SHEETS,
  TemplateList,
  YEAR_RANGE,
  instructionLines,
  templateLists,
} from '../report/template';
import { columnLetters } from '../workbook/grid';

export interface TemplateUnit {
  readonly name: string;
  readonly kind: UnitKind | null;
}

export interface TemplateOptions {
  /** Units to pre-fill (a district handing the form to its wards). */
  readonly units?: readonly TemplateUnit[];
}

/** The exceljs module (Node's import, or the browser build loaded on demand). */
export type ExcelJSLib = typeof ExcelJS;

type Validation = ExcelJS.DataValidation;
interface WithValidations {
  dataValidations: { add(address: string, v: Validation): void };
}

const CATALOG_KEYS = Object.keys(CATALOG) as Array<keyof typeof CATALOG>;

function catalogRange(key: keyof typeof CATALOG): string {
  const col = columnLetters(CATALOG_KEYS.indexOf(key));
  return `'${TEMPLATE_SHEETS.catalog}'!$${col}$2:$${col}$${CATALOG[key].length + 1}`;
}

/** A year YEAR_RANGE or a date within it: `cell` is the top-left cell of the validated range. */
function yearOrDate(cell: string): string {
  const { from, to } = YEAR_RANGE;
  return `AND(ISNUMBER(${cell}),OR(AND(${cell}>=${from},${cell}<=${to},INT(${cell})=${cell}),AND(${cell}>=DATE(${from},1,1),${cell}<=DATE(${to},12,31))))`;
}

/** The validation for a rule, or null for free text. */
export function validationFor(rule: Rule, topCell: string, unitNames: string): Validation | null {
  if (rule === 'none') return null;
  const text = RULE_TEXT[rule];
  const base = {
    allowBlank: true,
    showInputMessage: true,
    promptTitle: text.title,
    prompt: text.prompt,
    showErrorMessage: true,
    errorTitle: text.title,
    error: text.error,
  };
  switch (rule) {
    case 'unit_name':
      // A warning only: a person may work in a unit the list does not have yet.
      return { ...base, type: 'list', formulae: [unitNames], errorStyle: 'warning' };
    case 'unit_kind':
    case 'activity_kind':
    case 'format':
    case 'marker':
      return { ...base, type: 'list', formulae: [catalogRange(rule)], errorStyle: 'stop' };
    case 'marker_or_year':
      return {
        ...base,
        type: 'custom',
        formulae: [`OR(${topCell}="x",${topCell}="có",${topCell}="✓",${yearOrDate(topCell)})`],
        errorStyle: 'stop',
      };
    case 'year':
      return { ...base, type: 'custom', formulae: [yearOrDate(topCell)], errorStyle: 'stop' };
    case 'count':
      return { ...base, type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], errorStyle: 'stop' };
  }
}

function addList(wb: ExcelJS.Workbook, list: TemplateList, rows: ExcelJS.CellValue[][]): void {
  const ws = wb.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addTable({
    name: list.table,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: list.columns.map((c) => ({ name: c.header, filterButton: true })),
    // A table needs at least one data row; a blank one is not data for the reader.
    rows: rows.length > 0 ? rows : [list.columns.map(() => null)],
  });
  list.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  ws.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  const unitsList = templateLists()[0];
  const unitCol = columnLetters(unitsList.columns.findIndex((c) => c.field === 'name'));
  const unitNames = `'${TEMPLATE_SHEETS.units}'!$${unitCol}$2:$${unitCol}$${TEMPLATE_ROWS + 1}`;
  list.columns.forEach((c, i) => {
    const col = columnLetters(i);
    const v = validationFor(c.rule, `${col}2`, unitNames);
    if (v) (ws as unknown as WithValidations).dataValidations.add(`${col}2:${col}${TEMPLATE_ROWS + 1}`, v);
  });
}

/** The template as a workbook. */
export function buildTemplate(lib: ExcelJSLib, o: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new lib.Workbook();
  const info = wb.addWorksheet(TEMPLATE_SHEETS.instructions);
  instructionLines().forEach((line, i) => {
    info.getCell(i + 1, 1).value = line;
  });
  info.getColumn(1).width = 120;
  info.getRow(1).font = { bold: true, size: 14 };
  const [units, staff, activities] = templateLists();
  const unitRows = (o.units ?? []).map((u, i) => [
    i + 1,
    u.name,
    u.kind ? UNIT_KIND_TEXT[u.kind].vi : null,
    ...units.columns.slice(3).map(() => null),
  ]);
  addList(wb, units, unitRows);
  addList(wb, staff, []);
  addList(wb, activities, []);
  const catalog = wb.addWorksheet(TEMPLATE_SHEETS.catalog, { state: 'veryHidden' });
  CATALOG_KEYS.forEach((key, c) => {
    catalog.getCell(1, c + 1).value = CATALOG_HEADERS[key];
    CATALOG[key].forEach((v, r) => {
      catalog.getCell(r + 2, c + 1).value = v;
    });
  });
  return wb;
}
