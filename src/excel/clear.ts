/**
 * "Xóa màu": removes exactly what the add-in added — its status columns, its row-coloring rules
 * and, when asked, its report sheets — so the workbook's values and formats are as before.
 * Two syncs: one to find the add-in's things, one to remove them.
 */
import { ExcelEnv } from './env';
import { AddinError, fromOfficeError } from './errors';
import { EMPTY_STATE, STATE_KEY, parseState } from './state';
import { OWN_RULE_LOAD, isOwnStatusRule } from './own-rules';

export interface ClearOptions {
  /** Also delete the report sheets the add-in made. */
  readonly reports: boolean;
}

export interface ClearOutcome {
  readonly statusColumns: number;
  readonly rules: number;
  readonly reportSheets: number;
}

export async function clearAdded(env: ExcelEnv, o: ClearOptions): Promise<ClearOutcome> {
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      const setting = wb.settings.getItemOrNullObject(STATE_KEY);
      setting.load('value');
      wb.worksheets.load('items/name');
      await context.sync();
      const state = setting.isNullObject ? EMPTY_STATE : parseState(setting.value);
      const names = new Set(wb.worksheets.items.map((w) => w.name));
      const columns = (state.statusColumns ?? []).filter((c) => names.has(c.sheet));
      const sheets = [...new Set(columns.map((c) => c.sheet))];
      const protection = sheets.map((name) => {
        const ws = wb.worksheets.getItem(name);
        ws.protection.load('protected');
        const cfs = wb.worksheets.getItem(name).getRange().conditionalFormats;
        cfs.load(OWN_RULE_LOAD);
        return { name, ws, cfs };
      });
      wb.protection.load('protected');
      await context.sync();
      const locked = protection.find((p) => p.ws.protection.protected);
      if (locked) throw new AddinError('sheet_protected', { sheet: locked.name });
      const reports = o.reports ? (state.reportSheets ?? []).filter((n) => names.has(n)) : [];
      if (reports.length > 0 && wb.protection.protected) throw new AddinError('workbook_protected');

      let rules = 0;
      for (const { cfs } of protection) {
        for (const cf of cfs.items) {
          if (isOwnStatusRule(cf)) {
            cf.delete();
            rules++;
          }
        }
      }
      for (const c of columns)
        wb.worksheets
          .getItem(c.sheet)
          .getRangeByIndexes(c.top, c.column, c.bottom - c.top + 1, 1)
          .clear('Contents');
      for (const name of reports) wb.worksheets.getItem(name).delete();
      const remaining = (state.reportSheets ?? []).filter((n) => names.has(n) && !reports.includes(n));
      wb.settings.add(STATE_KEY, JSON.stringify({ ...state, statusColumns: [], reportSheets: remaining }));
      await context.sync();
      return { statusColumns: columns.length, rules, reportSheets: reports.length };
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}
