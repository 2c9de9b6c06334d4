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

/** The environment inside Excel. Only call once Office is ready. */
export function officeEnv(): ExcelEnv {
  return {
    run: (batch) => Excel.run(batch),
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
