/**
 * The reports officials file, on the command line:
 *   cchc report [FILE…] --year Y [--inclusive] --docx OUT.docx [--letterhead F.json] [--force]
 *   cchc report [FILE…] --period [--inclusive] --docx OUT.docx [...]
 *   cchc evaluate [FILE…] --period [--json]           one result per year of the plan
 *   cchc evaluate [FILE…] --year Y --json --details   who still needs T02/T03/T04, by unit
 * A thin shell: read the workbooks, call the engine, lay out, write atomically.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Dataset, evaluate, mergeDatasets, readDataset, withFile } from '../engine';
import { staffDetails } from '../engine/details';
import { PeriodSummary, evaluatePeriod } from '../engine/period';
import { Lang, TARGET_STATUS_TEXT } from '../i18n';
import { Plan } from '../plan';
import {
  Letterhead,
  LetterheadError,
  agreed,
  headerRowsOf,
  letterheadFromGrid,
  mergeLetterheads,
  parseLetterhead,
} from '../report/docx/letterhead';
import { toSpecJson } from '../report/json';
import { toPeriodJson, withDetails } from '../report/period-json';
import { WorkbookGrid } from '../workbook/grid';
import { WorkbookFileError } from '../xlsx/errors';
import { readXlsxFile } from '../xlsx/file';
import { UsageError } from './args';
import { OutExistsError, writeAtomically } from '../xlsx/patch/atomic-write';
import { InputError, Io, SAMPLE_FILE, chooseYear, loadPlan, packageRoot } from './main';

/** Whether these arguments are this file's to run (the report command, or evaluate's new flags). */
export function handles(argv: readonly string[]): boolean {
  if (argv.includes('--help') || argv.includes('-h')) return false;
  if (argv[0] === 'report') return true;
  return argv[0] === 'evaluate' && (argv.includes('--period') || argv.includes('--details'));
}

export interface ReportArgs {
  readonly command: 'report' | 'evaluate';
  readonly files: readonly string[];
  readonly year: number | null;
  readonly period: boolean;
  readonly inclusive: boolean;
  readonly plan: string | null;
  readonly json: boolean;
  readonly details: boolean;
  readonly docx: string | null;
  readonly force: boolean;
  readonly letterheadFile: string | null;
  readonly letterhead: Partial<Letterhead>;
  readonly date: Date | null | undefined;
  readonly lang: Lang;
}

const LETTERHEAD_FLAGS = {
  'parent-agency': 'parentAgency',
  agency: 'agency',
  number: 'number',
  symbol: 'symbol',
  place: 'place',
  'signer-authority': 'signerAuthority',
  'signer-title': 'signerTitle',
  signer: 'signerName',
} as const;

function usage(vi: string, en: string): UsageError {
  return new UsageError(`${vi} (xem "cchc --help").`, `${en} (see "cchc --help").`);
}

function parseDate(text: string | undefined): Date | null | undefined {
  if (text === undefined) return undefined;
  if (text === 'blank' || text === 'trong' || text === 'trống') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  if (!d || d.getDate() !== Number(m?.[3])) {
    throw usage(
      `--date cần dạng NĂM-THÁNG-NGÀY (2025-01-15) hoặc "blank", không phải "${text}"`,
      `--date takes YYYY-MM-DD or "blank", not "${text}"`,
    );
  }
  return d;
}

/** argv → options; every wrong combination is a usage error naming the flag. */
export function parseReportArgs(argv: readonly string[], env: NodeJS.ProcessEnv = {}): ReportArgs {
  const [command, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        year: { type: 'string', short: 'y' },
        period: { type: 'boolean', default: false },
        inclusive: { type: 'boolean', default: false },
        plan: { type: 'string' },
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        docx: { type: 'string' },
        force: { type: 'boolean', default: false },
        letterhead: { type: 'string' },
        recipient: { type: 'string', multiple: true },
        date: { type: 'string' },
        lang: { type: 'string' },
        ...Object.fromEntries(Object.keys(LETTERHEAD_FLAGS).map((k) => [k, { type: 'string' as const }])),
      },
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw usage(`Tham số không hợp lệ: ${why}`, why);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const str = (k: string): string | undefined => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const flag = (k: string): boolean => v[k] === true;
  const langText = str('lang') ?? env.CCHC_LANG ?? 'vi';
  if (langText !== 'vi' && langText !== 'en')
    throw usage(`--lang nhận "vi" hoặc "en", không phải "${langText}"`, `--lang takes "vi" or "en", not "${langText}"`);
  const yearText = str('year');
  if (yearText !== undefined && !/^\d{4}$/.test(yearText))
    throw usage(
      `--year cần một năm 4 chữ số (ví dụ 2024), không phải "${yearText}"`,
      `--year needs a four-digit year (e.g. 2024), not "${yearText}"`,
    );
  const year = yearText === undefined ? null : Number(yearText);
  const period = flag('period');
  if (period && year !== null) throw usage('--period và --year không dùng cùng nhau', '--period and --year do not go together');
  const docx = str('docx') ?? null;
  const report = command === 'report';
  if (report) {
    if (docx === null) throw usage('"cchc report" cần --docx RA.docx', '"cchc report" needs --docx OUT.docx');
    if (!/\.docx$/i.test(docx))
      throw usage(`--docx cần tên tệp .docx, không phải "${docx}"`, `--docx needs a .docx file name, not "${docx}"`);
    for (const f of ['json', 'details'])
      if (flag(f)) throw usage(`"cchc report" không nhận --${f}`, `"cchc report" takes no --${f}`);
  } else {
    if (docx !== null || flag('force') || str('letterhead') !== undefined)
      throw usage(
        '--docx, --force, --letterhead thuộc lệnh "cchc report"',
        '--docx, --force and --letterhead belong to "cchc report"',
      );
    if (flag('details') && !flag('json')) throw usage('--details đi cùng --json', '--details goes with --json');
    if (flag('details') && period)
      throw usage(
        '--details dùng cho một năm (--year), không dùng với --period',
        '--details is for one year (--year), not --period',
      );
  }
  const letterhead: Record<string, unknown> = {};
  for (const [flagName, field] of Object.entries(LETTERHEAD_FLAGS)) {
    const value = str(flagName);
    if (value !== undefined) letterhead[field] = value;
  }
  const recipients = v.recipient;
  if (Array.isArray(recipients) && recipients.length > 0) letterhead.recipients = recipients;
  return {
    command: report ? 'report' : 'evaluate',
    files: parsed.positionals,
    year,
    period,
    inclusive: flag('inclusive'),
    plan: str('plan') ?? null,
    json: flag('json'),
    details: flag('details'),
    docx,
    force: flag('force'),
    letterheadFile: str('letterhead') ?? null,
    letterhead: letterhead as Partial<Letterhead>,
    date: parseDate(str('date')),
    lang: langText,
  };
}

interface Book {
  readonly file: string;
  readonly grid: WorkbookGrid;
  readonly dataset: Dataset;
}

async function readBook(file: string, cwd: string): Promise<Book> {
  let grid: WorkbookGrid;
  try {
    grid = (await readXlsxFile(path.resolve(cwd, file), { name: file })).grid;
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(e.problem, file, e.detail);
    throw e;
  }
  const dataset = readDataset(grid);
  const { units, staff, activities } = dataset.lists;
  if (units.length + staff.length + activities.length === 0)
    throw new InputError(`Không tìm thấy danh sách nào trong "${file}".`, `No list found in "${file}".`);
  return { file, grid, dataset };
}

async function readLetterheadFile(file: string, cwd: string): Promise<Partial<Letterhead>> {
  let text: string;
  try {
    const stat = await fs.stat(path.resolve(cwd, file));
    if (stat.size > 100_000) throw new Error('too large');
    text = await fs.readFile(path.resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError(`Không đọc được tệp tiêu đề văn bản "${file}".`, `Cannot read the letterhead file "${file}".`);
  }
  try {
    return parseLetterhead(JSON.parse(text));
  } catch (e) {
    const why = e instanceof LetterheadError ? e.problems.join('; ') : e instanceof Error ? e.message : String(e);
    throw new InputError(
      `Tệp tiêu đề văn bản "${file}" không hợp lệ: ${why}`,
      `The letterhead file "${file}" is not valid: ${why}`,
    );
  }
}

async function checkDocxOut(out: string): Promise<void> {
  const dir = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dir || !dir.isDirectory())
    throw new UsageError(
      `Thư mục "${path.dirname(out)}" của --docx không tồn tại.`,
      `The folder "${path.dirname(out)}" of --docx does not exist.`,
    );
  const st = await fs.stat(out).catch(() => null);
  if (st?.isDirectory()) throw new UsageError(`--docx "${out}" là một thư mục.`, `--docx "${out}" is a folder.`);
}

function periodText(p: PeriodSummary, lang: Lang): string {
  const width = Math.max(...p.targets.map((t) => [...t.name[lang]].length));
  const lines = [`${''.padEnd(5)} ${''.padEnd(width)}  ${p.years.map((y) => String(y).padEnd(16)).join('')}`];
  for (const t of p.targets)
    lines.push(
      `${t.id.padEnd(5)} ${t.name[lang].padEnd(width)}  ${t.years.map((c) => TARGET_STATUS_TEXT[c.status][lang].padEnd(16)).join('')}`,
    );
  for (const o of p.objectives)
    lines.push(
      `${o.id.padEnd(5)} ${o.name[lang].padEnd(width)}  ${o.years.map((c) => TARGET_STATUS_TEXT[c.status][lang].padEnd(16)).join('')}`,
    );
  const never = p.neverMet.length > 0 ? p.neverMet.join(', ') : lang === 'vi' ? 'không có' : 'none';
  lines.push('', `${lang === 'vi' ? 'Chưa đạt ở năm nào' : 'Never met'}: ${never}`);
  return lines.join('\n') + '\n';
}

/** Runs `cchc report …`, `cchc evaluate --period …` or `cchc evaluate --details …`. */
export async function runReport(argv: readonly string[], io: Io): Promise<number> {
  const args = parseReportArgs(argv, io.env);
  const plan: Plan = await loadPlan(args.plan, io.cwd);
  const year = args.period ? plan.period.to : chooseYear(plan, args.year);
  const out = args.docx === null ? null : path.resolve(io.cwd, args.docx);
  if (out) await checkDocxOut(out);
  const fileLetterhead = args.letterheadFile ? await readLetterheadFile(args.letterheadFile, io.cwd) : {};
  const files = args.files.length > 0 ? args.files : [path.join(packageRoot(), SAMPLE_FILE)];
  const read: Book[] = [];
  for (const file of files) read.push(await readBook(file, io.cwd));
  // Given together, each unit and issue says which file it came from (SPEC §4 `file`).
  const books = read.length > 1 ? read.map((b) => ({ ...b, dataset: withFile(b.dataset, b.file) })) : read;
  const dataset = books.length === 1 ? books[0].dataset : mergeDatasets(books.map((b) => b.dataset));
  const options = { inclusive: args.inclusive };
  const lang = args.lang;

  if (args.command === 'evaluate') {
    if (args.period) {
      const p = evaluatePeriod(dataset, plan, options);
      io.stdout.write(args.json ? JSON.stringify(toPeriodJson(p, lang), null, 2) + '\n' : periodText(p, lang));
      return 0;
    }
    const detailed = (b: Book) => {
      const e = evaluate(b.dataset, plan, { ...options, year });
      return withDetails(toSpecJson(e, lang), e.units, staffDetails(b.grid, b.dataset, plan, e));
    };
    const body =
      books.length === 1
        ? detailed(books[0])
        : {
            files: books.map((b) => ({ file: b.file, ...detailed(b) })),
            total: toSpecJson(evaluate(dataset, plan, { ...options, year }), lang),
          };
    io.stdout.write(JSON.stringify(body, null, 2) + '\n');
    return 0;
  }

  const letterhead = mergeLetterheads(
    agreed(books.map((b) => letterheadFromGrid(b.grid, headerRowsOf(b.dataset)))),
    fileLetterhead,
    args.letterhead,
  );
  const docxOptions = {
    lang,
    letterhead,
    date: args.date === undefined ? new Date() : args.date,
    source: books.map((b) => path.basename(b.file)).join(', '),
  };
  const bytes = args.period
    ? await (
        await import('../report/docx/period-report')
      ).buildPeriodReport(evaluatePeriod(dataset, plan, options), plan, docxOptions)
    : await (
        await import('../report/docx/year-report')
      ).buildYearReport(evaluate(dataset, plan, { ...options, year }), plan, docxOptions);
  try {
    writeAtomically(out as string, args.force, (sink) => sink.write(bytes));
  } catch (e) {
    if (e instanceof OutExistsError)
      throw new UsageError(
        `"${args.docx}" đã có; thêm --force để ghi đè.`,
        `"${args.docx}" already exists; add --force to replace it.`,
      );
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      `Không ghi được "${args.docx}"${code ? ` (${code})` : ''}.`,
      `Cannot write "${args.docx}"${code ? ` (${code})` : ''}.`,
    );
  }
  io.stdout.write(`${lang === 'vi' ? 'Đã ghi' : 'Written'}: ${args.docx}\n`);
  return 0;
}
