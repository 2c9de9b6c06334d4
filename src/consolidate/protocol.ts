/** Messages between the page and the consolidation worker (worker.ts, client.ts). */
import type { Plan } from '../plan';
import type { Consolidation } from '../report/consolidate';

export interface ConsolidateRequest {
  readonly files: readonly File[];
  readonly plan: Plan;
  readonly year: number;
  readonly inclusive: boolean;
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly result: Consolidation }
  | { readonly type: 'failed'; readonly message: string; readonly tooMany?: number };

/** Too many files at once: the pane says so before reading any. */
export class TooManyFiles extends Error {
  constructor(readonly count: number) {
    super(`${count} files`);
    this.name = 'TooManyFiles';
  }
}
