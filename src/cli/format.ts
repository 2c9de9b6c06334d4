/** The readable terminal summary: targets, then units that fall short, then data issues. */
import { Evaluation, TargetResult, TargetStatus, UnitResult, distinctUnits } from '../engine';
import { Lang, TARGET_STATUS_TEXT, UNIT_STATUS_TEXT, formatNumber, formatPercent, issueMessage, thresholdText } from '../i18n';
import { Plan } from '../plan';
import { terminalText } from './terminal';

export interface Style {
  readonly color: boolean;
}

const ANSI = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1, cyan: 36 } as const;
type AnsiName = keyof typeof ANSI;

function paint(s: string, c: AnsiName, style: Style): string {
  return style.color ? `\u001b[${ANSI[c]}m${s}\u001b[0m` : s;
}

const STATUS_COLOR: Readonly<Record<TargetStatus, AnsiName>> = {
  met: 'green',
  not_met: 'red',
  undetermined: 'yellow',
  no_data: 'dim',
  no_target: 'dim',
};

/** Width on a terminal: combining marks take no column. */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC').replace(/[\u0300-\u036f]/g, '')].length;
}

function pad(s: string, width: number, right = false): string {
  const w = displayWidth(s);
  if (w >= width) return s;
  return right ? ' '.repeat(width - w) + s : s + ' '.repeat(width - w);
}

function clip(s: string, width: number): string {
  const chars = [...s.normalize('NFC')];
  return chars.length <= width ? s.normalize('NFC') : `${chars.slice(0, width - 1).join('')}…`;
}

const L = {
  vi: {
    heading: (y: number) => `Đánh giá năm ${y}`,
    strict: '"trên X %" hiểu là lớn hơn X %',
    inclusive: '"trên X %" hiểu là từ X % trở lên',
    cols: ['Chỉ tiêu', 'Nội dung', 'Kế hoạch', 'Kết quả', 'Tỷ lệ', 'Đánh giá', 'Còn thiếu'],
    unknownSuffix: (u: number) => ` (+${u} chưa rõ)`,
    nonCompliant: (n: number, total: number) => `Đơn vị không đạt: ${n}/${total}`,
    undetermined: (n: number) => `Đơn vị chưa xác định: ${n}`,
    unitCounts: (c: Record<string, number>) =>
      `Đạt ${c.compliant} · Không đạt ${c.non_compliant} · Chưa xác định ${c.undetermined} · Không áp dụng ${c.not_applicable}`,
    more: (n: number) => `… và ${n} đơn vị khác (xem --json hoặc --out)`,
    issues: (n: number) => `Vấn đề dữ liệu: ${n}`,
    moreIssues: (n: number) => `… và ${n} vấn đề khác (xem --json)`,
    noIssues: 'Không có vấn đề dữ liệu.',
    share: (s: string, k: number, n: number) => `người không giữ chức vụ lãnh đạo chiếm ${s} số người tham gia (${k}/${n})`,
    parts: (met: number, of: number) => `${met}/${of} phần đạt`,
  },
  en: {
    heading: (y: number) => `Evaluation for ${y}`,
    strict: '"over X %" read as more than X %',
    inclusive: '"over X %" read as X % or more',
    cols: ['Target', 'Description', 'Plan', 'Result', 'Rate', 'Status', 'Gap'],
    unknownSuffix: (u: number) => ` (+${u} unknown)`,
    nonCompliant: (n: number, total: number) => `Non-compliant units: ${n}/${total}`,
    undetermined: (n: number) => `Undetermined units: ${n}`,
    unitCounts: (c: Record<string, number>) =>
      `Compliant ${c.compliant} · Non-compliant ${c.non_compliant} · Undetermined ${c.undetermined} · Not applicable ${c.not_applicable}`,
    more: (n: number) => `… and ${n} more units (see --json or --out)`,
    issues: (n: number) => `Data issues: ${n}`,
    moreIssues: (n: number) => `… and ${n} more issues (see --json)`,
    noIssues: 'No data issues.',
    share: (s: string, k: number, n: number) => `people without a leadership post are ${s} of participants (${k}/${n})`,
    parts: (met: number, of: number) => `${met} of ${of} parts met`,
  },
} as const;

function resultText(t: TargetResult, lang: Lang): string {
  const unk = t.unknown > 0 ? L[lang].unknownSuffix(t.unknown) : '';
  if (t.measure === 'all_of') return L[lang].parts(t.achieved, t.parts?.length ?? 2);
  if (t.measure === 'rate') return `${formatNumber(t.achieved, lang, 0)}/${formatNumber(t.population ?? 0, lang, 0)}${unk}`;
  return `${formatNumber(t.achieved, lang, 0)}${unk}`;
}

export function formatTargets(e: Evaluation, lang: Lang, style: Style): string[] {
  const cols = L[lang].cols;
  const rows = e.targets.map((t) => {
    const rate = t.measure === 'rate' ? formatPercent(t.actual, lang) : '';
    return {
      status: t.status,
      cells: [
        t.id,
        clip(t.name[lang], 44),
        t.measure === 'all_of' ? (t.parts ?? []).join(' + ') : thresholdText(t.threshold, t.measure, lang),
        resultText(t, lang),
        rate,
        TARGET_STATUS_TEXT[t.status][lang],
        t.gap === null || t.gap === 0 ? '' : formatNumber(t.gap, lang, 0),
      ],
    };
  });
  const widths = cols.map((c, i) => Math.max(displayWidth(c), ...rows.map((r) => displayWidth(r.cells[i]))));
  const right = [false, false, false, false, true, false, true];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], right[i]))
      .join('  ')
      .trimEnd();
  const out = [paint(line([...cols]), 'bold', style)];
  for (const r of rows) {
    const cells = [...r.cells];
    const text = line(cells);
    // Color only the status word, so the table stays aligned.
    const statusText = r.cells[5];
    out.push(style.color ? text.replace(statusText, paint(statusText, STATUS_COLOR[r.status], style)) : text);
  }
  // T07 gives priority to people without a leadership post: their share of the participants.
  const t07 = e.targets.find((t) => t.id === 'T07');
  if (t07?.participants && t07.participants.total > 0) {
    const p = t07.participants;
    out.push(paint(`T07: ${L[lang].share(formatPercent(p.nonLeaders / p.total, lang), p.nonLeaders, p.total)}`, 'dim', style));
  }
  return out;
}

function unitLine(u: UnitResult): string {
  const failed = u.failed.length ? ` — ${u.failed.join(', ')}` : '';
  return terminalText(`  ${u.name} (${u.file ? `${u.file}: ` : ''}${u.sheet}!${u.row})${failed}`);
}

export interface SummaryOptions {
  readonly lang: Lang;
  readonly style: Style;
  readonly file: string;
  readonly plan: Plan;
  readonly maxUnits?: number;
  readonly maxIssues?: number;
}

export function formatSummary(e: Evaluation, o: SummaryOptions): string {
  const t = L[o.lang];
  const out: string[] = [];
  out.push(paint(`${o.plan.title[o.lang].split(' giai đoạn')[0]}`, 'dim', o.style));
  out.push(`${paint(t.heading(e.year), 'bold', o.style)} · ${e.strict ? t.strict : t.inclusive} · ${terminalText(o.file)}`);
  out.push('');
  out.push(...formatTargets(e, o.lang, o.style));
  out.push('');
  // A unit listed twice (in one file or in two) is one unit: counted and listed once.
  const units = distinctUnits(e.units);
  const counts: Record<string, number> = { compliant: 0, non_compliant: 0, undetermined: 0, not_applicable: 0 };
  for (const u of units) counts[u.status]++;
  out.push(t.unitCounts(counts));
  const maxUnits = o.maxUnits ?? 25;
  const bad = units.filter((u) => u.status === 'non_compliant');
  if (bad.length > 0) {
    out.push(paint(t.nonCompliant(bad.length, units.length), 'red', o.style));
    for (const u of bad.slice(0, maxUnits)) out.push(unitLine(u));
    if (bad.length > maxUnits) out.push(paint(`  ${t.more(bad.length - maxUnits)}`, 'dim', o.style));
  }
  const unsure = units.filter((u) => u.status === 'undetermined');
  if (unsure.length > 0) {
    out.push(paint(t.undetermined(unsure.length), 'yellow', o.style));
    for (const u of unsure.slice(0, Math.min(maxUnits, 10))) out.push(unitLine(u));
    if (unsure.length > Math.min(maxUnits, 10))
      out.push(paint(`  ${t.more(unsure.length - Math.min(maxUnits, 10))}`, 'dim', o.style));
  }
  out.push('');
  const maxIssues = o.maxIssues ?? 20;
  if (e.issues.length === 0) out.push(t.noIssues);
  else {
    out.push(paint(t.issues(e.issues.length), 'yellow', o.style));
    for (const i of e.issues.slice(0, maxIssues)) {
      // Several files: the same sheet and cell may be in each, so the file comes first.
      const where = i.sheet ? `${i.file ? `${i.file}: ` : ''}${i.sheet}!${i.cell}` : (i.file ?? '—');
      out.push(terminalText(`  ${pad(where, 18)} ${issueMessage(i, o.lang)}`));
    }
    if (e.issues.length > maxIssues) out.push(paint(`  ${t.moreIssues(e.issues.length - maxIssues)}`, 'dim', o.style));
  }
  return out.join('\n') + '\n';
}

export { UNIT_STATUS_TEXT };
