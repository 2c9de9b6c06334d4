/**
 * The letterhead form and who still needs training in the built preview (the real pane over the
 * in-memory Excel) in Chromium, at the pane's narrowest (320 px): the form fits, is saved in the
 * workbook's settings and read back; a person in the T02 list is selected in the workbook view.
 *
 * Run: npm run build:preview && npx jest -c jest.e2e.config.js tests/e2e/needs.test.ts
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './a11y';
import { PreviewSession, SHOTS, Watched, evaluateSample, openPreview } from './browser';

let session: PreviewSession;
let w: Watched;
let page: Page;

const pane = (): Locator => page.getByTestId('pane');
const fits = () => pane().evaluate((el) => (el.querySelector('main')?.scrollWidth ?? 0) <= el.clientWidth);

beforeAll(async () => {
  session = await openPreview();
  ({ w, page } = session);
  await evaluateSample(session, 2024);
  await page.getByRole('radio', { name: '320 px' }).click();
  await page.getByTestId('pane-width').getByText('320 px').waitFor();
});

afterAll(() => session?.close());

describe('the letterhead and who needs training at 320 px', () => {
  test('the letterhead form fits, is filled from the heading rows, and is saved', async () => {
    await pane().getByRole('button', { name: 'Thông tin văn bản (Word)' }).click();
    const form = pane().getByRole('form', { name: 'Thông tin văn bản (Word)' });
    await form.waitFor();
    // The sample's heading rows: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH" over its department.
    expect(await form.getByRole('textbox', { name: 'Cơ quan chủ quản' }).inputValue()).toBe(
      'ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH',
    );
    expect(await form.getByRole('textbox', { name: 'Người ký', exact: true }).getAttribute('placeholder')).toBe('……');
    expect(await fits()).toBe(true);
    await form.getByRole('textbox', { name: 'Người ký', exact: true }).fill('Nguyễn Thị Lan');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByText('Đã lưu thông tin văn bản trong sổ tính này.').waitFor();
    await form.scrollIntoViewIfNeeded();
    await pane().screenshot({ path: path.join(SHOTS, 'pane-320-letterhead.png') });
  });

  test('a person in the T02 list is selected in the workbook view', async () => {
    const card = pane().getByRole('region', { name: /^T02 · / });
    await card.getByRole('button', { name: 'Ai chưa đạt T02?' }).click();
    const list = card.getByRole('region', { name: 'Ai chưa đạt T02?' });
    await list.getByText(/^Chưa đạt \(/).waitFor();
    expect(await fits()).toBe(true);
    const first = list.getByRole('listitem').first().getByRole('button');
    const where = (await first.textContent()) ?? '';
    const m = /(DS CBCCVC) · dòng (\d+)/.exec(where);
    expect(m).not.toBeNull();
    await first.scrollIntoViewIfNeeded();
    await pane().screenshot({ path: path.join(SHOTS, 'pane-320-needs.png') });
    await first.click();
    await page.locator('[data-testid="grid"][data-sheet="DS CBCCVC"]').waitFor();
    expect(await page.getByTestId('name-box').textContent()).toMatch(new RegExp(`^[A-Z]+${m?.[2]}$`));
  });

  test('axe finds nothing serious in the pane with the form and a unit’s list open', async () => {
    const unit = pane()
      .getByRole('region', { name: /^Đơn vị không đạt/ })
      .getByRole('listitem')
      .first();
    await unit.getByRole('button', { name: 'Ai còn cần bồi dưỡng?' }).click();
    await unit.getByRole('region', { name: 'Ai còn cần bồi dưỡng?' }).waitFor();
    expect(await fits()).toBe(true);
    expect(await seriousViolations(page, '[data-testid="pane"]')).toEqual([]);
  });

  test('the page logged no errors and nothing left the machine', () => {
    expect(w.offsite).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    expect(w.consoleErrors).toEqual([]);
  });
});
