/**
 * The machine-readable period summary (`cchc evaluate --period --json`) and the per-unit people
 * lists (`--details`), built on the SPEC §4 result of each year.
 */
import { PersonRef, UnitDetails } from '../engine/details';
import { PeriodSummary } from '../engine/period';
import { Lang } from '../i18n';
import { SpecJson, toSpecJson } from './json';

export interface PeriodJson {
  plan: string;
  strict: boolean;
  period: { from: number; to: number };
  /** One SPEC §4 result per year of the plan. */
  years: SpecJson[];
  summary: {
    targets: Array<{
      id: string;
      name: string;
      neverMet: boolean;
      years: Array<{
        year: number;
        status: string;
        actual: number | null;
        threshold: { op: string; value: number } | null;
        achieved: number;
        unknown: number;
        population: number | null;
        gap: number | null;
      }>;
    }>;
    units: Array<{
      name: string;
      kind: string;
      sheet: string;
      row: number;
      years: Array<{ year: number; status: string; failed: string[] }>;
    }>;
    objectives: Array<{
      id: string;
      name: string;
      neverMet: boolean;
      years: Array<{ year: number; status: string; pilots: number }>;
    }>;
    neverMet: string[];
  };
}

export function toPeriodJson(p: PeriodSummary, lang: Lang = 'vi'): PeriodJson {
  return {
    plan: p.plan,
    strict: p.strict,
    period: { from: p.years[0], to: p.years[p.years.length - 1] },
    years: p.evaluations.map((e) => toSpecJson(e, lang)),
    summary: {
      targets: p.targets.map((t) => ({
        id: t.id,
        name: t.name[lang],
        neverMet: t.neverMet,
        years: t.years.map((c) => ({
          year: c.year,
          status: c.status,
          actual: c.actual,
          threshold: c.threshold ? { op: c.threshold.op, value: c.threshold.value } : null,
          achieved: c.achieved,
          unknown: c.unknown,
          population: c.population,
          gap: c.gap,
        })),
      })),
      units: p.units.map((u) => ({
        name: u.name,
        kind: u.kind,
        sheet: u.sheet,
        row: u.row,
        years: u.years.map((y) => ({ year: y.year, status: y.status, failed: [...y.failed] })),
      })),
      objectives: p.objectives.map((o) => ({
        id: o.id,
        name: o.name[lang],
        neverMet: o.neverMet,
        years: o.years.map((y) => ({ ...y })),
      })),
      neverMet: [...p.neverMet],
    },
  };
}

type Person = { sheet: string; row: number; name: string; title: string };
export type DetailedJson = Omit<SpecJson, 'units'> & {
  units: Array<
    SpecJson['units'][number] & {
      targets: Array<{
        id: string;
        status: string;
        population: number;
        achieved: number;
        unknown: number;
        gap: number | null;
        missing?: Person[];
        unknownRows?: Person[];
      }>;
    }
  >;
};

const person = (p: PersonRef): Person => ({ sheet: p.sheet, row: p.row, name: p.name, title: p.title });

/**
 * The SPEC §4 result with each unit's targets and, for T02/T03/T04, who is not achieved
 * (`missing`) and who is unknown (`unknownRows`).
 */
export function withDetails(
  json: SpecJson,
  units: ReadonlyArray<{
    targets: ReadonlyArray<{
      id: string;
      status: string;
      population: number;
      achieved: number;
      unknown: number;
      gap: number | null;
    }>;
  }>,
  details: readonly UnitDetails[],
): DetailedJson {
  return {
    ...json,
    units: json.units.map((u, i) => {
      const people = new Map(details[i].targets.map((t) => [t.id, t]));
      return {
        ...u,
        targets: units[i].targets.map((t) => {
          const d = people.get(t.id);
          return {
            id: t.id,
            status: t.status,
            population: t.population,
            achieved: t.achieved,
            unknown: t.unknown,
            gap: t.gap,
            ...(d ? { missing: d.missing.map(person), unknownRows: d.unknownRows.map(person) } : {}),
          };
        }),
      };
    }),
  };
}
