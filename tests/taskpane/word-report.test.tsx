/** @jest-environment jsdom */
/**
 * "Báo cáo Word" in the pane: offered once evaluated, asks the session for the year's report or
 * the period summary, downloads the bytes under the session's file name and says so.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, isDisabled, renderApp, screen } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults(2024);
}, 60_000);

test('the Word buttons download the report the session built', async () => {
  const created: Blob[] = [];
  const clicks: string[] = [];
  URL.createObjectURL = jest.fn((b: Blob) => (created.push(b), 'blob:report'));
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicks.push(this.download);
  });
  const wordReport = jest.fn(async (period: boolean) => ({
    bytes: new Uint8Array([80, 75, 3, 4]),
    fileName: period ? 'bao-cao-tong-ket-2022-2025.docx' : 'bao-cao-cchc-2024.docx',
  }));
  const user = userEvent.setup();
  renderApp(fakeActions(sample, { wordReport }), 'vi', 2024);
  await screen.findByRole('button', { name: 'Đánh giá' }, { timeout: 15_000 });
  expect(screen.queryByRole('button', { name: 'Báo cáo Word' })).toBeNull();

  await user.click(screen.getByRole('button', { name: 'Đánh giá' }));
  const year = await screen.findByRole('button', { name: 'Báo cáo Word' });
  expect(isDisabled(year)).toBe(false);
  await user.click(year);
  expect(wordReport).toHaveBeenCalledWith(false, expect.anything());
  expect(await screen.findByText(/Đã tạo tệp "bao-cao-cchc-2024.docx"/)).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Báo cáo tổng kết 2022–2025 (Word)' }));
  expect(wordReport).toHaveBeenLastCalledWith(true, expect.anything());
  expect(clicks).toEqual(['bao-cao-cchc-2024.docx', 'bao-cao-tong-ket-2022-2025.docx']);
  expect(created.map((b) => b.type)).toEqual([
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ]);
});

test('without the action (a host that cannot build it) nothing is offered', async () => {
  const user = userEvent.setup();
  renderApp(fakeActions(sample), 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await screen.findByRole('button', { name: 'Tạo báo cáo' });
  expect(screen.queryByRole('button', { name: 'Báo cáo Word' })).toBeNull();
});
