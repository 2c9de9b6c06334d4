/**
 * `cchc template OUT.xlsx`: the standard entry template (src/xlsx/template-book.ts) written beside
 * OUT and renamed into place; an existing OUT is refused unless `force`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { TemplateOptions, buildTemplate } from './template-book';

export type { TemplateOptions, TemplateUnit } from './template-book';

/** Writes the template to `out` atomically; an existing `out` needs `force` (code EEXIST otherwise). */
export async function writeTemplate(out: string, o: TemplateOptions & { force: boolean }): Promise<void> {
  if (!o.force && (await fs.stat(out).catch(() => null))) {
    const e = new Error(`exists: ${out}`) as NodeJS.ErrnoException;
    e.code = 'EEXIST';
    throw e;
  }
  const tmp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    await buildTemplate(ExcelJS, o).xlsx.writeFile(tmp);
    await fs.rename(tmp, out);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
