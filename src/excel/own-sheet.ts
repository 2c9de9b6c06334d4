/**
 * Writing one more sheet of the add-in's own — the period summary, the training-needed list —
 * exactly as the yearly report sheet is written (write.ts), in three syncs of one Excel.run:
 *
 *  1. the proof (own.ts): which saved report sheets still exist under the saved worksheet id and
 *     hold the values the add-in wrote, and the workbook's sheet names;
 *  2. the content: the add-in's unedited sheet of that name deleted, the new sheet added and
 *     written (2-D arrays, formats on ranges; text cells "@" so a name "=1+1" stays text), the
 *     saved state without the replaced sheet;
 *  3. guarded: the new sheet's id in the saved state, then what only makes it look or work better
 *     (chart, frozen header, table, links, print setup) — a host refusing one of those does not
 *     lose the sheet or the add-in's knowledge of it.
 *
 * A sheet of the add-in's that the user edited is kept and the new one gets another name; a sheet
 * of that name the add-in cannot prove it made is never deleted. If Excel refuses step 2, the
 * sheet it may have added is taken out again.
 */
import { Lang } from '../i18n';
import { ReportLayout, chooseReportSheetName } from '../report/layout';
import { ExcelEnv, checkCancelled } from './env';
import { AddinError, fromOfficeError } from './errors';
import { fingerprint, queueProof, readProof } from './own';
import { WorkbookRead } from './read';
import { renderCosmetics, renderReport, valueOf } from './report-sheet';
import { STATE_KEY, SavedReport, SavedState } from './state';

export interface OwnSheetJob<L extends ReportLayout> {
  readonly kind: 'period' | 'training';
  /** The sheet's name when free ("Tổng kết CCHC 2022–2025"); "(2)", "(3)" … otherwise. */
  readonly base: string;
  readonly layout: (sheetName: string) => L;
  /** Queued with the content (sync 2): what the sheet needs to be right, e.g. colors by rule. */
  readonly content?: (ws: Excel.Worksheet, layout: L) => void;
  /** Queued after the id is saved (sync 3, guarded): what only makes it look or work better. */
  readonly extras?: (ws: Excel.Worksheet, layout: L, env: ExcelEnv) => void;
}

export interface OwnSheetOutcome {
  readonly sheet: string;
  /** The add-in's sheet of that name that the user edited: kept, the new one has another name. */
  readonly kept: string | null;
  readonly syncs: number;
  /** The read with the saved state brought up to date (the next write proves from it). */
  readonly read: WorkbookRead;
}

/** The saved reports still the add-in's after this write: the replaced one forgotten, names current. */
function remaining(own: Awaited<ReturnType<typeof readProof>>, replaced: SavedReport | null): SavedReport[] {
  return own.reports
    .filter((r) => r.saved !== replaced)
    .map((r) => {
      const { issues: _issues, ...saved } = r.saved;
      return r.issues
        ? {
            ...saved,
            name: r.name,
            issues: { ...r.saved.issues, id: r.issues.id, name: r.issues.name, rows: r.saved.issues?.rows ?? 0 },
          }
        : { ...saved, name: r.name };
    });
}

export async function writeOwnSheet<L extends ReportLayout>(
  env: ExcelEnv,
  read: WorkbookRead,
  job: OwnSheetJob<L>,
  o: { readonly lang: Lang; readonly signal?: AbortSignal },
): Promise<OwnSheetOutcome> {
  if (read.readOnly) throw new AddinError('read_only');
  if (read.workbookProtected) throw new AddinError('workbook_protected');
  checkCancelled(o.signal);
  // The sheet this write added, until its content is in (a refused content sync takes it out).
  const pending: { sheet: { name: string; old: string | null } | null } = { sheet: null };
  try {
    return await env.run(async (context) => {
      const wb = context.workbook;
      const proof = queueProof(wb, read.state, [], true, env.supports('ExcelApi', '1.14'));
      wb.worksheets.load('items/name');
      await context.sync();
      const own = await readProof(context, proof);
      checkCancelled(o.signal);

      const existing = wb.worksheets.items.map((w) => w.name);
      const unedited = own.reports.filter((r) => !r.edited);
      const name = chooseReportSheetName(
        job.base,
        existing,
        unedited.map((r) => r.name),
      );
      const replaced = unedited.find((r) => r.name.toLowerCase() === name.toLowerCase()) ?? null;
      const edited = own.reports.find((r) => r.edited && r.name.toLowerCase() === job.base.toLowerCase());
      const layout = job.layout(name);

      context.application.suspendApiCalculationUntilNextSync();
      if (env.supports('ExcelApi', '1.9')) context.application.suspendScreenUpdatingUntilNextSync();
      if (replaced) {
        wb.worksheets.getItem(replaced.saved.id).delete();
        if (replaced.issues && !replaced.issues.edited) wb.worksheets.getItem(replaced.issues.id).delete();
      }
      const ws = wb.worksheets.add(name);
      pending.sheet = { name, old: replaced?.saved.id ?? null };
      renderReport(ws, layout, o.lang);
      job.content?.(ws, layout);
      ws.activate();
      ws.load('id');
      const kept = remaining(own, replaced?.saved ?? null);
      const state = (reports: readonly SavedReport[]): SavedState => {
        const { reportSheets: _legacy, ...rest } = read.state;
        return { ...rest, reports };
      };
      wb.settings.add(STATE_KEY, JSON.stringify(state(kept)));
      await context.sync();
      pending.sheet = null;

      const mine: SavedReport = {
        id: ws.id,
        name,
        rows: layout.rows.length,
        columns: layout.width,
        print: fingerprint(layout.rows.map((row) => row.map(valueOf))),
        kind: job.kind,
      };
      const saved = state([...kept, mine]);
      wb.settings.add(STATE_KEY, JSON.stringify(saved));
      renderCosmetics(ws, layout, env);
      job.extras?.(ws, layout, env);
      try {
        await context.sync();
      } catch {
        // A chart, table, link or print setup refused: the sheet is there and remembered all the same.
      }
      const sheets = [
        ...read.sheets.filter((s) => s.name.toLowerCase() !== name.toLowerCase()),
        { name, visible: true, protected: false, used: null },
      ];
      return { sheet: name, kept: edited ? edited.name : null, syncs: 3, read: { ...read, sheets, state: saved } };
    });
  } catch (err) {
    const error = fromOfficeError(err);
    const what = pending.sheet;
    if (what === null) throw error;
    try {
      await removeAdded(env, what.name, what.old);
    } catch (again) {
      throw new AddinError('rollback_failed', {
        officeCode: error.detail.officeCode,
        text: `${error.detail.officeCode ?? ''} ${fromOfficeError(again).detail.officeCode ?? ''}`.trim(),
      });
    }
    throw error;
  }
}

/** After a refused content sync: the sheet it added (by a name that was free or the replaced one's), gone. */
async function removeAdded(env: ExcelEnv, name: string, old: string | null): Promise<void> {
  await env.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    ws.load('id');
    await context.sync();
    if (!ws.isNullObject && ws.id !== old) {
      ws.delete();
      await context.sync();
    }
  });
}
