/** @jest-environment jsdom */
/**
 * Long work: progress from onProgress, one action at a time, and Hủy aborting through the signal
 * with a calm message and the buttons usable again.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { act, waitFor } from '@testing-library/react';
import type { Evaluation } from '../../src/engine';
import type { RunOptions } from '../../src/taskpane/actions';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, isDisabled, renderApp, screen, untilAborted } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

test('Hủy aborts the evaluation: calm message, nothing shown, buttons back', async () => {
  const user = userEvent.setup();
  let options: RunOptions = {};
  const actions = fakeActions(sample, { evaluate: jest.fn(untilAborted<Evaluation>((o) => (options = o))) });
  renderApp(actions);
  const evaluate = await screen.findByRole('button', { name: 'Đánh giá' });
  await user.click(evaluate);

  expect(await screen.findByRole('progressbar', { name: 'Đang đánh giá…' })).toBeTruthy();
  expect(isDisabled(evaluate)).toBe(true);
  expect(isDisabled(screen.getByRole('button', { name: 'Tìm lại danh sách' }))).toBe(true);
  // One action at a time: a second press does nothing.
  await user.click(evaluate);
  expect(actions.evaluate).toHaveBeenCalledTimes(1);

  await user.click(screen.getByRole('button', { name: 'Hủy' }));
  expect(options.signal?.aborted).toBe(true);
  expect(await screen.findByText('Đã hủy; chưa có gì được ghi.')).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Hủy' })).toBeNull();
  expect(isDisabled(evaluate)).toBe(false);
  expect(screen.queryByRole('heading', { name: /^Kết quả năm/ })).toBeNull();
});

test('progress figures from onProgress are shown on a bar', async () => {
  const user = userEvent.setup();
  let options: RunOptions = {};
  const actions = fakeActions(sample, { evaluate: jest.fn(untilAborted<Evaluation>((o) => (options = o))) });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  // Before any figures: a moving bar.
  expect((await screen.findByRole('progressbar', { name: 'Đang đánh giá…' })).hasAttribute('aria-valuenow')).toBe(false);
  act(() => options.onProgress?.(3, 7));
  const bar = await screen.findByRole('progressbar', { name: 'Đang đánh giá… 3/7' });
  expect(bar.getAttribute('aria-valuenow')).toBe('3');
  expect(bar.getAttribute('aria-valuemax')).toBe('7');
  expect(screen.getByRole('status').textContent).toBe('Đang đánh giá…');
  await user.click(screen.getByRole('button', { name: 'Hủy' }));
  await screen.findByText('Đã hủy; chưa có gì được ghi.');
});

test('a read that finishes after Hủy is dropped', async () => {
  const user = userEvent.setup();
  let finish: (e: Evaluation) => void = () => undefined;
  const actions = fakeActions(sample, {
    evaluate: jest.fn(() => new Promise<Evaluation>((resolve) => (finish = resolve))),
  });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }));
  await user.click(await screen.findByRole('button', { name: 'Hủy' }));
  expect(await screen.findByRole('progressbar', { name: 'Đang hủy…' })).toBeTruthy();
  await act(async () => finish(sample.evaluation));
  expect(await screen.findByText('Đã hủy; chưa có gì được ghi.')).toBeTruthy();
  expect(screen.queryByRole('heading', { name: /^Kết quả năm/ })).toBeNull();
});

test('cancelling the look-up after the sample went in says the sample is there', async () => {
  const user = userEvent.setup();
  const detect = jest
    .fn()
    .mockResolvedValueOnce({ lists: [], missing: ['units', 'staff', 'activities'], remembered: {} })
    .mockImplementation(untilAborted());
  const actions = fakeActions(sample, { detect });
  renderApp(actions);
  await user.click(await screen.findByRole('button', { name: 'Chèn dữ liệu mẫu' }));
  // Inserting cannot be stopped midway (its action takes no signal); finding the lists can.
  await user.click(await screen.findByRole('button', { name: 'Hủy' }));
  expect(await screen.findByText('Đã hủy. Dữ liệu mẫu đã được chèn; bấm "Tìm lại danh sách" để đọc.')).toBeTruthy();
  await waitFor(() => expect(isDisabled(screen.getByRole('button', { name: 'Chèn dữ liệu mẫu' }))).toBe(false));
});
