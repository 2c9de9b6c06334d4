/** Per-sync accounting and Excel on the web's 5 MB payload limit. */

import { FakeExcel, WEB_PAYLOAD_LIMIT } from '../../src/fake-excel';

function grid(rows: number, cols: number, cell: (r: number, c: number) => string | number): (string | number)[][] {
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
}

function utf8(s: string): number {
  return new TextEncoder().encode(s).length;
}

describe('per-sync records', () => {
  test('calls (sets + methods + loads) and proxies created since the previous sync', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1'); // worksheets + getItem: 2 proxies
      const r = sheet.getRange('A1:B2'); // 3
      r.values = [
        [1, 2],
        [3, 4],
      ]; // set
      r.format.fill.color = 'red'; // format + fill: 5 proxies; set
      r.format.autofitColumns(); // method (format reused)
      r.load('address'); // load
      await ctx.sync();
      r.load('values'); // load, no new proxy
      await ctx.sync();
    });
    expect(fake.stats.map((s) => [s.index, s.calls, s.sets, s.methods, s.loads, s.proxies, s.ok])).toEqual([
      [1, 4, 2, 1, 1, 5, true],
      [2, 1, 0, 0, 1, 0, true],
    ]);
  });

  test('an empty sync is recorded without a round trip; resetStats starts over', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      await ctx.sync();
    });
    expect(fake.stats).toHaveLength(1);
    expect(fake.stats[0]).toMatchObject({ calls: 0, proxies: 0, roundTrip: false, requestBytes: 0, responseBytes: 0 });
    fake.resetStats();
    expect(fake.stats).toEqual([]);
  });

  test('response bytes are the JSON of the loaded values (UTF-8)', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['Hồ Chí Minh']] }] });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
      r.load('values');
      await ctx.sync();
    });
    expect(fake.stats[0].responseBytes).toBe(utf8(JSON.stringify({ values: [['Hồ Chí Minh']] })));
  });

  test('request bytes grow with the data written, counting UTF-8', async () => {
    const fake = new FakeExcel();
    const small = [['a']];
    const big = grid(100, 5, () => 'Ủy ban nhân dân');
    for (const values of [small, big]) {
      await fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange(values === small ? 'A1' : 'A1:E100').values = values;
        await ctx.sync();
      });
    }
    const [a, b] = fake.stats;
    expect(b.requestBytes - a.requestBytes).toBeGreaterThanOrEqual(utf8(JSON.stringify(big)) - utf8(JSON.stringify(small)) - 10);
  });

  test('one 2-D write is one call and one proxy however many rows it has', async () => {
    const fake = new FakeExcel();
    const record = async (rows: number) => {
      fake.resetStats();
      await fake.run(async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(0, 0, rows, 3);
        range.values = grid(rows, 3, (r, c) => r * 3 + c);
        await ctx.sync();
      });
      return fake.stats[0];
    };
    const ten = await record(10);
    const many = await record(20000);
    expect([many.calls, many.proxies]).toEqual([ten.calls, ten.proxies]);
    expect([many.calls, many.proxies]).toEqual([1, 3]);
    expect(many.requestBytes).toBeGreaterThan(ten.requestBytes * 100);
  });

  test('writing cell by cell costs a call and a proxy per cell', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Sheet1');
      for (let i = 0; i < 50; i++) sheet.getCell(i, 0).values = [[i]];
      await ctx.sync();
    });
    expect(fake.stats[0]).toMatchObject({ calls: 50, proxies: 52 });
  });
});

describe('the 5 MB payload limit', () => {
  const bigText = 'x'.repeat(1000);
  const big = grid(6000, 1, () => bigText); // ~6 MB of JSON

  test('on the web a request over 5 MB fails and applies nothing of the batch', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['before']] }] });
    const before = fake.snapshot();
    await expect(
      fake.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('S');
        s.getRange('A1').values = [['changed']];
        ctx.workbook.worksheets.add('New');
        s.getRange('B1:B6000').values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({
      name: 'RichApi.Error',
      code: 'RequestPayloadSizeLimitExceeded',
      message: expect.stringContaining('The request payload size has exceeded the limit.') as string,
    });
    expect(fake.snapshot()).toEqual(before);
    const rec = fake.stats.at(-1);
    expect(rec).toMatchObject({ ok: false, errorCode: 'RequestPayloadSizeLimitExceeded' });
    expect(rec?.requestBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  test('the same write split into two syncs passes', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A3000').values = big.slice(0, 3000);
      await ctx.sync();
      s.getRange('A3001:A6000').values = big.slice(3000);
      await ctx.sync();
    });
    expect(fake.stats.every((r) => r.ok && r.requestBytes < WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(fake.cell('Sheet1', 'A6000').value).toBe(bigText);
  });

  test('on the desktop there is no limit', async () => {
    const fake = new FakeExcel({ platform: 'desktop' });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A6000').values = big;
      await ctx.sync();
    });
    expect(fake.stats[0]).toMatchObject({ ok: true });
    expect(fake.stats[0].requestBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded and rolls the batch back', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: big }] });
    const before = fake.snapshot();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      s.getRange('C1').values = [['written in the same batch']];
      const r = s.getRange('A1:A6000');
      r.load('values');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
    });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.stats.at(-1)?.responseBytes).toBeGreaterThan(WEB_PAYLOAD_LIMIT);
  });

  test('a custom limit can be set for tests', async () => {
    const fake = new FakeExcel({ payloadLimitBytes: 200 });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A20').values = grid(20, 1, () => 'abcdefghij');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  test('reading more than 5,000,000 cells fails with RangeExceedsLimit', async () => {
    const fake = new FakeExcel({ platform: 'desktop' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRange('A:F').load('values');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });
});
