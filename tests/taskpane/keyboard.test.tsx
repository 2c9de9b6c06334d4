/** @jest-environment jsdom */
/**
 * By keyboard alone: Tab reaches Đánh giá and Enter runs it; focus then moves to the results
 * heading (and after "Chèn dữ liệu mẫu" to the lists); a unit in the results is reached by Tab and chosen with Enter; Space works on buttons.
 */
import './setup';
import userEvent from '@testing-library/user-event';
import { waitFor } from '@testing-library/react';
import { SampleResults, sampleResults } from './fixtures';
import { fakeActions, renderApp, screen } from './helpers';

jest.setTimeout(30_000);

let sample: SampleResults;
beforeAll(async () => {
  sample = await sampleResults();
}, 60_000);

async function tabTo(user: ReturnType<typeof userEvent.setup>, target: HTMLElement, limit = 80): Promise<void> {
  for (let i = 0; i < limit && document.activeElement !== target; i++) await user.tab();
  expect(document.activeElement).toBe(target);
}

test('Tab to Đánh giá, Enter evaluates; focus then moves to the results heading', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample);
  renderApp(actions, 'vi', 2024);
  const evaluate = await screen.findByRole('button', { name: 'Đánh giá' });
  await tabTo(user, evaluate);
  await user.keyboard('{Enter}');
  expect(actions.evaluate).toHaveBeenCalledTimes(1);
  expect(actions.evaluate).toHaveBeenCalledWith(2024, false, expect.anything());
  const heading = await screen.findByRole('heading', { name: 'Kết quả năm 2024' }, { timeout: 10_000 });
  await waitFor(() => expect(document.activeElement).toBe(heading));
  // A visible notice says what happened, not only the live region.
  expect(screen.getByRole('group', { name: /^Đã đánh giá năm 2024\. Đạt 6\/10/ })).toBeTruthy();
});

test('a unit is reached by Tab and chosen with Enter; Space presses buttons too', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample);
  renderApp(actions, 'vi', 2024);
  const evaluate = await screen.findByRole('button', { name: 'Đánh giá' });
  await tabTo(user, evaluate);
  await user.keyboard(' ');
  await screen.findByRole('heading', { name: 'Kết quả năm 2024' }, { timeout: 15_000 });
  const unit = screen.getByRole('button', { name: /^Văn phòng Ủy ban nhân dân Thành phố/ });
  await tabTo(user, unit, 200);
  await user.keyboard('{Enter}');
  await waitFor(() => expect(actions.select).toHaveBeenCalledWith('DS đơn vị', 'A10'));
});

test('the year picker and the reading are reachable by Tab (native select, checkbox toggled by Space)', async () => {
  const user = userEvent.setup();
  const actions = fakeActions(sample);
  renderApp(actions, 'vi', 2024);
  const year = await screen.findByRole('combobox', { name: 'Năm đánh giá (tính đến 31/12)' });
  await tabTo(user, year);
  // A native <select>: the browser handles its arrow keys; jsdom does not, so choose directly.
  await user.selectOptions(year, '2025');
  const reading = screen.getByRole('checkbox', { name: 'Hiểu "trên X %" là "từ X % trở lên"' });
  await tabTo(user, reading);
  await user.keyboard(' ');
  await tabTo(user, screen.getByRole('button', { name: 'Đánh giá' }));
  await user.keyboard('{Enter}');
  expect(actions.evaluate).toHaveBeenCalledWith(2025, true, expect.anything());
});
