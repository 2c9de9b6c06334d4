/**
 * Long work in the pane, one job at a time: what is running (a string union, never a pile of
 * booleans), its progress, and cancelling it through an AbortController passed as `signal`.
 * A flow is a few steps in a row (insert the sample, then find the lists) under one controller.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RunOptions } from './actions';

export type Job =
  | 'detecting'
  | 'mapping'
  | 'evaluating'
  | 'coloring'
  | 'reporting'
  | 'clearing'
  | 'inserting'
  | 'insertingPlan'
  | 'consolidating'
  | 'makingTemplate'
  | 'selecting';

/** What the pane is doing. `cancelling`: Hủy was pressed and the action has not stopped yet. */
export type PaneState = 'idle' | Job | 'cancelling';

/** Jobs whose action takes a `signal` (the others cannot be stopped once sent to Excel). */
const CANCELLABLE: ReadonlySet<Job> = new Set<Job>([
  'detecting',
  'mapping',
  'evaluating',
  'coloring',
  'reporting',
  'consolidating',
]);
/** Jobs that only read: a result arriving after Hủy is dropped. A write that completed is kept. */
const READS: ReadonlySet<Job> = new Set<Job>(['detecting', 'mapping', 'evaluating', 'selecting']);

export function isCancellable(state: PaneState): boolean {
  return state !== 'idle' && state !== 'cancelling' && CANCELLABLE.has(state);
}

export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** Runs one job of a flow and gives back its result; throws when the flow was cancelled. */
export type Step = <T>(job: Job, work: (o: RunOptions) => Promise<T>) => Promise<T>;

export type Outcome<T> =
  | { readonly status: 'done'; readonly value: T }
  /** `wrote`: a writing step had finished before the cancel (so "nothing was written" is untrue). */
  | { readonly status: 'cancelled'; readonly wrote: boolean }
  | { readonly status: 'failed'; readonly error: unknown }
  /** Another job was running, or the pane was closed: nothing was started or the result is moot. */
  | { readonly status: 'refused' };

class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

/** The adapter's "cancelled" (AddinError code), a DOM AbortError, or our own marker. */
function isCancel(e: unknown): boolean {
  if (e instanceof Cancelled) return true;
  if (typeof e !== 'object' || e === null) return false;
  const { code, name } = e as { code?: unknown; name?: unknown };
  return code === 'cancelled' || name === 'AbortError';
}

interface Running {
  readonly controller: AbortController;
}

export interface Jobs {
  readonly state: PaneState;
  readonly progress: Progress | null;
  run<T>(flow: (step: Step) => Promise<T>): Promise<Outcome<T>>;
  cancel(): void;
}

export function useJobs(): Jobs {
  const [state, setState] = useState<PaneState>('idle');
  const [progress, setProgress] = useState<Progress | null>(null);
  const current = useRef<Running | null>(null);

  // Closing the pane stops whatever runs; its result is then ignored.
  useEffect(
    () => () => {
      current.current?.controller.abort();
      current.current = null;
    },
    [],
  );

  const run = useCallback(async <T>(flow: (step: Step) => Promise<T>): Promise<Outcome<T>> => {
    if (current.current) return { status: 'refused' };
    const running: Running = { controller: new AbortController() };
    current.current = running;
    const { signal } = running.controller;
    const mine = () => current.current === running;
    let wrote = false;

    const step: Step = async (job, work) => {
      if (signal.aborted || !mine()) throw new Cancelled();
      setState(job);
      setProgress(null);
      const value = await work({
        ...(CANCELLABLE.has(job) ? { signal } : {}),
        onProgress: (done, total) => {
          if (mine()) setProgress({ done, total });
        },
      });
      if (!READS.has(job)) wrote = true;
      else if (signal.aborted) throw new Cancelled();
      return value;
    };

    let outcome: Outcome<T>;
    try {
      outcome = { status: 'done', value: await flow(step) };
    } catch (error) {
      outcome = isCancel(error) ? { status: 'cancelled', wrote } : { status: 'failed', error };
    }
    if (!mine()) return { status: 'refused' };
    current.current = null;
    setState('idle');
    setProgress(null);
    return outcome;
  }, []);

  const cancel = useCallback(() => {
    const running = current.current;
    if (!running || running.controller.signal.aborted) return;
    running.controller.abort();
    setState('cancelling');
  }, []);

  return { state, progress, run, cancel };
}
