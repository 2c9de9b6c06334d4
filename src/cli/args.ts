/** argv → options for each command; usage errors say what was wrong and exit 2. */
import { parseArgs } from 'node:util';
import { Lang } from '../i18n';
import { parseArgsMessage } from './parse-errors';
import type { TemplateArgs } from './template-command';

/** Bad arguments; the message in Vietnamese and in English (the command line picks by --lang). */
export class UsageError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string = vi,
  ) {
    super(vi);
    this.name = 'UsageError';
  }
}

export interface EvaluateArgs {
  readonly command: 'evaluate';
  readonly files: readonly string[];
  readonly year: number | null;
  readonly inclusive: boolean;
  readonly plan: string | null;
  readonly json: boolean;
  readonly out: string | null;
  /** Replace an existing --out file. */
  readonly force: boolean;
  readonly strictData: boolean;
  readonly lang: Lang;
  readonly color: boolean | null;
  /** Several files: one row per file instead of one summary each. */
  readonly byFile: boolean;
}

export interface PlanArgs {
  readonly command: 'plan';
  readonly year: number | null;
  readonly inclusive: boolean;
  readonly plan: string | null;
  readonly json: boolean;
  readonly lang: Lang;
  /** Write the plan as a sheet "Kế hoạch CCHC" into this new .xlsx. */
  readonly xlsx: string | null;
  readonly force: boolean;
}

export type CliArgs =
  EvaluateArgs | PlanArgs | TemplateArgs | { readonly command: 'help'; readonly lang: Lang } | { readonly command: 'version' };

function parseYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d{4}$/.test(text))
    throw new UsageError(
      `--year cần một năm 4 chữ số (ví dụ 2024), không phải "${text}".`,
      `--year needs a four-digit year (e.g. 2024), not "${text}".`,
    );
  return Number(text);
}

function parseLang(text: string | undefined, env: NodeJS.ProcessEnv): Lang {
  const v = text ?? env.CCHC_LANG;
  if (v === undefined) return 'vi';
  if (v === 'vi' || v === 'en') return v;
  throw new UsageError(`--lang nhận "vi" hoặc "en", không phải "${v}".`, `--lang takes "vi" or "en", not "${v}".`);
}

/** Parses the command line (without "node" and the script). */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = {}): CliArgs {
  const [first, ...rest] = argv;
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    return { command: 'help', lang: parseLang(undefined, env) };
  }
  if (first === '--version' || first === '-v' || first === 'version') return { command: 'version' };
  // "cchc report" runs in report-command.ts; only its --help comes here.
  if (first === 'report')
    return { command: 'help', lang: parseLang(rest.includes('--lang') ? rest[rest.indexOf('--lang') + 1] : undefined, env) };
  if (first !== 'evaluate' && first !== 'plan') {
    throw new UsageError(
      `Không có lệnh "${first}". Các lệnh: evaluate, plan, report, template (xem "cchc --help").`,
      `No command "${first}". Commands: evaluate, plan, report, template (see "cchc --help").`,
    );
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: first === 'evaluate',
      strict: true,
      options: {
        year: { type: 'string', short: 'y' },
        inclusive: { type: 'boolean', default: false },
        plan: { type: 'string' },
        json: { type: 'boolean', default: false },
        out: { type: 'string', short: 'o' },
        force: { type: 'boolean', default: false },
        'strict-data': { type: 'boolean', default: false },
        'by-file': { type: 'boolean', default: false },
        xlsx: { type: 'string' },
        lang: { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    // "--help" after options this parser does not know ("--period", "--details") still asks for help.
    const ask = rest.slice(0, rest.includes('--') ? rest.indexOf('--') : rest.length);
    const at = ask.indexOf('--lang');
    if (ask.includes('--help') || ask.includes('-h'))
      return { command: 'help', lang: parseLang(at >= 0 ? ask[at + 1] : undefined, env) };
    const why = parseArgsMessage(e);
    throw new UsageError(why.vi, why.en);
  }
  const v = parsed.values;
  const lang = parseLang(v.lang, env);
  if (v.help) return { command: 'help', lang };
  const year = parseYear(v.year);
  if (first === 'plan') {
    for (const opt of ['out', 'strict-data', 'by-file'] as const)
      if (v[opt]) throw new UsageError(`"cchc plan" không nhận --${opt}.`, `"cchc plan" takes no --${opt}.`);
    if (v.xlsx !== undefined && !/\.xlsx$/i.test(v.xlsx))
      throw new UsageError(
        `--xlsx cần tên tệp .xlsx, không phải "${v.xlsx}".`,
        `--xlsx needs an .xlsx file name, not "${v.xlsx}".`,
      );
    const xlsx = v.xlsx ?? null;
    const force = v.force ?? false;
    return {
      command: 'plan',
      year,
      inclusive: v.inclusive ?? false,
      plan: v.plan ?? null,
      json: v.json ?? false,
      lang,
      xlsx,
      force,
    };
  }
  if (v.xlsx !== undefined) throw new UsageError(`"cchc evaluate" không nhận --xlsx.`, `"cchc evaluate" takes no --xlsx.`);
  const files = parsed.positionals;
  if (v.out !== undefined && files.length > 1) {
    throw new UsageError(
      '--out chỉ dùng với một tệp: mỗi bản sao tô màu thuộc về một sổ tính.',
      '--out goes with one file: each colored copy belongs to one workbook.',
    );
  }
  // The copy keeps the input's kind (out-command.ts checks it): .xlsx, or .xlsm, .xltx … for those.
  if (v.out !== undefined && !/\.(?:xlsx|xlsm|xltx|xltm|xlam)$/i.test(v.out))
    throw new UsageError(`--out cần tên tệp .xlsx, không phải "${v.out}".`, `--out needs an .xlsx file name, not "${v.out}".`);
  if (v.force && v.out === undefined)
    throw new UsageError(
      '--force chỉ dùng cùng --out (ghi đè tệp RA.xlsx đã có).',
      '--force goes with --out (to replace an existing OUT.xlsx).',
    );
  const color = v['no-color'] ? false : v.color === true ? true : null;
  return {
    command: 'evaluate',
    files,
    year,
    inclusive: v.inclusive ?? false,
    plan: v.plan ?? null,
    json: v.json ?? false,
    out: v.out ?? null,
    force: v.force ?? false,
    strictData: v['strict-data'] ?? false,
    lang,
    color,
    byFile: v['by-file'] ?? false,
  };
}
