/**
 * The registration as Excel sees it: metadata generated from the JSDoc (the same generator the
 * webpack plugin runs), the English default and the Vietnamese override built from it.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';

interface Param {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  description?: string;
}
interface Fn {
  id: string;
  name: string;
  description: string;
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
  options?: { volatile?: boolean; stream?: boolean };
}

// The build step's own code (plain JS, used by webpack.config.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { englishMetadata, vietnameseMetadata } = require('../../scripts/webpack/functions-locales') as {
  englishMetadata: (
    vi: { functions: Fn[] },
    en: Record<string, unknown>,
  ) => { metadata: { functions: Fn[] }; missing: string[]; extra: string[] };
  vietnameseMetadata: (vi: { functions: Fn[] }, names: Record<string, Record<string, string>>) => { functions: Fn[] };
};

const source = path.join(__dirname, '../../src/functions/functions.ts');
let functions: Fn[] = [];
let vi: { functions: Fn[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([source], true);
  expect(result.errors).toEqual([]);
  vi = JSON.parse(result.metadataJson) as { functions: Fn[] };
  functions = vi.functions;
});

const byId = (id: string): Fn => {
  const f = functions.find((x) => x.id === id);
  if (!f) throw new Error(`no ${id}`);
  return f;
};
const shape = (f: Fn) =>
  f.parameters.map((p) => `${p.name}:${p.type ?? 'any'}:${p.dimensionality ?? 'scalar'}${p.optional ? '?' : ''}`);

test('the eight functions, with ids as named in the issue', () => {
  expect(functions.map((f) => f.id)).toEqual([
    'THRESHOLD',
    'TARGET_STATUS',
    'GAP',
    'RATE',
    'COUNT',
    'TARGETS',
    'EVALUATE',
    'UNITS',
  ]);
  for (const f of functions) {
    expect(f.name).toBe(f.id);
    expect(f.options?.volatile ?? false).toBe(false);
    expect(f.options?.stream ?? false).toBe(false);
  }
});

test('parameter kinds: ranges are matrices, optional parameters are optional', () => {
  expect(shape(byId('THRESHOLD'))).toEqual(['target:string:scalar', 'year:number:scalar', 'inclusive:boolean:scalar?']);
  expect(shape(byId('TARGET_STATUS'))).toEqual([
    'target:string:scalar',
    'year:number:scalar',
    'achieved:any:matrix',
    'population:any:scalar?',
    'inclusive:boolean:scalar?',
  ]);
  expect(shape(byId('GAP'))).toEqual(shape(byId('TARGET_STATUS')));
  expect(shape(byId('RATE'))).toEqual(['markers:any:matrix', 'year:number:scalar?']);
  expect(shape(byId('COUNT'))).toEqual(shape(byId('RATE')));
  expect(shape(byId('TARGETS'))).toEqual(['year:number:scalar?', 'inclusive:boolean:scalar?']);
  expect(shape(byId('EVALUATE'))).toEqual([
    'units:any:matrix',
    'staff:any:matrix',
    'activities:any:matrix',
    'year:number:scalar',
    'inclusive:boolean:scalar?',
  ]);
  expect(shape(byId('UNITS'))).toEqual([
    'units:any:matrix',
    'staff:any:matrix',
    'year:number:scalar',
    'inclusive:boolean:scalar?',
  ]);
  expect(byId('TARGETS').result.dimensionality).toBe('matrix');
  expect(byId('EVALUATE').result.dimensionality).toBe('matrix');
  expect(byId('UNITS').result.dimensionality).toBe('matrix');
  expect(byId('TARGET_STATUS').result.type).toBe('string');
});

test('Vietnamese descriptions come from the JSDoc; the English default covers every function and parameter', () => {
  expect(byId('TARGET_STATUS').description).toMatch(/^Đánh giá một số liệu/);
  const en = JSON.parse(readFileSync(path.join(__dirname, '../../src/functions/metadata.en.json'), 'utf8')) as {
    functions: Record<string, unknown>;
    vietnameseParameterNames: Record<string, Record<string, string>>;
  };
  const { metadata, missing, extra } = englishMetadata(vi, en.functions);
  expect(missing).toEqual([]);
  expect(extra).toEqual([]);
  const english = metadata.functions.find((f) => f.id === 'TARGET_STATUS');
  expect(english?.description).toMatch(/^Judges a figure/);
  expect(english?.parameters.map((p) => p.name)).toEqual(['target', 'year', 'achieved', 'population', 'inclusive']);
  const localized = vietnameseMetadata(vi, en.vietnameseParameterNames).functions.find((f) => f.id === 'TARGET_STATUS');
  expect(localized?.parameters.map((p) => p.name)).toEqual(['chỉ_tiêu', 'năm', 'số_đạt', 'tổng_số', 'từ_X_trở_lên']);
  for (const f of functions) for (const p of f.parameters) expect(en.vietnameseParameterNames[f.id]?.[p.name]).toBeDefined();
});

test('a function the generator cannot register is an error the test sees (the CLI would exit 0)', async () => {
  const bad = path.join(__dirname, 'fixtures-bad-functions.ts');
  const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const result = await generateCustomFunctionsMetadata([bad], true);
  log.mockRestore();
  expect(result.errors.join('\n')).toMatch(/BAD-ID/);
});
