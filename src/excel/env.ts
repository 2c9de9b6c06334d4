/**
 * What the adapter needs from its surroundings, passed in so that the same code runs against
 * Excel (Excel.run, Office.context.requirements) and against the in-memory test double.
 */
import { AddinError } from './errors';

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelEnv {
  readonly run: ExcelRun;
  /** Whether Office supports a requirement set ("ExcelApi", "1.9"). */
  supports(set: string, version: string): boolean;
  /** Opens a new workbook from a base64 .xlsx (Excel.createWorkbook, ExcelApi 1.8); absent where unsupported. */
  readonly createWorkbook?: (base64: string) => Promise<void>;
}

/**
 * The environment inside Excel. Only call once Office is ready. Batches wait while the user is
 * editing a cell instead of failing (docs "Delay execution while cell is being edited":
 * `Excel.run({ delayForCellEdit: true }, …)`; Excel.RunOptions in the typings), where Excel has
 * the option (ExcelApi 1.11, the set that brought cell-edit detection); elsewhere a batch sent
 * during a cell edit fails and errors.ts says what to do.
 */
export function officeEnv(): ExcelEnv {
  const delay = Office.context.requirements.isSetSupported('ExcelApi', '1.11');
  return {
    run: (batch) => (delay ? Excel.run({ delayForCellEdit: true }, batch) : Excel.run(batch)),
    supports: (set, version) => Office.context.requirements.isSetSupported(set, version),
    ...(Office.context.requirements.isSetSupported('ExcelApi', '1.8')
      ? { createWorkbook: (base64: string) => Excel.createWorkbook(base64) }
      : {}),
  };
}

/** Throws the "cancelled" error when the user has cancelled; called between syncs, never mid-write. */
export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AddinError('cancelled');
}
