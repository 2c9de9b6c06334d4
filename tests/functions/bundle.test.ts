/**
 * The built functions bundle, loaded as Excel loads it (a script in the shared runtime), with a
 * stand-in CustomFunctions.associate: every function is registered under its id and answers.
 * Needs `npm run build` first (npm test runs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { installCustomFunctions, setDisplayLanguage, StandInError } from '../helpers/custom-functions';

const dist = path.join(__dirname, '../../dist/addin');
const bundle = path.join(dist, 'functions.js');

describe('dist/addin/functions.js', () => {
  if (!existsSync(bundle)) {
    test('is built (run "npm run build")', () => {
      throw new Error(`${bundle} is missing: run "npm run build" before the tests`);
    });
    return;
  }

  const context: Record<string, unknown> = { console };
  context.self = context;
  context.window = context;
  context.globalThis = context;
  const registered = installCustomFunctions(context);
  const errors = (context.CustomFunctions as { Error: typeof StandInError }).Error;
  vm.createContext(context);
  vm.runInContext(readFileSync(bundle, 'utf8'), context, { filename: 'functions.js' });

  const call = (id: string, ...args: unknown[]): unknown => {
    const fn = registered.get(id);
    if (!fn) throw new Error(`${id} is not registered`);
    return fn(...args);
  };

  test('registers the eight functions by id, and the ids match the metadata shipped beside it', () => {
    const metadata = JSON.parse(readFileSync(path.join(dist, 'functions.json'), 'utf8')) as { functions: Array<{ id: string }> };
    expect([...registered.keys()].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(registered.size).toBe(8);
  });

  test('answers in Vietnamese by default and in English when Office says so', () => {
    setDisplayLanguage('vi-VN', context);
    expect(call('TARGET_STATUS', 'T03', 2024, [[32]], 40, null)).toBe('Không đạt');
    expect(call('TARGET_STATUS', 'T03', 2024, [[32]], 40, true)).toBe('Đạt');
    setDisplayLanguage('en-US', context);
    expect(call('TARGET_STATUS', 'T03', 2024, [[33]], 40, null)).toBe('Met');
    expect(call('THRESHOLD', 'T01', 2024, null)).toBe(0.9);
    expect(call('GAP', 'T02', 2024, [[595]], 769, null)).toBe(98);
    expect((call('TARGETS', 2025, null) as unknown[][])[0]).toEqual(['T01', 'CCHC job positions in place', '= 100 %', 1]);
  });

  test('a wrong target comes back as the runtime’s own Error object with a message', () => {
    setDisplayLanguage('vi-VN', context);
    let thrown: unknown;
    try {
      call('THRESHOLD', 'T11', 2024, null);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(errors);
    expect(thrown).toMatchObject({ code: '#VALUE!', message: 'Mã chỉ tiêu không hợp lệ: T11 (T01…T10)' });
  });
});
