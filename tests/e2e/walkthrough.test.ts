/**
 * A new user's walk through the preview in Chromium, pane 320 px wide on a 1280 px page, then the
 * page at 320 px: where focus and the view go after each action, what the pane says, the buttons
 * after "Xóa màu", a field inferred from another column, the workbook view's cells (clipped like
 * Excel, numbers in Vietnamese style, reachable by keyboard), and an axe-core scan of the pane and
 * the preview with no serious or critical violation.
 *
 * Run: npm run build:preview && npx jest -c jest.e2e.config.js tests/e2e/walkthrough.test.ts
 */
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './a11y';
import { PreviewSession, Watched, openPreview } from './browser';

let session: PreviewSession;
let w: Watched;
let page: Page;

const pane = (): Locator => page.getByTestId('pane');
const grid = (): Locator => page.getByTestId('grid');

async function showSheet(name: string): Promise<void> {
  await page.getByTestId('sheet-tabs').getByRole('tab', { name, exact: true }).click();
  await page.locator(`[data-testid="grid"][data-sheet="${name}"]`).waitFor();
}

/** The focused element, described: tag and text. */
function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim()}` : 'none';
  });
}

/** Whether an element is inside the pane's scrolled view and not under the sticky notice. */
function inViewBelowNotice(target: Locator): Promise<{ visible: boolean; covered: boolean }> {
  return target.evaluate((el) => {
    const r = el.getBoundingClientRect();
    let scroller: HTMLElement | null = el.parentElement;
    while (scroller && getComputedStyle(scroller).overflowY !== 'auto') scroller = scroller.parentElement;
    const box = (scroller ?? document.documentElement).getBoundingClientRect();
    const sticky = [...document.querySelectorAll('main > div')].find((d) => getComputedStyle(d).position === 'sticky');
    const stickyBottom = sticky ? sticky.getBoundingClientRect().bottom : box.top;
    return { visible: r.top >= box.top && r.bottom <= box.bottom, covered: r.top < stickyBottom };
  });
}

async function isDisabled(button: Locator): Promise<boolean> {
  return (await button.getAttribute('aria-disabled')) === 'true' || (await button.isDisabled());
}

beforeAll(async () => {
  session = await openPreview({ viewport: { width: 1280, height: 800 } });
  w = session.w;
  page = w.page;
});

afterAll(() => session?.close());

describe('a new user in a 320 px pane on a 1280 px page', () => {
  test('"Chèn dữ liệu mẫu" by keyboard: focus moves to the lists, not to <body>', async () => {
    await page.goto(session.server.url + '/?today=2026-11-29&width=320');
    const insert = pane().getByRole('button', { name: 'Chèn dữ liệu mẫu' });
    await insert.waitFor();
    expect(await pane().evaluate((el) => el.clientWidth)).toBe(320);
    await insert.focus();
    await page.keyboard.press('Enter');
    await pane().getByRole('heading', { name: 'Danh sách trong sổ tính' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    expect(await focused()).toBe('h2:Danh sách trong sổ tính');
    // Each list card has a name of its own (title and sheet).
    const names = await pane()
      .locator('section[aria-labelledby]')
      .evaluateAll((els) =>
        els.map((el) =>
          (el.getAttribute('aria-labelledby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '∅')
            .join(' '),
        ),
      );
    expect(names).not.toContain(expect.stringContaining('∅'));
    expect(new Set(names).size).toBe(names.length);
    // The success notice is labelled by an element that exists.
    const notice = pane().getByRole('group', { name: /^Đã chèn dữ liệu mẫu/ });
    await notice.waitFor();
    const label = await notice.getAttribute('aria-labelledby');
    expect(await page.locator(`[id="${label}"]`).count()).toBe(1);
  });

  test('"Đánh giá": the results come into view, focused, clear of the sticky notice, and a notice says so', async () => {
    await pane().getByLabel('Năm đánh giá (tính đến 31/12)').selectOption('2024');
    await pane().getByRole('button', { name: 'Đánh giá', exact: true }).click();
    const heading = pane().getByRole('heading', { name: 'Kết quả năm 2024' });
    await heading.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Kết quả năm 2024');
    await page.waitForTimeout(300); // the scroll settles
    expect(await inViewBelowNotice(heading)).toEqual({ visible: true, covered: false });
    const notice = pane().getByRole('group', { name: /^Đã đánh giá năm 2024\./ });
    expect(await notice.isVisible()).toBe(true);
    // The summary adds up: 6 + 1 + 2 + 1 = 10.
    await pane()
      .getByText('Đạt 6/10 chỉ tiêu; không đạt 1; chưa xác định 2; không áp dụng (năm này không có chỉ tiêu) 1.', { exact: true })
      .waitFor();
  });

  test('the unit search speaks Vietnamese, its clear button too', async () => {
    const search = pane().getByRole('searchbox', { name: 'Tìm đơn vị' });
    await search.fill('Sở');
    await pane().getByRole('button', { name: 'Xóa nội dung tìm' }).click();
    expect(await search.inputValue()).toBe('');
    expect(await pane().getByRole('button', { name: 'clear', exact: true }).count()).toBe(0);
  });

  test('"Tô màu đơn vị", "Tạo báo cáo", then "Xóa màu": coloring and the report stay available', async () => {
    await pane().getByRole('button', { name: 'Tô màu đơn vị' }).click();
    await pane()
      .getByText(/Đã tô màu 125 đơn vị/)
      .waitFor();
    await pane().getByRole('button', { name: 'Tạo báo cáo' }).click();
    await pane()
      .getByText(/Đã tạo trang báo cáo/)
      .waitFor();
    await pane().getByRole('button', { name: 'Xóa màu', exact: true }).click();
    await pane()
      .getByText(/Đã xóa 1 cột trạng thái/)
      .waitFor();
    expect(await isDisabled(pane().getByRole('button', { name: 'Tô màu đơn vị' }))).toBe(false);
    expect(await isDisabled(pane().getByRole('button', { name: 'Tạo báo cáo' }))).toBe(false);
    await pane().getByRole('button', { name: 'Tô màu đơn vị' }).click();
    await pane()
      .getByText(/Đã tô màu 125 đơn vị/)
      .waitFor();
  });

  test('the report sheet: percentages in the workbook number format, Vietnamese style', async () => {
    await showSheet('Báo cáo CCHC 2024');
    const rates = await grid()
      .locator('td[data-address^="E"]')
      .evaluateAll((tds) => tds.map((td) => td.textContent ?? '').filter((t) => /%$/.test(t)));
    expect(rates.length).toBeGreaterThan(3);
    expect(rates).toContain('86,05%');
    for (const r of rates) expect(r).not.toMatch(/\d\.\d/);
  });

  test('cell text runs on over empty cells only and is cut at the next cell with content', async () => {
    for (const sheet of ['DS đơn vị', 'DS CBCCVC', 'Báo cáo CCHC 2024']) {
      await showSheet(sheet);
      const spills = await grid().evaluate((table) => {
        const bad: string[] = [];
        for (const tr of table.querySelectorAll('tbody tr')) {
          const tds = [...tr.querySelectorAll<HTMLElement>('td[data-address]')];
          tds.forEach((td, i) => {
            if (!td.textContent) return;
            const inner = td.querySelector('span');
            const right = inner ? inner.getBoundingClientRect().right : td.getBoundingClientRect().right;
            const next = tds.slice(i + 1).find((n) => n.textContent);
            if (next && right > next.getBoundingClientRect().left + 1) bad.push(`${td.dataset.address}→${next.dataset.address}`);
          });
        }
        return bad;
      });
      expect(spills).toEqual([]);
    }
  });

  test('the grid area is a keyboard stop with a name', async () => {
    const area = page.getByTestId('grid-area');
    expect(await area.getAttribute('tabindex')).toBe('0');
    expect(await area.getAttribute('aria-label')).toMatch(/^Ô của trang tính /);
    await area.focus();
    expect(await area.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  test('no "Lãnh đạo" column but titles: the card says it is inferred, nothing is reported missing', async () => {
    const staff = pane().getByRole('region', { name: /^Danh sách cán bộ, công chức, viên chức / });
    // A card does not open every column picker at once.
    expect(await staff.getByRole('combobox').count()).toBe(0);
    await staff.getByRole('button', { name: 'Xem, sửa cột' }).click();
    await staff.getByRole('combobox', { name: /^Lãnh đạo/ }).selectOption({ label: '(không có)' });
    await staff.getByText('Lãnh đạo: suy ra từ chức vụ (không có cột riêng)').waitFor();
    expect(await staff.getByText(/Thiếu cột/).count()).toBe(0);
  });

  test('axe-core: no serious or critical violation in the pane or the preview (1280 px)', async () => {
    expect(await seriousViolations(page, '[data-testid="pane"]')).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('at 320 px the toolbar wraps, and axe-core still finds nothing serious', async () => {
    await page.setViewportSize({ width: 320, height: 800 });
    const toolbar = page.getByTestId('preview-toolbar');
    expect(await toolbar.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('a file that is not .xlsx is refused in Vietnamese only', async () => {
    await page
      .getByTestId('open-file')
      .setInputFiles({ name: 'ghi-chu.txt', mimeType: 'text/plain', buffer: Buffer.from('không phải sổ tính') });
    await page.getByTestId('preview-status').getByText('Không mở được "ghi-chu.txt": đây không phải sổ tính .xlsx.').waitFor();
  });

  test('nothing left the machine, and the page logged no errors', () => {
    expect(w.offsite).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });
});
