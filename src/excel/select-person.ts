/**
 * Going to a person's row by identity, not by address: since the evaluation the user may have
 * inserted rows, moved columns or renamed the sheet. The sheet is found by its worksheet id when
 * known (WorksheetCollection.getItemOrNullObject takes a name or an id), the name cell is read, and
 * the row is selected only when it still holds that name — otherwise nothing is selected and the
 * caller says so. One Excel.run, up to three syncs (sheet, name cell, selection), never a loop.
 */
import { cellFromOffice, columnLetters, displayText } from '../workbook/grid';
import { ExcelEnv } from './env';
import { fromOfficeError } from './errors';

export interface PersonPlace {
  /** The sheet's name at the evaluation, and its worksheet id when known (it survives a rename). */
  readonly sheet: string;
  readonly sheetId?: string;
  /** 1-based row. */
  readonly row: number;
  /** 0-based column of the name, or null when the list has no name column. */
  readonly column: number | null;
  readonly name: string;
}

export type PersonSelection =
  | { readonly status: 'selected'; readonly sheet: string; readonly address: string }
  /** The row no longer holds that name (rows inserted or deleted, a name typed over): `found` is what it holds. */
  | { readonly status: 'moved'; readonly sheet: string; readonly address: string; readonly found: string }
  /** The sheet is gone, or the list has no name to check the row by. */
  | { readonly status: 'gone' };

/** Names compare as the pane shows them: NFC, spaces collapsed, trimmed. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
  return norm(a) === norm(b);
}

export async function selectPerson(env: ExcelEnv, p: PersonPlace): Promise<PersonSelection> {
  if (p.column === null || p.name.trim() === '') return { status: 'gone' };
  const column = p.column;
  try {
    return await env.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(p.sheetId ?? p.sheet);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) return { status: 'gone' } as const;
      const address = `${columnLetters(column)}${p.row}`;
      const cell = ws.getRange(address);
      cell.load('values');
      await context.sync();
      const found = displayText(cellFromOffice(cell.values[0]?.[0]));
      if (!sameName(found, p.name)) return { status: 'moved', sheet: ws.name, address, found: found.trim() } as const;
      ws.activate();
      cell.select();
      await context.sync();
      return { status: 'selected', sheet: ws.name, address } as const;
    });
  } catch (e) {
    throw fromOfficeError(e, p.sheet);
  }
}

/** Worksheet ids by name, to find a sheet again after a rename. One sync. */
export async function sheetIds(env: ExcelEnv): Promise<Map<string, string>> {
  try {
    return await env.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/id');
      await context.sync();
      return new Map(sheets.items.map((s) => [s.name, s.id]));
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}
