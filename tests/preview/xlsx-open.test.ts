/**
 * The preview opens .xlsx files through the command line's reader, so the pane and `cchc evaluate`
 * see the same values: LibreOffice's =FALSE() (with or without a cached value), a formula's cached
 * "" / 0 / error, in the in-memory Excel's `values` as Office.js would give them.
 */
import { FakeExcel, installExcelEnums } from '../../src/fake-excel';
import { readXlsx } from '../../src/preview/xlsx';
import { readXlsx as readGrid } from '../../src/xlsx/read-xlsx';
import { c, rawXlsx, row } from '../xlsx/raw';

installExcelEnums();

test('formula cells read with their cached result in the preview, as the command line reads them', async () => {
  const bytes = rawXlsx({
    sheets: [
      {
        name: 'LibreOffice',
        data: row(
          1,
          c('A1', { t: 'b', f: 'FALSE()', v: '0' }) +
            c('B1', { f: 'FALSE()' }) +
            c('C1', { t: 'b', f: 'TRUE()', v: '1' }) +
            c('D1', { f: 'A1-A1', v: '0' }) +
            c('E1', { t: 'str', f: 'IF(1=2,"x","")', v: '' }) +
            c('F1', { t: 'e', f: '1/0', v: '#DIV/0!' }) +
            c('G1', { t: 'inlineStr', is: '<t>Đạt</t>' }),
        ),
      },
    ],
  });
  const sheets = await readXlsx(bytes.slice().buffer);
  const fake = new FakeExcel({ workbookName: 'lo.xlsx', sheets: sheets.map((s) => s.setup) });
  const values = await fake.run(async (context) => {
    const range = context.workbook.worksheets.getItem('LibreOffice').getRange('A1:G1');
    range.load('values');
    await context.sync();
    return range.values[0];
  });
  expect(values).toEqual([false, false, true, 0, '', '#DIV/0!', 'Đạt']);
  // The command line's grid holds the same.
  const grid = readGrid(bytes).grid.sheets[0].rows[0];
  expect(grid).toEqual([false, false, true, 0, undefined, { error: '#DIV/0!' }, 'Đạt']);
});
