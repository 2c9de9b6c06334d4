/**
 * "Tạo mẫu nhập liệu" from the pane: the standard entry template built in the browser (exceljs'
 * browser build, loaded on first use) and opened as a new workbook with Excel.createWorkbook
 * (ExcelApi 1.8: "Creates and opens a new workbook … pre-populated with a Base64-encoded .xlsx
 * file", @types/office-js). Where that is missing (older Excel, the preview), the bytes come back
 * for the pane to offer as a download.
 */
import type { ExcelJSLib } from '../xlsx/template-book';
import { ExcelEnv } from './env';
import { fromOfficeError } from './errors';

export const TEMPLATE_FILE_NAME = 'mau-nhap-lieu-cchc.xlsx';

export type TemplateOutcome =
  { readonly opened: true } | { readonly opened: false; readonly name: string; readonly bytes: Uint8Array };

/** Base64 of bytes, in slices (String.fromCharCode over a whole file would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export async function templateBytes(): Promise<Uint8Array> {
  const [mod, { buildTemplate }] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ 'exceljs'),
    import(/* webpackChunkName: "template" */ '../xlsx/template-book'),
  ]);
  const lib = ((mod as { default?: ExcelJSLib }).default ?? mod) as ExcelJSLib;
  const buffer = await buildTemplate(lib).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

export async function makeTemplate(env: ExcelEnv): Promise<TemplateOutcome> {
  const bytes = await templateBytes();
  if (!env.createWorkbook) return { opened: false, name: TEMPLATE_FILE_NAME, bytes };
  try {
    await env.createWorkbook(toBase64(bytes));
  } catch (e) {
    throw fromOfficeError(e);
  }
  return { opened: true };
}
