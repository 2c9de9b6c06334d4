/**
 * "Tổng hợp từ nhiều tệp" in the preview in Chromium (issue 13): three files picked in the pane
 * (one damaged), read in the Web Worker with the project's reader, the sheet "Tổng hợp CCHC 2024"
 * written and shown; then 300 ward files of ~150 staff, timed (goal: under 10 s). Saves
 * docs/screenshots/consolidation.png.
 *
 * Run: npm run build:preview && npx jest -c jest.e2e.config.js tests/e2e/consolidate
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Locator, Page } from 'playwright-core';
import { synthesize, toBuffer as synthBuffer } from '../../scripts/synth';
import { buildWorkbook, canonicalSheets, toBuffer, XRow } from '../xlsx/book';
import { STAFF_A, UNITS_A, UNITS_B } from '../xlsx/ward-books';
import { PreviewSession, SHOTS, Watched, openPreview } from './browser';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SHEET = 'Tổng hợp CCHC 2024';

let session: PreviewSession;
let w: Watched;
let page: Page;

const pane = (): Locator => page.getByTestId('pane');
const grid = (): Locator => page.getByTestId('grid');
const cell = (address: string): Locator => grid().locator(`td[data-address="${address}"]`);
const tab = (name: string): Locator => page.getByTestId('sheet-tabs').getByRole('tab', { name, exact: true });

const STAFF_B: XRow[] = [
  [1, 'Phạm Thị Dung', 'Sở Nội vụ', 'Phó Giám đốc', 'x', 'x', 2024, 2024, null, null, null, null],
  [2, 'Võ Thị Giang', 'Sở Tư pháp', 'Chuyên viên', null, 'x', 'x', 'x', null, null, null, null],
];

async function consolidate(files: Array<{ name: string; mimeType: string; buffer: Buffer }>): Promise<number> {
  await pane().locator('input[type="file"]').setInputFiles(files);
  await pane().getByText(`Đã chọn ${files.length} tệp.`).waitFor();
  const t0 = performance.now();
  await pane().getByRole('button', { name: 'Tổng hợp', exact: true }).click();
  await pane()
    .getByText(/Đã tổng hợp \d+ tệp vào trang/)
    .first()
    .waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

beforeAll(async () => {
  session = await openPreview({ needs: 'consolidate-worker.js' });
  ({ w, page } = session);
});

afterAll(() => session?.close());

test('three files picked in the pane, one damaged: the sheet "Tổng hợp CCHC 2024" is written and shown', async () => {
  await page.goto(session.server.url + '/?today=2024-11-26');
  await pane().getByRole('heading', { name: 'Tổng hợp từ nhiều tệp' }).waitFor();
  await pane().getByLabel('Năm tổng hợp (tính đến 31/12)').selectOption('2024');
  const a = await toBuffer(buildWorkbook(canonicalSheets(UNITS_A, STAFF_A)));
  const b = await toBuffer(buildWorkbook(canonicalSheets(UNITS_B, STAFF_B)));
  await consolidate([
    { name: 'quan-1.xlsx', mimeType: XLSX, buffer: a },
    { name: 'quan-3.xlsx', mimeType: XLSX, buffer: b },
    { name: 'hong.xlsx', mimeType: XLSX, buffer: a.subarray(0, a.length >> 1) },
  ]);
  await pane().getByText(`Đã tổng hợp 2 tệp vào trang "${SHEET}". Không đọc được (xem cuối trang): hong.xlsx.`).waitFor();
  await tab(SHEET).click();
  await page.locator(`[data-testid="grid"][data-sheet="${SHEET}"]`).waitFor();
  expect(await cell('A1').textContent()).toBe('TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CCHC NĂM 2024');
  expect(await cell('A4').textContent()).toBe('Tệp');
  expect(await cell('A5').textContent()).toBe('quan-1.xlsx');
  expect(await cell('A6').textContent()).toBe('quan-3.xlsx');
  expect(await cell('A7').textContent()).toBe('TỔNG HỢP');
  expect(await cell('B7').textContent()).toBe('4');
  expect(await cell('C7').textContent()).toBe('5');
  const texts = await grid().locator('td[data-address^="A"]').allTextContents();
  expect(texts).toEqual(expect.arrayContaining(['ĐƠN VỊ THEO TỆP', 'VẤN ĐỀ DỮ LIỆU', 'TỆP KHÔNG ĐỌC ĐƯỢC', 'hong.xlsx']));
  expect(w.pageErrors).toEqual([]);
  expect(w.offsite).toEqual([]);
  await page.screenshot({ path: path.join(SHOTS, 'consolidation.png') });
});

test('300 ward files of ~150 staff consolidate in the preview (timed, goal < 10 s)', async () => {
  await page.goto(session.server.url + '/?today=2024-11-26');
  await pane().getByRole('heading', { name: 'Tổng hợp từ nhiều tệp' }).waitFor();
  await pane().getByLabel('Năm tổng hợp (tính đến 31/12)').selectOption('2024');
  const files: Array<{ name: string; mimeType: string; buffer: Buffer }> = [];
  let staff = 0;
  for (let i = 0; i < 300; i++) {
    const synth = synthesize({
      seed: 1000 + i,
      units: 3,
      staff: 100 + ((i * 37) % 101),
      activities: 2,
      issues: false,
      layout: 'canonical',
      styled: false,
    });
    staff += synth.counts.staff;
    files.push({
      name: `phuong-${String(i + 1).padStart(3, '0')}.xlsx`,
      mimeType: XLSX,
      buffer: await synthBuffer(synth.workbook),
    });
  }
  const ms = await consolidate(files);
  const mb = files.reduce((n, f) => n + f.buffer.length, 0) / 2 ** 20;
  console.log(
    `consolidation in the preview (Chromium): 300 files, ${staff} staff, ${mb.toFixed(1)} MB → ${(ms / 1000).toFixed(2)} s (goal < 10 s)`,
  );
  await pane().getByText(`Đã tổng hợp 300 tệp vào trang "${SHEET}".`).waitFor();
  expect(w.pageErrors).toEqual([]);
});
