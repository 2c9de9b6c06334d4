/**
 * The page registers the custom functions in the shared runtime (manifest: one Runtime, lifetime
 * "long") without carrying the engine in its first script: each CCHC.* id is associated at once,
 * with a stand-in that loads src/functions/functions.ts (and the engine) on the first call and
 * answers with a Promise, which Excel waits for like any asynchronous custom function
 * (custom-functions-runtime: "a custom function can return a promise").
 *
 * The association itself must not wait: Microsoft's Q&A "Calling CustomFunctions.associate after
 * await causes first invocation to fail" (learn.microsoft.com/answers/questions/2086985) — the
 * first call then gives #VALUE!. The accepted workaround is this one: associate before any await,
 * wait inside the function body. When the module loads, the build-time registration in it
 * associates the same ids again with the functions themselves (same results, now synchronous).
 */
import type * as Functions from '../functions/functions';

type Module = typeof Functions;
type Callable = (...args: unknown[]) => unknown;

/** Each `@customfunction` id of functions.ts and the function it names (tests/build checks the list against functions.json). */
export const FUNCTION_IDS: ReadonlyArray<readonly [string, keyof Module]> = [
  ['THRESHOLD', 'threshold'],
  ['TARGET_STATUS', 'targetStatus'],
  ['GAP', 'gap'],
  ['RATE', 'rate'],
  ['COUNT', 'count'],
  ['TARGETS', 'targets'],
  ['EVALUATE', 'evaluate'],
  ['UNITS', 'units'],
];

interface Registry {
  associate(id: string, fn: Callable): void;
}

/** Associates every id now; `load` runs once, on the first call of any of them. */
export function registerFunctions(registry: Registry, load: () => Promise<Module>): void {
  let loaded: Promise<Module> | null = null;
  for (const [id, name] of FUNCTION_IDS) {
    registry.associate(id, (...args: unknown[]) => (loaded ??= load()).then((m) => (m[name] as unknown as Callable)(...args)));
  }
}
