/** @jest-environment jsdom */
/**
 * Beside "Tạo báo cáo": the period summary sheet and the training-needed list, one click each,
 * offered once evaluated; the report button keeps its own behaviour; the notice names the sheet.
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

const outcome = (sheet: string, kept: string | null = null) => ({ sheet, kept, syncs: 3, read: null as never });

test('each report sheet is one click once evaluated, and says which sheet it made', async () => {
  const reportSheet = jest.fn(async (kind: 'period' | 'training') =>
    kind === 'period' ? outcome('Tổng kết CCHC 2022–2025') : outcome('Danh sách cần bồi dưỡng (2)', 'Danh sách cần bồi dưỡng'),
  );
  const actions = fakeActions(sample, { reportSheet });
  const user = userEvent.setup();
  renderApp(actions, 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }, { timeout: 15_000 }));
  const period = await screen.findByRole('button', { name: 'Trang tổng kết 2022–2025' });
  expect(isDisabled(period)).toBe(false);
  await user.click(period);
  expect(reportSheet).toHaveBeenCalledWith('period', expect.anything());
  expect(await screen.findByText('Đã tạo trang "Tổng kết CCHC 2022–2025".')).toBeTruthy();

  await user.click(screen.getByRole('button', { name: 'Danh sách cần bồi dưỡng' }));
  expect(reportSheet).toHaveBeenLastCalledWith('training', expect.anything());
  expect(
    await screen.findByText(/Đã tạo trang "Danh sách cần bồi dưỡng \(2\)"\. Trang "Danh sách cần bồi dưỡng" đã được bạn sửa/),
  ).toBeTruthy();

  // The yearly report is still its own button and its own action.
  await user.click(screen.getByRole('button', { name: 'Tạo báo cáo' }));
  expect(actions.report).toHaveBeenCalledTimes(1);
  expect(reportSheet).toHaveBeenCalledTimes(2);
});

test('in English; not offered before an evaluation nor without the action', async () => {
  const reportSheet = jest.fn(async () => outcome('CCHC summary 2022–2025'));
  const user = userEvent.setup();
  const { unmount } = renderApp(fakeActions(sample, { reportSheet }), 'en', 2024);
  const evaluate = await screen.findByRole('button', { name: 'Evaluate' }, { timeout: 15_000 });
  expect(screen.queryByRole('button', { name: '2022–2025 summary sheet' })).toBeNull();
  await user.click(evaluate);
  await user.click(await screen.findByRole('button', { name: '2022–2025 summary sheet' }));
  expect(await screen.findByText('Created the sheet "CCHC summary 2022–2025".')).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Training needed' })).toBeTruthy();
  unmount();

  renderApp(fakeActions(sample), 'vi', 2024);
  await user.click(await screen.findByRole('button', { name: 'Đánh giá' }, { timeout: 15_000 }));
  await screen.findByRole('button', { name: 'Tạo báo cáo' });
  expect(screen.queryByRole('button', { name: 'Danh sách cần bồi dưỡng' })).toBeNull();
});
