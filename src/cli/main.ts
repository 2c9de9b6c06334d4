/**
 * The `cchc` command line: a thin shell over the engine. One command table, each command a plain
 * async function; exactly one place maps errors to exit codes (0 evaluated, 1 issues with
 * --strict-data, 2 bad arguments or an unreadable file, with nothing written).
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Dataset, Evaluation, evaluate, readDataset } from '../engine';
import { Lang, thresholdText } from '../i18n';
import { HCMC_PLAN, Plan, PlanError, defaultYear, isMeasured, parsePlan, thresholdFor } from '../plan';
import { consolidate } from '../report/consolidate';
import { SpecJson, toSpecJson } from '../report/json';
import { PlanSheetRead, readPlanSheet } from '../plan/sheet';
import { SCHEMAS } from '../workbook/fields';
import { WorkbookGrid } from '../workbook/grid';
import { WorkbookFileError, fileProblemText } from '../xlsx/errors';
import { readWorkbookBytes, readXlsxBytes, readXlsxFile } from '../xlsx/file';
import { CliArgs, EvaluateArgs, PlanArgs, UsageError, parseCli } from './args';
import { planFromInputs, planFromWorkbook } from './plan-sheet';
import { parseTemplateArgs, templateCommand } from './template-command';
import { FilesJson, expandInputs, filesJson, formatByFile, formatFailures, readAll } from './files';
import { Style, formatSummary } from './format';
import { OutWriteError, refuseExistingOut, statusColumnLines, writeOutCopy } from './out-command';

export interface Io {
  readonly stdout: { write(s: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(s: string): unknown };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
}

/** Input the command line cannot work with: a one-line explanation in Vietnamese and English. */
export class InputError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string = vi,
  ) {
    super(vi);
    this.name = 'InputError';
  }
}

/** The repository root (where package.json is), found from this file's folder. */
export function packageRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
}

export const SAMPLE_FILE = path.join('assets', 'sample', 'cchc-mau.xlsx');

function helpText(lang: Lang): string {
  if (lang === 'en') {
    return `cchc — Ho Chi Minh City CCHC plan 2022–2025: evaluate officials' workbooks

Usage
  cchc evaluate [FILE.xlsx | FOLDER …] [--year Y] [--inclusive] [--plan PLAN.json] [--json] [--out OUT.xlsx [--force]] [--strict-data]
  cchc plan [--year Y] [--inclusive] [--plan PLAN.json] [--json] [--xlsx OUT.xlsx [--force]]
  cchc evaluate [FILE.xlsx …] --period [--json]          every year of the plan side by side
  cchc evaluate [FILE.xlsx …] --year Y --json --details  who still needs T02/T03/T04, by unit
  cchc report [FILE.xlsx …] (--year Y | --period) --docx OUT.docx [--force] [--letterhead F.json]
      [--parent-agency T] [--agency T] [--symbol BC-…] [--place T] [--signer-authority T]
      [--signer-title T] [--signer NAME] [--recipient T]… [--date YYYY-MM-DD|blank]
                   a Word report in the NĐ 30/2020 layout ("……" where the letterhead is unknown)
  cchc template OUT.xlsx [--units UNITS.xlsx|UNITS.txt] [--force]   the standard entry template

Without FILE, evaluates the bundled sample workbook (${SAMPLE_FILE}).
  --year Y         year to evaluate as at 31 December (default: this year, within the plan's period)
  --inclusive      read "over X %" as "X % or more" (default: strictly more than X %)
  --plan F         another plan: JSON of the same shape, or an .xlsx with a "CCHC plan" sheet
                   (an input workbook's own "Kế hoạch CCHC" sheet is used when there is no --plan)
  --xlsx OUT.xlsx  (plan) write the plan as an editable sheet "Kế hoạch CCHC"; --force replaces OUT
  --json           the machine-readable result (one object; several files: per file and a total)
  --by-file        several files or a folder (every .xlsx in it): one row per file and the total
  --out OUT.xlsx   write a copy of the workbook with units colored by status and a report sheet
  --force          replace OUT.xlsx if it already exists
  --strict-data    exit 1 when the workbook has data issues
  --lang vi|en     language of the summary and messages (default vi, or $CCHC_LANG)
  --no-color       no colors even on a terminal

Exit codes: 0 evaluated · 1 data issues with --strict-data · 2 bad arguments or unreadable file
`;
  }
  return `cchc — Kế hoạch CCHC TP.HCM 2022–2025: đánh giá sổ tính của cơ quan, đơn vị

Cách dùng
  cchc evaluate [TỆP.xlsx | THƯ_MỤC …] [--year NĂM] [--inclusive] [--plan KẾ_HOẠCH.json] [--json] [--out RA.xlsx [--force]] [--strict-data]
  cchc plan [--year NĂM] [--inclusive] [--plan KẾ_HOẠCH.json] [--json] [--xlsx RA.xlsx [--force]]
  cchc evaluate [TỆP.xlsx …] --period [--json]            kết quả từng năm của cả giai đoạn
  cchc evaluate [TỆP.xlsx …] --year NĂM --json --details  danh sách còn cần bồi dưỡng (T02/T03/T04) theo đơn vị
  cchc report [TỆP.xlsx …] (--year NĂM | --period) --docx RA.docx [--force] [--letterhead TỆP.json]
      [--parent-agency …] [--agency …] [--symbol BC-…] [--place …] [--signer-authority …]
      [--signer-title …] [--signer HỌ_TÊN] [--recipient …]… [--date NĂM-THÁNG-NGÀY|blank]
                   báo cáo Word theo thể thức Nghị định 30/2020 ("……" ở chỗ chưa biết)
  cchc template RA.xlsx [--units ĐƠN_VỊ.xlsx|ĐƠN_VỊ.txt] [--force]   mẫu nhập liệu chuẩn

Không ghi TỆP thì đánh giá sổ tính mẫu đi kèm (${SAMPLE_FILE}).
  --year NĂM       năm đánh giá (tính đến 31/12; mặc định: năm nay, trong giai đoạn của kế hoạch)
  --inclusive      hiểu "trên X %" là "từ X % trở lên" (mặc định: lớn hơn X %)
  --plan TỆP       kế hoạch khác: JSON cùng cấu trúc, hoặc tệp .xlsx có trang "Kế hoạch CCHC"
                   (không có --plan thì dùng trang "Kế hoạch CCHC" trong sổ tính đầu vào, nếu có)
  --xlsx RA.xlsx   (plan) ghi kế hoạch thành trang "Kế hoạch CCHC" để sửa; --force để ghi đè RA
  --json           kết quả dạng máy đọc (một đối tượng; nhiều tệp: từng tệp và tổng hợp)
  --by-file        nhiều tệp hoặc một thư mục (mọi tệp .xlsx trong đó): mỗi tệp một dòng và dòng tổng
  --out RA.xlsx    ghi bản sao sổ tính, tô màu đơn vị theo kết quả và thêm trang báo cáo
  --force          ghi đè RA.xlsx nếu tệp đã có
  --strict-data    trả mã 1 khi sổ tính có vấn đề dữ liệu
  --lang vi|en     ngôn ngữ (mặc định vi, hoặc biến $CCHC_LANG)
  --no-color       không tô màu

Mã thoát: 0 đã đánh giá · 1 có vấn đề dữ liệu khi dùng --strict-data · 2 sai tham số hoặc không đọc được tệp
`;
}

export async function loadPlan(file: string | null, cwd: string): Promise<Plan> {
  if (file === null) return HCMC_PLAN;
  const full = path.resolve(cwd, file);
  if (/\.xlsx$/i.test(file)) return planFromWorkbook(file, (await readXlsxFile(full, { name: file })).grid).plan;
  let text: string;
  try {
    text = await fs.readFile(full, 'utf8');
  } catch {
    throw new InputError(`Không đọc được tệp kế hoạch "${file}".`, `Cannot read the plan file "${file}".`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new InputError(
      `Tệp kế hoạch "${file}" không phải JSON hợp lệ: ${why}`,
      `The plan file "${file}" is not valid JSON: ${why}`,
    );
  }
  return parsePlan(json, file);
}

export function chooseYear(plan: Plan, year: number | null): number {
  if (year === null) return defaultYear(plan);
  if (year < plan.period.from || year > plan.period.to) {
    throw new UsageError(
      `Năm ${year} nằm ngoài giai đoạn của kế hoạch (${plan.period.from}–${plan.period.to}).`,
      `Year ${year} is outside the plan's period (${plan.period.from}–${plan.period.to}).`,
    );
  }
  return year;
}

/** The lists a workbook needs and their first headers, in the message's language. */
function expectedHeaders(lang: Lang): string {
  const show = (kind: 'units' | 'staff' | 'activities') =>
    SCHEMAS[kind].fields
      .filter((f) => f.field !== 'stt')
      .slice(0, 4)
      .map((f) => `"${f.header[lang]}"`)
      .join(', ');
  return lang === 'vi'
    ? `danh sách đơn vị (${show('units')}…), cán bộ (${show('staff')}…) và hoạt động (${show('activities')}…)`
    : `a units list (${show('units')}…), a staff list (${show('staff')}…) and an activities list (${show('activities')}…)`;
}

interface FileResult {
  readonly file: string;
  readonly dataset: Dataset;
  readonly evaluation: Evaluation;
}

/** A WorkbookFileError named as the user wrote the file; anything else as it is. */
async function namedAs<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof WorkbookFileError) throw new WorkbookFileError(e.problem, file, e.detail);
    throw e;
  }
}

/** A workbook file's bytes (read safely: src/xlsx/file.ts). */
function fetchWorkbook(file: string, cwd: string): Promise<Buffer> {
  return namedAs(file, () => readWorkbookBytes(path.resolve(cwd, file), file));
}

/**
 * Reads one workbook's bytes with the project's own reader (src/xlsx/workbook-read.ts); --out
 * also keeps them (the copy patches them).
 */
async function readOne(
  file: string,
  buffer: Buffer,
  keepBytes: boolean,
): Promise<{ dataset: Dataset; grid: WorkbookGrid | null; buffer: Buffer | null; planSheet: PlanSheetRead }> {
  const grid = (await namedAs(file, () => readXlsxBytes(buffer, { name: file }))).grid;
  const dataset = readDataset(grid);
  const { units, staff, activities } = dataset.lists;
  if (units.length + staff.length + activities.length === 0) {
    throw new InputError(
      `Không tìm thấy danh sách nào trong "${file}". Cần có ${expectedHeaders('vi')}, với một dòng tiêu đề cột.`,
      `No list found in "${file}". Expected ${expectedHeaders('en')}, each with a header row (Vietnamese or English headers).`,
    );
  }
  // Only --out keeps the bytes and the grid (the copy patches them); many files keep neither.
  return { dataset, grid: keepBytes ? grid : null, buffer: keepBytes ? buffer : null, planSheet: readPlanSheet(grid) };
}

/**
 * --out must never be one of the inputs, by any path to it (a link, "./", another spelling), and
 * its folder must exist: checked before anything is read or written.
 */
async function checkOut(out: string, inputs: readonly string[]): Promise<void> {
  const same = new UsageError(
    '--out không được trùng với tệp đầu vào: cchc không bao giờ ghi đè sổ tính của bạn.',
    '--out must not be the input file: cchc never overwrites your workbook.',
  );
  if (inputs.includes(out)) throw same;
  const outStat = await fs.stat(out).catch(() => null);
  if (outStat) {
    for (const input of inputs) {
      const st = await fs.stat(input).catch(() => null);
      if (st && st.dev === outStat.dev && st.ino === outStat.ino) throw same;
    }
    if (outStat.isDirectory())
      throw new UsageError(
        `--out "${out}" là một thư mục; hãy ghi tên tệp .xlsx.`,
        `--out "${out}" is a folder; give an .xlsx file name.`,
      );
  }
  const dir = await fs.stat(path.dirname(out)).catch(() => null);
  if (!dir || !dir.isDirectory()) {
    throw new UsageError(
      `Thư mục "${path.dirname(out)}" của --out không tồn tại.`,
      `The folder "${path.dirname(out)}" of --out does not exist.`,
    );
  }
}

function useColor(args: EvaluateArgs, io: Io): boolean {
  if (args.color !== null) return args.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdout.isTTY === true;
}

/** Why one of several files cannot be read (it is then reported and left out); null: not about the file. */
function readProblem(e: unknown): { vi: string; en: string } | null {
  if (e instanceof WorkbookFileError)
    return { vi: fileProblemText(e.problem, e.file, 'vi', e.detail), en: fileProblemText(e.problem, e.file, 'en', e.detail) };
  if (e instanceof InputError) return { vi: e.vi, en: e.en };
  return null;
}

async function evaluateCommand(args: EvaluateArgs, io: Io): Promise<number> {
  // --plan F.xlsx: the plan sheet of that workbook; else a plan sheet in the inputs (below); else F.json or the built-in plan.
  const planBook =
    args.plan !== null && /\.xlsx$/i.test(args.plan)
      ? planFromWorkbook(args.plan, (await readXlsxFile(path.resolve(io.cwd, args.plan), { name: args.plan })).grid)
      : null;
  let plan = planBook?.plan ?? (await loadPlan(args.plan, io.cwd));
  const files = args.files.length > 0 ? args.files : [path.join(packageRoot(), SAMPLE_FILE)];
  if (args.out !== null)
    await checkOut(
      path.resolve(io.cwd, args.out),
      files.map((f) => path.resolve(io.cwd, f)),
    );
  if (args.out !== null) refuseExistingOut(path.resolve(io.cwd, args.out), args.out, args.force);
  const inputs = args.files.length > 0 ? await expandInputs(files, io.cwd) : { files, fromFolder: false };
  if (args.out !== null && inputs.fromFolder)
    throw new UsageError('--out chỉ dùng với một tệp, không dùng với thư mục.', '--out goes with one file, not with a folder.');
  const { read, failed } = await readAll(
    inputs.files,
    (file) => fetchWorkbook(file, io.cwd),
    (file, buffer) => readOne(file, buffer, args.out !== null),
    readProblem,
    args.strictData || inputs.files.length === 1,
  );
  const sheetPlan = args.plan === null ? planFromInputs(read) : planBook;
  if (sheetPlan) plan = sheetPlan.plan;
  const options = { year: chooseYear(plan, args.year), inclusive: args.inclusive || (sheetPlan?.inclusive ?? false) };
  const several = inputs.files.length > 1 || inputs.fromFolder;
  const together = several ? consolidate(read, failed, plan, options) : null;
  const results: FileResult[] = read.map((r, i) => ({
    ...r,
    evaluation: together ? together.files[i].evaluation : evaluate(r.dataset, plan, options),
  }));
  const total = together?.total ?? null;

  let outLines: string[] = [];
  if (args.out !== null) {
    const [first] = read;
    if (first.buffer === null || first.grid === null) throw new Error('--out: the workbook was read without its bytes');
    const done = await writeOutCopy({
      out: path.resolve(io.cwd, args.out),
      shown: args.out,
      force: args.force,
      lang: args.lang,
      original: first.buffer,
      file: files[0],
      grid: first.grid,
      dataset: first.dataset,
      evaluation: results[0].evaluation,
    });
    outLines = statusColumnLines(done.statusColumns, args.lang);
    if (args.json) for (const line of outLines) io.stderr.write(`cchc: ${line}\n`);
  }

  if (args.json) {
    const body: SpecJson | FilesJson =
      together === null ? toSpecJson(results[0].evaluation, args.lang) : filesJson(together, inputs.files, args.lang);
    io.stdout.write(JSON.stringify(body, null, 2) + '\n');
  } else {
    const style: Style = { color: useColor(args, io) };
    if (together !== null && args.byFile) {
      io.stdout.write(formatByFile(together, args.lang, style));
      return args.strictData && (total?.issues.length ?? 0) > 0 ? 1 : 0;
    }
    const parts = results.map((r) => formatSummary(r.evaluation, { lang: args.lang, style, file: path.basename(r.file), plan }));
    if (total)
      parts.push(formatSummary(total, { lang: args.lang, style, file: args.lang === 'vi' ? 'TỔNG HỢP' : 'TOTAL', plan }));
    if (together !== null && together.failed.length > 0) parts.push(formatFailures(together, args.lang).join('\n') + '\n');
    io.stdout.write(parts.join('\n'));
    if (args.out !== null)
      io.stdout.write(`\n${[...outLines, `${args.lang === 'vi' ? 'Đã ghi' : 'Written'}: ${args.out}`].join('\n')}\n`);
  }
  const issues = (total ?? results[0].evaluation).issues.length;
  return args.strictData && issues > 0 ? 1 : 0;
}

async function planCommand(args: PlanArgs, io: Io): Promise<number> {
  const plan = await loadPlan(args.plan, io.cwd);
  if (args.xlsx !== null) return writePlanCommand(args.xlsx, plan, args, io);
  const year = args.year === null ? null : chooseYear(plan, args.year);
  const years = year === null ? range(plan.period.from, plan.period.to) : [year];
  const rows = plan.targets.map((t) => ({
    id: t.id,
    name: t.name[args.lang],
    thresholds: Object.fromEntries(
      years.map((y) => [
        String(y),
        isMeasured(t) ? thresholdText(thresholdFor(t, y, args), t.measure, args.lang) : t.parts.join(' + '),
      ]),
    ),
  }));
  if (args.json) {
    const json = plan.targets.map((t) => ({
      id: t.id,
      name: t.name,
      measure: t.measure,
      thresholds: Object.fromEntries(years.map((y) => [String(y), isMeasured(t) ? thresholdFor(t, y, args) : null])),
    }));
    io.stdout.write(JSON.stringify({ plan: plan.id, strict: !args.inclusive, targets: json }, null, 2) + '\n');
    return 0;
  }
  const out = [plan.title[args.lang], ''];
  const nameWidth = Math.max(...rows.map((r) => [...r.name].length));
  out.push(`${'ID'.padEnd(5)} ${''.padEnd(nameWidth)}  ${years.map((y) => String(y).padEnd(10)).join('')}`);
  for (const r of rows)
    out.push(`${r.id.padEnd(5)} ${r.name.padEnd(nameWidth)}  ${years.map((y) => r.thresholds[String(y)].padEnd(10)).join('')}`);
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** `cchc plan --xlsx OUT.xlsx [--force]`: the plan as an editable sheet, never over an existing file without --force. */
async function writePlanCommand(out: string, plan: Plan, args: PlanArgs, io: Io): Promise<number> {
  const { writePlanWorkbook } = await import('../xlsx/plan-write');
  try {
    await writePlanWorkbook(path.resolve(io.cwd, out), plan, { inclusive: args.inclusive, lang: args.lang, force: args.force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(`"${out}" đã có; thêm --force để ghi đè.`, `"${out}" already exists; add --force to replace it.`);
    throw new InputError(
      `Không ghi được "${out}"${code ? ` (${code})` : ''}: hãy kiểm tra thư mục có tồn tại và được phép ghi.`,
      `Cannot write "${out}"${code ? ` (${code})` : ''}: check that the folder exists and can be written to.`,
    );
  }
  io.stdout.write(`${args.lang === 'vi' ? 'Đã ghi' : 'Written'}: ${out}\n`);
  return 0;
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

function version(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

const COMMANDS: { [K in CliArgs['command']]: (args: Extract<CliArgs, { command: K }>, io: Io) => Promise<number> } = {
  evaluate: evaluateCommand,
  plan: planCommand,
  template: templateCommand,
  help: async (args, io) => {
    io.stdout.write(helpText(args.lang));
    return 0;
  },
  version: async (_args, io) => {
    io.stdout.write(`${version()}\n`);
    return 0;
  },
};

/** Runs the command line; resolves to the exit code. The only place errors become exit codes. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  // The language of messages, known even when the rest of the arguments are wrong.
  const at = argv.indexOf('--lang');
  let lang: Lang = (at >= 0 ? argv[at + 1] : io.env.CCHC_LANG) === 'en' ? 'en' : 'vi';
  try {
    // Word reports, the period summary and --details live in their own file (report-command.ts).
    if (argv[0] === 'report' || argv[0] === 'evaluate') {
      const reports = await import('./report-command');
      if (reports.handles(argv)) return await reports.runReport(argv, io);
    }
    // "template" has its own options (src/cli/template-command.ts).
    const args = argv[0] === 'template' ? parseTemplateArgs(argv.slice(1), lang) : parseCli(argv, io.env);
    if ('lang' in args) lang = args.lang;
    const run = COMMANDS[args.command] as (a: CliArgs, io: Io) => Promise<number>;
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError || e instanceof OutWriteError) {
      io.stderr.write(`cchc: ${lang === 'vi' ? e.vi : e.en}\n`);
      return 2;
    }
    if (e instanceof WorkbookFileError) {
      io.stderr.write(`cchc: ${fileProblemText(e.problem, e.file, lang, e.detail)}\n`);
      return 2;
    }
    if (e instanceof PlanError) {
      const head = lang === 'vi' ? `kế hoạch "${e.source}" không hợp lệ` : `plan "${e.source}" is not valid`;
      io.stderr.write(`cchc: ${head}: ${e.problems.join('; ')}\n`);
      return 2;
    }
    throw e;
  }
}
