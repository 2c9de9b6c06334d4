/**
 * What the pane says about results, as plain functions of the engine's results: the figures line
 * of a target, how far it is towards its threshold, the counts for the summary, error sentences.
 */
import type { Evaluation, TargetResult } from '../engine';
import type { Lang } from '../i18n';
import { formatNumber, formatPercent, thresholdText } from '../i18n';
import type { AddinError } from '../excel/errors';
import { ListKind, SCHEMAS } from '../workbook/fields';
import { STRINGS, SummaryCounts } from './strings';

/** The years the pane offers (the plan's thresholds start in 2023). */
export const YEARS: readonly number[] = [2023, 2024, 2025];

export function clampYear(year: number): number {
  return Math.min(YEARS[YEARS.length - 1], Math.max(YEARS[0], Math.trunc(year)));
}

/** "29/43 = 67,44 % (kế hoạch > 90 %) (+1 chưa rõ)"; "3 (kế hoạch ≥ 10)"; null when there is no figure. */
export function figureLine(t: TargetResult, year: number, lang: Lang): string | null {
  const s = STRINGS[lang];
  if (t.actual === null) return null;
  const n = (x: number) => formatNumber(x, lang, 0);
  const value =
    t.measure === 'rate' && t.population !== null
      ? `${n(t.achieved)}/${n(t.population)} = ${formatPercent(t.actual, lang)}`
      : n(t.achieved);
  const plan = t.threshold ? `(${s.plan} ${thresholdText(t.threshold, t.measure, lang)})` : `(${s.noThreshold(year)})`;
  const unknown = t.unknown > 0 ? ` ${s.unknownRows(n(t.unknown))}` : '';
  return `${value} ${plan}${unknown}`;
}

/** How far the actual figure is towards the threshold, 0–1; null without a threshold or a figure. */
export function towardsThreshold(t: TargetResult): number | null {
  if (t.threshold === null || t.actual === null) return null;
  const goal = t.measure === 'rate' && t.threshold.op === '=' ? 1 : t.threshold.value;
  if (goal <= 0) return 1;
  return Math.max(0, Math.min(1, t.actual / goal));
}

/** Ids of targets shown inside another's card (T05a, T05b inside T05). */
export function partIds(targets: readonly TargetResult[]): ReadonlySet<string> {
  return new Set(targets.flatMap((t) => t.parts ?? []));
}

export type { SummaryCounts };

/** Counts over the plan's ten targets (parts such as T05a are counted through T05). */
export function summaryCounts(e: Evaluation): SummaryCounts {
  const parts = partIds(e.targets);
  const top = e.targets.filter((t) => !parts.has(t.id));
  const count = (status: TargetResult['status']) => top.filter((t) => t.status === status).length;
  return {
    met: count('met'),
    notMet: count('not_met'),
    undetermined: count('undetermined'),
    noData: count('no_data'),
    noTarget: count('no_target'),
    total: top.length,
  };
}

export function summaryText(e: Evaluation, lang: Lang): string {
  return STRINGS[lang].summary(summaryCounts(e));
}

/** A field's name for people ("Bồi dưỡng CCHC"), from the list's schema. */
export function fieldLabel(kind: ListKind, field: string, lang: Lang): string {
  const specs = SCHEMAS[kind].fields as ReadonlyArray<{
    readonly field: string;
    readonly header: Readonly<Record<Lang, string>>;
  }>;
  return specs.find((f) => f.field === field)?.header[lang] ?? field;
}

/** 'DS đơn vị'!A11 as the pane shows it: sheet and cell, no quotes. */
export function cellRef(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * The adapter's AddinError, recognised by its shape rather than `instanceof`: the class stays out
 * of the pane's first bundle, and a copy of it from another bundle (the preview page) still counts.
 */
function isAddinError(e: unknown): e is Pick<AddinError, 'code' | 'messageIn'> {
  return (
    typeof e === 'object' &&
    e !== null &&
    (e as { name?: unknown }).name === 'AddinError' &&
    typeof (e as { messageIn?: unknown }).messageIn === 'function'
  );
}

export function errorCode(e: unknown): string | null {
  return isAddinError(e) ? e.code : null;
}

/** The sentence to show for a failure: the adapter's own (it says what to do), else a generic one. */
export function errorText(e: unknown, lang: Lang): string {
  if (isAddinError(e)) return e.messageIn(lang);
  const raw = (e instanceof Error ? e.message : String(e)).trim() || '?';
  return STRINGS[lang].unexpected(/[.!?…]$/.test(raw) ? raw : `${raw}.`);
}
