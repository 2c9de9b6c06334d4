/** Worksheets: naming rules, collisions, properties, null objects, protection. */

import { FakeExcel } from '../../src/fake-excel';

async function addSheet(fake: FakeExcel, name?: string): Promise<string> {
  return fake.run(async (ctx) => {
    const s = ctx.workbook.worksheets.add(name);
    s.load('name');
    await ctx.sync();
    return s.name;
  });
}

describe('sheet names', () => {
  test('default names count up as SheetN, skipping names in use', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1' }, { name: 'sheet3' }] });
    expect(await addSheet(fake)).toBe('Sheet4');
    expect(await addSheet(fake)).toBe('Sheet5');
    expect(fake.sheetNames()).toEqual(['Sheet1', 'sheet3', 'Sheet4', 'Sheet5']);
  });

  test.each([
    ['too long', 'x'.repeat(32)],
    ['empty', ''],
    ['colon', 'a:b'],
    ['slash', 'a/b'],
    ['backslash', 'a\\b'],
    ['question mark', 'a?'],
    ['star', 'a*'],
    ['brackets', '[a]'],
    ['leading apostrophe', "'a"],
    ['trailing apostrophe', "a'"],
    ['reserved', 'History'],
  ])('an invalid name (%s) is InvalidArgument', async (_why, name) => {
    const fake = new FakeExcel();
    await expect(addSheet(fake, name)).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });

  test('31 characters and Vietnamese letters are fine', async () => {
    const fake = new FakeExcel();
    const name = 'Kết quả CCHC quý 3 năm 2025 (A)';
    expect(name.length).toBe(31);
    expect(await addSheet(fake, name)).toBe(name);
  });

  test('names are unique case-insensitively: ItemAlreadyExists', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Báo cáo' }] });
    await expect(addSheet(fake, 'BÁO CÁO')).rejects.toMatchObject({
      code: 'ItemAlreadyExists',
      message: 'A resource with the same name or identifier already exists.',
    });
  });

  test('rename via name =, including a change of case only; collisions fail', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').name = 'a';
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['a', 'B']);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('a').name = 'b';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('a worksheet proxy follows its sheet across a rename (bound by id)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Old' }] });
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Old');
      s.name = 'New';
      await ctx.sync();
      s.getRange('A1').values = [['still me']];
      s.load('name, id');
      await ctx.sync();
      expect(s.name).toBe('New');
      expect(s.id).toMatch(/^\{.+\}$/);
    });
    expect(fake.cell('New', 'A1').value).toBe('still me');
  });
});

describe('sheet properties', () => {
  test('position, visibility, tabColor, gridlines', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    await fake.run(async (ctx) => {
      const c = ctx.workbook.worksheets.getItem('C');
      c.position = 0;
      c.tabColor = '#00b050';
      c.showGridlines = false;
      ctx.workbook.worksheets.getItem('B').visibility = 'Hidden';
      await ctx.sync();
    });
    const snap = fake.snapshot();
    expect(snap.sheets.map((s) => [s.name, s.position, s.visibility])).toEqual([
      ['C', 0, 'Visible'],
      ['A', 1, 'Visible'],
      ['B', 2, 'Hidden'],
    ]);
    expect(snap.sheets[0]).toMatchObject({ tabColor: '#00B050', showGridlines: false });
  });

  test('the last visible sheet cannot be hidden or deleted', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Only' }, { name: 'Hidden', visibility: 'Hidden' }] });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Only').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Only').visibility = 'VeryHidden';
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('a very hidden sheet cannot be deleted until it is made hidden or visible (office-js #365, by design)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'Secret', visibility: 'VeryHidden' }] });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Secret').delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException', debugInfo: { errorLocation: 'Worksheet.delete' } });
    expect(fake.sheetNames()).toEqual(['A', 'Secret']);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Secret');
      ws.visibility = 'Hidden';
      ws.delete();
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['A']);
  });

  test('activate() and getActiveWorksheet(); deleting the active sheet activates a neighbour', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('B').activate();
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await ctx.sync();
      expect(active.name).toBe('B');
      ctx.workbook.worksheets.getItem('B').delete();
      const next = ctx.workbook.worksheets.getActiveWorksheet();
      next.load('name');
      await ctx.sync();
      expect(next.name).toBe('C');
    });
    expect(fake.activeSheetName()).toBe('C');
  });

  test('deleting a sheet removes its tables', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A', values: [['h'], [1]], tables: [{ address: 'A1:A2' }] }, { name: 'B' }] });
    expect(fake.tables()).toHaveLength(1);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('A').delete();
      await ctx.sync();
    });
    expect(fake.tables()).toEqual([]);
  });

  test('getFirst, getLast, getCount(visibleOnly)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'H', visibility: 'Hidden' }, { name: 'A' }, { name: 'B' }] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets;
      const first = ws.getFirst(true);
      const last = ws.getLast();
      first.load('name');
      last.load('name');
      const all = ws.getCount();
      const visible = ws.getCount(true);
      await ctx.sync();
      expect([first.name, last.name, all.value, visible.value]).toEqual(['A', 'B', 3, 2]);
    });
  });
});

describe('*OrNullObject', () => {
  test('isNullObject is known after sync without loading it; before sync it throws', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Data' }] });
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('data');
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  test('properties of a null object read as undefined; methods on it are no-ops', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Data' }] });
    await fake.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Sample');
      missing.load('name');
      missing.delete();
      missing.getRange('A1').values = [['x']];
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(missing.name).toBeUndefined();
    });
    expect(fake.sheetNames()).toEqual(['Data']);
  });

  test('the Office sample idiom: getItemOrNullObject(name).delete() then add(name)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Data' }, { name: 'Sample', values: [['old']] }] });
    for (let i = 0; i < 2; i++) {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItemOrNullObject('Sample').delete();
        const s = ctx.workbook.worksheets.add('Sample');
        s.getRange('A1').values = [['run ' + i]];
        await ctx.sync();
      });
    }
    expect(fake.sheetNames()).toEqual(['Data', 'Sample']);
    expect(fake.values('Sample')).toEqual([['run 1']]);
  });

  test('a null object’s children are null objects too', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItemOrNullObject('Nope').getRange('A1');
      r.load('values');
      await ctx.sync();
      expect(r.isNullObject).toBe(true);
      expect(r.values).toBeUndefined();
    });
  });
});

describe('protection', () => {
  test('writes to a protected sheet fail with AccessDenied at sync; reads work', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Locked', values: [['keep']], protected: true }] });
    for (const change of [
      (r: Excel.Range) => (r.values = [['x']]),
      (r: Excel.Range) => (r.numberFormat = [['@']]),
      (r: Excel.Range) => (r.format.fill.color = 'red'),
      (r: Excel.Range) => r.clear(),
      (r: Excel.Range) => r.merge(),
      (r: Excel.Range) => r.conditionalFormats.add('Custom'),
    ]) {
      await expect(
        fake.run(async (ctx) => {
          change(ctx.workbook.worksheets.getItem('Locked').getRange('A1:B2'));
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied', message: 'You cannot perform the requested operation.' });
    }
    const v = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Locked').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r.values;
    });
    expect(v).toEqual([['keep']]);
  });

  test('protect/unprotect through the API; protecting twice fails; allowFormatCells allows formatting', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.protection.protect({ allowFormatCells: true }, 'pw');
      s.protection.load('protected');
      await ctx.sync();
      expect(s.protection.protected).toBe(true);
      s.getRange('A1').format.font.bold = true;
      await ctx.sync();
      s.getRange('A1').values = [[1]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      s.protection.protect();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      s.protection.unprotect('wrong');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'BadPassword' });
      s.protection.unprotect('pw');
      s.getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(fake.cell('Sheet1', 'A1')).toMatchObject({ value: 1 });
  });

  test('workbook structure protection: adding, deleting, renaming, moving, hiding fail', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    fake.protectWorkbook();
    const attempts: Array<(ws: Excel.WorksheetCollection) => void> = [
      (ws) => ws.add('C'),
      (ws) => ws.getItem('B').delete(),
      (ws) => (ws.getItem('B').name = 'X'),
      (ws) => (ws.getItem('B').position = 0),
      (ws) => (ws.getItem('B').visibility = 'Hidden'),
    ];
    for (const attempt of attempts) {
      await expect(
        fake.run(async (ctx) => {
          attempt(ctx.workbook.worksheets);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    await fake.run(async (ctx) => {
      const p = ctx.workbook.protection;
      p.load('protected');
      ctx.workbook.worksheets.getItem('B').getRange('A1').values = [['cells are fine']];
      await ctx.sync();
      expect(p.protected).toBe(true);
      p.unprotect();
      ctx.workbook.worksheets.add('C');
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['A', 'B', 'C']);
  });

  test('workbook name and readOnly are loadable', async () => {
    const fake = new FakeExcel({ workbookName: 'KeHoach_CCHC.xlsx', readOnly: true });
    await fake.run(async (ctx) => {
      ctx.workbook.load('name, readOnly');
      await ctx.sync();
      expect([ctx.workbook.name, ctx.workbook.readOnly]).toEqual(['KeHoach_CCHC.xlsx', true]);
    });
  });
});
