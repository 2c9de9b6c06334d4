/**
 * What users do between the add-in's clicks, performed through the Office.js API: inserting and
 * deleting rows and columns (cells, merges, tables, rules, names and formulas move as in Excel),
 * named items, and conditional-format ids that are positions.
 */
import { FakeExcel } from '../../src/fake-excel';
import { shiftFormula } from '../../src/fake-excel/structure';

function book(): FakeExcel {
  return new FakeExcel({
    sheets: [
      {
        name: 'Đơn vị',
        values: [
          ['STT', 'Tên đơn vị', 'Ghi chú'],
          [1, 'Sở A', 'x'],
          [2, 'Sở B', 'y'],
          [3, 'Sở C', 'z'],
        ],
        merges: ['C2:C3'],
        tables: [{ address: 'A1:B4', name: 'DonVi' }],
      },
      { name: 'Khác', values: [[{ formula: "='Đơn vị'!B3", value: 'Sở B' }]] },
    ],
  });
}

async function addRule(fake: FakeExcel, sheet: string, address: string, formula: string): Promise<void> {
  await fake.run(async (ctx) => {
    const cf = ctx.workbook.worksheets.getItem(sheet).getRange(address).conditionalFormats.add('Custom');
    cf.custom.rule.formula = formula;
    cf.custom.format.fill.color = '#FFC7CE';
    await ctx.sync();
  });
}

describe('inserting and deleting cells', () => {
  test('a column inserted inside a list moves cells, merges, tables, rules, names and formulas right', async () => {
    const fake = book();
    await addRule(fake, 'Đơn vị', 'A2:C4', '=$C2="x"');
    await fake.run(async (ctx) => {
      ctx.workbook.names.add('Ghi_chu', ctx.workbook.worksheets.getItem('Đơn vị').getRange('C1:C4'));
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('B:B').insert('Right');
      await ctx.sync();
    });
    expect(fake.values('Đơn vị', 'A1:D2')).toEqual([
      ['STT', '', 'Tên đơn vị', 'Ghi chú'],
      [1, '', 'Sở A', 'x'],
    ]);
    expect(fake.merges('Đơn vị')).toEqual(['D2:D3']);
    expect(fake.tables()[0]).toMatchObject({ name: 'DonVi', address: 'A1:C4' });
    expect(fake.conditionalFormats('Đơn vị').map((r) => [r.ranges, r.formula])).toEqual([[['A2:D4'], '=$D2="x"']]);
    expect(fake.names()).toEqual({ Ghi_chu: "'Đơn vị'!D1:D4" });
    expect(fake.cell('Khác', 'A1').formula).toBe("='Đơn vị'!C3");
  });

  test('a row inserted above moves everything down; deleted rows take their cells and shrink ranges', async () => {
    const fake = book();
    await addRule(fake, 'Đơn vị', 'A2:C4', '=$C2="x"');
    await fake.run(async (ctx) => {
      ctx.workbook.names.add('DS', "='Đơn vị'!$B$2:$B$4");
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('1:1').insert('Down');
      await ctx.sync();
    });
    expect(fake.cell('Đơn vị', 'B3').value).toBe('Sở A');
    expect(fake.names()).toEqual({ DS: "'Đơn vị'!B3:B5" });
    expect(fake.conditionalFormats('Đơn vị')[0]).toMatchObject({ ranges: ['A3:C5'], formula: '=$C3="x"' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('4:4').delete('Up');
      await ctx.sync();
    });
    expect(fake.values('Đơn vị', 'B3:B4')).toEqual([['Sở A'], ['Sở C']]);
    expect(fake.names()).toEqual({ DS: "'Đơn vị'!B3:B4" });
    expect(fake.cell('Khác', 'A1').formula).toBe("='Đơn vị'!#REF!");
  });

  test('deleting every cell a name refers to makes it #REF!: getRangeOrNullObject is null', async () => {
    const fake = book();
    const isNull = await fake.run(async (ctx) => {
      ctx.workbook.names.add('Cot', ctx.workbook.worksheets.getItem('Đơn vị').getRange('C1:C4'));
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('C:C').delete('Left');
      const r = ctx.workbook.names.getItem('Cot').getRangeOrNullObject();
      await ctx.sync();
      return r.isNullObject;
    });
    expect(isNull).toBe(true);
    expect(fake.names()).toEqual({ Cot: '#REF!' });
  });

  test('a partial insert that would split a merged area is refused (InvalidOperation)', async () => {
    const fake = book();
    const run = fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('C3:C3').insert('Right');
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('a protected sheet refuses inserting (AccessDenied)', async () => {
    const fake = book();
    fake.protectSheet('Đơn vị');
    const run = fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Đơn vị').getRange('2:2').insert('Down');
      await ctx.sync();
    });
    await expect(run).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('formula references: quoted text and other sheets are left alone', () => {
    const s = { axis: 'columns' as const, at: 3, count: 1, lo: 0, hi: 1048575 };
    expect(shiftFormula('=AND($F8="Đạt",D8<>"F9")', s, 'A', true)).toBe('=AND($G8="Đạt",E8<>"F9")');
    expect(shiftFormula("=B!F8+'A'!F8", s, 'A', false)).toBe("=B!F8+'A'!G8");
  });
});

describe('named items', () => {
  test('names are unique ignoring case and follow Excel’s rules', async () => {
    const fake = book();
    const add = (name: string) =>
      fake.run(async (ctx) => {
        ctx.workbook.names.add(name, ctx.workbook.worksheets.getItem('Đơn vị').getRange('A1'));
        await ctx.sync();
      });
    await add('Trang_thai');
    await expect(add('TRANG_THAI')).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await expect(add('A1')).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(add('có dấu cách')).rejects.toMatchObject({ code: 'InvalidArgument' });
    const found = await fake.run(async (ctx) => {
      const n = ctx.workbook.names.getItemOrNullObject('trang_thai');
      n.load('name,formula,type');
      const none = ctx.workbook.names.getItemOrNullObject('khong_co');
      await ctx.sync();
      return { name: n.name, formula: n.formula, type: n.type, none: none.isNullObject };
    });
    expect(found).toEqual({ name: 'Trang_thai', formula: "='Đơn vị'!$A$1", type: 'Range', none: true });
  });

  test('a name follows its sheet’s rename; the sheet keeps its id', async () => {
    const fake = book();
    const id = fake.sheetId('Đơn vị');
    await fake.run(async (ctx) => {
      ctx.workbook.names.add('DS', ctx.workbook.worksheets.getItem('Đơn vị').getRange('B2:B4'));
      ctx.workbook.worksheets.getItem('Đơn vị').name = 'Đơn vị (cũ)';
      await ctx.sync();
    });
    expect(fake.names()).toEqual({ DS: "'Đơn vị (cũ)'!B2:B4" });
    expect(fake.sheetId('Đơn vị (cũ)')).toBe(id);
  });
});

describe('conditional-format ids are positions (typings: "the priority of the conditional format")', () => {
  async function threeRules(): Promise<FakeExcel> {
    const fake = book();
    for (const f of ['=$C2="c"', '=$C2="b"', '=$C2="a"']) await addRule(fake, 'Đơn vị', 'A2:C4', f);
    return fake;
  }

  test('ids are 0, 1, 2 from the top; getItemOrNullObject("0") is the top rule', async () => {
    const fake = await threeRules();
    const out = await fake.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Đơn vị').getRange().conditionalFormats;
      cfs.load('items/id,items/customOrNullObject/rule/formula');
      const first = cfs.getItemOrNullObject('0');
      first.load('priority');
      await ctx.sync();
      return { ids: cfs.items.map((c) => c.id), priority: first.priority };
    });
    expect(out).toEqual({ ids: ['0', '1', '2'], priority: 0 });
  });

  test('deleting loaded rules in forward order deletes the wrong ones; from the highest index down, the right ones', async () => {
    const forward = await threeRules();
    await expect(
      forward.run(async (ctx) => {
        const cfs = ctx.workbook.worksheets.getItem('Đơn vị').getRange().conditionalFormats;
        cfs.load('items/id');
        await ctx.sync();
        for (const cf of cfs.items) cf.delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    // Item 0 went, then item 1 was what had been item 2: the middle rule is left.
    expect(forward.conditionalFormats('Đơn vị').map((r) => r.formula)).toEqual(['=$C2="b"']);

    const backward = await threeRules();
    await backward.run(async (ctx) => {
      const cfs = ctx.workbook.worksheets.getItem('Đơn vị').getRange().conditionalFormats;
      cfs.load('items/id,items/customOrNullObject/rule/formula');
      await ctx.sync();
      const mine = cfs.items.filter((c) => c.customOrNullObject.rule.formula !== '=$C2="b"');
      for (const cf of [...mine].reverse()) cf.delete();
      await ctx.sync();
    });
    expect(backward.conditionalFormats('Đơn vị').map((r) => r.formula)).toEqual(['=$C2="b"']);
  });
});
