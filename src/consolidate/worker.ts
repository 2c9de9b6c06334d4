/**
 * The consolidation worker (its own webpack entry, consolidate-worker.js): reads the picked files
 * one after another with the project's reader and evaluates them together, posting progress after
 * each file, so the pane stays responsive. Cancelling terminates the worker.
 */
import { TooManyFiles, consolidateFiles } from './core';
import type { ConsolidateRequest, WorkerMessage } from './protocol';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ConsolidateRequest>) => void) | null;
  postMessage(m: WorkerMessage): void;
}

const scope = self as unknown as WorkerScope;
const post = (m: WorkerMessage) => scope.postMessage(m);

scope.onmessage = (e) => {
  const { files, plan, year, inclusive } = e.data;
  consolidateFiles(
    files.length,
    async (i) => ({ name: files[i].name, bytes: new Uint8Array(await files[i].arrayBuffer()) }),
    { plan, year, inclusive },
    (done, total) => post({ type: 'progress', done, total }),
  ).then(
    (result) => {
      if (result) post({ type: 'done', result });
    },
    (err: unknown) =>
      post({
        type: 'failed',
        message: err instanceof Error ? err.message : String(err),
        ...(err instanceof TooManyFiles ? { tooMany: err.count } : {}),
      }),
  );
};
