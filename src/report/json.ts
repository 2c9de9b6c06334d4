/** SPEC §4: the machine-readable result the command line prints with `--json`. */
import { Evaluation } from '../engine';
import { Lang, issueMessage } from '../i18n';

export interface SpecJson {
  plan: string;
  year: number;
  strict: boolean;
  targets: Array<{
    id: string;
    status: string;
    population: number | null;
    achieved: number;
    unknown: number;
    actual: number | null;
    threshold: { op: string; value: number } | null;
    gap: number | null;
  }>;
  units: Array<{ name: string; kind: string; status: string; failed: string[]; sheet: string; row: number; file?: string }>;
  issues: Array<{ kind: string; sheet: string; cell: string; value: string; message: string; file?: string }>;
}

export function toSpecJson(e: Evaluation, lang: Lang = 'vi'): SpecJson {
  return {
    plan: e.plan,
    year: e.year,
    strict: e.strict,
    targets: e.targets.map((t) => ({
      id: t.id,
      status: t.status,
      population: t.population,
      achieved: t.achieved,
      unknown: t.unknown,
      actual: t.actual,
      threshold: t.threshold ? { op: t.threshold.op, value: t.threshold.value } : null,
      gap: t.gap,
    })),
    units: e.units.map((u) => ({
      name: u.name,
      kind: u.kind,
      status: u.status,
      failed: [...u.failed],
      sheet: u.sheet,
      row: u.row,
      ...(u.file !== undefined ? { file: u.file } : {}),
    })),
    issues: e.issues.map((i) => ({
      kind: i.kind,
      sheet: i.sheet,
      cell: i.cell,
      value: i.value,
      message: issueMessage(i, lang),
      ...(i.file !== undefined ? { file: i.file } : {}),
    })),
  };
}
