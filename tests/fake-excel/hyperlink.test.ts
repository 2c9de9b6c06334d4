/** Range.hyperlink (ExcelApi 1.7): set on a range, display text in the top-left cell, read back, kept by value writes. */

import { FakeExcel } from '../../src/fake-excel';

function links(fake: FakeExcel, sheet: string) {
  return (fake.snapshot().sheets.find((s) => s.name === sheet)?.cells ?? []).filter((c) => c.hyperlink);
}

test('a document reference on a range links every cell; textToDisplay goes to the top-left cell as text', async () => {
  const fake = new FakeExcel({ sheets: [{ name: 'Cán bộ' }, { name: 'DS', values: [['', 'giữ']] }] });
  await fake.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('DS');
    ws.getRange('A1:B1').hyperlink = { documentReference: "'Cán bộ'!A12", textToDisplay: '=1+1', screenTip: 'Đi tới' };
    await ctx.sync();
  });
  expect(fake.values('DS')).toEqual([['=1+1', 'giữ']]);
  expect(fake.cell('DS', 'A1').formula).toBeUndefined();
  expect(links(fake, 'DS').map((c) => [c.address, c.hyperlink])).toEqual([
    ['A1', { documentReference: "'Cán bộ'!A12", screenTip: 'Đi tới' }],
    ['B1', { documentReference: "'Cán bộ'!A12", screenTip: 'Đi tới' }],
  ]);
  // Writing a value keeps the link; reading gives the top-left cell's link and its display text.
  const read = await fake.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem('DS').getRange('B1');
    r.values = [['mới']];
    r.load('hyperlink');
    const none = ctx.workbook.worksheets.getItem('DS').getRange('C1');
    none.load('hyperlink');
    await ctx.sync();
    return [r.hyperlink, none.hyperlink];
  });
  expect(read).toEqual([{ documentReference: "'Cán bộ'!A12", screenTip: 'Đi tới', textToDisplay: 'mới' }, {}]);
});

test('a link with neither address nor document reference, or not an object, is refused at sync', async () => {
  const fake = new FakeExcel();
  for (const bad of [{ textToDisplay: 'x' }, null, { address: 5 }]) {
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').hyperlink = bad as unknown as Excel.RangeHyperlink;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  }
  expect(links(fake, 'Sheet1')).toEqual([]);
});
