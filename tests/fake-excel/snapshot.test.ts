/** snapshot(), setup helpers and onChange. */

import { FakeExcel } from '../../src/fake-excel';

function sample(): FakeExcel {
  return new FakeExcel({
    workbookName: 'KeHoach.xlsx',
    sheets: [
      {
        name: 'Kế hoạch',
        values: [
          ['STT', 'Nhiệm vụ', 'Hạn', 'Kết quả'],
          [1, 'Rà soát TTHC', 45658, 'Xong'],
          [2, 'Số hóa hồ sơ', 45688, { formula: '=IF(C3>0,"Chậm","")', value: 'Chậm' }],
          [3, 'Một cửa', 45717, { error: '#N/A' }],
        ],
        numberFormats: { 'C2:C4': 'dd/mm/yyyy' },
        tables: [{ address: 'A1:D4', name: 'KeHoach' }],
        hiddenColumns: ['E'],
        columnWidths: { B: 180 },
      },
      {
        name: 'Ghi chú',
        values: [
          ['Tiêu đề', null],
          ['a', 'b'],
        ],
        merges: ['A1:B1'],
      },
    ],
    settings: { 'cchc.version': 2 },
  });
}

describe('snapshot', () => {
  test('is plain JSON and a deep copy', () => {
    const fake = sample();
    const snap = fake.snapshot();
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    (snap.sheets[0].cells as unknown[]).length = 0;
    expect(fake.snapshot().sheets[0].cells.length).toBeGreaterThan(0);
  });

  test('describes sheets, cells, formats, tables, merges, settings', () => {
    const snap = sample().snapshot();
    expect(snap).toMatchObject({
      name: 'KeHoach.xlsx',
      activeSheet: 'Kế hoạch',
      tables: [{ name: 'KeHoach', sheet: 'Kế hoạch', address: 'A1:D4' }],
      settings: { 'cchc.version': 2 },
    });
    const [plan, notes] = snap.sheets;
    expect(plan.cells.find((c) => c.address === 'D3')).toEqual({ address: 'D3', value: 'Chậm', formula: '=IF(C3>0,"Chậm","")' });
    expect(plan.cells.find((c) => c.address === 'D4')).toEqual({ address: 'D4', error: '#N/A' });
    expect(plan.cells.find((c) => c.address === 'C2')).toEqual({ address: 'C2', value: 45658, numberFormat: 'dd/mm/yyyy' });
    expect(plan.hiddenColumns).toEqual(['E']);
    expect(plan.columnWidths).toEqual({ B: 180 });
    expect(notes.merges).toEqual(['A1:B1']);
  });

  test('undoing what an add-in did restores the previous state exactly', async () => {
    const fake = sample();
    const before = fake.snapshot();
    // An add-in highlights rows, writes a report sheet, formats cells, then cleans everything up.
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Kế hoạch');
      const cf = sheet.getRange('A2:D4').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=$D2="Chậm"';
      cf.custom.format.fill.color = '#FFC7CE';
      const report = ctx.workbook.worksheets.add('Báo cáo');
      report.getRange('A1:B2').values = [
        ['Chỉ tiêu', 'Kết quả'],
        ['Đúng hạn', 0.5],
      ];
      report.getRange('A1:B1').format.font.bold = true;
      report.freezePanes.freezeRows(1);
      const scratch = sheet.getRange('F1:G3');
      scratch.values = [
        ['x', 'y'],
        [1, 2],
        [3, '=F2+G2'],
      ];
      scratch.format.fill.color = 'yellow';
      scratch.format.borders.getItem('EdgeBottom').style = 'Continuous';
      scratch.numberFormat = [
        ['@', '@'],
        ['0.0', '0.0'],
        ['0.0', '0.0'],
      ];
      ctx.workbook.settings.add('cchc.highlight', { sheet: 'Kế hoạch', range: 'A2:D4' });
      await ctx.sync();
      expect(fake.snapshot()).not.toEqual(before);

      sheet.getRange('A2:D4').conditionalFormats.clearAll();
      report.delete();
      scratch.clear();
      ctx.workbook.settings.getItem('cchc.highlight').delete();
      await ctx.sync();
    });
    expect(fake.snapshot()).toEqual(before);
  });

  test('restoring a fill that was there before gives back the same state', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3').format.fill.color = '#DDEBF7';
      await ctx.sync();
    });
    const before = fake.snapshot();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A2:B2');
      r.format.fill.color = 'red';
      await ctx.sync();
      r.format.fill.clear();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').format.fill.color = '#ddebf7';
      await ctx.sync();
    });
    expect(fake.snapshot()).toEqual(before);
  });
});

describe('setup and read helpers', () => {
  test('setValues writes literally; typeValues writes with Office’s typing rules', () => {
    const fake = new FakeExcel();
    fake.setValues('Sheet1', 'B2', [['=not a formula', '007']]);
    fake.typeValues('Sheet1', 'B3:C3', [['=SUM(1)', '007']]);
    expect(fake.values('Sheet1')).toEqual([
      ['=not a formula', '007'],
      ['#FAKE!', 7],
    ]);
    expect(fake.cell('Sheet1', 'B3').formula).toBe('=SUM(1)');
  });

  test('cell() reports value, type, text and effective format', () => {
    const fake = sample();
    expect(fake.cell('Kế hoạch', 'C2')).toMatchObject({
      address: "'Kế hoạch'!C2",
      value: 45658,
      valueType: 'Double',
      text: '01/01/2025',
      numberFormat: 'dd/mm/yyyy',
    });
    expect(fake.cell('Kế hoạch', 'C2').format.fontName).toBe('Calibri');
  });

  test('protect/select/active sheet setup', async () => {
    const fake = sample();
    fake.select('Ghi chú', 'B2');
    fake.protectSheet('Ghi chú');
    expect(fake.selection).toEqual({ sheet: 'Ghi chú', address: 'B2' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.getActiveCell().values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    fake.unprotectSheet('Ghi chú');
    fake.setActiveSheet('Kế hoạch');
    expect(fake.activeSheetName()).toBe('Kế hoạch');
  });

  test('bad setup fails at once', () => {
    expect(() => new FakeExcel({ sheets: [] })).toThrow();
    expect(() => new FakeExcel({ sheets: [{ name: 'a/b' }] })).toThrow();
    expect(() => new FakeExcel({ sheets: [{ name: 'A' }, { name: 'a' }] })).toThrow();
    expect(() => sample().cell('Missing', 'A1')).toThrow('FakeExcel: no sheet named "Missing"');
  });
});

describe('onChange', () => {
  test('fires after each sync that changed the workbook, with the fake to snapshot', async () => {
    const fake = new FakeExcel();
    const seen: string[][] = [];
    const stop = fake.onChange((f) => seen.push(f.sheetNames()));
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('A');
      await ctx.sync();
      ctx.workbook.worksheets.add('B');
      await ctx.sync();
    });
    expect(seen).toEqual([
      ['Sheet1', 'A'],
      ['Sheet1', 'A', 'B'],
    ]);
    stop();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('C');
      await ctx.sync();
    });
    expect(seen).toHaveLength(2);
  });

  test('the option form works too and is not called for empty syncs', async () => {
    let calls = 0;
    const fake = new FakeExcel({ onChange: () => calls++ });
    await fake.run(async (ctx) => {
      await ctx.sync();
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(calls).toBe(1);
  });
});
