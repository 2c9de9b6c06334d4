/**
 * The add-in's main job in a browser: the built preview (the real task pane over the in-memory
 * Excel) in Chromium, with no network. Insert the sample, evaluate 2024, color the units, build
 * the report, clear — checking what the pane says and what the workbook view shows — then the
 * English pane. Saves the README's screenshots into docs/screenshots/.
 *
 * Run: npm run test:e2e (builds dist/preview first).
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PreviewSession, ROOT, SHOTS, Watched, openPreview } from './browser';

/** A fixed "today" so the report's date line (and its screenshot) is the same on every run. */
const QUERY = '?today=2026-11-26';

const PINK = 'rgb(255, 199, 206)'; // #FFC7CE, non-compliant
const PINK_TEXT = 'rgb(156, 0, 6)'; // #9C0006
const GREEN = 'rgb(198, 239, 206)'; // #C6EFCE, compliant
const AMBER = 'rgb(255, 235, 156)'; // #FFEB9C, undetermined
const WHITE = 'rgba(0, 0, 0, 0)';

const SAMPLE_SHEETS = ['Sheet1', 'Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025'];
const REPORT = 'Báo cáo CCHC 2024';

let session: PreviewSession;
let w: Watched;
let page: Page;

const pane = (): Locator => page.getByTestId('pane');
const grid = (): Locator => page.getByTestId('grid');
const cell = (address: string): Locator => grid().locator(`td[data-address="${address}"]`);
const tab = (name: string): Locator => page.getByTestId('sheet-tabs').getByRole('tab', { name, exact: true });

async function tabs(): Promise<string[]> {
  return page.getByTestId('sheet-tabs').getByRole('tab').allTextContents();
}

async function showSheet(name: string): Promise<void> {
  await tab(name).click();
  await page.locator(`[data-testid="grid"][data-sheet="${name}"]`).waitFor();
}

async function text(address: string): Promise<string> {
  return (await cell(address).textContent()) ?? '';
}

async function look(address: string): Promise<{ background: string; color: string }> {
  return cell(address).evaluate((td) => {
    const cs = getComputedStyle(td);
    return { background: cs.backgroundColor, color: cs.color };
  });
}

/** What the view shows of a sheet: every drawn cell's text, fill, font color and weight. */
async function sheetView(name: string): Promise<string[]> {
  await showSheet(name);
  return grid()
    .locator('td[data-address]')
    .evaluateAll((tds) =>
      tds.map((td) => {
        const cs = getComputedStyle(td);
        return [(td as HTMLElement).dataset.address, td.textContent, cs.backgroundColor, cs.color, cs.fontWeight].join('|');
      }),
    );
}

async function workbookView(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of await tabs()) out[name] = await sheetView(name);
  return out;
}

/** Column G's status words on the units sheet, counted. */
async function statusCounts(): Promise<Record<string, number>> {
  return grid()
    .locator('td[data-address]')
    .evaluateAll((tds) => {
      const counts: Record<string, number> = {};
      for (const td of tds) {
        const m = /^G(\d+)$/.exec((td as HTMLElement).dataset.address ?? '');
        if (!m || Number(m[1]) <= 7 || !td.textContent) continue;
        counts[td.textContent] = (counts[td.textContent] ?? 0) + 1;
      }
      return counts;
    });
}

/** Lazy chunks the page has fetched so far (chunks/NAME.HASH.js → NAME). */
function chunks(): string[] {
  return [...new Set(session.server.requests.filter((r) => r.startsWith('/chunks/')).map((r) => r.split('/')[2].split('.')[0]))];
}

async function waitForNotice(pattern: RegExp): Promise<void> {
  await pane().getByText(pattern).first().waitFor();
}

beforeAll(async () => {
  session = await openPreview();
  ({ w, page } = session);
});

afterAll(() => session?.close());

describe('the preview in Chromium, offline', () => {
  let afterSample: Record<string, string[]>;

  test('opens on an empty workbook; the pane offers the sample', async () => {
    await page.goto(session.server.url + '/' + QUERY);
    await pane().getByRole('button', { name: 'Chèn dữ liệu mẫu' }).waitFor();
    await pane().getByRole('heading', { name: 'Chưa tìm thấy danh sách nào' }).waitFor();
    expect(await tabs()).toEqual(['Sheet1']);
    expect(await page.getByTestId('pane-width').textContent()).toBe('350 px');
    expect(await pane().evaluate((el) => el.clientWidth)).toBe(350);
    // The sample data and the .xlsx reader are not fetched before they are needed.
    expect(chunks()).not.toContain('sample');
    expect(chunks()).not.toContain('xlsx-reader');
  });

  test('"Chèn dữ liệu mẫu" adds the sample sheets and the pane shows the three lists', async () => {
    await pane().getByRole('button', { name: 'Chèn dữ liệu mẫu' }).click();
    await pane().getByRole('heading', { name: 'Danh sách trong sổ tính' }).waitFor();
    await waitForNotice(/Đã chèn dữ liệu mẫu vào các trang tính mới: Hướng dẫn, DS đơn vị, DS CBCCVC, Hoạt động 2022-2025/);
    const lists = pane().getByRole('region', { name: 'Danh sách trong sổ tính' });
    const facts = await lists.locator('li').allTextContents();
    expect(facts).toEqual(
      expect.arrayContaining([
        'Trang tính: DS đơn vị',
        'Đã đọc: 125 đơn vị',
        'Trang tính: DS CBCCVC',
        'Dòng tiêu đề: 7–8',
        'Đã đọc: 1.500 cán bộ, công chức, viên chức',
        'Trang tính: Hoạt động 2022-2025',
        'Đã đọc: 40 hoạt động',
      ]),
    );
    expect(await tabs()).toEqual(SAMPLE_SHEETS);
    expect(chunks()).toContain('sample');
    expect(chunks()).not.toContain('xlsx-reader');
    // The sample activates its units sheet.
    await page.locator('[data-testid="grid"][data-sheet="DS đơn vị"]').waitFor();
    expect(await text('A1')).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH');
    expect(await text('B7')).toBe('TÊN CƠ QUAN, ĐƠN VỊ');
    expect(await text('G7')).toBe('');
    // Gridlines, as the sheet shows them (the report sheet turns them off).
    expect(await cell('C40').evaluate((td) => getComputedStyle(td).borderRight)).toBe('1px solid rgb(225, 225, 225)');
    afterSample = await workbookView();
    await showSheet('DS đơn vị');
  });

  test('a 1,500-row list is drawn 300 rows at a time', async () => {
    await showSheet('DS CBCCVC');
    expect(await grid().locator('tbody tr').count()).toBe(300);
    await page.getByTestId('more-rows').getByText('… còn 1.215 hàng nữa').waitFor();
    await page.getByTestId('more-rows').getByRole('button', { name: 'Xem hàng 301–600' }).click();
    await grid().locator('tr[data-row="301"]').waitFor();
    expect(await grid().locator('tbody tr').first().getAttribute('data-row')).toBe('301');
    await showSheet('DS đơn vị');
  });

  test('evaluating 2024 shows a card per target with its status and figures', async () => {
    await pane().getByLabel('Năm đánh giá (tính đến 31/12)').selectOption('2024');
    await pane().getByRole('button', { name: 'Đánh giá', exact: true }).click();
    await pane().getByRole('heading', { name: 'Kết quả năm 2024' }).waitFor();
    await pane()
      .getByText('Đạt 6/10 chỉ tiêu; không đạt 1; chưa xác định 2; không áp dụng (năm này không có chỉ tiêu) 1.', { exact: true })
      .waitFor();
    const card = (id: string) => pane().getByRole('region', { name: new RegExp(`^${id} · `) });
    const t01 = (await card('T01').textContent()) ?? '';
    expect(t01).toContain('Không đạt');
    expect(t01).toContain('37/43 = 86,05 %');
    expect(t01).toContain('Còn thiếu 2');
    const t02 = (await card('T02').textContent()) ?? '';
    expect(t02).toContain('Đạt');
    expect(t02).toContain('326/350');
    const t04 = (await card('T04').textContent()) ?? '';
    expect(t04).toContain('Chưa xác định');
    expect(t04).toContain('799/1.000');
    expect(await card('T06').textContent()).toContain('Không áp dụng');
    await pane().getByRole('heading', { name: 'Đơn vị không đạt, chưa xác định (48)' }).waitFor();
  });

  test('"Tô màu đơn vị" writes the status column and the view colors the unit rows', async () => {
    await pane().getByRole('button', { name: 'Tô màu đơn vị' }).click();
    await waitForNotice(/Đã tô màu 125 đơn vị/);
    await showSheet('DS đơn vị');
    expect(await text('G7')).toBe('Trạng thái CCHC 2024');
    // Row 10: Văn phòng UBND Thành phố, not compliant — the whole row A:G light red, dark red text.
    expect(await text('B10')).toBe('Văn phòng Ủy ban nhân dân Thành phố');
    expect(await text('G10')).toBe('Không đạt');
    for (const col of 'ABCDEFG') expect(await look(`${col}10`)).toEqual({ background: PINK, color: PINK_TEXT });
    // Row 12: Sở Tư pháp, compliant — green.
    expect(await text('G12')).toBe('Đạt');
    expect((await look('B12')).background).toBe(GREEN);
    // Header and group rows keep their own look.
    expect((await look('B7')).background).toBe(WHITE);
    expect((await look('B9')).background).toBe(WHITE);
    expect(await statusCounts()).toEqual({ 'Không đạt': 46, Đạt: 77, 'Chưa xác định': 2 });
    const amber = await grid()
      .locator('td[data-address^="G"]', { hasText: 'Chưa xác định' })
      .evaluateAll((tds) => tds.map((td) => getComputedStyle(td).backgroundColor));
    expect(amber).toEqual([AMBER, AMBER]);

    // The README's pictures: the whole preview after coloring, and the pane at its narrowest.
    await page.getByTestId('zoom').selectOption('70');
    await pane()
      .getByRole('heading', { name: 'Kết quả năm 2024' })
      .evaluate((h) => h.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: path.join(SHOTS, 'preview-colored.png') });
    await page.getByTestId('zoom').selectOption('100');
    await page.getByRole('radio', { name: '320 px' }).click();
    await page.getByTestId('pane-width').getByText('320 px').waitFor();
    expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
    // Nothing in the pane is wider than the pane.
    expect(await pane().evaluate((el) => el.querySelector('main')?.scrollWidth ?? 0)).toBeLessThanOrEqual(320);
    await pane()
      .getByRole('region', { name: /^T01 · / })
      .scrollIntoViewIfNeeded();
    await pane().screenshot({ path: path.join(SHOTS, 'pane-320.png') });
    await page.getByRole('radio', { name: '350 px' }).click();
    await page.getByTestId('pane-width').getByText('350 px').waitFor();
  });

  test('choosing a unit in the pane selects its row in the workbook', async () => {
    await showSheet('Hướng dẫn');
    await pane()
      .getByRole('button', { name: /DS đơn vị!A11$/ })
      .click();
    await page.locator('[data-testid="grid"][data-sheet="DS đơn vị"]').waitFor();
    await cell('A11').and(page.locator('[aria-selected="true"]')).waitFor();
    expect(await page.getByTestId('name-box').textContent()).toBe('A11');
  });

  test('"Tạo báo cáo" adds the report sheet with the targets table', async () => {
    await pane().getByRole('button', { name: 'Tạo báo cáo' }).click();
    await waitForNotice(/Đã tạo trang báo cáo "Báo cáo CCHC 2024"/);
    await page.locator(`[data-testid="grid"][data-sheet="${REPORT}"]`).waitFor();
    expect(await tabs()).toEqual([...SAMPLE_SHEETS, REPORT]);
    expect(await tab(REPORT).getAttribute('aria-selected')).toBe('true');
    expect(await text('A5')).toBe('BÁO CÁO');
    expect(await cell('H30').evaluate((td) => getComputedStyle(td).borderRightStyle)).toBe('none');
    expect(await text('A9')).toBe('I. KẾT QUẢ CÁC CHỈ TIÊU');
    const header = await Promise.all(['A10', 'B10', 'C10', 'D10', 'E10', 'F10', 'G10'].map(text));
    expect(header).toEqual(['STT', 'Chỉ tiêu', 'Kế hoạch', 'Kết quả', 'Tỷ lệ', 'Đánh giá', 'Còn thiếu']);
    expect(await text('B11')).toBe('T01. Bố trí vị trí việc làm CCHC');
    expect(await text('C11')).toBe('> 90 %');
    expect(await text('D11')).toBe('37/43 (+1 chưa rõ)');
    expect(await text('F11')).toBe('Không đạt');
    expect(await look('F11')).toEqual({ background: PINK, color: PINK_TEXT });
    expect(await text('F12')).toBe('Đạt');
    expect((await look('F12')).background).toBe(GREEN);
    expect(await text('F14')).toBe('Chưa xác định');
    expect((await look('F14')).background).toBe(AMBER);
    // The chart, drawn as a labelled box over the cells from A24, is on top (not clipped by its cell).
    const chart = page.getByRole('figure', { name: 'Tỷ lệ đạt so với kế hoạch' });
    await chart.waitFor();
    expect(
      await chart.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 200 && el.contains(document.elementFromPoint(r.left + r.width / 2, r.top + 30));
      }),
    ).toBe(true);
    expect(await chart.textContent()).toContain('T01');
    await page.getByTestId('zoom').selectOption('70');
    await page.getByTestId('workbook').screenshot({ path: path.join(SHOTS, 'report-sheet.png') });
    await page.getByTestId('zoom').selectOption('100');
  });

  test('"Xóa màu" with the report sheets gives back the workbook as it was after inserting the sample', async () => {
    await pane().getByRole('checkbox', { name: 'Xóa cả các trang báo cáo' }).check();
    await pane().getByRole('button', { name: 'Xóa màu', exact: true }).click();
    await waitForNotice(/Đã xóa 1 cột trạng thái, 3 quy tắc tô màu, 1 trang báo cáo/);
    await tab(REPORT).waitFor({ state: 'detached' });
    expect(await tabs()).toEqual(SAMPLE_SHEETS);
    await showSheet('DS đơn vị');
    expect(await text('G7')).toBe('');
    expect(await text('G10')).toBe('');
    expect((await look('B10')).background).toBe(WHITE);
    expect(await grid().locator('td[data-conditional]').count()).toBe(0);
    expect(await workbookView()).toEqual(afterSample);
  });

  test('"Mở tệp .xlsx…" reads a workbook in the browser (the .xlsx reader loaded only then) and the pane finds its lists', async () => {
    expect(chunks()).not.toContain('xlsx-reader');
    await page.getByTestId('open-file').setInputFiles(path.join(ROOT, 'assets/sample/cchc-mau.xlsx'));
    await page.getByTestId('preview-status').getByText('Đã mở "cchc-mau.xlsx" (4 trang tính).').waitFor();
    expect(chunks()).toContain('xlsx-reader');
    expect(chunks()).not.toContain('exceljs');
    expect(await tabs()).toEqual(SAMPLE_SHEETS.slice(1));
    await pane().getByRole('heading', { name: 'Danh sách trong sổ tính' }).waitFor();
    const facts = await pane().getByRole('region', { name: 'Danh sách trong sổ tính' }).locator('li').allTextContents();
    expect(facts).toEqual(
      expect.arrayContaining(['Đã đọc: 125 đơn vị', 'Đã đọc: 1.500 cán bộ, công chức, viên chức', 'Đã đọc: 40 hoạt động']),
    );
    await pane().getByLabel('Năm đánh giá (tính đến 31/12)').selectOption('2024');
    await pane().getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const t01 = pane().getByRole('region', { name: /^T01 · / });
    await t01.getByText('Không đạt').waitFor();
    expect(await t01.textContent()).toContain('37/43 = 86,05 %');
    await showSheet('DS đơn vị');
    expect(await text('B10')).toBe('Văn phòng Ủy ban nhân dân Thành phố');
  });

  test('a file that is not an .xlsx is refused with a message, and the open workbook stays', async () => {
    await page
      .getByTestId('open-file')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải sổ tính') });
    await page.getByTestId('preview-status').getByText('Không mở được "ghi-chu.txt": đây không phải sổ tính .xlsx.').waitFor();
    expect(await tabs()).toEqual(SAMPLE_SHEETS.slice(1));
  });

  test('"Mở dữ liệu mẫu" opens the bundled sample as a workbook of its own', async () => {
    await page.getByRole('button', { name: 'Mở dữ liệu mẫu' }).click();
    await page.getByTestId('preview-status').getByText('Đã mở "cchc-mau.xlsx" (4 trang tính).').waitFor();
    await pane().getByRole('heading', { name: 'Danh sách trong sổ tính' }).waitFor();
    expect(await tabs()).toEqual(SAMPLE_SHEETS.slice(1));
    expect(await page.locator('[data-testid="grid"]').getAttribute('data-sheet')).toBe('DS đơn vị');
  });

  test('the English pane: the language switch reloads the pane in English', async () => {
    await page.getByRole('radio', { name: 'English' }).click();
    await pane().getByRole('heading', { name: 'Lists in the workbook' }).waitFor();
    await pane().getByLabel('Year (as at 31 December)').selectOption('2024');
    await pane().getByRole('button', { name: 'Evaluate', exact: true }).click();
    const t01 = pane().getByRole('region', { name: /^T01 · / });
    await t01.getByText('Not met').waitFor();
    expect(await t01.textContent()).toContain('37/43');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  test('an English pane on a fresh page (?lang=en) offers the sample in English', async () => {
    await page.goto(session.server.url + '/?lang=en');
    await pane().getByRole('button', { name: 'Insert sample data' }).waitFor();
    await pane().getByRole('button', { name: 'Evaluate' }).waitFor({ state: 'detached' });
  });

  test('nothing left the machine, and the page logged no errors', () => {
    expect(w.offsite).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
    expect(session.server.requests.length).toBeGreaterThan(0);
  });
});
