/**
 * The period summary and training-needed sheets in the built preview (the real pane over the
 * in-memory Excel), in Chromium, offline: one click each after evaluating 2024; what the workbook
 * view shows; "Xóa màu" with the report sheets removes them. Saves docs/screenshots/period-sheet.png
 * and training-sheet.png.
 *
 * Run: npm run test:e2e (builds dist/preview first), or after `npm run build:preview`:
 * npx jest -c jest.e2e.config.js tests/e2e/report-sheets.test.ts
 */
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PreviewSession, SHOTS, evaluateSample, openPreview } from './browser';

const PERIOD = 'Tổng kết CCHC 2022–2025';
const TRAINING = 'Danh sách cần bồi dưỡng';

let session: PreviewSession;
let page: Page;

const pane = (): Locator => page.getByTestId('pane');
const grid = (): Locator => page.getByTestId('grid');
const cell = (address: string): Locator => grid().locator(`td[data-address="${address}"]`);
const tabs = (): Promise<string[]> => page.getByTestId('sheet-tabs').getByRole('tab').allTextContents();
const text = async (address: string): Promise<string> => (await cell(address).textContent()) ?? '';

beforeAll(async () => {
  session = await openPreview();
  page = session.page;
});

afterAll(() => session?.close());

test('the period summary and the training list, one click each, then cleared', async () => {
  await evaluateSample(session, 2024);

  await pane().getByRole('button', { name: 'Trang tổng kết 2022–2025' }).click();
  await pane().getByText(`Đã tạo trang "${PERIOD}".`).first().waitFor();
  await page.locator(`[data-testid="grid"][data-sheet="${PERIOD}"]`).waitFor();
  expect(await text('A1')).toBe('TỔNG KẾT CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN 2022–2025');
  expect(await Promise.all(['C6', 'F6', 'I6', 'L6'].map(text))).toEqual(['2022', '2023', '2024', '2025']);
  expect(await text('B8')).toBe('T01. Bố trí vị trí việc làm CCHC');
  expect(await text('K8')).toBe('Không đạt'); // T01 in 2024, as the year's report says
  const chart = page.getByRole('figure', { name: 'Tỷ lệ đạt các chỉ tiêu tỷ lệ qua các năm' });
  await chart.waitFor();
  // A line chart: one line per rate target (T01–T04) across the four years.
  expect(await chart.getByTestId('line-plot').locator('polyline').count()).toBe(4);
  await page.getByTestId('zoom').selectOption('70');
  await page.getByTestId('workbook').screenshot({ path: path.join(SHOTS, 'period-sheet.png') });
  await page.getByTestId('zoom').selectOption('100');

  await pane().getByRole('button', { name: 'Danh sách cần bồi dưỡng' }).click();
  await pane().getByText(`Đã tạo trang "${TRAINING}".`).first().waitFor();
  await page.locator(`[data-testid="grid"][data-sheet="${TRAINING}"]`).waitFor();
  expect(await Promise.all(['A4', 'B4', 'E4', 'I4'].map(text))).toEqual(['STT', 'Đơn vị', 'Họ và tên', 'Đi tới']);
  expect(await text('A5')).toBe('1');
  expect(await text('I5')).toMatch(/^DS CBCCVC!A\d+$/);
  await page.getByTestId('zoom').selectOption('70');
  await page.getByTestId('workbook').screenshot({ path: path.join(SHOTS, 'training-sheet.png') });
  await page.getByTestId('zoom').selectOption('100');

  await pane().getByRole('checkbox', { name: 'Xóa cả các trang báo cáo' }).check();
  await pane().getByRole('button', { name: 'Xóa màu', exact: true }).click();
  await pane()
    .getByText(/2 trang báo cáo/)
    .first()
    .waitFor();
  expect(await tabs()).toEqual(['Sheet1', 'Hướng dẫn', 'DS đơn vị', 'DS CBCCVC', 'Hoạt động 2022-2025']);
});
