/**
 * `cchc template OUT.xlsx`: the standard entry template (src/xlsx/template-book.ts) written beside
 * OUT and renamed into place; an existing OUT is refused unless `force`.
 */
import ExcelJS from 'exceljs';
import { writeAtomically } from './patch/atomic-write';
import { TemplateOptions, buildTemplate } from './template-book';

export type { TemplateOptions, TemplateUnit } from './template-book';

/** Writes the template to `out` atomically; an existing `out` needs `force` (code EEXIST otherwise). */
export async function writeTemplate(out: string, o: TemplateOptions & { force: boolean }): Promise<void> {
  const bytes = new Uint8Array(await buildTemplate(ExcelJS, o).xlsx.writeBuffer());
  // Temporary file in OUT's folder, fsync, rename; an existing OUT without force is OutExistsError (code EEXIST).
  writeAtomically(out, o.force, (sink) => sink.write(bytes));
}
