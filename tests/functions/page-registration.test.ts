/**
 * The task pane page registers every custom function before anything is awaited, and loads the
 * functions (with the engine) only on the first call: src/taskpane/functions-register.ts.
 */
import path from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import * as functions from '../../src/functions/functions';
import { FUNCTION_IDS, registerFunctions } from '../../src/taskpane/functions-register';

type Callable = (...args: unknown[]) => unknown;

function registry(): { associate: (id: string, fn: Callable) => void; fns: Map<string, Callable>; ids: string[] } {
  const fns = new Map<string, Callable>();
  const ids: string[] = [];
  return {
    fns,
    ids,
    associate: (id, fn) => {
      ids.push(id);
      fns.set(id, fn);
    },
  };
}

test('every id of the metadata (from the JSDoc) is registered, each once, synchronously', async () => {
  const generated = await generateCustomFunctionsMetadata([path.join(__dirname, '../../src/functions/functions.ts')], true);
  const metadata = JSON.parse(generated.metadataJson) as { functions: Array<{ id: string }> };
  const r = registry();
  registerFunctions(r, () => Promise.resolve(functions));
  expect([...r.ids].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
  expect(new Set(r.ids).size).toBe(r.ids.length);
  for (const [, name] of FUNCTION_IDS) expect(typeof functions[name]).toBe('function');
});

test('nothing is loaded until a function is called; then once, and the answer is the function’s', async () => {
  const r = registry();
  const load = jest.fn(() => Promise.resolve(functions));
  registerFunctions(r, load);
  expect(load).not.toHaveBeenCalled();
  const threshold = r.fns.get('THRESHOLD') as Callable;
  await expect(threshold('T02', 2024)).resolves.toBe(functions.threshold('T02', 2024));
  const gap = r.fns.get('GAP') as Callable;
  await expect(gap('T02', 2024, [[595]], 769)).resolves.toBe(functions.gap('T02', 2024, [[595]], 769));
  expect(load).toHaveBeenCalledTimes(1);
});

test('an error the function throws reaches Excel as a rejected call, not a lost one', async () => {
  const r = registry();
  registerFunctions(r, () => Promise.resolve(functions));
  const thrown = (() => {
    try {
      functions.threshold('T11', 2024);
    } catch (e) {
      return e;
    }
    return null;
  })();
  expect(thrown).not.toBeNull();
  await expect((r.fns.get('THRESHOLD') as Callable)('T11', 2024)).rejects.toEqual(thrown);
});
