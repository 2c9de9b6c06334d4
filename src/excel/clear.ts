/**
 * "Xóa màu": removes exactly what the add-in added and can prove it added (own.ts) — its status
 * columns (their header and status words; text the user typed there stays), its row-coloring
 * rules and, when asked, its report sheets that nobody edited — so the workbook's values and
 * formats are as before. A sheet, column or rule it cannot prove is its own is left alone, whatever
 * the saved settings say. Three syncs: the settings, the proof, the removal.
 */
import { ExcelEnv } from './env';
import { AddinError, fromOfficeError } from './errors';
import { clearColumn, deleteRules, queueProof, readProof } from './own';
import { EMPTY_STATE, STATE_KEY, SavedState, parseState } from './state';

export interface ClearOptions {
  /** Also delete the report sheets the add-in made. */
  readonly reports: boolean;
}

export interface ClearOutcome {
  readonly statusColumns: number;
  readonly rules: number;
  readonly reportSheets: number;
  /** Report sheets of the add-in's that the user edited: kept. */
  readonly keptReports: readonly string[];
}

export async function clearAdded(env: ExcelEnv, o: ClearOptions): Promise<ClearOutcome> {
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      const setting = wb.settings.getItemOrNullObject(STATE_KEY);
      setting.load('value');
      await context.sync();
      const state = setting.isNullObject ? EMPTY_STATE : parseState(setting.value);
      const proof = queueProof(
        wb,
        state,
        (state.statusColumns ?? []).map((c) => c.sheet),
        o.reports,
        env.supports('ExcelApi', '1.14'),
      );
      const protection = [...new Set((state.statusColumns ?? []).map((c) => c.sheet))].map((name) => {
        const ws = wb.worksheets.getItemOrNullObject(name);
        ws.protection.load('protected');
        return { name, ws };
      });
      wb.protection.load('protected');
      await context.sync();
      const own = await readProof(context, proof);
      const touched = new Set([...own.columns.map((c) => c.sheet), ...own.rules.map((r) => r.sheet)]);
      const locked = protection.find((p) => touched.has(p.name) && !p.ws.isNullObject && p.ws.protection.protected);
      if (locked) throw new AddinError('sheet_protected', { sheet: locked.name });
      const reports = own.reports.filter((r) => !r.edited);
      if (reports.length > 0 && wb.protection.protected) throw new AddinError('workbook_protected');

      deleteRules(wb, own.rules);
      for (const c of own.columns) {
        clearColumn(wb, c);
        wb.names.getItem(c.name).delete();
      }
      for (const r of reports) {
        wb.worksheets.getItem(r.saved.id).delete();
        if (r.issues && !r.issues.edited) wb.worksheets.getItem(r.issues.id).delete();
      }
      const { reportSheets: _legacy, ...rest } = state;
      const next: SavedState = {
        ...rest,
        statusColumns: [],
        reports: o.reports
          ? own.reports.filter((r) => r.edited).map((r) => ({ ...r.saved, name: r.name }))
          : (state.reports ?? []),
      };
      wb.settings.add(STATE_KEY, JSON.stringify(next));
      await context.sync();
      return {
        statusColumns: own.columns.length,
        rules: own.rules.length,
        reportSheets: reports.length,
        keptReports: own.reports.filter((r) => r.edited).map((r) => r.name),
      };
    });
  } catch (e) {
    throw fromOfficeError(e);
  }
}
