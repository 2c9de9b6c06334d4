import { combine, holds, judge, needed } from '../../src/engine/judge';
import { Threshold } from '../../src/plan';

const over = (value: number): Threshold => ({ op: '>', value });
const atLeast = (value: number): Threshold => ({ op: '>=', value });
const all: Threshold = { op: '=', value: 1 };

describe('holds: integer comparison, never a rounded percentage', () => {
  test.each([
    // [threshold, achieved, population, expected]
    [over(0.8), 32, 40, false], // exactly 80 % is not over 80 %
    [atLeast(0.8), 32, 40, true], // but is 80 % or more
    [over(0.8), 33, 40, true],
    [over(0.8), 1999, 2500, false], // 79.96 % shows as 80,0 % and is not over 80 %
    [over(0.8), 2001, 2500, true],
    [over(0.9), 692, 769, false], // 89.99 %
    [over(0.9), 693, 769, true],
    [all, 99, 100, false],
    [all, 100, 100, true],
    [over(0.8), 0, 0, false], // no population: nothing can hold
    [atLeast(10), 10, null, true],
    [atLeast(10), 9, null, false],
    [over(10), 10, null, false],
  ] as const)('%j with %i of %s → %s', (t, k, n, want) => {
    expect(holds(t, k, n)).toBe(want);
  });
});

describe('needed', () => {
  test.each([
    [over(0.8), 40, 33],
    [atLeast(0.8), 40, 32],
    [over(0.9), 769, 693],
    [over(0.8), 815, 653],
    [all, 43, 43],
    [atLeast(50), null, 50],
    [atLeast(1), null, 1],
    [over(0.5), 1, 1],
  ] as const)('%j of %s → %i', (t, n, want) => {
    expect(needed(t, n)).toBe(want);
  });
});

describe('judge (SPEC §3)', () => {
  test('met with k alone, gap 0', () => {
    expect(judge(over(0.8), { achieved: 33, unknown: 0, population: 40 })).toEqual({ status: 'met', gap: 0 });
  });
  test('strict reading at n = 40: 32 of 40 fails "> 80 %", gap 1', () => {
    expect(judge(over(0.8), { achieved: 32, unknown: 0, population: 40 })).toEqual({ status: 'not_met', gap: 1 });
  });
  test('inclusive reading at n = 40: 32 of 40 meets "≥ 80 %"', () => {
    expect(judge(atLeast(0.8), { achieved: 32, unknown: 0, population: 40 })).toEqual({ status: 'met', gap: 0 });
  });
  test('unknown rows that could tip it make it undetermined', () => {
    expect(judge(over(0.8), { achieved: 32, unknown: 1, population: 40 })).toEqual({ status: 'undetermined', gap: 1 });
  });
  test('unknown rows that cannot tip it leave it not met', () => {
    expect(judge(over(0.8), { achieved: 20, unknown: 5, population: 40 })).toEqual({ status: 'not_met', gap: 13 });
  });
  test('unknown rows never make a met target less than met', () => {
    expect(judge(over(0.8), { achieved: 39, unknown: 1, population: 40 }).status).toBe('met');
  });
  test('"= 100 %" needs every member; one unknown among the rest is undetermined', () => {
    expect(judge(all, { achieved: 42, unknown: 1, population: 43 })).toEqual({ status: 'undetermined', gap: 1 });
    expect(judge(all, { achieved: 41, unknown: 1, population: 43 })).toEqual({ status: 'not_met', gap: 2 });
    expect(judge(all, { achieved: 43, unknown: 0, population: 43 })).toEqual({ status: 'met', gap: 0 });
  });
  test('count targets: k events and u unknown events', () => {
    expect(judge(atLeast(10), { achieved: 5, unknown: 0, population: null })).toEqual({ status: 'not_met', gap: 5 });
    expect(judge(atLeast(10), { achieved: 5, unknown: 5, population: null })).toEqual({ status: 'undetermined', gap: 5 });
    expect(judge(atLeast(1), { achieved: 0, unknown: 1, population: null })).toEqual({ status: 'undetermined', gap: 1 });
    expect(judge(atLeast(50), { achieved: 51, unknown: 0, population: null })).toEqual({ status: 'met', gap: 0 });
  });
  test('no threshold: no_target, figures left to the caller, gap null', () => {
    expect(judge(null, { achieved: 3, unknown: 0, population: 10 })).toEqual({ status: 'no_target', gap: null });
  });
  test('empty population: no_data', () => {
    expect(judge(over(0.8), { achieved: 0, unknown: 0, population: 0 })).toEqual({ status: 'no_data', gap: null });
  });
});

describe('combine (T05 = T05a and T05b)', () => {
  test.each([
    [['met', 'met'], 'met'],
    [['met', 'not_met'], 'not_met'],
    [['undetermined', 'not_met'], 'not_met'],
    [['met', 'undetermined'], 'undetermined'],
    [['no_target', 'no_target'], 'no_target'],
    [['met', 'no_target'], 'met'],
    [['no_data', 'met'], 'no_data'],
  ] as const)('%j → %s', (parts, want) => {
    expect(combine(parts)).toBe(want);
  });
});
