/**
 * "Tạo mẫu nhập liệu" in the session (issue 13): the template built with exceljs (as the pane does
 * with its browser build), opened with Excel.createWorkbook where Excel has it (ExcelApi 1.8), else
 * handed back as bytes to download; either way the same workbook the command line writes.
 */
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { Session } from '../../src/excel/session';
import { readDataset } from '../../src/engine';
import { TEMPLATE_SHEETS } from '../../src/report/template';
import { readXlsx } from '../../src/xlsx/read-xlsx';
import { envOf } from '../helpers/fake-book';

installExcelEnums();

function listsOf(bytes: Uint8Array): string[] {
  const book = readXlsx(bytes, { name: 'mau.xlsx' });
  const lists = readDataset(book.grid).lists;
  return [...lists.units, ...lists.staff, ...lists.activities].map((l) => `${l.kind}:${l.sheet}`);
}

test('without createWorkbook: the bytes of the template, which read back as the three lists', async () => {
  const session = new Session(envOf(new FakeExcel()), { lang: 'vi' });
  const out = await session.makeTemplate();
  if (out.opened) throw new Error('expected bytes');
  expect(out.name).toBe('mau-nhap-lieu-cchc.xlsx');
  expect(listsOf(out.bytes)).toEqual([
    `units:${TEMPLATE_SHEETS.units}`,
    `staff:${TEMPLATE_SHEETS.staff}`,
    `activities:${TEMPLATE_SHEETS.activities}`,
  ]);
});

test('with createWorkbook (ExcelApi 1.8): opened as a new workbook from base64', async () => {
  const opened: string[] = [];
  const env = { ...envOf(new FakeExcel()), createWorkbook: async (b64: string) => void opened.push(b64) };
  const session = new Session(env, { lang: 'vi' });
  expect(await session.makeTemplate()).toEqual({ opened: true });
  expect(opened).toHaveLength(1);
  expect(listsOf(new Uint8Array(Buffer.from(opened[0], 'base64')))).toHaveLength(3);
});
