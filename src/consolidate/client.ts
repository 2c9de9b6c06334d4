/**
 * The page's side of the consolidation worker: starts `consolidate-worker.js` (beside the page's
 * script), forwards progress, and terminates the worker when the user cancels.
 */
import type { Consolidation } from '../report/consolidate';
import { ConsolidateRequest, TooManyFiles, WorkerMessage } from './protocol';

export interface ConsolidateRun {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Thrown when the run was cancelled (the caller maps it to its own "cancelled"). */
export class ConsolidateCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ConsolidateCancelled';
  }
}

export function workerConsolidator(scriptUrl = 'consolidate-worker.js') {
  return (request: ConsolidateRequest, run: ConsolidateRun = {}): Promise<Consolidation> =>
    new Promise<Consolidation>((resolve, reject) => {
      if (run.signal?.aborted) return reject(new ConsolidateCancelled());
      const worker = new Worker(new URL(scriptUrl, document.baseURI));
      const stop = () => {
        worker.terminate();
        reject(new ConsolidateCancelled());
      };
      run.signal?.addEventListener('abort', stop, { once: true });
      const finish = () => {
        run.signal?.removeEventListener('abort', stop);
        worker.terminate();
      };
      worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
        const m = e.data;
        if (m.type === 'progress') run.onProgress?.(m.done, m.total);
        else if (m.type === 'done') {
          finish();
          resolve(m.result);
        } else {
          finish();
          reject(m.tooMany !== undefined ? new TooManyFiles(m.tooMany) : new Error(m.message));
        }
      };
      worker.onerror = (e) => {
        finish();
        reject(new Error(e.message || 'worker error'));
      };
      worker.postMessage(request);
    });
}
