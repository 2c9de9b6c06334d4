/** Cell values, formulas, number formats, addresses, geometry, clear, merges, formats. */

import { FakeExcel, FakeOfficeError, UNEVALUATED_FORMULA_ERROR } from '../../src/fake-excel';

async function write(fake: FakeExcel, sheet: string, address: string, set: (r: Excel.Range) => void): Promise<void> {
  await fake.run(async (ctx) => {
    set(ctx.workbook.worksheets.getItem(sheet).getRange(address));
    await ctx.sync();
  });
}

async function read<K extends keyof Excel.Range>(
  fake: FakeExcel,
  sheet: string,
  address: string,
  prop: K,
): Promise<Excel.Range[K]> {
  return fake.run(async (ctx) => {
    const r = ctx.workbook.worksheets.getItem(sheet).getRange(address);
    r.load(prop as string);
    await ctx.sync();
    return r[prop];
  });
}

describe('values', () => {
  test('a 2-D array of the wrong size fails with InvalidArgument at sync', async () => {
    const fake = new FakeExcel();
    for (const bad of [[[1, 2]], [[1], [2], [3]], [[1], [2, 3]], [1, 2]]) {
      await expect(write(fake, 'Sheet1', 'A1:A2', (r) => (r.values = bad as unknown[][]))).rejects.toMatchObject({
        code: 'InvalidArgument',
      });
    }
    expect(fake.values('Sheet1')).toEqual([]);
  });

  test('a single value (not an array) is written to every cell of the range', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'B2:C3', (r) => (r.values = 7 as unknown as unknown[][]));
    expect(fake.values('Sheet1', 'A1:C3')).toEqual([
      ['', '', ''],
      ['', 7, 7],
      ['', 7, 7],
    ]);
    await write(fake, 'Sheet1', 'B2:C3', (r) => (r.numberFormat = '0.00' as unknown as unknown[][]));
    expect(fake.cell('Sheet1', 'C3').numberFormat).toBe('0.00');
    expect(fake.cell('Sheet1', 'C3').text).toBe('7.00');
  });

  test('null entries leave their cell unchanged; null for the whole property is invalid', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['a', 'b']] }] });
    await write(fake, 'S', 'A1:B1', (r) => (r.values = [[null, 'B']]));
    expect(fake.values('S')).toEqual([['a', 'B']]);
    await expect(write(fake, 'S', 'A1', (r) => (r.values = null as unknown as unknown[][]))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  test('"" clears a cell’s content but keeps its format', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['a']], numberFormats: { A1: '@' } }] });
    await write(fake, 'S', 'A1', (r) => (r.values = [['']]));
    expect(fake.cell('S', 'A1')).toMatchObject({ value: '', valueType: 'Empty', numberFormat: '@' });
  });

  test('a string starting with "=" becomes a formula unless the cell is formatted as text', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', numberFormats: { B1: '@' } }] });
    await write(fake, 'S', 'A1:B1', (r) => (r.values = [['=SUM(C1:C9)', '=SUM(C1:C9)']]));
    expect(fake.cell('S', 'A1')).toMatchObject({ formula: '=SUM(C1:C9)', value: UNEVALUATED_FORMULA_ERROR, valueType: 'Error' });
    expect(fake.cell('S', 'B1')).toMatchObject({ value: '=SUM(C1:C9)', valueType: 'String' });
    expect(fake.cell('S', 'B1').formula).toBeUndefined();
    expect(await read(fake, 'S', 'A1:B1', 'formulas')).toEqual([['=SUM(C1:C9)', '=SUM(C1:C9)']]);
  });

  test('number format "@" set earlier in the same batch applies to the values written after it', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1', (r) => {
      r.numberFormat = [['@']];
      r.values = [['=1+1']];
    });
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: '=1+1', valueType: 'String' });
  });

  test('HYPERLINK evaluates to its friendly name; literals and references evaluate too', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Cán bộ', values: [['x', 5]] }, { name: 'Báo cáo' }] });
    await write(fake, 'Báo cáo', 'A1:D1', (r) => {
      r.formulas = [[`=HYPERLINK("#'Cán bộ'!A1","Đi tới ""Cán bộ""")`, '="text"', "='Cán bộ'!B1", '=42']];
    });
    expect(fake.values('Báo cáo')).toEqual([['Đi tới "Cán bộ"', 'text', 5, 42]]);
    expect(await read(fake, 'Báo cáo', 'A1', 'formulas')).toEqual([[`=HYPERLINK("#'Cán bộ'!A1","Đi tới ""Cán bộ""")`]]);
  });

  test('a string starting with "-" or "+" is a formula too (bullet text needs "@" or a leading apostrophe)', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1:D1', (r) => (r.values = [['- Rà soát TTHC', '-5', "'- Rà soát TTHC", '-']]));
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ formula: '=- Rà soát TTHC', valueType: 'Error' });
    expect(fake.values('Sheet1')).toEqual([[UNEVALUATED_FORMULA_ERROR, -5, '- Rà soát TTHC', '-']]);
    expect(fake.cell('Sheet1', 'C1').formula).toBeUndefined();
  });

  test('typing rules: numbers, booleans and error literals are parsed; other text stays text', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1:F1', (r) => (r.values = [['12', '1.5e3', 'true', '#N/A', '12a', 'Hà Nội']]));
    expect(fake.values('Sheet1')).toEqual([[12, 1500, true, '#N/A', '12a', 'Hà Nội']]);
    expect(await read(fake, 'Sheet1', 'A1:F1', 'valueTypes')).toEqual([
      ['Double', 'Double', 'Boolean', 'Error', 'String', 'String'],
    ]);
  });

  test('text follows the number format', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: 'S',
          values: [[1234.5, 0.256, 45292, 3, true, -2]],
          numberFormats: { A1: '#,##0.00', B1: '0.0%', C1: 'dd/mm/yyyy', D1: '0" người"', F1: '0.0' },
        },
      ],
    });
    expect(await read(fake, 'S', 'A1:F1', 'text')).toEqual([['1,234.50', '25.6%', '01/01/2024', '3 người', 'TRUE', '-2.0']]);
  });

  test('"" as a number format resets it to General', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', numberFormats: { A1: '0.00' } }] });
    await write(fake, 'S', 'A1', (r) => (r.numberFormat = [['']]));
    expect(fake.cell('S', 'A1').numberFormat).toBe('General');
    expect(fake.snapshot().sheets[0].cells).toEqual([]);
  });

  test('a 50,000-row write and read stay cheap', async () => {
    const fake = new FakeExcel();
    const rows = Array.from({ length: 50000 }, (_, i) => [i, 'row ' + i, i % 2 === 0]);
    const t0 = Date.now();
    await write(fake, 'Sheet1', 'A1:C50000', (r) => (r.values = rows));
    const back = await read(fake, 'Sheet1', 'A1:C50000', 'values');
    expect(back).toEqual(rows);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(fake.values('Sheet1').length).toBe(50000);
  });
});

describe('addresses and geometry', () => {
  test('addresses are sheet-qualified and quoted when needed', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1' }, { name: 'Cán bộ' }, { name: "O'Neil" }, { name: '2024' }] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const rs = [
        ws.getItem('Sheet1').getRange('c3:a1'),
        ws.getItem('Cán bộ').getRange('B2'),
        ws.getItem("O'Neil").getRange('$A$1:$B$2'),
        ws.getItem('2024').getRange('A:B'),
        ws.getItem('Sheet1').getRange('3:4'),
        ws.getItem('Sheet1').getRange(),
      ];
      rs.forEach((r) => r.load('address'));
      await ctx.sync();
      expect(rs.map((r) => r.address)).toEqual([
        'Sheet1!A1:C3',
        "'Cán bộ'!B2",
        "'O''Neil'!A1:B2",
        "'2024'!A:B",
        'Sheet1!3:4',
        'Sheet1!1:1048576',
      ]);
    });
  });

  test('index properties and the navigation methods', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const base = s.getRange('B2:D5');
      const list = [
        base.getCell(1, 2),
        base.getRow(0),
        base.getColumn(1),
        base.getResizedRange(1, -1),
        base.getOffsetRange(2, 1),
        base.getEntireColumn(),
        base.getEntireRow(),
        s.getRangeByIndexes(9, 0, 2, 3),
        s.getCell(0, 27),
        base.getLastCell(),
        base.getIntersection('C3:Z9'),
        base.getBoundingRect('F9'),
      ];
      list.forEach((r) => r.load('address'));
      base.load('rowIndex,columnIndex,rowCount,columnCount,cellCount,isEntireColumn');
      await ctx.sync();
      expect(list.map((r) => r.address.replace('Sheet1!', ''))).toEqual([
        'D3',
        'B2:D2',
        'C2:C5',
        'B2:C6',
        'C4:E7',
        'B:D',
        '2:5',
        'A10:C11',
        'AB1',
        'D5',
        'C3:D5',
        'B2:F9',
      ]);
      expect([base.rowIndex, base.columnIndex, base.rowCount, base.columnCount, base.cellCount, base.isEntireColumn]).toEqual([
        1,
        1,
        4,
        3,
        12,
        false,
      ]);
    });
  });

  test('an offset off the sheet fails with InvalidArgument', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').getOffsetRange(-1, 0);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('bad addresses fail with InvalidArgument', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('not an address');
        await ctx.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
  });

  test('used range: values only or with formats; blank sheet gives A1 or a null object', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: 'S',
          values: [
            [null, null],
            [null, 'x'],
          ],
        },
        { name: 'Blank' },
      ],
    });
    fake.setNumberFormat('S', 'D7', '0.00');
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const all = s.getUsedRange();
      const vals = s.getUsedRange(true);
      const blank = ctx.workbook.worksheets.getItem('Blank');
      const b1 = blank.getUsedRange();
      const b2 = blank.getUsedRangeOrNullObject();
      const b3 = blank.getUsedRangeOrNullObject(true);
      [all, vals, b1].forEach((r) => r.load('address'));
      b2.load('address');
      await ctx.sync();
      expect([all.address, vals.address, b1.address]).toEqual(['S!B2:D7', 'S!B2', 'Blank!A1']);
      expect(b2.isNullObject).toBe(true);
      expect(b3.isNullObject).toBe(true);
      expect(b2.address).toBeUndefined();
    });
  });

  test('Range.getUsedRange throws ItemNotFound when the range has no used cells', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').getUsedRange();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('clear, merge, select', () => {
  test('clear("Contents") keeps formats, clear("Formats") keeps values, clear() removes both', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [[1, 2, 3]], numberFormats: { 'A1:C1': '0.00' } }] });
    await write(fake, 'S', 'A1', (r) => r.clear('Contents'));
    await write(fake, 'S', 'B1', (r) => r.clear('Formats'));
    await write(fake, 'S', 'C1', (r) => r.clear());
    expect([fake.cell('S', 'A1').value, fake.cell('S', 'A1').numberFormat]).toEqual(['', '0.00']);
    expect([fake.cell('S', 'B1').value, fake.cell('S', 'B1').numberFormat]).toEqual([2, 'General']);
    expect([fake.cell('S', 'C1').value, fake.cell('S', 'C1').numberFormat]).toEqual(['', 'General']);
  });

  test('merge keeps the top-left value; merge(true) merges each row; getMergedAreasOrNullObject lists them', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: 'S',
          values: [
            ['a', 'b'],
            ['c', 'd'],
          ],
        },
      ],
    });
    await write(fake, 'S', 'A1:B2', (r) => r.merge());
    expect(fake.values('S', 'A1:B2')).toEqual([
      ['a', ''],
      ['', ''],
    ]);
    await write(fake, 'S', 'D1:E2', (r) => r.merge(true));
    expect(fake.merges('S')).toEqual(['A1:B2', 'D1:E1', 'D2:E2']);
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const m = s.getRange('A1:E5').getMergedAreasOrNullObject();
      m.load('areaCount, address');
      m.areas.load('items/address');
      const none = s.getRange('G1:H2').getMergedAreasOrNullObject();
      await ctx.sync();
      expect(m.isNullObject).toBe(false);
      expect(m.areaCount).toBe(3);
      expect(m.address).toBe('S!A1:B2, S!D1:E1, S!D2:E2');
      expect(m.areas.items.map((r) => r.address)).toEqual(['S!A1:B2', 'S!D1:E1', 'S!D2:E2']);
      expect(none.isNullObject).toBe(true);
    });
    await write(fake, 'S', 'A1:E1', (r) => r.unmerge());
    expect(fake.merges('S')).toEqual(['D2:E2']);
  });

  test('getMergedAreasOrNullObject with a load path through areas', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', merges: ['B2:C3'] }] });
    await fake.run(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('S').getRange('A1:D4').getMergedAreasOrNullObject();
      m.load('areas/items/address');
      await ctx.sync();
      expect(m.areas.items.map((r) => r.address)).toEqual(['S!B2:C3']);
    });
  });

  test('select() records the selection and activates the sheet', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await write(fake, 'B', 'C3:D4', (r) => r.select());
    expect(fake.selection).toEqual({ sheet: 'B', address: 'C3:D4' });
    await fake.run(async (ctx) => {
      const sel = ctx.workbook.getSelectedRange();
      sel.load('address');
      await ctx.sync();
      expect(sel.address).toBe('B!C3:D4');
    });
  });
});

describe('formats', () => {
  test('fill, font, alignment, wrap; mixed ranges read null; no fill reads #FFFFFF', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1:B1', (r) => {
      r.format.fill.color = 'yellow';
      r.format.font.bold = true;
      r.format.font.color = '#c00000';
      r.format.font.size = 13;
      r.format.font.name = 'Times New Roman';
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Top';
      r.format.wrapText = true;
    });
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const a = s.getRange('A1:B1');
      const mixed = s.getRange('A1:C1');
      a.load(
        'format/fill/color, format/font/bold, format/font/color, format/font/size, format/font/name, format/horizontalAlignment, format/verticalAlignment, format/wrapText',
      );
      mixed.load('format/fill/color, format/font/bold');
      const plain = s.getRange('D4');
      plain.load('format/fill/color');
      await ctx.sync();
      expect(a.format.fill.color).toBe('#FFFF00');
      expect([a.format.font.bold, a.format.font.color, a.format.font.size, a.format.font.name]).toEqual([
        true,
        '#C00000',
        13,
        'Times New Roman',
      ]);
      expect([a.format.horizontalAlignment, a.format.verticalAlignment, a.format.wrapText]).toEqual(['Center', 'Top', true]);
      expect([mixed.format.fill.color, mixed.format.font.bold]).toEqual([null, null]);
      expect(plain.format.fill.color).toBe('#FFFFFF');
    });
    await write(fake, 'Sheet1', 'A1', (r) => r.format.fill.clear());
    expect(fake.cell('Sheet1', 'A1').format.fill).toBe('none');
  });

  test('borders by index (string or enum); inside borders; bad colours are InvalidArgument', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1:B2', (r) => {
      for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical']) {
        const b = r.format.borders.getItem(edge as Excel.BorderIndex);
        b.style = 'Continuous';
        b.weight = 'Medium';
        b.color = '#333333';
      }
    });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      const top = r.format.borders.getItem('EdgeTop');
      const inside = r.format.borders.getItem('InsideHorizontal');
      top.load('style,weight,color');
      inside.load('style');
      await ctx.sync();
      expect([top.style, top.weight, top.color, inside.style]).toEqual(['Continuous', 'Medium', '#333333', 'Continuous']);
    });
    expect(fake.cell('Sheet1', 'A1').format.borderBottomStyle).toBe('Continuous');
    await expect(write(fake, 'Sheet1', 'A1', (r) => (r.format.fill.color = 'not-a-colour'))).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  test('column width, row height, hidden columns; autofit is a counted no-op', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', hiddenColumns: ['C'] }] });
    fake.resetStats();
    await write(fake, 'S', 'A1:B3', (r) => {
      r.format.columnWidth = 120;
      r.format.rowHeight = 30;
      r.format.autofitColumns();
      r.format.autofitRows();
    });
    expect(fake.stats[0].methods).toBe(2);
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const r = s.getRange('A1:B1');
      r.load('format/columnWidth, format/rowHeight');
      const c = s.getRange('C:C');
      c.load('columnHidden');
      const mixed = s.getRange('B1:C1');
      mixed.load('columnHidden, format/columnWidth');
      await ctx.sync();
      expect([r.format.columnWidth, r.format.rowHeight, c.columnHidden, mixed.columnHidden, mixed.format.columnWidth]).toEqual([
        120,
        30,
        true,
        null,
        null,
      ]);
    });
  });

  test('formatting whole columns stays sparse and applies to every cell in them', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'B:B', (r) => {
      r.numberFormat = '@' as unknown as unknown[][];
      r.format.font.bold = true;
    });
    expect(fake.cell('Sheet1', 'B900000')).toMatchObject({ numberFormat: '@' });
    expect(fake.cell('Sheet1', 'B900000').format.fontBold).toBe(true);
    expect(fake.snapshot().sheets[0].cells).toEqual([]);
    expect(fake.snapshot().sheets[0].columnFormats).toEqual({ B: { fontBold: true, numberFormat: '@' } });
    await write(fake, 'Sheet1', 'B5', (r) => (r.values = [['=A1']]));
    expect(fake.cell('Sheet1', 'B5')).toMatchObject({ value: '=A1', valueType: 'String' });
  });

  test('Range.set applies nested properties', async () => {
    const fake = new FakeExcel();
    await write(fake, 'Sheet1', 'A1', (r) =>
      r.set({ values: [[1]], numberFormat: [['0.0']], format: { font: { italic: true } } }),
    );
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: 1, text: '1.0' });
    expect(fake.cell('Sheet1', 'A1').format.fontItalic).toBe(true);
  });
});
