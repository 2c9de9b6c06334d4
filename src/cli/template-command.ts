/**
 * `cchc template OUT.xlsx [--units F] [--force]`: writes the standard entry template. `--units`
 * pre-fills the units list from a workbook's units list (.xlsx) or a text file with one unit name
 * a line (the kind is inferred from the name, as SPEC §2 says).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDataset } from '../engine';
import { Lang } from '../i18n';
import { inferUnitKind } from '../workbook/values';
import { readXlsxFile } from '../xlsx/file';
import { TemplateUnit } from '../xlsx/template-write';
import { UsageError } from './args';

export interface TemplateArgs {
  readonly command: 'template';
  readonly out: string;
  readonly units: string | null;
  readonly force: boolean;
  readonly lang: Lang;
}

/** At most this many units are pre-filled (a city has a few hundred). */
const MAX_UNITS = 5000;

export function parseTemplateArgs(rest: readonly string[], lang: Lang): TemplateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        units: { type: 'string' },
        force: { type: 'boolean', default: false },
        lang: { type: 'string' },
      },
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new UsageError(`Tham số không hợp lệ: ${why} (xem "cchc --help").`, `${why} (see "cchc --help").`);
  }
  const [out, ...more] = parsed.positionals;
  if (out === undefined || more.length > 0 || !/\.xlsx$/i.test(out))
    throw new UsageError(
      'Cách dùng: cchc template RA.xlsx [--units TỆP] [--force] (một tên tệp .xlsx).',
      'Usage: cchc template OUT.xlsx [--units FILE] [--force] (one .xlsx file name).',
    );
  return { command: 'template', out, units: parsed.values.units ?? null, force: parsed.values.force ?? false, lang };
}

async function readUnits(file: string, cwd: string): Promise<TemplateUnit[]> {
  const full = path.resolve(cwd, file);
  let units: TemplateUnit[];
  if (/\.xlsx$/i.test(file)) {
    const dataset = readDataset((await readXlsxFile(full, { name: file })).grid);
    units = dataset.units.filter((u) => u.duplicateOf === null).map((u) => ({ name: u.name, kind: u.kind }));
  } else {
    const text = await fs.readFile(full, 'utf8').catch(() => {
      throw new UsageError(`Không đọc được tệp "${file}" của --units.`, `Cannot read the --units file "${file}".`);
    });
    const names = [...new Set(text.split(/\r?\n/).map((l) => l.trim()))].filter((l) => l !== '');
    units = names.map((name) => ({ name, kind: inferUnitKind(name) }));
  }
  if (units.length === 0)
    throw new UsageError(`Tệp "${file}" của --units không có đơn vị nào.`, `The --units file "${file}" holds no unit.`);
  if (units.length > MAX_UNITS)
    throw new UsageError(`--units: quá ${MAX_UNITS} đơn vị.`, `--units: more than ${MAX_UNITS} units.`);
  return units;
}

export async function templateCommand(
  args: TemplateArgs,
  io: { readonly cwd: string; readonly stdout: { write(s: string): unknown } },
): Promise<number> {
  const units = args.units === null ? [] : await readUnits(args.units, io.cwd);
  const { writeTemplate } = await import('../xlsx/template-write');
  try {
    await writeTemplate(path.resolve(io.cwd, args.out), { units, force: args.force });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UsageError(
        `"${args.out}" đã có; thêm --force để ghi đè.`,
        `"${args.out}" already exists; add --force to replace it.`,
      );
    throw new UsageError(
      `Không ghi được "${args.out}"${code ? ` (${code})` : ''}: hãy kiểm tra thư mục có tồn tại và được phép ghi.`,
      `Cannot write "${args.out}"${code ? ` (${code})` : ''}: check that the folder exists and can be written to.`,
    );
  }
  const n = units.length;
  io.stdout.write(
    args.lang === 'vi'
      ? `Đã ghi mẫu nhập liệu: ${args.out}${n > 0 ? ` (${n} đơn vị)` : ''}\n`
      : `Template written: ${args.out}${n > 0 ? ` (${n} units)` : ''}\n`,
  );
  return 0;
}
