/** Tables, conditional formats, charts, freeze panes, page layout, settings, application. */

import { ExcelEnums, FakeExcel, installExcelEnums, uninstallExcelEnums } from '../../src/fake-excel';

beforeAll(() => installExcelEnums());
afterAll(() => uninstallExcelEnums());

describe('tables', () => {
  const data = [
    ['Mã', 'Nhiệm vụ', 'Tiến độ'],
    ['1', 'Cải cách thể chế', 0.5],
    ['2', 'Cải cách TTHC', 1],
  ];

  test('add, name, ranges, worksheet, items on both collections', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'KH', values: data }, { name: 'Other' }] });
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('KH').tables.add('A1:C3', true);
      t.name = 'KeHoach';
      const all = t.getRange();
      const head = t.getHeaderRowRange();
      const body = t.getDataBodyRange();
      [all, head, body].forEach((r) => r.load('address'));
      body.load('values');
      t.worksheet.load('name');
      t.load('name, id');
      ctx.workbook.tables.load('items/name');
      const otherTables = ctx.workbook.worksheets.getItem('Other').tables;
      otherTables.load('items/name');
      await ctx.sync();
      expect([all.address, head.address, body.address]).toEqual(['KH!A1:C3', 'KH!A1:C1', 'KH!A2:C3']);
      expect(body.values).toEqual([
        ['1', 'Cải cách thể chế', 0.5],
        ['2', 'Cải cách TTHC', 1],
      ]);
      expect([t.name, t.worksheet.name]).toEqual(['KeHoach', 'KH']);
      expect(ctx.workbook.tables.items.map((x) => x.name)).toEqual(['KeHoach']);
      expect(otherTables.items).toEqual([]);
      const byName = ctx.workbook.tables.getItem('kehoach');
      const missing = ctx.workbook.tables.getItemOrNullObject('Nope');
      byName.load('id');
      await ctx.sync();
      expect(byName.id).toBe(t.id);
      expect(missing.isNullObject).toBe(true);
    });
    expect(fake.tables()).toEqual([
      {
        id: '1',
        name: 'KeHoach',
        sheet: 'KH',
        address: 'A1:C3',
        showHeaders: true,
        showTotals: false,
        style: 'TableStyleMedium2',
      },
    ]);
  });

  test('header-only address gets an empty body row; rows.add fills it, then appends', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('Sheet1').tables.add('A1:B1', true);
      t.getHeaderRowRange().values = [['Tên', 'Số']];
      t.rows.add(undefined, [
        ['a', 1],
        ['b', 2],
      ]);
      t.rows.add(undefined, [['c', 3]]);
      const c = t.rows.getCount();
      await ctx.sync();
      expect(c.value).toBe(3);
    });
    expect(fake.values('Sheet1')).toEqual([
      ['Tên', 'Số'],
      ['a', 1],
      ['b', 2],
      ['c', 3],
    ]);
    expect(fake.tables()[0].address).toBe('A1:B4');
  });

  test('empty and duplicate headers get Excel’s names; overlapping tables are refused', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['x', '', 'x', 2024]] }] });
    await fake.run(async (ctx) => {
      const t = ctx.workbook.worksheets.getItem('S').tables.add('S!A1:D2', true);
      t.columns.load('items/name');
      await ctx.sync();
      expect(t.columns.items.map((c) => c.name)).toEqual(['x', 'Column2', 'x2', '2024']);
      ctx.workbook.tables.add('S!B2:C4', true);
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'MergedRangeConflict' });
    });
  });

  test('without headers Excel inserts a header row and shifts the data down', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: 'S',
          values: [
            [1, 2],
            [3, 4],
            ['below', ''],
          ],
        },
      ],
    });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('S').tables.add('A1:B2', false);
      await ctx.sync();
    });
    expect(fake.values('S')).toEqual([
      ['Column1', 'Column2'],
      [1, 2],
      [3, 4],
      ['below', ''],
    ]);
    expect(fake.tables()[0].address).toBe('A1:B3');
  });

  test('invalid and duplicate table names', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S', values: [['a'], [1], [2], ['b'], [3]] }] });
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('S');
      const t1 = s.tables.add('A1:A3', true);
      const t2 = s.tables.add('A4:A5', true);
      t1.name = 'Bảng_1';
      await ctx.sync();
      t2.name = 'bảng_1';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      t2.name = 'A1';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
  });
});

describe('conditional formats', () => {
  test('add custom (enum or string), set rule and format, list, get range, delete', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'S' }] });
    await fake.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem('S').getRange('B2:B10');
      const cf = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
      cf.custom.rule.formula = '=$C2="Chậm"';
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
      const cf2 = range.conditionalFormats.add('Custom');
      cf2.custom.rule.formula = '=$C2="Xong"';
      cf2.custom.format.fill.color = 'lightgreen';
      cf2.stopIfTrue = true;
      await ctx.sync();
      const list = ctx.workbook.worksheets.getItem('S').getRange('A1:Z100').conditionalFormats;
      list.load('items/type, items/priority, items/stopIfTrue, items/id');
      const count = list.getCount();
      const r = cf.getRange();
      r.load('address');
      cf.custom.rule.load('formula');
      cf.custom.format.fill.load('color');
      await ctx.sync();
      expect(list.items.map((x) => [x.type, x.priority, x.stopIfTrue])).toEqual([
        ['Custom', 0, true],
        ['Custom', 1, false],
      ]);
      expect(count.value).toBe(2);
      expect(r.address).toBe('S!B2:B10');
      expect(cf.custom.rule.formula).toBe('=$C2="Chậm"');
      expect(cf.custom.format.fill.color).toBe('#FFC7CE');
      list.items[0].delete();
      await ctx.sync();
    });
    expect(fake.conditionalFormats('S')).toEqual([
      {
        id: '1',
        type: 'Custom',
        priority: 0,
        ranges: ['B2:B10'],
        stopIfTrue: false,
        formula: '=$C2="Chậm"',
        format: { fill: '#FFC7CE', fontColor: '#9C0006' },
      },
    ]);
  });

  test('a range’s collection only sees formats that intersect it; getItem by id', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const a = s.getRange('A1:A5').conditionalFormats.add('Custom');
      a.custom.rule.formula = '=A1>1';
      s.getRange('D1:D5').conditionalFormats.add('Custom').custom.rule.formula = '=D1>1';
      a.load('id');
      await ctx.sync();
      const coll = s.getRange('A3:B3').conditionalFormats;
      coll.load('items/id');
      const found = coll.getItem(a.id);
      const missing = coll.getItemOrNullObject('999');
      found.load('priority');
      await ctx.sync();
      expect(coll.items.map((x) => x.id)).toEqual([a.id]);
      expect(found.priority).toBe(1);
      expect(missing.isNullObject).toBe(true);
    });
  });

  test('clearAll removes the range from formats, splitting them; getRange on several areas', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const cf = s.getRange('A1:A10').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=TRUE';
      s.getRange('C1:C3').conditionalFormats.add('Custom').custom.rule.formula = '=TRUE';
      s.getRange('A4:C5').conditionalFormats.clearAll();
      const r = cf.getRangeOrNullObject();
      const areas = cf.getRanges();
      areas.load('address');
      await ctx.sync();
      expect(r.isNullObject).toBe(true);
      expect(areas.address).toBe('Sheet1!A1:A3, Sheet1!A6:A10');
      cf.getRange();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(fake.conditionalFormats('Sheet1').map((c) => c.ranges)).toEqual([['C1:C3'], ['A1:A3', 'A6:A10']]);
  });

  test('priority can be changed', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      const first = r.conditionalFormats.add('Custom');
      first.custom.rule.formula = '=1';
      r.conditionalFormats.add('Custom').custom.rule.formula = '=2';
      first.priority = 0;
      await ctx.sync();
    });
    expect(fake.conditionalFormats('Sheet1').map((c) => c.formula)).toEqual(['=1', '=2']);
  });
});

describe('charts', () => {
  test('add, name, title, legend, axes, series, position, delete', async () => {
    const fake = new FakeExcel({
      sheets: [
        {
          name: 'TK',
          values: [
            ['Quý', 'Đạt', 'Chưa đạt'],
            ['Q1', 10, 2],
            ['Q2', 12, 1],
          ],
        },
      ],
    });
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('TK');
      const chart = s.charts.add(Excel.ChartType.columnClustered, s.getRange('A1:C3'), 'Auto');
      chart.name = 'Tiến độ';
      chart.title.text = 'Tiến độ theo quý';
      chart.legend.position = 'Bottom';
      chart.legend.visible = true;
      chart.axes.valueAxis.maximum = 100;
      chart.axes.valueAxis.minimum = 0;
      chart.axes.valueAxis.title.text = '%';
      chart.series.getItemAt(0).name = 'Đã đạt';
      chart.setPosition('E2', 'L15');
      s.charts.load('items/name');
      const found = s.charts.getItemOrNullObject('Tiến độ');
      const none = s.charts.getItemOrNullObject('Không có');
      chart.series.load('items/name');
      chart.axes.valueAxis.load('maximum, minimum');
      await ctx.sync();
      expect(s.charts.items.map((c) => c.name)).toEqual(['Tiến độ']);
      expect([found.isNullObject, none.isNullObject]).toEqual([false, true]);
      expect(chart.series.items.map((x) => x.name)).toEqual(['Đã đạt', 'Chưa đạt']);
      expect([chart.axes.valueAxis.maximum, chart.axes.valueAxis.minimum]).toEqual([100, 0]);
    });
    const [c] = fake.charts('TK');
    expect(c).toMatchObject({
      name: 'Tiến độ',
      chartType: 'ColumnClustered',
      source: 'A1:C3',
      title: { text: 'Tiến độ theo quý', visible: true },
      legend: { position: 'Bottom', visible: true },
      position: { start: 'E2', end: 'L15' },
      top: 15,
      left: 192,
      width: 384,
      height: 210,
    });
    expect(c.axes.value).toMatchObject({ maximum: 100, minimum: 0, title: { text: '%', visible: true } });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('TK').charts.getItem('Tiến độ').delete();
      await ctx.sync();
    });
    expect(fake.charts('TK')).toEqual([]);
  });

  test('an unknown chart type is InvalidArgument; getItem of a missing chart is ItemNotFound', async () => {
    const fake = new FakeExcel();
    await expect(
      fake.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.charts.add('Sparkly' as Excel.ChartType, s.getRange('A1:B2'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').charts.getItem('Chart 9');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('freeze panes and page layout', () => {
  test('freezeRows, freezeColumns, getLocationOrNullObject, unfreeze', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const fp = ctx.workbook.worksheets.getItem('Sheet1').freezePanes;
      fp.freezeRows(2);
      fp.freezeColumns(1);
      const loc = fp.getLocationOrNullObject();
      loc.load('address');
      await ctx.sync();
      expect(loc.address).toBe('Sheet1!A1:A2');
      expect(fake.snapshot().sheets[0].freezePanes).toEqual({ rows: 2, columns: 1 });
      fp.unfreeze();
      const none = fp.getLocationOrNullObject();
      await ctx.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  test('orientation, paper, zoom fit-to-pages, centring, margins, print titles', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      pl.orientation = Excel.PageOrientation.landscape;
      pl.paperSize = 'A4';
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.centerHorizontally = true;
      pl.leftMargin = 36;
      pl.setPrintTitleRows('$1:$2');
      pl.setPrintArea('A1:F40');
      pl.load('orientation, zoom, leftMargin');
      const titles = pl.getPrintTitleRowsOrNullObject();
      titles.load('address');
      await ctx.sync();
      expect(pl.orientation).toBe('Landscape');
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      expect(pl.leftMargin).toBe(36);
      expect(titles.address).toBe('Sheet1!1:2');
      pl.zoom = { scale: 5 };
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(fake.snapshot().sheets[0].pageLayout).toMatchObject({
      orientation: 'Landscape',
      paperSize: 'A4',
      centerHorizontally: true,
      printTitleRows: '1:2',
      printArea: ['A1:F40'],
    });
  });
});

describe('settings', () => {
  test('add, getItem, value round trip, items, delete', async () => {
    const fake = new FakeExcel({ settings: { existing: 1 } });
    await fake.run(async (ctx) => {
      const settings = ctx.workbook.settings;
      settings.add('cchc.state', { sheet: 'Báo cáo', ranges: ['A1:B2'], n: 3, ok: true, none: null });
      settings.add('existing', 2);
      const got = settings.getItem('cchc.state');
      got.load('value');
      const missing = settings.getItemOrNullObject('nope');
      settings.load('items/key,items/value');
      await ctx.sync();
      expect(got.value).toEqual({ sheet: 'Báo cáo', ranges: ['A1:B2'], n: 3, ok: true, none: null });
      expect(missing.isNullObject).toBe(true);
      expect(settings.items.map((s) => [s.key, s.value])).toEqual([
        ['existing', 2],
        ['cchc.state', { sheet: 'Báo cáo', ranges: ['A1:B2'], n: 3, ok: true, none: null }],
      ]);
      settings.getItem('existing').delete();
      await ctx.sync();
    });
    expect(fake.settings()).toEqual({ 'cchc.state': { sheet: 'Báo cáo', ranges: ['A1:B2'], n: 3, ok: true, none: null } });
  });

  test('a returned value is a copy; non-JSON values are InvalidArgument; getItem of a missing key is ItemNotFound', async () => {
    const fake = new FakeExcel({ settings: { k: { list: [1] } } });
    await fake.run(async (ctx) => {
      const s = ctx.workbook.settings.getItem('k');
      s.load('value');
      await ctx.sync();
      (s.value as { list: number[] }).list.push(2);
    });
    expect(fake.settings()).toEqual({ k: { list: [1] } });
    for (const bad of [() => 1, new Date(), { n: NaN }, undefined]) {
      await expect(
        fake.run(async (ctx) => {
          ctx.workbook.settings.add('bad', bad);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.settings.getItem('nope');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

describe('application and enums', () => {
  test('suspend calls are recorded on the sync; calculationMode loads', async () => {
    const fake = new FakeExcel();
    await fake.run(async (ctx) => {
      ctx.application.suspendApiCalculationUntilNextSync();
      ctx.application.suspendScreenUpdatingUntilNextSync();
      ctx.workbook.application.load('calculationMode');
      await ctx.sync();
      expect(ctx.application.calculationMode).toBe('Automatic');
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(fake.stats.map((s) => [s.suspendedCalculation, s.suspendedScreenUpdating])).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  test('installExcelEnums provides the enum values Office.js code uses', () => {
    expect(Excel.ConditionalFormatType.custom).toBe('Custom');
    expect(Excel.ClearApplyTo.formats).toBe('Formats');
    expect(Excel.BorderIndex.edgeTop).toBe('EdgeTop');
    expect(Excel.SheetVisibility.veryHidden).toBe('VeryHidden');
    expect(ExcelEnums.ChartSeriesBy.columns).toBe('Columns');
    expect(installExcelEnums()).toBe(false);
  });
});
