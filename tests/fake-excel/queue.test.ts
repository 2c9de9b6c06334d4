/** Proxy/queue semantics: loads, syncs, order, failures, run(). */

import { FakeExcel, FakeNotImplementedError, FakeOfficeError } from '../../src/fake-excel';

function fakeWithData(): FakeExcel {
  return new FakeExcel({
    sheets: [
      {
        name: 'Data',
        values: [
          ['Mã', 'Tên', 'Số'],
          ['A01', 'Một', 1],
          ['A02', 'Hai', 2],
        ],
      },
    ],
  });
}

async function rejection(p: Promise<unknown>): Promise<FakeOfficeError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof FakeOfficeError) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

describe('load and sync', () => {
  test('a loaded property is readable after sync, not before', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A2:C2');
      r.load('values');
      expect(() => r.values).toThrow(FakeOfficeError);
      await ctx.sync();
      expect(r.values).toEqual([['A01', 'Một', 1]]);
    });
  });

  test('reading an unloaded property throws PropertyNotLoaded with Office’s message', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      r.load('address');
      await ctx.sync();
      let caught: unknown;
      try {
        void r.values;
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(Error);
      expect(caught).toMatchObject({
        name: 'RichApi.Error',
        code: 'PropertyNotLoaded',
        message:
          "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
        debugInfo: { errorLocation: 'Range.values' },
      });
    });
  });

  test('load accepts strings, arrays, nested paths and select objects', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
      r.load(['rowCount', 'columnCount']);
      r.load('format/font/bold, address');
      r.load({ select: 'rowIndex' });
      await ctx.sync();
      expect([r.rowCount, r.columnCount, r.address, r.rowIndex]).toEqual([1, 2, 'Data!A1:B1', 0]);
      expect(r.format.font.bold).toBe(false);
    });
  });

  test('load() without arguments loads every scalar property', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.load();
      await ctx.sync();
      expect(s.name).toBe('Data');
      expect(s.position).toBe(0);
      expect(s.visibility).toBe('Visible');
    });
  });

  test('collections load items with "items/name" or plain "name"', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'A' }, { name: 'B' }] });
    await fake.run(async (ctx) => {
      const a = ctx.workbook.worksheets;
      a.load('items/name');
      const b = ctx.workbook.worksheets;
      await ctx.sync();
      expect(a.items.map((s) => s.name)).toEqual(['A', 'B']);
      expect(b).toBe(a);
      const c = ctx.workbook.worksheets.getItem('A').tables;
      expect(() => c.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      ctx.workbook.worksheets.load('name,position');
      await ctx.sync();
      expect(ctx.workbook.worksheets.items.map((s) => [s.name, s.position])).toEqual([
        ['A', 0],
        ['B', 1],
      ]);
    });
  });

  test('a property set on a proxy reads back from that proxy before sync (as in Office.js), but the workbook is unchanged', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      const r = sheet.getRange('C2');
      r.values = [[99]];
      expect(r.values).toEqual([[99]]);
      expect(fake.cell('Data', 'C2').value).toBe(1);
      const other = sheet.getRange('C2');
      other.load('values');
      await ctx.sync();
      expect(other.values).toEqual([[99]]);
      expect(fake.cell('Data', 'C2').value).toBe(99);
    });
  });

  test('writes are invisible to the workbook and to loads until sync', async () => {
    const fake = fakeWithData();
    let seenInside: unknown;
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('B2');
      r.values = [['Mới']];
      seenInside = fake.cell('Data', 'B2').value;
      await ctx.sync();
    });
    expect(seenInside).toBe('Một');
    expect(fake.cell('Data', 'B2').value).toBe('Mới');
  });

  test('queued commands run in order: a load before a write sees the old value, after it the new', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      const before = sheet.getRange('C3');
      before.load('values');
      sheet.getRange('C3').values = [[42]];
      const after = sheet.getRange('C3');
      after.load('values');
      await ctx.sync();
      expect(before.values).toEqual([[2]]);
      expect(after.values).toEqual([[42]]);
    });
  });

  test('an object added in a batch can be looked up later in the same batch', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Báo cáo');
      const s = ctx.workbook.worksheets.getItem('Báo cáo');
      s.getRange('A1').values = [['x']];
      await ctx.sync();
    });
    expect(fake.sheetNames()).toEqual(['Data', 'Báo cáo']);
    expect(fake.cell('Báo cáo', 'A1').value).toBe('x');
  });

  test('sync passes its argument through, and ClientResult values arrive at sync', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const count = ctx.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'ValueNotLoaded' }) as Error);
      const v = await ctx.sync('through');
      expect(v).toBe('through');
      expect(count.value).toBe(1);
    });
  });

  test('context.load(object, props) is object.load(props)', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      ctx.load(r, 'values');
      await ctx.sync();
      expect(r.values).toEqual([['Mã']]);
    });
  });
});

describe('failures', () => {
  test('a failing command rejects the sync; commands before it are applied, after it are not', async () => {
    const fake = fakeWithData();
    const err = await rejection(
      fake.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.getRange('A2').values = [['first']];
        sheet.getRange('A3:B3').values = [['too', 'many', 'columns']];
        sheet.getRange('A4').values = [['never']];
        await ctx.sync();
      }),
    );
    expect(err.code).toBe('InvalidArgument');
    expect(err.message).toBe(
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
    );
    expect(err.debugInfo).toMatchObject({ errorLocation: 'Range.values', statement: 'range.values=...;' });
    expect(fake.cell('Data', 'A2').value).toBe('first');
    expect(fake.cell('Data', 'A3').value).toBe('A02');
    expect(fake.cell('Data', 'A4').value).toBe('');
  });

  test('atomicBatches: a failing batch applies nothing', async () => {
    const fake = new FakeExcel({ atomicBatches: true, sheets: [{ name: 'Data', values: [['old']] }] });
    const before = fake.snapshot();
    await rejection(
      fake.run(async (ctx) => {
        const sheet = ctx.workbook.worksheets.getItem('Data');
        sheet.getRange('A1').values = [['new']];
        ctx.workbook.worksheets.add('Extra');
        sheet.getRange('B1').format.fill.color = 'red';
        ctx.workbook.worksheets.getItem('Missing').getRange('A1').values = [['x']];
        await ctx.sync();
      }),
    );
    expect(fake.snapshot()).toEqual(before);
  });

  test('loads of a failed batch do not reach the proxies', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      r.load('values');
      ctx.workbook.worksheets.getItem('Missing');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
    });
  });

  test('getItem of a missing sheet fails at sync with ItemNotFound', async () => {
    const fake = fakeWithData();
    const err = await rejection(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Nope');
        await ctx.sync();
      }),
    );
    expect(err).toMatchObject({ code: 'ItemNotFound', message: "The requested resource doesn't exist." });
    expect(err.debugInfo.errorLocation).toBe('WorksheetCollection.getItem');
  });

  test('trace messages executed before the failure are on the error', async () => {
    const fake = fakeWithData();
    const err = await rejection(
      fake.run(async (ctx) => {
        ctx.trace('one');
        ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['ok']];
        ctx.trace('two');
        ctx.workbook.worksheets.getItem('Nope');
        ctx.trace('three');
        await ctx.sync();
      }),
    );
    expect(err.traceMessages).toEqual(['one', 'two']);
  });

  test('a sync failure inside run rejects run; a caught one lets the batch go on', async () => {
    const fake = fakeWithData();
    const result = await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope');
      try {
        await ctx.sync();
      } catch {
        /* expected */
      }
      const s = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      await ctx.sync();
      return s.isNullObject;
    });
    expect(result).toBe(true);
  });
});

describe('run()', () => {
  test('commands still queued when the batch resolves are flushed (as Excel.run does)', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').getRange('A1').values = [['flushed']];
    });
    expect(fake.cell('Data', 'A1').value).toBe('flushed');
    expect(fake.stats.at(-1)?.implicit).toBe(true);
  });

  test('the batch must return a promise', async () => {
    const fake = fakeWithData();
    const notAsync = (() => 1) as unknown as (ctx: Excel.RequestContext) => Promise<number>;
    await expect(fake.run(notAsync)).rejects.toMatchObject({ code: 'RunMustReturnPromise' });
  });

  test('proxies cannot be used after run() ends', async () => {
    const fake = fakeWithData();
    const range = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      r.load('values');
      await ctx.sync();
      return r;
    });
    expect(range.values).toEqual([['Mã']]);
    expect(() => {
      range.values = [['late']];
    }).toThrow(expect.objectContaining({ code: 'InvalidObjectPath' }) as Error);
  });

  test('proxies of one run cannot be used in another', async () => {
    const fake = fakeWithData();
    let first: Excel.Range | undefined;
    await fake.run(async (ctx) => {
      first = ctx.workbook.worksheets.getItem('Data').getRange('A1');
      await ctx.sync();
    });
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Data').tables;
      expect(() => t.add(first as Excel.Range, true)).not.toThrow();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    });
  });
});

describe('unsupported members fail loudly', () => {
  test('reading, calling or setting something the fake does not model throws at once', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1') as unknown as Record<string, unknown>;
      expect(() => r.style).toThrow(FakeNotImplementedError);
      expect(() => r.style).toThrow('FakeExcel: Range.style is not implemented');
      expect(() => {
        r.style = 'Good';
      }).toThrow('FakeExcel: Range.style (set) is not implemented');
      expect(() => (r.load as (p: string) => void)('style')).toThrow(FakeNotImplementedError);
      const cfs = ctx.workbook.worksheets.getItem('Data').getRange('A1').conditionalFormats;
      expect(() => cfs.add('DataBar')).toThrow('FakeExcel: ConditionalFormatCollection.add("DataBar") is not implemented');
    });
  });

  test('read-only properties refuse assignment', async () => {
    const fake = fakeWithData();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Data').getRange('A1') as unknown as Record<string, unknown>;
      expect(() => {
        r.address = 'B2';
      }).toThrow("The property 'address' is read-only and it cannot be updated.");
    });
  });

  test('a proxy returned from the batch does not break promise resolution', async () => {
    const fake = fakeWithData();
    const sheet = await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Data');
      s.load('name');
      await ctx.sync();
      return s;
    });
    expect(sheet.name).toBe('Data');
  });
});

describe('requirement sets (the host’s API version)', () => {
  // Office's runtime: CommonUtility.throwIfApiNotSupported, checked on the client (api-sets.ts).
  const office2019 = () => new FakeExcel({ apiSets: { ExcelApi: '1.8' }, sheets: [{ name: 'Data', values: [['a', 'b']] }] });

  test('a method of a newer set throws ApiNotFound when called (not at sync)', async () => {
    const fake = office2019();
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('Data').getRange('A1:B1');
      let error: unknown;
      try {
        range.getMergedAreasOrNullObject();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FakeOfficeError);
      expect(error).toMatchObject({
        name: 'RichApi.Error',
        code: 'ApiNotFound',
        httpStatusCode: 404,
        message:
          'The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.',
        debugInfo: { errorLocation: 'Range.getMergedAreasOrNullObject' },
      });
      expect(() => range.conditionalFormats.getItemOrNullObject('0')).toThrow('ExcelApi 1.14');
      expect(() => ctx.application.suspendScreenUpdatingUntilNextSync()).toThrow('ExcelApi 1.9');
      // Members of the sets the host has work as before.
      ctx.application.suspendApiCalculationUntilNextSync();
      range.load('values');
      await ctx.sync();
      expect(range.values).toEqual([['a', 'b']]);
    });
  });

  test('a getter of a newer set throws ApiNotFound when read; unloaded, PropertyNotLoaded comes first', async () => {
    const fake = new FakeExcel({ apiSets: { ExcelApi: '1.7' } });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      expect(() => ws.showGridlines).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      expect(() => ctx.workbook.readOnly).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      expect(() => ws.pageLayout).toThrow(expect.objectContaining({ code: 'ApiNotFound' }) as Error);
      ws.load('tabColor');
      await ctx.sync();
      expect(ws.tabColor).toBe('');
    });
  });

  test('supports() answers as Office.context.requirements.isSetSupported; the default host has every ExcelApi set', () => {
    const old = new FakeExcel({ apiSets: { ExcelApi: '1.8' } });
    expect(old.supports('ExcelApi', '1.7')).toBe(true);
    expect(old.supports('ExcelApi', '1.8')).toBe(true);
    expect(old.supports('ExcelApi', '1.9')).toBe(false);
    expect(old.supports('ExcelApi', '1.10')).toBe(false);
    expect(old.supports('ExcelApiOnline', '1.1')).toBe(false);
    const web = new FakeExcel();
    expect(web.supports('ExcelApi', '1.14')).toBe(true);
    expect(web.supports('ExcelApiOnline', '1.1')).toBe(true);
    expect(new FakeExcel({ platform: 'desktop' }).supports('ExcelApiOnline', '1.1')).toBe(false);
  });
});
