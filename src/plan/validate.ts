import {
  ACTIVITY_FORMATS,
  ACTIVITY_KINDS,
  Achievement,
  LocalText,
  Plan,
  Population,
  STAFF_ACHIEVEMENT_FIELDS,
  Target,
  Threshold,
  ThresholdOp,
  UNIT_KINDS,
  UnitObjective,
} from './types';

/** A plan file that does not have the plan's shape. `problems` says what, where, and what was found. */
export class PlanError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length === 1 ? problems[0] : `${problems.length} problems: ${problems.join('; ')}`}`);
    this.name = 'PlanError';
  }
}

type Json = unknown;

function show(v: Json): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Checker {
  readonly problems: string[] = [];

  fail(path: string, expected: string, found: Json): void {
    this.problems.push(`${path}: expected ${expected}, found ${show(found)}`);
  }

  object(v: Json, path: string): Record<string, Json> | null {
    if (isObject(v)) return v;
    this.fail(path, 'an object', v);
    return null;
  }

  string(v: Json, path: string): string {
    if (typeof v === 'string' && v.trim().length > 0) return v;
    this.fail(path, 'a non-empty text', v);
    return '';
  }

  integer(v: Json, path: string): number {
    if (typeof v === 'number' && Number.isInteger(v)) return v;
    this.fail(path, 'a whole number', v);
    return 0;
  }

  oneOf<T extends string>(v: Json, allowed: readonly T[], path: string): T {
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(path, `one of ${allowed.join(', ')}`, v);
    return allowed[0];
  }

  localText(v: Json, path: string): LocalText {
    const o = this.object(v, path);
    if (!o) return { vi: '', en: '' };
    return { vi: this.string(o.vi, `${path}.vi`), en: this.string(o.en, `${path}.en`) };
  }
}

const OP_ALIASES: Readonly<Record<string, ThresholdOp>> = { '>': '>', '>=': '>=', '≥': '>=', '=': '=' };

function population(c: Checker, v: Json, path: string): Population | null {
  const o = c.object(v, path);
  if (!o) return null;
  const list = c.oneOf(o.list, ['units', 'staff', 'activities'] as const, `${path}.list`);
  if (list === 'units') {
    if (!Array.isArray(o.unitKinds) || o.unitKinds.length === 0) {
      c.fail(`${path}.unitKinds`, `a list of unit kinds (${UNIT_KINDS.join(', ')})`, o.unitKinds);
      return null;
    }
    return { list, unitKinds: o.unitKinds.map((k, i) => c.oneOf(k, UNIT_KINDS, `${path}.unitKinds[${i}]`)) };
  }
  if (list === 'staff') return { list, flag: c.oneOf(o.flag, ['leader', 'cchc', 'all'] as const, `${path}.flag`) };
  const kind = c.oneOf(o.kind, ACTIVITY_KINDS, `${path}.kind`);
  if (o.format === undefined) return { list, kind };
  return { list, kind, format: c.oneOf(o.format, ACTIVITY_FORMATS, `${path}.format`) };
}

function achievement(c: Checker, v: Json, pop: Population | null, path: string): Achievement | null {
  const o = c.object(v, path);
  if (!o || !pop) return null;
  const timing = c.oneOf(o.timing, ['by_year', 'in_year'] as const, `${path}.timing`);
  if (pop.list === 'units') {
    c.oneOf(o.field, ['cchc_positions'] as const, `${path}.field`);
    if (timing !== 'by_year') c.fail(`${path}.timing`, '"by_year" for a units target', o.timing);
    return { field: 'cchc_positions', timing: 'by_year' };
  }
  if (pop.list === 'activities') {
    c.oneOf(o.field, ['held'] as const, `${path}.field`);
    if (timing !== 'in_year') c.fail(`${path}.timing`, '"in_year" for an activities target', o.timing);
    return { field: 'held', timing: 'in_year' };
  }
  return { field: c.oneOf(o.field, STAFF_ACHIEVEMENT_FIELDS, `${path}.field`), timing };
}

function thresholds(
  c: Checker,
  v: Json,
  measure: 'rate' | 'count',
  period: { from: number; to: number },
  path: string,
): Record<string, Threshold> {
  const o = c.object(v, path);
  const out: Record<string, Threshold> = {};
  if (!o) return out;
  for (const [year, t] of Object.entries(o)) {
    const p = `${path}.${year}`;
    const y = Number(year);
    if (!/^\d{4}$/.test(year) || y < period.from || y > period.to) {
      c.fail(path, `years within the plan's period ${period.from}–${period.to} as keys`, year);
      continue;
    }
    const th = c.object(t, p);
    if (!th) continue;
    const op = typeof th.op === 'string' ? OP_ALIASES[th.op] : undefined;
    if (!op) {
      c.fail(`${p}.op`, 'one of ">", ">=", "="', th.op);
      continue;
    }
    const value = th.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      c.fail(`${p}.value`, 'a number', value);
      continue;
    }
    if (measure === 'rate') {
      if (value <= 0 || value > 1) c.fail(`${p}.value`, 'a share between 0 and 1 (0.8 for 80 %)', value);
      else if (op === '=' && value !== 1) c.fail(`${p}.value`, '1 with "=" (every member of the population)', value);
      else if (op === '>' && value === 1) c.fail(`${p}.op`, '"=" or ">=" for 100 % (no share can be over 100 %)', op);
    } else {
      if (!Number.isInteger(value) || value < 0) c.fail(`${p}.value`, 'a whole number of people or events', value);
      if (op === '=') c.fail(`${p}.op`, '">" or ">=" for a count target', op);
    }
    out[year] = { op, value };
  }
  return out;
}

/** Checks that `json` has the plan's shape and returns it typed; throws PlanError listing every problem. */
export function parsePlan(json: Json, source: string): Plan {
  const c = new Checker();
  const root = c.object(json, 'plan');
  if (!root) throw new PlanError(source, c.problems);
  const id = c.string(root.id, 'id');
  const title = c.localText(root.title, 'title');
  const periodObj = c.object(root.period, 'period');
  const period = {
    from: periodObj ? c.integer(periodObj.from, 'period.from') : 0,
    to: periodObj ? c.integer(periodObj.to, 'period.to') : 0,
  };
  if (period.from > period.to) c.fail('period', '"from" not after "to"', root.period);

  const targets: Target[] = [];
  const seen = new Set<string>();
  if (!Array.isArray(root.targets) || root.targets.length === 0) {
    c.fail('targets', 'a non-empty list of targets', root.targets);
  } else {
    root.targets.forEach((raw, i) => {
      const path = `targets[${i}]`;
      const t = c.object(raw, path);
      if (!t) return;
      const tid = c.string(t.id, `${path}.id`);
      if (seen.has(tid)) c.fail(`${path}.id`, 'an id used once', tid);
      seen.add(tid);
      const name = c.localText(t.name, `${path}.name`);
      const measure = c.oneOf(t.measure, ['rate', 'count', 'all_of'] as const, `${path}.measure`);
      if (measure === 'all_of') {
        if (!Array.isArray(t.parts) || t.parts.length < 2) {
          c.fail(`${path}.parts`, 'a list of at least two target ids', t.parts);
          return;
        }
        targets.push({ id: tid, name, measure, parts: t.parts.map((p, j) => c.string(p, `${path}.parts[${j}]`)) });
        return;
      }
      const pop = population(c, t.population, `${path}.population`);
      const ach = achievement(c, t.achieved, pop, `${path}.achieved`);
      const th = thresholds(c, t.thresholds, measure, period, `${path}.thresholds`);
      if (pop && ach) targets.push({ id: tid, name, measure, population: pop, achieved: ach, thresholds: th });
    });
  }

  const byId = new Map(targets.map((t) => [t.id, t]));
  targets.forEach((t, i) => {
    if (t.measure !== 'all_of') return;
    t.parts.forEach((p, j) => {
      const part = byId.get(p);
      if (!part || part.measure === 'all_of') c.fail(`targets[${i}].parts[${j}]`, 'the id of a rate or count target', p);
    });
  });

  const unitTargets: string[] = [];
  if (!Array.isArray(root.unitTargets)) {
    c.fail('unitTargets', 'a list of target ids', root.unitTargets);
  } else {
    root.unitTargets.forEach((raw, i) => {
      const tid = c.string(raw, `unitTargets[${i}]`);
      const t = byId.get(tid);
      if (!t || t.measure !== 'rate' || t.population.list === 'activities') {
        c.fail(`unitTargets[${i}]`, 'the id of a rate target over units or staff', tid);
        return;
      }
      unitTargets.push(tid);
    });
  }

  const objectives = root.objectives === undefined ? [] : objectiveList(c, root.objectives, period, seen);

  if (c.problems.length > 0) throw new PlanError(source, c.problems);
  return { id, title, period, targets, unitTargets, objectives };
}

function nonNegative(c: Checker, v: Json, path: string): number {
  const n = c.integer(v, path);
  if (n < 0) c.fail(path, 'a whole number ≥ 0', v);
  return n;
}

/** Objectives (the 5S pilot): ids apart from the targets', levels of known unit kinds, a judgement. */
function objectiveList(c: Checker, v: Json, period: { from: number; to: number }, ids: Set<string>): UnitObjective[] {
  if (!Array.isArray(v)) {
    c.fail('objectives', 'a list of objectives', v);
    return [];
  }
  const out: UnitObjective[] = [];
  v.forEach((raw, i) => {
    const path = `objectives[${i}]`;
    const o = c.object(raw, path);
    if (!o) return;
    const id = c.string(o.id, `${path}.id`);
    if (ids.has(id)) c.fail(`${path}.id`, 'an id used once (targets and objectives together)', id);
    ids.add(id);
    const name = c.localText(o.name, `${path}.name`);
    const field = c.oneOf(o.field, ['pilot_5s'] as const, `${path}.field`);
    const levels: UnitObjective['levels'][number][] = [];
    if (!Array.isArray(o.levels) || o.levels.length === 0) c.fail(`${path}.levels`, 'a non-empty list of levels', o.levels);
    else
      o.levels.forEach((rawLevel, j) => {
        const lp = `${path}.levels[${j}]`;
        const l = c.object(rawLevel, lp);
        if (!l) return;
        if (!Array.isArray(l.unitKinds) || l.unitKinds.length === 0) {
          c.fail(`${lp}.unitKinds`, `a list of unit kinds (${UNIT_KINDS.join(', ')})`, l.unitKinds);
          return;
        }
        levels.push({
          id: c.string(l.id, `${lp}.id`),
          name: c.localText(l.name, `${lp}.name`),
          unitKinds: l.unitKinds.map((k, m) => c.oneOf(k, UNIT_KINDS, `${lp}.unitKinds[${m}]`)),
        });
      });
    const j = c.object(o.judgement, `${path}.judgement`);
    const judgement = {
      minPerLevel: j ? nonNegative(c, j.minPerLevel, `${path}.judgement.minPerLevel`) : 1,
      ...(j && j.minTotal !== undefined ? { minTotal: nonNegative(c, j.minTotal, `${path}.judgement.minTotal`) } : {}),
    };
    let years: number[] | undefined;
    if (o.years !== undefined) {
      if (!Array.isArray(o.years)) c.fail(`${path}.years`, 'a list of years', o.years);
      else
        years = o.years.map((y, m) => {
          const n = c.integer(y, `${path}.years[${m}]`);
          if (n < period.from || n > period.to) c.fail(`${path}.years[${m}]`, `a year within ${period.from}–${period.to}`, y);
          return n;
        });
    }
    out.push({ id, name, field, levels, judgement, ...(years ? { years } : {}) });
  });
  return out;
}
